"""Committed recordings: the four modes, CI's default, a stable sorted file, safe concurrent writers, no secrets."""

from __future__ import annotations

import json
import multiprocessing
import stat
from pathlib import Path

import pytest

from promptops.config import load_project
from promptops.providers.base import CompletionRequest, Output
from promptops.recordings import RecordingFile
from promptops.testing import MockOpenAI
from tests.engine.conftest import SECRET
from tests.engine.helpers import GREET_SUITE, Workspace, prompt_yaml


def test_new_records_every_sample_in_a_sorted_readable_file(space: Workspace) -> None:
    space.use_python("echo")
    space.run(record="new", repeat=2)

    lines = space.recordings().read_text(encoding="utf-8").splitlines()
    entries = [json.loads(line) for line in lines]
    assert [(e["case"], e["sample"]) for e in entries] == [
        ("moon", 0), ("moon", 1), ("sun", 0), ("sun", 1), ("world", 0), ("world", 1)
    ]  # fmt: skip
    assert entries[0]["text"] == "hello moon" and entries[0]["prompt"] == "greet"
    assert stat.S_IMODE(space.recordings().stat().st_mode) == 0o644


def test_none_replays_without_calling_the_provider(space: Workspace) -> None:
    space.use_python("echo")
    space.run(record="new")
    replayed = space.run(record="none", no_cache=True)
    assert space.calls("echo") == 3
    assert [c.status for c in replayed.cases] == ["pass", "fail", "pass"]


def test_none_fails_a_missing_recording_and_says_how_to_record(space: Workspace) -> None:
    space.use_python("echo")
    record = space.run(record="none")
    assert space.calls("echo") == 0
    assert {c.status for c in record.cases} == {"error"}
    assert "--record new" in (record.cases[0].samples[0].error or "")
    assert not space.recordings().exists()


def test_new_keeps_existing_recordings_and_adds_missing_ones(space: Workspace) -> None:
    space.use_python("echo")
    space.run(record="new")
    before = space.recordings().read_bytes()
    space.run(record="new", repeat=2, no_cache=True)
    assert space.calls("echo") == 3 + 3  # only the three new sample-1 requests
    after = space.recordings().read_text(encoding="utf-8").splitlines()
    assert len(after) == 6
    assert set(before.decode().splitlines()) <= set(after)


def test_all_rerecords_and_a_second_write_is_byte_identical(space: Workspace) -> None:
    space.use_python("echo")
    space.run(record="new")
    first = space.recordings().read_bytes()
    space.run(record="all")
    assert space.calls("echo") == 6  # re-recorded although cache and recordings had every answer
    assert space.recordings().read_bytes() == first


def test_off_neither_reads_nor_writes_recordings(space: Workspace) -> None:
    space.use_python("echo")
    space.run(record="off", no_cache=True)
    assert not space.recordings().exists()
    space.run(record="new")
    space.run(record="off", no_cache=True)
    assert space.calls("echo") == 3 + 3 + 3


def test_ci_defaults_to_replay_only(space: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    space.use_python("echo")
    monkeypatch.setenv("CI", "true")
    assert load_project(space.root).record_mode == "none"
    record = space.run()
    assert space.calls("echo") == 0
    assert "--record new" in (record.cases[0].samples[0].error or "")


def _write_many(path: str, worker: int, count: int) -> None:
    """Add `count` entries, flushing after each one, to race another process doing the same."""
    recordings = RecordingFile(Path(path))
    for i in range(count):
        request = CompletionRequest(
            provider="echo", model="echo", messages=[{"role": "user", "content": f"{worker}-{i}"}]
        )
        recordings.add(request, Output(text=f"{worker}-{i}"), prompt="greet", version=1, case=f"w{worker}-{i:03d}")
        recordings.flush()


def test_concurrent_flushes_from_two_processes_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "recordings" / "greet.jsonl"
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_write_many, args=(str(path), w, 40)) for w in (1, 2)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(60)
        assert process.exitcode == 0
    entries = RecordingFile(path).entries
    assert len(entries) == 80
    assert sorted(e.case for e in entries.values()) == [f"w{w}-{i:03d}" for w in (1, 2) for i in range(40)]


def test_no_api_key_lands_in_recordings_cache_or_store(served: Workspace, server: MockOpenAI) -> None:
    served.run(record="new")
    assert server.requests[0].headers["authorization"] == f"Bearer {SECRET}"
    assert served.recordings().exists()
    assert SECRET.encode() not in served.stored_bytes()


def test_llm_rubric_judge_calls_are_recorded_and_replayed_without_the_judge(space: Workspace) -> None:
    rubric = f"{{type: llm-rubric, value: mentions the moon, provider: python, model: '{space.module}:judge'}}"
    space.write(
        "suites/greet.yaml", f"prompt: greet\ncases:\n  - id: moon\n    vars: {{who: moon}}\n    assert: [{rubric}]\n"
    )
    first = space.run(record="new")
    assert first.passed and space.calls("judge") == 1
    assert "greet/llm-rubric" in space.recordings().read_text(encoding="utf-8")
    replayed = space.run(record="none", no_cache=True)  # replay only, no cache: the judge must not be called
    assert replayed.passed and space.calls("judge") == 1


