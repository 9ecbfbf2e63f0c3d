"""The runner: repeats, thresholds, provider errors and crashing assertions, as a user sees them in the results."""

from __future__ import annotations

import asyncio

from promptops.assertions.base import AssertionContext
from promptops.assertions.builtin import register as register_builtins
from promptops.assertions.registry import AssertionRegistry
from promptops.config import load_project
from promptops.prompt import load_prompt_file
from promptops.results import AssertionResult
from promptops.runner import Runner, RunPlan, Services
from promptops.suite import AssertionSpec, load_suite_file
from promptops.testing import MockOpenAI
from tests.engine.helpers import Workspace, suite_yaml


def test_case_pass_rate_is_judged_against_the_suite_threshold(space: Workspace) -> None:
    """Half the samples say yes: the case passes at threshold 0.5 and fails at 0.75."""
    space.use_python("alternate")
    space.write("suites/greet.yaml", suite_yaml(("half", "world", "yes"), repeat=4, threshold=0.5))
    lenient = space.run(no_cache=True, record="off")
    space.write("suites/greet.yaml", suite_yaml(("half", "world", "yes"), repeat=4, threshold=0.75))
    strict = space.run(no_cache=True, record="off")

    assert [s.passed for s in lenient.cases[0].samples].count(True) == 2
    assert lenient.cases[0].pass_rate == 0.5
    assert lenient.cases[0].passed and lenient.passed
    assert not strict.cases[0].passed and not strict.passed
    assert space.calls("alternate") == 8


def test_suite_passes_on_the_share_of_passing_case_samples(space: Workspace) -> None:
    """Two of three cases pass every sample: 4/6 samples meet 0.6 but not 0.7, though one case fails either way."""
    space.write(
        "suites/greet.yaml",
        suite_yaml(("a", "world", "world"), ("b", "moon", "world"), ("c", "sun", "sun"), repeat=2, threshold=0.6),
    )
    record = space.run()
    assert record.sample_pass_rate == 4 / 6
    assert [c.passed for c in record.cases] == [True, False, True]
    assert record.passed

    space.write(
        "suites/greet.yaml",
        suite_yaml(("a", "world", "world"), ("b", "moon", "world"), ("c", "sun", "sun"), repeat=2, threshold=0.7),
    )
    assert not space.run().passed


def test_case_threshold_turns_samples_into_a_weighted_score(space: Workspace) -> None:
    """With a case `threshold`, a sample passes when the weighted score reaches it even if an assertion fails."""
    suite = """\
prompt: greet
cases:
  - id: weighted
    vars: {who: world}
    threshold: 0.75
    assert:
      - {type: contains, value: hello, weight: 3}
      - {type: contains, value: nowhere, weight: 1}
  - id: too-strict
    vars: {who: world}
    threshold: 0.8
    assert:
      - {type: contains, value: hello, weight: 3}
      - {type: contains, value: nowhere, weight: 1}
  - id: all-must-pass
    vars: {who: world}
    assert:
      - {type: contains, value: hello, weight: 3}
      - {type: contains, value: nowhere, weight: 1}
"""
    space.write("suites/greet.yaml", suite)
    weighted, strict, plain = space.run().cases
    assert weighted.samples[0].score == 0.75
    assert weighted.passed
    assert not strict.passed
    assert not plain.passed and plain.samples[0].score == 0.75


def test_a_weight_zero_assertion_is_shown_but_decides_nothing(space: Workspace) -> None:
    suite = """\
prompt: greet
cases:
  - id: informational
    vars: {who: world}
    assert:
      - {type: contains, value: hello}
      - {type: contains, value: nowhere, weight: 0}
  - id: counted
    vars: {who: world}
    assert:
      - {type: contains, value: nowhere}
      - {type: contains, value: elsewhere, weight: 0}
"""
    space.write("suites/greet.yaml", suite)
    informational, counted = space.run().cases
    [sample] = informational.samples
    assert sample.passed and sample.score == 1.0
    assert [a.passed for a in sample.assertions] == [True, False]  # still evaluated and reported
    assert not counted.passed and counted.samples[0].score == 0.0


