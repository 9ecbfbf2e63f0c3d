"""A crude English stem, so that the inflections of a word meet ("requires" / "required" → "requir")."""

from __future__ import annotations

import functools

# "-ies"/"-ied" of a longer word is a "-y" word inflected; "ties", "lies", "died" keep their "e".
_MIN_IES = 6


# Every claim and duty of every text stems its words; the same few thousand words recur.
@functools.lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """A crude English stem so that inflections meet: "requires"/"require" → "requir", "shipped" → "ship",
    "notifies"/"notify" → "notify"."""
    w = word.lower()
    if len(w) >= _MIN_IES and w.endswith(("ies", "ied")):
        return w[:-3] + "y"  # "notifies", "applied", "policies" meet "notify", "apply", "policy"
    if w.endswith("eed"):
        w = w[:-1]  # "speed", "agreed", "need": the "-ed" is part of the word (or only its "d" is a suffix)
    else:
        for suffix in ("ing", "ed", "es", "s"):
            if w.endswith(suffix) and not w.endswith("ss") and len(w) - len(suffix) >= 2:
                w = w[: -len(suffix)]
                break
        if w.endswith("eed"):
            w = w[:-1]  # "speeds", "needing"
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # shipp → ship, but pass and fall keep their double letter
    return w[:-1] if len(w) > 2 and w.endswith("e") else w
