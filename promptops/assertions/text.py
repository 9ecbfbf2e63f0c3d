"""Text assertions: equals, the contains family, starts-with / ends-with and regex."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from promptops.assertions.base import AssertionContext
from promptops.assertions.common import Builtin, excerpt, make_result, shown, text_value, text_values
from promptops.assertions.jsondata import json_equal, parse_json
from promptops.results import AssertionResult
from promptops.suite import AssertionSpec

VALUE = frozenset({"value"})


def _evaluate_equals(spec: AssertionSpec, ctx: AssertionContext) -> AssertionResult:
    output = ctx.output.text
    if isinstance(spec.value, str):
        passed = output.strip() == spec.value.strip()
    else:
        try:
            passed = json_equal(parse_json(output), spec.value)
        except ValueError:
            passed = False
    expected = f"equals {shown(spec.value)}"
    return make_result(spec, passed, f"output {'equals' if passed else 'differs'}: {excerpt(output)}", expected)


def _check_equals(spec: AssertionSpec) -> None:
    if "value" not in spec.model_fields_set:
        raise ValueError("'equals' needs `value:` the exact expected output")


@dataclass(frozen=True)
class _TextRule:
    """One member of the contains family: how to test a needle and how many needles must hold."""

    verbs: tuple[str, str]
    test: Callable[[str, str], bool]
    quantifier: Literal["one", "any", "all"]
    ignore_case: bool = False

    def evaluate(self, spec: AssertionSpec, ctx: AssertionContext) -> AssertionResult:
        needles = [text_value(spec)] if self.quantifier == "one" else text_values(spec)
        output = ctx.output.text
        haystack = output.casefold() if self.ignore_case else output
        found = [n for n in needles if self.test(haystack, n.casefold() if self.ignore_case else n)]
        missing = [n for n in needles if n not in found]
        yes, no = self.verbs
        case = " (ignoring case)" if self.ignore_case else ""
        shown = excerpt(output)
        if self.quantifier == "one":
            passed = bool(found)
            expected = f"{yes} {needles[0]!r}{case}"
            reason = f"output {yes if passed else no} {needles[0]!r}{case}: {shown}"
            return make_result(spec, passed, reason, expected)
        if self.quantifier == "any":
            passed = bool(found)
            expected = f"{yes} any of {needles!r}{case}"
            reason = f"output {yes} {found[0]!r}: {shown}" if passed else f"output {no} any of {needles!r}: {shown}"
            return make_result(spec, passed, reason, expected)
        passed = not missing
        expected = f"{yes} all of {needles!r}{case}"
        if passed:
            reason = f"output {yes} all {len(needles)}: {shown}"
        else:
            reason = f"output {no} {missing!r} ({len(found)}/{len(needles)} found): {shown}"
        return make_result(spec, passed, reason, expected, score=len(found) / len(needles))


def _contains(haystack: str, needle: str) -> bool:
    return needle in haystack


def _starts_with(haystack: str, needle: str) -> bool:
    return haystack.startswith(needle)


def _ends_with(haystack: str, needle: str) -> bool:
    return haystack.endswith(needle)


CONTAIN = ("contains", "does not contain")

_RULES = {
    "contains": _TextRule(CONTAIN, _contains, "one"),
    "icontains": _TextRule(CONTAIN, _contains, "one", ignore_case=True),
    "contains-any": _TextRule(CONTAIN, _contains, "any"),
    "contains-all": _TextRule(CONTAIN, _contains, "all"),
    "icontains-any": _TextRule(CONTAIN, _contains, "any", ignore_case=True),
    "icontains-all": _TextRule(CONTAIN, _contains, "all", ignore_case=True),
    "starts-with": _TextRule(("starts with", "does not start with"), _starts_with, "one"),
    "ends-with": _TextRule(("ends with", "does not end with"), _ends_with, "one"),
}


def _check_rule(spec: AssertionSpec) -> None:
    rule = _RULES[spec.base_type]
    if rule.quantifier == "one":
        text_value(spec)
    else:
        text_values(spec)


def _evaluate_regex(spec: AssertionSpec, ctx: AssertionContext) -> AssertionResult:
    pattern = text_value(spec)
    output = ctx.output.text
    match = re.search(pattern, output)
    expected = f"matches /{pattern}/"
    if match is None:
        return make_result(spec, False, f"no match for /{pattern}/ in {excerpt(output)}", expected)
    return make_result(spec, True, f"/{pattern}/ matched {excerpt(match.group(0))} at {match.start()}", expected)


def _check_regex(spec: AssertionSpec) -> None:
    pattern = text_value(spec)
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"'{spec.type}' value /{pattern}/ is not a valid regular expression: {exc}") from None


TYPES = [
    Builtin("equals", _evaluate_equals, VALUE, _check_equals, description="The output equals `value`."),
    *(
        Builtin(name, rule.evaluate, VALUE, _check_rule, description=f"The output {rule.verbs[0]} `value`.")
        for name, rule in _RULES.items()
    ),
    Builtin("regex", _evaluate_regex, VALUE, _check_regex, description="The output matches the regular expression."),
]
