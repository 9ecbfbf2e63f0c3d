"""A reader of stdout that leaves early (`promptops check | head -2`): the rest of the output goes nowhere, quietly."""

from __future__ import annotations

import os
import select
import sys
from collections.abc import Iterator
from contextlib import contextmanager

# The status a shell reports for a writer that SIGPIPE ended (128 + 13): for a command stopped before it had one.
CLOSED_STDOUT_STATUS = 141


class StdoutClosed(Exception):
    """The reader of stdout left while a command was printing (neither an OSError nor a SystemExit, which click
    would turn into exit status 1 on its own)."""


def is_closed_stdout(exc: BaseException) -> bool:
    """Whether `exc` means the reader of stdout went away: a BrokenPipeError (or the SystemExit rich raises for
    one) while stdout's pipe has no reader. A broken pipe of something else (a subprocess, a user's provider
    function) is an error of its own, not a reason to stop quietly."""
    if isinstance(exc, SystemExit) and isinstance(exc.__context__, BrokenPipeError):
        return True  # rich's console found its stdout closed (and has already pointed it at the null device)
    return isinstance(exc, BrokenPipeError) and stdout_has_no_reader()


def stdout_has_no_reader() -> bool:
    """Whether stdout is a pipe whose reading end is closed (poll reports an error on it); True where that cannot
    be asked (no poll, no file descriptor), as before this question was asked."""
    poll = getattr(select, "poll", None)
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError, AttributeError):
        return True
    if poll is None:
        return True
    poller = poll()
    poller.register(fd, select.POLLOUT)
    return any(event & (select.POLLERR | select.POLLHUP) for _, event in poller.poll(0))


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
