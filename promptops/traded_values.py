"""Two values (amounts or names) that traded the slots they fill while every other word of the sentence stayed.

"Set the points gap to 0.015 in and the plug gap to 0.025 in" → "… to 0.025 in and the plug gap to 0.015 in" keeps
every number and changes both settings; "the music director, Elena Marsh, and the concertmaster, Tom Reyes" → "the
music director, Tom Reyes, and the concertmaster, Elena Marsh" keeps both people and both roles and changes who holds
which; "presented by Aisha Bello, standing in for Tom Reid" → "by Tom Reid, standing in for Aisha Bello" changes who
stands in for whom. A value's slot is said by the words that label it: a content word between the two values that
belongs to one of them — after the first before any list join ("30 in Leeds and 20 in York"), after the last list
join before the second ("… and the plug gap to 0.025"), or a role each is set beside with a comma ("the
concertmaster, Tom Reyes"). Values coordinated with each other trade places honestly: a list ("Ana, Ben and Cal",
"5, 10 or 15 minutes"), a range ("between 10 and 20", "10 to 20"), amounts of one unit ("10 kg and 20 kg") or a
symmetric relation ("Ana met Ben"). Plain noun phrases that trade places are `promptops.swapped_phrases`'s.

The start and end of a move between two amounts that traded places reverse its direction, whatever else was
reworded: "improved from 98.1% to 99.4%" → "dropped from 99.4% to 98.1%" (the same move said end first, "rose to 99.4%
from 98.1%", is no trade).
"""

from __future__ import annotations

import re

from promptops import change_lexicon as lexicon
from promptops.sentences import split_sentences
from promptops.word_concepts import content_word

# A number (with its currency, decimals and percent sign), a word, or a mark that joins or closes a phrase.
_TOKEN = re.compile(r"[$€£]?\d+(?:[.,]\d+)*%?|[A-Za-z][\w'’-]*|[,;:()—–]")
_NUMBER = re.compile(r"[$€£]?\d")
# A sentence worth reading: two numbers, or two capitalised words after its first.
_TWO_VALUES = re.compile(r"\d\D+\d|\S\s.*?\b[A-Z].*?\b[A-Z]", re.DOTALL)
_LIST_JOINS = frozenset({",", ";", "and", "or", "nor", "&", "/"})
_MAX_NAME_WORDS = 4


def traded_values(before: str, after: str) -> list[str]:
    """ "values traded: 0.015 ↔ 0.025" or "names traded: Elena Marsh ↔ Tom Reyes" for each sentence of `before`
    whose counterpart in `after` is the same words with two values of one kind exchanged between labelled slots, and
    each move between two amounts whose start and end traded places."""
    reversed_moves = _reversed_moves(before, after) if "from" in before and "from" in after else []
    if reversed_moves:
        return reversed_moves
    after_sentences = split_sentences(after)
    # a sentence whose words were exchanged changed, and kept its letters: a quick test before reading its words
    unchanged, sizes = set(after_sentences), {_size(s) for s in after_sentences}
    candidates = [
        s for s in split_sentences(before) if s not in unchanged and _size(s) in sizes and _TWO_VALUES.search(s)
    ]
    if not candidates:
        return []
    after_by_words: dict[tuple[str, ...], list[list[str]]] = {}
    wanted = {_size(c) for c in candidates}
    for sentence in after_sentences:
        if _size(sentence) in wanted:
            tokens = _TOKEN.findall(sentence)
            after_by_words.setdefault(tuple(sorted(t.lower() for t in tokens)), []).append(tokens)
    traded: list[str] = []
    for sentence in candidates:
        tokens = _TOKEN.findall(sentence)
        for other in after_by_words.get(tuple(sorted(t.lower() for t in tokens)), []):
            found = _trade(tokens, other)
            if found is not None:
                traded.append(found)
                break
    return traded


def _size(sentence: str) -> int:
    """The sentence's length without its spaces, which an exchange of two of its words keeps."""
    return len(sentence) - sentence.count(" ")


def _trade(old: list[str], new: list[str]) -> str | None:
    """The two values of `old` that `new` has exchanged, shown, when their slots are labelled; None otherwise."""
    low_old, low_new = [t.lower() for t in old], [t.lower() for t in new]
    if low_old == low_new:
        return None
    start = next(k for k in range(len(old)) if low_old[k] != low_new[k])
    end = next(k for k in range(len(old) - 1, -1, -1) if low_old[k] != low_new[k]) + 1
    span = end - start
    for first in range(1, min(_MAX_NAME_WORDS, span - 1) + 1):
        for second in range(1, min(_MAX_NAME_WORDS, span - first) + 1):
            x, y = old[start : start + first], old[end - second : end]
            middle = old[start + first : end - second]
            exchanged = [*y, *middle, *x]
            if [t.lower() for t in exchanged] != low_new[start:end]:
                continue
            kind = _kind(x, start == 0)
            if kind is None or kind != _kind(y, False) or not middle:
                continue
            if _labelled(middle, kind) or _apposed(old, start, start + first, end - second, end):
                shown = " ".join(x), " ".join(y)
                return f"{'values' if kind == 'number' else 'names'} traded: {shown[0]} ↔ {shown[1]}"
    return None


