"""`promptops list`: the prompts of the project with their current version."""

from __future__ import annotations

import click

from promptops.cli.common import echo_json, echo_table
from promptops.cli.options import format_option
from promptops.config import load_project
from promptops.report.paths import display_path
from promptops.workspace import load_working_prompt, prompt_names


@click.command("list")
@format_option(("table", "json"))
def command(fmt: str) -> int:
    """List the prompts of the project: name, current version, path and description."""
    project = load_project()
    prompts = [load_working_prompt(project, name) for name in prompt_names(project)]
    rows = [
        {"name": p.name, "version": p.version, "path": display_path(p.path), "description": p.spec.description}
        for p in prompts
    ]
    if fmt == "json":
        echo_json(rows)
    elif not rows:
        click.echo(f"no prompts under {display_path(project.prompts_dir)}")
    else:
        echo_table(["name", "version", "path", "description"], [[str(v) for v in row.values()] for row in rows])
    return 0
