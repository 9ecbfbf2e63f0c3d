"""Drift between two versions of a prompt: runs (or reuses) each suite on both and compares outputs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from promptops.drift import DriftReport, compare_runs
from promptops.drift_reviews import append_reviews, review_of
from promptops.errors import InputError
from promptops.results import RunRecord
from promptops.runner import ProgressCallback
from promptops.session import Session


@dataclass(frozen=True)
class VersionDrift:
    """Drift of one suite between a baseline and a candidate prompt version."""

    baseline: RunRecord
    candidate: RunRecord
    report: DriftReport


def split_ref(ref: str) -> tuple[str, str]:
    """`name@rev` → (name, rev); a bare name means the working tree (rev '')."""
    name, _, rev = ref.partition("@")
    if not name:
        raise InputError(f"'{ref}' names no prompt; expected NAME@VERSION")
    return name, rev


def drift_between(
    session: Session,
    baseline_ref: str,
    candidate_ref: str,
    *,
    suite: str | None = None,
    run_missing: bool = True,
    progress: ProgressCallback | None = None,
) -> list[VersionDrift]:
    """Compare every suite of the prompt (or `suite`) between two versions, case by case."""
    base_name, base_rev = split_ref(baseline_ref)
    cand_name, cand_rev = split_ref(candidate_ref)
    if base_name != cand_name:
        raise InputError(f"drift compares two versions of one prompt, got '{base_name}' and '{cand_name}'")
    suites = session.suites_for(base_name, suite)
    plans = [p for p in session.plans(suites, [base_rev, cand_rev]) if p.prompt.name == base_name]
    runs = session.ensure_runs(plans, run_missing=run_missing, progress=progress)
    pairs: list[VersionDrift] = []
    scorer = session.similarity()
    threshold = session.project.config.drift_threshold
    by_suite: dict[str, list[RunRecord]] = {}
    for plan, run in zip(plans, runs, strict=True):
        if run is None:
            raise InputError(
                f"no stored run of suite '{plan.suite.name}' on {plan.prompt.label}; run it first or pass --run"
            )
        by_suite.setdefault(plan.suite.name, []).append(run)
    reviews = session.drift_reviews()
    for base_run, cand_run in by_suite.values():
        report = reviews.apply(compare_runs(base_run, cand_run, scorer, threshold), base_run.prompt)
        pairs.append(VersionDrift(base_run, cand_run, report))
    return pairs


def accept_cases(
    session: Session, items: list[VersionDrift], case_ids: Sequence[str]
) -> tuple[list[VersionDrift], int]:
    """Record a review for each drifted case named in `case_ids` (in every suite that has it), so its flag clears
    while both outputs stay as they are; returns the items with those flags cleared and how many reviews were new.

    A name that is no drifted or already reviewed case is bad input, and then nothing is written."""
    named = set(case_ids)
    flagged = {c.case_id for item in items for c in item.report.cases if c.drifted or c.reviewed}
    unknown = sorted(named - flagged)
    if unknown:
        drifted = sorted({c.case_id for item in items for c in item.report.drifted})
        listed = f"drifted: {', '.join(drifted)}" if drifted else "no case drifted"
        raise InputError(f"--accept {unknown[0]}: no drifted case '{unknown[0]}' ({listed})")
    new = [
        review_of(item.baseline.prompt, item.report.suite, case)
        for item in items
        for case in item.report.drifted
        if case.case_id in named
    ]
    before = session.drift_reviews()
    after = append_reviews(before, new)
    cleared = [VersionDrift(i.baseline, i.candidate, after.apply(i.report, i.baseline.prompt)) for i in items]
    return cleared, len(after.entries) - len(before.entries)
