"""Builds pydantic models from YAML documents and turns validation errors into `path:line` messages."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError

from promptops.errors import InputError, ValidationFailed
from promptops.yamlio import KeyPath, YamlDocument

M = TypeVar("M", bound=BaseModel)

# YAML 1.1 reads these unquoted words as booleans: a surprise wherever a string was meant (`id: no`).
YAML_BOOLEAN_HINT = " (YAML reads unquoted yes/no/on/off/true/false as booleans: quote it)"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean 'x'?)' suffix when a close match exists, else ''."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


def dotted(path: KeyPath) -> str:
    """Render a key path as `messages[0].content`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def build_model(model: type[M], doc: YamlDocument, context: dict[str, Any] | None = None) -> M:
    """Validate `doc.data` as `model`, raising ValidationFailed with one line per problem."""
    try:
        return model.model_validate(doc.data, context=context)
    except ValidationError as exc:
        raise ValidationFailed(problems_from(exc, doc, model)) from None


def problems_from(exc: ValidationError, doc: YamlDocument, model: type[BaseModel]) -> list[InputError]:
    problems: list[InputError] = []
    for err in exc.errors(include_url=False):
        loc = _clean_loc(err["loc"])
        line = doc.lines.line_for(loc)
        problems.append(InputError(_describe(err, loc, model), doc.path, line))
    problems.sort(key=lambda p: p.line or 0)
    return problems


def _clean_loc(loc: tuple[Any, ...]) -> KeyPath:
    """Drop pydantic's union-branch and function labels, keeping real keys and indexes."""
    cleaned: list[str | int] = []
    for part in loc:
        is_label = isinstance(part, str) and (any(ch in part for ch in "[]()") or part.startswith("function-"))
        if isinstance(part, int | str) and not is_label:
            cleaned.append(part)
    return tuple(cleaned)


def _describe(err: Any, loc: KeyPath, model: type[BaseModel]) -> str:
    kind = err["type"]
    where = dotted(loc)
    if kind == "extra_forbidden":
        key = str(loc[-1]) if loc else "?"
        allowed = _allowed_keys(model, loc[:-1])
        hint = did_you_mean(key, allowed)
        expected = f"; expected one of: {', '.join(sorted(allowed))}" if allowed and not hint else ""
        return f"unknown key '{key}'{hint}{expected}"
    if kind == "missing":
        return f"missing required key '{where}'"
    msg = str(err["msg"])
    if kind in ("model_type", "dict_type"):  # pydantic names the class ("instance of AssertionSpec"): say what to write
        msg = "should be a mapping of keys to values (`key: value` lines or `{key: value, ...}`)"
    msg = without_pydantic_prefix(msg)
    got = err.get("input")
    if kind.endswith("_type") and not isinstance(got, dict | list):
        msg = f"{msg}, got {got!r}"
    if kind == "string_type" and isinstance(got, bool):
        msg += YAML_BOOLEAN_HINT
    return f"{where}: {msg}"


def _allowed_keys(model: type[BaseModel], path: KeyPath) -> list[str]:
    """Field names (by alias) of the submodel found by walking `path` from `model`."""
    current: Any = model
    mapping_key = False
    for part in path:
        if isinstance(part, int) or mapping_key:  # a list index, or a user-chosen key of a `dict[str, Model]`
            mapping_key = False
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = current.model_fields.get(part)
        if field is None:
            return []
        mapping_key = _is_mapping(field.annotation)
        current = _model_in(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items()]
    return []


def _is_mapping(annotation: Any) -> bool:
    """Whether an annotation like `dict[str, Variable] | None` is (or may be) a dict."""
    if get_origin(annotation) is dict:
        return True
    return any(_is_mapping(arg) for arg in get_args(annotation))


def _model_in(annotation: Any) -> Any:
    """The first BaseModel class inside an annotation like `list[Case] | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def without_pydantic_prefix(message: str) -> str:
    """A validator's own message without the "Value error, " / "Assertion failed, " pydantic puts before it."""
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message
