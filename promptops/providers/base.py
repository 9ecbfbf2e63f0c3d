"""The provider contract: a request of rendered messages in, an Output out."""

from __future__ import annotations

import hashlib
import json
from typing import Any, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field

CACHE_KEY_VERSION = 1


class CompletionRequest(BaseModel):
    """Everything that changes a model's answer, and nothing that does not (keys, timeouts)."""

    model_config = ConfigDict(frozen=True)

    provider: str
    model: str
    messages: list[dict[str, str]]
    params: dict[str, Any] = Field(default_factory=dict)
    json_schema: dict[str, Any] | None = None
    sample: int = 0

    def cache_key(self) -> str:
        """A stable hash of the request; equal requests give equal keys across processes."""
        payload = {
            "v": CACHE_KEY_VERSION,
            "provider": self.provider,
            "model": self.model,
            "messages": self.messages,
            "params": self.params,
            "schema": self.json_schema,
            "sample": self.sample,
        }
        blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class Output(BaseModel):
    """What a provider returned for one request."""

    model_config = ConfigDict(frozen=True)

    text: str
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    latency_ms: float = 0.0
    cost_usd: float | None = None
    cached: bool = False
    raw: dict[str, Any] | None = None

    @property
    def total_tokens(self) -> int | None:
        if self.prompt_tokens is None and self.completion_tokens is None:
            return None
        return (self.prompt_tokens or 0) + (self.completion_tokens or 0)


@runtime_checkable
class Provider(Protocol):
    """A model backend. Implementations raise ProviderError (retryable or not) on failure."""

    name: str

    async def complete(self, request: CompletionRequest) -> Output: ...

    async def aclose(self) -> None: ...
