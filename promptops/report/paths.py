"""Paths as people want to read them: relative to the current directory when inside it."""

from __future__ import annotations

import os
from pathlib import Path

from promptops.errors import InputError


def display_path(path: Path | str) -> str:
    """`suites/x.yaml` rather than `/home/me/project/suites/x.yaml` when under the current directory."""
    text = str(path)
    try:
        relative = os.path.relpath(text)
    except ValueError:
        return text
    return text if relative.startswith("..") else relative


def located(problem: InputError) -> str:
    """`path:line: message` with the path as `display_path` shows it."""
    return InputError(problem.message, problem.path and display_path(problem.path), problem.line).format()
