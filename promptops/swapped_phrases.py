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

import functools
import itertools
import re

from promptops import change_lexicon as lexicon
from promptops.sentences import split_sentences
from promptops.text_caches import TEXTS_PER_CASE
from promptops.word_concepts import content_word, word_concepts
from promptops.word_stems import stem

_TOKEN = re.compile(r"[a-z0-9][\w'’/-]*|[,;:()—–]")
# Words between two swapped phrases that relate them one way only when few: "X overloaded the Y"; a longer
# stretch joins two clauses ("X is included, but the Y has to be rented"), each saying something of its own.
_MAX_RELATION_WORDS = 4
_MAX_PHRASE_WORDS = 4
# Two phrases exchanged in a sentence kept word for word around them may be longer: a noun said by its modifier,
# "those defined in a subclass" / "those inherited from a parent trait".
_MAX_EXCHANGED_WORDS = 6
_SYMMETRIC_ANYWHERE = lexicon.SYMMETRIC_RELATIONS - {"and", "or", "nor"}
_LIST_JOINS = frozenset({",", "and", "or", "&", "nor", "/"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "whose", "whom"})


def swapped_phrases(before: str, after: str) -> list[str]:
    """ "X ↔ Y" for each sentence of `before` whose counterpart in `after` is the same words with X and Y traded.

    Words are compared by their stems, so a verb that agrees with its new subject ("the lab manager, who then
    notifies EHS" → "EHS, who then notify the lab manager") is the same word.
    """
    after_by_stems: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for _, _, stems in _sentences(after):
        after_by_stems.setdefault(tuple(sorted(stems)), []).append(stems)
    swaps: list[str] = []
    for sentence, tokens, stems in _sentences(before):
        for other in after_by_stems.get(tuple(sorted(stems)), []):
            swap = _swap(list(tokens), list(stems), list(other), _options(sentence))
            if swap is not None:
                swaps.append(swap)
                break
    return swaps or traded_objects(before, after) or traded_sides(before, after)


_Sentence = tuple[str, tuple[str, ...], tuple[str, ...]]  # a sentence, its lower-cased tokens and their stems


@functools.lru_cache(maxsize=TEXTS_PER_CASE)
def _sentences(text: str) -> tuple[_Sentence, ...]:
    """Each sentence of a text with its lower-cased tokens and their stems, which every reading here goes through.
    (No token spans a sentence break, which is white space: the sentences' tokens, one after the other, are the
    text's.)"""
    found: list[_Sentence] = []
    for sentence in split_sentences(text):
        tokens = tuple(_TOKEN.findall(sentence.lower()))
        found.append((sentence, tokens, tuple(map(stem, tokens))))
    return tuple(found)


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
    sentences = _sentences(text)
    tokens = list(itertools.chain.from_iterable(sentence_tokens for _, sentence_tokens, _ in sentences))
    stems = list(itertools.chain.from_iterable(sentence_stems for _, _, sentence_stems in sentences))
    found: dict[tuple[str, ...], list[tuple[_Context, str]]] = {}
    for k in range(1, len(tokens) - 1):
        if tokens[k] not in _PLACING or not content_word(tokens[k - 1]):
            continue
        word = stems[k - 1]
        if k >= 3 and _amount_opener(tokens[k - 2]) and content_word(tokens[k - 3]):
            word = f"{stems[k - 3]} {word}"  # "go forward one hour in March": "in March" is where it goes forward
        j = k + 1 + (tokens[k + 1] in lexicon.DETERMINERS)
        end = j
        while end < min(len(tokens), j + _MAX_PHRASE_WORDS) and (_plain(tokens[end]) or tokens[end] in _DATES):
            end += 1
        if end > j and stems.count(stems[end - 1]) == 1:
            found.setdefault(tuple(stems[j:end]), []).append(((word, tokens[k]), " ".join(tokens[j:end])))
    return {phrase: said[0] for phrase, said in found.items() if len(said) == 1}


# Months and weekdays, which a phrase after a preposition may name ("back in October", "closed on Mondays"); not "may".
_DATES = frozenset({*lexicon.MONTHS, *lexicon.WEEKDAYS, *(f"{day}s" for day in lexicon.WEEKDAYS)}) - {"may"}
# Words that open an amount before its unit ("one hour", "2 days", "an hour"): the phrase after the unit is said of the
# word before the amount.
_AMOUNT_OPENERS = frozenset({"a", "an", *lexicon.SMALL_NUMBERS})


def _amount_opener(word: str) -> bool:
    return word in _AMOUNT_OPENERS or word.replace(".", "").isdigit()


def _plain(word: str) -> bool:
    """A word of a noun phrase: a content word of letters that no preposition is."""
    return word.isalpha() and content_word(word) and word not in _PLACING


