"""Throwaway promptops projects in every git state, tree snapshots, and the CLI run in-process; no pytest here.

Shared by the hardening tests and `benchmarks/hardening_figures.py`.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.cli.helpers import SUITE

PROMPT = """\
version: 1
description: Answers a question.
model: {provider: echo, name: echo}
variables:
  question: {type: string, required: true}
messages:
  - role: system
    content: You are helpful.
  - role: user
    content: "{{ question }}"
"""

PYPROJECT = """\
[project]
name = "demo"

[tool.promptops]
concurrency = 4
"""

GIT_STATES = ("committed", "none", "no_commits", "shallow", "detached", "merge")
Files = Mapping[str, str | bytes]


def git(root: Path, *args: str) -> str:
    """Run git with a scrubbed, deterministic environment; raise on failure."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Ada",
        GIT_AUTHOR_EMAIL="ada@example.com",
        GIT_COMMITTER_NAME="Ada",
        GIT_COMMITTER_EMAIL="ada@example.com",
        GIT_AUTHOR_DATE="@1700000000 +0000",
        GIT_COMMITTER_DATE="@1700000000 +0000",
    )
    done = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)} failed: {done.stderr}")
    return done.stdout


def write_files(root: Path, files: Files) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def _commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "-c", "commit.gpgsign=false", "commit", "-q", "--allow-empty", "-m", message)


