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


TYPED = """\
version: 1
variables:
  question: {type: string}
  n: {type: integer}
  x: {type: number, required: false, default: 0}
  flag: {type: boolean, required: false, default: false}
  tags: {type: array, required: false, default: []}
messages:
  - role: user
    content: "{{ question }}|{{ n }}|{{ x }}|{{ flag }}|{{ tags | join(',') }}"
"""


def test_var_values_take_the_declared_type_of_their_variable(git_repo: GitRepo, cli: Cli) -> None:
    git_repo.write("prompts/typed.yaml", TYPED)
    args = ["--var", "question=3", "--var", "n=010", "--var", "x=1e3", "--var", "flag=False", "--var", "tags=[a, b]"]
    result = cli("render", "typed", *args, "--format", "json", cwd=git_repo.root)
    assert result.code == 0, result.err
    rendered = json.loads(result.out)
    # a string stays the text typed; numbers are decimal (not YAML's octal 010 = 8) and 1e3 is one (YAML 1.1 says no)
    assert rendered["variables"] == {"question": "3", "n": 10, "x": 1000.0, "flag": False, "tags": ["a", "b"]}
    assert rendered["messages"] == [{"role": "user", "content": "3|10|1000.0|False|a,b"}]


def test_a_var_value_that_is_not_its_type_is_one_line_and_exit_2(git_repo: GitRepo, cli: Cli) -> None:
    git_repo.write("prompts/typed.yaml", TYPED)
    for pair, expected in [
        ("n=0x10", "error: --var: variable 'n' must be integer, got '0x10'"),  # YAML 1.1 would read sixteen
        ("n=abc", "error: --var: variable 'n' must be integer, got 'abc'"),
        ("n=3.5", "error: --var: variable 'n' must be integer, got '3.5'"),
        ("x=nan", "error: --var: variable 'x' must be number, got 'nan'"),
        ("flag=yes", "error: --var: variable 'flag' must be boolean, got 'yes'"),
    ]:
        result = cli("render", "typed", "--var", "question=q", "--var", "n=1", "--var", pair, cwd=git_repo.root)
        assert (result.code, result.out, result.err) == (2, "", expected + "\n"), pair
