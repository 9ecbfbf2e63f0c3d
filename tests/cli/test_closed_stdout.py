"""A broken pipe is a closed stdout only when stdout's own reader has gone; any other stays an error."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress

import pytest

from promptops.cli.closed_stdout import is_closed_stdout


@contextmanager
def stdout_on_a_pipe(monkeypatch: pytest.MonkeyPatch, *, reader_open: bool) -> Iterator[None]:
    read_end, write_end = os.pipe()
    if not reader_open:
        os.close(read_end)
    writer = io.TextIOWrapper(io.FileIO(write_end, "w"))
    monkeypatch.setattr("sys.stdout", writer)
    try:
        yield
    finally:
        monkeypatch.undo()
        with suppress(BrokenPipeError):
            writer.close()
        if reader_open:
            os.close(read_end)


def test_a_broken_pipe_with_stdouts_reader_gone_is_a_closed_stdout(monkeypatch: pytest.MonkeyPatch) -> None:
    with stdout_on_a_pipe(monkeypatch, reader_open=False):
        assert is_closed_stdout(BrokenPipeError())


def test_a_broken_pipe_of_something_else_is_not(monkeypatch: pytest.MonkeyPatch) -> None:
    # e.g. a provider function writing to a subprocess that died, while `| head` still reads promptops
    with stdout_on_a_pipe(monkeypatch, reader_open=True):
        assert not is_closed_stdout(BrokenPipeError())
    assert not is_closed_stdout(ValueError())
