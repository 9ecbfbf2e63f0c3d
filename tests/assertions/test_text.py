"""Text assertions: equals, the contains family, starts-with / ends-with, regex."""

from __future__ import annotations

from typing import Any

import pytest

REPLY = "Yes, you can get a refund within 30 days of purchase. Reply REFUND to start."

CASES: list[tuple[dict[str, Any], str, bool]] = [
    ({"type": "equals", "value": "Paris"}, "Paris\n", True),
    ({"type": "equals", "value": "Paris"}, "paris", False),
    ({"type": "equals", "value": {"label": "positive"}}, '{"label": "positive"}', True),
    ({"type": "equals", "value": {"ok": True}}, '{"ok": 1}', False),
    ({"type": "equals", "value": 42}, " 42 ", True),
    ({"type": "equals", "value": [1, 2]}, "not json", False),
    ({"type": "not-equals", "value": "Paris"}, "Lyon", True),
    ({"type": "contains", "value": "refund"}, REPLY, True),
    ({"type": "contains", "value": "Refund"}, REPLY, False),
    ({"type": "icontains", "value": "Refund"}, REPLY, True),
    ({"type": "not-icontains", "value": "as an ai"}, REPLY, True),
    ({"type": "not-icontains", "value": "30 DAYS"}, REPLY, False),
    ({"type": "contains-any", "value": ["store credit", "refund"]}, REPLY, True),
    ({"type": "contains-any", "value": "store credit, voucher"}, REPLY, False),
    ({"type": "icontains-any", "value": ["VOUCHER", "PURCHASE"]}, REPLY, True),
    ({"type": "contains-all", "value": ["refund", "30 days"]}, REPLY, True),
    ({"type": "contains-all", "value": ["refund", "receipt"]}, REPLY, False),
    ({"type": "icontains-all", "value": "YES, reply refund"}, REPLY, True),
    ({"type": "not-contains-any", "value": ["sorry", "unfortunately"]}, REPLY, True),
    ({"type": "starts-with", "value": "Yes"}, REPLY, True),
    ({"type": "starts-with", "value": "No"}, REPLY, False),
    ({"type": "ends-with", "value": "to start."}, REPLY, True),
    ({"type": "not-starts-with", "value": "Sure!"}, REPLY, True),
    ({"type": "regex", "value": r"\b\d+ days\b"}, REPLY, True),
    ({"type": "regex", "value": r"^\d{3}-\d{4}$"}, REPLY, False),
    ({"type": "not-regex", "value": r"(?i)as an ai"}, REPLY, True),
]


@pytest.mark.parametrize(("spec", "output", "passed"), CASES, ids=[f"{c[0]['type']}-{i}" for i, c in enumerate(CASES)])
def test_text_assertions(evaluate: Any, spec: dict[str, Any], output: str, passed: bool) -> None:
    result = evaluate(spec, output)
    assert result.passed is passed, result.reason
    assert result.score == (1.0 if passed else 0.0) or spec["type"].endswith("contains-all")


def test_contains_all_scores_the_share_found_and_names_what_is_missing(evaluate: Any) -> None:
    result = evaluate({"type": "contains-all", "value": ["refund", "receipt", "30 days", "manager"]}, REPLY)
    assert not result.passed
    assert result.score == 0.5
    assert "'receipt', 'manager'" in result.reason
    assert result.expected == "contains all of ['refund', 'receipt', '30 days', 'manager']"


def test_negation_inverts_score_and_expectation(evaluate: Any) -> None:
    result = evaluate({"type": "not-contains-all", "value": ["refund", "receipt"]}, REPLY)
    assert result.passed and result.score == 0.5
    assert result.expected.startswith("not contains all of")


def test_reason_shows_expected_and_a_truncated_output(evaluate: Any) -> None:
    long_output = "Unfortunately " + "x" * 500
    result = evaluate({"type": "icontains", "value": "refund", "weight": 2}, long_output)
    assert "'refund'" in result.reason and "Unfortunately" in result.reason
    assert len(result.reason) < 140
    assert result.expected == "contains 'refund' (ignoring case)"
    assert result.weight == 2


def test_regex_reports_the_match(evaluate: Any) -> None:
    result = evaluate({"type": "regex", "value": r"\d+ days"}, REPLY)
    assert "'30 days'" in result.reason


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"type": "contains"}, "needs `value:` a non-empty string"),
        ({"type": "contains", "value": ""}, "non-empty string"),
        ({"type": "icontains", "value": ["a"]}, "non-empty string"),
        ({"type": "contains-any", "value": []}, "list of non-empty strings"),
        ({"type": "contains-all", "value": ["a", 3]}, "list of non-empty strings"),
        ({"type": "equals"}, "needs `value:`"),
        ({"type": "regex", "value": "(unclosed"}, "not a valid regular expression: missing )"),
        ({"type": "contains", "value": "a", "path": "$.x"}, "'contains' does not take path"),
        ({"type": "not-contains", "value": "a", "schema": {}}, "does not take schema"),
        ({"type": "containz", "value": "a"}, "did you mean 'contains'"),
    ],
)
def test_check_errors(check_error: Any, spec: dict[str, Any], message: str) -> None:
    assert message in check_error(spec)
