"""What single words say: the concepts and opposites of a word, and whether it is a content word.

A word maps to the (concept, polarity) pairs it asserts: its stem ("includes" → include +), the hand-written
antonyms of `change_lexicon.ANTONYMS` ("fails" → succeed −) before the WordNet pairs, the opposites of the parts of
a hyphenated compound ("slow-paced") and of comparatives ("cheaper" against "more expensive"). `content_word`,
`gerund` and `past_participle` tell a word's kind by its shape and the function-word lists.
"""

from __future__ import annotations

import functools
import re

from promptops import change_lexicon as lexicon
from promptops.common_words import is_common_word
from promptops.word_stems import stem
from promptops.wordnet_antonyms import AntonymPair, wordnet_antonyms


def _build_antonym_index() -> dict[str, tuple[tuple[str, bool], ...]]:
    """Every antonym-lexicon word → the (concept, polarity) pairs it asserts ("fails" → succeed −, pass −)."""
    index: dict[str, list[tuple[str, bool]]] = {}
    for left, right in lexicon.ANTONYMS:
        concept = "~" + stem(min(left, key=lambda w: (len(w), w)))
        for words, positive in ((left, True), (right, False)):
            for word in words:
                index.setdefault(word, []).append((concept, positive))
    return {word: tuple(dict.fromkeys(pairs)) for word, pairs in index.items()}


ANTONYM_INDEX = _build_antonym_index()
# The concept of permission: "allowed", "permitted", "accepted" against "forbidden", "banned", "denied".
PERMISSION = ANTONYM_INDEX["allowed"][0][0]
# Opposites only before the noun they describe ("a naive datetime" / "an aware datetime"): word → (concept, polarity).
ATTRIBUTIVE_OPPOSITES = {
    word: (f"~{left}/{right}", word == left) for left, right in lexicon.ATTRIBUTIVE_ANTONYMS for word in (left, right)
}


@functools.cache
def _wordnet_sides() -> dict[str, list[tuple[AntonymPair, bool]]]:
    """Every word of a WordNet pair → the pairs it is a form of, in the list's order, each with its side (True: the
    first). Built on first use, not at import; what each pair says of a word is worked out for the words met only
    (`_wordnet_concepts`), as most of the thousands of forms never occur in the texts compared."""
    sides: dict[str, list[tuple[AntonymPair, bool]]] = {}
    for pair in wordnet_antonyms():
        for words, positive in ((pair.first, True), (pair.second, False)):
            for word in words:
                sides.setdefault(word, []).append((pair, positive))
    return sides


@functools.lru_cache(maxsize=16384)
def _wordnet_concepts(word: str) -> tuple[tuple[tuple[str, bool], ...], tuple[tuple[str, bool], ...]]:
    """The (concept, polarity) pairs a word of WordNet pairs asserts ("underpaid" → overpay/underpay −): as any word,
    and as a noun (a pair of verbs only says nothing of "your stay").

    The hand-written lexicon has priority: a WordNet pair of two words it already relates (as opposites, "open" /
    "close", or as one side, "accept" / "allow") is left out.
    """
    found = [
        (f"~{stem(pair.first[0])}/{stem(pair.second[0])}", positive, pair.verbs_only)
        for pair, positive in _wordnet_sides().get(word, ())
        if not _related_by_lexicon(pair.first, pair.second)
    ]
    if not found:
        return _NO_CONCEPTS
    return (
        tuple(dict.fromkeys((c, p) for c, p, _ in found)),
        tuple(dict.fromkeys((c, p) for c, p, verbs_only in found if not verbs_only)),
    )


_NO_CONCEPTS: tuple[tuple[tuple[str, bool], ...], tuple[tuple[str, bool], ...]] = ((), ())


def _related_by_lexicon(left: tuple[str, ...], right: tuple[str, ...]) -> bool:
    """A form of each word is in one antonym pair of the hand-written lexicon."""
    concepts = {c for word in left for c, _ in ANTONYM_INDEX.get(word, ())}
    return any(c in concepts for word in right for c, _ in ANTONYM_INDEX.get(word, ()))


