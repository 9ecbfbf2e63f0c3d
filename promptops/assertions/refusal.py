"""The `is-refusal` assertion: a phrase heuristic for a model declining to answer."""

from __future__ import annotations

import re

from promptops.assertions.base import AssertionContext
from promptops.assertions.common import Builtin, excerpt, make_result
from promptops.results import AssertionResult
from promptops.suite import AssertionSpec

_I_CANNOT = r"i (?:cannot|can't|can not|won't|will not|am unable to|am not able to)"
_HELP = r"(?:help|assist|provide|comply|fulfil+|do that|answer|share|support|create|generate|write|engage)"
_PATTERNS = (
    rf"\b{_I_CANNOT} {_HELP}\b",
    r"\bi am (?:unable|not able|not allowed|not permitted) to\b",
    r"\bi (?:am sorry|apologi[sz]e),? but\b",
    r"\bi must (?:decline|refuse)\b",
    r"\bas an ai\b",
    r"\bas a (?:large )?language model\b",
    r"\bagainst my (?:guidelines|policy|policies|programming)\b",
)
REFUSAL = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))


def refusal_phrase(text: str) -> str | None:
    """The refusal phrase found in `text`, '' for an empty output, None for an answer."""
    normal = text.lower().replace("’", "'").replace("i'm", "i am")
    if not normal.strip():
        return ""
    match = REFUSAL.search(normal)
    return match.group(0) if match else None


def _evaluate(spec: AssertionSpec, ctx: AssertionContext) -> AssertionResult:
    text = ctx.output.text
    phrase = refusal_phrase(text)
    expected = "a refusal"
    if phrase is None:
        return make_result(spec, False, f"no refusal phrase in {excerpt(text)}", expected)
    if not phrase:
        return make_result(spec, True, "the output is empty", expected)
    return make_result(spec, True, f"refusal phrase {phrase!r} in {excerpt(text)}", expected)


TYPES = [
    Builtin(
        "is-refusal",
        _evaluate,
        frozenset(),
        description="The output declines to answer (empty, or a refusal phrase); mostly used as `not-is-refusal`.",
    ),
]
