"""The run store: what a run writes reads back the same, and an interrupted run keeps every finished case."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from promptops.runner import Runner
from promptops.session import load_suites
from promptops.store import RunStore
from promptops.testing import MockOpenAI
from tests.engine.helpers import Workspace, suite_yaml

TEN_CASES = suite_yaml(*[(f"c{i}", f"w{i}", "hello") for i in range(10)])


def store_of(space: Workspace) -> RunStore:
    return RunStore(space.root / ".promptops" / "store.sqlite")


def test_runs_cases_and_samples_round_trip(space: Workspace) -> None:
    record = space.run(repeat=2)
    store = store_of(space)
    loaded = store.load_run(record.id)
    assert loaded is not None
    assert loaded.model_dump() == record.model_dump()
    assert loaded.status == "complete" and len(loaded.samples) == 6
    assert store.integrity_check() == "ok"
    store.close()


def test_the_stored_run_of_a_plan_is_the_newest_of_all_its_cases_and_repeats(space: Workspace) -> None:
    full = space.run()
    session = space.session()
    try:
        (plan,) = session.plans(load_suites(session.suite_paths(["greet"])))
        session.run([replace(plan, case_ids=["sun"])])  # newer runs, as `pytest -k sun` and `--repeat 2` leave
        session.run([replace(plan, repeat=2)])
        stored = session.stored_run(plan)
        fewer = session.stored_run(replace(plan, case_ids=["sun"]))
    finally:
        session.close()
    assert stored is not None and stored.id == full.id
    assert fewer is not None and [c.case_id for c in fewer.cases] == ["sun"]


def test_a_newer_run_of_other_cases_as_many_does_not_hide_a_selection(space: Workspace) -> None:
    session = space.session()
    try:
        (plan,) = session.plans(load_suites(session.suite_paths(["greet"])))
        ids = [case.id for case in plan.cases()]
        first, second = replace(plan, case_ids=ids[:1]), replace(plan, case_ids=ids[1:2])
        (older,) = session.run([first])  # `pytest -k a`, then `pytest -k b`: one case each
        session.run([second])
        stored = session.stored_run(first)
    finally:
        session.close()
    assert stored is not None and stored.id == older.id


def test_keyboard_interrupt_keeps_finished_cases_and_the_next_run_resumes(space: Workspace) -> None:
    """The model raises KeyboardInterrupt on its 4th call; one request at a time, so cases 1-3 had finished."""
    space.use_python("interrupt")
    space.write("suites/greet.yaml", TEN_CASES)
    space.write("interrupt_at", "4")
    with pytest.raises(KeyboardInterrupt):
        space.run(concurrency=1, record="off")

    store = store_of(space)
    (interrupted,) = store.runs(complete_only=False)
    assert interrupted.status == "interrupted" and interrupted.finished_at is not None
    assert [c.case_id for c in interrupted.cases] == ["c0", "c1", "c2"]
    assert all(c.passed for c in interrupted.cases)
    assert store.integrity_check() == "ok"

    resumed = space.run(concurrency=1, record="off")
    assert resumed.status == "complete" and resumed.passed
    assert space.calls("interrupt") == 4 + 7  # 3 answered from the cache
    assert sum(s.cached for s in resumed.samples) == 3
    store.close()


def test_cancelled_run_is_marked_interrupted_with_what_finished(served: Workspace, server: MockOpenAI) -> None:
    server.latency = 0.05
    served.write("suites/greet.yaml", TEN_CASES)
    session = served.session(concurrency=2, record="off")
    plans = session.plans(load_suites(session.suite_paths()))
    runner = Runner(session.services())
    store = session.store

    async def cancel_midway() -> None:
        task = asyncio.create_task(runner.run(plans))
        # two at a time: once the 5th request is out, the first three cases have been answered and graded
        while len(server.requests) < 5:
            await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await session.aclose_providers()

    asyncio.run(cancel_midway())
    (run,) = store.runs(complete_only=False)
    assert run.status == "interrupted"
    assert 3 <= len(run.cases) < 10
    assert all(len(c.samples) == 1 for c in run.cases)
    assert store.integrity_check() == "ok"
    session.close()
