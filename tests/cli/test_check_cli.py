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

from tests.check_project import base_project, prompt_text, regressed_prompt
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
