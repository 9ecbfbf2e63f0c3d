"""`promptops log NAME`: the version history of one prompt from git."""

from __future__ import annotations

import click

from promptops.cli.common import echo_json, echo_table
from promptops.cli.options import format_option
from promptops.config import load_project
from promptops.githistory import PromptVersion, prompt_history


@click.command("log")
@click.argument("name")
@format_option(("table", "json"))
def command(name: str, fmt: str) -> int:
    """Show every version of prompt NAME, newest first; `*` marks the uncommitted working copy."""
    versions = prompt_history(load_project(), name)
    if fmt == "json":
        echo_json([v.model_dump(mode="json") for v in versions])
    else:
        echo_table(["version", "commit", "date", "author", "message"], [_row(v) for v in versions])
    return 0


def _row(version: PromptVersion) -> list[str]:
    number = "?" if version.version is None else str(version.version)
    commit = version.commit[:7] if version.commit else "working"
    return [
        f"{number}*" if version.dirty else number,
        commit,
        version.date.strftime("%Y-%m-%d %H:%M"),
        version.author,
        version.message,
    ]