def _swap(words: list[str], old: list[str], new: list[str], options: frozenset[str] = frozenset()) -> str | None:
    """ "X ↔ Y" when `new` is `old` (the stems of `words`) with two phrases exchanged and the words between them
    relate them one way: not two synonyms trading places (`_synonyms`), nor two of the sentence's command-line
    `options`, whose order says nothing."""
    if old == new or len(old) != len(new):
        return None
    start = next(k for k in range(len(old)) if old[k] != new[k])
    end = next(k for k in range(len(old) - 1, -1, -1) if old[k] != new[k]) + 1
    was, now, said = old[start:end], new[start:end], words[start:end]
    for first in range(1, min(_MAX_EXCHANGED_WORDS, len(was)) + 1):
        for second in range(1, min(_MAX_EXCHANGED_WORDS, len(was) - first) + 1):
            x, y, middle = said[:first], said[len(said) - second :], said[first : len(said) - second]
            swapped = [*was[len(was) - second :], *was[first : len(was) - second], *was[:first]]
            if now == swapped and _phrase(x) and _phrase(y) and _one_way(middle):
                if _synonyms(x, y) or (x[0] in options and y[0] in options):
                    return None
                return f"{' '.join(x)} ↔ {' '.join(y)}"
    return None


def _synonyms(x: list[str], y: list[str]) -> bool:
    """Two phrases whose words say, one for one, the same side of one pair of opposites ("removes" / "deleted", both
    against "add"): synonyms that trade places leave each place saying what it said ("removes resources that were
    deleted" = "deletes resources that were removed")."""
    if len(x) != len(y):
        return False
    for a, b in zip(x, y, strict=True):
        shared = set(word_concepts(a)) & set(word_concepts(b))
        if stem(a) != stem(b) and not any(concept.startswith("~") for concept, _ in shared):
            return False
    return True


# A command-line option: a word right after one or two hyphens that open a word ("--allow-read", "-v").
_OPTION = re.compile(r"(?<![\w-])--?([a-z][\w-]*)")


def _options(sentence: str) -> frozenset[str]:
    """The command-line options of a sentence, without their hyphens: a command's options are a set, so two that
    trade places ("--verbose --dry-run" → "--dry-run --verbose") relate nothing to each other."""
    return frozenset(_OPTION.findall(sentence.lower())) if "-" in sentence else frozenset()


def _phrase(words: list[str]) -> bool:
    """Words that name something: no punctuation, at least one content word that is not a number."""
    return all(w[0].isalnum() for w in words) and any(content_word(w) and not w[0].isdigit() for w in words)


def _one_way(middle: list[str]) -> bool:
    """The words between two phrases relate them one way: a content word, no symmetric one, no list."""
    if not middle or not any(w[0].isalpha() and content_word(w) for w in middle):
        return False
    # "X, who then notifies Y"; "X, the older collie, has been reserved; Y is still available"
    relative = middle[0] == "," and len(middle) > 1 and (middle[1] in _RELATIVE_PRONOUNS or _apposition(middle))
    if (middle[0] in _LIST_JOINS and not relative and not _placed_by(middle)) or middle[-1] in _LIST_JOINS:
        return False  # two items of one list: "passport, proof of address, and a payslip"
    # "and"/"or" may join two clauses in a long stretch; "same", "with", "between" relate both ways anywhere
    symmetric = lexicon.SYMMETRIC_RELATIONS if len(middle) <= _MAX_RELATION_WORDS else _SYMMETRIC_ANYWHERE
    return not any(w in symmetric for w in middle)


def _placed_by(middle: list[str]) -> bool:
    """The words after a phrase's "and" end in a word and its placing preposition, maybe with a determiner ("full sun
    and wilt if kept in shade", "the tent and poles in the car"): the second phrase is the object of that preposition,
    no second item of a list that "and" opens, so the two relate one way."""
    end = len(middle) - (middle[-1] in lexicon.DETERMINERS)
    return end > 2 and middle[end - 1] in _PLACING and content_word(middle[end - 2])


def _apposition(middle: list[str]) -> bool:
    """The words after a phrase open an apposition closed before a verb: ", the two-year-old collie, has been …" (not
    the next item of a list: ", the proof of address, and …")."""
    if middle[1] not in lexicon.DETERMINERS:
        return False
    for k in range(2, min(len(middle) - 1, 2 + _MAX_APPOSITION_WORDS + 1)):
        if middle[k] in _LIST_JOINS:
            return middle[k] == "," and middle[k + 1] in lexicon.AUXILIARIES
    return False


_MAX_APPOSITION_WORDS = 5


