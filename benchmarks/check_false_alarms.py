"""False alarms of `promptops check` on a no-op change: a whitespace edit, a sampling provider, 20 seeds.

Each seed builds a real git repo whose prompt runs on the `python` provider with a function that, per call,
mentions the case's key word with probability 0.7 (random but reproducible from the seed and the call). The
suite has 20 cases, repeat 5, threshold 0.5. `main` holds the prompt; branch `head` only re-indents it and
adds blank lines. `check --base main --head head` then runs both sides fresh (no cache, no recordings, so the
two sides are independent samples) and the verdict is counted. The issue asks for at most 1 regression in 20.

Usage: .venv/bin/python benchmarks/check_false_alarms.py [--seeds 20] [--simulate 2000]
`--simulate N` also applies the same decision rule (diff.diff_runs) to N pairs of synthetic runs, for a
tighter estimate of the false-alarm rate than 20 end-to-end seeds can give.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from promptops.check import CheckOptions, check
from promptops.config import load_project
from promptops.diff import diff_runs
from promptops.results import CaseResult, RunRecord, SampleResult
from promptops.session import RunOptions

P_PASS = 0.7
CASES = 20
REPEAT = 5
THRESHOLD = 0.5

SAMPLER = '''\
"""A sampling model: mentions the key word with probability {p}, reproducibly per seed, message and call."""
import random
import threading

_calls: dict[str, int] = {{}}
_lock = threading.Lock()


def reply(messages, params):
    question = messages[-1]["content"]
    key = f"{{params['seed']}}|{{question}}"
    with _lock:
        draw = _calls.get(key, 0)
        _calls[key] = draw + 1
    rng = random.Random(f"{{key}}|{{draw}}")
    word = question.split()[-1]
    return f"About {{word}}: yes." if rng.random() < {p} else "I am not sure."
'''


def prompt_yaml(seed: int, *, indent: str = "  ", gap: str = "") -> str:
    return (
        f"version: 1\nmodel:\n{indent}provider: python\n{indent}name: sampler:reply\n"
        f"{indent}params: {{seed: {seed}}}\n{gap}variables:\n{indent}question: {{type: string}}\n{gap}"
        f'messages:\n{indent}- role: user\n{indent}  content: "{{{{ question }}}}"\n'
    )


def suite_yaml() -> str:
    lines = ["prompt: bot", f"repeat: {REPEAT}", f"threshold: {THRESHOLD}", "cases:"]
    for i in range(CASES):
        lines += [f"  - id: c{i}", f'    vars: {{question: "Tell me about topic{i}"}}']
        lines += [f"    assert: [{{type: icontains, value: topic{i}}}]"]
    return "\n".join(lines) + "\n"


def git(root: Path, *args: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="b@example.com", GIT_COMMITTER_NAME="bench",
               GIT_COMMITTER_EMAIL="b@example.com", GIT_CONFIG_NOSYSTEM="1")  # fmt: skip
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def one_seed(seed: int, workdir: Path) -> tuple[bool, bool]:
    """(regression reported, check failed for any reason) for one seed."""
    root = workdir / f"seed{seed}"
    (root / "prompts").mkdir(parents=True)
    (root / "suites").mkdir()
    (root / "sampler.py").write_text(SAMPLER.format(p=P_PASS), encoding="utf-8")
    (root / "prompts" / "bot.yaml").write_text(prompt_yaml(seed), encoding="utf-8")
    (root / "suites" / "bot.yaml").write_text(suite_yaml(), encoding="utf-8")
    (root / ".gitignore").write_text(".promptops/\n__pycache__/\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    git(root, "checkout", "-q", "-b", "head")
    (root / "prompts" / "bot.yaml").write_text(prompt_yaml(seed, indent="    ", gap="\n"), encoding="utf-8")
    git(root, "commit", "-q", "-am", "whitespace only")
    options = CheckOptions(run=RunOptions(record="off", no_cache=True, concurrency=1), drift=False, seed=0)
    result = check(load_project(root), "main", "head", options)
    assert result.prompts and result.prompts[0].suites[0].comparison is not None, "both sides must have run"
    regression = any(p.kind == "regression" for p in result.problems)
    return regression, not result.passed


def synthetic_run(rng: random.Random, run_id: str) -> RunRecord:
    """A run of the same suite drawn straight from the sampling model, without git or the runner."""
    cases = []
    for i in range(CASES):
        passes = [rng.random() < P_PASS for _ in range(REPEAT)]
        samples = [SampleResult(sample=s, output="x", passed=ok, score=float(ok)) for s, ok in enumerate(passes)]
        cases.append(CaseResult(case_id=f"c{i}", threshold=THRESHOLD, samples=samples))
    return RunRecord(
        id=run_id,
        suite="bot",
        suite_path="suites/bot.yaml",
        prompt="bot",
        prompt_version=1,
        provider="python",
        model="sampler:reply",
        threshold=THRESHOLD,
        cases=cases,
        status="complete",
    )


def simulate(pairs: int) -> int:
    """How many of `pairs` synthetic no-op comparisons the decision rule calls a regression."""
    rng = random.Random(12345)
    return sum(diff_runs(synthetic_run(rng, "a"), synthetic_run(rng, "b")).significantly_worse for _ in range(pairs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--simulate", type=int, default=0, metavar="N")
    args = parser.parse_args()
    started = time.perf_counter()
    regressions = failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(args.seeds):
            regression, failed = one_seed(seed, Path(tmp))
            regressions += regression
            failures += failed
            verdict = "REGRESSION" if regression else "no regression"
            print(f"seed {seed:2d}: {verdict}{' (check failed)' if failed else ''}")
    elapsed = time.perf_counter() - started
    print(
        f"\nno-op change, p(pass)={P_PASS}, {CASES} cases x repeat {REPEAT}, threshold {THRESHOLD}: "
        f"{regressions}/{args.seeds} seeds reported a regression, {failures}/{args.seeds} failed the check "
        f"({elapsed:.0f}s)"
    )
    if args.simulate:
        hits = simulate(args.simulate)
        print(
            f"decision rule on {args.simulate} synthetic no-op pairs: {hits} regressions ({hits / args.simulate:.1%})"
        )
    return 0 if regressions <= 1 else 1


if __name__ == "__main__":
    sys.exit(main())
