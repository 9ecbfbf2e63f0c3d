"""Scorer speed: sentences/s cold (encoding) and warm (cache hits), drift of 1,000 cases vs a bare encode, peak RSS.

Run: .venv/bin/python benchmarks/scorer_throughput.py [--cases 1000] [--threads 1]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from common import load_pairs, offline

from promptops.drift import compare_runs
from promptops.results import CaseResult, RunRecord, SampleResult
from promptops.scorer import Scorer, SentenceTransformerEmbedder, SqliteEmbeddingCache


def texts_for(n: int) -> list[str]:
    """`n` distinct, realistic sentences built from the labelled pairs."""
    base = [t for p in load_pairs() for t in (p.before, p.after)]
    return [f"{base[i % len(base)]} (ticket {i})" for i in range(n)]


def run(suite: str, run_id: str, outputs: list[str]) -> RunRecord:
    """A one-sample-per-case run record holding `outputs`."""
    cases = [CaseResult(case_id=f"c{i}", samples=[SampleResult(sample=0, output=o)]) for i, o in enumerate(outputs)]
    return RunRecord(
        id=run_id, suite=suite, suite_path="", prompt="p", prompt_version=1, provider="x", model="m", cases=cases
    )


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (ru_maxrss is KB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    offline(args.threads)
    embedder = SentenceTransformerEmbedder()
    embedder.encode(["warm up the model"])  # loading is not throughput
    print(f"model loaded; peak RSS {peak_rss_mb():.0f} MB; torch threads {args.threads}")

    baseline = texts_for(args.cases)
    candidate = [t.replace("ticket", "case") for t in baseline]
    texts = baseline + candidate

    start = time.perf_counter()
    embedder.encode(texts)
    bare = time.perf_counter() - start
    print(f"bare model.encode of {len(texts)} texts: {bare:.2f} s ({len(texts) / bare:.0f} sentences/s)")

    with tempfile.TemporaryDirectory() as tmp:
        cache = SqliteEmbeddingCache(Path(tmp) / "embeddings.sqlite")
        scorer = Scorer(embedder, cache)
        start = time.perf_counter()
        report = compare_runs(run("s", "a", baseline), run("s", "b", candidate), scorer, 0.75)
        cold = time.perf_counter() - start
        print(
            f"drift of {args.cases} cases, cold (empty cache): {cold:.2f} s = {cold / bare:.2f}x bare encode "
            f"({len(texts) / cold:.0f} sentences/s); {len(report.drifted)} drifted"
        )

        calls: list[int] = []

        class Counting:
            """Counts what reaches the model."""

            model_id = embedder.model_id

            def encode(self, batch: list[str]):  # type: ignore[no-untyped-def]
                calls.append(len(batch))
                return embedder.encode(batch)

        fresh = Scorer(Counting(), cache)  # new process-like scorer: nothing in memory, all in SQLite
        start = time.perf_counter()
        compare_runs(run("s", "a", baseline), run("s", "b", candidate), fresh, 0.75)
        warm = time.perf_counter() - start
        print(
            f"drift of {args.cases} cases, warm (SQLite cache, new scorer): {warm:.2f} s "
            f"({len(texts) / warm:.0f} sentences/s); texts encoded: {sum(calls)}"
        )

        start = time.perf_counter()
        fresh.similarities(texts, texts[:1])
        memo = time.perf_counter() - start
        print(
            f"similarities of {len(texts)} texts, in-memory hits: {memo * 1000:.0f} ms "
            f"({len(texts) / memo:.0f} sentences/s)"
        )
        cache.close()
    start = time.perf_counter()
    embedder.encode(texts)
    again = time.perf_counter() - start
    print(
        f"bare model.encode again (the machine is shared, timings are noisy): {again:.2f} s; "
        f"cold drift / fastest bare encode = {cold / min(bare, again):.2f}x"
    )
    print(f"peak RSS {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
