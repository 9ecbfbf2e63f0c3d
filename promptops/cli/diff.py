"""`promptops diff NAME@A NAME@B`: what changed in the prompt, and in its outputs on each suite."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from promptops.cli.options import format_option, output_option, run_options
from promptops.cli.report_output import REPORT_FORMATS, emit

if TYPE_CHECKING:
    from promptops.session import RunOptions


@click.command("diff")
@click.argument("base", metavar="NAME@A")
@click.argument("head", metavar="NAME@B")
@click.option("--suite", help="Only this suite (name or file); default: every suite of the prompt.")
@click.option("--run", "run_missing", is_flag=True, help="Run the suites on versions that have no stored run.")
@click.option("--no-drift", is_flag=True, help="Skip meaning drift (no embedding model is loaded).")
@run_options
@format_option(REPORT_FORMATS)
@output_option
def command(
    base: str,
    head: str,
    suite: str | None,
    run_missing: bool,
    no_drift: bool,
    options: RunOptions,
    fmt: str,
    output: str | None,
) -> int:
    """Diff two versions (e.g. support@2 support@3); exit 1 when the outputs got significantly worse."""
    from promptops.cli.progress import spinner
    from promptops.config import load_project
    from promptops.diff import compare_versions
    from promptops.report import diff_report
    from promptops.session import Session

    with Session(load_project(), options) as session, spinner(f"comparing {base} and {head}"):
        result = compare_versions(session, base, head, suite=suite, run_missing=run_missing, drift=not no_drift)
    emit(result, fmt, output, diff_report.RENDERERS, diff_report.print_terminal)
    return 1 if any(c.significantly_worse for c in result.runs) else 0
