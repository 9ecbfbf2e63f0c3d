"""The `python` assertion: an inline expression or a `module:function` from the project."""

from __future__ import annotations

import ast
import builtins
import importlib
import math
import re
import sys
from collections.abc import Callable
from functools import lru_cache
from types import CodeType, MappingProxyType, SimpleNamespace
from typing import Any

from promptops.assertions.base import AssertionContext
from promptops.assertions.common import Builtin, clip, excerpt, fmt, make_result, unavailable, unit_threshold
from promptops.assertions.jsondata import output_json
from promptops.results import AssertionResult
from promptops.suite import AssertionSpec

DEFAULT_THRESHOLD = 0.5
_FUNCTION_REF = re.compile(r"^[A-Za-z_][\w.]*:[A-Za-z_]\w*$")

# Defence in depth, not a sandbox: the expression is code the user committed to their own repo. The
# namespace only keeps honest mistakes and copy-pasted snippets from reaching the interpreter's internals.
_SAFE_NAMES = ("len", "min", "max", "sum", "any", "all", "abs", "round", "sorted", "set", "list", "dict")
_SAFE_TYPES = ("str", "int", "float", "bool")
_RE = SimpleNamespace(
    **{name: getattr(re, name) for name in ("search", "match", "fullmatch", "findall", "finditer", "sub", "split")},
    IGNORECASE=re.IGNORECASE,
    I=re.IGNORECASE,
    MULTILINE=re.MULTILINE,
    M=re.MULTILINE,
    DOTALL=re.DOTALL,
    S=re.DOTALL,
)
SAFE_BUILTINS = MappingProxyType(
    {**{name: getattr(builtins, name) for name in (*_SAFE_NAMES, *_SAFE_TYPES)}, "re": _RE}
)


def _source(spec: AssertionSpec) -> str:
    if not isinstance(spec.value, str) or not spec.value.strip():
        raise ValueError(f"'{spec.type}' needs `value:` a Python expression or 'module:function'")
    return spec.value.strip()


@lru_cache(maxsize=256)
def compile_expression(source: str) -> CodeType:
    """The compiled expression; ValueError for a syntax error or any dunder / private attribute."""
    if "__" in source:
        raise ValueError(f"python expression {source!r} must not contain '__'")
    try:
        tree = ast.parse(source, "<python assertion>", mode="eval")
    except SyntaxError as exc:
        raise ValueError(f"python expression {source!r} does not parse: {exc.msg} (column {exc.offset})") from None
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_"):
            raise ValueError(f"python expression {source!r} must not use private attribute '.{node.attr}'")
    return compile(tree, "<python assertion>", "eval")


def _check(spec: AssertionSpec) -> None:
    unit_threshold(spec, DEFAULT_THRESHOLD)
    source = _source(spec)
    if not _FUNCTION_REF.match(source):
        compile_expression(source)


def _load_function(ref: str, root: str | None) -> Callable[..., Any]:
    """Import `module:function`, with the project root importable."""
    module_name, function_name = ref.split(":")
    if root is not None and root not in sys.path:
        sys.path.insert(0, root)
    function = getattr(importlib.import_module(module_name), function_name)
    if not callable(function):
        raise TypeError(f"{ref} is not a function")
    return function  # type: ignore[no-any-return]


def _context(ctx: AssertionContext, parsed: Any) -> dict[str, Any]:
    output = ctx.output
    return {
        "vars": dict(ctx.vars),
        "expected": ctx.expected,
        "json": parsed,
        "prompt": ctx.prompt.name if ctx.prompt is not None else None,
        "messages": list(ctx.messages),
        "latency_ms": output.latency_ms,
        "prompt_tokens": output.prompt_tokens,
        "completion_tokens": output.completion_tokens,
        "cost_usd": output.cost_usd,
    }


def _run(source: str, ctx: AssertionContext) -> Any:
    text = ctx.output.text
    is_json, parsed = output_json(text)
    parsed = parsed if is_json else None
    if _FUNCTION_REF.match(source):
        return _load_function(source, ctx.root)(text, _context(ctx, parsed))
    namespace = {"__builtins__": SAFE_BUILTINS, "output": text, "expected": ctx.expected, "vars": dict(ctx.vars)}
    return eval(compile_expression(source), {**namespace, "json": parsed})


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _evaluate(spec: AssertionSpec, ctx: AssertionContext) -> AssertionResult:
    threshold = unit_threshold(spec, DEFAULT_THRESHOLD)
    source = _source(spec)
    shown = clip(source, 60)
    expected = f"{shown} is true (or scores ≥ {fmt(threshold)})"
    try:
        value = _run(source, ctx)
    except Exception as exc:  # user code: any failure is this assertion's failure, reported in one line
        return unavailable(spec, clip(f"{shown} raised {type(exc).__name__}: {exc}"), expected)
    if isinstance(value, dict) and "pass" in value:  # promptfoo's GradingResult
        passed = bool(value["pass"])
        score = value.get("score", 1.0 if passed else 0.0)
        if _is_number(score):
            reason = value.get("reason") or f"{shown} returned pass={passed}"
            return make_result(spec, passed, clip(str(reason)), expected, float(score))
    if isinstance(value, bool):
        return make_result(spec, value, f"{shown} returned {value} for {excerpt(ctx.output.text)}", expected)
    if _is_number(value):
        score = min(1.0, max(0.0, float(value)))
        clamped = "" if score == value else f"returned {fmt(value)}, clamped to [0, 1]; "
        reason = f"{shown} scored {fmt(score)} ({clamped}threshold {fmt(threshold)})"
        return make_result(spec, score >= threshold, reason, expected, score)
    reason = f"{shown} returned {clip(repr(value), 40)}; expected a bool, a number or {{pass, score, reason}}"
    return unavailable(spec, reason, expected)


TYPES = [
    Builtin(
        "python",
        _evaluate,
        frozenset({"value", "threshold"}),
        _check,
        description="A Python expression over the output, or a `module:function`, returns a bool or a score.",
    ),
]
