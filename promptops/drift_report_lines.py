"""Drift of every tested prompt against a reference version, as summary lines for the pytest plugin."""

from __future__ import annotations

from collections.abc import Sequence

from promptops.drift_runs import drift_between
from promptops.session import Session, load_suites


def drift_lines(session: Session, reference: str, versions: Sequence[str]) -> tuple[list[str], bool]:
    """One line per suite × version plus one per drifted case; and whether anything drifted."""
    suites = load_suites(session.suite_paths())
    names = sorted({name for suite in suites for name in suite.spec.prompts})
    lines: list[str] = []
    drifted_any = False
    for name in names:
        for version in versions:
            candidate = f"{name}@{version}" if version else name
            for item in drift_between(session, f"{name}@{reference}", candidate):
                report = item.report
                drifted_any = drifted_any or bool(report.drifted)
                lines.append(
                    f"{report.suite} × {candidate} vs @{reference}: "
                    f"{len(report.drifted)}/{report.compared} cases drifted"
                )
                for case in report.drifted:
                    lines.append(f"  {case.case_id}: {'; '.join(case.reasons)}")
    return lines, drifted_any
