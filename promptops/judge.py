"""The `llm-rubric` judge: grades an output against a rubric through recordings, cache and a provider."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from promptops.errors import ProviderError
from promptops.providers.base import CompletionRequest, Output

JUDGE_SCHEMA = {
    "type": "object",
    "properties": {
        "pass": {"type": "boolean"},
        "score": {"type": "number", "minimum": 0, "maximum": 1},
        "reason": {"type": "string"},
    },
    "required": ["pass", "score", "reason"],
}

JUDGE_SYSTEM = (
    "You grade an AI assistant's output against a rubric. Reply with JSON only: "
    '{"pass": true|false, "score": number between 0 and 1, "reason": one short sentence}.'
)


@dataclass(frozen=True)
class JudgeTarget:
    """The project-wide judge: the provider and model that grade when an assertion names none (None: not set)."""

    provider: str | None = None
    model: str | None = None

    def pick(self, provider: str | None, model: str | None) -> tuple[str, str] | None:
        """The judge for an assertion's own `provider:`/`model:`, filled in from these; None when there is none."""
        if provider is not None and provider != self.provider:
            return (provider, model) if model else None  # the project's model belongs to another provider
        provider, model = provider or self.provider, model or self.model
        return (provider, model) if provider and model else None


class ProviderJudge:
    """Implements the assertions' Judge protocol; `complete` is the runner's (recordings, cache, provider)."""

    def __init__(self, target: JudgeTarget, complete: Callable[[CompletionRequest], Awaitable[Output]]) -> None:
        self.target = target
        self.complete = complete

    async def judge(
        self, rubric: str, output: str, provider: str | None, model: str | None
    ) -> tuple[bool, float, str] | None:
        picked = self.target.pick(provider, model)
        if picked is None:
            return None  # no judge configured: never a silent default model
        request = CompletionRequest(
            provider=picked[0],
            model=picked[1],
            messages=[
                {"role": "system", "content": JUDGE_SYSTEM},
                {"role": "user", "content": f"Rubric:\n{rubric}\n\nOutput:\n{output}"},
            ],
            params={"temperature": 0},
            json_schema=JUDGE_SCHEMA,
        )
        return parse_verdict((await self.complete(request)).text)


def parse_verdict(text: str) -> tuple[bool, float, str]:
    """Read the judge's JSON reply; an unreadable reply is a provider error, not a silent pass."""
    try:
        data = json.loads(text)
        passed = bool(data["pass"])
        score = min(1.0, max(0.0, float(data.get("score", 1.0 if passed else 0.0))))
        reason = str(data.get("reason", ""))[:200]
    except (ValueError, KeyError, TypeError):
        raise ProviderError(f"judge reply is not the expected JSON: {text[:80]!r}") from None
    return passed, score, reason
