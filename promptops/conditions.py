"""Conditions dropped or added around an otherwise kept statement: "…for a full refund, provided they are unworn"
→ "…for a full refund" ("condition removed: provided they are unworn").

A condition is a clause opened by "provided", "as long as", "only if", "if", "unless", "except", "subject to", …
up to the end of its clause. It was removed when the rest of its sentence is still said on the other side, in
a sentence with no condition of its own, and none of the condition's words is left in the other text; so a
condition reworded ("as long as they are unworn") or moved to a sentence of its own ("Items must be unworn") is
no change.
"""

from __future__ import annotations

import re

from promptops.sentences import split_sentences
from promptops.word_concepts import content_word
from promptops.word_stems import stem

# "provided" after a form of "be" is the passive verb ("are provided free of charge"), not "on condition that".
_PASSIVE = r"(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbeing\s)"
_MARKER = (
    rf"{_PASSIVE}provided(?:\s+that)?|providing(?:\s+that)?|as\s+long\s+as|so\s+long\s+as|only\s+if|if|unless|except|"
    r"excluding|subject\s+to|on\s+condition\s+that|assuming"
)
# A condition after the main clause ("…, provided they are unworn") or before it ("If you haven't …, …"); after an
# article the marker is a noun ("an if statement", "the unless keyword"), which opens no condition.
_CONDITION = re.compile(rf"(?<!\ban\s)(?<!\ba\s)(?<!\bthe\s)\b(?:{_MARKER})\b[^.;:!?\n,]*", re.IGNORECASE)
_WORD = re.compile(r"[a-z][a-z']*|\d+(?:[.,]\d+)?")
# Words of a condition are looked for on the other side by their first letters: "cancel" / "cancelling".
_ROOT = 5
# The rest of the sentence is still said when this share of its content words is on the other side.
_KEPT = 0.8
_MIN_MAIN_WORDS = 2
_MIN_CONDITION_WORDS = 2


def condition_changes(before: str, after: str) -> list[str]:
    """ "condition removed: provided they are unworn" / "condition added: …" for each such condition, and "condition
    → concession: provided you haven't used it → even if you have used it" for a condition made a concession."""
    return (
        [f"condition removed: {c}" for c in _dropped(before, after)]
        + [f"condition added: {c}" for c in _dropped(after, before)]
        + [f"condition → concession: {c} → {k}" for c, k in _conceded(before, after)]
        + [f"concession → condition: {k} → {c}" for c, k in _conceded(after, before)]
    )


# Markers that restrict the statement to the case they name ("refundable provided it is unused") and markers that
# concede the case does not matter ("refundable even if it is used"): one turned into the other changes the statement.
_RESTRICTING = re.compile(
    rf"(?<!\ban\s)(?<!\ba\s)(?<!\bthe\s)\b(?:{_PASSIVE}provided(?:\s+that)?|providing(?:\s+that)?|as\s+long\s+as|"
    r"so\s+long\s+as|only\s+if|unless|on\s+condition\s+that)\b[^.;:!?\n,]*",
    re.IGNORECASE,
)
_CONCEDING = re.compile(
    r"\b(?:even\s+if|even\s+though|even\s+when|whether\s+or\s+not|regardless\s+of(?:\s+whether)?|"
    r"irrespective\s+of(?:\s+whether)?|no\s+matter\s+(?:whether|if))\b[^.;:!?\n,]*",
    re.IGNORECASE,
)


def _conceded(text: str, other: str) -> list[tuple[str, str]]:
    """(condition, concession) for each condition of `text` restricting a statement that `other` keeps in a sentence
    conceding instead, with no condition of its own: "refundable within 14 days, provided you haven't used it" →
    "refundable within 14 days, even if you have used it". A condition reworded ("as long as it's unused") is none."""
    if not _may_match(_RESTRICTING_LOWER, text) or _RESTRICTING.search(text) is None:
        return []
    if _CONCEDING.search(other) is None:
        return []
    conceding = []
    for sentence in split_sentences(other):
        concession = _CONCEDING.search(sentence)
        if concession is not None and _CONDITION.search(_CONCEDING.sub(" ", sentence)) is None:
            conceding.append((_stems(sentence[: concession.start()] + sentence[concession.end() :]), concession))
    found: list[tuple[str, str]] = []
    for sentence in split_sentences(text):
        for match in _RESTRICTING.finditer(sentence):
            main = _stems(sentence[: match.start()] + sentence[match.end() :])
            if len(main) < _MIN_MAIN_WORDS or _CONCEDING.search(sentence) is not None:
                continue
            kept = next((c for words, c in conceding if len(main & words) >= _KEPT * len(main)), None)
            if kept is not None:
                found.append((match.group(0).strip(), kept.group(0).strip()))
    return found


