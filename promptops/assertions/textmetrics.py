"""Text-overlap metrics used by assertions: Levenshtein distance and ROUGE-N recall."""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"\w+")


def levenshtein(left: str, right: str) -> int:
    """Edit distance (insertions, deletions, substitutions), in O(len(left) * len(right)) time."""
    if len(left) < len(right):
        left, right = right, left
    previous = list(range(len(right) + 1))
    for i, a in enumerate(left, start=1):
        current = [i]
        for j, b in enumerate(right, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1]


def ngrams(text: str, n: int) -> Counter[tuple[str, ...]]:
    """Counts of the lower-cased word n-grams of `text`."""
    words = _WORD.findall(text.lower())
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def rouge_n(candidate: str, reference: str, n: int = 1) -> float:
    """ROUGE-N recall: the share of the reference's n-grams found in the candidate (clipped counts)."""
    wanted = ngrams(reference, n)
    total = sum(wanted.values())
    if total == 0:
        return 0.0
    overlap = wanted & ngrams(candidate, n)
    return sum(overlap.values()) / total
