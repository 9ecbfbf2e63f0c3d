"""A prompt's transport settings in `model.params` (base_url, timeout, concurrency, ...) override the project's for its
own requests, on real loopback servers, while staying out of the cache key and the recordings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from promptops.errors import InputError, ValidationFailed
from promptops.providers.base import CompletionRequest
from promptops.results import RunRecord
from promptops.session import load_suites
from promptops.testing import MockOpenAI
from promptops.workspace import load_working_prompt
from tests.engine.helpers import Workspace, prompt_yaml, suite_yaml


@pytest.fixture
def other_server() -> Iterator[MockOpenAI]:
    with MockOpenAI() as mock:
        yield mock


def add_prompt(space: Workspace, name: str, params: str, *, content: str = "hello {{ who }}") -> None:
    """Prompt `name` on the openai provider with these params, and suite `name` of two cases on it."""
    yaml = prompt_yaml(provider="openai", model="mock-model", params=params, content=content, name=name)
    space.write(f"prompts/{name}.yaml", yaml)
    space.write(f"suites/{name}.yaml", suite_yaml(("a", "ann", "ann"), ("b", "bob", "bob"), prompt=name))


def run_all(space: Workspace, **options: Any) -> dict[str, RunRecord]:
    """Run every suite of the project in one session; the records by prompt name."""
    session = space.session(**options)
    try:
        records = session.run(session.plans(load_suites(session.suite_paths())))
    finally:
        session.close()
    return {r.prompt: r for r in records}


def test_a_prompts_base_url_sends_its_requests_to_its_own_server(
    served: Workspace, server: MockOpenAI, other_server: MockOpenAI
) -> None:
    add_prompt(served, "elsewhere", f"{{temperature: 0, base_url: '{other_server.url}'}}", content="bye {{ who }}")

    records = run_all(served, record="off", no_cache=True)

    assert records["elsewhere"].passed and not any(c.errors for r in records.values() for c in r.cases)
    project_side = sorted(r.body["messages"][-1]["content"] for r in server.requests)
    prompt_side = sorted(r.body["messages"][-1]["content"] for r in other_server.requests)
    assert project_side == ["hello moon", "hello sun", "hello world"]  # `greet`, on the project's base_url
    assert prompt_side == ["bye ann", "bye bob"]
    assert "base_url" not in other_server.requests[0].body  # a setting, never sent as a param


def test_a_prompt_timeout_shorter_than_the_servers_latency_times_out(served: Workspace, server: MockOpenAI) -> None:
    """On one slow server, the prompt with `timeout: 0.1` gives up while the project's 60 s waits long enough."""
    server.latency = 0.4
    add_prompt(served, "impatient", "{temperature: 0, timeout: 0.1}")

    records = run_all(served, record="off", no_cache=True)

    patient, impatient = records["greet"], records["impatient"]
    assert [c.status for c in patient.cases] == ["pass", "fail", "pass"]
    errors = [s.error or "" for c in impatient.cases for s in c.samples]
    assert len(errors) == 2 and all("read timed out after 0.1s" in e for e in errors)


def test_the_command_line_beats_the_prompt_which_beats_the_project(served: Workspace, server: MockOpenAI) -> None:
    """`concurrency: 2` in the prompt caps its requests under the project's 8; `--concurrency 12` lifts it again."""
    server.latency = 0.05
    cases = [(f"c{i}", f"w{i}", "w") for i in range(24)]
    served.write("prompts/greet.yaml", prompt_yaml(provider="openai", model="mock-model", params="{concurrency: 2}"))
    served.write("suites/greet.yaml", suite_yaml(*cases))

    served.run(record="off", no_cache=True)
    assert server.max_in_flight == 2
    served.run(record="off", no_cache=True, concurrency=12)
    assert server.max_in_flight == 12


def test_prompts_with_the_same_settings_share_one_provider(served: Workspace) -> None:
    add_prompt(served, "twenty", "{temperature: 0, timeout: 20}")
    add_prompt(served, "also-twenty", "{temperature: 1, timeout: 20}")
    add_prompt(served, "thirty", "{timeout: 30}")
    add_prompt(served, "as-project", "{retries: 0}")  # what [tool.promptops] says already
    session = served.session()
    project = session.project

    def provider_of(name: str) -> object:
        target = session.target_for(load_working_prompt(project, name))
        return session.provider(target.provider, target.settings)

    assert provider_of("twenty") is provider_of("also-twenty")
    assert provider_of("twenty") is not provider_of("thirty")
    assert provider_of("greet") is provider_of("as-project") is session.provider("openai")
    assert session.target_for(load_working_prompt(project, "greet")).settings is None
    assert len(session._providers) == 3


def test_a_transport_only_param_changes_neither_cache_key_nor_recording(
    served: Workspace, server: MockOpenAI, other_server: MockOpenAI
) -> None:
    """Adding `timeout` and `base_url` to a recorded prompt replays its recordings and keeps its cache keys."""
    served.run(record="new")
    recorded = served.recordings().read_text(encoding="utf-8")
    before = load_working_prompt(served.session().project, "greet")
    transport = f"{{temperature: 0, timeout: 30, retries: 1, base_url: '{other_server.url}'}}"
    served.write("prompts/greet.yaml", prompt_yaml(provider="openai", model="mock-model", params=transport))
    after = load_working_prompt(served.session().project, "greet")

    session = served.session()
    keys = [
        CompletionRequest(provider="openai", model="m", messages=[], params=session.target_for(p).params).cache_key()
        for p in (before, after)
    ]
    assert keys[0] == keys[1]
    replayed = served.run(record="none", no_cache=True)
    cached = served.run(record="off")

    assert [c.status for c in replayed.cases] == [c.status for c in cached.cases] == ["pass", "fail", "pass"]
    assert other_server.requests == [] and len(server.requests) == 3
    assert replayed.params == {"temperature": 0}
    assert served.recordings().read_text(encoding="utf-8") == recorded
    assert b"timeout" not in served.stored_bytes() and other_server.url.encode() not in served.stored_bytes()


def test_a_bad_transport_setting_is_reported_at_the_prompts_params_line(served: Workspace) -> None:
    served.write("prompts/greet.yaml", prompt_yaml(provider="openai", model="mock-model", params="{timeout: soon}"))
    session = served.session()
    with pytest.raises(ValidationFailed) as caught:
        session.plans(load_suites(session.suite_paths()))
    (problem,) = caught.value.problems
    assert "greet.yaml:3: provider setting 'timeout': Input should be a valid number" in problem.format()


def test_an_overriding_provider_does_not_take_the_prompts_settings(served: Workspace, other_server: MockOpenAI) -> None:
    # a prompt's base_url belongs to its own provider: sent to another backend it would leak the prompt's address
    add_prompt(served, "elsewhere", f"{{temperature: 0, base_url: '{other_server.url}', timeout: 7}}")
    prompt = load_working_prompt(served.session().project, "elsewhere")
    assert served.session().target_for(prompt).settings is not None
    overridden = served.session(provider="echo").target_for(prompt)
    assert (overridden.provider, overridden.settings) == ("echo", None)


def test_a_bad_setting_of_a_version_only_read_from_the_store_is_not_judged(served: Workspace) -> None:
    add_prompt(served, "old", "{temperature: 0, timeout: 0}")
    prompt = load_working_prompt(served.session().project, "old")
    session = served.session()
    assert session.target_for(prompt, to_send=False).settings is None  # history, a check's base side
    with pytest.raises(InputError, match="timeout"):
        session.target_for(prompt)  # a run would send with it: reported
