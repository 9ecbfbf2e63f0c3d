"""`promptops check --base REF`: the pre-merge check of the prompts and suites a change touched."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from promptops.cli.options import format_option, output_option, run_options
from promptops.cli.report_output import REPORT_FORMATS, append_step_summary, emit

if TYPE_CHECKING:
    from promptops.session import RunOptions


@click.command("check")
@click.option("--base", required=True, help="The git revision to compare against, e.g. origin/main.")
@click.option("--head", help="The git revision to check; default: the working tree.")
@click.option("--no-drift", is_flag=True, help="Skip meaning drift (no embedding model is loaded).")
@run_options
@format_option(REPORT_FORMATS)
@output_option
def command(
    base: str,
    head: str | None,
    no_drift: bool,
    options: RunOptions,
    fmt: str,
    output: str | None,
) -> int:
    """Run changed prompts on base and head; exit 1 on a regression, a missed version bump or a failing suite."""
    from promptops.check import CheckOptions, check
    from promptops.cli.progress import spinner
    from promptops.config import load_project
    from promptops.report import check_report

    with spinner(f"checking {head or 'the working tree'} against {base}"):
        result = check(load_project(), base, head, CheckOptions(run=options, drift=not no_drift))
    emit(result, fmt, output, check_report.RENDERERS, check_report.print_terminal)
    append_step_summary(check_report.to_markdown(result))
    return 0 if result.passed else 1
