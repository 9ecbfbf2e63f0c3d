"""`promptops diff NAME@A NAME@B`: the prompt changes always, the output comparison from stored runs or --run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.check_project import base_project, prompt_text, regressed_prompt
from tests.gitrepo import GitRepo

from .conftest import Cli


@pytest.fixture
def repo(git_repo: GitRepo) -> GitRepo:
    repo = base_project(git_repo)
    repo.write("prompts/support.yaml", prompt_text(2, temperature=0.7, system="You are a kind support agent."))
    repo.commit("v2")
    return repo


def test_field_and_template_changes_without_runs(repo: GitRepo, cli: Cli) -> None:
    result = cli("diff", "support@1", "support@2", "--format", "markdown", cwd=repo.root)
    assert result.code == 0, result.err
    assert "- model.params.temperature: 0.2 → 0.7" in result.out
    assert "-You are a concise support agent." in result.out
    assert "+You are a kind support agent." in result.out
    assert "no stored run of suite 'support'" in result.out and "pass --run" in result.out


def test_run_compares_outputs_and_later_diffs_reuse_stored_runs(repo: GitRepo, cli: Cli) -> None:
    first = cli("diff", "support@1", "support@2", "--run", "--no-drift", "--format", "json", cwd=repo.root)
    assert first.code == 0, first.err
    [run] = json.loads(first.out)["runs"]
    assert run["broken"] == [] and run["mcnemar_p"] == 1.0
    again = cli("diff", "support@1", "support@2", "--no-drift", "--format", "json", cwd=repo.root)
    assert json.loads(again.out)["runs"][0]["head"]["run_id"] == run["head"]["run_id"]


def test_regressed_version_exits_1_and_writes_html(repo: GitRepo, cli: Cli, tmp_path: Path) -> None:
    repo.write("prompts/support.yaml", regressed_prompt(3))
    repo.commit("v3")
    out = tmp_path / "diff.html"
    result = cli(
        "diff", "support@2", "support@3", "--run", "--no-drift", "--format", "html", "-o", str(out), cwd=repo.root
    )
    assert result.code == 1
    assert "refund (broken)" in result.out
    html = out.read_text(encoding="utf-8")
    assert "6 broken, 0 fixed" in html
    assert "<title>promptops diff: support@2" in html and "Please describe your problem." in html


def test_unknown_version_exits_2(repo: GitRepo, cli: Cli) -> None:
    result = cli("diff", "support@1", "support@9", cwd=repo.root)
    assert result.code == 2
    assert "never had version 9" in result.err
