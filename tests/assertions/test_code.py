"""The `python` assertion: inline expressions in a restricted namespace, and `module:function`."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from promptops.providers.base import Output

JSON_OUT = '{"label": "positive", "score": 0.8, "tags": ["a", "b"]}'

CASES: list[tuple[str, str, bool, float]] = [
    ("len(output.split()) <= 5", "short and sweet", True, 1.0),
    ("len(output.split()) <= 2", "short and sweet", False, 0.0),
    ("json['label'] == 'positive'", JSON_OUT, True, 1.0),
    ("json is None", "not json at all", True, 1.0),
    ("json['score']", JSON_OUT, True, 0.8),
    ("len(json['tags']) / 5", JSON_OUT, False, 0.4),
    ("vars['name'] in output", "Hello Ada!", True, 1.0),
    ("expected.lower() in output.lower()", "Answer: PARIS", True, 1.0),
    ("bool(re.search(r'\\d{3}-\\d{4}', output))", "call 555-1234", True, 1.0),
    ("sorted(set(output)) == list('abc')", "cabbage", False, 0.0),
]


@pytest.mark.parametrize(("expression", "output", "passed", "score"), CASES)
def test_inline_expressions(evaluate: Any, expression: str, output: str, passed: bool, score: float) -> None:
    result = evaluate({"type": "python", "value": expression}, output, vars={"name": "Ada"}, expected="paris")
    assert result.passed is passed, result.reason
    assert result.score == pytest.approx(score)


def test_score_threshold_and_negation(evaluate: Any) -> None:
    spec = {"type": "python", "value": "json['score']", "threshold": 0.9}
    result = evaluate(spec, JSON_OUT)
    assert not result.passed and result.score == pytest.approx(0.8)
    assert "scored 0.8 (threshold 0.9)" in result.reason
    assert evaluate({**spec, "type": "not-python"}, JSON_OUT).passed


@pytest.mark.parametrize(
    ("expression", "score", "shown"),
    [("5", 1.0, "scored 1 (returned 5, clamped"), ("-2", 0.0, "scored 0 (returned -2, clamped")],
)
def test_a_score_out_of_range_is_clamped_and_the_reason_shows_it(
    evaluate: Any, expression: str, score: float, shown: str
) -> None:
    result = evaluate({"type": "python", "value": expression}, "anything")
    assert result.score == score
    assert result.reason == f"{expression} {shown} to [0, 1]; threshold 0.5)"


@pytest.mark.parametrize(
    "expression",
    ["1 / 0", "json['missing']", "'text'", "None", "float('nan')", "open('/etc/passwd').read()"],
)
@pytest.mark.parametrize("kind", ["python", "not-python"])
def test_errors_and_unusable_returns_fail_in_both_forms(evaluate: Any, kind: str, expression: str) -> None:
    result = evaluate({"type": kind, "value": expression}, JSON_OUT)
    assert not result.passed, result.reason


def test_exception_is_reported_in_one_line(evaluate: Any) -> None:
    result = evaluate({"type": "python", "value": "1 / 0"}, "x")
    assert result.reason == "1 / 0 raised ZeroDivisionError: division by zero"


@pytest.mark.parametrize(
    "expression",
    [
        "__import__('os').system('true')",
        "().__class__.__bases__[0].__subclasses__()",
        "output.__class__",
        "re._compiler",
        "getattr(output, 'upper')()",
        "eval('1')",
        "type(output)",
    ],
)
def test_escapes_are_rejected_or_unavailable(registry: Any, evaluate: Any, expression: str) -> None:
    from promptops.suite import AssertionSpec

    spec = AssertionSpec(type="python", value=expression)
    try:
        registry.check(spec)
    except ValueError:
        return
    result = evaluate({"type": "python", "value": expression}, "x")
    assert not result.passed
    assert "NameError" in result.reason


@pytest.fixture
def project_root(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "checks").mkdir()
    (tmp_path / "checks" / "__init__.py").write_text("")
    (tmp_path / "checks" / "grading.py").write_text(
        "def polite(output, context):\n"
        "    return 'please' in output.lower() and context['vars']['tone'] == 'formal'\n"
        "def graded(output, context):\n"
        "    return min(1.0, len(output) / 100)\n"
        "def promptfoo_style(output, context):\n"
        "    return {'pass': context['json'] is not None, 'score': 0.7, 'reason': 'parsed fine'}\n"
    )
    yield tmp_path
    for name in [m for m in sys.modules if m == "checks" or m.startswith("checks.")]:
        del sys.modules[name]
    if str(tmp_path) in sys.path:
        sys.path.remove(str(tmp_path))


def test_module_function_from_the_project_root(evaluate: Any, project_root: Path) -> None:
    context = {"root": str(project_root), "vars": {"tone": "formal"}}
    assert evaluate({"type": "python", "value": "checks.grading:polite"}, "Please wait.", **context).passed
    assert not evaluate({"type": "python", "value": "checks.grading:polite"}, "Wait.", **context).passed
    graded = evaluate({"type": "python", "value": "checks.grading:graded"}, "x" * 30, **context)
    assert not graded.passed and graded.score == pytest.approx(0.3)
    style = evaluate({"type": "python", "value": "checks.grading:promptfoo_style"}, "[1]", **context)
    assert style.passed and style.score == pytest.approx(0.7) and style.reason == "parsed fine"


def test_missing_module_function_fails_with_the_import_error(evaluate: Any, project_root: Path) -> None:
    result = evaluate({"type": "python", "value": "checks.grading:nope"}, "x", root=str(project_root))
    assert not result.passed and "AttributeError" in result.reason


def test_function_receives_the_run_context(evaluate: Any, project_root: Path) -> None:
    (project_root / "checks" / "spy.py").write_text(
        "SEEN = []\ndef spy(output, context):\n    SEEN.append(context)\n    return True\n"
    )
    out = Output(text='{"a": 1}', latency_ms=12.0, completion_tokens=3, cost_usd=0.1)
    evaluate({"type": "python", "value": "checks.spy:spy"}, output=out, root=str(project_root), expected="e")
    seen = sys.modules["checks.spy"].SEEN[0]
    assert seen["json"] == {"a": 1} and seen["expected"] == "e" and seen["latency_ms"] == 12.0
    assert seen["completion_tokens"] == 3


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "needs `value:` a Python expression or 'module:function'"),
        ("len(output) >", "does not parse: invalid syntax"),
        ("output.__len__()", "must not contain '__'"),
        ("re._parser", "must not use private attribute '._parser'"),
    ],
)
def test_check_errors(check_error: Any, value: Any, message: str) -> None:
    assert message in check_error({"type": "python", "value": value})


def test_threshold_out_of_range(check_error: Any) -> None:
    assert "between 0 and 1" in check_error({"type": "python", "value": "True", "threshold": 2})
