"""Shared pieces of the built-in assertions: their declaration, results, excerpts and option checks."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from promptops.assertions.base import Check, Evaluate
from promptops.results import AssertionResult
from promptops.suite import AssertionSpec

EXCERPT_CHARS = 80

# Options every type accepts: `weight` is applied by the runner, `metric` names the score in reports.
UNIVERSAL_OPTIONS = frozenset({"type", "weight", "metric"})
# The options a type may declare that it reads, as written in a suite (`schema`, not the field's name).
DECLARABLE_OPTIONS = (
    frozenset((field.alias or name) for name, field in AssertionSpec.model_fields.items()) - UNIVERSAL_OPTIONS
)


@dataclass(frozen=True)
class Builtin:
    """A built-in assertion type as its topic module declares it."""

    name: str
    evaluate: Evaluate
    options: frozenset[str]
    check: Check | None = None
    negatable: bool = True
    description: str = ""


def reject_unread_options(spec: AssertionSpec, options: frozenset[str]) -> None:
    """Raise ValueError naming the options `spec` gives that its type does not read."""
    given = {_option_name(field) for field in spec.model_fields_set} - UNIVERSAL_OPTIONS
    unused = sorted(given - options)
    if unused:
        takes = ", ".join(sorted(options)) or "no options"
        raise ValueError(f"'{spec.type}' does not take {', '.join(unused)} (it takes: {takes})")


def _option_name(field: str) -> str:
    alias = AssertionSpec.model_fields[field].alias
    return alias or field


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """A quoted, single-line excerpt of `text` (newlines escaped), cut at `limit` characters."""
    return repr(_cut(text, limit))


def shown(value: Any) -> str:
    """A reference value for a reason: strings quoted, other values as compact JSON, cut to one line."""
    return excerpt(value) if isinstance(value, str) else clip(as_text(value), EXCERPT_CHARS)


def clip(message: str, limit: int = 2 * EXCERPT_CHARS) -> str:
    """A message on one line (whitespace collapsed), cut at `limit` characters."""
    return _cut(" ".join(message.split()), limit)


def as_text(value: Any) -> str:
    """A reference value as text: strings as they are, anything else as compact JSON."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def make_result(
    spec: AssertionSpec, passed: bool, reason: str, expected: str, score: float | None = None
) -> AssertionResult:
    """An AssertionResult; the score defaults to 1/0 from `passed` and is clamped to [0, 1]."""
    value = (1.0 if passed else 0.0) if score is None else min(1.0, max(0.0, score))
    return AssertionResult(
        type=spec.type, passed=passed, score=value, reason=reason, weight=spec.weight, expected=expected
    )


def unavailable(spec: AssertionSpec, reason: str, expected: str) -> AssertionResult:
    """A failure that stays a failure under `not-`: the assertion could not be evaluated at all."""
    return make_result(spec, False, reason, expected).model_copy(update={"inconclusive": True})


def text_value(spec: AssertionSpec) -> str:
    """The `value` option as a non-empty string."""
    if not isinstance(spec.value, str) or not spec.value:
        raise ValueError(f"'{spec.type}' needs `value:` a non-empty string, got {spec.value!r}")
    return spec.value


def text_values(spec: AssertionSpec) -> list[str]:
    """The `value` option as a non-empty list of strings (a string is split on commas, as in promptfoo)."""
    value = spec.value
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",")]
    if not isinstance(value, list) or not value or not all(isinstance(item, str) and item for item in value):
        raise ValueError(f"'{spec.type}' needs `value:` a list of non-empty strings, got {spec.value!r}")
    return value


def unit_threshold(spec: AssertionSpec, default: float) -> float:
    """The `threshold` option as a score in [0, 1]."""
    if spec.threshold is None:
        return default
    if not 0.0 <= spec.threshold <= 1.0:
        raise ValueError(f"'{spec.type}' threshold must be between 0 and 1, got {spec.threshold}")
    return spec.threshold


def fmt(number: float) -> str:
    """A number in the shortest readable form: 3, 0.25, 1.2e-05."""
    return f"{number:.4g}"
