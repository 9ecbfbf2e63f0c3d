"""The shipped mock server itself: fault shorthands, recording, latency and the raw wire behaviour."""

from __future__ import annotations

import json
import time

import httpx
import pytest

from promptops.testing import Fault, MockOpenAI


@pytest.mark.parametrize(
    ("spec", "fault"),
    [
        ("503", Fault("status", status=503)),
        ("429:0.2", Fault("status", status=429, retry_after="0.2")),
        ("timeout:3", Fault("timeout", delay=3.0)),
        ("reset", Fault("reset")),
        ("slow:0.5", Fault("slow", delay=0.5)),
    ],
)
def test_fault_shorthands(spec, fault):
    assert Fault.parse(spec) == fault


def test_unknown_fault_is_rejected():
    with pytest.raises(ValueError, match="unknown fault 'explode'"):
        Fault.parse("explode")


def test_answers_both_api_shapes_with_latency_and_records_requests():
    body = {"model": "m", "messages": [{"role": "user", "content": "two words"}]}
    with MockOpenAI(latency=0.1, usage=(11, 22)) as server:
        started = time.monotonic()
        openai = httpx.post(f"{server.url}/chat/completions", json=body, headers={"x-trace": "1"}).json()
        assert time.monotonic() - started >= 0.1
        anthropic = httpx.post(f"{server.root_url}/v1/messages", json=body).json()
        seen = server.requests
    assert openai["choices"][0]["message"]["content"] == "two words"
    assert openai["usage"] == {"prompt_tokens": 11, "completion_tokens": 22, "total_tokens": 33}
    assert anthropic["content"][0]["text"] == "two words"
    assert anthropic["usage"] == {"input_tokens": 11, "output_tokens": 22}
    assert [r.path for r in seen] == ["/v1/chat/completions", "/v1/messages"]
    assert seen[0].headers["x-trace"] == "1" and seen[0].body == body


def test_status_fault_carries_retry_after_and_can_echo_headers():
    body = {"model": "m", "messages": []}
    with MockOpenAI(faults=["429:2", Fault("status", status=401, echo_headers=True)]) as server:
        limited = httpx.post(f"{server.url}/chat/completions", json=body)
        echoed = httpx.post(f"{server.url}/chat/completions", json=body, headers={"authorization": "Bearer k"})
        assert server.faults_injected == 2
    assert (limited.status_code, limited.headers["retry-after"]) == (429, "2")
    assert echoed.status_code == 401 and "Bearer k" in echoed.json()["error"]["message"]


def test_wire_level_faults_break_the_response_as_described():
    body = {"model": "m", "messages": [{"role": "user", "content": "x"}]}
    with MockOpenAI(faults=["malformed", "truncated", "reset"]) as server, httpx.Client(base_url=server.url) as client:
        with pytest.raises(json.JSONDecodeError):
            client.post("/chat/completions", json=body).json()
        with pytest.raises(httpx.RemoteProtocolError):
            client.post("/chat/completions", json=body)
        with pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
            client.post("/chat/completions", json=body)
        assert client.post("/chat/completions", json=body).status_code == 200


def test_random_faults_are_seeded_and_counted():
    body = {"model": "m", "messages": []}

    def statuses(seed: int) -> list[int]:
        with MockOpenAI(random_faults=[("503", 0.5)], seed=seed) as server, httpx.Client(base_url=server.url) as c:
            return [c.post("/chat/completions", json=body).status_code for _ in range(20)]

    first = statuses(1)
    assert first == statuses(1)
    assert {200, 503} == set(first)


def test_unknown_routes_and_bad_bodies_are_client_errors():
    with MockOpenAI() as server:
        assert httpx.post(f"{server.root_url}/nothing", json={}).status_code == 404
        assert httpx.post(f"{server.url}/chat/completions", content=b"not json").status_code == 400
        assert httpx.get(f"{server.url}/models").json()["data"][0]["id"] == "mock"
