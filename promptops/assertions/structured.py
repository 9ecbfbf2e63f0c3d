"""Structured-output assertions: is-json, json-schema, contains-json, json-path and is-xml."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from promptops.assertions.base import AssertionContext
from promptops.assertions.common import (
    Builtin,
    clip,
    excerpt,
    make_result,
    shown,
    text_values,
    unavailable,
)
from promptops.assertions.jsondata import check_schema, find_json, json_equal, output_json, parse_json, schema_problem
from promptops.assertions.jsonpath import is_multiple, parse_path, select
from promptops.results import AssertionResult
from promptops.suite import AssertionSpec

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

SCHEMA_OPTIONS = frozenset({"schema", "value"})


def _schema_for(spec: AssertionSpec, ctx: AssertionContext) -> dict[str, Any] | None:
    """The assertion's own schema, else the prompt's when it declares JSON output with a schema."""
    if spec.json_schema is not None:
        return spec.json_schema
    if isinstance(spec.value, dict):
        return spec.value
    if ctx.prompt is not None and ctx.prompt.spec.output.format == "json":
        return ctx.prompt.spec.output.json_schema
    return None


def _check_schema_options(spec: AssertionSpec) -> None:
    if spec.json_schema is not None and spec.value is not None:
        raise ValueError(f"'{spec.type}' takes the JSON schema once: under `schema:` or `value:`, not both")
    if spec.value is not None and not isinstance(spec.value, dict):
        raise ValueError(f"'{spec.type}' `value:` must be a JSON schema mapping, got {spec.value!r}")
    schema = spec.json_schema if spec.json_schema is not None else spec.value
    if schema is not None:
        check_schema(schema, f"'{spec.type}'")


def _expectation(kind: str, schema: dict[str, Any] | None) -> str:
    return f"{kind} matching the JSON schema" if schema is not None else kind


def _judge_schema(spec: AssertionSpec, value: Any, schema: dict[str, Any] | None, expected: str) -> AssertionResult:
    if schema is None:
        return make_result(spec, True, f"output is valid JSON: {shown(value)}", expected)
    problem = schema_problem(value, schema)
    if problem is not None:
        return make_result(spec, False, f"JSON does not match the schema: {problem}", expected)
    return make_result(spec, True, f"JSON matches the schema: {shown(value)}", expected)


def _evaluate_is_json(spec: AssertionSpec, ctx: AssertionContext) -> AssertionResult:
    schema = _schema_for(spec, ctx)
    expected = _expectation("valid JSON", schema)
    text = ctx.output.text
    try:
        value = parse_json(text)
    except ValueError as exc:
        return make_result(spec, False, f"output is not JSON ({clip(str(exc), 60)}): {excerpt(text)}", expected)
    return _judge_schema(spec, value, schema, expected)


def _evaluate_json_schema(spec: AssertionSpec, ctx: AssertionContext) -> AssertionResult:
    if _schema_for(spec, ctx) is None:
        reason = "no JSON schema: give `schema:`, or use a prompt with `output: {format: json, schema: ...}`"
        return unavailable(spec, reason, "JSON matching a schema")
    return _evaluate_is_json(spec, ctx)


def _evaluate_contains_json(spec: AssertionSpec, ctx: AssertionContext) -> AssertionResult:
    schema = _schema_for(spec, ctx)
    expected = _expectation("a JSON object or array in the output", schema)
    text = ctx.output.text
    found = find_json(text)
    if not found:
        return make_result(spec, False, f"no JSON object or array in {excerpt(text)}", expected)
    if schema is None:
        return make_result(spec, True, f"found JSON {shown(found[0])}", expected)
    results = [_judge_schema(spec, value, schema, expected) for value in found]
    return next((r for r in results if r.passed), results[0])


def _json_path(spec: AssertionSpec) -> str:
    if not isinstance(spec.path, str) or not spec.path.strip():
        raise ValueError(f"'{spec.type}' needs `path:` a JSONPath such as '$.label'")
    return spec.path.strip()


def _check_json_path(spec: AssertionSpec) -> None:
    try:
        parse_path(_json_path(spec))
    except ValueError as exc:
        raise ValueError(f"'{spec.type}': {exc}") from None


def _evaluate_json_path(spec: AssertionSpec, ctx: AssertionContext) -> AssertionResult:
    path = _json_path(spec)
    steps = parse_path(path)
    compare = "value" in spec.model_fields_set
    expected = f"{path} == {shown(spec.value)}" if compare else f"{path} exists"
    text = ctx.output.text
    is_json, data = output_json(text)
    if not is_json:
        return unavailable(spec, f"output is not JSON and holds none: {excerpt(text)}", expected)
    matches = select(data, steps)
    if not matches and not is_multiple(steps):
        return make_result(spec, False, f"{path} selects nothing in {shown(data)}", expected)
    actual = matches if is_multiple(steps) else matches[0]
    passed = json_equal(actual, spec.value) if compare else bool(matches)
    return make_result(spec, passed, f"{path} is {shown(actual)}", expected)


_XML_PATH = re.compile(r"^[A-Za-z_][\w.-]*$")


def _xml_paths(spec: AssertionSpec) -> list[list[str]]:
    """Required elements as dotted paths from the root (`analysis.sentiment`), as in promptfoo."""
    if spec.value is None:
        return []
    paths = text_values(spec)
    for path in paths:
        if not all(_XML_PATH.match(part) for part in path.split(".")):
            raise ValueError(f"'{spec.type}' element path {path!r} must be dotted element names like 'root.child'")
    return [path.split(".") for path in paths]


def _check_is_xml(spec: AssertionSpec) -> None:
    _xml_paths(spec)


def _refuse_entities(*_args: object) -> None:
    raise ValueError("entity declarations are not allowed")


def _parse_xml(text: str) -> Element:
    """The document's root element; entity declarations are refused (no billion-laughs expansion)."""
    from xml.etree import ElementTree
    from xml.parsers import expat

    guard = expat.ParserCreate()
    guard.EntityDeclHandler = _refuse_entities
    guard.Parse(text, True)
    return ElementTree.fromstring(text)