def word_concepts(word: str, noun: bool = False) -> list[tuple[str, bool]]:
    """The concepts one word asserts (see `_concepts_of_word`), as a new list the caller may extend."""
    return list(_concepts_of_word(word, noun))


@functools.lru_cache(maxsize=16384)
def _concepts_of_word(word: str, noun: bool) -> tuple[tuple[str, bool], ...]:
    """The concepts one word asserts, positively unless it is an antonym's negative side or a negated prefix form.

    A word of the hand-written antonym pairs asserts their concepts; any other word its own stem. A word with a
    negating prefix also asserts the opposite of the word without the prefix ("unavailable" = available −), when
    that word is long enough not to be an accident ("information") and is a word of its own: "indexed" is no
    "dexed" denied. A word of a WordNet pair asserts that pair's concept too ("lowered" against "raised"), unless
    the pair opposes verbs only and the word is used as a `noun` ("during your stay" is no "stay" against "change").
    """
    wordnet = _wordnet_concepts(word)[noun]
    if word in ANTONYM_INDEX:
        # "read-only" says read~only against "write-only" too, through its part (`_compound_concepts`)
        return (*ANTONYM_INDEX[word], *wordnet, *(_compound_concepts(word) if "-" in word else ()))
    concepts = [(stem(_verb_of(word)), True)]
    for prefix in lexicon.NEGATING_PREFIXES:
        rest = word.removeprefix(prefix)
        if rest != word and len(rest) >= lexicon.MIN_STEM and (rest in ANTONYM_INDEX or is_common_word(rest)):
            concepts += [(concept, not positive) for concept, positive in word_concepts(rest)]
            break
    concepts += _compound_concepts(word)
    verb = _able_verb(word)
    if verb:
        concepts.append((stem(verb), True))  # "refundable" says "refund", so "non-refundable" denies a refund
    return tuple(dict.fromkeys([*concepts, *wordnet])) if wordnet else tuple(concepts)


_MIN_ABLE = 8


def _able_verb(word: str) -> str:
    """The verb an "-able" adjective is made from ("refundable" → "refund", "bookable" → "book"), or ""."""
    if len(word) < _MIN_ABLE or not word.endswith("able") or "-" in word:
        return ""
    base = word.removesuffix("able")
    return next((b for b in (base, f"{base}e") if is_common_word(b)), "")


def _compound_concepts(word: str) -> list[tuple[str, bool]]:
    """The opposites a hyphenated compound says through one of its parts, each tied to the compound's other parts:
    "slow-paced" asserts fast −, as a pace ("fast~*-paced"), against "fast-paced"; "opt-out" asserts "opt~in" −, as
    "opt out" does, against "opt-in"; "off-site" asserts "on~site" −, against "on-site". A part that is an opposite
    only of a word outside the compound ("a slow-paced class" against "a fast train") says nothing of it."""
    parts = word.split("-")
    if len(parts) < 2 or not all(p.isalpha() for p in parts):
        return []
    found: list[tuple[str, bool]] = []
    if len(parts) == 2 and parts[1] in lexicon.PARTICLES:
        axis, positive = lexicon.PARTICLES[parts[1]]
        found.append((f"{stem(parts[0])}~{axis}", positive))  # "opt-out" says "opt out"
    if len(parts) == 2 and parts[0] in lexicon.PARTICLES:
        axis, positive = lexicon.PARTICLES[parts[0]]
        found.append((f"{axis}~{stem(parts[1])}", positive))  # "off-site" says "on~site" −, as "in stock" does
    for k, part in enumerate(parts):
        shape = "-".join("*" if j == k else p for j, p in enumerate(parts))
        found += [(f"{c}@{shape}", p) for c, p in (*_part_opposites(part), *COMPOUND_PART_OPPOSITES.get(part, ()))]
    return found


# Parts opposite only inside a compound ("client-streaming" / "server-streaming"): part → (concept, polarity).
COMPOUND_PART_OPPOSITES = {
    word: ((f"~{left}/{right}", word == left),)
    for left, right in lexicon.COMPOUND_PART_ANTONYMS
    for word in (left, right)
}


