"""`promptops drift NAME@A NAME@B`: which cases changed meaning between two prompt versions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from promptops.cli.options import format_option, output_option, run_options
from promptops.cli.report_output import emit

if TYPE_CHECKING:
    from promptops.session import RunOptions


@click.command("drift")
@click.argument("baseline")
@click.argument("candidate")
@click.option("--suite", help="Only this suite (name or file); default: every suite of the prompt.")
@click.option("--all", "show_all", is_flag=True, help="List every case, not only drifted ones.")
@click.option("--fail-on-drift", is_flag=True, help="Exit 1 when any case drifted.")
@click.option(
    "--accept",
    "accept",
    multiple=True,
    metavar="CASE",
    help="Record that CASE's flag was reviewed and is no change in meaning (repeatable); it stays cleared while "
    "both outputs stay as they are. Written to drift-reviews.yaml: commit it.",
)
@run_options
@format_option()
@output_option
def command(
    baseline: str,
    candidate: str,
    suite: str | None,
    show_all: bool,
    fail_on_drift: bool,
    accept: tuple[str, ...],
    options: RunOptions,
    fmt: str,
    output: str | None,
) -> int:
    """Compare outputs of BASELINE and CANDIDATE (e.g. triage@2 triage@3), running what is missing."""
    from promptops.cli.progress import spinner
    from promptops.config import load_project
    from promptops.drift_runs import accept_cases, drift_between
    from promptops.report import drift_report
    from promptops.session import Session

    with Session(load_project(), options) as session:
        with spinner(f"comparing {baseline} and {candidate}"):
            items = drift_between(session, baseline, candidate, suite=suite)
        if accept:
            items, added = accept_cases(session, items, accept)
            where = session.project.drift_reviews_path.relative_to(session.project.root)
            click.echo(f"recorded {added} review(s) in {where}; commit it with the prompt change", err=True)
    emit(
        items, fmt, output, drift_report.RENDERERS, lambda found: drift_report.print_terminal(found, show_all=show_all)
    )
    drifted = any(item.report.drifted for item in items)
    return 1 if (drifted and fail_on_drift) else 0