def _evaluate_is_xml(spec: AssertionSpec, ctx: AssertionContext) -> AssertionResult:
    from xml.parsers import expat

    required = _xml_paths(spec)
    expected = "well-formed XML" + (f" with {', '.join('.'.join(p) for p in required)}" if required else "")
    text = ctx.output.text.strip()
    try:
        root = _parse_xml(text)
    except (expat.ExpatError, ValueError) as exc:
        return make_result(spec, False, f"output is not XML ({clip(str(exc), 60)}): {excerpt(text)}", expected)
    missing = [".".join(p) for p in required if p[0] != root.tag or root.find("/".join(p[1:]) or ".") is None]
    if missing:
        score = 1 - len(missing) / len(required)
        return make_result(spec, False, f"XML lacks {missing!r}: {excerpt(text)}", expected, score=score)
    return make_result(spec, True, f"output is XML with root <{root.tag}>", expected)


TYPES = [
    Builtin(
        "is-json",
        _evaluate_is_json,
        SCHEMA_OPTIONS,
        _check_schema_options,
        description="The output is JSON, matching a schema when one is given or the prompt declares one.",
    ),
    Builtin(
        "json-schema",
        _evaluate_json_schema,
        SCHEMA_OPTIONS,
        _check_schema_options,
        description="The output is JSON matching `schema:` (default: the prompt's output schema).",
    ),
    Builtin(
        "contains-json",
        _evaluate_contains_json,
        SCHEMA_OPTIONS,
        _check_schema_options,
        description="A JSON object or array appears in the output (one of them matching the schema).",
    ),
    Builtin(
        "json-path",
        _evaluate_json_path,
        frozenset({"path", "value"}),
        _check_json_path,
        description="The value at `path:` in the JSON output equals `value:` (or exists).",
    ),
    Builtin(
        "is-xml",
        _evaluate_is_xml,
        frozenset({"value"}),
        _check_is_xml,
        description="The output is well-formed XML, with the required elements when given.",
    ),
]
