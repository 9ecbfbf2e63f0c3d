"""Paths as people want to read them: relative to the current directory when inside it."""

from __future__ import annotations

import os
from pathlib import Path


def display_path(path: Path | str) -> str:
    """`suites/x.yaml` rather than `/home/me/project/suites/x.yaml` when under the current directory."""
    text = str(path)
    try:
        relative = os.path.relpath(text)
    except ValueError:
        return text
    return text if relative.startswith("..") else relative
