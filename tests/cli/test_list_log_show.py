"""`promptops list`, `log` and `show` on a project with real git history."""

from __future__ import annotations

import json

from tests.cli.helpers import Cli
from tests.gitrepo import AUTHOR, GitRepo, prompt_yaml


def test_list_table_and_json(sample: GitRepo, cli: Cli) -> None:
    sample.write("prompts/other.yaml", prompt_yaml(7).replace("Answers a question.", "Another one."))
    table = cli("list", cwd=sample.root)
    assert table.code == 0
    assert table.out.splitlines()[0].split() == ["name", "version", "path", "description"]
    assert table.out.splitlines()[1].split()[:3] == ["other", "7", "prompts/other.yaml"]
    listed = json.loads(cli("list", "--format", "json", cwd=sample.root).out)
    assert listed == [
        {"name": "other", "version": 7, "path": "prompts/other.yaml", "description": "Another one."},
        {"name": "support", "version": 3, "path": "prompts/support.yaml", "description": "Answers a question."},
    ]


def test_list_with_no_prompts(tmp_path: object, cli: Cli, git_repo: GitRepo) -> None:
    result = cli("list", cwd=git_repo.root)
    assert (result.code, result.out.strip()) == (0, "no prompts under prompts")


def test_log_marks_the_working_copy(sample: GitRepo, cli: Cli) -> None:
    sample.write("prompts/support.yaml", prompt_yaml(4))
    result = cli("log", "support", cwd=sample.root)
    assert result.code == 0
    rows = [line.split() for line in result.out.splitlines()]
    assert rows[0] == ["version", "commit", "date", "author", "message"]
    assert rows[1][:2] == ["4*", "working"]
    head = sample.git("rev-parse", "--short=7", "HEAD")
    assert rows[2][:2] == ["3", head] and rows[2][-4:] == [*AUTHOR.split(), "support", "v3"]
    assert [r[0] for r in rows[3:]] == ["2", "1"]


def test_log_json(sample: GitRepo, cli: Cli) -> None:
    versions = json.loads(cli("log", "support", "--format", "json", cwd=sample.root).out)
    assert [v["version"] for v in versions] == [3, 2, 1]
    assert versions[0]["commit"] == sample.git("rev-parse", "HEAD")
    assert set(versions[0]) == {"name", "version", "commit", "path", "author", "date", "message", "dirty"}


def test_show_yaml_has_identity_then_the_file(sample: GitRepo, cli: Cli) -> None:
    sha = sample.git("rev-parse", "HEAD~1")
    result = cli("show", "support@2", cwd=sample.root)
    assert result.code == 0
    header, *body = result.out.splitlines()
    assert header == f"# support@2  {sha}  prompts/support.yaml"
    assert "\n".join(body) + "\n" == prompt_yaml(2)


def test_show_json_working_tree(sample: GitRepo, cli: Cli) -> None:
    shown = json.loads(cli("show", "support", "--format", "json", cwd=sample.root).out)
    assert (shown["name"], shown["version"], shown["commit"]) == ("support", 3, None)
    assert shown["spec"]["variables"]["question"]["type"] == "string"
    assert shown["text"] == prompt_yaml(3)


def test_show_by_tag(sample: GitRepo, cli: Cli) -> None:
    sample.git("tag", "v1.0", "HEAD~2")
    shown = json.loads(cli("show", "support@v1.0", "--format", "json", cwd=sample.root).out)
    assert (shown["version"], shown["commit"]) == (1, sample.git("rev-parse", "HEAD~2"))
