"""Drift of every tested prompt against a reference version, as summary lines for the pytest plugin."""

from __future__ import annotations

from collections.abc import Sequence

from promptops.drift_runs import drift_between
from promptops.errors import InputError, ReferenceNotFound
from promptops.githistory import resolve_ref
from promptops.session import Session, load_suites


def tested_prompts(session: Session) -> list[str]:
    """The names of the prompts the project's suites test, sorted."""
    suites = load_suites(session.suite_paths())
    return sorted({name for suite in suites for name in suite.spec.prompts})


def check_reference(session: Session, reference: str) -> None:
    """Raise unless `reference` (a version like 2, or a git revision) names a version of some tested prompt; a
    prompt added since the reference has nothing to compare with, a reference that names nothing is a typo."""
    try:
        names = tested_prompts(session)
    except InputError:
        return  # a suite that does not load is reported when pytest collects it
    name, at, rev = reference.partition("@")
    if at and rev and name in names:
        raise InputError(
            f"takes one version or git revision for every tested prompt (2, main, HEAD~2), not NAME@REF; "
            f"for {name} at {rev} use --promptops-drift-against {rev}"
        )
    missing = [problem for prompt in names if (problem := _missing_at(session, prompt, reference)) is not None]
    if names and len(missing) == len(names):
        raise missing[0]


def _missing_at(session: Session, name: str, reference: str) -> ReferenceNotFound | None:
    """Why prompt `name` has no version at `reference`, or None when it has one (one that does not load is still
    a version: its drift reports why it was not computed)."""
    try:
        resolve_ref(session.project, f"{name}@{reference}")
    except ReferenceNotFound as exc:
        return exc
    except InputError:
        return None
    return None


def drift_lines(session: Session, reference: str, versions: Sequence[str]) -> tuple[list[str], bool]:
    """One line per suite × version plus one per drifted case (or why a prompt has nothing to compare with at the
    reference); and whether anything drifted."""
    names = tested_prompts(session)
    lines: list[str] = []
    drifted_any = False
    for name in names:
        missing = _missing_at(session, name, reference)
        if missing is not None:
            lines.append(f"{name}: nothing to compare at @{reference}: {missing}")
            continue
        for version in versions:
            candidate = f"{name}@{version}" if version else name
            for item in drift_between(session, f"{name}@{reference}", candidate):
                report = item.report
                drifted_any = drifted_any or bool(report.drifted)
                reviewed = f" ({len(report.reviewed)} more reviewed as no change)" if report.reviewed else ""
                lines.append(
                    f"{report.suite} × {candidate} vs @{reference}: "
                    f"{len(report.drifted)}/{report.compared} cases drifted{reviewed}"
                )
                for case in report.drifted:
                    lines.append(f"  {case.case_id}: {'; '.join(case.reasons)}")
    return lines, drifted_any
