"""Renders `promptops advise`: the verdict, the version history and the evidence, in four formats."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from promptops.advise import Advice, Evidence, VersionPoint
from promptops.report.diff_report import md_table
from promptops.report.html import Html, esc, page, table

if TYPE_CHECKING:
    from rich.console import Console

VERSION_HEADERS = ("version", "pass", "95% CI", "samples", "cases", "agree", "same out", "sim", "tokens", "$/case")
LEGEND = (
    "pass = share of case-samples passing, with its Wilson 95% interval; cases = cases passing their threshold; "
    "agree = share of cases whose repeats agree on pass/fail; same out = share of identical output pairs "
    "between repeats; sim = mean similarity to `expected`; tokens ≈ template characters / 4"
)
LISTED_CASES = 12
ARROW = {"fine-tuning": "→ fine-tuning", "prompt work": "→ prompt work", "retrieval": "→ retrieval", "information": "ℹ"}


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def version_row(point: VersionPoint) -> list[str]:
    """One history row; a version without a stored run says which suites are missing."""
    label = f"v{point.version} {point.commit[:7] if point.commit else 'working'}"
    if not point.evaluated:
        missing = "no stored run: " + ", ".join(point.missing_suites)
        return [label, "–", missing, "–", "–", "–", "–", "–", str(point.prompt_tokens), "–"]
    return [
        label,
        f"{point.pass_rate:.0%}",
        f"{point.ci_low:.0%}–{point.ci_high:.0%}",
        str(point.samples),
        f"{point.cases_passed}/{point.cases}",
        _share(point.agreement),
        _share(point.output_agreement),
        "–" if point.similarity is None else f"{point.similarity:.2f}",
        str(point.prompt_tokens),
        "–" if point.cost_per_case is None else f"${point.cost_per_case:.2g}",
    ]


def listed(cases: list[str], limit: int = LISTED_CASES) -> str:
    """Case ids, comma-separated, cut after `limit` with a count of the rest."""
    more = f", … ({len(cases) - limit} more)" if len(cases) > limit else ""
    return ", ".join(cases[:limit]) + more


def headline(advice: Advice) -> str:
    return f"{advice.prompt}: {advice.verdict.name}"


def scope(advice: Advice) -> str:
    """Which suites, which target, which window the verdict is about."""
    return (
        f"suite{'s' if len(advice.suites) > 1 else ''} {', '.join(advice.suites)}; target {advice.target:.0%}; "
        f"{len(advice.evaluated)} of {len(advice.versions)} versions evaluated; plateau window {advice.window}"
    )


def unexportable(advice: Advice) -> str:
    return f"failing cases without `expected` (not exported): {listed(advice.without_expected)}"


# ---- json ----------------------------------------------------------------------------------------


def to_data(advice: Advice) -> dict[str, Any]:
    return {**advice.model_dump(mode="json"), "sparkline": advice.sparkline}


def to_json(advice: Advice) -> str:
    return json.dumps(to_data(advice), indent=2, ensure_ascii=False) + "\n"


# ---- markdown ------------------------------------------------------------------------------------


def _evidence_markdown(item: Evidence) -> str:
    cases = f" Cases: {', '.join(f'`{c}`' for c in item.cases[:LISTED_CASES])}" if item.cases else ""
    more = f" … ({len(item.cases) - LISTED_CASES} more)" if len(item.cases) > LISTED_CASES else ""
    return f"- **{item.kind}** ({ARROW[item.direction]}): {item.summary}. {item.why}.{cases}{more}"


def to_markdown(advice: Advice) -> str:
    verdict = advice.verdict
    lines = [
        f"## promptops advise: {advice.prompt}",
        "",
        f"**{verdict.name}** — {verdict.reason}.",
        "",
        f"How sure: {verdict.sureness}.",
        "",
        f"History `{advice.sparkline}` ({scope(advice)})",
        "",
        *md_table(list(VERSION_HEADERS), [version_row(v) for v in advice.versions]),
        "",
        f"<sub>{LEGEND}</sub>",
        "",
        "### Evidence",
        "",
        *([_evidence_markdown(e) for e in advice.evidence] or ["- nothing stands out"]),
    ]
    if advice.without_expected:
        lines += ["", "- " + unexportable(advice)]
    return "\n".join(lines) + "\n"


# ---- html ----------------------------------------------------------------------------------------


def _verdict_class(advice: Advice) -> str:
    return {"target met": "pass", "improving": "pass", "regressing": "fail"}.get(advice.verdict.name, "warn")


def to_html(advice: Advice, png: bytes | None = None) -> str:
    """A self-contained page: verdict, the plot embedded as base64 PNG, history table and evidence."""
    from promptops.report.advise_plot import history_png

    image = base64.b64encode(png if png is not None else history_png(advice)).decode("ascii")
    evidence = "".join(
        f"<li><strong>{esc(e.kind)}</strong> <span class='muted'>({esc(ARROW[e.direction])})</span>: "
        f"{esc(e.summary)}. {esc(e.why)}."
        + (f"<br><span class='muted'>cases: {esc(listed(e.cases))}</span>" if e.cases else "")
        + "</li>"
        for e in advice.evidence
    )
    missing = f"<p>{esc(unexportable(advice))}</p>" if advice.without_expected else ""
    body = (
        f"<h1>promptops advise: {esc(advice.prompt)}</h1>"
        f"<p class='verdict {_verdict_class(advice)}'>{esc(advice.verdict.name)}</p>"
        f"<p>{esc(advice.verdict.reason)}.</p><p class='muted'>How sure: {esc(advice.verdict.sureness)}.</p>"
        f"<img alt='pass rate per version with 95% interval and target' src='data:image/png;base64,{image}'>"
        f"<p class='muted'>{esc(scope(advice))}</p>"
        f"<h2>History</h2>{table(VERSION_HEADERS, [version_row(v) for v in advice.versions])}"
        f"<p class='muted'>{esc(LEGEND)}</p>"
        f"<h2>Evidence</h2><ul>{evidence or '<li>nothing stands out</li>'}</ul>{missing}"
    )
    return page(f"promptops advise: {advice.prompt}", Html(body))


# ---- terminal ------------------------------------------------------------------------------------


def print_advice(console: Console, advice: Advice) -> None:
    """The report as rich output: verdict, sparkline, history table, evidence."""
    from rich.markup import escape
    from rich.table import Table

    colour = {"pass": "green", "fail": "red", "warn": "yellow"}[_verdict_class(advice)]
    console.print(
        f"[bold]{escape(advice.prompt)}[/]: [bold {colour}]{escape(advice.verdict.name)}[/]  {advice.sparkline}"
    )
    console.print(f"  {advice.verdict.reason}", markup=False, highlight=False)
    console.print(f"  how sure: {advice.verdict.sureness}", markup=False, highlight=False, style="dim")
    console.print(f"  {scope(advice)}", markup=False, highlight=False, style="dim")
    history = Table(box=None, pad_edge=False, header_style="bold")
    for header in VERSION_HEADERS:
        history.add_column(header)
    for point in advice.versions:
        history.add_row(*(escape(cell) for cell in version_row(point)))
    console.print(history)
    console.print(LEGEND, markup=False, highlight=False, style="dim")
    console.print("[bold]evidence[/]" if advice.evidence else "[bold]evidence[/]: nothing stands out")
    for item in advice.evidence:
        console.print(f"  • {item.kind} ({ARROW[item.direction]}): {item.summary}", markup=False, highlight=False)
        console.print(f"    {item.why}", markup=False, highlight=False, style="dim")
        if item.cases:
            console.print(f"    cases: {listed(item.cases)}", markup=False, highlight=False)
    if advice.without_expected:
        console.print(f"  {unexportable(advice)}", markup=False, highlight=False)


def print_terminal(advice: Advice) -> None:
    from rich.console import Console

    print_advice(Console(), advice)


RENDERERS: dict[str, Callable[[Advice], str]] = {"json": to_json, "markdown": to_markdown, "html": to_html}
