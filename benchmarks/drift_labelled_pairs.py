"""Recall on meaning changes and false flags on rewordings: embedding alone, change checks alone, combined.

Every figure is given on the dev half (the checks were tuned on it), the held-out half, all pairs of
drift_pairs.yaml, the fresh set (drift_pairs_fresh.yaml, written before the last tuning and never
edited since), the unseen set (drift_pairs_unseen.yaml, written after a change to the checks, measured
once, then used to find gaps), the confirm set (drift_pairs_confirm.yaml, written independently of
the fixes that followed, measured once, then used to find gaps), the final set (drift_pairs_final.yaml, written
independently of the fixes that followed the confirm set, measured once, then used to find gaps), the holdout set
(drift_pairs_holdout.yaml, likewise after the final set, measured once, then used to find gaps), the blind set
(drift_pairs_blind.yaml, likewise after the holdout set, measured once, then used to find gaps), the sealed set
(drift_pairs_sealed.yaml, likewise after the blind set, measured once, then used to find gaps), the vault set
(drift_pairs_vault.yaml, likewise after the sealed set, measured once, then used to find gaps), the locked set
(drift_pairs_locked.yaml, likewise after the vault set, measured once, then used to find gaps), the capsule set
(drift_pairs_capsule.yaml, likewise after the locked set, measured once, then used to find gaps), the keystone set
(drift_pairs_keystone.yaml, likewise after the capsule set, measured once, then used to find gaps), the lattice set
(drift_pairs_lattice.yaml, likewise after the keystone set, measured once, then used to find gaps), the meridian set
(drift_pairs_meridian.yaml, written independently of the fixes that followed the lattice set, measured once, then used
to find gaps) and the nimbus and orbit sets (drift_pairs_nimbus.yaml, drift_pairs_orbit.yaml, both written
independently of the fixes that followed the meridian set, measured once, then used to find gaps), the prism set
(drift_pairs_prism.yaml, written independently of the fixes that followed those two, measured once, then used to find
gaps), the quartz set (drift_pairs_quartz.yaml, written independently of the fixes that followed the prism set,
measured once, then used to find gaps), the ridge set (drift_pairs_ridge.yaml, likewise after the quartz set,
measured once, then used to find gaps), the sigma and tundra sets (drift_pairs_sigma.yaml, drift_pairs_tundra.yaml,
both written independently of the fixes that followed the ridge set, measured once, then used to find gaps) and the
umbra, vega, wisp and xenon sets (drift_pairs_umbra.yaml, drift_pairs_vega.yaml, drift_pairs_wisp.yaml,
drift_pairs_xenon.yaml, all written independently of the fixes that followed those two, measured once, then used to
find gaps), the yonder and zenith sets (drift_pairs_yonder.yaml, drift_pairs_zenith.yaml, likewise after those four,
measured once, then used to find gaps) and the zephyr set (drift_pairs_zephyr.yaml, written with zenith, measured once
after the rounds that followed yonder and zenith, then used to find gaps), at the default
settings
(`ProjectConfig().drift_threshold`). `test sets` pools every test set.
Run: .venv/bin/python benchmarks/drift_labelled_pairs.py [--misses SPLIT|none] [--no-fresh]
`all` means both halves of drift_pairs.yaml; each test set is reported on its own. Tune with --no-fresh.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from common import TEST_SETS, Pair, load_pairs, offline

from promptops.change_checks import compare_texts
from promptops.config import ProjectConfig
from promptops.drift import compare_case, drift_texts
from promptops.scorer import Scorer

SPLITS: dict[str, Callable[[Pair], bool]] = {
    "dev": lambda p: p.split == "dev",
    "held-out": lambda p: p.split == "held-out",
    "all": lambda p: p.test_set is None,
    # each test set of common.TEST_SETS, reported as a split of its own name
    **{name: (lambda p, name=name: p.split == name) for name in TEST_SETS},
    # every test set together (each was measured once before any tuning; most have been used to find gaps since)
    "test sets": lambda p: p.test_set is not None,
}


def rates(pairs: list[Pair], flagged: dict[str, bool]) -> tuple[float, float, int, int]:
    """(recall on drift pairs, false-flag rate on non-drift pairs, number of each)."""
    drift = [flagged[p.id] for p in pairs if p.drift]
    same = [flagged[p.id] for p in pairs if not p.drift]
    return sum(drift) / max(len(drift), 1), sum(same) / max(len(same), 1), len(drift), len(same)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", choices=[*SPLITS, "none"], default="all")
    parser.add_argument("--no-fresh", action="store_true", help="leave out the test sets (for tuning)")
    args = parser.parse_args()
    offline()
    pairs = load_pairs() + ([] if args.no_fresh else [p for path in TEST_SETS.values() for p in load_pairs(path)])
    splits = {
        name: keep
        for name, keep in SPLITS.items()
        if not (args.no_fresh and (name in TEST_SETS or name == "test sets"))
    }
    scorer = Scorer()
    scorer.prefetch([t for p in pairs for t in drift_texts([p.before], [p.after])])
    sims = {p.id: scorer.similarities([p.after], [p.before])[0][0] for p in pairs}
    threshold = ProjectConfig().drift_threshold
    checks = {p.id: compare_texts(p.before, p.after) for p in pairs}
    combined = {p.id: compare_case([p.before], [p.after], scorer, threshold) for p in pairs}
    methods: dict[str, dict[str, bool]] = {
        "embedding only, below 0.75": {i: s < 0.75 for i, s in sims.items()},
        "embedding only, below 0.9": {i: s < 0.9 for i, s in sims.items()},
        "change checks only": {i: bool(c) for i, c in checks.items()},
        f"combined (compare_case, {threshold})": {i: r.drifted for i, r in combined.items()},
    }

    n_drift = sum(p.drift for p in pairs)
    print(f"{len(pairs)} pairs: {n_drift} meaning changes, {len(pairs) - n_drift} rewordings; all-MiniLM-L6-v2")
    for name, keep in splits.items():
        part = [p for p in pairs if keep(p)]
        _, _, nd, ns = rates(part, methods["change checks only"])
        print(f"\n{name}: {nd} drift, {ns} not drift")
        print(f"  {'method':<38} {'recall':>7} {'false flags':>12}")
        for method, flagged in methods.items():
            recall, false, _, _ = rates(part, flagged)
            print(f"  {method:<38} {recall:>7.1%} {false:>12.1%}")

    width = 6 * len(splits) + 3 * (len(splits) - 1)
    print(f"\nper kind, pairs flagged (drift kinds: want all; not-drift kinds: want none) — {' | '.join(splits)}")
    print(f"  {'kind':<13} {'drift':<6} {'emb<0.75':>{width}} {'checks':>{width}} {'combined':>{width}}")
    for kind in sorted({p.kind for p in pairs}, key=lambda k: (not _is_drift(pairs, k), k)):
        row = [f"  {kind:<13} {'yes' if _is_drift(pairs, kind) else 'no':<6}"]
        for flags in (methods["embedding only, below 0.75"], methods["change checks only"], list(methods.values())[3]):
            cells = []
            for keep in splits.values():
                part = [p for p in pairs if p.kind == kind and keep(p)]
                cells.append(f"{sum(flags[p.id] for p in part)}/{len(part)}")
            row.append(f"{' | '.join(cells):>{width}}")
        print(" ".join(row))

    print("\nwhat each check fires on (all pairs): real changes caught / of them missed by embedding < threshold")
    fired: dict[str, list[Pair]] = {}
    for p in filter(SPLITS["all"], pairs):
        for kind in dict.fromkeys(c.kind for c in checks[p.id]):
            fired.setdefault(kind, []).append(p)
    for kind, hits in sorted(fired.items()):
        true = [p for p in hits if p.drift]
        extra = sum(sims[p.id] >= threshold for p in true)
        print(
            f"  {kind:<11} {len(hits):>3} pairs: {len(true):>3} real ({extra:>3} missed by embedding), "
            f"{len(hits) - len(true)} false"
        )

    shown = splits.get(args.misses)
    if shown is not None:
        print(f"\nmisjudged pairs (combined), {args.misses}:")
        for p in pairs:
            r = combined[p.id]
            if r.drifted != p.drift and shown(p):
                what = "missed" if p.drift else "false flag"
                print(
                    f"  {what:<10} [{p.split}/{p.kind}] sim={sims[p.id]:.2f} {p.before[:60]!r} → {p.after[:60]!r} "
                    f"{r.reasons}"
                )


def _is_drift(pairs: list[Pair], kind: str) -> bool:
    return any(p.drift for p in pairs if p.kind == kind)


if __name__ == "__main__":
    main()
