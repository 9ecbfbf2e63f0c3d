"""`promptops demo`: the whole promise on one screen — every version run, the last change diffed, the advice."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from promptops.cli.options import run_options

if TYPE_CHECKING:
    from promptops.session import RunOptions


@click.command("demo")
@click.option("--prompt", "prompt_name", help="The prompt to walk through (default: every prompt that has a suite).")
@click.option("--replay", is_flag=True, help="Replay the committed recordings instead of running the model live.")
@click.option(
    "--plot", type=click.Path(dir_okay=False), help="Also write the advice plot here (.png, .svg, .pdf or .jpg)."
)
@run_options
def command(
    prompt_name: str | None,
    replay: bool,
    plot: str | None,
    options: RunOptions,
) -> int:
    """Run the suites on every version of the example prompts, diff the last two versions, and advise."""
    from rich.console import Console

    from promptops.advise import advise
    from promptops.cli.progress import progress_bar
    from promptops.config import load_project
    from promptops.demo import demo_prompts, version_plans
    from promptops.diff import compare_versions
    from promptops.report import advise_report, diff_report, run_report
    from promptops.report.advise_plot import plot_format, write_history_plot
    from promptops.session import Session

    if plot:
        plot_format(Path(plot))  # a suffix it cannot write is refused before any run
    console = Console()
    mode = options.record or ("none" if replay else "off")
    with Session(load_project(), replace(options, record=mode)) as session:
        for name in demo_prompts(session, prompt_name):
            plans = version_plans(session, name)
            total = sum(p.suite.repeat_for(c, p.repeat) for p in plans for c in p.cases())
            targets = sorted({f"{p.target.provider}/{p.target.model}" for p in plans})
            source = "recordings" if mode == "none" else ", ".join(targets)
            console.rule(f"[bold]{name}[/]: {len(plans)} version × suite runs on {source}")
            started = time.perf_counter()
            with progress_bar(total, f"running {name}") as advance:
                runs = [r for r in session.ensure_runs(plans, progress=advance) if r is not None]
            run_report.print_terminal(runs, failures=False)
            console.print(f"[dim]{total} samples in {time.perf_counter() - started:.1f}s[/]")
            if len(plans) >= 2:
                base, head = plans[-2].prompt, plans[-1].prompt
                console.rule(f"[bold]diff[/] {name}@{base.version} → {name}@{head.version}")
                comparison = compare_versions(session, f"{name}@{base.commit or ''}", f"{name}@{head.commit or ''}")
                diff_report.print_terminal(comparison)
            console.rule(f"[bold]advice[/] for {name}")
            advice = advise(session.project, name, session=session)
            advise_report.print_terminal(advice)
            if plot:
                write_history_plot(advice, Path(plot))
                console.print(f"plot written to {plot}")
    return 0
