"""Pairs of opposite words from WordNet 3.0: the list in `data/wordnet_antonyms.txt`.

Built by `scripts/build_antonyms.py` (which documents what is taken and the filter); WordNet's copyright notice and
disclaimer are at the top of the data file. Read once, on first use, so importing the drift checks costs nothing.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import NamedTuple


class AntonymPair(NamedTuple):
    """Two opposite words, each with its forms (the lemma first), and whether they are opposed as verbs only."""

    first: tuple[str, ...]
    second: tuple[str, ...]
    verbs_only: bool


@functools.cache
def wordnet_antonyms() -> tuple[AntonymPair, ...]:
    """Every pair of the list: (("lower", "lowers", "lowering", "lowered"), ("raise", "raises", "raising",
    "raised"), verbs_only=True)."""
    text = resources.files("promptops").joinpath("data/wordnet_antonyms.txt").read_text(encoding="utf-8")
    return tuple(_pair(line) for line in text.splitlines() if line and not line.startswith("#"))


def _pair(line: str) -> AntonymPair:
    """One line of the list: parts of speech (a, v, r, comma-separated), then each word's forms, tab-separated."""
    parts_of_speech, first, second = line.split("\t")
    return AntonymPair(tuple(first.split()), tuple(second.split()), parts_of_speech == "v")
