"""Several writers on one store, cache and recordings at once, one of them killed mid-run: nothing corrupt or lost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from promptops.recordings import read_recordings
from promptops.testing import MockOpenAI
from tests.hardening.harness import (
    artefact_problems,
    completed_case_ids,
    completion_requests,
    mock_project,
    scrubbed_env,
    store_cases,
    xdist_crash_trial,
)

CASES = 32


def test_xdist_workers_with_one_killed(tmp_path: Path) -> None:
    with MockOpenAI(latency=0.15) as server:
        root = mock_project(tmp_path / "p", server.url, CASES, concurrency=2, pytest_suite_dir=True)
        trial = xdist_crash_trial(root, server, CASES, kill_after=10)
    assert trial.killed
    assert trial.corruptions == []
    assert trial.reported_passed, "no test item reported a pass before the kill"
    assert trial.lost == set()
    assert trial.rerun_code == 0
    assert completed_case_ids(root) >= {f"c{i}" for i in range(CASES)}


def test_two_run_processes_at_once(tmp_path: Path) -> None:
    with MockOpenAI(latency=0.05) as server:
        root = mock_project(tmp_path / "p", server.url, CASES, concurrency=4)
        command = [sys.executable, "-m", "promptops.cli.main", "run", "--format", "json"]
        runs = [
            subprocess.Popen(command, cwd=root, env=scrubbed_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(2)
        ]
        results = [run.communicate(timeout=60) for run in runs]
        asked = len(completion_requests(server))
    for run, (_, err) in zip(runs, results, strict=True):
        assert run.returncode == 0, err.decode()
        assert b"Traceback" not in err
    assert artefact_problems(root) == []
    stored = store_cases(root)
    assert len(stored) == 2 * CASES and all(status == "complete" for status, _, _ in stored)
    assert len(read_recordings(root / "suites" / "recordings" / "support.jsonl")) == CASES
    assert CASES <= asked <= 2 * CASES
