"""Completing a prompt outside a suite (for the `promptops_complete` pytest fixture)."""

from __future__ import annotations

import asyncio
from typing import Any

from promptops.prompt import Prompt
from promptops.providers.base import CompletionRequest, Output
from promptops.runner import Origin, Runner
from promptops.session import Session

FIXTURE_RECORDINGS = "_fixtures"


def complete_prompt(session: Session, prompt: Prompt, *, sample: int = 0, **values: Any) -> Output:
    """Render `prompt` with `values` and complete it through recordings, cache and provider."""
    target = session.target_for(prompt)
    spec = prompt.spec
    request = CompletionRequest(
        provider=target.provider,
        model=target.model,
        messages=prompt.render(**values),
        params=target.params,
        json_schema=spec.output.json_schema if spec.output.format == "json" else None,
        sample=sample,
    )
    runner = Runner(session.services())

    async def go() -> Output:
        try:
            origin = Origin(FIXTURE_RECORDINGS, prompt.name, prompt.version, "fixture")
            return await runner.complete(request, origin, target.settings)
        finally:
            await session.aclose_providers()

    try:
        return asyncio.run(go())
    finally:
        session.recordings.flush()
