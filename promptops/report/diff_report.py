"""Renders `promptops diff`: prompt field and template changes, and run comparisons, in four formats."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from promptops.diff import CaseComparison, PromptDiff, RunComparison, VersionComparison
from promptops.report.html import Html, esc, page, table
from promptops.report.run_report import summary_row
from promptops.report.text import clip

if TYPE_CHECKING:
    from rich.console import Console

CLIP = 300
CASE_HEADERS = ("case", "change", "base pass rate", "head pass rate", "score Δ", "drift")
WORST = 3


def _rate(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _signed(value: float | None, fmt: str = "+.2f") -> str:
    return "–" if value is None else format(value, fmt)


def prompt_label(diff: PromptDiff) -> str:
    return f"{diff.base.label} → {diff.head.label}"


def field_lines(diff: PromptDiff) -> list[str]:
    """`model.params.temperature: 0.2 → 0.7`-style lines; behaviour changes are marked."""
    quiet = ("version", "name")
    return [f"{c}{'' if c.behavioural or c.path in quiet else '  (no behaviour change)'}" for c in diff.fields]


def headline(cmp: RunComparison) -> str:
    """One line: the suite, both pass rates, the change with its interval and the McNemar p-value."""
    change = cmp.pass_rate_change
    return (
        f"suite {cmp.base.suite}: pass rate {cmp.base.sample_pass_rate:.0%} → {cmp.head.sample_pass_rate:.0%} "
        f"(change {change.estimate:+.0%}, {cmp.level:.1%} CI [{change.low:+.0%}, {change.high:+.0%}]; "
        f"{len(cmp.broken)} broken, {len(cmp.fixed)} fixed, McNemar p = {cmp.p_value:.3g}"
        + (f"; {len(cmp.drifted)} drifted" if cmp.drift is not None else "")
        + ")"
    )


def case_row(case: CaseComparison) -> list[str]:
    drift = "–" if case.drift is None else ("; ".join(case.drift.reasons) or "no") if case.drifted else "no"
    return [
        case.case_id,
        case.change,
        _rate(case.base.pass_rate if case.base else None),
        _rate(case.head.pass_rate if case.head else None),
        _signed(case.score_change),
        drift,
    ]


def notable_cases(cmp: RunComparison) -> list[CaseComparison]:
    """Cases worth a row: every one that flipped, changed pass rate, drifted, or still fails."""
    return [c for c in cmp.cases if c.change != "still passing" or c.drifted or (c.rate_change or 0) != 0]


def first_output(case: CaseComparison, side: str) -> str:
    result = case.base if side == "base" else case.head
    if result is None:
        return "(no such case)"
    for sample in result.samples:
        if sample.error:
            return f"ERROR: {sample.error}"
        if sample.output is not None:
            return sample.output
    return "(no output)"


def comparison_data(cmp: RunComparison) -> dict[str, Any]:
    """A JSON-ready view of one run comparison."""
    change = cmp.pass_rate_change
    return {
        "suite": cmp.base.suite,
        "base": {**summary_row(cmp.base), "run_id": cmp.base.id},
        "head": {**summary_row(cmp.head), "run_id": cmp.head.id},
        "pass_rate_change": {"estimate": change.estimate, "low": change.low, "high": change.high, "level": cmp.level},
        "mcnemar_p": cmp.p_value,
        "significantly_worse": cmp.significantly_worse,
        "broken": [c.case_id for c in cmp.broken],
        "fixed": [c.case_id for c in cmp.fixed],
        "drifted": [c.case_id for c in cmp.drifted] if cmp.drift is not None else None,
        "cases": [
            {
                "case_id": c.case_id,
                "change": c.change,
                "base_pass_rate": c.base.pass_rate if c.base else None,
                "head_pass_rate": c.head.pass_rate if c.head else None,
                "score_change": c.score_change,
                "drifted": c.drifted if c.drift is not None else None,
                "drift_reasons": c.drift.reasons if c.drift is not None else [],
                "base_output": first_output(c, "base"),
                "head_output": first_output(c, "head"),
            }
            for c in cmp.cases
        ],
    }


def prompt_diff_data(diff: PromptDiff) -> dict[str, Any]:
    return {
        "base": {"name": diff.base.name, "version": diff.base.version, "commit": diff.base.commit},
        "head": {"name": diff.head.name, "version": diff.head.version, "commit": diff.head.commit},
        "behaviour_changed": diff.behaviour_changed,
        "fields": [
            {"path": f.path, "kind": f.kind, "old": f.old, "new": f.new, "behavioural": f.behavioural}
            for f in diff.fields
        ],
        "messages": [{"title": m.title, "diff": m.lines} for m in diff.messages],
    }


# ---- markdown ------------------------------------------------------------------------------------


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def md_table(headers: tuple[str, ...] | list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
    return lines + ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]


def md_fence(text: str, lang: str = "") -> list[str]:
    fence = "````" if "```" in text else "```"
    return [fence + lang, text, fence]


def prompt_diff_markdown(diff: PromptDiff) -> list[str]:
    if diff.empty:
        return ["No change in the prompt spec."]
    lines = [f"- {line}" for line in field_lines(diff)]
    for message in diff.messages:
        lines += ["", f"**{message.title}**", "", *md_fence("\n".join(message.lines), "diff")]
    return lines


def worst_markdown(cmp: RunComparison, limit: int = WORST) -> list[str]:
    lines: list[str] = []
    for case in cmp.worst(limit):
        lines += ["", f"<details><summary><code>{case.case_id}</code> — {case.change}</summary>", ""]
        lines += [
            "base:",
            *md_fence(clip(first_output(case, "base"), CLIP)),
            "head:",
            *md_fence(clip(first_output(case, "head"), CLIP)),
        ]
        lines += ["", "</details>"]
    return lines


def comparison_markdown(cmp: RunComparison) -> list[str]:
    rows = [case_row(c) for c in notable_cases(cmp)]
    lines = [headline(cmp), ""]
    lines += md_table(list(CASE_HEADERS), rows) if rows else ["Every case passes on both sides."]
    return lines + worst_markdown(cmp)


def to_markdown(result: VersionComparison) -> str:
    lines = [
        f"# promptops diff: {prompt_label(result.prompt)}",
        "",
        "## Prompt",
        "",
        *prompt_diff_markdown(result.prompt),
    ]
    for cmp in result.runs:
        lines += ["", f"## Outputs — suite `{cmp.base.suite}`", "", *comparison_markdown(cmp)]
    lines += [f"- {note}" for note in ([""] if result.notes else []) + result.notes if note]
    return "\n".join(lines) + "\n"


# ---- JSON ----------------------------------------------------------------------------------------


def to_data(result: VersionComparison) -> dict[str, Any]:
    return {
        "prompt": prompt_diff_data(result.prompt),
        "runs": [comparison_data(c) for c in result.runs],
        "notes": result.notes,
    }


def to_json(result: VersionComparison) -> str:
    return json.dumps(to_data(result), indent=2, ensure_ascii=False, default=str) + "\n"


# ---- HTML ----------------------------------------------------------------------------------------


def html_diff_block(lines: list[str]) -> Html:
    """A unified diff as a <pre> with added and removed lines coloured."""
    out = []
    for line in lines:
        kind = "add" if line.startswith("+") and not line.startswith("+++") else ""
        kind = "del" if line.startswith("-") and not line.startswith("---") else kind
        out.append(f'<span class="{kind}">{esc(line)}</span>' if kind else esc(line))
    return Html("<pre>" + "\n".join(out) + "</pre>")


def prompt_diff_html(diff: PromptDiff) -> str:
    if diff.empty:
        return "<p>No change in the prompt spec.</p>"
    parts = ["<ul>" + "".join(f"<li><code>{esc(line)}</code></li>" for line in field_lines(diff)) + "</ul>"]
    for message in diff.messages:
        parts.append(f"<h3>{esc(message.title)}</h3>{html_diff_block(message.lines)}")
    return "".join(parts)


def worst_html(cmp: RunComparison, limit: int = WORST) -> str:
    rows = [
        [case.case_id, case.change, Html(f"<pre>{esc(clip(first_output(case, 'base'), CLIP))}</pre>"),
         Html(f"<pre>{esc(clip(first_output(case, 'head'), CLIP))}</pre>")]
        for case in cmp.worst(limit)
    ]  # fmt: skip
    return f"<h3>Worst cases</h3>{table(['case', 'change', 'base output', 'head output'], rows)}" if rows else ""


def comparison_html(cmp: RunComparison) -> str:
    rows = [case_row(c) for c in notable_cases(cmp)]
    body = table(list(CASE_HEADERS), rows) if rows else "<p>Every case passes on both sides.</p>"
    return f"<p>{esc(headline(cmp))}</p>{body}{worst_html(cmp)}"


def to_html(result: VersionComparison) -> str:
    title = f"promptops diff: {prompt_label(result.prompt)}"
    body = [f"<h1>{esc(title)}</h1>", "<h2>Prompt</h2>", prompt_diff_html(result.prompt)]
    for cmp in result.runs:
        body += [f"<h2>Outputs — suite <code>{esc(cmp.base.suite)}</code></h2>", comparison_html(cmp)]
    if result.notes:
        body.append("<ul>" + "".join(f'<li class="warn">{esc(n)}</li>' for n in result.notes) + "</ul>")
    return page(title, "\n".join(body))


# ---- terminal ------------------------------------------------------------------------------------


def print_prompt_diff(console: Console, diff: PromptDiff) -> None:
    from rich.markup import escape

    if diff.empty:
        console.print("no change in the prompt spec")
    for line in field_lines(diff):
        console.print(f"  {line}", markup=False, highlight=False)
    for message in diff.messages:
        console.print(f"[bold]{escape(message.title)}[/]")
        for line in message.lines:
            style = "green" if line.startswith("+") else "red" if line.startswith("-") else ""
            console.print(f"  {line}", style=style or None, markup=False, highlight=False)


def print_comparison(console: Console, cmp: RunComparison) -> None:
    from rich.table import Table

    console.print(headline(cmp), markup=False, highlight=False)
    rows = [case_row(c) for c in notable_cases(cmp)]
    if rows:
        grid = Table(show_lines=False)
        for header in CASE_HEADERS:
            grid.add_column(header, overflow="fold")
        for row in rows:
            grid.add_row(*row)
        console.print(grid)
    print_worst(console, cmp)


def print_worst(console: Console, cmp: RunComparison, indent: str = "") -> None:
    """The base and head outputs of the worst cases, clipped."""
    from rich.markup import escape

    for case in cmp.worst(WORST):
        console.print(f"{indent}[bold]{escape(case.case_id)}[/] ({case.change})")
        for side in ("base", "head"):
            text = f"{indent}  {side}: {clip(first_output(case, side), 200)}"
            console.print(text, markup=False, highlight=False)


def print_terminal(result: VersionComparison) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = Console()
    console.print(f"[bold]{escape(prompt_label(result.prompt))}[/]")
    print_prompt_diff(console, result.prompt)
    for cmp in result.runs:
        console.print()
        print_comparison(console, cmp)
    for note in result.notes:
        console.print(f"[yellow]note:[/] {escape(note)}", highlight=False)


RENDERERS = {"markdown": to_markdown, "json": to_json, "html": to_html}