def _init(root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q", "-b", "main")


def build_project(root: Path, state: str = "committed") -> Path:
    """A valid project (prompt `support` at versions 1 and 2, one suite) in the given git state."""
    base = {"pyproject.toml": PYPROJECT, "prompts/support.yaml": PROMPT, "suites/support.yaml": SUITE}
    v2 = PROMPT.replace("version: 1", "version: 2").replace("You are helpful.", "You are very helpful.")
    if state == "none":
        root.mkdir(parents=True)
        write_files(root, base)
    elif state == "no_commits":
        _init(root)
        write_files(root, base)
    elif state == "shallow":
        source = root.parent / f".{root.name}-origin"
        build_project(source, "committed")
        git(root.parent, "clone", "-q", "--depth", "1", f"file://{source}", root.name)
    elif state in ("committed", "detached", "merge"):
        _init(root)
        write_files(root, base)
        _commit(root, "support v1")
        write_files(root, {"prompts/support.yaml": v2})
        _commit(root, "support v2")
        if state == "detached":
            git(root, "checkout", "-q", "--detach", "HEAD~1")
        elif state == "merge":
            git(root, "checkout", "-q", "-b", "other", "HEAD~1")
            write_files(root, {"prompts/support.yaml": v2.replace("very", "extremely")})
            _commit(root, "other")
            git(root, "checkout", "-q", "main")
            with contextlib.suppress(RuntimeError):  # the conflict is the point
                git(root, "merge", "-q", "other")
    else:
        raise ValueError(f"unknown git state {state!r}")
    return root


class ProjectTemplates:
    """One built project per git state, copied for each use (git subprocesses are the slow part)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._built: dict[str, Path] = {}

    def copy(self, state: str, dest: Path, files: Files = {}) -> Path:  # noqa: B006 - read-only default
        if state not in self._built:
            self._built[state] = build_project(self.directory / state, state)
        shutil.copytree(self._built[state], dest, symlinks=True)
        write_files(dest, files)
        return dest


Snapshot = dict[str, tuple[str, int]]


def snapshot(root: Path) -> Snapshot:
    """Every file and directory under `root` with its content hash (files) and mtime."""
    found: Snapshot = {}
    for path in [root, *root.rglob("*")]:
        stat = path.lstat()
        rel = path.relative_to(root).as_posix()
        if path.is_file() and not path.is_symlink():
            found[rel] = (hashlib.sha256(path.read_bytes()).hexdigest(), stat.st_mtime_ns)
        else:
            found[rel] = ("dir" if path.is_dir() else "other", stat.st_mtime_ns)
    return found


def changes(before: Snapshot, after: Snapshot) -> list[str]:
    """Paths created, deleted or modified between two snapshots."""
    created = [f"created {p}" for p in sorted(after.keys() - before.keys())]
    deleted = [f"deleted {p}" for p in sorted(before.keys() - after.keys())]
    modified = [f"modified {p}" for p in sorted(before.keys() & after.keys()) if before[p] != after[p]]
    return created + deleted + modified


@dataclass
class CliResult:
    """What a user sees: exit status, stdout and stderr."""

    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


@contextlib.contextmanager
def working_directory(path: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def run_cli(argv: list[str], cwd: Path) -> CliResult:
    """`promptops ARGV` through `promptops.cli.main.main` in-process, in `cwd`, with output captured."""
    from promptops.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with working_directory(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return CliResult(code, out.getvalue(), err.getvalue())


def run_entry_point(argv: list[str], cwd: Path, env: Mapping[str, str] | None = None, timeout: float = 60) -> CliResult:
    """`promptops ARGV` in a subprocess, as a user runs it."""
    done = subprocess.run(
        [sys.executable, "-m", "promptops.cli.main", *argv],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )
    return CliResult(done.returncode, done.stdout, done.stderr)


MOCK_PROMPT = """\
version: 1
model: {provider: openai, name: mock-model, params: {temperature: 0}}
variables:
  question: {type: string, required: true}
messages:
  - role: system
    content: Answer briefly.
  - role: user
    content: "{{ question }}"
"""


def mock_project(
    root: Path,
    base_url: str,
    cases: int,
    *,
    retries: int = 2,
    timeout: float = 1.0,
    concurrency: int = 1,
    failing: tuple[int, ...] = (),
    pytest_suite_dir: bool = False,
) -> Path:
    """A project whose prompt runs on the `openai` provider at `base_url`; case `cI` asks `question I`.

    The mock server echoes the question, so every case passes except those in `failing`, whose assertion
    expects text that never comes back (an assertion failure, not an error).
    """
    lines = ["prompt: support", "cases:"]
    for i in range(cases):
        expected = "never-in-the-answer" if i in failing else f"question {i}"
        lines += [
            f"  - id: c{i}",
            f'    vars: {{question: "question {i}"}}',
            f"    assert: [{{type: icontains, value: '{expected}'}}]",
        ]
    config = (
        f'[tool.promptops]\nbase_url = "{base_url}"\nretries = {retries}\ntimeout = {timeout}\n'
        f'concurrency = {concurrency}\nrecord = "new"\n'
    )
    if pytest_suite_dir:
        config += '\n[tool.pytest.ini_options]\ntestpaths = ["suites"]\n'
    root.mkdir(parents=True, exist_ok=True)
    write_files(
        root,
        {"pyproject.toml": config, "prompts/support.yaml": MOCK_PROMPT, "suites/support.yaml": "\n".join(lines) + "\n"},
    )
    return root


def store_cases(root: Path) -> list[tuple[str, str, str | None]]:
    """(run status, case id, error of sample 0) of every stored case, read straight from SQLite."""
    import sqlite3

    path = root / ".promptops" / "store.sqlite"
    if not path.exists():
        return []
    with contextlib.closing(sqlite3.connect(path)) as conn:
        rows = conn.execute(
            "SELECT r.status, c.case_id, s.error FROM cases c JOIN runs r ON r.id = c.run_id "
            "LEFT JOIN samples s ON s.run_id = c.run_id AND s.case_id = c.case_id AND s.sample = 0"
        ).fetchall()
    return [(str(r[0]), str(r[1]), r[2]) for r in rows]


def cached_questions(root: Path) -> list[str]:
    """The answer texts in the completion cache (the mock echoes the question, so these name the cases)."""
    import json
    import sqlite3

    path = root / ".promptops" / "cache.sqlite"
    if not path.exists():
        return []
    with contextlib.closing(sqlite3.connect(path)) as conn:
        rows = conn.execute("SELECT output FROM completions").fetchall()
    return sorted(json.loads(r[0])["text"] for r in rows)


def integrity(path: Path) -> str:
    import sqlite3

    with contextlib.closing(sqlite3.connect(path)) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def completion_requests(server: Any) -> list[str]:
    """The question of every whole completion request a MockOpenAI received, in order.

    A client interrupted while sending leaves a request without a readable body; it asked nothing.
    """
    return [
        r.body["messages"][-1]["content"]
        for r in server.requests
        if r.path.endswith("/chat/completions") and isinstance(r.body, dict)
    ]


def child_pids(pid: int) -> list[int]:
    """Direct children of `pid`, from /proc (no psutil needed)."""
    found: list[int] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name may hold spaces and parentheses; the parent pid follows the last ')'.
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


def artefact_problems(root: Path) -> list[str]:
    """Corruption in a project's stores and recordings: failed integrity checks, unreadable JSONL lines."""
    from promptops.errors import InputError
    from promptops.recordings import read_recordings

    problems: list[str] = []
    for name in ("store.sqlite", "cache.sqlite"):
        path = root / ".promptops" / name
        if path.exists():
            verdict = integrity(path)
            if verdict != "ok":
                problems.append(f"{name}: {verdict}")
    for path in sorted((root / "suites" / "recordings").glob("*.jsonl")):
        try:
            read_recordings(path)
        except InputError as exc:
            problems.append(str(exc))
    return problems


def passed_in_junit(path: Path) -> set[str]:
    """Case ids of the test items a junit XML report says passed (`c3[support]` -> `c3`)."""
    import xml.etree.ElementTree as ElementTree

    if not path.exists():
        return set()
    passed: set[str] = set()
    for case in ElementTree.parse(path).getroot().iter("testcase"):
        if not any(child.tag in ("failure", "error", "skipped") for child in case):
            passed.add(case.attrib["name"].split("[", 1)[0])
    return passed


def completed_case_ids(root: Path) -> set[str]:
    return {cid for status, cid, _ in store_cases(root) if status == "complete"}


@dataclass
class CrashTrial:
    """What one crash trial left behind."""

    killed: bool
    corruptions: list[str]
    reported_passed: set[str]
    lost: set[str]
    rerun_code: int


def scrubbed_env() -> dict[str, str]:
    return {
        k: v for k, v in os.environ.items() if k not in ("CI", "OPENAI_API_KEY", "OPENAI_BASE_URL", "PYTEST_ADDOPTS")
    }


def xdist_crash_trial(root: Path, server: Any, cases: int, *, kill_after: int) -> CrashTrial:
    """`pytest -n 4` over the project; SIGKILL one worker once the server saw `kill_after` requests."""
    import signal
    import time

    junit = root / "junit.xml"
    process = subprocess.Popen(
        [sys.executable, "-m", "pytest", "-n", "4", "-q", "-p", "no:cacheprovider", f"--junitxml={junit}"],
        cwd=root,
        env=scrubbed_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    killed = False
    deadline = time.monotonic() + 90
    while process.poll() is None and time.monotonic() < deadline:
        if not killed and len(completion_requests(server)) >= kill_after:
            workers = child_pids(process.pid)
            if workers:
                os.kill(workers[0], signal.SIGKILL)
                killed = True
        time.sleep(0.02)
    process.communicate(timeout=60)
    reported = passed_in_junit(junit)
    junit.unlink(missing_ok=True)
    lost = reported - completed_case_ids(root)
    corruptions = artefact_problems(root)
    rerun = run_cli(["run", "--format", "json"], root)
    return CrashTrial(killed, corruptions + artefact_problems(root), reported, lost, rerun.code)
