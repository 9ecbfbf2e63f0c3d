"""Provider faults through the real runner: transient ones survived, final ones reported per case as errors."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from promptops.testing import MockOpenAI
from tests.hardening.harness import cached_questions, completion_requests, mock_project, run_cli, store_cases

# What the server does to each request of each case, in case order (concurrency 1 makes the server see them
# in that order); retries = 2, so three faults in a row are final, and a 401 is final at once.
SCRIPT: list[tuple[str, ...]] = [
    ("503", "503", "ok"),
    ("429", "ok"),
    ("429:0.2", "ok"),
    ("500", "502", "ok"),
    ("malformed", "ok"),
    ("truncated", "ok"),
    ("reset", "ok"),
    ("timeout:1.2", "ok"),
    ("slow:0.3",),
    ("503", "503", "503"),
    ("401",),
    ("ok",),
]
FINAL_ERRORS = {"c9", "c10"}
ASSERTION_FAILURE = "c11"


@pytest.fixture(autouse=True)
def _no_provider_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


def test_scripted_faults_are_survived_or_reported_as_errors(tmp_path: Path) -> None:
    with MockOpenAI(faults=[f for faults in SCRIPT for f in faults]) as server:
        root = mock_project(tmp_path / "p", server.url, len(SCRIPT), timeout=0.6, failing=(11,))
        started = time.monotonic()
        result = run_cli(["run", "--format", "json"], root)
        elapsed = time.monotonic() - started
        first_requests = len(completion_requests(server))

        assert result.code == 1, result.err
        assert "Traceback" not in result.err
        assert elapsed < 30  # 2 retries per request, backoffs of at most 1 s, timeouts of 0.6 s
        assert first_requests == sum(len(faults) for faults in SCRIPT)

        (run,) = json.loads(result.out)
        cases = {c["case_id"]: c for c in run["cases_detail"]}
        assert set(cases) == {f"c{i}" for i in range(len(SCRIPT))}  # nothing lost
        errors = {cid for cid, c in cases.items() if c["samples"][0]["error"]}
        assert errors == FINAL_ERRORS
        assert "gave up after 3 attempts" in cases["c9"]["samples"][0]["error"]
        assert "HTTP 401" in cases["c10"]["samples"][0]["error"]
        assert run["errors"] == 2
        failure = cases[ASSERTION_FAILURE]["samples"][0]
        assert failure["error"] is None and not failure["passed"] and failure["assertions"][0]["passed"] is False
        assert all(cases[f"c{i}"]["samples"][0]["passed"] for i in range(9))

        # Errors are neither cached nor recorded; every finished case is stored.
        succeeded = [f"question {i}" for i in range(len(SCRIPT)) if f"c{i}" not in FINAL_ERRORS]
        assert cached_questions(root) == sorted(succeeded)
        recorded = [
            json.loads(line)["case"] for line in (root / "suites/recordings/support.jsonl").read_text().splitlines()
        ]
        assert sorted(recorded) == sorted(f"c{i}" for i in range(len(SCRIPT)) if f"c{i}" not in FINAL_ERRORS)
    stored = store_cases(root)
    assert {cid for _, cid, _ in stored} == set(cases)
    assert {cid for _, cid, error in stored if error} == FINAL_ERRORS


def test_next_run_asks_only_for_what_failed(tmp_path: Path) -> None:
    with MockOpenAI(faults=["401", "401"]) as server:
        root = mock_project(tmp_path / "p", server.url, 5)
        first = run_cli(["run", "--format", "json"], root)
        assert first.code == 1
        assert sum(c["samples"][0]["error"] is not None for c in json.loads(first.out)[0]["cases_detail"]) == 2
        asked_before = len(completion_requests(server))
        second = run_cli(["run", "--format", "json", "--record", "off"], root)
        assert second.code == 0, second.text
        assert len(completion_requests(server)) - asked_before == 2  # the three successes came from the cache


def test_terminal_report_shows_errors_per_case(tmp_path: Path) -> None:
    with MockOpenAI(faults=["503"] * 3) as server:
        root = mock_project(tmp_path / "p", server.url, 2, failing=(1,))
        result = run_cli(["run", "-v"], root)
    assert result.code == 1
    assert "c0" in result.out and "error: openai: HTTP 503" in result.out
    assert "c1" in result.out and "icontains" in result.out


def test_random_faults_lose_nothing(tmp_path: Path) -> None:
    faults = [("503", 0.08), ("429", 0.05), ("malformed", 0.05), ("reset", 0.05), ("truncated", 0.05), ("500", 0.04)]
    with MockOpenAI(random_faults=faults, seed=7) as server:
        root = mock_project(tmp_path / "p", server.url, 40, retries=4, concurrency=4)
        result = run_cli(["run", "--format", "json"], root)
        injected = server.faults_injected
    assert "Traceback" not in result.err
    (run,) = json.loads(result.out)
    cases = {c["case_id"]: c for c in run["cases_detail"]}
    assert len(cases) == 40 and injected > 5
    errors = {cid for cid, c in cases.items() if c["samples"][0]["error"]}
    assert result.code == (1 if errors else 0)
    assert all(c["samples"][0]["passed"] for cid, c in cases.items() if cid not in errors)
    assert len(cached_questions(root)) == 40 - len(errors)
    assert {cid for _, cid, _ in store_cases(root)} == set(cases)
