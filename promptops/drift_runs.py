"""Drift between two versions of a prompt: runs (or reuses) each suite on both and compares outputs."""

from __future__ import annotations

from dataclasses import dataclass

from promptops.drift import DriftReport, compare_runs
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
    for base_run, cand_run in by_suite.values():
        report = compare_runs(base_run, cand_run, scorer, threshold)
        pairs.append(VersionDrift(base_run, cand_run, report))
    return pairs
