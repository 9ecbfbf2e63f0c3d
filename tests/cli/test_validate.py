"""`promptops validate`: every problem in prompt and suite files as `path:line: message`."""

from __future__ import annotations

from pathlib import Path

import pytest

from promptops.providers import registry as provider_registry
from tests.cli.helpers import SUITE, Cli
from tests.gitrepo import GitRepo, prompt_yaml


def test_valid_project(sample: GitRepo, cli: Cli) -> None:
    result = cli("validate", cwd=sample.root)
    assert (result.code, result.out) == (0, "OK: 1 prompt file(s) and 1 suite file(s) valid\n")


def test_every_problem_is_reported(sample: GitRepo, cli: Cli) -> None:
    sample.write("prompts/broken.yaml", "version: 1\nmessages: [\n")
    sample.write("prompts/typo.yaml", prompt_yaml(1).replace("description:", "descripton:"))
    sample.write("suites/bad.yaml", SUITE.replace("prompt: support", "prompt: suport"))
    result = cli("validate", cwd=sample.root)
    assert result.code == 2
    assert result.out.splitlines() == [
        "prompts/broken.yaml:3: YAML syntax error: expected the node content, but found '<stream end>'",
        "prompts/typo.yaml:2: unknown key 'descripton' (did you mean 'description'?)",
        "suites/bad.yaml:1: prompt: no prompt named 'suport' (did you mean 'support'?); known prompts: broken,"
        " support, typo",
        "3 problem(s) in 3 prompt file(s) and 2 suite file(s)",
    ]


def test_suite_cases_must_fit_the_prompt_contract(sample: GitRepo, cli: Cli) -> None:
    suite = SUITE + '  - id: wrong\n    vars: {questoin: "x"}\n  - id: typed\n    vars: {question: 3}\n'
    sample.write("suites/support.yaml", suite.replace("icontains", "icontain"))
    result = cli("validate", "suites", cwd=sample.root)
    assert result.code == 2
    assert result.out.splitlines() == [
        "suites/support.yaml:7: unknown variable 'questoin' for prompt 'support' (did you mean 'question'?)",
        "suites/support.yaml:9: variable 'question' must be string, got int 3",
        "suites/support.yaml:6: unknown assertion type 'icontain' (did you mean 'icontains'?)",
        "3 problem(s) in 0 prompt file(s) and 1 suite file(s)",
    ]


def test_given_paths_are_classified_by_content(sample: GitRepo, cli: Cli) -> None:
    sample.write("elsewhere/p.yaml", prompt_yaml(1, name="elsewhere"))
    sample.write("elsewhere/s.yaml", SUITE)
    sample.write("elsewhere/neither.yaml", "hello: world\n")
    result = cli("validate", "elsewhere", cwd=sample.root)
    assert result.code == 2
    assert result.out.splitlines() == [
        "elsewhere/neither.yaml:1: cannot tell whether this is a prompt (has 'messages:') or a suite (has 'cases:')",
        "1 problem(s) in 1 prompt file(s) and 1 suite file(s)",
    ]


def test_duplicate_prompt_names(sample: GitRepo, cli: Cli) -> None:
    sample.write("prompts/copy.yaml", prompt_yaml(1, name="support"))
    result = cli("validate", "prompts/copy.yaml", cwd=sample.root)
    assert result.code == 2
    assert (
        result.out.splitlines()[0]
        == "prompts/support.yaml: duplicate prompt name 'support' (already used by prompts/copy.yaml)"
    )


def test_recordings_are_not_suites(sample: GitRepo, cli: Cli) -> None:
    sample.write("suites/recordings/support.yaml", "recorded: [outputs\n")
    for args in ([], ["suites"]):
        result = cli("validate", *args, cwd=sample.root)
        assert result.code == 0 and result.out.endswith(" and 1 suite file(s) valid\n"), result.out


def test_unknown_provider_is_reported_at_its_line(sample: GitRepo, cli: Cli) -> None:
    sample.write("prompts/flow.yaml", prompt_yaml(1, name="flow").replace("provider: echo", "provider: echoo"))
    block = prompt_yaml(1, name="block").replace("model: {provider: echo, name: echo}", "model:\n  provider: opnai\n")
    sample.write("prompts/block.yaml", block)
    result = cli("validate", cwd=sample.root)
    assert result.code == 2
    lines = result.out.splitlines()
    assert lines[0].startswith("prompts/block.yaml:5: unknown provider 'opnai' (did you mean 'openai'?)")
    assert lines[1].startswith("prompts/flow.yaml:4: unknown provider 'echoo' (did you mean 'echo'?)")
    assert lines[2] == "2 problem(s) in 3 prompt file(s) and 1 suite file(s)"


def test_a_provider_the_project_overrides_is_not_held_against_the_prompt(sample: GitRepo, cli: Cli) -> None:
    # `run` never asks for the prompt's own provider when [tool.promptops] names one: validate agrees
    sample.write("prompts/flow.yaml", prompt_yaml(1, name="flow").replace("provider: echo", "provider: myplugin"))
    assert cli("validate", cwd=sample.root).code == 2
    sample.write("pyproject.toml", '[tool.promptops]\nprovider = "echo"\nmodel = "echo"\n')
    result = cli("validate", cwd=sample.root)
    assert (result.code, result.out.splitlines()[-1]) == (0, "OK: 2 prompt file(s) and 1 suite file(s) valid")


