"""Helpers shared by the CLI commands: output formats, tables, project lookup, display paths."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from promptops.config import Project, load_project
from promptops.prompt import Prompt

F = TypeVar("F", bound=Callable[..., Any])


def format_option(*choices: str) -> Callable[[F], F]:
    """A `--format` option whose first choice is the default; the value arrives as `fmt`."""
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True, help="Output format."
    )


def current_project() -> Project:
    """The project at or above the current directory."""
    return load_project()


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


def display_path(path: Path | str) -> str:
    """`path` relative to the current directory when it lies below it, else unchanged."""
    path = Path(path)
    if not path.is_absolute():
        return path.as_posix()
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)
