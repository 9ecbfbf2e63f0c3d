"""CLI fixtures: the `promptops` command run in-process or through its real entry point, and a sample project."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import GitRepo, prompt_yaml

from promptops.cli.main import main

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


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """`promptops ARGS` through `promptops.cli.main.main`, in `cwd`."""

    def run(*args: str, cwd: Path) -> Result:
        monkeypatch.chdir(cwd)
        code = main(list(args))
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return Result(code, out, err)

    return run


def run_entry_point(*args: str, cwd: Path) -> Result:
    """`promptops ARGS` in a subprocess through `python -m promptops.cli.main`, as a user would run it."""
    done = subprocess.run(
        [sys.executable, "-m", "promptops.cli.main", *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert "Traceback" not in done.stderr
    return Result(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def sample(git_repo: GitRepo) -> GitRepo:
    """A committed project: prompt `support` at versions 1, 2, 3 and a suite for it."""
    git_repo.write("suites/support.yaml", SUITE)
    for version in (1, 2, 3):
        git_repo.commit_prompt(version)
    return git_repo


__all__ = ["SUITE", "Cli", "Result", "prompt_yaml", "run_entry_point"]
