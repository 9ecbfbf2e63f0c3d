"""The record of one claim a text makes, and the cues of negation a text shows.

`Claim` is a concept with its polarity and the words that said it (plus how it was said: softly, in a condition,
as a restriction, …); `new_claim` and `replaced_claim` build claims fast, as claim extraction makes them by the
thousand. `negation_cues` lists the negation words of a text (a "None" inside a sentence is Python's value, not a
cue) and `at_sentence_start` tells whether an index opens a sentence.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from promptops import change_lexicon as lexicon

_STARTS_SENTENCE = ".!?:;\n•*#>-"


def at_sentence_start(text: str, index: int) -> bool:
    """The character at `index` opens a sentence, a line or a list item (quotes and brackets skipped).

    The full stop of a title ("Ms. Alvarez", "Dr. Lin") ends no sentence: the name after it is mid-sentence.
    """
    j = index - 1
    while j >= 0 and text[j] in " \t\"'“‘([":
        j -= 1
    if j < 0:
        return True
    if text[j] == "." and _TITLE_BEFORE.search(text, 0, j):
        return False
    return text[j] in _STARTS_SENTENCE


# "Mr", "Mrs", "Dr", "Prof" just before a full stop: a title, not the end of a sentence.
_TITLE_BEFORE = re.compile(r"(?<!\w)(?:" + "|".join(lexicon.TITLES) + r")$", re.IGNORECASE)


_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nothing|nobody|neither|nor|cannot|without|unable)\b|\b\w+n['’]t\b",
    re.IGNORECASE,
)


def negation_cues(text: str) -> list[str]:
    """The negation words in a text, lower-cased, in order ("not", "never", "can't", ...).

    A capitalised "None" inside a sentence is Python's value, not a negation.
    """
    return [
        m.group(0).lower().replace("’", "'")
        for m in _NEGATION.finditer(text)
        if not (m.group(0) == "None" and not at_sentence_start(text, m.start()))
    ]


@dataclass(frozen=True)
class Claim:
    """What a text asserts about one concept: positively or negatively, and in which words.

    The concept is a crude stem ("requir" for "require", "requires") or, for an antonym pair of the
    lexicon, the stem of its first word ("succeeded" and "failed" are both about "succeed").
    """

    concept: str
    positive: bool
    words: str
    negated: bool = False
    # a claim that can agree with the other side but never flips against it ("keep it out of the dryer")
    soft: bool = False
    # made inside a condition ("if you want an exception"): flips only against another hypothetical claim
    hypothetical: bool = False
    # a state said by the moment it ends, after "before" or "until" ("before the edges dry" = "while they are still
    # wet"): hypothetical, and flips only against another such state ("before it gets light" / "before dark")
    ending: bool = False
    # the word after "than" when the claim compares ("faster than Ruby"): "Ruby is slower than Python" says the same
    than: str = ""
    # a participle describing a noun ("covered claims", "the included cable") names a class; it asserts nothing
    attributive: bool = False
    # the stems of the content words after the claim in its clause ("permitted in the lounge": lounge)
    scope: tuple[str, ...] = ()
    # said last in its clause, after what it is about ("once three checks in a row fail;")
    closing: bool = False
    # the claim as read against a text that says "only": "never pages unless the rate is high" = "pages only when
    # the rate is high", where the negation only restricts and the condition is not denied
    if_only: Claim | None = None
    # the first content word after it is past "before", "after", "until" or "then" ("ready before the next starts"):
    # a later step, not what the claim is said of
    stepped: bool = False
    # a modal of obligation before "to" ("need to audition"): about its action, so it flips only against another such
    # modal said of the same action (obligations are compared action by action in `promptops.obligations`)
    obliging: bool = False
    # a verb of one side of a transaction said in the passive ("can be bought at reception"), which says what the
    # other side's verb says in the active ("reception sells them")
    passive: bool = False
    # made inside a clause opened by "once" ("alert once free space rises above 10%"): asserted, as after "after", and
    # also the trigger of its main clause, as a condition after "when" is, so it flips against a hypothetical claim too
    timed: bool = False
    # the stems of the complement a restricting negation replaces ("don't count towards your elite status, only towards
    # your balance": elit, statu), said outright against a claim of that complement (see `_against_replaced`)
    replaced: tuple[str, ...] = ()


_CLAIM_DEFAULTS = {f.name: f.default for f in dataclasses.fields(Claim) if f.default is not dataclasses.MISSING}


def new_claim(concept: str, positive: bool, words: str, **fields: object) -> Claim:
    """`Claim(concept, positive, words, **fields)`, without the frozen class's field-by-field `__init__` (the claim of
    each word of a text is made this way)."""
    new = object.__new__(Claim)
    new.__dict__.update(concept=concept, positive=positive, words=words, **_CLAIM_DEFAULTS)
    new.__dict__.update(fields)
    return new


def replaced_claim(claim: Claim, **changes: object) -> Claim:
    """`dataclasses.replace` of a claim, without its per-call look-up of the fields (claims are made by the
    thousand): a copy of the claim's fields with `changes` set."""
    new = object.__new__(Claim)
    new.__dict__.update(claim.__dict__, **changes)
    return new
