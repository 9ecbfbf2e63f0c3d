"""Build promptops/data/common_words.txt.gz: the English words that a dictionary lists only in lower case.

Run once by hand; needs Debian's `wamerican` (/usr/share/dict/american-english):
    apt-get install wamerican && .venv/bin/python scripts/build_common_words.py

A word qualifies when the dictionary has it in lower case, with its inflections ("reward", "rewards", "pupils"),
and never capitalised, so names that are also words ("Paris", "Python", "Apple", "Mark") are left out. The drift
checks use the list to tell a sentence that opens with a common noun ("Rewards can be…") from one that opens with
a name ("Tokyo is…"). Stored gzipped: 63k words, 585 kB as text.
"""

from __future__ import annotations

import gzip
from pathlib import Path

DICTIONARY = Path("/usr/share/dict/american-english")
OUT = Path(__file__).resolve().parent.parent / "promptops" / "data" / "common_words.txt.gz"
MIN_LETTERS = 3


def main() -> None:
    entries = [w for w in DICTIONARY.read_text(encoding="utf-8").split("\n") if w]
    capitalised = {w.lower() for w in entries if w[0].isupper()}
    lower = {w for w in entries if w.isascii() and w.isalpha() and w.islower() and w not in capitalised}
    words = sorted(w for w in lower if len(w) >= MIN_LETTERS)
    # mtime 0: the same list gives the same bytes
    OUT.write_bytes(gzip.compress(("\n".join(words) + "\n").encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{len(words)} words → {OUT}")


if __name__ == "__main__":
    main()
