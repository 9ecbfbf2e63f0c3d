"""A content word replaced in place by an unrelated one, judged by the embedding similarity of the two words.

"errors on the payments service since 14:00" → "errors on the search service since 14:00": a whole-text
embedding barely moves, and no closed word list knows "payments" and "search" exclude each other. The two texts
are aligned word by word (difflib); a one-word-for-one-word replacement (or one for two, "shift leaders" →
"volunteers") between at least `MIN_CONTEXT` identical words on each side (or the very start or end of both texts) is a
word swap. It is a change when the two words, embedded on their own, are less similar than
`WORD_SWAP_THRESHOLD`: unrelated words ("payments" / "search", "kettle" / "toaster") score 0.14–0.22 with
all-MiniLM-L6-v2, while the synonyms LLM rewordings use ("booking" / "reservation", "strenuous" / "intense")
mostly score 0.3–0.85. Function words, numbers, words said elsewhere on the other side and words standing where
a verb stands (`_verb_shaped`: "keyed on" → "based on", "Add a …" → "Define a …") or a quality said after a linking verb
(`_predicated`: "are calm" → "are placid", whose opposites the polarity check reads) are left out, and two JSON texts
are compared string value by string value. Finding the swaps is pure text; judging them needs a
scorer, so the check runs in drift (`promptops.drift`) and not in `compare_texts`.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from promptops import change_lexicon as lexicon
from promptops.assertions.base import Similarity
from promptops.change import Change
from promptops.change_checks import parse_json
from promptops.common_words import is_common_word
from promptops.word_concepts import content_word, past_participle

# Chosen on the labelled pairs (benchmarks/drift_labelled_pairs.py, docs/drift.md): below it no rewording's swap.
WORD_SWAP_THRESHOLD = 0.2
# Identical words needed on each side of the swap: fewer lets a restructured sentence pair unrelated words by chance.
MIN_CONTEXT = 3
# A swap is one word for one, or one for two ("shift leaders" → "volunteers").
_MAX_SWAP_WORDS = 3
_MIN_LETTERS = 3

_TOKEN = re.compile(r"[A-Za-z0-9][\w'’-]*|[^\sA-Za-z0-9]")


@dataclass(frozen=True)
class WordSwap:
    """One or two words of `before` replaced in place by one or two of `after`, lower-cased."""

    old: str
    new: str


def word_swaps(before: str, after: str) -> list[WordSwap]:
    """The content words replaced in place between two texts (both JSON: between their string values)."""
    before_is_json, before_value = parse_json(before)
    after_is_json, after_value = parse_json(after)
    if before_is_json and after_is_json:
        return list(dict.fromkeys(s for a, b in _paired_strings(before_value, after_value) for s in _swaps(a, b)))
    if before_is_json or after_is_json:
        return []
    return list(_swaps(before, after))


def swap_texts(before: str, after: str) -> list[str]:
    """The words whose embeddings judging the swaps between two texts needs (for a scorer's prefetch)."""
    return [w for s in word_swaps(before, after) for w in (s.old, s.new)]


def word_swap_changes(before: str, after: str, scorer: Similarity, model: str | None = None) -> list[Change]:
    """ "word payments → search" for each swap whose two words are less similar than `WORD_SWAP_THRESHOLD`."""
    if not _calibrated(scorer, model):
        return []
    swaps = word_swaps(before, after)
    if not swaps:
        return []
    sims = scorer.similarities([s.new for s in swaps], [s.old for s in swaps], model)
    return [
        Change("word", f"word:{s.old}", f"word {s.old} → {s.new}")
        for k, s in enumerate(swaps)
        if sims[k][k] < WORD_SWAP_THRESHOLD
    ]


def _calibrated(scorer: Similarity, model: str | None) -> bool:
    """Whether the embeddings are the default model's, the only one `WORD_SWAP_THRESHOLD` was measured on: another
    model's word similarities run higher or lower, and would miss every swap or flag honest synonyms."""
    from promptops.scorer import DEFAULT_MODEL_ID  # not at import: it brings numpy

    embedder = getattr(scorer, "embedder", None)  # a Scorer tells which model it uses; another Similarity cannot
    if callable(embedder):
        return bool(embedder(model).model_id == DEFAULT_MODEL_ID)
    return model is None or model == DEFAULT_MODEL_ID


@functools.lru_cache(maxsize=4096)
def _swaps(before: str, after: str) -> tuple[WordSwap, ...]:
    """The swaps of two plain texts; cached, since drift looks for them once to prefetch and once to judge."""
    old, new = _tokens(before), _tokens(after)
    old_words, new_words = set(old), set(new)
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    found: list[WordSwap] = []
    for k, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op != "replace" or (i2 - i1) + (j2 - j1) > _MAX_SWAP_WORDS:
            continue
        gone, came = old[i1:i2], new[j1:j2]
        if not all(_content(w) for w in (*gone, *came)) or old_words & set(came) or new_words & set(gone):
            continue
        if _verb_shaped(old, i1, i2) or _verb_shaped(new, j1, j2):
            continue
        if _predicated(old, i1) and _predicated(new, j1) and all(is_common_word(w) for w in (*gone, *came)):
            continue
        if _context(opcodes, k - 1) and _context(opcodes, k + 1):
            found.append(WordSwap(" ".join(gone), " ".join(came)))
    return tuple(found)


# Words that open a verb's object: "Add a middleware", "Call the office", "Update your address".
_OBJECT_OPENERS = frozenset({"a", "an", "the", "your", "my", "our", "their"})


def _verb_shaped(tokens: Sequence[str], start: int, end: int) -> bool:
    """The words at `start:end` stand where a verb stands: a regular past participle ("a group keyed on the branch
    name" / "based on the branch name") or a word before its object's article ("Add a middleware" / "Define a
    middleware"). The check is for what a text names (services, products, places); a verb is used in many senses,
    so its embedding alone says little of the sense it has in place, and a verb swapped in place is as often a
    rewording ("book a table" / "reserve a table"): the claims are what compares actions."""
    if any(past_participle(w) for w in tokens[start:end]):
        return True
    return end < len(tokens) and tokens[end] in _OBJECT_OPENERS


def _predicated(tokens: Sequence[str], start: int) -> bool:
    """The word at `start` is a quality said of the subject, after a linking verb and maybe words of degree ("our
    ponies are calm", "the soup is very hot"): an adjective, which describes rather than names. How close two
    adjectives are, a lone word's embedding cannot tell — a rare adjective is cut into pieces by the model's
    vocabulary ("placid" → "pl", "##ac", "##id"), and its embedding is that of its pieces, far from its synonyms
    ("calm" / "placid" 0.19) — while adjectives with an opposite are the polarity check's (`promptops.polarity_changes`:
    "very tart" → "very sweet"). The check is for what a text names; qualities are left to the claims. (A name after
    the verb, "the tutor is James", is no dictionary word, and stays the check's.)"""
    k = start - 1
    while k >= 0 and tokens[k] in lexicon.DEGREE_WORDS:
        k -= 1
    return k >= 0 and tokens[k] in lexicon.LINKING_VERBS


def _context(opcodes: Sequence[tuple[str, int, int, int, int]], k: int) -> bool:
    """The opcode next to a swap keeps `MIN_CONTEXT` words, or there is none (the swap opens or ends both texts).

    A shorter run of identical words up to the start or end is too little: "... for the shoot." → "... for the
    session." pairs two words at the end of a sentence that was otherwise reworded.
    """
    if k < 0 or k >= len(opcodes):
        return True
    op, i1, i2, _, _ = opcodes[k]
    return op == "equal" and i2 - i1 >= MIN_CONTEXT


def _tokens(text: str) -> list[str]:
    return [t.lower().replace("’", "'") for t in _TOKEN.findall(text)]


def _content(word: str) -> bool:
    """A word that names something: letters, not a function word, auxiliary, negation or stopword."""
    return len(word) >= _MIN_LETTERS and not any(c.isdigit() for c in word) and content_word(word)


def _paired_strings(before: Any, after: Any) -> Iterator[tuple[str, str]]:
    """The string values at the same place in two JSON values (same key, or same index)."""
    if isinstance(before, str) and isinstance(after, str):
        yield before, after
    elif isinstance(before, dict) and isinstance(after, dict):
        for key in before:  # in the before's order, so reasons come in the same order in every process
            if key in after:
                yield from _paired_strings(before[key], after[key])
    elif isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for a, b in zip(before, after, strict=True):
            yield from _paired_strings(a, b)
