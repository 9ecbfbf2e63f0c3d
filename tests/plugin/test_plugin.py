"""The pytest plugin through pytester: collection, failure output, selection options, xdist and fixtures."""

from __future__ import annotations

import json
import sqlite3
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

import pytest

from promptops.cli.main import main
from promptops.testing import MockOpenAI
from tests.engine.helpers import prompt_yaml, suite_yaml

if TYPE_CHECKING:  # the shared GitRepo; imported for types only, the fixtures come from tests/conftest.py
    from tests.gitrepo import GitRepo

IDS = ["world[greet]", "moon[greet]", "sun[greet]"]


def test_one_item_per_case_and_version(pytester: pytest.Pytester, project: GitRepo) -> None:
    result = pytester.runpytest("--collect-only", "-q", "--promptops-version", "1", "--promptops-version", "HEAD")
    collected = [line for line in result.stdout.lines if "::" in line]
    assert collected == [
        f"suites/greet.yaml::{case}[greet@{ref}]" for ref in ("1", "HEAD") for case in ("world", "moon", "sun")
    ]


def test_versions_run_their_own_prompt(pytester: pytest.Pytester, project: GitRepo) -> None:
    project.write("suites/greet.yaml", suite_yaml(("world", "world", "hello")))
    result = pytester.runpytest("--promptops-version", "1", "--promptops-version", "2", "-v")
    result.assert_outcomes(passed=1, failed=1)  # v1 says hello, v2 says goodbye
    result.stdout.fnmatch_lines(["*world[[]greet@1[]] PASSED*", "*world[[]greet@2[]] FAILED*"])
    result.stdout.fnmatch_lines(["greet × greet@1: 1/1 samples pass*", "greet × greet@2: 0/1 samples pass*"])


def test_failure_shows_prompt_output_and_expectation_without_a_stack(
    pytester: pytest.Pytester, project: GitRepo
) -> None:
    result = pytester.runpytest()
    result.assert_outcomes(passed=2, failed=1)
    text = result.stdout.str()
    result.stdout.fnmatch_lines(
        [
            "*suites/greet.yaml:8: case 'moon' on greet@2 (working tree) via echo/echo",
            "pass rate 0/1 = 0% (needs 100%)",
            "rendered prompt:",
            "  [user] goodbye moon",
            "sample 0 (FAIL, score 0.00) output:",
            "  goodbye moon",
            "  ✗ contains*world*",
        ]
    )
    assert "Traceback" not in text and "def runtest" not in text and "pytest_plugin.py" not in text


def test_reportinfo_points_at_the_case_line(pytester: pytest.Pytester, project: GitRepo) -> None:
    items, _ = pytester.inline_genitems()
    assert [item.location[:2] for item in items] == [("suites/greet.yaml", n - 1) for n in (5, 8, 11)]
    assert items[1].location[2] == "case moon on greet@2 (working tree)"


def test_summary_gives_the_wilson_interval(pytester: pytest.Pytester, project: GitRepo) -> None:
    result = pytester.runpytest("--promptops-repeat", "4")
    result.stdout.fnmatch_lines(["*= promptops =*", "greet × greet@2: 8/12 samples pass, 67% (95% CI 39%–86%)"])


def test_keyword_selection_runs_only_the_selected_case(pytester: pytest.Pytester, project: GitRepo) -> None:
    result = pytester.runpytest("-k", "sun", "--promptops-record", "off")
    result.assert_outcomes(passed=1, deselected=2)
    result.stdout.fnmatch_lines(["greet × greet@2: 1/1 samples pass*"])


def test_exitfirst_stops_at_the_first_failing_case(pytester: pytest.Pytester, project: GitRepo) -> None:
    project.write("suites/greet.yaml", suite_yaml(("a", "x", "nope"), ("b", "y", "y"), ("c", "z", "z")))
    result = pytester.runpytest("-x")
    result.assert_outcomes(failed=1)


def test_last_failed_reruns_only_the_failures(pytester: pytest.Pytester, project: GitRepo) -> None:
    pytester.runpytest("-p", "cacheprovider").assert_outcomes(passed=2, failed=1)
    rerun = pytester.runpytest("-p", "cacheprovider", "--lf", "-v")
    rerun.assert_outcomes(failed=1)
    rerun.stdout.fnmatch_lines(
        ["*run-last-failure: rerun previous 1 failure*", "suites/greet.yaml::moon[[]greet[]] FAILED*"]
    )


