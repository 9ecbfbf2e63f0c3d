"""`promptops run`: run suites against prompt versions and report pass rates."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import click

from promptops.cli.options import format_option, output_option, run_options
from promptops.cli.progress import progress_bar
from promptops.cli.report_output import emit
from promptops.errors import InputError

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
    from promptops.gc_pause import paused_collection

    with paused_collection():  # imports and suites: many objects, next to no garbage (see promptops.gc_pause)
        from promptops.config import load_project
        from promptops.report import run_report
        from promptops.session import Session, load_suites

        project = load_project()
    with Session(project, options) as session:
        with paused_collection():
            plans = session.plans(load_suites(session.suite_paths(suites)), list(versions) or [""])
        if not plans:
            raise InputError(f"no suites found under {project.suites_dir}")
        total = sum(p.suite.repeat_for(c, p.repeat) for p in plans for c in p.cases())
        with progress_bar(total, "running", enabled=fmt == "terminal") as advance:
            runs = session.run(plans, progress=advance)
    known = {(p.suite.name, c.id): c.xfail for p in plans for c in p.cases() if c.xfail is not None}
    terminal = partial(run_report.print_terminal, verbose=verbose, known_failures=known)
    emit(runs, fmt, output, run_report.RENDERERS, terminal)
    return 0 if all(run.passed for run in runs) else 1
