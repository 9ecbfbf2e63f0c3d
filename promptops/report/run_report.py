"""Renders the results of `promptops run`: terminal table, markdown and JSON."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from promptops.report.paths import display_path
from promptops.results import CaseResult, RunRecord
from promptops.stats import wilson


def summary_row(run: RunRecord) -> dict[str, Any]:
    """The numbers a person wants per suite × prompt version."""
    samples = run.samples
    interval = wilson(sum(s.passed for s in samples), len(samples))
    return {
        "suite": run.suite,
        "prompt": run.prompt,
        "version": run.prompt_version,
        "commit": (run.prompt_commit or "")[:7] or "working tree",
        "provider": f"{run.provider}/{run.model}",
        "cases": len(run.cases),
        "cases_passed": sum(c.passed for c in run.cases),
        "samples": len(samples),
        "pass_rate": interval.estimate,
        "ci_low": interval.low,
        "ci_high": interval.high,
        "errors": sum(c.errors for c in run.cases),
        "threshold": run.threshold,
        "passed": run.passed,
        "status": run.status,
    }


def failing_cases(run: RunRecord) -> list[CaseResult]:
    return [c for c in run.cases if not c.passed]


def case_failure_lines(case: CaseResult, limit: int = 3) -> list[str]:
    """Short lines explaining why a case failed: errors first, then failed assertions."""
    lines: list[str] = []
    for sample in case.samples:
        if sample.error:
            lines.append(f"sample {sample.sample}: error: {sample.error}")
        else:
            for result in sample.assertions:
                if not result.passed:
                    lines.append(f"sample {sample.sample}: {result.type}: {result.reason}")
        if len(lines) >= limit:
            break
    return lines[:limit]


def to_json(runs: Sequence[RunRecord]) -> str:
    payload = [
        {**summary_row(run), "run_id": run.id, "cases_detail": [c.model_dump() for c in run.cases]} for run in runs
    ]
    return json.dumps(payload, indent=2, default=str)


def to_markdown(runs: Sequence[RunRecord]) -> str:
    lines = [
        "| suite | prompt | version | pass rate (95% CI) | cases | errors | result |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for run in runs:
        row = summary_row(run)
        verdict = "pass" if row["passed"] else "**FAIL**"
        lines.append(
            f"| {row['suite']} | {row['prompt']} | {row['version']} ({row['commit']}) | "
            f"{row['pass_rate']:.0%} [{row['ci_low']:.0%}, {row['ci_high']:.0%}] | "
            f"{row['cases_passed']}/{row['cases']} | {row['errors']} | {verdict} |"
        )
    for run in runs:
        failed = failing_cases(run)
        if failed:
            lines += ["", f"### {run.suite} × {run.prompt}@{run.prompt_version}: failing cases", ""]
            for case in failed:
                detail = "; ".join(case_failure_lines(case, 2)).replace("|", "\\|")
                lines.append(f"- `{case.case_id}` ({case.pass_rate:.0%}): {detail}")
    return "\n".join(lines) + "\n"


def print_terminal(
    runs: Sequence[RunRecord],
    *,
    verbose: bool = False,
    failures: bool = True,
    known_failures: Mapping[tuple[str, str], str] | None = None,
) -> None:
    """The summary table, then the failing cases; `known_failures` maps (suite, case id) to a case's `xfail` reason."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console()
    table = Table(title="promptops run", show_lines=False)
    for column in ("suite", "prompt@version", "provider", "pass rate (95% CI)", "cases", "errors", "result"):
        table.add_column(column)
    for run in runs:
        row = summary_row(run)
        verdict = "[green]pass[/]" if row["passed"] else "[red]FAIL[/]"
        table.add_row(
            row["suite"],
            f"{row['prompt']}@{row['version']} ({row['commit']})",
            row["provider"],
            f"{row['pass_rate']:.0%} [{row['ci_low']:.0%}, {row['ci_high']:.0%}]",
            f"{row['cases_passed']}/{row['cases']}",
            str(row["errors"]),
            verdict,
        )
    console.print(table)
    if not failures:
        return
    for run in runs:
        for case in failing_cases(run)[: None if verbose else 5]:
            where = f"{display_path(run.suite_path)}:{case.line or '?'}"
            title = f"{where} [bold]{escape(case.case_id)}[/] ({escape(run.prompt)}@{run.prompt_version})"
            xfail = (known_failures or {}).get((run.suite, case.case_id))
            if xfail is None:
                console.print(f"[red]✗[/] {title}")
            else:
                console.print(f"[yellow]xfail[/] {title}: known failure: {escape(xfail)}")
            for line in case_failure_lines(case):
                console.print(f"    {line}", markup=False, highlight=False)


RENDERERS = {"markdown": to_markdown, "json": to_json}