def _kind(words: list[str], opens_sentence: bool) -> str | None:
    """ "number" for one amount, "name" for a run of capitalised words that are no common function words, else None.
    A sentence's first word is capitalised anyway, so a name opening it needs a second capitalised word."""
    if len(words) == 1 and _NUMBER.match(words[0]):
        return "number"
    if opens_sentence and len(words) < _MIN_OPENING_NAME:
        return None
    return "name" if all(w[0].isupper() and _not_function(w.lower()) for w in words) else None


_MIN_OPENING_NAME = 2


def _not_function(low: str) -> bool:
    return low not in lexicon.STOPWORDS and low not in lexicon.FUNCTION_WORDS


def _labelled(middle: list[str], kind: str) -> bool:
    """The words between two values label one of their slots: a content word after the first value before any list
    join, or after the last list join before the second; and no word relates the two values both ways."""
    if any(w.lower() in lexicon.SYMMETRIC_RELATIONS and w.lower() not in _LIST_JOINS for w in middle):
        return False  # "between Ana and Ben", "Ana met Ben", "together with Ben"
    joins = [k for k, w in enumerate(middle) if w.lower() in _LIST_JOINS]
    if not joins:
        return any(_label(w, kind) for w in middle)
    return any(_label(w, kind) for w in middle[: joins[0]]) or any(_label(w, kind) for w in middle[joins[-1] + 1 :])


def _label(word: str, kind: str) -> bool:
    """A word that names a value's slot: a content word, not a unit of an amount, and not a name beside a name."""
    low = word.lower()
    if not content_word(low) or low in lexicon.SYMMETRIC_RELATIONS:
        return False
    if kind == "number":
        return low not in lexicon.UNITS and word not in lexicon.CASED_UNITS and not _NUMBER.match(word)
    return word[0].islower()


def _apposed(tokens: list[str], x_start: int, x_end: int, y_start: int, y_end: int) -> bool:
    """Each value is set beside its own role with a comma, both before ("the director, Ana, and the treasurer, Ben")
    or both after ("Ana, the director, and Ben, the treasurer")."""
    return (_role_before(tokens, x_start) and _role_before(tokens, y_start)) or (
        _role_after(tokens, x_end) and _role_after(tokens, y_end)
    )


def _role_before(tokens: list[str], start: int) -> bool:
    """ "the concertmaster, " ends right before `start`: a comma after words with a label since the last list join."""
    if start < 1 or tokens[start - 1] != ",":
        return False
    k = start - 2
    while k >= 0 and tokens[k].lower() not in _LIST_JOINS:
        k -= 1
    return any(_label(w, "name") for w in tokens[k + 1 : start - 1])


def _role_after(tokens: list[str], end: int) -> bool:
    """ ", the director," follows `end`: a comma, then words with a label up to the next list join or the end."""
    if end >= len(tokens) or tokens[end] != ",":
        return False
    k = end + 1
    while k < len(tokens) and tokens[k].lower() not in _LIST_JOINS:
        k += 1
    return any(_label(w, "name") for w in tokens[end + 1 : k])


# An amount a move starts from and one it ends at: "from 98.1% to 99.4%", "from 5 kg up to 8 kg", "to 8 from 5".
_AMOUNT = r"[$€£]?\d+(?:[.,]\d+)*%?"
_MOVE = re.compile(
    rf"\bfrom[ \t]+(?P<start>{_AMOUNT})(?:[ \t]*[A-Za-z°]+)?[ \t]+(?:(?:up|down|back)[ \t]+)?to[ \t]+(?P<end>{_AMOUNT})"
    rf"|\bto[ \t]+(?P<end2>{_AMOUNT})(?:[ \t]*[A-Za-z°]+)?[ \t]+from[ \t]+(?P<start2>{_AMOUNT})",
    re.IGNORECASE,
)


def _reversed_moves(before: str, after: str) -> list[str]:
    """ "values traded: from 98.1% to 99.4% → from 99.4% to 98.1%": a move between two amounts whose start and end
    traded places, whatever else was reworded ("improved from 98.1% to 99.4%" → "dropped from 99.4% to 98.1%"): the
    direction of the change reversed. The same move said end first ("rose to 99.4% from 98.1%") is the same move."""
    if "from" not in before.lower() or "from" not in after.lower():
        return []
    old, new = _moves(before), _moves(after)
    return [
        f"values traded: from {a} to {b} → from {b} to {a}"
        for a, b in old
        if (b, a) in new and (a, b) not in new and (b, a) not in old
    ]


def _moves(text: str) -> list[tuple[str, str]]:
    """The (start, end) amounts of each move between two amounts in the text."""
    found: list[tuple[str, str]] = []
    for m in _MOVE.finditer(text):
        start, end = (m.group("start"), m.group("end")) if m.group("start") else (m.group("start2"), m.group("end2"))
        found.append((start.rstrip(".,"), end.rstrip(".,")))
    return found
