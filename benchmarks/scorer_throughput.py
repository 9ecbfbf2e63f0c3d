"""Scorer speed: drift of 1,000 cases vs a bare `model.encode` of the same texts, re-runs, peak RSS.

Both are timed in this process with the same torch thread count, alternately, `--repeats` times; the
median of each is compared. The drift run starts from empty caches every time, so it encodes all texts, and the
change checks' in-process caches are emptied before every drift run, so no repeat gains from the one before it.
Run: .venv/bin/python benchmarks/scorer_throughput.py [--cases 1000] [--threads 1] [--repeats 3]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import load_pairs, offline

from promptops.drift import compare_runs
from promptops.results import CaseResult, RunRecord, SampleResult
from promptops.scorer import Matrix, Scorer, SentenceTransformerEmbedder, SqliteEmbeddingCache

THRESHOLD = 0.55


def texts_for(n: int) -> list[str]:
    """`n` distinct, realistic outputs built from the labelled pairs."""
    base = [t for p in load_pairs() for t in (p.before, p.after)]
    return [f"{base[i % len(base)]} (ticket {i})" for i in range(n)]


def run(suite: str, run_id: str, outputs: list[str]) -> RunRecord:
    """A one-sample-per-case run record holding `outputs`."""
    cases = [CaseResult(case_id=f"c{i}", samples=[SampleResult(sample=0, output=o)]) for i, o in enumerate(outputs)]
    return RunRecord(
        id=run_id, suite=suite, suite_path="", prompt="p", prompt_version=1, provider="x", model="m", cases=cases
    )


def clear_check_caches() -> None:
    """Empty every `functools` cache in promptops, as a new process starts: repeats must not gain from each other."""
    for name, module in list(sys.modules.items()):
        if name == "promptops" or name.startswith("promptops."):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (ru_maxrss is KB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class CountingEmbedder:
    """Passes batches to the real embedder and counts the texts that reach the model."""

    def __init__(self, inner: SentenceTransformerEmbedder) -> None:
        self.inner = inner
        self.encoded = 0
        self.seconds = 0.0

    @property
    def model_id(self) -> str:
        return self.inner.model_id

    def encode(self, texts: list[str]) -> Matrix:
        self.encoded += len(texts)
        start = time.perf_counter()
        rows = self.inner.encode(texts)
        self.seconds += time.perf_counter() - start
        return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    offline(args.threads)
    embedder = SentenceTransformerEmbedder(threads=args.threads)
    embedder.encode(["warm up the model"])  # loading is not throughput
    print(f"model loaded; peak RSS {peak_rss_mb():.0f} MB; torch threads {args.threads}")

    baseline = texts_for(args.cases)
    candidate = [t.replace("ticket", "case") for t in baseline]
    texts = baseline + candidate
    before, after = run("s", "a", baseline), run("s", "b", candidate)

    bare: list[float] = []
    drift: list[float] = []
    bare_cpu: list[float] = []
    drift_cpu: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for rep in range(args.repeats):
            start, cpu = time.perf_counter(), time.process_time()
            embedder.encode(texts)
            bare.append(time.perf_counter() - start)
            bare_cpu.append(time.process_time() - cpu)
            counting = CountingEmbedder(embedder)
            clear_check_caches()
            with SqliteEmbeddingCache(Path(tmp) / f"embeddings-{rep}.sqlite") as cache:
                start, cpu = time.perf_counter(), time.process_time()
                report = compare_runs(before, after, Scorer(counting, cache), THRESHOLD)
                drift.append(time.perf_counter() - start)
                drift_cpu.append(time.process_time() - cpu)
            print(
                f"  repeat {rep + 1}: bare encode {bare[-1]:.2f} s wall / {bare_cpu[-1]:.2f} s CPU; "
                f"drift (cold, empty caches) {drift[-1]:.2f} s wall / {drift_cpu[-1]:.2f} s CPU, of which encoding "
                f"{counting.seconds:.2f} s wall; texts encoded {counting.encoded}; {len(report.drifted)} drifted"
            )
        median_bare, median_drift = statistics.median(bare), statistics.median(drift)
        print(
            f"bare model.encode of {len(texts)} texts: median {median_bare:.2f} s ({len(texts) / median_bare:.0f}/s)\n"
            f"drift of {args.cases} cases, cold: median {median_drift:.2f} s; "
            f"ratio of medians {median_drift / median_bare:.3f}x wall, "
            f"{statistics.median(drift_cpu) / statistics.median(bare_cpu):.3f}x CPU (target ≤ 1.1x)"
        )

        counting = CountingEmbedder(embedder)
        clear_check_caches()
        with SqliteEmbeddingCache(Path(tmp) / "embeddings-0.sqlite") as cache:
            start = time.perf_counter()
            compare_runs(before, after, Scorer(counting, cache), THRESHOLD)  # a new scorer = a new process
            warm = time.perf_counter() - start
        print(f"second run (persistent cache, new scorer): {warm:.2f} s; texts encoded: {counting.encoded}")
    print(f"peak RSS {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
