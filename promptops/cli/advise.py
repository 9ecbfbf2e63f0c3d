"""`promptops advise NAME`: whether prompt edits still pay off or fine-tuning is due, from the score history."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from promptops.cli.options import format_option, output_option, run_options
from promptops.cli.report_output import REPORT_FORMATS, emit

if TYPE_CHECKING:
    from promptops.session import RunOptions


@click.command("advise")
@click.argument("name")
@click.option("--suite", help="Only this suite (name or file); default: every suite that tests the prompt.")
@click.option("--last", type=click.IntRange(1), help="Only the last N versions of the prompt.")
@click.option("--target", type=click.FloatRange(0, 1), help="Pass rate to reach (default: [tool.promptops] target).")
@click.option("--window", type=click.IntRange(1), default=3, show_default=True, help="Versions a plateau spans.")
@click.option(
    "--run", "run_missing", is_flag=True, help="Run versions without a stored run (cache and recordings apply)."
)
@click.option("--similarity", is_flag=True, help="Also score outputs against `expected` with the embedding model.")
@click.option("--export-failures", type=click.Path(dir_okay=False), help="Write failing cases as fine-tuning JSONL.")
@click.option(
    "--plot", type=click.Path(dir_okay=False), help="Write the history plot to this file (.png, .svg, .pdf or .jpg)."
)
@run_options
@format_option(REPORT_FORMATS)
@output_option
def command(
    name: str,
    suite: str | None,
    last: int | None,
    target: float | None,
    window: int,
    run_missing: bool,
    similarity: bool,
    export_failures: str | None,
    plot: str | None,
    options: RunOptions,
    fmt: str,
    output: str | None,
) -> int:
    """Read NAME's score history across git versions and say: improving, plateaued, target met, regressing."""
    from promptops import advise as use_case
    from promptops.cli.progress import spinner
    from promptops.config import load_project
    from promptops.report import advise_report
    from promptops.report.advise_plot import plot_format, write_history_plot
    from promptops.session import Session

    if plot:
        plot_format(Path(plot))  # a suffix it cannot write is refused before any run
    project = load_project()
    with Session(project, options) as session, spinner(f"reading the history of {name}"):
        advice = use_case.advise(
            project,
            name,
            suite=suite,
            last=last,
            target=target,
            run=run_missing,
            session=session,
            scorer=session.similarity() if similarity else None,
            window=window,
        )
    if plot:
        write_history_plot(advice, Path(plot))
        click.echo(f"wrote the history plot to {plot}", err=True)
    if export_failures:
        result = use_case.export_failures(advice, Path(export_failures))
        click.echo(f"exported {len(result.exported)} failing case(s) to {export_failures}", err=True)
        if result.without_expected:
            click.echo(f"not exported, no `expected`: {advise_report.listed(result.without_expected)}", err=True)
    emit(advice, fmt, output, advise_report.RENDERERS, advise_report.print_terminal)
    return 0
