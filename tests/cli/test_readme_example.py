"""The README's example prompt and suite are valid as written, and run once the model is swapped for `echo`."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.cli.helpers import Cli

ROOT = Path(__file__).resolve().parents[2]
YAML_BLOCK = re.compile(r"A prompt \(`(?P<path>[^`]+)`\):\n\n```yaml\n(?P<body>.*?)```", re.DOTALL)
SUITE_BLOCK = re.compile(r"Its suite \(`(?P<path>[^`]+)`\):\n\n```yaml\n(?P<body>.*?)```", re.DOTALL)


def _blocks() -> dict[str, str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    prompt, suite = YAML_BLOCK.search(readme), SUITE_BLOCK.search(readme)
    assert prompt is not None and suite is not None, "the README lost its example prompt or suite"
    return {prompt["path"]: prompt["body"], suite["path"]: suite["body"]}


def _project(root: Path, blocks: dict[str, str]) -> None:
    for path, body in blocks.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(body, encoding="utf-8")
    (root / "pyproject.toml").write_text("[tool.promptops]\n", encoding="utf-8")


def test_the_readme_example_validates(tmp_path: Path, cli: Cli) -> None:
    _project(tmp_path, _blocks())
    result = cli("validate", cwd=tmp_path)
    assert (result.code, result.out.strip()) == (0, "OK: 1 prompt file(s) and 1 suite file(s) valid"), result.err


def test_the_readme_suite_runs_with_its_assertions(tmp_path: Path, cli: Cli) -> None:
    blocks = _blocks()
    prompt_path = next(p for p in blocks if p.startswith("prompts/"))
    blocks[prompt_path] = (
        blocks[prompt_path].replace("provider: local", "provider: echo").replace("name: smollm2-135m", "name: echo")
    )
    _project(tmp_path, blocks)
    result = cli("run", "--format", "json", cwd=tmp_path)
    assert result.code == 0, result.err
    [run] = json.loads(result.out)
    [case] = run["cases_detail"]
    assert len(case["samples"]) == 3  # repeat: 3
    kinds = [a["type"] for a in case["samples"][0]["assertions"]]
    assert sorted(kinds) == ["icontains", "not-icontains", "similar"]
