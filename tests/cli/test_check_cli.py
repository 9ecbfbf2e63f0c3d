"""`promptops check` through the CLI: exit codes, the report formats, the GitHub step summary, offline HTML."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.check_project import base_project, prompt_text, regressed_prompt, suite_text
from tests.cli.helpers import run_into_closed_pipe
from tests.gitrepo import GitRepo

from .conftest import Cli


@pytest.fixture
def repo(git_repo: GitRepo) -> GitRepo:
    return base_project(git_repo)


def test_unchanged_repo_passes_fast_without_loading_torch(repo: GitRepo) -> None:
    script = (
        "import sys\nfrom promptops.cli.main import main\n"
        "code = main(['check', '--base', 'main'])\n"
        "print('torch loaded' if 'torch' in sys.modules else 'torch not loaded')\nsys.exit(code)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=repo.root, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "PASS: no prompt or suite changed" in done.stdout
    assert "torch not loaded" in done.stdout


def test_regression_exits_1_and_the_summary_lands_in_github_step_summary(
    repo: GitRepo, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    repo.write("prompts/support.yaml", regressed_prompt(2))
    result = cli("check", "--base", "main", "--no-drift", cwd=repo.root)
    assert result.code == 1
    assert "FAIL" in result.out
    markdown = summary.read_text(encoding="utf-8")
    assert markdown.startswith("earlier step\n## ❌ promptops check — FAIL: 1 prompt checked, 2 problems")
    assert "| support | 100% | 0% | -100% [-100%, -100%] | 0.0312 | refund, shipping" in markdown
    assert "significantly worse than base" in markdown
    assert "Please describe your problem." in markdown  # the output of a worst case


def test_missing_version_bump_exits_1_with_the_fix(repo: GitRepo, cli: Cli) -> None:
    repo.write("prompts/support.yaml", prompt_text(1, system="You are a terse support agent."))
    result = cli("check", "--base", "main", "--no-drift", "--format", "markdown", cwd=repo.root)
    assert result.code == 1
    assert "bump `version:` to 2 in prompts/support.yaml" in result.out


def test_bumped_change_passes_on_a_head_branch_and_reports_json(repo: GitRepo, cli: Cli) -> None:
    repo.write("prompts/support.yaml", prompt_text(2, system="You are a friendly support agent."))
    repo.commit("v2")
    repo.git("checkout", "-q", "main")
    result = cli("check", "--base", "main", "--head", "head", "--no-drift", "--format", "json", cwd=repo.root)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["passed"] is True and data["head"] == "head"
    [prompt] = data["prompts"]
    assert (prompt["base_version"], prompt["head_version"]) == (1, 2)
    assert prompt["suites"][0]["comparison"]["mcnemar_p"] == 1.0


def test_output_under_a_file_says_that_file_is_not_a_directory(repo: GitRepo, cli: Cli) -> None:
    repo.write("report.md", "an earlier report\n")
    result = cli("check", "--base", "main", "--output", "report.md/check.md", cwd=repo.root)
    assert result.code == 2
    assert result.err.strip() == "error: report.md/check.md: cannot write the file: report.md is not a directory"


def test_bad_base_exits_2(repo: GitRepo, cli: Cli) -> None:
    result = cli("check", "--base", "nope", cwd=repo.root)
    assert result.code == 2
    assert "unknown git revision 'nope'" in result.err


def test_html_report_is_self_contained(repo: GitRepo, cli: Cli, tmp_path: Path) -> None:
    repo.write("prompts/support.yaml", regressed_prompt(2).replace("problem.", "<b>problem</b> & more."))
    out = tmp_path / "report.html"
    result = cli("check", "--base", "main", "--no-drift", "--format", "html", "--output", str(out), cwd=repo.root)
    assert result.code == 1
    assert "FAIL" in result.out  # the terminal still shows the verdict
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<p class="verdict fail">FAIL: 1 prompt checked, 2 problems</p>' in html
    assert "&lt;b&gt;problem&lt;/b&gt; &amp; more." in html and "<b>problem" not in html
    assert "<script" not in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(_chromium() is None, reason="chromium is not installed (apt-get install -y chromium)")
def test_html_report_renders_in_headless_chromium(repo: GitRepo, cli: Cli, tmp_path: Path) -> None:
    repo.write("prompts/support.yaml", regressed_prompt(2))
    report = tmp_path / "report.html"
    assert cli("check", "--base", "main", "--no-drift", "--format", "html", "-o", str(report), cwd=repo.root).code == 1
    dom = subprocess.run(
        [str(_chromium()), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         f"--user-data-dir={tempfile.mkdtemp()}", "--dump-dom", report.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "FAIL: 1 prompt checked, 2 problems" in dom.stdout
    assert "<td>refund, shipping, invoice, warranty, password, delivery</td>" in dom.stdout


@pytest.fixture
def scaffolded(git_repo: GitRepo, cli: Cli) -> GitRepo:
    """`promptops init` committed on main (prompts/support-reply.yaml and its suite); work goes on in branch head."""
    assert cli("init", cwd=git_repo.root).code == 0
    git_repo.write(".gitignore", ".promptops/\n")
    git_repo.commit("promptops init")
    git_repo.git("checkout", "-q", "-b", "head")
    return git_repo


def _rename_suite_prompt(repo: GitRepo, name: str) -> None:
    path = repo.root / "suites/support-reply.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\nprompt: support-reply\n" in text  # line 2, under the scaffold's comment
    path.write_text(text.replace("\nprompt: support-reply\n", f"\nprompt: {name}\n"), encoding="utf-8")


def test_changed_suite_naming_a_missing_prompt_is_bad_input_like_validate(scaffolded: GitRepo, cli: Cli) -> None:
    _rename_suite_prompt(scaffolded, "support-replyy")
    validate = cli("validate", cwd=scaffolded.root)
    [line] = [x for x in validate.out.splitlines() if x.startswith("suites/")]
    assert line.startswith("suites/support-reply.yaml:2: prompt: no prompt named 'support-replyy'")

    result = cli("check", "--base", "main", "--no-drift", cwd=scaffolded.root)
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("error: ") and result.err.rstrip().endswith(line)
    assert len(result.err.splitlines()) == 1

    scaffolded.commit("typo in the suite")
    committed = cli("check", "--base", "main", "--head", "HEAD", "--no-drift", cwd=scaffolded.root)
    assert (committed.code, committed.err) == (2, result.err)


def test_suite_naming_a_prompt_added_only_on_the_head_branch_is_checked_from_git(repo: GitRepo, cli: Cli) -> None:
    repo.write("prompts/faq.yaml", prompt_text(1))
    repo.write("suites/faq.yaml", suite_text(prompt="faq"))
    repo.commit("faq prompt and suite")
    repo.git("checkout", "-q", "main")  # the working tree has neither file: head comes from git
    result = cli("check", "--base", "main", "--head", "head", "--no-drift", "--format", "json", cwd=repo.root)
    assert result.code == 0, result.err
    [prompt] = json.loads(result.out)["prompts"]
    assert (prompt["name"], prompt["status"], prompt["suites"][0]["suite"]) == ("faq", "added", "faq")


def test_deleted_prompt_still_named_by_a_suite_is_bad_input(scaffolded: GitRepo, cli: Cli) -> None:
    scaffolded.git("rm", "-q", "prompts/support-reply.yaml")
    result = cli("check", "--base", "main", "--no-drift", cwd=scaffolded.root)
    assert (result.code, result.out) == (2, "")
    assert result.err.rstrip().endswith(
        "suites/support-reply.yaml:2: prompt: prompt 'support-reply' no longer exists: prompts/support-reply.yaml"
        " was deleted; delete this suite or point it at an existing prompt"
    )


def test_renamed_prompt_whose_suite_still_names_the_old_name_is_bad_input(repo: GitRepo, cli: Cli) -> None:
    repo.git("mv", "prompts/support.yaml", "prompts/helpdesk.yaml")
    result = cli("check", "--base", "main", "--no-drift", cwd=repo.root)
    assert result.code == 2
    assert result.err.rstrip().endswith(
        "suites/support.yaml:1: prompt: prompt 'support' no longer exists: prompts/support.yaml was renamed to"
        " prompts/helpdesk.yaml (prompt 'helpdesk'); delete this suite or point it at an existing prompt"
    )


def test_deleted_prompt_with_its_suites_deleted_too_passes(scaffolded: GitRepo, cli: Cli) -> None:
    scaffolded.git("rm", "-q", "prompts/support-reply.yaml", "suites/support-reply.yaml")
    result = cli("check", "--base", "main", "--no-drift", cwd=scaffolded.root)
    assert result.code == 0, result.err
    assert "! prompt 'support-reply' was deleted (prompts/support-reply.yaml)" in result.out


def test_threshold_failure_suggests_a_run_command_that_works(repo: GitRepo, cli: Cli) -> None:
    repo.write("suites/support.yaml", suite_text(extra_case='  - id: hours\n    vars: {question: "Open?"}\n'
                                                 "    assert: [{type: icontains, value: weekend}]\n"))  # fmt: skip
    result = cli("check", "--base", "main", "--no-drift", "--format", "json", cwd=repo.root)
    assert result.code == 1
    [problem] = json.loads(result.out)["problems"]
    assert problem["kind"] == "threshold"
    command = re.search(r"`promptops (run [^`]+)`", problem["fix"])
    assert command is not None and command.group(1) == "run support"
    (repo.root / "elsewhere").mkdir()
    ran = cli(*command.group(1).split(), "--format", "json", cwd=repo.root / "elsewhere")
    assert ran.code == 1, ran.err  # the suite runs and fails, as the check said
    assert [run["suite"] for run in json.loads(ran.out)] == ["support"]


def test_renamed_prompt_title_says_renamed_once(repo: GitRepo, cli: Cli) -> None:
    repo.git("mv", "prompts/support.yaml", "prompts/helpdesk.yaml")
    repo.write("suites/support.yaml", suite_text(prompt="helpdesk"))
    result = cli("check", "--base", "main", "--no-drift", cwd=repo.root)
    assert result.code == 0, result.err
    assert "helpdesk (renamed from prompts/support.yaml; v1 → v1) — pass" in result.out.splitlines()
    markdown = cli("check", "--base", "main", "--no-drift", "--format", "markdown", cwd=repo.root).out
    assert "### helpdesk (renamed from prompts/support.yaml; v1 → v1) — pass" in markdown.splitlines()


def test_a_closed_stdout_keeps_the_check_status_and_stderr_quiet(repo: GitRepo) -> None:
    repo.write("prompts/support.yaml", prompt_text(2, system="You are a friendly support agent."))
    assert run_into_closed_pipe("check", "--base", "main", "--no-drift", cwd=repo.root) == (0, "")
    assert run_into_closed_pipe("check", "--base", "main", "--no-drift", "--format", "json", cwd=repo.root) == (0, "")
    repo.write("prompts/support.yaml", regressed_prompt(2))
    assert run_into_closed_pipe("check", "--base", "main", "--no-drift", cwd=repo.root) == (1, "")
