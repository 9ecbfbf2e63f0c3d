"""`promptops drift NAME@A NAME@B`: which cases changed meaning between two prompt versions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from promptops.cli.options import format_option, output_option, run_options

if TYPE_CHECKING:
    from promptops.session import RunOptions


@click.command("drift")
@click.argument("baseline")
@click.argument("candidate")
@click.option("--suite", help="Only this suite (name or file); default: every suite of the prompt.")
@click.option("--all", "show_all", is_flag=True, help="List every case, not only drifted ones.")
@click.option("--fail-on-drift", is_flag=True, help="Exit 1 when any case drifted.")
@run_options
@format_option()
@output_option
def command(
    baseline: str,
    candidate: str,
    suite: str | None,
    show_all: bool,
    fail_on_drift: bool,
    options: RunOptions,
    fmt: str,
    output: str | None,
) -> int:
    """Compare outputs of BASELINE and CANDIDATE (e.g. triage@2 triage@3), running what is missing."""
    from promptops.cli.progress import spinner
    from promptops.config import load_project
    from promptops.drift_runs import drift_between
    from promptops.report import drift_report
    from promptops.session import Session

    session = Session(load_project(), options)
    try:
        with spinner(f"comparing {baseline} and {candidate}"):
            items = drift_between(session, baseline, candidate, suite=suite)
    finally:
        session.close()
    text = ""
    if fmt == "json":
        text = drift_report.to_json(items)
    elif fmt == "markdown":
        text = drift_report.to_markdown(items)
    else:
        drift_report.print_terminal(items, show_all=show_all)
    if output:
        Path(output).write_text(text or drift_report.to_markdown(items), encoding="utf-8")
    elif text:
        click.echo(text, nl=False)
    drifted = any(item.report.drifted for item in items)
    return 1 if (drifted and fail_on_drift) else 0
