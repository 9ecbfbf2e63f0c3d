"""Every entry of the bad-input corpus: one clean message, exit 2, no traceback, nothing written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.hardening.corpus import CORPUS, BadInput
from tests.hardening.harness import ProjectTemplates, changes, run_cli, run_entry_point, snapshot

LEAKS = re.compile(r"<module|<function|<built-in|<bound method|<class '(?!jinja2)|0x[0-9a-f]{6,}")


@pytest.mark.parametrize("case", CORPUS, ids=[c.name for c in CORPUS])
def test_bad_input_gives_one_clean_message(case: BadInput, templates: ProjectTemplates, tmp_path: Path) -> None:
    root = templates.copy(case.state, tmp_path / "project", case.files)
    before = snapshot(root)
    result = run_cli(list(case.argv), root)
    assert "Traceback" not in result.text
    assert result.code == 2, result.text
    assert case.expect in result.text, result.text
    assert not LEAKS.search(result.text), result.text
    assert changes(before, snapshot(root)) == []


def test_corpus_is_large_and_covers_every_kind() -> None:
    kinds = {c.kind for c in CORPUS}
    assert len(CORPUS) >= 80
    assert kinds == {"prompt", "template", "suite", "config", "cli", "git"}
    assert len({c.name for c in CORPUS}) == len(CORPUS)


@pytest.mark.parametrize(
    "name", ["yaml-unclosed-quote", "inject-5", "run-missing-variable", "toml-syntax", "shallow-log"]
)
def test_real_entry_point_agrees(name: str, templates: ProjectTemplates, tmp_path: Path) -> None:
    """The same inputs through a real `python -m promptops.cli.main` process."""
    case = next(c for c in CORPUS if c.name == name)
    root = templates.copy(case.state, tmp_path / "project", case.files)
    before = snapshot(root)
    result = run_entry_point(list(case.argv), root)
    assert "Traceback" not in result.err
    assert result.code == 2, result.text
    assert case.expect in result.text
    assert changes(before, snapshot(root)) == []


@pytest.mark.parametrize("state", ["detached", "committed"])
def test_good_project_still_works_in_odd_git_states(state: str, templates: ProjectTemplates, tmp_path: Path) -> None:
    """The corpus's base project is valid, so every failure above is the bad input's doing."""
    root = templates.copy(state, tmp_path / "project")
    assert run_cli(["validate"], root).code == 0
    assert run_cli(["log", "support"], root).code == 0
    assert run_cli(["render", "support@1", "--var", "question=hi"], root).code == 0
