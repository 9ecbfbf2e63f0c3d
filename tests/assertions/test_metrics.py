"""Bound assertions: latency, cost, tokens, word-count, length."""

from __future__ import annotations

from typing import Any

import pytest

from promptops.assertions.registry import AssertionRegistry
from promptops.providers.base import Output

OUT = Output(text="Refunds are possible within thirty days.", latency_ms=850.0, completion_tokens=9, cost_usd=0.0004)

CASES: list[tuple[dict[str, Any], bool, float]] = [
    ({"type": "latency", "threshold": 1000}, True, 1.0),
    ({"type": "latency", "threshold": 425}, False, 0.5),
    ({"type": "latency", "max": 1000, "min": 900}, False, 850 / 900),
    ({"type": "cost", "threshold": 0.001}, True, 1.0),
    ({"type": "cost", "threshold": 0.0002}, False, 0.5),
    ({"type": "tokens", "threshold": 9}, True, 1.0),
    ({"type": "tokens", "min": 10, "max": 100}, False, 0.9),
    ({"type": "word-count", "min": 3, "max": 6}, True, 1.0),
    ({"type": "word-count", "max": 3}, False, 0.5),
    ({"type": "length", "max": 80}, True, 1.0),
    ({"type": "length", "min": 80}, False, 0.5),
]


@pytest.mark.parametrize(("spec", "passed", "score"), CASES)
def test_bounds(evaluate: Any, spec: dict[str, Any], passed: bool, score: float) -> None:
    result = evaluate(spec, output=OUT)
    assert result.passed is passed, result.reason
    assert result.score == pytest.approx(score)


def test_reason_and_expectation_name_the_measurement_and_bounds(evaluate: Any) -> None:
    result = evaluate({"type": "word-count", "min": 10, "max": 50}, output=OUT)
    assert result.reason == "word count is 6 words, below the minimum 10"
    assert result.expected == "between 10 and 50 words"
    assert evaluate({"type": "latency", "threshold": 500}, output=OUT).expected == "at most 500 ms"


@pytest.mark.parametrize("kind", ["cost", "tokens"])
def test_unreported_quantities_fail_with_a_reason(evaluate: Any, kind: str) -> None:
    result = evaluate({"type": kind, "threshold": 1}, output=Output(text="hi"))
    assert not result.passed
    assert "reported no" in result.reason


@pytest.mark.parametrize("kind", ["latency", "cost", "tokens", "word-count", "length"])
def test_bounds_are_not_negatable(registry: AssertionRegistry, kind: str) -> None:
    assert f"not-{kind}" not in registry.names()


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"type": "latency"}, "needs `threshold:` (the maximum), `min:` or `max:` in ms"),
        ({"type": "word-count"}, "needs `min:` or `max:` in words"),
        ({"type": "length", "min": 10, "max": 5}, "min (10) is greater than max (5)"),
        ({"type": "cost", "threshold": -1}, "must not be negative"),
        ({"type": "tokens", "threshold": 10, "max": 20}, "not both"),
        ({"type": "word-count", "threshold": 10}, "does not take threshold"),
        ({"type": "not-latency", "threshold": 10}, "unknown assertion type 'not-latency'"),
    ],
)
def test_check_errors(check_error: Any, spec: dict[str, Any], message: str) -> None:
    assert message in check_error(spec)
