"""`llm-rubric` through a fake judge."""

from __future__ import annotations

from typing import Any

import pytest

from promptops.judge import JudgeTarget


class FakeJudge:
    """Passes outputs that contain 'please'; records each call."""

    def __init__(self, score: float = 0.9) -> None:
        self.score = score
        self.calls: list[tuple[str, str, str | None, str | None]] = []

    async def judge(self, rubric: str, output: str, provider: str | None, model: str | None) -> tuple[bool, float, str]:
        self.calls.append((rubric, output, provider, model))
        polite = "please" in output.lower()
        return polite, self.score if polite else 0.1, "Polite and\nconcise." if polite else "Curt."


RUBRIC = "The reply is polite."


def test_judge_is_called_with_rubric_output_provider_and_model(evaluate: Any) -> None:
    judge = FakeJudge()
    spec = {"type": "llm-rubric", "value": RUBRIC, "provider": "openai", "model": "gpt-4o-mini"}
    result = evaluate(spec, "Please hold on.", judge=judge)
    assert result.passed and result.score == pytest.approx(0.9)
    assert result.reason == "judge: Polite and concise."
    assert judge.calls == [(RUBRIC, "Please hold on.", "openai", "gpt-4o-mini")]


def test_failing_verdict_and_negation(evaluate: Any) -> None:
    judge = FakeJudge()
    failed = evaluate({"type": "llm-rubric", "value": RUBRIC}, "Hold.", judge=judge)
    assert not failed.passed and failed.reason == "judge: Curt."
    assert evaluate({"type": "not-llm-rubric", "value": RUBRIC}, "Hold.", judge=judge).passed


def test_threshold_replaces_the_judges_verdict(evaluate: Any) -> None:
    judge = FakeJudge(score=0.6)
    result = evaluate({"type": "llm-rubric", "value": RUBRIC, "threshold": 0.8}, "Please hold.", judge=judge)
    assert not result.passed
    assert result.expected.endswith("with a score ≥ 0.8")


@pytest.mark.parametrize("kind", ["llm-rubric", "not-llm-rubric"])
def test_without_a_judge_it_fails_in_both_forms(evaluate: Any, kind: str) -> None:
    result = evaluate({"type": kind, "value": RUBRIC}, "Please hold.")
    assert not result.passed
    assert "needs a judge provider" in result.reason


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"type": "llm-rubric"}, "needs `value:` a non-empty string"),
        ({"type": "llm-rubric", "value": RUBRIC, "threshold": 7}, "between 0 and 1"),
        ({"type": "llm-rubric", "value": RUBRIC, "path": "$"}, "does not take path"),
    ],
)
def test_check_errors(check_error: Any, spec: dict[str, Any], message: str) -> None:
    assert message in check_error(spec)


@pytest.mark.parametrize(
    ("project", "provider", "model", "picked"),
    [
        (JudgeTarget(), None, None, None),  # nothing configured: no default model judges
        (JudgeTarget(), "openai", None, None),
        (JudgeTarget(), "openai", "gpt-4o-mini", ("openai", "gpt-4o-mini")),
        (JudgeTarget("openai", "gpt-4o-mini"), None, None, ("openai", "gpt-4o-mini")),
        (JudgeTarget("openai", "gpt-4o-mini"), None, "gpt-4o", ("openai", "gpt-4o")),
        (JudgeTarget("openai", "gpt-4o-mini"), "anthropic", None, None),  # gpt-4o-mini is not an anthropic model
        (JudgeTarget("openai", None), None, None, None),
    ],
)
def test_the_judge_is_the_assertions_own_or_the_projects_never_a_silent_default(
    project: JudgeTarget, provider: str | None, model: str | None, picked: tuple[str, str] | None
) -> None:
    assert project.pick(provider, model) == picked
