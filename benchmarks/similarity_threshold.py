"""Similarity of paraphrases vs unrelated answers on the default model, and the threshold that separates them.

Paraphrases: the rewording pairs of data/drift_pairs.yaml. Unrelated answers: every pair of two
different rewording items (different questions), plus the topic, refusal and language-switch pairs.
Run: .venv/bin/python benchmarks/similarity_threshold.py
"""

from __future__ import annotations

from itertools import combinations

import numpy as np
from common import load_pairs, offline

from promptops.config import ProjectConfig
from promptops.scorer import Scorer


def summary(name: str, values: np.ndarray) -> None:
    """Print min, percentiles and max of a similarity sample."""
    p5, p50, p95 = np.percentile(values, [5, 50, 95])
    print(
        f"  {name:<11} n={len(values):>3}  min {values.min():.2f}  p5 {p5:.2f}  median {p50:.2f}  "
        f"p95 {p95:.2f}  max {values.max():.2f}"
    )


def main() -> None:
    offline()
    pairs = load_pairs()
    scorer = Scorer()
    reword = [p for p in pairs if p.kind == "reword"]
    para_pairs = [(p.before, p.after) for p in reword]
    unrelated_pairs = [(a.before, b.after) for a, b in combinations(reword, 2)]
    unrelated_pairs += [(p.before, p.after) for p in pairs if p.kind in ("topic", "refusal", "language")]
    scorer.prefetch([t for pair in para_pairs + unrelated_pairs for t in pair])
    para = np.array([scorer.similarities([b], [a])[0][0] for a, b in para_pairs])
    unrelated = np.array([scorer.similarities([b], [a])[0][0] for a, b in unrelated_pairs])
    print("cosine similarity on all-MiniLM-L6-v2:")
    summary("paraphrase", para)
    summary("unrelated", unrelated)
    grid = [round(float(t), 2) for t in np.arange(0.05, 1.0, 0.01)]
    accuracy = {t: ((para >= t).mean() + (unrelated < t).mean()) / 2 for t in grid}
    top = max(accuracy.values())
    plateau = [t for t in grid if accuracy[t] >= top - 1e-9]
    # the middle of the best plateau leaves the most room on both sides
    best = plateau[len(plateau) // 2]
    print(f"\nbest balanced accuracy {top:.1%} for thresholds {plateau[0]:.2f}–{plateau[-1]:.2f}; middle {best:.2f}")
    print("\nthreshold  paraphrases passing  unrelated rejected  balanced accuracy")
    configured = ProjectConfig().similar_threshold
    for t in sorted({0.4, 0.5, 0.6, 0.65, 0.7, configured, 0.8, 0.9, best}):
        ok, rejected = (para >= t).mean(), (unrelated < t).mean()
        mark = "  <- best" if t == best else ("  <- configured default" if t == configured else "")
        print(f"  {t:<8.2f} {ok:>19.0%} {rejected:>19.0%} {(ok + rejected) / 2:>18.1%}{mark}")
    gap_low, gap_high = unrelated.max(), para.min()
    print(
        f"\nlargest unrelated {gap_low:.2f}, smallest paraphrase {gap_high:.2f}: "
        + ("separable, any threshold in between works" if gap_low < gap_high else "the classes overlap")
    )


if __name__ == "__main__":
    main()
