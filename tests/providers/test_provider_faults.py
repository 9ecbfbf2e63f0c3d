"""Faults injected by a real loopback server: what is retried, what fails at once, and that keys never leak."""

from __future__ import annotations

import asyncio
import logging
import time

import pytest

from promptops.errors import ProviderError
from promptops.providers.anthropic import AnthropicProvider
from promptops.providers.http import HttpProvider
from promptops.providers.openai import OpenAIProvider
from promptops.testing import Fault, MockOpenAI

PROVIDERS = {"openai": (OpenAIProvider, "url"), "anthropic": (AnthropicProvider, "root_url")}


def provider_for(kind: str, server: MockOpenAI, settings_factory, **overrides) -> HttpProvider:
    cls, url_attr = PROVIDERS[kind]
    return cls(settings_factory(base_url=getattr(server, url_attr), **overrides))


TRANSIENT = [
    ["503", "503"],
    ["500"],
    ["502"],
    ["429"],
    ["408"],
    ["409"],
    ["malformed"],
    ["truncated"],
    ["reset", "reset"],
    ["timeout"],
]


@pytest.mark.parametrize("kind", sorted(PROVIDERS))
@pytest.mark.parametrize("faults", TRANSIENT, ids=["+".join(f) for f in TRANSIENT])
def test_transient_faults_are_retried_until_success(kind, faults, fast, ask, make_request):
    with MockOpenAI(faults=faults) as server:
        provider = provider_for(kind, server, fast, timeout=0.3, connect_timeout=1.0)
        output = ask(provider, make_request(kind))
        assert output.text == "hello mock world"
        assert len(server.requests) == len(faults) + 1
        assert server.faults_injected == len(faults)


def test_retry_after_seconds_is_honoured(server, fast, ask, make_request):
    server.fail("429:0.25")
    started = time.monotonic()
    ask(provider_for("openai", server, fast), make_request())
    first, second = server.requests
    assert second.received - first.received >= 0.25
    assert time.monotonic() - started >= 0.25


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_client_errors_fail_at_once_with_the_server_message(status, server, fast, ask, make_request):
    server.fail(Fault("status", status=status, message="model 'mock-model' does not exist"))
    with pytest.raises(ProviderError) as caught:
        ask(provider_for("openai", server, fast), make_request())
    assert caught.value.retryable is False
    assert f"HTTP {status}" in str(caught.value)
    assert "model 'mock-model' does not exist" in str(caught.value)
    assert len(server.requests) == 1


@pytest.mark.parametrize("fault", ["503", "429", "reset", "malformed", "truncated"])
def test_retries_exhausted_after_exactly_retries_plus_one_attempts(fault, server, fast, ask, make_request):
    server.fail(*[fault] * 10)
    with pytest.raises(ProviderError) as caught:
        ask(provider_for("openai", server, fast, retries=3), make_request())
    assert caught.value.retryable is True
    assert "gave up after 4 attempts" in str(caught.value)
    assert len(server.requests) == 4


def test_retry_after_beyond_the_budget_gives_up_without_waiting(server, fast, ask, make_request):
    server.fail("503:30")
    started = time.monotonic()
    with pytest.raises(ProviderError, match="retry budget") as caught:
        ask(provider_for("openai", server, fast, retry_budget=5), make_request())
    assert time.monotonic() - started < 2
    assert caught.value.retry_after == 30
    assert len(server.requests) == 1


def test_timeouts_are_reported_as_timeouts(server, fast, ask, make_request):
    server.fail("timeout", "timeout")
    started = time.monotonic()
    with pytest.raises(ProviderError, match=r"read timed out after 0\.2s") as caught:
        ask(provider_for("anthropic", server, fast, timeout=0.2, retries=1), make_request("anthropic"))
    assert caught.value.retryable is True
    assert 0.4 <= time.monotonic() - started < 3
    assert len(server.requests) == 2


def test_slow_response_within_the_timeout_succeeds_and_latency_shows_it(server, fast, ask, make_request):
    server.fail("slow:0.3")
    output = ask(provider_for("openai", server, fast, timeout=0.25), make_request())
    assert output.text == "hello mock world"
    assert output.latency_ms >= 300  # longer than the read timeout: bytes kept arriving
    assert len(server.requests) == 1


def test_connection_refused_is_retryable(fast, ask, make_request):
    with MockOpenAI() as server:
        url = server.url
    provider = OpenAIProvider(fast(base_url=url, retries=1))
    with pytest.raises(ProviderError, match="connection failed") as caught:
        ask(provider, make_request())
    assert caught.value.retryable is True


def test_concurrency_limit_bounds_requests_in_flight(fast, make_request):
    with MockOpenAI(latency=0.05) as server:
        provider = OpenAIProvider(fast(base_url=server.url, concurrency=3))

        async def burst() -> None:
            await asyncio.gather(*(provider.complete(make_request()) for _ in range(12)))
            await provider.aclose()

        asyncio.run(burst())
        assert len(server.requests) == 12
        assert server.max_in_flight == 3


def test_one_provider_serves_successive_event_loops(server, fast, make_request):
    provider = OpenAIProvider(fast(base_url=server.url, concurrency=1))

    async def pair() -> None:
        await asyncio.gather(provider.complete(make_request()), provider.complete(make_request()))

    asyncio.run(pair())
    asyncio.run(pair())
    assert len(server.requests) == 4


@pytest.mark.parametrize("kind", sorted(PROVIDERS))
def test_api_key_never_appears_in_errors_reprs_or_logs(kind, secret, fast, make_request, monkeypatch, caplog):
    monkeypatch.setenv("OPENAI_API_KEY", secret)
    monkeypatch.setenv("ANTHROPIC_API_KEY", secret)
    caplog.set_level(logging.DEBUG)
    echoing = Fault("status", status=401, echo_headers=True)
    faults = [Fault("status", status=503, echo_headers=True), "reset", "malformed", "truncated", "timeout", echoing]
    errors: list[ProviderError] = []
    with MockOpenAI(faults=faults) as server:
        provider = provider_for(kind, server, fast, timeout=0.2, retries=0)

        async def each_fault() -> None:
            for _ in faults:
                try:
                    await provider.complete(make_request(kind))
                except ProviderError as exc:
                    errors.append(exc)
            await provider.aclose()

        asyncio.run(each_fault())
        echoed = [r for r in server.requests if secret in str(r.headers)]
    assert len(errors) == len(faults)
    assert echoed, "the server did see the key, so an echo of its headers would carry it"
    assert "REDACTED" in str(errors[-1])
    texts = [str(e) for e in errors] + [repr(e) for e in errors] + [repr(provider), str(vars(provider.settings))]
    texts += [record.getMessage() for record in caplog.records]
    for text in texts:
        assert secret not in text
