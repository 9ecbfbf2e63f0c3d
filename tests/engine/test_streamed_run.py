"""The background run behind the pytest plugin: results as cases finish, failures handed to whoever waits."""

from __future__ import annotations

import pytest

from promptops.config import load_project
from promptops.errors import InputError, PromptopsError
from promptops.session import RunOptions, load_suites
from promptops.streamed_run import StreamedRun
from promptops.testing import MockOpenAI
from tests.engine.helpers import Workspace, prompt_yaml, suite_yaml


def plans_of(space: Workspace, **options: object) -> tuple[list, RunOptions]:
    run_options = RunOptions(**options)  # type: ignore[arg-type]
    session = space.session(**options)
    plans = session.plans(load_suites(session.suite_paths()))
    session.close()
    return plans, run_options


def test_every_case_result_is_handed_out_and_stored(served: Workspace, server: MockOpenAI) -> None:
    server.latency = 0.02
    served.write("suites/greet.yaml", suite_yaml(*[(f"c{i}", f"w{i}", f"w{i}") for i in range(6)]))
    plans, options = plans_of(served, record="off", concurrency=2)
    stream = StreamedRun(load_project(served.root), options, plans).start()
    try:
        results = [stream.result(0, f"c{i}") for i in reversed(range(6))]
    finally:
        stream.close(cancel=False)
    assert [r.case_id for r in results] == [f"c{i}" for i in reversed(range(6))]
    assert all(r.passed for r in results)
    assert len(server.requests) == 6
    session = served.session()
    (run,) = session.store.runs()
    assert run.status == "complete" and len(run.cases) == 6
    session.close()


def test_what_stops_the_run_is_raised_to_every_waiting_item(space: Workspace) -> None:
    space.write("suites/recordings/greet.jsonl", "{not json\n")
    plans, options = plans_of(space, record="new")
    stream = StreamedRun(load_project(space.root), options, plans).start()
    try:
        for case_id in ("world", "moon"):
            with pytest.raises(InputError, match="damaged recording"):
                stream.result(0, case_id)
    finally:
        stream.close(cancel=True)


def test_a_case_the_run_never_had_is_an_error_not_a_hang(space: Workspace) -> None:
    plans, options = plans_of(space, record="off")
    stream = StreamedRun(load_project(space.root), options, plans).start()
    try:
        assert stream.result(0, "world").passed
        with pytest.raises(PromptopsError, match="without a result for case 'pluto'"):
            stream.result(0, "pluto")
    finally:
        stream.close(cancel=False)


def test_close_before_the_thread_gets_going_stops_the_run(served: Workspace, server: MockOpenAI) -> None:
    server.latency = 0.2
    served.write("suites/greet.yaml", suite_yaml(*[(f"c{i}", f"w{i}", f"w{i}") for i in range(8)]))
    plans, options = plans_of(served, record="off", concurrency=1)
    stream = StreamedRun(load_project(served.root), options, plans).start()
    stream.close(cancel=True)
    stream.close(cancel=True)  # a second close is harmless
    assert len(server.requests) <= 1
    session = served.session()
    assert [r.status for r in session.store.runs(complete_only=False)] in ([], ["interrupted"])
    session.close()


def test_a_plan_that_fails_fails_only_its_own_cases(space: Workspace) -> None:
    space.write("prompts/broken.yaml", prompt_yaml(name="broken", content="{{ 10 // (who | length - 1) }}"))
    space.write("suites/broken.yaml", suite_yaml(("b1", "x", "x"), prompt="broken"))
    session = space.session(record="off")
    greet = session.plans(load_suites([space.root / "suites" / "greet.yaml"]))
    broken = session.plans(load_suites([space.root / "suites" / "broken.yaml"]))  # renders only when it runs
    session.close()
    stream = StreamedRun(load_project(space.root), RunOptions(record="off"), [*broken, *greet]).start()
    try:
        with pytest.raises(PromptopsError, match="template failed: ZeroDivisionError"):
            stream.result(0, "b1")
        assert stream.result(1, "world").passed
        assert not stream.result(1, "moon").passed
    finally:
        stream.close(cancel=False)
    session = space.session()
    assert [(r.suite, r.status, len(r.cases)) for r in session.store.runs(complete_only=False)] == [
        ("greet", "complete", 3)
    ]
    session.close()