# The patterns without their look-behinds, matched case-sensitively in a lower-cased text: a quick test that a text
# has no match (the case-insensitive patterns scan slowly; all their words are in lower case, and without the
# look-behinds they match wherever they did, and more).
_LOOK_BEHIND = re.compile(r"\(\?<![^()]*\)")
_CONDITION_LOWER = re.compile(_LOOK_BEHIND.sub("", _CONDITION.pattern))
_RESTRICTING_LOWER = re.compile(_LOOK_BEHIND.sub("", _RESTRICTING.pattern))
_FOLDED_LATIN = ("\u0130", "\u0131", "\u017f", "\u212a")  # "İ", "ı", "ſ", the Kelvin sign


def _may_match(lowered: re.Pattern[str], text: str) -> bool:
    """The case-insensitive form of the `lowered` pattern may match the text: its lower-cased text matches, or
    lower-casing does not map each of its characters to one that matches the same (then the test cannot tell)."""
    lower = text.lower()
    if len(lower) != len(text) or (not text.isascii() and any(c in text for c in _FOLDED_LATIN)):
        return True
    return lowered.search(lower) is not None


def _dropped(text: str, other: str) -> list[str]:
    """The conditions of `text` whose statement `other` keeps without them."""
    if not _may_match(_CONDITION_LOWER, text) or _CONDITION.search(text) is None:
        return []
    other_roots = {_root(w) for w in _stems(other)}
    other_sentences: list[tuple[set[str], bool]] | None = None  # read for the first condition not said there
    dropped: list[str] = []
    for sentence in split_sentences(text):
        for match in _CONDITION.finditer(sentence):
            condition = _stems(match.group(0))
            main = _stems(sentence[: match.start()] + sentence[match.end() :])
            if len(main) < _MIN_MAIN_WORDS or len(condition) < _MIN_CONDITION_WORDS:
                continue
            if any(_root(w) in other_roots for w in condition):
                continue  # said on the other side in other words or another sentence ("to feed eight")
            if other_sentences is None:
                other_sentences = [(_stems(s), _has_condition(s)) for s in split_sentences(other)]
            kept_in = [
                has_condition for words, has_condition in other_sentences if len(main & words) >= _KEPT * len(main)
            ]
            if kept_in and not any(kept_in):
                dropped.append(match.group(0).strip())
    return dropped


def _has_condition(sentence: str) -> bool:
    return _CONDITION.search(sentence) is not None or _permitting(sentence)


# "weather permitting", "time permitting": an absolute clause that says "if the weather permits".
_PERMITTING = re.compile(r"\b[a-z]+\s+permitting\b", re.IGNORECASE)


def _permitting(sentence: str) -> bool:
    """The sentence has a condition said as an absolute clause ("on Friday, weather permitting" = "on Friday, if the
    weather permits"), so a condition the other side adds to it may be that one reworded ("if the sky is clear")."""
    return "permitting" in sentence and _PERMITTING.search(sentence) is not None


def _stems(text: str) -> set[str]:
    """The stems of a text's content words and its numbers ("you're" says nothing of what a condition is about)."""
    words = _WORD.findall(text.lower().replace("’", "'"))
    return {w if w[0].isdigit() else stem(w) for w in words if w[0].isdigit() or (content_word(w) and "'" not in w)}


def _root(word: str) -> str:
    """The first letters of a stem, so that "cancel" meets "cancelling"."""
    return word[:_ROOT]