def has_opposite(word: str) -> bool:
    """The word is one side of a pair of opposites, hand-written or WordNet's ("slow", "credit", "asleep")."""
    return bool(_part_opposites(word.lower()))


def _part_opposites(part: str) -> list[tuple[str, bool]]:
    """The antonym concepts one part of a compound asserts: of the hand-written pairs, or of WordNet's."""
    if part in ANTONYM_INDEX:
        return list(ANTONYM_INDEX[part])
    return list(_wordnet_concepts(part)[1])


_MIN_ACTION_NOUN = 8


def _verb_of(word: str) -> str:
    """The verb an action noun names ("collection" → "collect", "deletion" → "delet"), so that "no bib collection"
    and "bibs cannot be collected" are one claim; other words as they are."""
    return word[:-3] if len(word) >= _MIN_ACTION_NOUN and word.endswith(("ction", "etion")) else word


@functools.cache
def converse_concepts() -> frozenset[str]:
    """The concepts of verbs that say one transaction from its two sides: buy/sell, borrow/lend, import/export."""
    return frozenset(c for word in ("buy", "lend", "import") for c, _ in word_concepts(word) if c.startswith("~"))


def comparative_concepts(word: str) -> list[tuple[str, bool]]:
    """The opposites a comparative before "than" says through its adjective, when the lists name the adjective but
    not the comparative ("narrower", "thinner", "shallower")."""
    for base in _comparative_bases(word):
        opposites = [(c, p) for c, p in word_concepts(base) if c.startswith("~")]
        if opposites:
            return opposites
    return []


def _comparative_bases(word: str) -> list[str]:
    """The adjectives a word ending in "-er" may be the comparative of: "narrower" → "narrow", "thinner" → "thin",
    "wider" → "wide", "emptier" → "empty"."""
    stem_ = word.removesuffix("er")
    if stem_ == word or len(stem_) < _MIN_COMPARATIVE_BASE:
        return []
    bases = [stem_, f"{stem_}e"]
    if stem_[-1] == stem_[-2]:
        bases.append(stem_[:-1])
    if stem_.endswith("i"):
        bases.append(f"{stem_[:-1]}y")
    return bases


_MIN_COMPARATIVE_BASE = 3
_MIN_GERUND = 5


def gerund(word: str) -> bool:
    """A verb's "-ing" form ("showing", "working"), as a ceasing verb takes it; not "thing", "king" or "during"."""
    return len(word) >= _MIN_GERUND and word.endswith("ing") and content_word(word)


_MIN_PARTICIPLE = 5


def past_participle(word: str) -> bool:
    """The word is the past participle of a regular verb, whose stem or "-ing" form the dictionary lists ("soaked":
    soak, "used": use, "stopped": stopping, "cooked": cooking, though "Cook" is a name too); not "seed", "speed" or
    "hundred"."""
    if len(word) < _MIN_PARTICIPLE or not word.endswith("ed"):
        return False
    return any(is_common_word(form) for form in (word[:-1], word[:-2], f"{word[:-2]}ing", f"{word[:-1]}ing"))


# The words that say nothing of their own (see `content_word`), as one set.
_NOT_CONTENT = (
    lexicon.FUNCTION_WORDS | lexicon.AUXILIARIES | lexicon.NEGATION_SKIP | lexicon.NEGATION_WORDS | lexicon.STOPWORDS
)


def content_word(word: str) -> bool:
    """A word that says something: not a function word, auxiliary, pronoun or a word a negation skips."""
    return word[0].isalpha() and word not in _NOT_CONTENT


# Lower-case words (with an apostrophe or a hyphen) and numbers, as a text's content stems are read.
WORD_OR_NUMBER = re.compile(r"[a-z][a-z'’-]*|\d+(?:[.,]\d+)?")
_DATES = frozenset((*lexicon.WEEKDAYS, *lexicon.MONTHS))


def content_stems(text: str) -> set[str]:
    """The stems of a text's content words, weekdays, months and numbers."""
    words = WORD_OR_NUMBER.findall(text.lower().replace("’", "'"))
    return {w if w[0].isdigit() else stem(w) for w in words if w[0].isdigit() or content_word(w) or w in _DATES}
