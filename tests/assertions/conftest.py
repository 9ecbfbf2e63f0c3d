"""Fixtures for assertion tests: a registry of the built-ins and a one-call evaluator."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest

from promptops.assertions.base import AssertionContext
from promptops.assertions.builtin import register
from promptops.assertions.registry import AssertionRegistry
from promptops.providers.base import Output
from promptops.results import AssertionResult
from promptops.suite import AssertionSpec

Evaluate = Callable[..., AssertionResult]


@pytest.fixture(scope="session")
def registry() -> AssertionRegistry:
    registry = AssertionRegistry()
    register(registry)
    return registry


@pytest.fixture
def evaluate(registry: AssertionRegistry) -> Evaluate:
    """`evaluate(spec_dict, output_text, **context)`: check the spec as at load time, then evaluate it."""

    def run(spec: dict[str, Any], text: str = "", *, output: Output | None = None, **context: Any) -> AssertionResult:
        parsed = AssertionSpec.model_validate(spec)
        registry.check(parsed)
        ctx = AssertionContext(output=output or Output(text=text), **context)
        result = asyncio.run(registry.evaluate(parsed, ctx))
        assert 0.0 <= result.score <= 1.0
        assert result.reason and "\n" not in result.reason
        assert result.type == parsed.type
        return result

    return run


@pytest.fixture
def check_error(registry: AssertionRegistry) -> Callable[[dict[str, Any]], str]:
    """The ValueError message the load-time check gives for a spec."""

    def run(spec: dict[str, Any]) -> str:
        with pytest.raises(ValueError) as info:
            registry.check(AssertionSpec.model_validate(spec))
        return str(info.value)

    return run
