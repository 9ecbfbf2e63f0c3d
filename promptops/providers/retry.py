"""Retrying provider calls: exponential backoff with full jitter, Retry-After honoured, a total time budget."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import TypeVar

from promptops.errors import ProviderError
from promptops.providers.settings import ProviderSettings

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry a retryable ProviderError."""

    retries: int = 4
    backoff_base: float = 0.5
    backoff_max: float = 30.0
    budget: float = 300.0

    @classmethod
    def from_settings(cls, settings: ProviderSettings) -> RetryPolicy:
        """The policy a provider built with `settings` follows."""
        return cls(settings.retries, settings.backoff_base, settings.backoff_max, settings.retry_budget)

    def backoff(self, attempt: int, rng: Callable[[], float] = random.random) -> float:
        """Full-jitter delay before retry number `attempt` (1-based): uniform in [0, min(max, base * 2^(n-1))]."""
        ceiling: float = min(self.backoff_max, self.backoff_base * 2.0 ** (attempt - 1))
        return ceiling * rng()


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date); None when absent or unreadable."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


async def call_with_retries(
    attempt: Callable[[], Awaitable[T]],
    policy: RetryPolicy,
    *,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> T:
    """Run `attempt` until it succeeds, fails for good, or runs out of retries or budget."""
    started = clock()
    tries = 0
    while True:
        tries += 1
        try:
            return await attempt()
        except ProviderError as exc:
            if not exc.retryable:
                raise
            if tries > policy.retries:
                raise ProviderError(f"{exc} ({_gave_up(tries)})", retryable=True, retry_after=exc.retry_after) from None
            delay = policy.backoff(tries)
            if exc.retry_after is not None:
                delay = max(delay, exc.retry_after)
            remaining = policy.budget - (clock() - started)
            if delay > remaining:
                why = f"waiting {delay:g}s more would overrun the retry budget of {policy.budget:g}s"
                raise ProviderError(
                    f"{exc} ({_gave_up(tries)}: {why})", retryable=True, retry_after=exc.retry_after
                ) from None
            log.debug("retrying in %.3fs after attempt %d: %s", delay, tries, exc)
            await sleep(delay)


def _gave_up(tries: int) -> str:
    return f"gave up after {tries} attempt{'s' if tries != 1 else ''}"
