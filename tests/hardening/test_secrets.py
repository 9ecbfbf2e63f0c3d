"""The API key never lands in any artefact of a run: recordings, stores (WAL included), reports, output, junit XML."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from promptops.providers.http import MAX_SERVER_MESSAGE
from promptops.testing import Fault, MockOpenAI
from tests.hardening.harness import CliResult, mock_project, run_cli, scrubbed_env

MARKER = f"sk-hardening-{uuid.uuid4().hex}"
# A prefix long enough to identify the key: a message cut in the middle of the key must not leak it either.
NEEDLES = [MARKER, MARKER[:20], f"Bearer {MARKER[:20]}"]


def echoing(status: int, *, pad: int = 0) -> Fault:
    """An error whose body echoes the request headers (authorization included), after `pad` characters."""
    return Fault("status", status=status, message="x" * pad, echo_headers=True)


def straddling(server: MockOpenAI) -> int:
    """Padding that puts the echoed key across the point where a server message is cut short."""
    headers = json.dumps(server.requests[-1].headers)
    cut = MAX_SERVER_MESSAGE - 3
    return cut - 1 - headers.index(MARKER) - len(MARKER) // 2


def faults_for_one_run(pad: int) -> list[Fault | str]:
    """Three cases end in errors: 500 then 503 (retries = 1), 429 then 401, and 400; every body echoes the key."""
    return [echoing(500), echoing(503, pad=pad), echoing(429), echoing(401, pad=pad), echoing(400, pad=pad)]


def leaks(text: str | bytes) -> list[str]:
    data = text.encode() if isinstance(text, str) else text
    return [n for n in NEEDLES if n.encode() in data]


@pytest.fixture
def keyed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", MARKER)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


@pytest.mark.usefixtures("keyed")
def test_key_never_lands_in_any_artefact(tmp_path: Path) -> None:
    commands = [
        ["run", "--format", "json"],
        ["run", "--format", "markdown"],
        ["run", "-v"],
        ["run", "--output", "report.md"],
        ["run", "--format", "json", "--output", "report.json"],
    ]
    seen: list[CliResult] = []
    with MockOpenAI() as server:
        root = mock_project(tmp_path / "p", server.url, 6, retries=1)
        seen.append(run_cli(["run"], root))
        # Open connections keep the write-ahead logs on disk after each run, so they are scanned too.
        held = [sqlite3.connect(root / ".promptops" / name) for name in ("store.sqlite", "cache.sqlite")]
        for connection in held:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        pad = straddling(server)
        for argv in commands:
            server.fail(*faults_for_one_run(pad))
            seen.append(run_cli([*argv, "--no-cache", "--record", "all"], root))
        server.fail(*faults_for_one_run(pad))
        junit = root / "junit.xml"
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "--promptops-record=all",
                f"--junitxml={junit}",
            ],
            cwd=root,
            env={**scrubbed_env(), "OPENAI_API_KEY": MARKER},
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        files = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
        for connection in held:
            connection.close()
        sent = [r.headers.get("authorization") for r in server.requests]
        echoed = [r for r in server.requests if r.fault is not None and r.fault.echo_headers]

    # The key was really used, and really echoed back by the faulty server ...
    assert sent and all(value == f"Bearer {MARKER}" for value in sent)
    assert len(echoed) >= 5 * len(commands)
    # ... the runs saw those errors ...
    assert seen[0].code == 0 and all(result.code == 1 for result in seen[1:]), [r.err for r in seen]
    assert "HTTP 401" in seen[1].out
    assert "HTTP 401" in junit.read_text()
    assert json.loads(seen[1].out)[0]["errors"] == 3
    # ... and no artefact holds it.
    for result in seen:
        assert leaks(result.out) == [] and leaks(result.err) == []
    assert leaks(done.stdout) == [] and leaks(done.stderr) == []
    names = {p.name for p in files}
    assert names >= {
        "store.sqlite",
        "store.sqlite-wal",
        "cache.sqlite-wal",
        "support.jsonl",
        "report.md",
        "report.json",
    }
    assert {str(p.relative_to(root)): leaks(data) for p, data in files.items() if leaks(data)} == {}
