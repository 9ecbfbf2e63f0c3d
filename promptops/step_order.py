"""Two steps whose order was reversed: "Brush your teeth before applying the gel" → "Once you've applied the gel,
brush your teeth".

Each text's ordered steps are read from the words that order two actions in one sentence: "A before B", "B after
A", "Before B, A", "After B, A", "Once B, A", "A, then B". A step is the first content word of its part of the
sentence, compared by stem ("applying" = "applied"). The same two steps in one order on one side and the other
order on the other side is a change; "A before B" said as "B after A" is the same order. Steps are compared only
when the other side does not also state the first order.
"""

from __future__ import annotations

import re

from promptops import change_lexicon as lexicon
from promptops.word_concepts import content_word
from promptops.word_stems import stem

_TOKEN = re.compile(r"[a-z][a-z'’-]*|[,;:.!?\n]")
_SENTENCE_END = frozenset(".!?;\n")
# Words that order the clause after them before (True) or after (False) the clause they attach to.
_AFTER_IT = {"before": False, "after": True}
# Sentence openers whose clause comes first: "Once you've applied the gel, brush": apply, then brush.
_FIRST_CLAUSE = {"after": True, "once": True, "before": False}
# Words that never name a step: pronouns ("you've" too: any contraction) and adverbs of sequence ("first", "then").
_NOT_A_STEP = frozenset(
    {"first", "then", "next", "finally", "only", "immediately", "just", "right", "always", "his", "her", "him", "she"}
)
_REACH = 4
# Every word that orders two steps: what a text without any of them cannot do.
_ORDERING_WORDS = frozenset({*_AFTER_IT, *_FIRST_CLAUSE, "then"})

_Step = tuple[str, str]  # (stem, the word as written)


def order_changes(before: str, after: str) -> list[str]:
    """ "order of steps reversed: brush before applying → applied before brush" for each pair of steps said in
    one order on one side and the other order on the other."""
    old = _ordered_steps(before)
    if not old:
        return []  # no steps in order to reverse (the quick test of most texts)
    new = _ordered_steps(after)
    changes: list[str] = []
    for (first, then), shown in old.items():
        if (then, first) in new and (first, then) not in new and (then, first) not in old:
            changes.append(f"order of steps reversed: {shown} → {new[(then, first)]}")
    return changes


def _ordered_steps(text: str) -> dict[tuple[str, str], str]:
    """(first step's stem, next step's stem) → how it reads ("brush before applying"), for each sentence."""
    steps: dict[tuple[str, str], str] = {}
    lower = text.lower()
    if not any(word in lower for word in _ORDERING_WORDS):
        return steps  # no word that orders two steps (the quick test of most texts)
    for sentence in _sentences(_TOKEN.findall(lower.replace("’", "'"))):
        for first, then in _pairs(sentence):
            if first[0] != then[0]:
                steps.setdefault((first[0], then[0]), f"{first[1]} before {then[1]}")
    return steps


def _sentences(tokens: list[str]) -> list[list[str]]:
    sentences: list[list[str]] = [[]]
    for token in tokens:
        if token in _SENTENCE_END:
            sentences.append([])
        else:
            sentences[-1].append(token)
    return [s for s in sentences if s]


def _pairs(words: list[str]) -> list[tuple[_Step, _Step]]:
    """The ordered pairs of steps of one sentence (words and commas)."""
    pairs: list[tuple[_Step, _Step]] = []
    opener = _FIRST_CLAUSE.get(words[0])
    if opener is not None and "," in words:
        comma = words.index(",")
        inner, main = _step(words, 1, comma), _step(words, comma + 1, len(words))
        if inner and main:
            pairs.append((inner, main) if opener else (main, inner))
    for k, word in enumerate(words):
        if k == 0:
            continue
        if word in _AFTER_IT:
            start = max((j + 1 for j in range(k) if words[j] == ","), default=0)
            main, inner = _step(words, start, k), _step(words, k + 1, len(words))
            if main and inner:
                pairs.append((inner, main) if _AFTER_IT[word] else (main, inner))
        elif word == "then" and (words[k - 1] == "," or words[k - 1] == "and"):
            start = max((j + 1 for j in range(k - 1) if words[j] == ","), default=0)
            first, then = _step(words, start, k), _step(words, k + 1, len(words))
            if first and then:
                pairs.append((first, then))
    return pairs


def _step(words: list[str], start: int, end: int) -> _Step | None:
    """The first content word of `words[start:end]` (within a few words, before a comma), stemmed and as written."""
    for word in words[start : min(end, start + _REACH)]:
        if word == ",":
            return None
        if "'" in word or word in _NOT_A_STEP or word in lexicon.FUNCTION_WORDS or not content_word(word):
            continue
        return stem(word), word
    return None
