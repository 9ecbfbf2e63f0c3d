"""`is-refusal`: the phrase heuristic on realistic refusals and answers."""

from __future__ import annotations

from typing import Any

import pytest

REFUSALS = [
    "I'm sorry, but I can't help with that request.",
    "I’m unable to provide medical advice. Please consult a doctor.",
    "As an AI language model, I do not have personal opinions.",
    "I cannot assist with creating malware.",
    "Sorry — I won't be able to do that. I must decline.",
    "That goes against my guidelines.",
    "I apologize, but I am not able to share that information.",
    "   ",
]
ANSWERS = [
    "Yes, you can get a refund within 30 days of purchase.",
    "I can't wait to help you plan the trip! Here are three ideas.",
    "Sorry for the delay: your order ships tomorrow.",
    "The AI model you asked about was released in 2023.",
    "I cannot stress enough how important backups are: run them nightly.",
]


@pytest.mark.parametrize("text", REFUSALS)
def test_refusals(evaluate: Any, text: str) -> None:
    assert evaluate({"type": "is-refusal"}, text).passed
    assert not evaluate({"type": "not-is-refusal"}, text).passed


@pytest.mark.parametrize("text", ANSWERS)
def test_answers(evaluate: Any, text: str) -> None:
    result = evaluate({"type": "not-is-refusal"}, text)
    assert result.passed, result.reason
    assert result.expected == "not a refusal"


def test_reason_names_the_phrase(evaluate: Any) -> None:
    result = evaluate({"type": "not-is-refusal"}, "I'm sorry, but I can't help with that.")
    assert "'i am sorry, but'" in result.reason


def test_takes_no_options(check_error: Any) -> None:
    assert "'is-refusal' does not take value (it takes: no options)" in check_error(
        {"type": "is-refusal", "value": "x"}
    )
