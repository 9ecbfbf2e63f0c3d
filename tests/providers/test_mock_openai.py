"""The shipped mock server itself: fault shorthands, recording, latency and the raw wire behaviour."""

from __future__ import annotations

import http.client
import json
import time
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import pytest

from promptops.testing import Fault, MockOpenAI


class Reply(NamedTuple):
    status: int
    headers: dict[str, str]
    content: bytes

    def json(self) -> Any:
        return json.loads(self.content)


def call(url: str, body: Any = None, *, raw: bytes | None = None, headers: dict[str, str] | None = None) -> Reply:
    """One request on a fresh connection with the standard library (POST when there is a body, else GET)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        content = raw if raw is not None else None if body is None else json.dumps(body).encode()
        method = "GET" if content is None else "POST"
        connection.request(
            method, parts.path, body=content, headers={"content-type": "application/json", **(headers or {})}
        )
        response = connection.getresponse()
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    finally:
        connection.close()


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
        openai = call(f"{server.url}/chat/completions", body, headers={"x-trace": "1"}).json()
        assert time.monotonic() - started >= 0.1
        anthropic = call(f"{server.root_url}/v1/messages", body).json()
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
        limited = call(f"{server.url}/chat/completions", body)
        echoed = call(f"{server.url}/chat/completions", body, headers={"authorization": "Bearer k"})
        assert server.faults_injected == 2
    assert (limited.status, limited.headers["retry-after"]) == (429, "2")
    assert echoed.status == 401 and "Bearer k" in echoed.json()["error"]["message"]


def test_wire_level_faults_break_the_response_as_described():
    body = {"model": "m", "messages": [{"role": "user", "content": "x"}]}
    with MockOpenAI(faults=["malformed", "truncated", "reset"]) as server:
        url = f"{server.url}/chat/completions"
        with pytest.raises(json.JSONDecodeError):
            call(url, body).json()
        with pytest.raises(http.client.IncompleteRead):
            call(url, body)
        with pytest.raises((ConnectionError, http.client.HTTPException)):
            call(url, body)
        assert call(url, body).status == 200


def test_random_faults_are_seeded_and_counted():
    body = {"model": "m", "messages": []}

    def statuses(seed: int) -> list[int]:
        with MockOpenAI(random_faults=[("503", 0.5)], seed=seed) as server:
            return [call(f"{server.url}/chat/completions", body).status for _ in range(20)]

    first = statuses(1)
    assert first == statuses(1)
    assert {200, 503} == set(first)


def test_unknown_routes_and_bad_bodies_are_client_errors():
    with MockOpenAI() as server:
        assert call(f"{server.root_url}/nothing", {}).status == 404
        assert call(f"{server.url}/chat/completions", raw=b"not json").status == 400
        assert call(f"{server.url}/models").json()["data"][0]["id"] == "mock"
