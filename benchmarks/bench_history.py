"""Benchmark: read the history of a prompt with 500 commits (one rename) and resolve `name@N`; target < 1 s each.

Run: .venv/bin/python benchmarks/bench_history.py [--commits 500]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from promptops.config import load_project
from promptops.githistory import prompt_history, resolve_ref

TARGET_SECONDS = 1.0
PROMPT = """\
name: support
version: {version}
description: Edit {index}.
model: {{provider: echo, name: echo}}
variables:
  question: {{type: string}}
messages:
  - role: system
    content: You are a support agent. Revision {index}.
  - role: user
    content: "{{{{ question }}}}"
"""


def fast_import_stream(commits: int) -> bytes:
    """A `git fast-import` stream: one prompt edited `commits` times, renamed half way, a new version every 5 edits."""
    parts: list[bytes] = []
    for index in range(commits):
        path = "prompts/old-support.yaml" if index < commits // 2 else "prompts/support.yaml"
        content = PROMPT.format(version=index // 5 + 1, index=index).encode()
        message = f"edit {index}".encode()
        stamp = f"{1_700_000_000 + index * 60} +0000"
        parts.append(b"commit refs/heads/main\n")
        parts.append(
            f"author Bench <bench@example.com> {stamp}\ncommitter Bench <bench@example.com> {stamp}\n".encode()
        )
        parts.append(b"data %d\n%s\n" % (len(message), message))
        if index == commits // 2:
            parts.append(b"R prompts/old-support.yaml prompts/support.yaml\n")
        parts.append(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(content), content))
    return b"".join(parts)


def build_repo(root: Path, commits: int) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")} | {"GIT_CONFIG_NOSYSTEM": "1"}
    for args, stdin in (
        (["init", "-q", "-b", "main"], None),
        (["fast-import", "--quiet"], fast_import_stream(commits)),
        (["reset", "-q", "--hard", "main"], None),
    ):
        subprocess.run(["git", *args], cwd=root, env=env, input=stdin, check=True)


def median_seconds(action: Callable[[], object], runs: int = 5) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--commits", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        build_repo(root, args.commits)
        project = load_project(root)
        versions = prompt_history(project, "support")
        assert len(versions) == args.commits, f"expected {args.commits} versions, got {len(versions)}"
        assert versions[-1].path == "prompts/old-support.yaml", "the rename was not followed"
        results = {
            f"history ({len(versions)} commits)": median_seconds(lambda: prompt_history(project, "support")),
            "resolve support@1 (oldest version, before the rename)": median_seconds(
                lambda: resolve_ref(project, "support@1")
            ),
            f"resolve support@{versions[0].version} (newest version)": median_seconds(
                lambda: resolve_ref(project, f"support@{versions[0].version}")
            ),
            "resolve support@HEAD~400 (rev, before the rename)": median_seconds(
                lambda: resolve_ref(project, f"support@HEAD~{min(400, args.commits - 1)}")
            ),
        }
    slow = False
    for label, seconds in results.items():
        verdict = "ok" if seconds < TARGET_SECONDS else "SLOW"
        slow |= seconds >= TARGET_SECONDS
        print(f"{label:<58} {seconds:7.3f} s  [{verdict}, target < {TARGET_SECONDS:.0f} s, median of 5]")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
