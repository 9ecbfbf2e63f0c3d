"""Structured assertions: is-json, json-schema, contains-json, json-path, is-xml, and the JSONPath subset."""

from __future__ import annotations

from typing import Any

import pytest

from promptops.assertions.jsonpath import parse_path, select
from promptops.prompt import Prompt, load_prompt_text

SCHEMA = {
    "type": "object",
    "properties": {"label": {"enum": ["positive", "negative"]}, "confidence": {"type": "number"}},
    "required": ["label"],
}
FENCED = 'Here is the result:\n```json\n{"label": "positive", "confidence": 0.9}\n```'
ORDER = '{"order": {"id": 7, "items": [{"name": "tea", "qty": 2}, {"name": "cake", "qty": 1}], "note key": "gift"}}'


def sentiment_prompt(output: str) -> Prompt:
    return load_prompt_text("version: 1\nmessages:\n  - {role: user, content: hi}\n" + output, "prompts/sentiment.yaml")


CASES: list[tuple[dict[str, Any], str, bool]] = [
    ({"type": "is-json"}, '{"label": "positive"}', True),
    ({"type": "is-json"}, " [1, 2]\n", True),
    ({"type": "is-json"}, FENCED, False),
    ({"type": "is-json"}, '{"x": NaN}', False),
    ({"type": "is-json"}, '{"a": 1} trailing', False),
    ({"type": "not-is-json"}, "plain words", True),
    ({"type": "is-json", "schema": SCHEMA}, '{"label": "positive"}', True),
    ({"type": "is-json", "schema": SCHEMA}, '{"label": "meh"}', False),
    ({"type": "is-json", "value": SCHEMA}, '{"confidence": 1}', False),
    ({"type": "json-schema", "schema": SCHEMA}, '{"label": "negative", "confidence": 0.2}', True),
    ({"type": "contains-json"}, FENCED, True),
    ({"type": "contains-json"}, "no braces {here", False),
    ({"type": "contains-json", "schema": SCHEMA}, 'first {"x": 1} then {"label": "negative"}', True),
    ({"type": "contains-json", "schema": SCHEMA}, 'only {"x": 1}', False),
    ({"type": "not-contains-json"}, "Sure thing.", True),
    ({"type": "json-path", "path": "$.label", "value": "positive"}, FENCED, True),
    ({"type": "json-path", "path": "$.label", "value": "negative"}, FENCED, False),
    ({"type": "json-path", "path": "$.confidence", "value": 0.9}, FENCED, True),
    ({"type": "json-path", "path": "$.order.items[*].name", "value": ["tea", "cake"]}, ORDER, True),
    ({"type": "json-path", "path": "$.order.items[-1].qty", "value": 1}, ORDER, True),
    ({"type": "json-path", "path": "$['order']['note key']", "value": "gift"}, ORDER, True),
    ({"type": "json-path", "path": "$.order.id"}, ORDER, True),
    ({"type": "json-path", "path": "$.order.customer"}, ORDER, False),
    ({"type": "json-path", "path": "$.order.id", "value": True}, '{"order": {"id": 1}}', False),
    ({"type": "not-json-path", "path": "$.label", "value": "negative"}, FENCED, True),
    ({"type": "is-xml"}, '<?xml version="1.0"?><reply><text>Hi</text></reply>', True),
    ({"type": "is-xml"}, "<reply><text>Hi</reply>", False),
    (
        {"type": "is-xml", "value": ["reply.text", "reply.meta.lang"]},
        "<reply><text/><meta><lang/></meta></reply>",
        True,
    ),
    ({"type": "is-xml", "value": "reply.meta"}, "<reply><text/></reply>", False),
    ({"type": "not-is-xml"}, "just text", True),
]


@pytest.mark.parametrize(("spec", "output", "passed"), CASES, ids=[f"{c[0]['type']}-{i}" for i, c in enumerate(CASES)])
def test_structured_assertions(evaluate: Any, spec: dict[str, Any], output: str, passed: bool) -> None:
    assert evaluate(spec, output).passed is passed


