"""Similarity of paraphrases vs unrelated answers on the default model, and the threshold that separates them.

Paraphrases: every not-drift pair of data/drift_pairs.yaml (rewordings, resamples, number words, reordering,
synonyms, politeness, whitespace). Unrelated answers: the baseline of one such pair against the candidate of
another with a different baseline, plus the topic, refusal and language-switch pairs. The threshold is chosen
on the dev half and checked on the held-out half (see common.Pair.split).
Run: .venv/bin/python benchmarks/similarity_threshold.py
"""

from __future__ import annotations

from itertools import combinations

import numpy as np
from common import Pair, load_pairs, offline

from promptops.config import ProjectConfig
from promptops.scorer import Scorer

UNRELATED_KINDS = ("topic", "refusal", "language")
SPOT_CHECK = ("Refunds take 5 business days.", "You will get your money back within five working days.")


def summary(name: str, values: np.ndarray) -> None:
    """Print min, percentiles and max of a similarity sample."""
    p1, p5, p50, p95, p99 = np.percentile(values, [1, 5, 50, 95, 99])
    print(
        f"  {name:<11} n={len(values):>4}  min {values.min():.2f}  p1 {p1:.2f}  p5 {p5:.2f}  median {p50:.2f}  "
        f"p95 {p95:.2f}  p99 {p99:.2f}  max {values.max():.2f}"
    )


def samples(pairs: list[Pair], scorer: Scorer) -> tuple[np.ndarray, np.ndarray]:
    """(paraphrase similarities, unrelated-answer similarities) of a set of pairs."""
    same = [p for p in pairs if not p.drift]
    para = [(p.before, p.after) for p in same]
    unrelated = [(a.before, b.after) for a, b in combinations(same, 2) if a.before != b.before]
    unrelated += [(p.before, p.after) for p in pairs if p.kind in UNRELATED_KINDS]
    sims = scorer.matrix  # one batched call per sample, then pick the pairs
    texts = list(dict.fromkeys(t for pair in para + unrelated for t in pair))
    index = {t: i for i, t in enumerate(texts)}
    full = sims(texts, texts)
    pick = lambda items: np.array([full[index[b], index[a]] for a, b in items])  # noqa: E731
    return pick(para), pick(unrelated)


def balanced(para: np.ndarray, unrelated: np.ndarray, t: float) -> float:
    """Mean of paraphrases passing and unrelated answers rejected at threshold `t`."""
    return float(((para >= t).mean() + (unrelated < t).mean()) / 2)


def main() -> None:
    offline()
    pairs = load_pairs()
    scorer = Scorer()
    print("cosine similarity on all-MiniLM-L6-v2:")
    split: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for name in ("dev", "held-out"):
        split[name] = samples([p for p in pairs if p.split == name], scorer)
        print(f"{name}:")
        summary("paraphrase", split[name][0])
        summary("unrelated", split[name][1])
    para, unrelated = split["dev"]
    grid = [round(float(t), 2) for t in np.arange(0.05, 1.0, 0.01)]
    accuracy = {t: balanced(para, unrelated, t) for t in grid}
    top = max(accuracy.values())
    plateau = [t for t in grid if accuracy[t] >= top - 1e-9]
    # the middle of the best plateau leaves the most room on both sides
    best = plateau[len(plateau) // 2]
    print(f"\ndev: best balanced accuracy {top:.1%} at {plateau[0]:.2f}–{plateau[-1]:.2f}; middle {best:.2f}")
    configured = ProjectConfig().similar_threshold
    print("\nthreshold  dev: paraphrases passing / unrelated rejected   held-out: passing / rejected")
    held_para, held_unrelated = split["held-out"]
    for t in sorted({0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, configured, 0.8, best}):
        mark = "  <- dev best" if t == best else ""
        mark += "  <- configured default" if t == configured else ""
        print(
            f"  {t:<8.2f} {(para >= t).mean():>14.1%} / {(unrelated < t).mean():<18.1%}"
            f" {(held_para >= t).mean():>14.1%} / {(held_unrelated < t).mean():.1%}{mark}"
        )
    spot = scorer.similarities([SPOT_CHECK[1]], [SPOT_CHECK[0]])[0][0]
    print(f"\nspot check {SPOT_CHECK[0]!r} vs {SPOT_CHECK[1]!r}: {spot:.2f}")


if __name__ == "__main__":
    main()
