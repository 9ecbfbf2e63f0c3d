"""`promptops run` as a user sees it: exit status, report formats, versions from git, bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from promptops.cli.main import main
from tests.engine.helpers import Workspace, prompt_yaml, suite_yaml

if TYPE_CHECKING:  # the shared GitRepo; imported for types only, the fixtures come from tests/conftest.py
    from tests.gitrepo import GitRepo


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["run", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_exit_0_when_every_suite_passes(space: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    space.write("suites/greet.yaml", suite_yaml(("world", "world", "world")))
    assert run_cli(capsys, "--format", "markdown")[0] == 0


def test_exit_1_and_json_report_when_a_case_fails(space: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "--format", "json")
    assert code == 1
    (run,) = json.loads(out)
    assert (run["suite"], run["prompt"], run["cases"], run["cases_passed"], run["passed"]) == (
        "greet",
        "greet",
        3,
        2,
        False,
    )
    assert [c["case_id"] for c in run["cases_detail"]] == ["world", "moon", "sun"]


def test_markdown_report_to_a_file(space: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "--format", "markdown", "--output", "report.md")
    report = (space.root / "report.md").read_text(encoding="utf-8")
    assert code == 1 and "promptops run" in out  # the file gets markdown, the terminal its summary
    assert report.startswith("| suite | prompt | version |")
    assert "- `moon` (0%): sample 0: contains:" in report


def test_verbose_marks_a_known_failure_as_xfail(space: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    suite = suite_yaml(("world", "world", "world"), ("moon", "moon", "world"), ("sun", "sun", "nowhere"))
    space.write("suites/greet.yaml", suite.replace("  - id: moon\n", "  - id: moon\n    xfail: no moon yet\n"))
    code, out, _ = run_cli(capsys, "-v")
    assert code == 1  # pass rates still count a known failure
    listed = [line for line in out.splitlines() if "greet.yaml:" in line]
    assert listed[0].startswith("xfail suites/greet.yaml:")
    assert listed[0].endswith("moon (greet@1): known failure: no moon yet")
    assert listed[1].startswith("✗ suites/greet.yaml:") and " sun (greet@1)" in listed[1]


def test_bad_suite_is_one_located_line_and_exit_2(space: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    space.write("suites/greet.yaml", "prompt: greet\ncases:\n  - id: a\n    vars: {who: x}\n    asert: []\n")
    code, out, err = run_cli(capsys)
    assert code == 2 and out == ""
    (line,) = err.strip().splitlines()
    assert line.startswith("error: ") and "suites/greet.yaml:5: " in line and "asert" in line


def test_versions_from_git(
    git_repo: GitRepo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two committed versions of one prompt run side by side; only the first says hello."""
    git_repo.write("pyproject.toml", "[tool.promptops]\n")
    git_repo.write("suites/greet.yaml", suite_yaml(("world", "world", "hello")))
    git_repo.write("prompts/greet.yaml", prompt_yaml(version=1))
    first = git_repo.commit("greet v1")
    git_repo.write("prompts/greet.yaml", prompt_yaml(version=2, content="goodbye {{ who }}"))
    second = git_repo.commit("greet v2")
    monkeypatch.chdir(git_repo.root)

    code, out, _ = run_cli(capsys, "--version", "1", "--version", "HEAD", "--format", "json")

    runs = json.loads(out)
    assert code == 1
    assert [(r["version"], r["commit"], r["passed"]) for r in runs] == [(1, first[:7], True), (2, second[:7], False)]
    assert runs[1]["cases_detail"][0]["samples"][0]["output"] == "goodbye world"


def test_interrupt_exits_130_and_keeps_the_run(space: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    space.use_python("interrupt")
    space.write("interrupt_at", "2")
    code, _, err = run_cli(capsys, "--concurrency", "1")
    assert code == 130 and err.strip() == "interrupted"
    assert Path(".promptops/store.sqlite").exists()


def test_a_suite_is_found_by_name_or_file_name_from_any_directory(
    space: Workspace, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    space.write("suites/team/faq.yml", suite_yaml(("world", "world", "world"), prompt="greet"))
    monkeypatch.chdir(space.write("sub/.keep", "").parent)
    for name, suite in (("greet", "greet"), ("greet.yaml", "greet"), ("team/faq", "faq"), ("team/faq.yml", "faq")):
        code, out, err = run_cli(capsys, name, "--format", "json")
        assert code in (0, 1), err
        assert [run["suite"] for run in json.loads(out)] == [suite]
    code, _, err = run_cli(capsys, "gret.yaml")
    assert code == 2 and err == "error: no suite file or suite named 'gret.yaml'\n"


def test_an_unknown_provider_is_one_line_at_the_prompts_provider_line(
    space: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    space.write("prompts/greet.yaml", prompt_yaml(provider="echoo"))
    code, out, err = run_cli(capsys)
    assert (code, out) == (2, "")
    (line,) = err.splitlines()
    assert line.startswith("error: ")
    assert "prompts/greet.yaml:3: unknown provider 'echoo' (did you mean 'echo'?)" in line