def test_schema_failure_names_the_problem_and_its_location(evaluate: Any) -> None:
    result = evaluate({"type": "is-json", "schema": SCHEMA}, '{"label": "positive", "confidence": "high"}')
    assert "'high' is not of type 'number' at $.confidence" in result.reason
    assert result.expected == "valid JSON matching the JSON schema"


def test_is_json_uses_the_prompt_schema_when_the_prompt_declares_json_output(evaluate: Any) -> None:
    prompt = sentiment_prompt(
        "output:\n  format: json\n  schema: {type: object, required: [label], properties: {label: {type: string}}}\n"
    )
    assert not evaluate({"type": "is-json"}, '{"score": 1}', prompt=prompt).passed
    assert evaluate({"type": "is-json"}, '{"label": "x"}', prompt=prompt).passed
    own = {"type": "object", "required": ["score"]}
    assert evaluate({"type": "is-json", "schema": own}, '{"score": 1}', prompt=prompt).passed


def test_json_schema_without_any_schema_fails_in_both_forms(evaluate: Any) -> None:
    text_prompt = sentiment_prompt("output: {format: text}\n")
    assert not evaluate({"type": "json-schema"}, "{}", prompt=text_prompt).passed
    negated = evaluate({"type": "not-json-schema"}, "{}")
    assert not negated.passed and "no JSON schema" in negated.reason


def test_json_path_on_non_json_output_fails_in_both_forms(evaluate: Any) -> None:
    for kind in ("json-path", "not-json-path"):
        result = evaluate({"type": kind, "path": "$.label", "value": "positive"}, "I think it is positive.")
        assert not result.passed, kind
        assert "not JSON" in result.reason


def test_json_path_reason_shows_the_found_value(evaluate: Any) -> None:
    result = evaluate({"type": "json-path", "path": "$.label", "value": "negative"}, FENCED)
    assert result.reason == "$.label is 'positive'"
    assert result.expected == "$.label == 'negative'"


def test_xml_entity_declarations_are_refused() -> None:
    from promptops.assertions.structured import _parse_xml

    bomb = '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><l>&b;</l>'
    with pytest.raises(ValueError, match="entity declarations"):
        _parse_xml(bomb)


def test_jsonpath_subset() -> None:
    data = {"a": {"b": [{"c": 1}, {"c": 2}]}, "k-ey": 3, "0": "zero"}
    assert parse_path("$.a.b[0].c") == ("a", "b", 0, "c")
    assert select(data, parse_path("$.a.b[*].c")) == [1, 2]
    assert select(data, parse_path("$['k-ey']")) == [3]
    assert select(data, parse_path('$["0"]')) == ["zero"]
    assert select(data, parse_path("$.a.*")) == [[{"c": 1}, {"c": 2}]]
    assert select(data, parse_path("$.a.b[5]")) == []
    assert select(data, parse_path("$")) == [data]


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"type": "is-json", "schema": {"type": "objekt"}}, "invalid JSON schema"),
        ({"type": "contains-json", "value": {"required": "label"}}, "invalid JSON schema"),
        ({"type": "is-json", "value": "object"}, "must be a JSON schema mapping"),
        ({"type": "is-json", "value": {"type": "object"}, "schema": {"type": "object"}}, "not both"),
        ({"type": "json-path", "value": "positive"}, "needs `path:`"),
        ({"type": "json-path", "path": "label", "value": "x"}, "must start with '$'"),
        ({"type": "json-path", "path": "$.items[?(@.x)]", "value": "x"}, "not supported at position 7"),
        ({"type": "json-path", "path": "$..name"}, "not supported at position 1"),
        ({"type": "is-xml", "value": ["reply/text"]}, "dotted element names"),
        ({"type": "is-xml", "threshold": 0.5}, "does not take threshold"),
    ],
)
def test_check_errors(check_error: Any, spec: dict[str, Any], message: str) -> None:
    assert message in check_error(spec)
