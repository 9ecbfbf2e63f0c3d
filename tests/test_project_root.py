"""Finding a project's root and whether it may configure promptops, without importing promptops.config."""

from __future__ import annotations

from pathlib import Path

import pytest

from promptops.project_root import declares_configuration, find_root


def test_the_root_is_the_nearest_directory_with_a_marker(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_root(deep) == tmp_path.resolve()
    (tmp_path / "a" / "prompts").mkdir()
    assert find_root(deep) == (tmp_path / "a").resolve()


@pytest.mark.parametrize(
    ("text", "declares"),
    [
        ('[tool.promptops]\nconcurrency = "eight"\n', True),
        ('[tool."promptops"]\n', True),
        ("[tool]\npromptops = {concurrency = 2}\n", True),
        ('[project]\ndependencies = ["promptops>=0.1"]\n', True),
        ('[project]\nname = "other"\n[tool.ruff]\nline-length = 100\n', False),
        ("[tool.promptopsx]\n", False),
    ],
)
def test_a_pyproject_declares_configuration_when_it_mentions_promptops(
    tmp_path: Path, text: str, declares: bool
) -> None:
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    assert declares_configuration(tmp_path) is declares


def test_no_pyproject_declares_nothing(tmp_path: Path) -> None:
    assert declares_configuration(tmp_path) is False
