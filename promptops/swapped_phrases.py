"""Two phrases of one sentence that traded places while every other word stayed: "retries from the API gateway
overloaded the auth service" → "retries from the auth service overloaded the API gateway".

Names are the entity check's; this finds the plain noun phrases (compound nouns, components, products) whose
roles swapped. The rest of the sentence must be word for word the same, so a passive ("Y was overloaded by X")
or any rewording is another sentence and is neither flagged nor recognised. Phrases joined by a symmetric word
("X and Y", "between X and Y", "X is similar to Y") may trade places honestly and are not flagged.

When the clauses moved too, two phrases that traded the word and preposition each follows are swapped as well:
"point the queries at the replica to take load off the primary" → "to take load off the replica, point the queries at
the primary" (`traded_objects`); a phrase that keeps its own ("take load off the primary by pointing the queries at
the replica") moved honestly.
"""

from __future__ import annotations

import re

from promptops import change_lexicon as lexicon
from promptops.claims import content_word
from promptops.word_stems import stem

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_TOKEN = re.compile(r"[a-z0-9][\w'’/-]*|[,;:()—–]")
# Words between two swapped phrases that relate them one way only when few: "X overloaded the Y"; a longer
# stretch joins two clauses ("X is included, but the Y has to be rented"), each saying something of its own.
_MAX_RELATION_WORDS = 4
_MAX_PHRASE_WORDS = 4
_SYMMETRIC_ANYWHERE = lexicon.SYMMETRIC_RELATIONS - {"and", "or", "nor"}
_LIST_JOINS = frozenset({",", "and", "or", "&", "nor", "/"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "whose", "whom"})


def swapped_phrases(before: str, after: str) -> list[str]:
    """ "X ↔ Y" for each sentence of `before` whose counterpart in `after` is the same words with X and Y traded.

    Words are compared by their stems, so a verb that agrees with its new subject ("the lab manager, who then
    notifies EHS" → "EHS, who then notify the lab manager") is the same word.
    """
    after_by_stems: dict[tuple[str, ...], list[list[str]]] = {}
    for sentence in _SENTENCE.split(after):
        stems = [stem(t) for t in _TOKEN.findall(sentence.lower())]
        after_by_stems.setdefault(tuple(sorted(stems)), []).append(stems)
    swaps: list[str] = []
    for sentence in _SENTENCE.split(before):
        tokens = _TOKEN.findall(sentence.lower())
        stems = [stem(t) for t in tokens]
        for other in after_by_stems.get(tuple(sorted(stems)), []):
            swap = _swap(tokens, stems, other)
            if swap is not None:
                swaps.append(swap)
                break
    return swaps or traded_objects(before, after)


# Prepositions that tie the phrase after them to the word before them one way ("point queries at X", "take load off
# Y"); "with", "between", "by", "of" and "than" relate both ways, mark an agent or belong to the noun before them.
_PLACING = frozenset(
    {
        *("at", "on", "in", "into", "onto", "off", "from", "to", "over", "under", "for", "through", "via"),
        *("behind", "above", "below", "inside", "outside", "toward", "towards", "against", "across", "within"),
    }
)
_Context = tuple[str, str]  # the stem of the word before the preposition, the preposition


def traded_objects(before: str, after: str) -> list[str]:
    """ "X ↔ Y" when two phrases traded the word-and-preposition each follows, wherever the clauses went: "point
    the queries at the replica to take load off the primary" → "to take load off the replica, point the queries at
    the primary". A phrase that keeps its own ("take load off the primary by pointing queries at the replica") moved
    honestly. Each phrase must follow such a preposition once on each side and be said nowhere else."""
    old, new = _objects(before), _objects(after)
    shared = [p for p in old if p in new]
    for k, x in enumerate(shared):
        for y in shared[k + 1 :]:
            if old[x][0] != old[y][0] and old[x][0] == new[y][0] and old[y][0] == new[x][0]:
                return [f"{old[x][1]} ↔ {old[y][1]}"]
    return []


def _objects(text: str) -> dict[tuple[str, ...], tuple[_Context, str]]:
    """Each phrase after a placing preposition that follows a content word, said once in the text (its stems) → its
    context and its words: "queries at the replica" gives ("replica",) → (("queri", "at"), "replica")."""
    tokens = _TOKEN.findall(text.lower())
    stems = [stem(t) for t in tokens]
    found: dict[tuple[str, ...], list[tuple[_Context, str]]] = {}
    for k in range(1, len(tokens) - 1):
        if tokens[k] not in _PLACING or not content_word(tokens[k - 1]):
            continue
        j = k + 1 + (tokens[k + 1] in lexicon.DETERMINERS)
        end = j
        while end < min(len(tokens), j + _MAX_PHRASE_WORDS) and _plain(tokens[end]):
            end += 1
        if end > j and stems.count(stems[end - 1]) == 1:
            found.setdefault(tuple(stems[j:end]), []).append(((stems[k - 1], tokens[k]), " ".join(tokens[j:end])))
    return {phrase: said[0] for phrase, said in found.items() if len(said) == 1}


def _plain(word: str) -> bool:
    """A word of a noun phrase: a content word of letters that no preposition is."""
    return word.isalpha() and content_word(word) and word not in _PLACING


def _swap(words: list[str], old: list[str], new: list[str]) -> str | None:
    """ "X ↔ Y" when `new` is `old` (the stems of `words`) with two phrases exchanged and the words between them
    relate them one way."""
    if old == new or len(old) != len(new):
        return None
    start = next(k for k in range(len(old)) if old[k] != new[k])
    end = next(k for k in range(len(old) - 1, -1, -1) if old[k] != new[k]) + 1
    was, now, said = old[start:end], new[start:end], words[start:end]
    for first in range(1, min(_MAX_PHRASE_WORDS, len(was)) + 1):
        for second in range(1, min(_MAX_PHRASE_WORDS, len(was) - first) + 1):
            x, y, middle = said[:first], said[len(said) - second :], said[first : len(said) - second]
            swapped = [*was[len(was) - second :], *was[first : len(was) - second], *was[:first]]
            if now == swapped and _phrase(x) and _phrase(y) and _one_way(middle):
                return f"{' '.join(x)} ↔ {' '.join(y)}"
    return None


def _phrase(words: list[str]) -> bool:
    """Words that name something: no punctuation, at least one content word that is not a number."""
    return all(w[0].isalnum() for w in words) and any(content_word(w) and not w[0].isdigit() for w in words)


def _one_way(middle: list[str]) -> bool:
    """The words between two phrases relate them one way: a content word, no symmetric one, no list."""
    if not middle or not any(w[0].isalpha() and content_word(w) for w in middle):
        return False
    relative = middle[0] == "," and len(middle) > 1 and middle[1] in _RELATIVE_PRONOUNS  # "X, who then notifies Y"
    if (middle[0] in _LIST_JOINS and not relative) or middle[-1] in _LIST_JOINS:
        return False  # two items of one list: "passport, proof of address, and a payslip"
    # "and"/"or" may join two clauses in a long stretch; "same", "with", "between" relate both ways anywhere
    symmetric = lexicon.SYMMETRIC_RELATIONS if len(middle) <= _MAX_RELATION_WORDS else _SYMMETRIC_ANYWHERE
    return not any(w in symmetric for w in middle)
