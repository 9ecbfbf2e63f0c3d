"""Benchmark: wall time of `promptops --help` in a fresh process (median of 10; target <= 150 ms) and its heavy imports.

Run: .venv/bin/python benchmarks/bench_cli_help.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET_MS = 150.0
RUNS = 10
HEAVY = ("git", "torch", "sentence_transformers", "llama_cpp", "matplotlib")


def command() -> list[str]:
    """The installed console script next to this interpreter, else `python -m promptops.cli.main`."""
    script = Path(sys.executable).with_name("promptops")
    return [str(script)] if script.exists() else [sys.executable, "-m", "promptops.cli.main"]


def wall_ms(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def heavy_imports() -> list[str]:
    """Heavy top-level modules `promptops --help` imports, from `python -X importtime`."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "promptops.cli.main", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    modules = {line.rsplit("|", 1)[1].strip().split(".")[0] for line in done.stderr.splitlines() if "|" in line}
    return [name for name in HEAVY if name in modules]


def main() -> int:
    argv = [*command(), "--help"]
    wall_ms(argv)  # warm the filesystem cache and .pyc files
    median = statistics.median(wall_ms(argv) for _ in range(RUNS))
    heavy = heavy_imports()
    verdict = "ok" if median <= TARGET_MS else "SLOW"
    print(f"{' '.join(argv)}: median {median:.0f} ms over {RUNS} runs [{verdict}, target <= {TARGET_MS:.0f} ms]")
    print(f"heavy modules imported: {', '.join(heavy) if heavy else 'none'} (checked: {', '.join(HEAVY)})")
    return 0 if median <= TARGET_MS and not heavy else 1


if __name__ == "__main__":
    sys.exit(main())
