"""JSON helpers for assertions: strict parsing, finding JSON inside text, equality and schema checks."""

from __future__ import annotations

import json
import re
from typing import Any

from promptops.assertions.common import clip

_OPENERS = re.compile(r"[\[{]")
_MAX_ATTEMPTS = 1000


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)


def parse_json(text: str) -> Any:
    """The whole text parsed as standard JSON (no NaN/Infinity); ValueError otherwise."""
    try:
        value, end = _DECODER.raw_decode(text.strip())
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    if end != len(text.strip()):
        raise ValueError(f"extra data after the JSON value at char {end}")
    return value


def find_json(text: str) -> list[Any]:
    """Every JSON object or array embedded in the text, left to right, not overlapping."""
    found: list[Any] = []
    pos = 0
    for _ in range(_MAX_ATTEMPTS):
        opener = _OPENERS.search(text, pos)
        if opener is None:
            break
        try:
            value, pos = _DECODER.raw_decode(text, opener.start())
        except (ValueError, RecursionError):
            pos = opener.start() + 1
            continue
        found.append(value)
    return found


def output_json(text: str) -> tuple[bool, Any]:
    """(True, value) for the text parsed as JSON, or else for the first JSON object/array in it."""
    try:
        return True, parse_json(text)
    except ValueError:
        embedded = find_json(text)
        return (True, embedded[0]) if embedded else (False, None)


def json_equal(left: Any, right: Any) -> bool:
    """Equality of parsed JSON values where `true` is not `1` (Python's bool is an int)."""
    if isinstance(left, bool) or isinstance(right, bool):
        return type(left) is type(right) and left == right
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(json_equal(left[k], right[k]) for k in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(json_equal(a, b) for a, b in zip(left, right, strict=True))
    return bool(left == right)


def check_schema(schema: Any, where: str) -> None:
    """ValueError unless `schema` is a valid JSON schema (for its declared draft, 2020-12 by default)."""
    from jsonschema.exceptions import SchemaError
    from jsonschema.validators import validator_for

    if not isinstance(schema, dict):
        raise ValueError(f"{where}: a JSON schema must be a mapping, got {schema!r}")
    try:
        validator_for(schema).check_schema(schema)
    except SchemaError as exc:
        raise ValueError(f"{where}: invalid JSON schema: {exc.message}") from None


def schema_problem(instance: Any, schema: dict[str, Any]) -> str | None:
    """The most relevant schema violation as one line (`message at $.path`), or None when valid."""
    from jsonschema.exceptions import best_match
    from jsonschema.validators import validator_for

    error = best_match(validator_for(schema)(schema).iter_errors(instance))
    if error is None:
        return None
    return f"{clip(error.message)} at {error.json_path}"
