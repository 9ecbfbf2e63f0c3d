"""A base class giving every built-in provider the same concurrency limit, retries and latency timing."""

from __future__ import annotations

import time
from abc import ABC, abstractmethod

from promptops.providers.base import CompletionRequest, Output
from promptops.providers.limiter import ConcurrencyLimit
from promptops.providers.retry import RetryPolicy, call_with_retries
from promptops.providers.settings import ProviderSettings


class GuardedProvider(ABC):
    """Implements `complete()` around one `attempt()`: limited, retried, timed."""

    name: str

    def __init__(self, settings: ProviderSettings | None = None) -> None:
        self.settings = settings or ProviderSettings()
        self.policy = RetryPolicy.from_settings(self.settings)
        self.limit = ConcurrencyLimit(self.settings.concurrency)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"

    async def complete(self, request: CompletionRequest) -> Output:
        """One answer for `request`; latency_ms is that of the attempt that succeeded."""

        async def timed() -> Output:
            async with self.limit.slot():
                started = time.perf_counter()
                output = await self.attempt(request)
                elapsed = (time.perf_counter() - started) * 1000.0
            return output.model_copy(update={"latency_ms": elapsed})

        return await call_with_retries(timed, self.policy)

    @abstractmethod
    async def attempt(self, request: CompletionRequest) -> Output:
        """One try at the backend; raise ProviderError with `retryable` set on failure."""

    async def aclose(self) -> None:
        """Release what the provider holds; the base holds nothing."""
        return None
