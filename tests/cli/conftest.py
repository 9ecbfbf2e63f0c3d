"""CLI fixtures: the `promptops` command run in-process, and a committed sample project."""

from __future__ import annotations

from pathlib import Path

import pytest

from promptops.cli.main import main
from tests.cli.helpers import SUITE, Cli, Result
from tests.gitrepo import GitRepo

__all__ = ["Cli", "Result"]  # other CLI test modules import these from here


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


@pytest.fixture
def sample(git_repo: GitRepo) -> GitRepo:
    """A committed project: prompt `support` at versions 1, 2, 3 and a suite for it."""
    git_repo.write("suites/support.yaml", SUITE)
    for version in (1, 2, 3):
        git_repo.commit_prompt(version)
    return git_repo
