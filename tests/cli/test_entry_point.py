"""The installed `promptops` entry point: help lists the commands and imports neither git nor torch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
