"""The retry loop with a fake clock: backoff bounds, Retry-After, budget, and what is never retried."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from promptops.errors import ProviderError
from promptops.providers.retry import RetryPolicy, call_with_retries, parse_retry_after


class FakeTime:
    """A clock that only moves when the code under test sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def failing(errors: list[ProviderError], result: str = "ok"):
    calls: list[int] = []

    async def attempt() -> str:
        calls.append(1)
        if errors:
            raise errors.pop(0)
        return result

    return attempt, calls


def run(attempt, policy: RetryPolicy, fake: FakeTime):
    return asyncio.run(call_with_retries(attempt, policy, sleep=fake.sleep, clock=fake.clock))


def test_full_jitter_stays_under_an_exponential_ceiling_capped_by_max():
    policy = RetryPolicy(retries=10, backoff_base=0.5, backoff_max=3.0)
    assert [policy.backoff(n, rng=lambda: 1.0) for n in range(1, 6)] == [0.5, 1.0, 2.0, 3.0, 3.0]
    assert policy.backoff(4, rng=lambda: 0.0) == 0.0
    assert policy.backoff(2, rng=lambda: 0.25) == 0.25


def test_retryable_errors_are_retried_with_backoff_then_succeed():
    fake = FakeTime()
    attempt, calls = failing([ProviderError("busy", retryable=True)] * 2)
    assert run(attempt, RetryPolicy(retries=3, backoff_base=1.0, backoff_max=10.0), fake) == "ok"
    assert len(calls) == 3
    assert len(fake.sleeps) == 2
    assert 0 <= fake.sleeps[0] <= 1.0 and 0 <= fake.sleeps[1] <= 2.0


def test_non_retryable_errors_propagate_untouched():
    fake = FakeTime()
    error = ProviderError("bad request")
    attempt, calls = failing([error])
    with pytest.raises(ProviderError) as caught:
        run(attempt, RetryPolicy(retries=5), fake)
    assert caught.value is error
    assert len(calls) == 1 and fake.sleeps == []


def test_other_exceptions_are_not_retried():
    fake = FakeTime()

    async def attempt() -> str:
        raise KeyError("bug")

    with pytest.raises(KeyError):
        run(attempt, RetryPolicy(retries=5), fake)
    assert fake.sleeps == []


def test_retry_after_is_a_floor_on_the_wait():
    fake = FakeTime()
    attempt, _ = failing([ProviderError("slow down", retryable=True, retry_after=7.0)])
    run(attempt, RetryPolicy(retries=1, backoff_base=0.1, backoff_max=0.1), fake)
    assert fake.sleeps == [7.0]


def test_out_of_retries_raises_retryable_error_naming_the_attempts():
    fake = FakeTime()
    attempt, calls = failing([ProviderError("HTTP 503", retryable=True)] * 10)
    with pytest.raises(ProviderError, match=r"HTTP 503 \(gave up after 3 attempts\)") as caught:
        run(attempt, RetryPolicy(retries=2, backoff_base=0.01), fake)
    assert caught.value.retryable is True
    assert len(calls) == 3


def test_the_time_budget_stops_retries_early():
    fake = FakeTime()
    attempt, calls = failing([ProviderError("HTTP 429", retryable=True, retry_after=4.0)] * 10)
    with pytest.raises(ProviderError, match="retry budget of 10s") as caught:
        run(attempt, RetryPolicy(retries=10, backoff_base=0.0, budget=10.0), fake)
    assert caught.value.retryable is True and caught.value.retry_after == 4.0
    assert len(calls) == 3 and fake.sleeps == [4.0, 4.0]


@pytest.mark.parametrize(
    ("header", "expected"),
    [("3", 3.0), (" 0.25 ", 0.25), ("-5", 0.0), (None, None), ("", None), ("soon", None)],
)
def test_retry_after_in_seconds(header, expected):
    assert parse_retry_after(header) == expected


def test_retry_after_as_an_http_date():
    now = datetime(2025, 1, 1, 12, 0, 0, tzinfo=timezone.utc)
    assert parse_retry_after(format_datetime(now + timedelta(seconds=90), usegmt=True), now=now) == 90.0
    assert parse_retry_after(format_datetime(now - timedelta(seconds=90), usegmt=True), now=now) == 0.0
