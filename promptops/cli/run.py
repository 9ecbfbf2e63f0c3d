"""`promptops run`: run suites against prompt versions and report pass rates."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from promptops.cli.options import format_option, output_option, run_options
from promptops.cli.progress import progress_bar

if TYPE_CHECKING:
    from promptops.session import RunOptions


@click.command("run")
@click.argument("suites", nargs=-1)
@click.option("--version", "versions", multiple=True, help="Prompt version: 3, a git rev, or '' for the working tree.")
@run_options
@format_option()
@output_option
@click.option("-v", "--verbose", is_flag=True, help="List every failing case.")
def command(
    suites: tuple[str, ...],
    versions: tuple[str, ...],
    options: RunOptions,
    fmt: str,
    output: str | None,
    verbose: bool,
) -> int:
    """Run SUITES (files, directories or suite names; default: all) and exit 1 if any fails."""
    from promptops.config import load_project
    from promptops.report import run_report
    from promptops.session import Session, load_suites

    project = load_project()
    session = Session(project, options)
    try:
        plans = session.plans(load_suites(session.suite_paths(suites)), list(versions) or [""])
        if not plans:
            click.echo("no suites found under " + str(project.suites_dir), err=True)
            return 2
        total = sum(p.suite.repeat_for(c, p.repeat) for p in plans for c in p.cases())
        with progress_bar(total, "running", enabled=fmt == "terminal") as advance:
            runs = session.run(plans, progress=advance)
    finally:
        session.close()
    if fmt == "json":
        text = run_report.to_json(runs)
    elif fmt == "markdown":
        text = run_report.to_markdown(runs)
    else:
        text = ""
        run_report.print_terminal(runs, verbose=verbose)
    if output:
        Path(output).write_text(text or run_report.to_markdown(runs), encoding="utf-8")
    elif text:
        click.echo(text, nl=False)
    return 0 if all(run.passed for run in runs) else 1
