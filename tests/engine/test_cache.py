"""The completion cache, seen through the requests that reach a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import pytest

from promptops.testing import MockOpenAI
from tests.engine.helpers import Workspace, prompt_yaml, suite_yaml


def completions(server: MockOpenAI) -> int:
    return sum(r.path.endswith("/chat/completions") for r in server.requests)


def test_second_run_is_served_from_the_cache(served: Workspace, server: MockOpenAI) -> None:
    first = served.run(record="off")
    assert completions(server) == 3
    second = served.run(record="off")
    assert completions(server) == 3
    assert all(s.cached for s in second.samples) and not any(s.cached for s in first.samples)
    assert [c.status for c in second.cases] == [c.status for c in first.cases] == ["pass", "fail", "pass"]


def test_key_ignores_api_key_and_timeouts(
    served: Workspace, server: MockOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    served.run(record="off")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-another-key")
    served.configure(base_url=server.url, retries=0, timeout=7.5)
    served.run(record="off")
    assert completions(server) == 3


@pytest.mark.parametrize(
    "change",
    [
        {"params": "{temperature: 0.7}"},
        {"content": "hi {{ who }}"},
        {"model": "mock-model-2"},
    ],
    ids=["params", "messages", "model"],
)
def test_key_includes_what_changes_the_answer(served: Workspace, server: MockOpenAI, change: dict[str, str]) -> None:
    served.run(record="off")
    served.write("prompts/greet.yaml", prompt_yaml(provider="openai", **{"model": "mock-model", **change}))
    served.run(record="off")
    assert completions(server) == 6


def test_key_includes_the_sample_index(served: Workspace, server: MockOpenAI) -> None:
    served.write("suites/greet.yaml", suite_yaml(("world", "world", "world"), repeat=2))
    served.run(record="off")
    assert completions(server) == 2
    served.run(record="off", repeat=3)
    assert completions(server) == 3


def test_no_cache_asks_the_provider_every_time(served: Workspace, server: MockOpenAI) -> None:
    served.run(record="off")
    rerun = served.run(record="off", no_cache=True)
    assert completions(server) == 6
    assert not any(s.cached for s in rerun.samples)


def test_errors_are_not_cached(served: Workspace, server: MockOpenAI) -> None:
    server.fail("400")
    first = served.run(record="off")
    assert [c.status for c in first.cases].count("error") == 1
    second = served.run(record="off")
    assert completions(server) == 4
    assert [c.status for c in second.cases] == ["pass", "fail", "pass"]


def test_an_answer_is_reused_before_its_write_is_committed(tmp_path) -> None:
    from promptops.cache import CompletionCache
    from promptops.providers.base import CompletionRequest, Output

    request = CompletionRequest(provider="openai", model="m", messages=[{"role": "user", "content": "hi"}])
    cache = CompletionCache(tmp_path / "cache.sqlite")
    cache.put(CompletionRequest(provider="openai", model="m", messages=[]), Output(text="first"))  # commits at once
    cache.put(request, Output(text="hello", prompt_tokens=3))  # queued
    found = cache.get(request)
    assert found is not None and found.text == "hello" and found.cached
    other = CompletionCache(tmp_path / "cache.sqlite")
    assert other.get(request) is None  # not committed yet
    cache.close()
    reopened = other.get(request)
    assert reopened is not None and reopened.prompt_tokens == 3
    other.close()
