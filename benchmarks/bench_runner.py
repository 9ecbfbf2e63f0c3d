"""Runner benchmark: N cases × 3 assertions against the loopback mock server, via `promptops run` and `pytest`.

Usage: .venv/bin/python benchmarks/bench_runner.py [--cases 1000] [--latency 0.05] [--concurrency 16]
       [--scaling 100,1000,10000] [--scaling-latency 0.05] [--runs 3] [--profile]

Each figure is the fastest of `--runs` tries (the machine is shared; the load average is printed with the table).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from promptops.testing import MockOpenAI

VENV_BIN = Path(sys.executable).parent
TIME = shutil.which("time", path="/usr/bin") or ""


@dataclass(frozen=True)
class Measure:
    """One timed command: wall seconds, CPU seconds (user + system), peak RSS of the child in MB, exit status."""

    seconds: float
    cpu: float
    rss_mb: float
    code: int


def write_project(root: Path, cases: int, url: str, concurrency: int) -> None:
    """A project whose one prompt runs on the mock server and whose suite has `cases` cases × 3 assertions."""
    (root / "prompts").mkdir(parents=True)
    (root / "suites").mkdir()
    (root / "pyproject.toml").write_text(
        f'[tool.promptops]\nbase_url = "{url}"\nconcurrency = {concurrency}\nrecord = "off"\n'
        "[tool.pytest.ini_options]\ntestpaths = ['suites']\n",
        encoding="utf-8",
    )
    (root / "prompts" / "greet.yaml").write_text(
        "name: greet\nversion: 1\nmodel: {provider: openai, name: mock-model, params: {temperature: 0}}\n"
        "variables:\n  who: {type: string, required: true}\n"
        "messages:\n  - role: system\n    content: Answer briefly.\n  - role: user\n    content: 'hello {{ who }}'\n",
        encoding="utf-8",
    )
    lines = ["prompt: greet", "cases:"]
    for i in range(cases):
        lines += [
            f"  - id: case-{i}",
            f"    vars: {{who: person {i}}}",
            "    assert:",
            "      - {type: icontains, value: hello}",
            f"      - {{type: contains, value: 'person {i}'}}",
            "      - {type: not-contains, value: 'as an ai'}",
        ]
    (root / "suites" / "greet.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def child_env() -> dict[str, str]:
    """The environment of measured commands: bytecode cached outside the repo, as a user's install has it."""
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(Path(tempfile.gettempdir()) / "promptops-bench-pycache")}
    for name in ("PYTHONDONTWRITEBYTECODE", "CI"):
        env.pop(name, None)
    return env


def timed(command: list[str], cwd: Path) -> Measure:
    """Run `command` in `cwd`; peak RSS from /usr/bin/time when present, else from getrusage(RUSAGE_CHILDREN)."""
    import resource

    env = child_env()
    wrapped = [TIME, "-f", "__rss_kb__ %M %U %S", *command] if TIME else command
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(wrapped, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    marker = [line for line in done.stderr.splitlines() if line.startswith("__rss_kb__")]
    # Without /usr/bin/time, ru_maxrss is the largest child so far: exact for the first run, an upper bound after.
    rss_kb = float(marker[-1].split()[1]) if marker else float(after.ru_maxrss)
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stdout[-2000:] + done.stderr[-2000:])
    return Measure(seconds, cpu, rss_kb / 1024, done.returncode)


def promptops_run(root: Path, concurrency: int) -> Measure:
    return timed([str(VENV_BIN / "promptops"), "run", "--concurrency", str(concurrency)], root)


def pytest_run(root: Path) -> Measure:
    # hypothesis (a dev tool, not a promptops dependency) imports itself in every session's terminal summary.
    plugins = ["-p", "no:cacheprovider", "-p", "no:hypothesispytest"]
    return timed([str(VENV_BIN / "python"), "-m", "pytest", "-q", *plugins, "suites"], root)


def reset_store(root: Path) -> None:
    shutil.rmtree(root / ".promptops", ignore_errors=True)


