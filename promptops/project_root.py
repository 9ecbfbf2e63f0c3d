"""Where a promptops project starts, found without importing the rest of promptops (the pytest plugin asks early)."""

from __future__ import annotations

import re
from pathlib import Path

_MENTION = re.compile(r"\bpromptops\b")


def find_root(start: Path | None = None) -> Path:
    """The nearest directory at or above `start` holding pyproject.toml, a prompts/ dir, or .git."""
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (
            (candidate / "pyproject.toml").is_file()
            or (candidate / "prompts").is_dir()
            or (candidate / ".git").exists()
        ):
            return candidate
    return here


def declares_configuration(root: Path) -> bool:
    """Whether the project at `root` may configure promptops: its pyproject.toml mentions promptops at all (in
    `[tool.promptops]`, `[tool] promptops = …` or a dependency). A text search, cheap and generous: whatever it
    lets through is parsed, and judged, by `promptops.config`; a file that never says promptops configures none."""
    try:
        text = (root / "pyproject.toml").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return _MENTION.search(text) is not None
