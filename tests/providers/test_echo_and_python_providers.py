"""The echo and python providers: deterministic echoes, user functions sync and async, import errors."""

from __future__ import annotations

import asyncio
import textwrap
import uuid
from pathlib import Path

import pytest

from promptops.errors import ModelSpecError, ProviderError
from promptops.providers.echo import EchoProvider
from promptops.providers.python_function import PythonProvider
from promptops.providers.settings import ProviderSettings

MESSAGES = [
    {"role": "system", "content": "You are terse."},
    {"role": "user", "content": "first question"},
    {"role": "assistant", "content": "an answer"},
    {"role": "user", "content": "second question here"},
]


def test_echo_returns_the_last_user_message_with_word_counts(ask, make_request):
    output = ask(EchoProvider(), make_request("echo", messages=MESSAGES))
    assert output.text == "second question here"
    assert (output.prompt_tokens, output.completion_tokens) == (10, 3)
    assert output.latency_ms >= 0 and output.cost_usd == 0.0


def test_echo_all_gives_every_message_as_role_lines(ask, make_request):
    output = ask(EchoProvider(), make_request("echo", messages=MESSAGES, params={"echo": "all"}))
    assert output.text.splitlines() == [
        "system: You are terse.",
        "user: first question",
        "assistant: an answer",
        "user: second question here",
    ]


def test_echo_is_deterministic(ask, make_request):
    request = make_request("echo", messages=MESSAGES)
    first, second = ask(EchoProvider(), request), ask(EchoProvider(), request)
    assert first.model_copy(update={"latency_ms": 0}) == second.model_copy(update={"latency_ms": 0})


@pytest.fixture
def user_module(tmp_path: Path) -> str:
    """A module of provider functions in a fresh project root, under a unique name."""
    name = f"userfns_{uuid.uuid4().hex[:8]}"
    (tmp_path / f"{name}.py").write_text(
        textwrap.dedent(
            """
            import asyncio, threading

            def shout(messages, params):
                return messages[-1]["content"].upper() + params.get("suffix", "")

            async def counted(messages, params):
                await asyncio.sleep(0)
                return {"text": "ok", "prompt_tokens": 4, "completion_tokens": 1, "cost_usd": 0.5}

            def thread_name(messages, params):
                return threading.current_thread().name

            def broken(messages, params):
                raise ValueError("no answer for you")

            def wrong(messages, params):
                return 42

            in_flight = [0, 0]

            async def tracked(messages, params):
                in_flight[0] += 1
                in_flight[1] = max(in_flight)
                await asyncio.sleep(0.01)
                in_flight[0] -= 1
                return str(in_flight[1])

            def overloaded(messages, params):
                from promptops.errors import ProviderError
                raise ProviderError("overloaded", retryable=True)
            """
        )
    )
    return name


def python_provider(tmp_path: Path) -> PythonProvider:
    return PythonProvider(ProviderSettings(root=tmp_path, retries=1, backoff_base=0.001))


def test_sync_function_runs_in_a_thread_with_messages_and_params(tmp_path, user_module, ask, make_request):
    provider = python_provider(tmp_path)
    shout = make_request("python", f"{user_module}:shout", params={"suffix": "!"})
    assert ask(provider, shout).text == "HELLO MOCK WORLD!"
    in_thread = ask(provider, make_request("python", f"{user_module}:thread_name"))
    assert in_thread.text != "MainThread"


def test_async_function_returning_a_dict(tmp_path, user_module, ask, make_request):
    output = ask(python_provider(tmp_path), make_request("python", f"{user_module}:counted"))
    assert (output.text, output.prompt_tokens, output.completion_tokens, output.cost_usd) == ("ok", 4, 1, 0.5)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("no_colon_here", "must be 'module:function'"),
        ("promptops_missing_user_module:f", "cannot import module 'promptops_missing_user_module'"),
        ("{module}:nope", "module '{module}' has no function 'nope'"),
    ],
)
def test_bad_targets_are_input_errors_naming_the_module(tmp_path, user_module, ask, make_request, target, message):
    request = make_request("python", target.format(module=user_module))
    with pytest.raises(ModelSpecError, match=message.format(module=user_module)) as caught:
        ask(python_provider(tmp_path), request)
    assert caught.value.key == "name"  # the runner puts it at the prompt's `name:` line


def test_a_function_returning_neither_str_nor_dict_is_a_provider_error(tmp_path, user_module, ask, make_request):
    with pytest.raises(ProviderError, match=r"must return a str or a dict with a 'text' string, got int 42$") as caught:
        ask(python_provider(tmp_path), make_request("python", f"{user_module}:wrong"))
    assert caught.value.retryable is False


def test_an_exception_in_the_function_is_a_provider_error(tmp_path, user_module, ask, make_request):
    with pytest.raises(ProviderError, match="raised ValueError: no answer for you") as caught:
        ask(python_provider(tmp_path), make_request("python", f"{user_module}:broken"))
    assert caught.value.retryable is False


def test_a_retryable_provider_error_from_the_function_is_retried(tmp_path, user_module, ask, make_request):
    with pytest.raises(ProviderError, match="gave up after 2 attempts"):
        ask(python_provider(tmp_path), make_request("python", f"{user_module}:overloaded"))


def test_concurrent_calls_share_the_imported_function(tmp_path, user_module, make_request):
    provider = python_provider(tmp_path)
    request = make_request("python", f"{user_module}:shout")

    async def many() -> list[str]:
        return [o.text for o in await asyncio.gather(*(provider.complete(request) for _ in range(5)))]

    assert asyncio.run(many()) == ["HELLO MOCK WORLD"] * 5


def test_the_concurrency_limit_holds_for_any_provider(tmp_path, user_module, make_request):
    provider = PythonProvider(ProviderSettings(root=tmp_path, concurrency=2))
    request = make_request("python", f"{user_module}:tracked")

    async def many() -> list[str]:
        return [o.text for o in await asyncio.gather(*(provider.complete(request) for _ in range(8)))]

    assert max(asyncio.run(many())) == "2"
