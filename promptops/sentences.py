"""Splitting a text into its sentences and lines, as the change checks that compare sentence by sentence read it."""

from __future__ import annotations

import re

# A sentence ends at ".", "!" or "?" before white space; a line break ends one too.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")


def split_sentences(text: str) -> list[str]:
    """The sentences and lines of `text`, in order:
    "Go left. Then stop.\\nDone" → ["Go left.", "Then stop.", "Done"]."""
    return _SENTENCE_BREAK.split(text)