def test_junitxml_is_valid_and_names_the_cases(pytester: pytest.Pytester, project: GitRepo) -> None:
    pytester.runpytest("--junitxml", "out.xml")
    cases = ET.parse(pytester.path / "out.xml").getroot().iter("testcase")
    outcome = {case.get("name"): [child.tag for child in case] for case in cases}
    assert sorted(outcome) == sorted(IDS)
    assert [name for name, tags in outcome.items() if "failure" in tags] == ["moon[greet]"]


def test_xdist_gives_the_same_results_and_an_intact_store(pytester: pytest.Pytester, project: GitRepo) -> None:
    cases = [(f"c{i}", f"w{i}" if i % 3 else f"world {i}", "world") for i in range(12)]
    project.write("suites/greet.yaml", suite_yaml(*cases, repeat=2))
    serial = pytester.runpytest_subprocess("--promptops-no-cache", "-p", "no:cacheprovider")
    parallel = pytester.runpytest_subprocess("-n", "2", "--promptops-no-cache", "-p", "no:cacheprovider")
    serial.assert_outcomes(passed=4, failed=8)
    parallel.assert_outcomes(passed=4, failed=8)
    parallel.stdout.fnmatch_lines(["greet × greet@2: 8/24 samples pass*"])
    with sqlite3.connect(pytester.path / ".promptops" / "store.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM samples").fetchone() == (48,)
        # the serial run is one run; both xdist workers added their cases to one shared run
        per_run = db.execute("SELECT run_id, count(*) FROM cases GROUP BY run_id ORDER BY count(*)").fetchall()
        assert [count for _, count in per_run] == [12, 12]


def test_bad_suite_is_a_one_line_collection_error(pytester: pytest.Pytester, project: GitRepo) -> None:
    project.write("suites/bad.yaml", "prompt: greet\ncases:\n  - id: a\n    vars: {whom: x}\n")
    result = pytester.runpytest()
    assert result.ret == pytest.ExitCode.INTERRUPTED
    errors = [line for line in result.stdout.lines if "suites/bad.yaml:3:" in line]
    assert errors and "unknown variable 'whom'" in errors[0]
    assert "Traceback" not in result.stdout.str()


def test_fixtures_load_a_version_and_complete_it(pytester: pytest.Pytester, project: GitRepo) -> None:
    pytester.makepyfile(
        test_handwritten="""
        def test_first_version(promptops_prompt, promptops_complete):
            prompt = promptops_prompt("greet@1")
            assert prompt.version == 1
            assert promptops_complete(prompt, who="Ada").text == "hello Ada"

        def test_working_tree(promptops_prompt, promptops_complete):
            assert promptops_complete(promptops_prompt("greet"), who="Ada").text == "goodbye Ada"
        """
    )
    result = pytester.runpytest("test_handwritten.py", "--promptops-no-suites")
    result.assert_outcomes(passed=2)


def test_a_known_failure_is_xfailed_and_a_fixed_one_xpasses(pytester: pytest.Pytester, project: GitRepo) -> None:
    suite = suite_yaml(("world", "world", "world"), ("moon", "moon", "world"), ("sun", "sun", "sun"))
    suite = suite.replace("  - id: moon\n", "  - id: moon\n    xfail: the model cannot do this yet\n")
    suite = suite.replace("  - id: sun\n", "  - id: sun\n    xfail: fixed since\n")
    project.write("suites/greet.yaml", suite)
    result = pytester.runpytest("-rxX")
    result.assert_outcomes(passed=1, xfailed=1, xpassed=1)
    result.stdout.fnmatch_lines(["*XFAIL*moon*the model cannot do this yet*"])
    result.stdout.fnmatch_lines(["greet × greet@2: 2/3 samples pass*"])  # pass rates stay honest


