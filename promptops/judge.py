"""The `llm-rubric` judge: grades an output against a rubric with a configured provider, cached."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from promptops.errors import ProviderError
from promptops.providers.base import CompletionRequest

if TYPE_CHECKING:
    from promptops.session import Session

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


class ProviderJudge:
    """Implements the assertions' Judge protocol on the session's providers and completion cache."""

    def __init__(self, session: Session) -> None:
        self.session = session

    async def judge(self, rubric: str, output: str, provider: str | None, model: str | None) -> tuple[bool, float, str]:
        config = self.session.project.config
        name = provider or self.session.options.provider or config.provider or "local"
        request = CompletionRequest(
            provider=name,
            model=model or self.session.options.model or config.model or "smollm2-135m",
            messages=[
                {"role": "system", "content": JUDGE_SYSTEM},
                {"role": "user", "content": f"Rubric:\n{rubric}\n\nOutput:\n{output}"},
            ],
            params={"temperature": 0},
            json_schema=JUDGE_SCHEMA,
        )
        cache = self.session.cache
        result = cache.get(request) if cache is not None else None
        if result is None:
            result = await self.session.provider(name).complete(request)
            verdict = parse_verdict(result.text)
            if cache is not None:
                cache.put(request, result)
            return verdict
        return parse_verdict(result.text)


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
