"""The GitHub workflows, the reusable action and the pre-commit hook are valid and run what the docs say."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")
WORKFLOWS = [ROOT / ".github/workflows/ci.yml", ROOT / ".github/workflows/prompt-check.yml"]
ACTION = ROOT / ".github/actions/promptops-check/action.yml"


def load(path: Path) -> dict[str, object]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize(
    ("schema", "paths"), [("vendor.github-workflows", WORKFLOWS), ("vendor.github-actions", [ACTION])]
)
def test_files_match_the_github_schemas(schema: str, paths: list[Path]) -> None:
    done = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", schema, *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_ci_runs_the_readme_test_command_on_python_311() -> None:
    text = (ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in text
    assert "bash scripts/test.sh" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'python-version: "3.11"' in text
    triggers = load(ROOT / ".github/workflows/ci.yml")[True]  # YAML 1.1 reads the key `on` as True
    assert isinstance(triggers, dict) and set(triggers) == {"push", "pull_request"}


def test_prompt_check_runs_on_prompt_changes_with_full_history_and_uploads_html() -> None:
    workflow = load(ROOT / ".github/workflows/prompt-check.yml")
    trigger = workflow[True]
    assert trigger == {"pull_request": {"paths": ["prompts/**", "suites/**"]}}
    steps = workflow["jobs"]["check"]["steps"]  # type: ignore[index]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    run = " ".join(s.get("run", "") for s in steps)
    assert "bash scripts/setup.sh" in run
    assert re.search(r'promptops check --base "origin/\$\{\{ github.base_ref \}\}" --output promptops-report.html', run)
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "promptops-report.html"


def test_reusable_action_takes_base_python_version_and_args() -> None:
    action = load(ACTION)
    assert set(action["inputs"]) >= {"base", "python-version", "args"}  # type: ignore[arg-type]
    assert action["runs"]["using"] == "composite"  # type: ignore[index]


def test_pre_commit_hook_runs_validate_on_prompt_and_suite_files() -> None:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["entry"] == "promptops validate"
    pattern = re.compile(hook["files"])
    assert pattern.search("prompts/support.yaml") and pattern.search("suites/a/b.yml")
    assert not pattern.search("docs/prompts.yaml") and not pattern.search("prompts/readme.md")


def _pre_commit_configs() -> list[object]:
    """The YAML blocks of docs/ci.md's pre-commit section, parsed."""
    text = (ROOT / "docs/ci.md").read_text(encoding="utf-8").split("## pre-commit", 1)[1]
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)]


def test_documented_local_hook_is_the_published_hook_on_the_installed_command() -> None:
    from promptops.cli.main import COMMANDS

    [published] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    local, remote = _pre_commit_configs()
    assert isinstance(local, dict) and isinstance(remote, list)
    [repo] = local["repos"]
    [hook] = repo["hooks"]
    assert repo["repo"] == "local" and hook["language"] == "system"
    assert {k: hook[k] for k in ("id", "entry", "files")} == {k: published[k] for k in ("id", "entry", "files")}
    program, command = hook["entry"].split()
    assert program == "promptops" and command in COMMANDS
    [pinned] = remote
    assert [h["id"] for h in pinned["hooks"]] == [published["id"]]
    rev = str(pinned["rev"])
    tags = subprocess.run(["git", "tag", "--list", rev], cwd=ROOT, capture_output=True, text=True, check=True)
    assert re.fullmatch(r"[0-9a-f]{40}", rev) or tags.stdout.strip() == rev, f"rev {rev!r} cannot be fetched"


def test_documented_local_hook_passes_good_files_and_stops_a_bad_one(tmp_path: Path) -> None:
    """What pre-commit does with the hook: run `entry` with the staged files that match `files`."""
    from tests.cli.helpers import SUITE
    from tests.gitrepo import prompt_yaml

    local, _ = _pre_commit_configs()
    assert isinstance(local, dict)
    [hook] = local["repos"][0]["hooks"]
    files = {"prompts/support.yaml": prompt_yaml(1), "suites/support.yaml": SUITE, "docs/notes.yaml": "a: ["}
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.promptops]\n", encoding="utf-8")
    staged = [rel for rel in files if re.search(hook["files"], rel)]
    assert staged == ["prompts/support.yaml", "suites/support.yaml"]
    program, *args = hook["entry"].split()
    command = [str(Path(sys.executable).with_name(program)), *args]
    good = subprocess.run([*command, *staged], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert good.returncode == 0, good.stdout + good.stderr
    (tmp_path / "suites/support.yaml").write_text(SUITE.replace("prompt: support", "prompt: suport"), encoding="utf-8")
    bad = subprocess.run([*command, *staged], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert bad.returncode == 2
    assert "suites/support.yaml:1: " in bad.stdout + bad.stderr
