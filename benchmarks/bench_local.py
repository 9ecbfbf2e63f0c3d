"""Benchmark: the local provider on SmolLM2-135M — model load time, tokens/s, determinism, one suite's wall time.

Run: .venv/bin/python benchmarks/bench_local.py [--threads N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from promptops.providers.base import CompletionRequest, Output
from promptops.providers.local import LocalProvider, default_threads

ROOT = Path(__file__).resolve().parent.parent
FIXED = [{"role": "user", "content": "Explain in a short paragraph why the sky is blue."}]
GENERATE_TOKENS = 128
RUNS = 3

_LOAD_CHILD = """
import sys, time
started = time.perf_counter()
from promptops.providers.local import LocalProvider, load_model
provider = LocalProvider(threads=int(sys.argv[1]))
load_model(provider.resolve_model("smollm2-135m"), threads=provider.threads)
print(time.perf_counter() - started)
"""


def load_seconds(threads: int) -> float:
    """Import + load time in a fresh process (what the first case of a run pays), median of RUNS."""
    samples = []
    for _ in range(RUNS):
        out = subprocess.run(
            [sys.executable, "-c", _LOAD_CHILD, str(threads)], capture_output=True, text=True, check=True
        )
        samples.append(float(out.stdout))
    return statistics.median(samples)


def complete(provider: LocalProvider, request: CompletionRequest) -> Output:
    return asyncio.run(provider.complete(request))


def smollm2(messages: list[dict[str, str]], **params: float) -> CompletionRequest:
    return CompletionRequest(provider="local", model="smollm2-135m", messages=messages, params=params)


def generation(provider: LocalProvider) -> tuple[float, float]:
    """Decode tokens/s (end-to-end, prompt included) and prompt tokens/s (a 1-token completion), medians."""
    rates = []
    for i in range(RUNS):
        # A distinct first message per run defeats prefix reuse, so every run evaluates its whole prompt.
        messages = [{"role": "system", "content": f"Run {i}."}, *FIXED]
        out = complete(provider, smollm2(messages, max_tokens=GENERATE_TOKENS, temperature=0.0))
        rates.append((out.completion_tokens or 0) / (out.latency_ms / 1000))
    long_prompt = [{"role": "user", "content": " ".join(["The quick brown fox jumps over the lazy dog."] * 60)}]
    prompt_rates = []
    for i in range(RUNS):
        messages = [{"role": "system", "content": f"Run {i}."}, *long_prompt]
        out = complete(provider, smollm2(messages, max_tokens=1, temperature=0.0))
        prompt_rates.append((out.prompt_tokens or 0) / (out.latency_ms / 1000))
    return statistics.median(rates), statistics.median(prompt_rates)


def determinism(provider: LocalProvider) -> dict[str, bool]:
    """Greedy output equal on repeat; sampled output equal per sample index and different across indexes."""
    greedy = smollm2(FIXED, max_tokens=32)
    sampled = [smollm2(FIXED, max_tokens=32, temperature=1.0).model_copy(update={"sample": i}) for i in range(3)]
    first = [complete(provider, r).text for r in sampled]
    return {
        "greedy repeat identical": complete(provider, greedy).text == complete(provider, greedy).text,
        "sample i repeat identical": first == [complete(provider, r).text for r in sampled],
        "samples 0..2 differ": len(set(first)) == 3,
    }


def suite_seconds(provider: LocalProvider) -> tuple[float, int]:
    """Wall time of the repository's ticket-triage suite on the working-tree prompt (no cache)."""
    from promptops.prompt import load_prompt_file
    from promptops.suite import load_suite_file

    prompt = load_prompt_file(ROOT / "prompts" / "ticket-triage.yaml")
    suite = load_suite_file(ROOT / "suites" / "ticket-triage.yaml")
    requests = [
        CompletionRequest(
            provider="local",
            model=prompt.spec.model.name,
            messages=prompt.render(**suite.vars_for(case)),
            params=prompt.spec.model.params,
            json_schema=prompt.spec.output.json_schema,
        )
        for case in suite.spec.cases
    ]
    started = time.perf_counter()
    for request in requests:
        complete(provider, request)
    return time.perf_counter() - started, len(requests)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, default=default_threads())
    threads = parser.parse_args().threads
    provider = LocalProvider(threads=threads)
    print(f"threads: {threads}")
    print(f"model load (fresh process, import included): {load_seconds(threads):.2f} s")
    decode, prompt_eval = generation(provider)
    print(f"generation: {decode:.0f} tokens/s ({GENERATE_TOKENS} tokens, prompt included)")
    print(f"prompt evaluation: {prompt_eval:.0f} tokens/s")
    checks = determinism(provider)
    print("determinism:", json.dumps(checks))
    seconds, cases = suite_seconds(provider)
    print(f"ticket-triage suite (working tree prompt): {cases} cases in {seconds:.1f} s")
    if not all(checks.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
