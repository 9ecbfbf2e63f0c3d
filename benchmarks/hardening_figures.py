"""Hardening figures: bad inputs handled cleanly, provider faults survived without losing results, crash trials.

Run: .venv/bin/python benchmarks/hardening_figures.py [--trials 5] [--seeds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from promptops.testing import MockOpenAI
from tests.hardening.corpus import CORPUS
from tests.hardening.harness import (
    ProjectTemplates,
    artefact_problems,
    cached_questions,
    changes,
    completed_case_ids,
    completion_requests,
    mock_project,
    run_cli,
    scrubbed_env,
    snapshot,
    store_cases,
    xdist_crash_trial,
)

RANDOM_FAULTS = [
    ("503", 0.06),
    ("500", 0.03),
    ("502", 0.03),
    ("429", 0.04),
    ("429:0.1", 0.03),
    ("malformed", 0.04),
    ("truncated", 0.04),
    ("reset", 0.04),
    ("timeout:0.8", 0.02),
    ("slow:0.2", 0.03),
    ("401", 0.02),
]


def bad_inputs(work: Path) -> tuple[int, int, list[str]]:
    """(tried, handled cleanly, what went wrong) over the whole corpus."""
    templates = ProjectTemplates(work / "templates")
    handled = 0
    problems: list[str] = []
    for index, case in enumerate(CORPUS):
        root = templates.copy(case.state, work / f"bad-{index}", case.files)
        before = snapshot(root)
        try:
            result = run_cli(list(case.argv), root)
        except BaseException as exc:  # a crash is exactly what this counts
            problems.append(f"{case.name}: {type(exc).__name__}: {exc}")
            continue
        wrong = [
            why
            for why, bad in (
                ("traceback", "Traceback" in result.text),
                (f"exit {result.code}", result.code != 2),
                ("message differs", case.expect not in result.text),
                ("disk changed", bool(changes(before, snapshot(root)))),
            )
            if bad
        ]
        if wrong:
            problems.append(f"{case.name}: {', '.join(wrong)}")
        else:
            handled += 1
    return len(CORPUS), handled, problems


def provider_faults(work: Path, seeds: int, cases: int = 40) -> tuple[int, int, int, int]:
    """(faults injected, results lost, errors cached, case errors) over runs with seeded random faults."""
    injected = lost = errors_cached = errors = 0
    for seed in range(seeds):
        with MockOpenAI(random_faults=RANDOM_FAULTS, seed=seed) as server:
            root = mock_project(work / f"faults-{seed}", server.url, cases, retries=4, timeout=0.5, concurrency=4)
            result = run_cli(["run", "--format", "json"], root)
            injected += server.faults_injected
        reported = {c["case_id"]: c for c in json.loads(result.out)[0]["cases_detail"]} if result.out else {}
        failed = {cid for cid, c in reported.items() if c["samples"][0]["error"]}
        stored = {cid for _, cid, _ in store_cases(root)}
        lost += cases - len(reported.keys() & stored)
        errors += len(failed)
        errors_cached += len({f"question {cid[1:]}" for cid in failed} & set(cached_questions(root)))
    return injected, lost, errors_cached, errors


def killed_run_trial(root: Path, server: MockOpenAI, cases: int) -> tuple[bool, list[str], int, int]:
    """Two `promptops run` at once, one SIGKILLed mid-run: (killed, corruptions, results lost, rerun exit)."""
    command = [sys.executable, "-m", "promptops.cli.main", "run", "--format", "json"]
    runs = [
        subprocess.Popen(command, cwd=root, env=scrubbed_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    deadline = time.monotonic() + 60
    while len(completion_requests(server)) < cases // 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    killed = runs[0].poll() is None
    if killed:
        os.kill(runs[0].pid, signal.SIGKILL)
    runs[0].communicate(timeout=60)
    out, _ = runs[1].communicate(timeout=60)
    reported = {c["case_id"] for c in json.loads(out)[0]["cases_detail"]} if out else set()
    lost = len(reported - completed_case_ids(root))
    corruptions = artefact_problems(root)
    rerun = run_cli(["run", "--format", "json"], root)
    return killed, corruptions + artefact_problems(root), lost, rerun.code


def crash_trials(work: Path, trials: int, cases: int = 32) -> tuple[int, int, int, int, int]:
    """(trials, processes killed, corruptions, results lost, reruns that failed), alternating the two kinds."""
    killed = corruptions = lost = failed_reruns = 0
    for trial in range(trials):
        with MockOpenAI(latency=0.15 if trial % 2 == 0 else 0.05) as server:
            root = mock_project(
                work / f"crash-{trial}",
                server.url,
                cases,
                concurrency=2 if trial % 2 == 0 else 4,
                pytest_suite_dir=True,
            )
            if trial % 2 == 0:
                outcome = xdist_crash_trial(root, server, cases, kill_after=6 + 2 * trial)
                was_killed, problems, missing, code = (
                    outcome.killed,
                    outcome.corruptions,
                    len(outcome.lost),
                    outcome.rerun_code,
                )
            else:
                was_killed, problems, missing, code = killed_run_trial(root, server, cases)
        killed += was_killed
        corruptions += len(problems)
        lost += missing
        failed_reruns += code != 0
        for problem in problems:
            print(f"  corruption in trial {trial}: {problem}")
    return trials, killed, corruptions, lost, failed_reruns


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=6, help="crash trials (alternating xdist and two-process)")
    parser.add_argument("--seeds", type=int, default=3, help="random-fault runs of 40 cases each")
    args = parser.parse_args()
    for name in ("CI", "OPENAI_API_KEY", "OPENAI_BASE_URL"):
        os.environ.pop(name, None)
    with tempfile.TemporaryDirectory(prefix="promptops-hardening-") as tmp:
        work = Path(tmp)
        tried, handled, problems = bad_inputs(work)
        print(f"bad inputs: {tried} tried, {handled} handled cleanly (exit 2, path:line message, nothing written)")
        for problem in problems:
            print(f"  not clean: {problem}")
        injected, lost, cached, errors = provider_faults(work, args.seeds)
        print(
            f"provider faults: {injected} injected over {args.seeds} runs of 40 cases; results lost: {lost}; "
            f"cases reported as errors: {errors}; errors cached: {cached}"
        )
        trials, killed, corruptions, crash_lost, reruns = crash_trials(work, args.trials)
        print(
            f"crash trials: {trials} ({killed} with a process SIGKILLed mid-run); corruptions: {corruptions}; "
            f"reported results lost: {crash_lost}; reruns that failed: {reruns}"
        )
    clean = handled == tried and lost == 0 and cached == 0 and corruptions == 0 and crash_lost == 0 and reruns == 0
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
