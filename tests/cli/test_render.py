"""`promptops render`: variables from --var and --vars, text and JSON output."""

from __future__ import annotations

import json

from tests.cli.helpers import Cli
from tests.gitrepo import GitRepo

NUMBERED = """\
version: 1
variables:
  n: {type: integer}
  flag: {type: boolean, required: false, default: false}
  label: {type: string, required: false, default: none}
messages:
  - role: user
    content: "{{ n + 1 }} {{ flag }} {{ label }}"
"""


def test_render_text(sample: GitRepo, cli: Cli) -> None:
    result = cli("render", "support@1", "--var", "question=Can I get a refund?", cwd=sample.root)
    assert result.code == 0
    assert result.out == "[system]\nYou are helpful (v1).\n\n[user]\nCan I get a refund?\n"


def test_var_values_are_yaml_scalars(git_repo: GitRepo, cli: Cli) -> None:
    git_repo.write("prompts/numbers.yaml", NUMBERED)
    result = cli("render", "numbers", "--var", "n=3", "--var", "flag=true", "--var", "label=a: b", cwd=git_repo.root)
    assert result.code == 0, result.err
    assert result.out.strip().endswith("4 True a: b")


def test_string_variables_take_the_text_as_typed(git_repo: GitRepo, cli: Cli) -> None:
    git_repo.write("prompts/numbers.yaml", NUMBERED)
    result = cli("render", "numbers", "--var", "n=3", "--var", "label=no", cwd=git_repo.root)
    assert result.code == 0, result.err
    assert result.out.strip().endswith("4 False no")  # not the YAML boolean False


def test_vars_file_yaml_and_json_with_var_winning(git_repo: GitRepo, cli: Cli) -> None:
    git_repo.write("prompts/numbers.yaml", NUMBERED)
    git_repo.write("vars.yaml", "n: 1\nlabel: from-file\n")
    git_repo.write("vars.json", '{"n": 10, "flag": true}')
    from_yaml = cli("render", "numbers", "--vars", "vars.yaml", "--var", "n=5", cwd=git_repo.root)
    assert from_yaml.out.strip().endswith("6 False from-file")
    from_json = cli("render", "numbers", "--vars", "vars.json", "--format", "json", cwd=git_repo.root)
    rendered = json.loads(from_json.out)
    assert rendered["messages"] == [{"role": "user", "content": "11 True none"}]
    assert rendered["prompt"] == {"name": "numbers", "version": 1, "commit": None, "path": "prompts/numbers.yaml"}
