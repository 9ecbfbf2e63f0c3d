"""Whether a word is a common English word rather than a name: the list in `data/common_words.txt.gz`."""

from __future__ import annotations

import functools
import gzip
from importlib import resources


@functools.cache
def _common_words() -> frozenset[str]:
    # built by scripts/build_common_words.py: the words a dictionary lists only in lower case
    packed = resources.files("promptops").joinpath("data/common_words.txt.gz").read_bytes()
    return frozenset(gzip.decompress(packed).decode("utf-8").split())


def is_common_word(word: str) -> bool:
    """The word, lower-cased, is a common English word ("Rewards", "Pupils", "Reimbursements").

    Names are not, even when they are words too: the dictionary behind the list has "Paris", "Python", "Apple"
    and "Mark" capitalised.
    """
    return word.lower() in _common_words()
