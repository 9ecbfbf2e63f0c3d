"""The public Python API: load a prompt version, read its history, load a suite."""

from __future__ import annotations

from pathlib import Path

from promptops.config import Project, load_project
from promptops.githistory import PromptVersion, prompt_history, resolve_ref
from promptops.prompt import Prompt
from promptops.suite import Suite, load_suite_file


def load(ref: str, root: Path | str | None = None) -> Prompt:
    """The prompt `ref` names (`name`, `name@3`, `name@main`) in the project at or above `root` (default: cwd)."""
    return resolve_ref(_project(root), ref)


def history(name: str, root: Path | str | None = None) -> list[PromptVersion]:
    """Every version of prompt `name` from git, newest first, the uncommitted working copy first when dirty."""
    return prompt_history(_project(root), name)


def load_suite(path: Path | str) -> Suite:
    """Load and validate one suite file."""
    return load_suite_file(path)


def _project(root: Path | str | None) -> Project:
    return load_project(Path(root) if root is not None else None)
