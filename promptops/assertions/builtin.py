"""Registers the built-in assertion types through the same entry point a plugin uses."""

from __future__ import annotations

from promptops.assertions import code, judge, metrics, refusal, similarity, structured, text
from promptops.assertions.common import Builtin
from promptops.assertions.registry import AssertionRegistry

_TOPICS = (text, structured, metrics, similarity, code, judge, refusal)


def builtin_types() -> list[Builtin]:
    """Every built-in assertion type, in documentation order."""
    return [kind for topic in _TOPICS for kind in topic.TYPES]


def register(registry: AssertionRegistry) -> None:
    """The `promptops.assertions` entry point: add every built-in type to `registry`."""
    for kind in builtin_types():
        registry.register(
            kind.name,
            kind.evaluate,
            options=kind.options,
            check=kind.check,
            negatable=kind.negatable,
            description=kind.description,
        )