def test_a_bad_transport_setting_is_reported_at_its_params_line(sample: GitRepo, cli: Cli) -> None:
    block = prompt_yaml(1, name="slow").replace(
        "model: {provider: echo, name: echo}", "model:\n  provider: echo\n  params: {temperature: 0, retries: -1}"
    )
    sample.write("prompts/slow.yaml", block)
    result = cli("validate", cwd=sample.root)
    assert result.code == 2
    assert result.out.splitlines() == [
        "prompts/slow.yaml:6: provider setting 'retries': Input should be greater than or equal to 0",
        "1 problem(s) in 2 prompt file(s) and 1 suite file(s)",
    ]


def test_a_provider_from_a_plugin_is_valid(
    sample: GitRepo, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """validate asks the registry the runner uses, so a provider installed as an entry point is known."""
    plugin = tmp_path / "plugin"
    dist_info = plugin / "parrot_provider-0.1.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: parrot-provider\nVersion: 0.1\n")
    (dist_info / "entry_points.txt").write_text("[promptops.providers]\nparrot = parrot_provider:Parrot\n")
    monkeypatch.syspath_prepend(str(plugin))
    monkeypatch.setattr(provider_registry, "_default", None)
    sample.write("prompts/support.yaml", prompt_yaml(1).replace("provider: echo", "provider: parrot"))
    assert cli("validate", cwd=sample.root).code == 0
    sample.write("prompts/support.yaml", prompt_yaml(1).replace("provider: echo", "provider: parot"))
    result = cli("validate", cwd=sample.root)
    assert result.code == 2
    assert result.out.startswith("prompts/support.yaml:3: unknown provider 'parot' (did you mean 'parrot'?)")


@pytest.mark.parametrize(
    ("table", "fix"),
    [
        ("", "prompts/ does not exist (run 'promptops init')"),
        ('prompts_dir = "promptz"\n', "promptz/ does not exist (check prompts_dir in [tool.promptops])"),
    ],
)
def test_a_missing_prompts_dir_says_how_to_fix_it(tmp_path: Path, cli: Cli, table: str, fix: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.promptops]\n{table}", encoding="utf-8")
    (tmp_path / "suites").mkdir()
    (tmp_path / "suites" / "support.yaml").write_text(SUITE, encoding="utf-8")
    result = cli("validate", cwd=tmp_path)
    assert result.code == 2
    assert result.out.splitlines()[0] == f"suites/support.yaml:1: prompt: no prompt named 'support': {fix}"


def test_an_empty_prompts_dir_says_it_is_empty(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "prompts").mkdir()
    (tmp_path / "suites").mkdir()
    (tmp_path / "suites" / "support.yaml").write_text(SUITE, encoding="utf-8")
    result = cli("validate", cwd=tmp_path)
    assert (
        result.out.splitlines()[0]
        == "suites/support.yaml:1: prompt: no prompt named 'support': prompts/ has no prompt files"
    )


def test_a_python_model_name_without_a_colon_is_reported_at_its_name_line(sample: GitRepo, cli: Cli) -> None:
    block = prompt_yaml(1).replace(
        "model: {provider: echo, name: echo}", "model:\n  provider: python\n  name: no_colon"
    )
    sample.write("prompts/support.yaml", block)
    result = cli("validate", cwd=sample.root)
    assert result.code == 2
    assert result.out.splitlines()[0] == (
        "prompts/support.yaml:5: python provider: model name 'no_colon' must be 'module:function' "
        "(e.g. 'mypackage.models:answer')"
    )
    sample.write("prompts/support.yaml", block.replace("no_colon", "mypackage.models:answer"))
    assert cli("validate", cwd=sample.root).code == 0  # not imported: validating runs no user code


def test_the_drift_reviews_file_is_validated_with_the_project(sample: GitRepo, cli: Cli) -> None:
    sample.write("drift-reviews.yaml", "reviewed:\n- prompt: support\n  suite: support\n  case: refund\n  basline: x\n")
    result = cli("validate", cwd=sample.root)
    assert result.code == 2
    assert result.out.splitlines() == [
        "drift-reviews.yaml:2: missing required key 'reviewed[0].baseline'",
        "drift-reviews.yaml:2: missing required key 'reviewed[0].candidate'",
        "drift-reviews.yaml:5: unknown key 'basline' (did you mean 'baseline'?)",
        "3 problem(s) in 1 prompt file(s) and 1 suite file(s) and drift-reviews.yaml",
    ]
    sample.write("drift-reviews.yaml", "# nothing reviewed yet\n")
    valid = cli("validate", cwd=sample.root)
    assert (valid.code, valid.out) == (0, "OK: 1 prompt file(s) and 1 suite file(s) and drift-reviews.yaml valid\n")
