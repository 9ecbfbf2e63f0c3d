"""Where a command sends its report: the terminal, stdout in a format, a file, the GitHub step summary."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

import click

from promptops.cli.options import FORMATS

T = TypeVar("T")

REPORT_FORMATS = (*FORMATS, "html")


def emit(
    result: T,
    fmt: str,
    output: str | None,
    renderers: Mapping[str, Callable[[T], str]],
    terminal: Callable[[T], None],
) -> None:
    """Print `result` in `fmt` on stdout; with `--output` the file gets the format and the terminal the summary."""
    if output:
        Path(output).write_text(renderers[fmt if fmt != "terminal" else "markdown"](result), encoding="utf-8")
    if fmt == "terminal" or output:
        terminal(result)
    else:
        click.echo(renderers[fmt](result), nl=False)


def append_step_summary(markdown: str) -> None:
    """Append to `$GITHUB_STEP_SUMMARY` when GitHub Actions set it."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(markdown)
