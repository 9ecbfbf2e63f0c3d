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
