"""The built-in set as a whole: registration, plugins via entry points, the reference page, invariants."""

from __future__ import annotations

import re
import textwrap
import uuid
from pathlib import Path
from typing import Any

import pytest
import yaml

from promptops.assertions import registry as registry_module
from promptops.assertions.builtin import builtin_types
from promptops.assertions.registry import AssertionRegistry
from promptops.errors import InputError
from promptops.providers.base import Output
from promptops.suite import AssertionSpec

DOCS = Path(__file__).parents[2] / "docs" / "assertions.md"


def base_names(registry: AssertionRegistry) -> set[str]:
    return {name for name in registry.names() if not name.startswith("not-")}


def test_at_least_25_base_types(registry: AssertionRegistry) -> None:
    assert len(base_names(registry)) >= 25


def test_issue_types_and_their_negations_are_registered(registry: AssertionRegistry) -> None:
    required = [
        "equals",
        "contains",
        "icontains",
        "contains-any",
        "contains-all",
        "icontains-any",
        "icontains-all",
        "starts-with",
        "regex",
        "is-json",
        "contains-json",
        "json-path",
        "is-xml",
        "word-count",
        "length",
        "levenshtein",
        "rouge-n",
        "python",
        "latency",
        "cost",
        "tokens",
        "is-refusal",
        "llm-rubric",
        "similar",
    ]
    assert set(required) <= base_names(registry)
    for name in ["not-contains", "not-icontains", "not-is-refusal", "not-similar", "not-is-json", "not-regex"]:
        assert name in registry.names()


def doc_examples() -> list[dict[str, Any]]:
    blocks = re.findall(r"```yaml\n(.*?)```", DOCS.read_text(encoding="utf-8"), flags=re.DOTALL)
    return [spec for block in blocks for spec in yaml.safe_load(block)]


def test_reference_page_documents_every_type(registry: AssertionRegistry) -> None:
    headings = set(re.findall(r"^### (\S+)$", DOCS.read_text(encoding="utf-8"), flags=re.MULTILINE))
    assert headings == base_names(registry)
    documented = {AssertionSpec.model_validate(spec).base_type for spec in doc_examples()}
    assert documented == base_names(registry)


@pytest.mark.parametrize("spec", doc_examples(), ids=lambda spec: spec["type"])
def test_reference_page_examples_pass_the_load_time_check(registry: AssertionRegistry, spec: dict[str, Any]) -> None:
    registry.check(AssertionSpec.model_validate(spec))


OUTPUTS = [
    Output(text=""),
    Output(text='{"label": "positive", "items": [1, 2]}', latency_ms=40, completion_tokens=12, cost_usd=0.001),
    Output(text="I'm sorry, but I can't help with that.\n" * 20, latency_ms=4000),
]


@pytest.mark.parametrize("spec", doc_examples(), ids=lambda spec: spec["type"])
def test_negation_is_the_complement_or_both_fail(
    registry: AssertionRegistry, evaluate: Any, spec: dict[str, Any]
) -> None:
    kind = AssertionSpec.model_validate(spec).base_type
    if f"not-{kind}" not in registry.names():
        pytest.skip(f"{kind} is not negatable")
    for output in OUTPUTS:
        plain = evaluate({**spec, "type": kind}, output=output, expected="Refunds are possible.")
        negated = evaluate({**spec, "type": f"not-{kind}"}, output=output, expected="Refunds are possible.")
        assert negated.expected == f"not {plain.expected}"
        if negated.passed is plain.passed:  # could not be evaluated: a failure in both forms
            assert not plain.passed and plain.score == negated.score == 0.0
        else:
            assert negated.score == pytest.approx(1 - plain.score)


def test_builtin_names_are_unique() -> None:
    names = [kind.name for kind in builtin_types()]
    assert len(names) == len(set(names))


@pytest.fixture
def fresh_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry_module, "_DEFAULT", None)


def install_plugin(folder: Path, monkeypatch: pytest.MonkeyPatch, source: str) -> None:
    """`source` as an installed distribution whose `promptops.assertions` entry point is its `register`."""
    module = f"plugin_{uuid.uuid4().hex[:8]}"  # a fresh module name: no test sees another's cached import
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{module}.py").write_text(source, encoding="utf-8")
    dist_info = folder / f"{module}-0.1.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n")
    (dist_info / "entry_points.txt").write_text(f"[promptops.assertions]\nplugin = {module}:register\n")
    monkeypatch.syspath_prepend(str(folder))


def test_default_registry_loads_builtins_and_an_entry_point_plugin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_default: None
) -> None:
    source = textwrap.dedent(
        """
        from promptops.results import AssertionResult

        def _shouting(spec, ctx):
            loud = ctx.output.text.isupper()
            return AssertionResult(type=spec.type, passed=loud, score=float(loud), reason="checked case")

        def register(registry):
            registry.register("is-shouting", _shouting, description="All capitals.")
        """
    )
    install_plugin(tmp_path, monkeypatch, source)

    registry = registry_module.default_registry()

    assert "is-shouting" in registry.names() and "not-is-shouting" in registry.names()
    assert len(base_names(registry)) >= 26
    registry.check(AssertionSpec(type="not-is-shouting"))
    assert registry_module.default_registry() is registry
    registry.check(AssertionSpec(type="is-shouting", value="any", path="$"))  # declares nothing: takes anything


def _plugin_from_the_docs() -> str:
    section = DOCS.read_text(encoding="utf-8").split("**Plugins.**", 1)[1].split("\n## ", 1)[0]
    [source] = re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    return source


def _project(root: Path, assertion: str, question: str = "One. Two.") -> None:
    from tests.gitrepo import prompt_yaml

    (root / "prompts").mkdir(parents=True)
    (root / "suites").mkdir()
    (root / "pyproject.toml").write_text("[tool.promptops]\n", encoding="utf-8")
    (root / "prompts/support.yaml").write_text(prompt_yaml(1), encoding="utf-8")
    case = f"  - id: short\n    vars: {{question: {question}}}\n    assert:\n      - {assertion}\n"
    suite = f"prompt: support\ncases:\n{case}"
    (root / "suites/support.yaml").write_text(suite, encoding="utf-8")


def _cli(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str]:
    from promptops.cli.main import main

    monkeypatch.chdir(root)
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out + err


def test_the_documented_plugin_runs_and_an_option_it_does_not_declare_is_refused_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fresh_default: None
) -> None:
    install_plugin(tmp_path / "site", monkeypatch, _plugin_from_the_docs())
    passing, failing, refused = tmp_path / "passing", tmp_path / "failing", tmp_path / "refused"
    _project(passing, "{type: max-sentences, max: 2}")
    _project(failing, "{type: max-sentences, max: 2}", question="One. Two. Three.")
    _project(refused, "{type: max-sentences, max: 2, value: 2}")
    assert _cli(passing, monkeypatch, capsys, "run", "--record", "off")[0] == 0
    code, out = _cli(failing, monkeypatch, capsys, "run", "--record", "off", "--format", "json")
    assert code == 1 and "3 sentences" in out
    code, out = _cli(refused, monkeypatch, capsys, "validate")
    assert code == 2
    assert "suites/support.yaml:6: 'max-sentences' does not take value (it takes: max)" in out


def test_a_plugin_declaring_an_option_no_assertion_has_fails_to_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_default: None
) -> None:
    source = "def register(registry):\n    registry.register('odd', lambda spec, ctx: None, options=['vaule'])\n"
    install_plugin(tmp_path, monkeypatch, source)
    with pytest.raises(InputError, match="assertion 'odd' declares unknown options vaule"):
        registry_module.default_registry()
