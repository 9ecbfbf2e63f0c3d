"""Fixtures for provider tests: a loopback mock server and settings with small timeouts and backoffs."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from promptops.providers.base import CompletionRequest, Output, Provider
from promptops.providers.settings import ProviderSettings
from promptops.testing import MockOpenAI

SECRET = "sk-test-SECRET-0123456789abcdef"


@pytest.fixture
def secret() -> str:
    """An API key that must never show up in an error, repr or log."""
    return SECRET


@pytest.fixture
def server() -> Iterator[MockOpenAI]:
    with MockOpenAI() as mock:
        yield mock


@pytest.fixture
def fast() -> Callable[..., ProviderSettings]:
    """Settings for tests: short timeout, two retries, millisecond backoffs."""

    def make(**overrides: Any) -> ProviderSettings:
        values: dict[str, Any] = {"timeout": 1.0, "retries": 2, "backoff_base": 0.005, "backoff_max": 0.02}
        values.update(overrides)
        return ProviderSettings(**values)

    return make


@pytest.fixture(autouse=True)
def _no_provider_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


def _request(provider: str = "openai", model: str = "mock-model", **fields: Any) -> CompletionRequest:
    fields.setdefault(
        "messages",
        [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "hello mock world"}],
    )
    return CompletionRequest(provider=provider, model=model, **fields)


@pytest.fixture
def make_request() -> Callable[..., CompletionRequest]:
    """A request with one system and one user message unless `messages` is given."""
    return _request


@pytest.fixture
def ask() -> Callable[..., Output]:
    """Run one completion on a fresh event loop and close the provider afterwards."""

    def run(provider: Provider, request: CompletionRequest | None = None) -> Output:
        async def go() -> Output:
            try:
                return await provider.complete(request or _request(provider.name))
            finally:
                await provider.aclose()

        return asyncio.run(go())

    return run
