"""The openai provider against a real loopback server: request shape, parsing, keys and base URLs."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from promptops.errors import ConfigError, ProviderError
from promptops.providers.openai import OpenAIProvider
from promptops.providers.settings import ProviderSettings
from promptops.testing import MockOpenAI


def test_posts_chat_completion_and_parses_answer(secret, server, fast, ask, make_request, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", secret)
    provider = OpenAIProvider(fast(base_url=server.url))
    params = {"temperature": 0, "max_tokens": 64, "top_p": 0.5, "seed": 7, "stop": ["\n\n"]}
    output = ask(provider, make_request(params=params))

    assert output.text == "hello mock world"
    assert (output.prompt_tokens, output.completion_tokens) == (5, 3)
    assert output.latency_ms > 0
    assert output.cost_usd is None  # an unknown model has no price
    [seen] = server.requests
    assert seen.path == "/v1/chat/completions"
    assert seen.headers["authorization"] == f"Bearer {secret}"
    assert seen.headers["content-type"] == "application/json"
    assert seen.body == {
        "model": "mock-model",
        "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "hello mock world"}],
        **params,
    }
    assert "response_format" not in seen.body


def test_json_schema_is_sent_as_strict_response_format(server, fast, ask, make_request):
    schema = {"type": "object", "properties": {"answer": {"type": "string"}}, "required": ["answer"]}
    ask(OpenAIProvider(fast(base_url=server.url)), make_request(json_schema=schema))
    assert server.requests[0].body["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "output", "schema": schema, "strict": True},
    }


def test_cost_from_the_price_table_by_longest_prefix(fast, ask, make_request):
    with MockOpenAI(usage=(1_000_000, 1_000_000)) as server:
        output = ask(OpenAIProvider(fast(base_url=server.url)), make_request(model="gpt-4o-mini-2024-07-18"))
    assert output.cost_usd == pytest.approx(0.15 + 0.60)
    assert (output.prompt_tokens, output.completion_tokens) == (1_000_000, 1_000_000)


def test_canned_reply_and_base_url_from_environment(fast, ask, make_request, monkeypatch):
    with MockOpenAI(reply="canned answer") as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.url + "/")
        output = ask(OpenAIProvider(fast()), make_request())
        assert output.text == "canned answer"
        assert "authorization" not in server.requests[0].headers  # local servers need no key


def test_custom_key_variable(secret, server, fast, ask, make_request, monkeypatch):
    monkeypatch.setenv("MY_GATEWAY_KEY", secret)
    ask(OpenAIProvider(fast(base_url=server.url, api_key_env="MY_GATEWAY_KEY")), make_request())
    assert server.requests[0].headers["authorization"] == f"Bearer {secret}"


def test_real_openai_needs_a_key_and_says_which_variable(ask, make_request):
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        ask(OpenAIProvider(ProviderSettings()), make_request())


def test_null_content_becomes_refusal_or_empty(fast):
    provider = OpenAIProvider(fast())
    answer = provider.parse({"choices": [{"message": {"content": None, "refusal": "I can't."}}]})
    assert (answer.text, answer.prompt_tokens, answer.completion_tokens) == ("I can't.", None, None)


PROXY_VARIABLES = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "NO_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "no_proxy",
)


def test_requests_go_through_the_proxy_the_environment_names(server, fast, ask, make_request, monkeypatch):
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", server.root_url)  # the mock answers as a forwarding proxy would
    output = ask(OpenAIProvider(fast(base_url="http://llm.internal.example:8000/v1")), make_request())
    assert output.text == "hello mock world"
    [seen] = server.requests
    assert seen.path == "http://llm.internal.example:8000/v1/chat/completions"


def test_no_proxy_hosts_are_reached_directly(server, fast, ask, make_request, monkeypatch):
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    with MockOpenAI() as dead:
        dead_proxy = dead.root_url
    monkeypatch.setenv("HTTP_PROXY", dead_proxy)  # nothing listens there any more
    monkeypatch.setenv("NO_PROXY", "localhost,127.0.0.1")
    output = ask(OpenAIProvider(fast(base_url=server.url, retries=0)), make_request())
    assert output.text == "hello mock world"
    assert len(server.requests) == 1


class _Redirect(BaseHTTPRequestHandler):
    target = ""

    def do_POST(self) -> None:
        self.send_response(307)
        self.send_header("Location", self.target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_a_redirect_is_an_error_and_the_key_never_follows_it(secret, server, fast, ask, make_request, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", secret)
    _Redirect.target = f"{server.url}/chat/completions"
    redirecting = HTTPServer(("127.0.0.1", 0), _Redirect)
    threading.Thread(target=redirecting.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{redirecting.server_address[1]}/v1"
        with pytest.raises(ProviderError, match="HTTP 307") as caught:
            ask(OpenAIProvider(fast(base_url=url, retries=0)), make_request())
    finally:
        redirecting.shutdown()
    assert caught.value.retryable is False
    assert server.requests == []  # nothing reached the other host, so neither did the key


def test_a_proxy_without_a_scheme_is_http_and_its_password_never_shows(fast, ask, make_request, monkeypatch):
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    with MockOpenAI() as proxy:
        monkeypatch.setenv("HTTP_PROXY", f"alice:pr0xy-s3cret@{proxy.root_url.removeprefix('http://')}")
        output = ask(OpenAIProvider(fast(base_url="http://llm.internal.example/v1")), make_request())
        assert output.text == "hello mock world"
        assert proxy.requests[0].path == "http://llm.internal.example/v1/chat/completions"
        proxy.fail("503")
        with pytest.raises(ProviderError) as caught:
            ask(OpenAIProvider(fast(base_url="http://llm.internal.example/v1", retries=0)), make_request())
    assert "pr0xy-s3cret" not in str(caught.value)


def test_no_proxy_may_name_a_port(server, fast, ask, make_request, monkeypatch):
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("NO_PROXY", server.root_url.removeprefix("http://"))
    assert ask(OpenAIProvider(fast(base_url=server.url, retries=0)), make_request()).text == "hello mock world"
