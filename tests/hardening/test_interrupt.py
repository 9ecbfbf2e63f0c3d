"""Ctrl-C mid-run: exit 130, no traceback, finished cases kept, and the next run resumes from the cache."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from promptops.testing import MockOpenAI
from tests.hardening.harness import cached_questions, completion_requests, integrity, mock_project, run_cli, store_cases

CASES = 16
FINISHED = 7
HUNG_REQUEST_TIMEOUT = 120.0  # seconds the client waits on a hung request: longer than the whole test


def wait_for(condition: object, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.02)


def _hear_ctrl_c() -> None:
    """Ctrl-C reaches the run even when the tests themselves run as a background job, whose shell starts children
    with SIGINT ignored (a Python that starts so never raises KeyboardInterrupt)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_sigint_keeps_finished_cases_and_the_next_run_resumes(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "OPENAI_API_KEY", "OPENAI_BASE_URL")}
    # The first FINISHED cases are answered; the two requests after them hang until the server closes, and the
    # client waits for them far longer than the test takes (with a 1 s client timeout, retries would finish the run
    # about a second later), so the run is still going when Ctrl-C arrives, however slow the machine.
    with MockOpenAI(latency=0.05, faults=["ok"] * FINISHED + ["timeout"] * 2) as server:
        root = mock_project(tmp_path / "p", server.url, CASES, concurrency=2, timeout=HUNG_REQUEST_TIMEOUT)
        process = subprocess.Popen(
            [sys.executable, "-m", "promptops.cli.main", "run", "--format", "json"],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=_hear_ctrl_c,
        )
        wait_for(lambda: len(completion_requests(server)) >= FINISHED + 2, timeout=30)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
        assert process.returncode == 130, err
        assert "Traceback" not in err and "interrupted" in err

        stored = store_cases(root)
        cached = cached_questions(root)
        assert stored and all(status == "interrupted" for status, _, _ in stored)
        assert len(stored) < CASES
        # Every case the store holds has its completion cached, and every cached completion was stored.
        assert sorted(f"question {cid[1:]}" for _, cid, _ in stored) == cached
        assert integrity(root / ".promptops" / "store.sqlite") == "ok"

        asked_before = len(completion_requests(server))
        again = run_cli(["run", "--format", "json"], root)
        assert again.code == 0, again.text
        asked = completion_requests(server)[asked_before:]
        assert sorted(asked) == sorted(f"question {i}" for i in range(CASES) if f"question {i}" not in cached)
    assert {cid for status, cid, _ in store_cases(root) if status == "complete"} == {f"c{i}" for i in range(CASES)}
