"""Renders output drift between two prompt versions: terminal, markdown and JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from promptops.drift import CaseDrift
from promptops.drift_runs import VersionDrift
from promptops.report.text import one_line

CLIP = 100


def _heading(item: VersionDrift) -> str:
    base, cand = item.baseline, item.candidate
    return f"{item.report.suite}: {base.prompt}@{base.prompt_version} → {cand.prompt}@{cand.prompt_version}"


def _summary(item: VersionDrift) -> str:
    report = item.report
    sim = "n/a"
    if report.mean_similarity is not None and report.similarity_ci is not None:
        low, high = report.similarity_ci
        sim = f"{report.mean_similarity:.2f} (95% CI {low:.2f}–{high:.2f})"
    reviewed = f"; {len(report.reviewed)} more flagged but reviewed as no change" if report.reviewed else ""
    drifted = f"{len(report.drifted)}/{report.compared} cases drifted ({report.drifted_share:.0%}){reviewed}"
    return f"{drifted}; mean similarity {sim}"


def _drift_cell(case: CaseDrift, yes: str) -> str:
    return yes if case.drifted else "reviewed" if case.reviewed else "no"


def to_json(items: Sequence[VersionDrift]) -> str:
    payload = [
        {
            "suite": i.report.suite,
            "baseline": {"prompt": i.baseline.prompt, "version": i.baseline.prompt_version, "run": i.baseline.id},
            "candidate": {"prompt": i.candidate.prompt, "version": i.candidate.prompt_version, "run": i.candidate.id},
            **i.report.model_dump(exclude={"baseline_run", "candidate_run"}),
        }
        for i in items
    ]
    return json.dumps(payload, indent=2)


def to_markdown(items: Sequence[VersionDrift]) -> str:
    lines: list[str] = []
    for item in items:
        lines += [f"## Drift — {_heading(item)}", "", _summary(item), ""]
        lines += [
            "| case | similarity | noise floor | drifted | why | before | after |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for case in item.report.cases:
            sim = f"{case.similarity:.2f}" if case.similarity is not None else "–"
            floor = f"{case.noise_floor:.2f}" if case.noise_floor is not None else "–"
            cells = [
                case.case_id,
                sim,
                floor,
                _drift_cell(case, "**yes**"),
                "; ".join(case.reasons),
                one_line(case.baseline_output, CLIP),
                one_line(case.candidate_output, CLIP),
            ]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        lines.append("")
    return "\n".join(lines)


def print_terminal(items: Sequence[VersionDrift], *, show_all: bool = False) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for item in items:
        console.print(f"[bold]{_heading(item)}[/]")
        console.print(_summary(item))
        table = Table(show_lines=True)
        for column in ("case", "sim", "floor", "drift", "why", "before → after"):
            table.add_column(column, overflow="fold")
        for case in item.report.cases:
            if not (case.drifted or case.reviewed or show_all):
                continue
            table.add_row(
                case.case_id,
                f"{case.similarity:.2f}" if case.similarity is not None else "–",
                f"{case.noise_floor:.2f}" if case.noise_floor is not None else "–",
                _drift_cell(case, "[red]yes[/]"),
                "\n".join(case.reasons),
                f"{one_line(case.baseline_output, CLIP)}\n→ {one_line(case.candidate_output, CLIP)}",
            )
        if table.row_count:
            console.print(table)


RENDERERS = {"markdown": to_markdown, "json": to_json}