def test_xfail_true_marks_a_known_failure_without_a_reason(pytester: pytest.Pytester, project: GitRepo) -> None:
    suite = suite_yaml(("world", "world", "world"), ("moon", "moon", "world"), ("sun", "sun", "world"))
    suite = suite.replace("  - id: moon\n", "  - id: moon\n    xfail: true\n")
    suite = suite.replace("  - id: sun\n", "  - id: sun\n    xfail: false\n")
    project.write("suites/greet.yaml", suite)
    result = pytester.runpytest("-rxX")
    result.assert_outcomes(passed=1, xfailed=1, failed=1)
    result.stdout.fnmatch_lines(["*XFAIL*moon*known failure*"])


STREAM_CONFTEST = """
import json, time

def pytest_runtest_logreport(report):
    if report.when == "call":
        with open("reported.jsonl", "a") as log:
            log.write(json.dumps(time.monotonic()) + "\\n")
"""


def served_project(project: GitRepo, url: str, cases: int, *, failing: int | None = None) -> None:
    """The `greet` prompt on an OpenAI-compatible server at `url`, two requests at a time, `cases` cases."""
    project.write("pyproject.toml", f'[tool.promptops]\nbase_url = "{url}"\nconcurrency = 2\nrecord = "off"\n')
    project.write("prompts/greet.yaml", prompt_yaml(provider="openai", model="mock"))
    rows = [(f"c{i}", f"w{i}", "nope" if i == failing else f"w{i}") for i in range(cases)]
    project.write("suites/greet.yaml", suite_yaml(*rows))


def test_items_are_reported_while_later_cases_still_run(pytester: pytest.Pytester, project: GitRepo) -> None:
    with MockOpenAI(latency=0.15) as server:
        served_project(project, server.url, 8)
        pytester.makeconftest(STREAM_CONFTEST)
        result = pytester.runpytest("-p", "no:cacheprovider")
        received = [r.received for r in server.requests]
    result.assert_outcomes(passed=8)
    reported = [json.loads(line) for line in (pytester.path / "reported.jsonl").read_text().splitlines()]
    assert len(received) == len(reported) == 8
    # two at a time, four rounds: the first case is reported before the last request has even been sent
    assert reported[0] < received[-1]
    with sqlite3.connect(pytester.path / ".promptops" / "store.sqlite") as db:  # kept whole, for drift and advise
        assert db.execute("SELECT status, (SELECT count(*) FROM cases) FROM runs").fetchall() == [("complete", 8)]


def test_exitfirst_stops_the_requests_of_the_cases_it_skips(pytester: pytest.Pytester, project: GitRepo) -> None:
    with MockOpenAI(latency=0.15) as server:
        served_project(project, server.url, 12, failing=0)
        result = pytester.runpytest("-x", "-p", "no:cacheprovider")
        asked = len(server.requests)
    result.assert_outcomes(failed=1)
    assert asked < 12
    with sqlite3.connect(pytester.path / ".promptops" / "store.sqlite") as db:
        assert db.execute("SELECT status FROM runs").fetchall() == [("interrupted",)]
        stored = db.execute("SELECT count(*) FROM cases").fetchone()[0]
    assert 1 <= stored <= asked


def test_a_skipped_item_leaves_the_run_complete(pytester: pytest.Pytester, project: GitRepo) -> None:
    pytester.makeconftest(
        "import pytest\n"
        "def pytest_collection_modifyitems(items):\n"
        "    items[1].add_marker(pytest.mark.skip(reason='not today'))\n"
    )
    result = pytester.runpytest("-p", "no:cacheprovider", "--promptops-record", "off")
    result.assert_outcomes(passed=2, skipped=1)  # the skipped one is the failing case, moon
    with sqlite3.connect(pytester.path / ".promptops" / "store.sqlite") as db:
        assert [status for (status,) in db.execute("SELECT status FROM runs")] == ["complete"]


