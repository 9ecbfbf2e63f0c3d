"""The `llm-rubric` assertion: a judge model grades the output against a rubric."""

from __future__ import annotations

from promptops.assertions.base import AssertionContext
from promptops.assertions.common import Builtin, clip, fmt, make_result, text_value, unavailable, unit_threshold
from promptops.results import AssertionResult
from promptops.suite import AssertionSpec

NO_JUDGE = (
    "'llm-rubric' needs a judge provider, and none is configured: give the assertion `provider:` and `model:`,"
    " or set `provider` and `model` in [tool.promptops]"
)


def _check(spec: AssertionSpec) -> None:
    text_value(spec)
    unit_threshold(spec, 0.0)


async def _evaluate(spec: AssertionSpec, ctx: AssertionContext) -> AssertionResult:
    rubric = text_value(spec)
    expected = f"meets the rubric {clip(rubric, 60)!r}"
    if spec.threshold is not None:
        expected += f" with a score ≥ {fmt(unit_threshold(spec, 0.0))}"
    found = None if ctx.judge is None else await ctx.judge.judge(rubric, ctx.output.text, spec.provider, spec.model)
    if found is None:
        return unavailable(spec, NO_JUDGE, expected)
    passed, score, verdict = found
    if spec.threshold is not None:  # as in promptfoo: a threshold replaces the judge's own pass/fail
        passed = score >= spec.threshold
    return make_result(spec, passed, clip(f"judge: {verdict}"), expected, score)


TYPES = [
    Builtin(
        "llm-rubric",
        _evaluate,
        frozenset({"value", "threshold", "provider", "model"}),
        _check,
        description="A judge model grades the output against the rubric in `value`.",
    ),
]
