"""Bound assertions on measured quantities: latency, cost, tokens, word-count and length."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from promptops.assertions.base import AssertionContext
from promptops.assertions.common import Builtin, fmt, make_result, unavailable
from promptops.providers.base import Output
from promptops.results import AssertionResult
from promptops.suite import AssertionSpec

Bounds = tuple[float | None, float | None]


@dataclass(frozen=True)
class _Measure:
    """A quantity of an output, its unit, and whether `threshold:` is accepted as the maximum."""

    what: str
    unit: str
    measure: Callable[[Output], float | None]
    threshold_is_max: bool

    def bounds(self, spec: AssertionSpec) -> Bounds:
        """(min, max) from the options; ValueError when none is given, one is negative, or min > max."""
        upper = spec.max
        if self.threshold_is_max and spec.threshold is not None:
            if spec.max is not None:
                raise ValueError(f"'{spec.type}' takes its maximum once: `threshold:` or `max:`, not both")
            upper = spec.threshold
        lower = spec.min
        if lower is None and upper is None:
            limits = "`threshold:` (the maximum), `min:` or `max:`" if self.threshold_is_max else "`min:` or `max:`"
            raise ValueError(f"'{spec.type}' needs {limits} in {self.unit}")
        for bound in (lower, upper):
            if bound is not None and bound < 0:
                raise ValueError(f"'{spec.type}' bounds must not be negative, got {fmt(bound)}")
        if lower is not None and upper is not None and lower > upper:
            raise ValueError(f"'{spec.type}' min ({fmt(lower)}) is greater than max ({fmt(upper)})")
        return lower, upper

    def check(self, spec: AssertionSpec) -> None:
        self.bounds(spec)

    def evaluate(self, spec: AssertionSpec, ctx: AssertionContext) -> AssertionResult:
        lower, upper = self.bounds(spec)
        expected = _describe(lower, upper, self.unit)
        measured = self.measure(ctx.output)
        if measured is None:
            return unavailable(spec, f"the provider reported no {self.what}", expected)
        found = f"{self.what} is {fmt(measured)} {self.unit}"
        if upper is not None and measured > upper:
            return make_result(spec, False, f"{found}, above the maximum {fmt(upper)}", expected, upper / measured)
        if lower is not None and measured < lower:
            return make_result(spec, False, f"{found}, below the minimum {fmt(lower)}", expected, measured / lower)
        return make_result(spec, True, f"{found}, within bounds", expected)


def _describe(lower: float | None, upper: float | None, unit: str) -> str:
    if lower is not None and upper is not None:
        return f"between {fmt(lower)} and {fmt(upper)} {unit}"
    if upper is not None:
        return f"at most {fmt(upper)} {unit}"
    return f"at least {fmt(lower or 0)} {unit}"


def _latency(output: Output) -> float:
    return output.latency_ms


def _cost(output: Output) -> float | None:
    return output.cost_usd


def _tokens(output: Output) -> float | None:
    return output.completion_tokens


def _words(output: Output) -> float:
    return len(output.text.split())


def _chars(output: Output) -> float:
    return len(output.text)


_MEASURES = {
    "latency": _Measure("latency", "ms", _latency, threshold_is_max=True),
    "cost": _Measure("cost", "USD", _cost, threshold_is_max=True),
    "tokens": _Measure("completion tokens", "tokens", _tokens, threshold_is_max=True),
    "word-count": _Measure("word count", "words", _words, threshold_is_max=False),
    "length": _Measure("length", "characters", _chars, threshold_is_max=False),
}

TYPES = [
    Builtin(
        name,
        m.evaluate,
        frozenset({"threshold", "min", "max"} if m.threshold_is_max else {"min", "max"}),
        m.check,
        negatable=False,
        description=f"The output's {m.what} in {m.unit} is within bounds.",
    )
    for name, m in _MEASURES.items()
]
