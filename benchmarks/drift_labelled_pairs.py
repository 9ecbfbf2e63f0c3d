"""Recall on meaning changes and false flags on rewordings: embedding alone vs embedding + change checks.

Run: .venv/bin/python benchmarks/drift_labelled_pairs.py
"""

from __future__ import annotations

from collections import Counter, defaultdict

from common import Pair, load_pairs, offline

from promptops.change_checks import compare_texts
from promptops.config import ProjectConfig
from promptops.drift import compare_case
from promptops.scorer import Scorer


def rates(pairs: list[Pair], flagged: list[bool]) -> tuple[float, float]:
    """(recall on drift pairs, false-flag rate on non-drift pairs)."""
    drift = [f for p, f in zip(pairs, flagged, strict=True) if p.drift]
    same = [f for p, f in zip(pairs, flagged, strict=True) if not p.drift]
    return sum(drift) / len(drift), sum(same) / len(same)


def main() -> None:
    offline()
    pairs = load_pairs()
    scorer = Scorer()
    scorer.prefetch([t for p in pairs for t in (p.before, p.after)])
    sims = [scorer.similarities([p.after], [p.before])[0][0] for p in pairs]
    threshold = ProjectConfig().drift_threshold
    n_drift = sum(p.drift for p in pairs)
    print(f"{len(pairs)} pairs: {n_drift} meaning changes, {len(pairs) - n_drift} rewordings; model all-MiniLM-L6-v2")
    print(f"{'method':<40} {'recall':>8} {'false flags':>12}")
    for cut in (0.75, 0.9):
        recall, false = rates(pairs, [s < cut for s in sims])
        print(f"{f'embedding only, flag below {cut}':<40} {recall:>8.0%} {false:>12.0%}")
    checks = [compare_texts(p.before, p.after) for p in pairs]
    recall, false = rates(pairs, [bool(c) for c in checks])
    print(f"{'change checks only':<40} {recall:>8.0%} {false:>12.0%}")
    results = [compare_case([p.before], [p.after], scorer, threshold) for p in pairs]
    recall, false = rates(pairs, [r.drifted for r in results])
    print(f"{f'combined (compare_case, threshold {threshold})':<40} {recall:>8.0%} {false:>12.0%}")

    print("\nwhat each change check adds (pairs it flags; drift pairs caught that embedding < 0.75 misses):")
    by_kind: dict[str, list[int]] = defaultdict(list)
    for i, changes in enumerate(checks):
        for kind in dict.fromkeys(c.kind for c in changes):
            by_kind[kind].append(i)
    for name, idx in sorted(by_kind.items()):
        true = sum(pairs[i].drift for i in idx)
        extra = sum(pairs[i].drift and sims[i] >= threshold for i in idx)
        print(
            f"  {name:<11} flags {len(idx):>2} pairs: {true:>2} real changes ({extra:>2} missed by embedding), "
            f"{len(idx) - true} rewordings"
        )

    print("\nrecall per kind of change (combined):")
    total: Counter[str] = Counter(p.kind for p in pairs if p.drift)
    caught: Counter[str] = Counter(p.kind for p, r in zip(pairs, results, strict=True) if p.drift and r.drifted)
    for category in sorted(total):
        print(f"  {category:<11} {caught[category]}/{total[category]}")

    print("\nmisjudged pairs:")
    for p, s, r in zip(pairs, sims, results, strict=True):
        if r.drifted != p.drift:
            what = "missed" if p.drift else "false flag"
            print(f"  {what:<10} [{p.kind}] sim={s:.2f} {p.before[:50]!r} → {p.after[:50]!r} {r.reasons}")


if __name__ == "__main__":
    main()
