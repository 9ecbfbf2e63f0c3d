"""Helpers of the CLI tests: the result a user sees and the real entry point in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SUITE = """\
prompt: support
cases:
  - id: refund
    vars: {question: "Can I get a refund?"}
    assert:
      - {type: icontains, value: refund}
"""


@dataclass
class Result:
    """What a user sees: exit status, stdout and stderr."""

    code: int
    out: str
    err: str


Cli = Callable[..., Result]


def run_entry_point(*args: str, cwd: Path) -> Result:
    """`promptops ARGS` in a subprocess through `python -m promptops.cli.main`, as a user would run it."""
    done = subprocess.run(
        [sys.executable, "-m", "promptops.cli.main", *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert "Traceback" not in done.stderr
    return Result(done.returncode, done.stdout, done.stderr)


def run_into_closed_pipe(*args: str, cwd: Path) -> tuple[int, str]:
    """`promptops ARGS` writing into a pipe whose reader is gone (a `| head` done reading): exit status and stderr."""
    reader, writer = os.pipe()
    os.close(reader)  # closed before the command writes a byte, so every write fails, however little it prints
    try:
        done = subprocess.run(
            [sys.executable, "-m", "promptops.cli.main", *args],
            cwd=cwd, stdout=writer, stderr=subprocess.PIPE, text=True, check=False,
        )  # fmt: skip
    finally:
        os.close(writer)
    return done.returncode, done.stderr
