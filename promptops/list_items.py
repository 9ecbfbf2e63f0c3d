"""Items dropped from (or added to) a list inside a sentence that is otherwise still said: "bring your old passport, a
recent photo, proof of address and, if your name has changed, the marriage certificate" → "bring your old passport,
a recent photo and proof of address" ("list item removed: if your name has changed, the marriage certificate").

A list is a sentence of three items or more ("A, B and C"). An item was dropped when the other text has a sentence
that says nothing the list's sentence does not (its content words are all in it), and none of the item's words is
left anywhere in the other text; so an item moved to a sentence of its own, or said in other words, is no change. A
list of examples ("such as", "e.g.", "like") is not a closed list: an example left out changes nothing.
"""

from __future__ import annotations

import re

from promptops.sentences import split_sentences
from promptops.word_concepts import WORD_OR_NUMBER, content_stems

# ", and" is one separator: "ask at reception, and we hope you enjoy your stay" is two clauses, not three items.
_SEPARATOR = re.compile(r"[,;][ \t]*(?:and|or)\b|,|;|\band\b|\bor\b", re.IGNORECASE)
_EXAMPLES = re.compile(r"\b(?:such as|e\.g\.|for example|for instance|like|etc)\b", re.IGNORECASE)
_MIN_SEPARATORS = 2  # three items or more
_MIN_KEPT_WORDS = 3  # the other sentence says enough to be the same statement


def list_item_changes(before: str, after: str) -> list[str]:
    """ "list item removed: …" / "list item added: …" for each item one side's list has and the other lacks."""
    return [f"list item removed: {item}" for item in _dropped(before, after)] + [
        f"list item added: {item}" for item in _dropped(after, before)
    ]


def _dropped(text: str, other: str) -> list[str]:
    """The items of the lists of `text` that `other` leaves out of the same sentence."""
    sentences = [s for s in split_sentences(text) if _separators(s) >= _MIN_SEPARATORS]
    if not sentences:
        return []
    other_words = content_stems(other)
    other_sentences: list[set[str]] | None = None  # read when a list first misses words (most lists miss none)
    dropped: list[str] = []
    for sentence in sentences:
        if _EXAMPLES.search(sentence):
            continue
        words = content_stems(sentence)
        missing = words - other_words
        if not missing:
            continue
        if other_sentences is None:
            other_sentences = [w for s in split_sentences(other) if len(w := content_stems(s)) >= _MIN_KEPT_WORDS]
        if not any(kept <= words and kept & words for kept in other_sentences):
            continue
        item = _missing_items(sentence, missing)
        if item:
            dropped.append(item)
    return dropped


def _separators(sentence: str) -> int:
    """How many item separators a sentence has; the comma closing a fronted condition ("If you resume it and rerun
    the task, it should work") ends a clause and separates no items."""
    count = len(_SEPARATOR.findall(sentence))
    return count - 1 if _FRONTED_CONDITION.match(sentence) and "," in sentence else count


_FRONTED_CONDITION = re.compile(r"\s*(?:if|when|whenever|once|unless|after|before|as soon as)\b", re.IGNORECASE)


def _missing_items(sentence: str, missing: set[str]) -> str:
    """The run of whole items of `sentence` that holds every missing word, as written; "" when there is none.

    The first item opens the sentence ("For a renewal, bring …") and is no item that could be left out.
    """
    bounds = [0, *(b for m in _SEPARATOR.finditer(sentence) for b in (m.start(), m.end())), len(sentence)]
    spans = [(bounds[k], bounds[k + 1]) for k in range(0, len(bounds), 2)]
    items = [(span, words) for span in spans if (words := content_stems(sentence[span[0] : span[1]]))]
    gone = [k for k, ((start, end), words) in enumerate(items) if words <= missing and not _aside(sentence[start:end])]
    if not gone or gone[0] == 0 or gone[-1] - gone[0] + 1 != len(gone):
        return ""
    if missing - set().union(*(items[k][1] for k in gone)):
        return ""  # a word missing outside the dropped items: the sentence was reworded, not shortened
    return sentence[items[gone[0]][0][0] : items[gone[-1]][0][1]].strip(" ,;.")


def _aside(item: str) -> bool:
    """A comment between commas, not an item: "unfortunately", "of course", "if possible"."""
    words = WORD_OR_NUMBER.findall(item.lower())
    return all(w.endswith("ly") for w in words) or " ".join(words) in _ASIDES


_ASIDES = frozenset(
    {"of course", "in fact", "in general", "in short", "in addition", "as a result", "as usual", "for now", "at least"}
    | {"if possible", "if needed", "if necessary", "where possible", "when possible", "as needed", "for instance"}
)