def test_llm_rubric_without_a_configured_judge_fails_and_calls_no_model(space: Workspace) -> None:
    space.use_python("echo")
    rubric = "{type: llm-rubric, value: mentions the moon}"
    space.write(
        "suites/greet.yaml", f"prompt: greet\ncases:\n  - id: moon\n    vars: {{who: moon}}\n    assert: [{rubric}]\n"
    )
    record = space.run(record="new")
    [sample] = record.cases[0].samples
    assert sample.error is None and not sample.passed
    [result] = sample.assertions
    assert result.inconclusive and "needs a judge provider, and none is configured" in result.reason
    assert space.calls("echo") == 1  # the prompt ran; no default model was asked to judge
    assert "llm-rubric" not in space.recordings().read_text(encoding="utf-8")


def test_llm_rubric_judges_on_the_project_provider_with_the_assertions_model(space: Workspace) -> None:
    space.configure(provider="python")
    space.use_python("echo")
    rubric = f"{{type: llm-rubric, value: mentions the moon, model: '{space.module}:judge'}}"
    space.write(
        "suites/greet.yaml", f"prompt: greet\ncases:\n  - id: moon\n    vars: {{who: moon}}\n    assert: [{rubric}]\n"
    )
    assert space.run(record="off").passed
    assert space.calls("judge") == 1


def test_replay_keeps_the_recorded_latency_and_cost(served: Workspace, server: MockOpenAI) -> None:
    served.write("prompts/greet.yaml", prompt_yaml(provider="openai", model="gpt-4o-mini"))
    checks = "[{type: latency, min: 200, max: 5000}, {type: cost, min: 0.000001, threshold: 0.002}]"
    served.write(
        "suites/greet.yaml", f"prompt: greet\ncases:\n  - id: slow\n    vars: {{who: world}}\n    assert: {checks}\n"
    )
    server.latency = 0.25
    server.usage = (1000, 500)  # gpt-4o-mini: $0.15 + $0.60 per million tokens
    first = served.run(record="new")
    recorded = served.recordings().read_bytes()

    replayed = served.run(record="none", no_cache=True)
    assert len(server.requests) == 1
    assert first.passed and replayed.passed
    (sample,) = replayed.cases[0].samples
    assert sample.latency_ms >= 200 and sample.cached
    assert sample.cost_usd == pytest.approx(0.00045)
    assert served.recordings().read_bytes() == recorded  # a replay rewrites nothing


def test_echo_cost_zero_is_replayed_as_zero_not_as_unknown(space: Workspace) -> None:
    space.write(
        "suites/greet.yaml",
        "prompt: greet\ncases:\n  - id: free\n    vars: {who: x}\n    assert: [{type: cost, threshold: 0}]\n",
    )
    assert space.run(record="new").passed
    replayed = space.run(record="none", no_cache=True)
    assert replayed.passed and replayed.cases[0].samples[0].cost_usd == 0.0


def _answer(text: str, latency_ms: float, cost: float | None = 0.001) -> tuple[CompletionRequest, Output]:
    request = CompletionRequest(provider="echo", model="echo", messages=[{"role": "user", "content": "hi"}])
    return request, Output(text=text, prompt_tokens=2, completion_tokens=3, latency_ms=latency_ms, cost_usd=cost)


def test_latency_is_kept_in_whole_milliseconds_and_unknown_cost_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "greet.jsonl"
    recordings = RecordingFile(path)
    recordings.add(*_answer("hello", 120.6, cost=None), prompt="greet", version=1, case="a")
    recordings.flush()
    line = json.loads(path.read_text(encoding="utf-8"))
    assert line["latency_ms"] == 121 and "cost_usd" not in line
    replayed = RecordingFile(path).get(_answer("hello", 0)[0])
    assert replayed is not None and (replayed.latency_ms, replayed.cost_usd) == (121.0, None)


def test_rerecording_an_unchanged_answer_keeps_its_line_and_its_first_latency(tmp_path: Path) -> None:
    path = tmp_path / "greet.jsonl"
    first = RecordingFile(path)
    first.add(*_answer("hello", 120.4), prompt="greet", version=1, case="a")
    assert first.flush() == 1
    recorded = path.read_bytes()

    again = RecordingFile(path)
    again.add(*_answer("hello", 987.0), prompt="greet", version=1, case="a")
    assert again.flush() == 0
    assert path.read_bytes() == recorded

    changed = RecordingFile(path)
    changed.add(*_answer("hello there", 987.0), prompt="greet", version=1, case="a")
    assert changed.flush() == 1
    assert json.loads(path.read_text(encoding="utf-8"))["latency_ms"] == 987


def test_recordings_from_before_latency_and_cost_load_and_stay_byte_identical(space: Workspace) -> None:
    space.run(record="new")
    lines = space.recordings().read_text(encoding="utf-8").splitlines()
    old = []
    for line in lines:  # as an older promptops wrote them: no latency_ms, no cost_usd
        data = json.loads(line)
        del data["latency_ms"], data["cost_usd"]
        old.append(json.dumps(data, ensure_ascii=False))
    space.write("suites/recordings/greet.jsonl", "\n".join(old) + "\n")

    replayed = space.run(record="none", no_cache=True)
    assert {c.status for c in replayed.cases} == {"pass", "fail"}
    sample = replayed.cases[0].samples[0]
    assert (sample.latency_ms, sample.cost_usd) == (0.0, None)

    space.write("suites/greet.yaml", GREET_SUITE.replace("cases:\n", "cases:\n  - {id: new, vars: {who: new}}\n"))
    space.run(record="new", no_cache=True)
    after = space.recordings().read_text(encoding="utf-8").splitlines()
    assert len(after) == 4 and set(old) <= set(after)  # the new case is added, the old lines are not touched
