"""The public Python API: `promptops.load`, `promptops.history`, `promptops.load_suite`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import promptops
from promptops.errors import ReferenceNotFound
from tests.gitrepo import GitRepo

SUITE = """\
prompt: support
cases:
  - id: refund
    vars: {question: "Can I get a refund?"}
"""


def test_load_resolves_versions_and_the_working_tree(git_repo: GitRepo) -> None:
    first = git_repo.commit_prompt(1)
    git_repo.commit_prompt(2)
    old = promptops.load("support@1", root=git_repo.root)
    assert (old.name, old.version, old.commit) == ("support", 1, first)
    assert old.render(question="hi") == [
        {"role": "system", "content": "You are helpful (v1)."},
        {"role": "user", "content": "hi"},
    ]
    assert promptops.load("support", root=str(git_repo.root)).commit is None


def test_history_is_callable_whatever_was_imported_first(git_repo: GitRepo) -> None:
    git_repo.commit_prompt(1)
    git_repo.commit_prompt(2)
    promptops.load("support@1", root=git_repo.root)  # imports the git history module
    assert [v.version for v in promptops.history("support", root=git_repo.root)] == [2, 1]


def test_history_api_in_a_fresh_interpreter(git_repo: GitRepo) -> None:
    git_repo.commit_prompt(1)
    code = "import promptops.githistory, promptops; print([v.version for v in promptops.history('support')])"
    done = subprocess.run([sys.executable, "-c", code], cwd=git_repo.root, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[1]"


def test_load_unknown_prompt(git_repo: GitRepo) -> None:
    git_repo.commit_prompt(1)
    with pytest.raises(ReferenceNotFound, match="no prompt named 'nope'"):
        promptops.load("nope", root=git_repo.root)


def test_load_suite(tmp_path: Path) -> None:
    path = tmp_path / "support.yaml"
    path.write_text(SUITE, encoding="utf-8")
    suite = promptops.load_suite(path)
    assert (suite.name, suite.spec.prompts, [c.id for c in suite.spec.cases]) == ("support", ["support"], ["refund"])


def test_every_public_name_resolves() -> None:
    for name in promptops.__all__:
        assert getattr(promptops, name) is not None
    with pytest.raises(AttributeError):
        _ = promptops.not_a_thing
