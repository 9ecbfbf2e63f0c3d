"""The installed `promptops` entry point: help lists the commands without heavy imports; a closed stdout is quiet."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.cli.helpers import SUITE, run_into_closed_pipe
from tests.gitrepo import GitRepo, prompt_yaml

HEAVY = {"git", "torch", "sentence_transformers", "llama_cpp"}


def imported_modules(stderr: str) -> set[str]:
    """Top-level module names from `python -X importtime` output."""
    names = set()
    for line in stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names


def test_help_lists_commands_without_heavy_imports(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "promptops.cli.main", "--help"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    for command in ("init", "list", "log", "show", "render", "validate"):
        assert f"  {command} " in done.stdout
    modules = imported_modules(done.stderr)
    assert "click" in modules
    assert not modules & HEAVY


def test_show_of_a_working_tree_prompt_does_not_import_git(tmp_path: Path) -> None:
    (tmp_path / "prompts").mkdir()
    (tmp_path / "prompts" / "p.yaml").write_text("version: 1\nmessages:\n  - {role: user, content: hi}\n")
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "promptops.cli.main", "show", "p"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.startswith("# p@1  working tree")
    assert "git" not in imported_modules(done.stderr)


def test_a_closed_stdout_keeps_the_run_status_and_stderr_quiet(git_repo: GitRepo) -> None:
    """`promptops run | head -1`: the reader leaving early changes neither the verdict nor stderr."""
    git_repo.write("prompts/support.yaml", prompt_yaml(1))
    git_repo.write("suites/support.yaml", SUITE)
    assert run_into_closed_pipe("run", cwd=git_repo.root) == (0, "")
    assert run_into_closed_pipe("run", "--format", "markdown", cwd=git_repo.root) == (0, "")
    git_repo.write("suites/support.yaml", SUITE.replace("value: refund", "value: zebra"))
    assert run_into_closed_pipe("run", cwd=git_repo.root) == (1, "")


def test_a_closed_stdout_mid_listing_exits_141_quietly(git_repo: GitRepo) -> None:
    """A command stopped mid-output has no status of its own: 141, as a shell reports a writer killed by SIGPIPE."""
    git_repo.write("prompts/support.yaml", prompt_yaml(1))
    assert run_into_closed_pipe("list", cwd=git_repo.root) == (141, "")
    assert run_into_closed_pipe("list", "--format", "json", cwd=git_repo.root) == (141, "")
    assert run_into_closed_pipe("--help", cwd=git_repo.root) == (141, "")