def test_provider_error_is_a_sample_error_never_cached_nor_recorded(space: Workspace) -> None:
    space.use_python("broken")
    space.write("suites/greet.yaml", suite_yaml(("fine", "world", "world"), ("bad", "boom", "boom")))
    first = space.run(record="new")

    fine, bad = first.cases
    assert fine.status == "pass"
    assert bad.status == "error" and bad.samples[0].assertions == []
    assert "ValueError: backend exploded" in (bad.samples[0].error or "")
    assert not first.passed
    recorded = {e.case for e in space.recording_file().entries.values()}
    assert recorded == {"fine"}

    second = space.run(record="new")
    assert second.cases[1].status == "error"
    assert space.calls("broken") == 3  # fine once, then the error asked for again: nothing kept it


def _crash(spec: AssertionSpec, ctx: AssertionContext) -> AssertionResult:
    raise RuntimeError("plugin bug")


def test_a_crashing_assertion_fails_only_itself(space: Workspace) -> None:
    registry = AssertionRegistry()
    register_builtins(registry)
    registry.register("crash", _crash)
    space.write(
        "suites/greet.yaml",
        "prompt: greet\ncases:\n  - id: c\n    vars: {who: world}\n"
        "    assert: [{type: crash}, {type: contains, value: world}]\n"
        "  - id: ok\n    vars: {who: world}\n    assert: [{type: contains, value: world}]\n",
    )
    project = load_project(space.root)
    suite = load_suite_file(space.root / "suites/greet.yaml")
    prompt = load_prompt_file(space.root / "prompts/greet.yaml")
    session = space.session()
    plan = RunPlan(suite=suite, prompt=prompt, target=session.target_for(prompt))
    services = Services(providers=session.provider, registry=registry, root=str(project.root))

    (record,) = asyncio.run(Runner(services).run([plan]))

    crashed, ok = record.cases
    first, second = crashed.samples[0].assertions
    assert not first.passed and first.reason == "assertion crashed: RuntimeError: plugin bug"
    assert second.passed
    assert crashed.status == "fail" and crashed.errors == 0
    assert ok.status == "pass"


def test_progress_counts_every_sample(space: Workspace) -> None:
    seen: list[int] = []
    session = space.session(repeat=3)
    from promptops.session import load_suites

    plans = session.plans(load_suites(session.suite_paths()))
    session.run(plans, progress=seen.append)
    session.close()
    assert sum(seen) == 9


def test_concurrency_option_reaches_the_provider(served: Workspace, server: MockOpenAI) -> None:
    """`--concurrency 12` allows 12 requests in flight, past the provider's configured default of 8."""
    server.latency = 0.05
    served.write("suites/greet.yaml", suite_yaml(*[(f"c{i}", f"w{i}", "hello") for i in range(24)]))
    served.run(concurrency=12, record="off")
    assert server.max_in_flight == 12


def test_cases_are_asked_in_suite_order_with_the_limit_kept_busy(served: Workspace, server: MockOpenAI) -> None:
    """A few workers take the cases in file order: one at a time asks in order, four at a time keep four in flight."""
    server.latency = 0.02
    served.write("suites/greet.yaml", suite_yaml(*[(f"c{i}", f"w{i}", "w") for i in range(10)]))
    served.run(concurrency=1, record="off")
    asked = [r.body["messages"][-1]["content"] for r in server.requests]
    assert asked == [f"hello w{i}" for i in range(10)]
    assert server.max_in_flight == 1
    served.run(concurrency=4, record="off", no_cache=True)
    assert server.max_in_flight == 4
    assert len(server.requests) == 20


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(space: Workspace) -> None:
    import os

    from promptops.config import load_project
    from promptops.workspace import load_working_prompt

    path = space.root / "prompts" / "greet.yaml"
    project = load_project(space.root)
    first = load_working_prompt(project, "greet")
    stat = path.stat()
    path.write_text(path.read_text().replace("hello", "howdy")[: stat.st_size].ljust(stat.st_size), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # as `cp -p`, or an edit within one clock tick
    second = load_working_prompt(project, "greet")
    assert first.render(who="x")[0]["content"] == "hello x"
    assert second.render(who="x")[0]["content"] == "howdy x"
