"""Output helpers shared by the CLI commands: JSON, aligned tables, a prompt's identity."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import click

from promptops.prompt import Prompt
from promptops.report.paths import display_path


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def echo_table(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Print rows as an aligned table (rich, imported only here)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*row)
    Console(highlight=False, soft_wrap=True).print(table)


def identity(prompt: Prompt) -> dict[str, Any]:
    """Which version a prompt is: name, version, commit (None for the working tree) and path."""
    return {"name": prompt.name, "version": prompt.version, "commit": prompt.commit, "path": display_path(prompt.path)}
