"""The assertion registry: built-ins and plugins register the same way, through entry points."""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from importlib.metadata import entry_points

from promptops.assertions.base import AssertionContext, AssertionType, Check, Evaluate
from promptops.assertions.common import DECLARABLE_OPTIONS, reject_unread_options
from promptops.errors import InputError
from promptops.results import AssertionResult
from promptops.suite import AssertionSpec
from promptops.validation import did_you_mean

ENTRY_POINT_GROUP = "promptops.assertions"


class AssertionRegistry:
    """Maps assertion type names (and their `not-` forms) to implementations."""

    def __init__(self) -> None:
        self._types: dict[str, AssertionType] = {}

    def register(
        self,
        name: str,
        evaluate: Evaluate,
        *,
        options: Iterable[str] | None = None,
        check: Check | None = None,
        negatable: bool = True,
        description: str = "",
    ) -> None:
        """Add a type. `options`: the options it reads (any other is an error at load time); None accepts any."""
        declared = None if options is None else frozenset(options)
        unknown = sorted((declared or frozenset()) - DECLARABLE_OPTIONS)
        if unknown:
            known = ", ".join(sorted(DECLARABLE_OPTIONS))
            raise ValueError(f"assertion '{name}' declares unknown options {', '.join(unknown)} (known: {known})")
        self._types[name] = AssertionType(name, evaluate, check, negatable, description, declared)

    def names(self) -> list[str]:
        """Every accepted type name, `not-` forms included."""
        out: list[str] = []
        for name, kind in sorted(self._types.items()):
            out.append(name)
            if kind.negatable:
                out.append(f"not-{name}")
        return out

    def lookup(self, type_name: str) -> tuple[AssertionType, bool]:
        """The implementation for `type_name` and whether the result is to be negated."""
        if type_name in self._types:
            return self._types[type_name], False
        if type_name.startswith("not-"):
            kind = self._types.get(type_name[4:])
            if kind is not None and kind.negatable:
                return kind, True
        raise KeyError(type_name)

    def check(self, spec: AssertionSpec) -> None:
        """Raise ValueError when the spec names no known type or has bad options."""
        try:
            kind, _ = self.lookup(spec.type)
        except KeyError:
            raise ValueError(f"unknown assertion type '{spec.type}'{did_you_mean(spec.type, self.names())}") from None
        if kind.options is not None:
            reject_unread_options(spec, kind.options)
        if kind.check is not None:
            kind.check(spec)

    async def evaluate(self, spec: AssertionSpec, ctx: AssertionContext) -> AssertionResult:
        kind, negate = self.lookup(spec.type)
        outcome = kind.evaluate(spec, ctx)
        result = await outcome if inspect.isawaitable(outcome) else outcome
        if result.inconclusive:
            expected = f"not {result.expected}" if negate and result.expected else result.expected
            update = {"type": spec.type, "weight": spec.weight, "passed": False, "score": 0.0, "expected": expected}
            result = result.model_copy(update=update)
        elif negate:
            result = AssertionResult(
                type=spec.type,
                passed=not result.passed,
                score=1.0 - result.score,
                reason=("not: " + result.reason),
                weight=spec.weight,
                expected=f"not {result.expected}" if result.expected else "",
            )
        elif result.type != spec.type or result.weight != spec.weight:
            result = result.model_copy(update={"type": spec.type, "weight": spec.weight})
        return result


_DEFAULT: AssertionRegistry | None = None


def default_registry() -> AssertionRegistry:
    """The process-wide registry, filled from the `promptops.assertions` entry points on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        registry = AssertionRegistry()
        found = list(entry_points(group=ENTRY_POINT_GROUP))
        if not any(ep.name == "builtin" for ep in found):
            from promptops.assertions.builtin import register as register_builtins

            register_builtins(registry)
        for ep in found:
            try:
                ep.load()(registry)
            except Exception as exc:  # a broken plugin must not take the built-ins down with it
                raise InputError(f"assertion plugin '{ep.name}' failed to load: {exc}") from None
        _DEFAULT = registry
    return _DEFAULT