# Comparatives that a comparison keeps when its two sides trade places: "X costs more than Y" → "Y costs more than X".
_COMPARATIVES = frozenset({"more", "less", "fewer", "better", "worse", "greater", "higher", "lower"})
_COMPARATIVE_REACH = 5
# Where a move starts and where it ends: "from X to Y", "off X onto Y", "out of X into Y".
_SOURCES = frozenset({"from", "off", "of"})
_DESTINATIONS = frozenset({"to", "onto", "into"})
_MOVE_REACH = 6
_SUBJECT_PRONOUNS = frozenset({"i", "you", "we", "they", "he", "she", "it"})
_Side = tuple[tuple[str, ...], str]  # a phrase's stems and its words


def traded_sides(before: str, after: str) -> list[str]:
    """ "X ↔ Y" when the two sides of a comparison traded places and its comparative stayed ("e-bikes cost more than
    standard bikes" → "standard bikes cost more than e-bikes"), or a move's source and destination did ("from the hot
    nodes to the warm nodes" → "off the warm nodes onto the hot nodes"). The opposite comparative ("Y costs less than
    X") or the same move in another order ("to Y from X") says the same."""
    if "than" not in before and not _MOVE_WORD.search(before):
        return []
    old = [(_comparison(tokens), _move(tokens)) for _, tokens, _ in _sentences(before)]
    new = [(_comparison(tokens), _move(tokens)) for _, tokens, _ in _sentences(after)]
    for old_comparison, old_move in old:
        for new_comparison, new_move in new:
            swap = _traded_comparison(old_comparison, new_comparison) or _traded_move(old_move, new_move)
            if swap is not None:
                return [swap]
    return []


_MOVE_WORD = re.compile(r"\b(?:from|off|out of)\b", re.IGNORECASE)
_Comparison = tuple[str, list[str], _Side]


def _traded_comparison(old: _Comparison | None, new: _Comparison | None) -> str | None:
    if old is None or new is None or old[0] != new[0] or old[2][0] == new[2][0]:
        return None
    # each side's "than" phrase is said before "than" on the other side: the two compared things traded places
    if set(new[2][0]) <= set(old[1]) and set(old[2][0]) <= set(new[1]):
        return f"{old[2][1]} ↔ {new[2][1]}"
    return None


def _comparison(tokens: tuple[str, ...]) -> _Comparison | None:
    """The comparative of a sentence's "than" (its lower-cased `tokens`), the stems before it and the phrase after it
    ("more", [...], "day shifts"); None without one."""
    if tokens.count("than") != 1:
        return None
    k = tokens.index("than")
    before = tokens[max(0, k - _COMPARATIVE_REACH) : k]
    comparative = next((w for w in reversed(before) if w in _COMPARATIVES), None)
    if comparative is None and before and before[-1].endswith("er") and before[-1] not in ("rather", "other"):
        comparative = before[-1]  # "cheaper than", "faster than"
    side = _side(tokens, k + 1)
    if comparative is None or side is None:
        return None
    return comparative, [stem(t) for t in tokens[:k]], side


def _side(tokens: tuple[str, ...], j: int) -> _Side | None:
    """The noun phrase from token `j`, past a determiner or a subject pronoun: up to four plain words."""
    while j < len(tokens) and (tokens[j] in lexicon.DETERMINERS or tokens[j] in _SUBJECT_PRONOUNS):
        j += 1
    end = j
    while end < min(len(tokens), j + _MAX_PHRASE_WORDS) and _plain(tokens[end].replace("-", "")):
        end += 1
    if end == j:
        return None
    return tuple(stem(t) for t in tokens[j:end]), " ".join(tokens[j:end])


def _traded_move(old: tuple[_Side, _Side] | None, new: tuple[_Side, _Side] | None) -> str | None:
    if old is None or new is None or old[0][0] == old[1][0]:
        return None
    if old[0][0] == new[1][0] and old[1][0] == new[0][0]:
        return f"{old[0][1]} ↔ {old[1][1]}"
    return None


def _move(tokens: tuple[str, ...]) -> tuple[_Side, _Side] | None:
    """The source and destination of a move said once in a sentence (its lower-cased `tokens`: "from X to Y", "into Y
    from X"), or None."""
    sources = [k for k, t in enumerate(tokens) if t in _SOURCES and (t != "of" or tokens[k - 1 : k] == ("out",))]
    targets = [k for k, t in enumerate(tokens) if t in _DESTINATIONS]
    pairs = [(s, t) for s in sources for t in targets if abs(s - t) <= _MOVE_REACH]
    if len(pairs) != 1:
        return None
    source, target = _side(tokens, pairs[0][0] + 1), _side(tokens, pairs[0][1] + 1)
    return (source, target) if source is not None and target is not None else None
