"""Where a command sends its report: the terminal, stdout in a format, a file, the GitHub step summary."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

import click

from promptops.cli.closed_stdout import reader_may_leave
from promptops.cli.options import FORMATS
from promptops.errors import InputError
from promptops.fileio import write_atomic

T = TypeVar("T")

REPORT_FORMATS = (*FORMATS, "html")


def emit(
    result: T,
    fmt: str,
    output: str | None,
    renderers: Mapping[str, Callable[[T], str]],
    terminal: Callable[[T], None],
) -> None:
    """Print `result` in `fmt` on stdout; with `--output` the file gets the format and the terminal the summary.

    A reader that stops reading (`| head`) loses the rest of the report, not the command's exit status."""
    if output:
        write_atomic(Path(output), renderers[fmt if fmt != "terminal" else "markdown"](result))
    with reader_may_leave():
        if fmt == "terminal" or output:
            terminal(result)
        else:
            click.echo(renderers[fmt](result), nl=False)


def append_step_summary(markdown: str) -> None:
    """Append to `$GITHUB_STEP_SUMMARY` when GitHub Actions set it."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        try:
            with open(target, "a", encoding="utf-8") as handle:
                handle.write(markdown)
        except OSError as exc:
            raise InputError(f"cannot append the summary: {exc.strerror or exc}", target) from None
