"""The assertion contract: what an assertion receives, what it returns, how it is registered."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from promptops.providers.base import Output
from promptops.results import AssertionResult
from promptops.suite import AssertionSpec

if TYPE_CHECKING:
    from promptops.prompt import Prompt


class Similarity(Protocol):
    """What `similar` needs from the scorer: cosine similarity of each candidate to a reference."""

    def similarities(self, texts: list[str], references: list[str], model: str | None = None) -> list[list[float]]: ...


class Judge(Protocol):
    """What `llm-rubric` needs: a verdict (passed, score, reason) from a configured (and cached) judge model,
    or None when no judge is configured for the assertion's `provider`/`model`."""

    async def judge(
        self, rubric: str, output: str, provider: str | None, model: str | None
    ) -> tuple[bool, float, str] | None: ...


@dataclass
class AssertionContext:
    """Everything an assertion may look at for one sample of one case."""

    output: Output
    expected: Any = None
    vars: dict[str, Any] = field(default_factory=dict)
    prompt: Prompt | None = None
    messages: list[dict[str, str]] = field(default_factory=list)
    similarity: Similarity | None = None
    judge: Judge | None = None
    root: str | None = None
    similar_threshold: float | None = None  # the project's default for `similar`, when it sets one


Evaluate = Callable[[AssertionSpec, AssertionContext], Awaitable[AssertionResult] | AssertionResult]
Check = Callable[[AssertionSpec], None]


@dataclass(frozen=True)
class AssertionType:
    """A registered assertion: how to check its options at load time and how to evaluate it.

    `options` are the options it reads (besides `type`, `weight` and `metric`); any other is an error at load
    time. None (a plugin that declares nothing) accepts every option."""

    name: str
    evaluate: Evaluate
    check: Check | None = None
    negatable: bool = True
    description: str = ""
    options: frozenset[str] | None = None
