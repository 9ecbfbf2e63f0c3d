"""Statistics used for decisions: Wilson intervals, exact McNemar, bootstrap intervals; deterministic given a seed."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

Z_95 = 1.959963984540054


@dataclass(frozen=True)
class Interval:
    """A point estimate with a two-sided interval."""

    estimate: float
    low: float
    high: float

    def __str__(self) -> str:
        return f"{self.estimate:.0%} [{self.low:.0%}, {self.high:.0%}]"


def wilson(successes: int, trials: int, z: float = Z_95) -> Interval:
    """Wilson score interval for a binomial proportion (sane at 0, 1 and small n)."""
    if trials <= 0:
        return Interval(0.0, 0.0, 1.0)
    p = successes / trials
    denom = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denom
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denom
    return Interval(p, max(0.0, centre - half), min(1.0, centre + half))


def mcnemar_exact(b: int, c: int) -> float:
    """Two-sided exact McNemar p-value from the discordant counts b (pass→fail) and c (fail→pass)."""
    n = b + c
    if n == 0:
        return 1.0
    k = min(b, c)
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2**n
    return float(min(1.0, 2 * tail))


def bootstrap_mean_ci(
    values: Sequence[float], n: int = 2000, seed: int = 0, level: float = 0.95
) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean: `n` resamples from a generator seeded with `seed`."""
    import numpy as np  # imported on use: most commands never bootstrap

    data = np.asarray(values, dtype=np.float64)
    if data.size == 0:
        raise ValueError("bootstrap_mean_ci needs at least one value")
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, got {level}")
    if data.size == 1 or np.all(data == data[0]):
        return float(data[0]), float(data[0])
    rng = np.random.default_rng(seed)
    means = data[rng.integers(0, data.size, size=(n, data.size))].mean(axis=1)
    tail = (1 - level) / 2
    low, high = np.quantile(means, [tail, 1 - tail])
    return float(low), float(high)


def paired_bootstrap_diff(
    base: Sequence[float], head: Sequence[float], n: int = 2000, seed: int = 0, level: float = 0.95
) -> Interval:
    """Interval of mean(head − base) over paired observations, resampling the pairs."""
    if len(base) != len(head):
        raise ValueError("paired samples must have equal length")
    if not base:
        return Interval(0.0, 0.0, 0.0)
    diffs = [h - b for b, h in zip(base, head, strict=True)]
    low, high = bootstrap_mean_ci(diffs, n=n, seed=seed, level=level)
    return Interval(sum(diffs) / len(diffs), low, high)
