"""The anthropic provider against a real loopback server: headers, system lifting, params and parsing."""

from __future__ import annotations

import json

import pytest

from promptops.errors import ConfigError
from promptops.providers.anthropic import AnthropicProvider
from promptops.providers.settings import ProviderSettings


def test_posts_messages_with_key_version_and_system(secret, server, fast, ask, make_request, monkeypatch):
    monkeypatch.setenv("ANTHROPIC_API_KEY", secret)
    provider = AnthropicProvider(fast(base_url=server.root_url))
    output = ask(provider, make_request("anthropic", params={"temperature": 0.2, "stop": "END", "seed": 3}))

    assert output.text == "hello mock world"
    assert (output.prompt_tokens, output.completion_tokens) == (5, 3)
    [seen] = server.requests
    assert seen.path == "/v1/messages"
    assert seen.headers["x-api-key"] == secret
    assert seen.headers["anthropic-version"] == "2023-06-01"
    assert "authorization" not in seen.headers
    assert seen.body == {
        "model": "mock-model",
        "max_tokens": 1024,
        "system": "Be brief.",
        "messages": [{"role": "user", "content": "hello mock world"}],
        "temperature": 0.2,
        "stop_sequences": ["END"],
    }


def test_max_tokens_param_overrides_the_default(server, fast, ask, make_request):
    ask(AnthropicProvider(fast(base_url=server.root_url)), make_request("anthropic", params={"max_tokens": 5}))
    assert server.requests[0].body["max_tokens"] == 5
    assert "system" in server.requests[0].body


def test_json_schema_forces_a_tool_and_its_input_is_the_answer(server, fast, ask, make_request):
    schema = {"type": "object", "properties": {"answer": {"type": "string"}}}
    ask(AnthropicProvider(fast(base_url=server.root_url)), make_request("anthropic", json_schema=schema))
    body = server.requests[0].body
    assert body["tools"][0]["input_schema"] == schema
    assert body["tool_choice"] == {"type": "tool", "name": body["tools"][0]["name"]}

    provider = AnthropicProvider(fast())
    reply = {"content": [{"type": "tool_use", "name": "output", "input": {"answer": "yes"}}], "usage": {}}
    assert json.loads(provider.parse(reply).text) == {"answer": "yes"}


def test_real_anthropic_needs_a_key(ask, make_request):
    with pytest.raises(ConfigError, match="ANTHROPIC_API_KEY"):
        ask(AnthropicProvider(ProviderSettings()), make_request("anthropic"))