def test_a_keyword_selected_run_does_not_hide_the_complete_run(
    pytester: pytest.Pytester, project: GitRepo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    both = ("-p", "no:cacheprovider", "--promptops-version", "1", "--promptops-version", "2")
    pytester.runpytest(*both).assert_outcomes(passed=4, failed=2)
    pytester.runpytest(*both, "-k", "sun").assert_outcomes(passed=2, deselected=4)  # stored as the newest runs
    monkeypatch.chdir(pytester.path)
    capsys.readouterr()
    assert main(["diff", "greet@1", "greet@2", "--no-drift"]) == 0
    compared = capsys.readouterr().out
    assert "no stored run" not in compared
    assert "suite greet: pass rate 67% → 67%" in " ".join(compared.split())  # all three cases on both sides
    assert main(["advise", "greet", "--format", "json"]) == 0
    advice = json.loads(capsys.readouterr().out)
    assert [(v["version"], v["evaluated"], v["samples"]) for v in advice["versions"]] == [(1, True, 3), (2, True, 3)]


EXIT_CONFTEST = """
import pytest
from _pytest.unraisableexception import gc_collect_iterations_key

@pytest.hookimpl(tryfirst=True)
def pytest_unconfigure(config):
    print("exit collections:", config.stash.get(gc_collect_iterations_key, "default"))
"""

CYCLIC_GARBAGE_TEST = """
import gc

gc.disable()  # only pytest's own passes at its end may find the cycle (not one in the middle of an import)

class Loop:
    def __init__(self):
        self.me = self
    def __del__(self):
        raise RuntimeError("finaliser of a garbage cycle")

def test_leaves_a_cycle():
    Loop()
"""


def test_a_session_of_suite_cases_only_skips_pytest_exit_collections(
    pytester: pytest.Pytester, project: GitRepo
) -> None:
    pytester.makeconftest(EXIT_CONFTEST)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-s", "-k", "not moon")
    result.assert_outcomes(passed=2, deselected=1)
    result.stdout.fnmatch_lines(["exit collections: 0"])


def test_a_session_with_the_users_own_tests_keeps_them_and_their_reports(
    pytester: pytest.Pytester, project: GitRepo
) -> None:
    pytester.makeconftest(EXIT_CONFTEST)
    pytester.makepyfile(test_cycle=CYCLIC_GARBAGE_TEST)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-s", "-k", "not moon", "-W", "default")
    result.assert_outcomes(passed=3, deselected=1)
    result.stdout.fnmatch_lines(["exit collections: default"])
    # found by pytest's pass at its very end, after the summary: reported on stderr
    result.stderr.fnmatch_lines(["*PytestUnraisableExceptionWarning*", "*finaliser of a garbage cycle*"])


FREEZE_CONFTEST = """
import gc

def pytest_runtest_call(item):
    print("frozen during the item:", gc.get_freeze_count() > 0)

def pytest_unconfigure(config):
    print("frozen after the session:", gc.get_freeze_count() > 0)
"""


def test_the_heap_is_frozen_for_the_run_of_suite_items_and_thawed_after(
    pytester: pytest.Pytester, project: GitRepo
) -> None:
    pytester.makeconftest(FREEZE_CONFTEST)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-s", "-k", "not moon")
    result.assert_outcomes(passed=2, deselected=1)
    result.stdout.fnmatch_lines(["*frozen during the item: True*", "*frozen during the item: True*"])
    result.stdout.fnmatch_lines(["frozen after the session: False"])


def test_a_session_without_suite_items_freezes_nothing(pytester: pytest.Pytester, project: GitRepo) -> None:
    pytester.makeconftest(FREEZE_CONFTEST)
    pytester.makepyfile(test_plain="def test_plain():\n    assert True\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-s", "--promptops-no-suites")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*frozen during the item: False*", "frozen after the session: False"])


MODULE_CYCLE_TEST = """
import gc
import weakref

class Node:
    pass

node = Node()
node.me = node
gone = weakref.ref(node)
del node

def test_a_cycle_left_at_collection_is_still_collectable():
    gc.collect()
    assert gone() is None
"""


def test_a_session_with_the_users_own_tests_freezes_nothing(pytester: pytest.Pytester, project: GitRepo) -> None:
    """The user's objects stay collectable when their tests run beside suite cases."""
    pytester.makeconftest(FREEZE_CONFTEST)
    pytester.makepyfile(test_cycle=MODULE_CYCLE_TEST)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-s", "-k", "not moon")
    result.assert_outcomes(passed=3, deselected=1)
    result.stdout.fnmatch_lines(["*frozen during the item: False*"])
    result.stdout.no_fnmatch_line("*frozen during the item: True*")