def cold_and_warm(tool: str, cases: int, latency: float, concurrency: int) -> tuple[Measure, Measure, int]:
    """Cold run on an empty cache, then a warm re-run; returns both and the requests the server saw."""
    with MockOpenAI(latency=latency) as server, tempfile.TemporaryDirectory(prefix="bench-runner-") as tmp:
        root = Path(tmp)
        write_project(root, cases, server.url, concurrency)
        run = promptops_run if tool == "promptops run" else lambda r, _c: pytest_run(r)
        cold = run(root, concurrency)
        requests = len(server.requests)
        warm = run(root, concurrency)
        return cold, warm, requests


def best_of(runs: int, tool: str, cases: int, latency: float, concurrency: int) -> tuple[Measure, Measure, int]:
    """The fastest cold and the fastest warm run out of `runs` fresh projects."""
    tries = [cold_and_warm(tool, cases, latency, concurrency) for _ in range(runs)]
    cold = min((t[0] for t in tries), key=lambda m: m.seconds)
    warm = min((t[1] for t in tries), key=lambda m: m.seconds)
    return cold, warm, tries[0][2]


def profile_in_process(cases: int, latency: float, concurrency: int) -> None:
    """cProfile of one cold `promptops run` in this process; prints the top functions by own time."""
    from promptops.cli.main import main

    with MockOpenAI(latency=latency) as server, tempfile.TemporaryDirectory(prefix="bench-profile-") as tmp:
        root = Path(tmp)
        write_project(root, cases, server.url, concurrency)
        os.chdir(root)
        profiler = cProfile.Profile()
        profiler.runcall(main, ["run", "--format", "json", "--output", str(root / "report.json")])
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--scaling", default="100,1000,10000", help="case counts for the growth table ('' to skip)")
    parser.add_argument("--scaling-latency", type=float, default=0.05)
    parser.add_argument("--runs", type=int, default=3, help="tries per figure; the fastest is shown")
    parser.add_argument("--profile", action="store_true", help="profile one cold run in-process and stop")
    args = parser.parse_args()
    if args.profile:
        profile_in_process(args.cases, args.latency, args.concurrency)
        return 0
    ideal = args.cases * args.latency / args.concurrency
    cold_and_warm("promptops run", 10, 0.0, args.concurrency)  # untimed: fills the bytecode cache
    cold_and_warm("pytest", 10, 0.0, args.concurrency)
    print(f"{args.cases} cases × 3 assertions, mock latency {args.latency * 1000:g} ms, concurrency {args.concurrency}")
    print(f"ideal cold time {ideal:.2f} s; targets: cold ≤ {1.3 * ideal:.2f} s and ≤ 200 MB, warm ≤ 1.5 s\n")
    print("| tool | cold s | cold / ideal | cold CPU s | cold RSS MB | warm s | warm CPU s | warm RSS MB | requests |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for tool in ("promptops run", "pytest"):
        cold, warm, requests = best_of(args.runs, tool, args.cases, args.latency, args.concurrency)
        print(
            f"| {tool} | {cold.seconds:.2f} | {cold.seconds / ideal:.2f}× | {cold.cpu:.2f} | {cold.rss_mb:.0f} | "
            f"{warm.seconds:.2f} | {warm.cpu:.2f} | {warm.rss_mb:.0f} | {requests} |",
            flush=True,
        )
    sizes = [int(s) for s in args.scaling.split(",") if s.strip()]
    if sizes:
        lat = args.scaling_latency
        print(f"\ngrowth of `promptops run` (latency {lat * 1000:g} ms, concurrency {args.concurrency})\n")
        print("| cases | cold s | ideal s | cold / ideal | cold RSS MB | warm s | warm RSS MB |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for n in sizes:
            cold, warm, _ = best_of(1 if n > 1000 else args.runs, "promptops run", n, lat, args.concurrency)
            ideal_n = n * lat / args.concurrency
            print(
                f"| {n} | {cold.seconds:.2f} | {ideal_n:.2f} | {cold.seconds / ideal_n:.2f}× | {cold.rss_mb:.0f} | "
                f"{warm.seconds:.2f} | {warm.rss_mb:.0f} |",
                flush=True,
            )
    print("\nload average (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
