"""Renders `promptops check`: the verdict first, then per prompt a table of base vs head and the worst outputs."""

from __future__ import annotations

import json
from typing import Any

from promptops.check import CheckResult, PromptCheck, SuiteCheck
from promptops.diff import INTERVAL_LEVEL
from promptops.report import diff_report as parts
from promptops.report.html import esc, page, table
from promptops.report.run_report import summary_row

SUITE_HEADERS = (
    "suite",
    "base pass rate",
    "head pass rate",
    f"change ({INTERVAL_LEVEL:.1%} CI)",
    "McNemar p",
    "broken",
    "drifted",
    "result",
)


def suite_row(item: SuiteCheck) -> list[str]:
    """One row per suite: base vs head pass rate, the change, p-value, broken and drifted cases, result."""
    head = item.head_run
    cmp = item.comparison
    result = "pass" if not item.problems else "FAIL: " + ", ".join(dict.fromkeys(p.kind for p in item.problems))
    if cmp is None:
        return [item.suite.name, "–", f"{head.sample_pass_rate:.0%}", "–", "–", "–", "–", result]
    change = cmp.pass_rate_change
    drifted = "–" if cmp.drift is None else (", ".join(c.case_id for c in cmp.drifted) or "none")
    return [
        item.suite.name,
        f"{cmp.base.sample_pass_rate:.0%}",
        f"{head.sample_pass_rate:.0%}",
        f"{change.estimate:+.0%} [{change.low:+.0%}, {change.high:+.0%}]",
        f"{cmp.p_value:.3g}",
        ", ".join(c.case_id for c in cmp.broken) or "none",
        drifted,
        result,
    ]


def prompt_title(item: PromptCheck) -> str:
    versions = " → ".join(f"v{p.version}" for p in (item.base, item.head) if p is not None)
    status = f"renamed from {item.old_path}" if item.old_path else item.status
    return f"{item.name} ({status}; {versions}) — {'pass' if item.passed else 'FAIL'}"


def _lines(result: CheckResult) -> tuple[list[str], list[str]]:
    """Every problem (with what to do) and every warning, as text lines."""
    return [str(p) for p in result.problems], result.warnings


# ---- JSON ----------------------------------------------------------------------------------------


def to_data(result: CheckResult) -> dict[str, Any]:
    return {
        "verdict": result.verdict,
        "passed": result.passed,
        "base": result.base,
        "head": result.head_label,
        "elapsed_s": round(result.elapsed_s, 3),
        "problems": [{"kind": p.kind, "message": p.message, "fix": p.fix} for p in result.problems],
        "warnings": result.warnings,
        "prompts": [
            {
                "name": item.name,
                "path": item.path,
                "old_path": item.old_path,
                "status": item.status,
                "passed": item.passed,
                "base_version": item.base.version if item.base else None,
                "head_version": item.head.version if item.head else None,
                "diff": parts.prompt_diff_data(item.diff) if item.diff else None,
                "problems": [{"kind": p.kind, "message": p.message, "fix": p.fix} for p in item.all_problems],
                "warnings": item.all_warnings,
                "suites": [
                    {
                        "suite": s.suite.name,
                        "passed": not s.problems,
                        "head": summary_row(s.head_run),
                        "comparison": parts.comparison_data(s.comparison) if s.comparison else None,
                    }
                    for s in item.suites
                ],
            }
            for item in result.prompts
        ],
    }


def to_json(result: CheckResult) -> str:
    return json.dumps(to_data(result), indent=2, ensure_ascii=False, default=str) + "\n"


# ---- markdown ------------------------------------------------------------------------------------


def to_markdown(result: CheckResult) -> str:
    icon = "✅" if result.passed else "❌"
    lines = [f"## {icon} promptops check — {result.verdict}", "", f"`{result.base}` → `{result.head_label}`", ""]
    problems, warnings = _lines(result)
    lines += [f"- ❌ {p}" for p in problems] + [f"- ⚠️ {w}" for w in warnings]
    for item in result.prompts:
        lines += ["", f"### {prompt_title(item)}", ""]
        if item.suites:
            lines += parts.md_table(list(SUITE_HEADERS), [suite_row(s) for s in item.suites])
        if item.diff is not None and not item.diff.empty:
            lines += ["", "<details><summary>prompt changes</summary>", "", *parts.prompt_diff_markdown(item.diff)]
            lines += ["", "</details>"]
        for suite in item.suites:
            if suite.comparison is not None:
                lines += parts.worst_markdown(suite.comparison)
    return "\n".join(lines) + "\n"


# ---- HTML ----------------------------------------------------------------------------------------


def _prompt_html(item: PromptCheck) -> str:
    css = "pass" if item.passed else "fail"
    body = [f'<h2 class="{css}">{esc(prompt_title(item))}</h2>']
    if item.suites:
        body.append(table(list(SUITE_HEADERS), [suite_row(s) for s in item.suites]))
    notes = [f'<li class="fail">{esc(p)}</li>' for p in item.all_problems]
    notes += [f'<li class="warn">{esc(w)}</li>' for w in item.all_warnings]
    if notes:
        body.append("<ul>" + "".join(notes) + "</ul>")
    if item.diff is not None and not item.diff.empty:
        body += ["<h3>Prompt changes</h3>", parts.prompt_diff_html(item.diff)]
    body += [parts.worst_html(s.comparison) for s in item.suites if s.comparison is not None]
    return "\n".join(body)


def to_html(result: CheckResult) -> str:
    css = "pass" if result.passed else "fail"
    body = [
        "<h1>promptops check</h1>",
        f'<p class="verdict {css}">{esc(result.verdict)}</p>',
        f'<p class="muted">base <code>{esc(result.base)}</code> → head <code>{esc(result.head_label)}</code>'
        f" · {result.elapsed_s:.1f}s</p>",
    ]
    body += [_prompt_html(item) for item in result.prompts]
    return page(f"promptops check — {result.verdict}", "\n".join(body))


# ---- terminal ------------------------------------------------------------------------------------


def print_terminal(result: CheckResult) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console()
    colour = "green" if result.passed else "red"
    console.print(f"[bold {colour}]{escape(result.verdict)}[/]")
    console.print(f"base {result.base} → head {result.head_label}", markup=False, highlight=False)
    problems, warnings = _lines(result)
    for line in problems:
        console.print(f"[red]✗[/] {escape(line)}", highlight=False)
    for line in warnings:
        console.print(f"[yellow]![/] {escape(line)}", highlight=False)
    for item in result.prompts:
        console.print()
        console.print(f"[bold]{escape(prompt_title(item))}[/]")
        if item.suites:
            grid = Table()
            for header in SUITE_HEADERS:
                grid.add_column(header, overflow="fold")
            for suite in item.suites:
                grid.add_row(*(escape(cell) for cell in suite_row(suite)))
            console.print(grid)
        if item.diff is not None:
            parts.print_prompt_diff(console, item.diff)
        for suite in item.suites:
            if suite.comparison is not None:
                parts.print_worst(console, suite.comparison, indent="  ")


RENDERERS = {"markdown": to_markdown, "json": to_json, "html": to_html}
