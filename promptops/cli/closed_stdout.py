"""A reader of stdout that leaves early (`promptops check | head -2`): the rest of the output goes nowhere, quietly."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

# The status a shell reports for a writer that SIGPIPE ended (128 + 13): for a command stopped before it had one.
CLOSED_STDOUT_STATUS = 141


class StdoutClosed(Exception):
    """The reader of stdout left while a command was printing (neither an OSError nor a SystemExit, which click
    would turn into exit status 1 on its own)."""


def is_closed_stdout(exc: BaseException) -> bool:
    """Whether `exc` means the reader of stdout went away: a BrokenPipeError, or the SystemExit rich raises for one."""
    return isinstance(exc, BrokenPipeError) or (
        isinstance(exc, SystemExit) and isinstance(exc.__context__, BrokenPipeError)
    )


def silence_stdout() -> None:
    """Point stdout at the null device, so the rest of the output and the flush at exit fail no more.

    This is what Python's documentation advises for SIGPIPE (library/signal.html, "Note on SIGPIPE")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # a stdout without a file descriptor (captured output): nothing to point elsewhere
        pass


@contextmanager
def raise_stdout_closed() -> Iterator[None]:
    """Turn the ways a closed stdout surfaces (BrokenPipeError, rich's SystemExit) into StdoutClosed."""
    try:
        yield
    except (BrokenPipeError, SystemExit) as exc:
        if not is_closed_stdout(exc):
            raise
        raise StdoutClosed from None


@contextmanager
def reader_may_leave() -> Iterator[None]:
    """Print a report; when the reader has left, drop the rest, so the command still ends with its own status."""
    try:
        yield
    except (BrokenPipeError, SystemExit) as exc:
        if not is_closed_stdout(exc):
            raise
        silence_stdout()
