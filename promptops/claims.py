"""The polarity of the claims a text makes, and the claims whose polarity flipped between two texts.

"includes" → "does not include" (a negation), "allows" → "blocks" (opposite words), "Yes" → "No" (a bare
answer); saying the same thing another way ("is missing" = "is not present") is no flip.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from promptops import change_lexicon as lexicon
from promptops.change import Change
from promptops.common_words import is_common_word
from promptops.word_stems import stem
from promptops.wordnet_antonyms import wordnet_antonyms

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


def _new_claim(concept: str, positive: bool, words: str, **fields: object) -> Claim:
    """`Claim(concept, positive, words, **fields)`, without the frozen class's field-by-field `__init__` (the claim of
    each word of a text is made this way)."""
    new = object.__new__(Claim)
    new.__dict__.update(concept=concept, positive=positive, words=words, **_CLAIM_DEFAULTS)
    new.__dict__.update(fields)
    return new


def _replaced(claim: Claim, **changes: object) -> Claim:
    """`dataclasses.replace` of a claim, without its per-call look-up of the fields (claims are made by the
    thousand): a copy of the claim's fields with `changes` set."""
    new = object.__new__(Claim)
    new.__dict__.update(claim.__dict__, **changes)
    return new


# Words, contractions ("doesn't"), hyphenated compounds ("thread-safe"), identifiers (`raise_for_status` and
# `page.waitForTimeout` are one word: the first says nothing about raising, the second nothing about a page), and
# punctuation that ends a clause.
_CLAIM_TOKEN = re.compile(
    r"[A-Za-z]\w+(?:\.[A-Za-z]\w+)+|[A-Za-z]\w*(?:['’][A-Za-z]+)*(?:-[A-Za-z]+)*|[.,;:!?()\[\]\n—–]|(?<=\s)-(?=\s)"
)
# Inline code and the punctuation inside it, which ends no clause: "calling `set()` on one isn't possible" negates
# its subject, as "calling set on one isn't possible" does ("." between two words joins an identifier).
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_CODE_PUNCTUATION = re.compile(r"[,;:!?()\[\]]|\.(?!\w)")
# Brackets glued to the word before them, with no space inside: a call's arguments ("If wg.Add(1) is called inside
# the goroutine", "len(x)") or a plural's ending ("item(s)"), part of that word; they end no clause, so the condition
# "If wg.Add(1) is called inside …" goes on to its comma.
_GLUED_BRACKETS = re.compile(r"(?<=\w)\([^()\s]*\)")
# A connective set off by commas inside a clause ("a query on that column, however, can't use the index"): it
# interrupts no clause, so the negation after it still reaches the subject before it.
_PARENTHETICAL = re.compile(
    r",[ \t]*(?:however|though|therefore|moreover|furthermore|nevertheless|nonetheless|consequently|of course"
    r"|in fact|in practice|for example|for instance)[ \t]*,",
    re.IGNORECASE,
)
# A question asserts nothing: "Is there anything else I can help with?" is no claim that I can help.
_QUESTION = re.compile(r"(?:^|(?<=[.!?\n]))[^.!?\n]*\?")
# Pronouns a negation may stop at: "slow without it" negates whatever "it" refers to, which is not known.
_PRONOUNS = frozenset(["it", "them", "this", "that", "these", "those"])


def _build_antonym_index() -> dict[str, tuple[tuple[str, bool], ...]]:
    """Every antonym-lexicon word → the (concept, polarity) pairs it asserts ("fails" → succeed −, pass −)."""
    index: dict[str, list[tuple[str, bool]]] = {}
    for left, right in lexicon.ANTONYMS:
        concept = "~" + stem(min(left, key=lambda w: (len(w), w)))
        for words, positive in ((left, True), (right, False)):
            for word in words:
                index.setdefault(word, []).append((concept, positive))
    return {word: tuple(dict.fromkeys(pairs)) for word, pairs in index.items()}


_ANTONYM_INDEX = _build_antonym_index()
# The concept of permission: "allowed", "permitted", "accepted" against "forbidden", "banned", "denied".
_PERMISSION = _ANTONYM_INDEX["allowed"][0][0]
# Opposites only before the noun they describe ("a naive datetime" / "an aware datetime"): word → (concept, polarity).
_ATTRIBUTIVE_OPPOSITES = {
    word: (f"~{left}/{right}", word == left) for left, right in lexicon.ATTRIBUTIVE_ANTONYMS for word in (left, right)
}


@functools.cache
def _wordnet_index() -> dict[str, tuple[tuple[tuple[str, bool], ...], tuple[tuple[str, bool], ...]]]:
    """Every word of a WordNet pair → the (concept, polarity) pairs it asserts ("underpaid" → overpay/underpay −):
    as any word, and as a noun (a pair of verbs only says nothing of "your stay").

    The hand-written lexicon has priority: a WordNet pair of two words it already relates (as opposites, "open" /
    "close", or as one side, "accept" / "allow") is left out. Built on first use, not at import.
    """
    index: dict[str, list[tuple[str, bool, bool]]] = {}
    for pair in wordnet_antonyms():
        if _related_by_lexicon(pair.first, pair.second):
            continue
        concept = f"~{stem(pair.first[0])}/{stem(pair.second[0])}"
        for words, positive in ((pair.first, True), (pair.second, False)):
            for word in words:
                index.setdefault(word, []).append((concept, positive, pair.verbs_only))
    return {
        word: (
            tuple(dict.fromkeys((c, p) for c, p, _ in found)),
            tuple(dict.fromkeys((c, p) for c, p, verbs_only in found if not verbs_only)),
        )
        for word, found in index.items()
    }


_NO_CONCEPTS: tuple[tuple[tuple[str, bool], ...], tuple[tuple[str, bool], ...]] = ((), ())


def _related_by_lexicon(left: tuple[str, ...], right: tuple[str, ...]) -> bool:
    """A form of each word is in one antonym pair of the hand-written lexicon."""
    concepts = {c for word in left for c, _ in _ANTONYM_INDEX.get(word, ())}
    return any(c in concepts for word in right for c, _ in _ANTONYM_INDEX.get(word, ()))


def _word_concepts(word: str, noun: bool = False) -> list[tuple[str, bool]]:
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
    wordnet = _wordnet_index().get(word, _NO_CONCEPTS)[noun]
    if word in _ANTONYM_INDEX:
        return (*_ANTONYM_INDEX[word], *wordnet)
    concepts = [(stem(_verb_of(word)), True)]
    for prefix in lexicon.NEGATING_PREFIXES:
        rest = word.removeprefix(prefix)
        if rest != word and len(rest) >= lexicon.MIN_STEM and (rest in _ANTONYM_INDEX or is_common_word(rest)):
            concepts += [(concept, not positive) for concept, positive in _word_concepts(rest)]
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
        found += [(f"{c}@{shape}", p) for c, p in _part_opposites(part)]
    return found


def has_opposite(word: str) -> bool:
    """The word is one side of a pair of opposites, hand-written or WordNet's ("slow", "credit", "asleep")."""
    return bool(_part_opposites(word.lower()))


def _part_opposites(part: str) -> list[tuple[str, bool]]:
    """The antonym concepts one part of a compound asserts: of the hand-written pairs, or of WordNet's."""
    if part in _ANTONYM_INDEX:
        return list(_ANTONYM_INDEX[part])
    return list(_wordnet_index().get(part, _NO_CONCEPTS)[1])


_MIN_ACTION_NOUN = 8


def _verb_of(word: str) -> str:
    """The verb an action noun names ("collection" → "collect", "deletion" → "delet"), so that "no bib collection"
    and "bibs cannot be collected" are one claim; other words as they are."""
    return word[:-3] if len(word) >= _MIN_ACTION_NOUN and word.endswith(("ction", "etion")) else word


def extract_claims(text: str) -> list[Claim]:
    """The polarity of every claim in a text ("not allowed" → allow −, "failed" → succeed −, "yes" → answer +).

    A negation word negates the next content word of its clause (skipping auxiliaries and articles:
    "does not include" → include −, "no longer ships" → ship −, "unable to access" → access −), not the
    whole text, so a rewording that says "is not present" for "is missing" asserts the same thing. "no" and
    "without" negate the noun phrase they open ("no further charges": charges −), and a verb whose object is
    denied ("raises no exception") is softly negated with it. The rest of a negated clause, before and after
    the negation, is softly negated ("won't be charged a fee": fee −, soft; "refunds aren't available":
    refunds −, soft), so it agrees with "no fee" or "no refunds" but never flips against "a fee". A
    verb whose "to"-complement is denied works the same ("fails to start" = "doesn't start"). A bare "No,"
    answers a question. Particles pair up around the same anchor word: "in stock" / "out of stock", "turn on"
    / "turn off", "log in" / "log out". Questions are left out: they assert nothing; claims inside a condition
    ("if you want one") are hypothetical. A negated pronoun ("slow without it") is a claim about an unknown
    concept. "without" is a preposition: it denies its noun phrase only ("works without internet" still works,
    and "Photography without flash is allowed" still allows). "free of charge" and "gluten-free" deny what they
    name, as "no charge" does, and so do absence words: "the lid was missing" (the lid outright, as "without the
    lid"), "arrived missing the lid", "out of stock" and "sold out" (softly, as "no jackets in stock"). A negated
    modal of permission forbids ("may not be used" is softly "not allowed"), and a negated permission denies its
    "to"-complement outright ("not allowed to park" = "can't park"). A hyphenated compound says the opposites of its
    parts, tied to its other parts ("slow-paced" against "fast-paced", "opt-out" against "opt-in"). A negation that
    only delays ("isn't charged until it ships") or bounds an amount ("no nurse has more than five patients") denies
    softly, and so does a ceasing verb its "-ing" complement ("stops showing the dialog"); a negated auxiliary that
    closes its clause after a conjunction denies the predicate it leaves out ("A is allocated but B isn't").
    """
    return [c for claims in _claims_by_token(text)[1] for c in claims]


@functools.lru_cache(maxsize=1024)
def _claims_by_token(text: str) -> tuple[tuple[str, ...], tuple[tuple[Claim, ...], ...]]:
    """The lower-cased tokens of a text and, token by token, the claims each makes (see `extract_claims`)."""
    text = _said_as(_QUESTION.sub(".", text))
    text = _INLINE_CODE.sub(lambda m: _CODE_PUNCTUATION.sub(" ", m.group(0)), text)
    if "(" in text:
        text = _GLUED_BRACKETS.sub("", text)
    if "," in text:
        text = _PARENTHETICAL.sub(" ", text)
    matches = list(_CLAIM_TOKEN.finditer(text))
    tokens = [t.group(0).replace("’", "'") for t in matches]
    lower = [t.lower() for t in tokens]
    hypothetical = _hypothetical(tokens, lower)
    timed = _once_clauses(lower) if "once" in lower else set()
    unless = _after_unless(lower)
    restricted = _restricted(lower, unless)
    seldom = _seldom_denied(lower) | _unsupplied(lower) | _kept_out(lower) | _kept_off(lower)
    only_kept = _before_only(lower)
    excepted = _before_exception(lower) | only_kept.keys()
    exclusive = _exclusive_refusals(lower)
    scopes = _scopes(lower)
    ending = _state_endings(lower)
    claims_at: dict[int, list[Claim]] = {}
    skip: set[int] = set()
    clause_start = 0
    for i, word in enumerate(lower):
        if not word[0].isalpha() or word in lexicon.CLAUSE_CONJUNCTIONS:
            clause_start = i + 1
        if i in skip or not word[0].isalpha():
            continue
        found = _claims_at(tokens, lower, i, skip, scopes[i])
        if _grants(lower, i):
            # "you may stay overnight" permits what "staying overnight is not permitted" forbids
            found.append(Claim(_PERMISSION, True, f"{word} {lower[i + 1]}", scope=scopes[i]))
        receipt = _modal_receipt(lower, i)
        if receipt is not None:
            # "people with an egg allergy can have the vaccine" permits what "the vaccine can't be given to them" denies
            found.append(Claim(_RECEIPT, receipt[0], receipt[1], negated=not receipt[0], scope=scopes[i]))
        if i in exclusive:
            # "refuses anything that isn't mutual TLS" = "accepts only mutual TLS": the refusal and the negation of
            # what it spares cancel, so the verb says its opposite and the negation asserts what it denied
            spared = f"{word} {lower[i + 1]}"
            found = [
                _replaced(c, positive=not c.positive, words=spared) if c.concept.startswith("~") else c for c in found
            ]
        elif i in exclusive.values():
            found = [_replaced(c, positive=not c.positive, negated=False) if c.negated else c for c in found]
        if word != "without" and any(c.negated and not c.soft for c in found):
            # the subject of a negated clause is part of what is denied: "refunds aren't available" = "no refunds";
            # an infinitive has none ("cool it slowly to avoid cracks", "so as not to crack it": the main clause)
            for j in range(max(clause_start, i - _MAX_REACH, _infinitive_start(lower, i)), i):
                claims_at[j] = [_softly_negated(c) for c in claims_at.get(j, [])]
        elif _prohibited_subject(lower, i, found):
            # "coffee, tea and chewing gum are off-limits" = "avoid coffee, tea and chewing gum": the whole subject
            for j in range(_listed_subject_start(lower, i - 1), i - 1):
                claims_at[j] = [_softly_negated(c) for c in claims_at.get(j, [])]
        elif _fails(lower, i):
            # what fails does not happen: "pulling the image from the registry fails" = "the image cannot be pulled"
            for j in range(max(clause_start, i - _MAX_SUBJECT), i):
                claims_at[j] = [_softly_negated(c) for c in claims_at.get(j, [])]
        elif _beyond_ability(lower, i):
            # "filing returns is outside what they're able to do" = "they can't file returns": a gerund opening the
            # subject (or one of its alternatives) is denied outright, the rest of the subject softly; "outside"
            # itself says no place
            found = []
            start = _subject_start(lower, i - 1)
            for j in range(start, i):
                opens = j == start or lower[j - 1] in _DISTRIBUTING or lower[j - 1] == "and"
                claims_at[j] = [
                    _denied(c, word) if opens and _gerund(lower[j]) else _softly_negated(c)
                    for c in claims_at.get(j, [])
                ]
        elif _absent(lower, i):
            # what is missing is not there, as after "no": "the garlic bread was missing" = "came without the garlic
            # bread"; the subject's head noun is denied outright, the words before it softly
            head = next((j for j in range(i - 2, clause_start - 1, -1) if content_word(lower[j])), None)
            for j in range(max(clause_start, i - _MAX_SUBJECT), i):
                claims_at[j] = [_denied(c, word) if j == head else _softly_negated(c) for c in claims_at.get(j, [])]
        predicate, about = _elided_predicate(lower, i), scopes[i]
        if predicate is None:
            predicate = _elided_verb_phrase(lower, i)
            about = _elided_subject(lower, i) if predicate is not None else about
            if predicate is not None:
                # "cars are carried, but bicycles are not": the subject is denied (softly), as "not bicycles" is
                for j in _elided_subject_span(lower, i):
                    claims_at[j] = [_softly_negated(c) for c in claims_at.get(j, [])]
        if predicate is not None:
            # "covers defects but not damage": the "not" denies "covers" of damage, as "damage isn't covered" does;
            # "every primary is allocated but one replica isn't" denies "allocated" of the replica
            found += [
                Claim(c.concept, not c.positive, f"{word} {lower[predicate]}", negated=True, scope=about)
                for c in [*claims_at.get(predicate, []), *claims_at.get(predicate + 1, [])]
                if not (c.negated or c.soft)
                and (c.concept.partition("~")[0] == stem(lower[predicate]) or c.words == lower[predicate])
            ]
        if _closes_clause(lower, i, skip):
            found = [_replaced(c, closing=True) for c in found]
        if i in timed:
            found = [_replaced(c, timed=True) for c in found]
        if _before_a_step(lower, i):
            found = [_replaced(c, stepped=True) for c in found]
        alternative = found
        if unless[i]:
            found = [_unless(c, unless[i] == 1) for c in found]  # "unless we receive it" = "if it isn't received"
        elif i in restricted:
            alternative = _restricting(found)
        if i in excepted:
            # "avoid sudo except when installing packages" = "keep sudo for installing packages only": a restriction
            replaced = only_kept.get(i, ())
            found, alternative = _restricting(found, replaced), _restricting(alternative, replaced)
        if i in seldom:
            # "rarely needed" agrees with "not usually needed", "the blue jacket is out of stock" with "no blue jackets"
            found, alternative = [_softly_negated(c) for c in found], [_softly_negated(c) for c in alternative]
        if i in ending:
            # "before the edges dry" says "while they are still wet": no state of its own, against "wet" or "dry"
            found, alternative = _as_ending(found), _as_ending(alternative)
        if hypothetical[i]:
            found = [_replaced(c, hypothetical=True) for c in found]
            alternative = [_replaced(c, hypothetical=True) for c in alternative]
        if i in restricted:
            found = [_replaced(c, if_only=a) for c, a in zip(found, alternative, strict=True)]
        claims_at[i] = found
    _bounded_negations(text, matches, lower, claims_at)
    for k in [k for k, w in enumerate(lower[:-1]) if w in _OBLIGING and lower[k + 1] == "to"]:
        _mark(lower, claims_at, k, lambda c: _replaced(c, obliging=True))  # "don't need to audition"
    for k in [k for k in range(1, len(lower)) if lower[k - 1] in _PASSIVE_AUXILIARIES]:
        _mark(lower, claims_at, k, lambda c: _replaced(c, passive=c.concept in _converse_concepts()))
    return tuple(lower), tuple(tuple(claims_at.get(i, ())) for i in range(len(lower)))


def _prohibited_subject(lower: list[str], i: int, found: list[Claim]) -> bool:
    """The word at `i` forbids its subject after a form of "be" ("phones are banned", "coffee is off-limits"): it
    denies the subject as "avoid coffee" or "no phones" does, softly, as "refunds aren't available" does."""
    if i == 0 or lower[i - 1] not in _FORMS_OF_BE:
        return False
    return any(c.concept == _PERMISSION and not c.positive and not c.negated for c in found)


def _listed_subject_start(lower: list[str], be: int) -> int:
    """Where the subject ending before the form of "be" at `be` starts, when it is nouns alone or a list of them
    ("the coffee is", "coffee, tea and chewing gum are") opening its clause; `be` (no subject) for any other subject
    ("statements with a WHERE filter are": what is forbidden is said by its modifier, which is not denied)."""
    start, joined = be, False
    while start > 0 and be - start < _MAX_LIST_SUBJECT:
        word = lower[start - 1]
        listed = word in _LIST_JOINS and (joined or word != ",")  # a list's commas come before its "and"/"or"
        if not (listed or word in lexicon.DETERMINERS or (content_word(word) and word not in _PRONOUNS)):
            break
        joined = joined or listed
        start -= 1
    opens = start == 0 or not lower[start - 1][0].isalpha() or lower[start - 1] in lexicon.CLAUSE_CONJUNCTIONS
    if not opens:
        return be
    while start < be and lower[start] in _LIST_JOINS:
        start += 1
    return start


_LIST_JOINS = frozenset({",", "and", "or"})
_MAX_LIST_SUBJECT = 12


def _state_endings(lower: list[str]) -> set[int]:
    """The indexes of the words of a clause opened by "before", "until" or "till" ("before those edges dry", "until
    it is cool"), which say a state by the moment it ends."""
    found: set[int] = set()
    for k in [k for k, w in enumerate(lower) if w in _ENDING_MARKERS]:
        for j in range(k + 1, min(len(lower), k + 1 + _ENDING_REACH)):
            if not lower[j][0].isalpha() or (lower[j] in lexicon.CLAUSE_CONJUNCTIONS and lower[j] != "that"):
                break
            found.add(j)
    return found


_ENDING_MARKERS = frozenset({"before", "until", "till"})
_ENDING_REACH = 8


def _as_ending(claims: list[Claim]) -> list[Claim]:
    """The claims of opposite words ("dry", "cool") as said by the moment their state ends (`Claim.ending`)."""
    return [_replaced(c, hypothetical=True, ending=True) if c.concept.startswith("~") else c for c in claims]


def _infinitive_start(lower: list[str], i: int) -> int:
    """Where the subject of the negation at `i` may start: at the negation itself when it opens an infinitive ("to
    avoid", "to never", "so as not to", "in order not to"), which has no subject of its own; else anywhere (0)."""
    if i > 0 and lower[i - 1] == "to":
        return i
    if lower[i] == "not" and lower[i + 1 : i + 2] == ["to"] and i > 0 and lower[i - 1] in _PURPOSE_OPENERS:
        return i
    return 0


# The words before a "not to" of purpose: "so as not to", "in order not to".
_PURPOSE_OPENERS = frozenset({"as", "order"})


def _mark(lower: list[str], claims_at: dict[int, list[Claim]], k: int, marked: Callable[[Claim], Claim]) -> None:
    """The claims said by the word at `k`, made at the word itself or at a negation before it ("can't be bought"),
    as `marked` makes them."""
    for j in range(max(0, k - _MAX_NEGATION_REACH), k + 1):
        claims_at[j] = [marked(c) if c.words.split()[-1] == lower[k] else c for c in claims_at.get(j, [])]


_PASSIVE_AUXILIARIES = frozenset({"be", "been", "being", "is", "are", "was", "were", "get", "gets", "got"})


@functools.cache
def _converse_concepts() -> frozenset[str]:
    """The concepts of verbs that say one transaction from its two sides: buy/sell, borrow/lend, import/export."""
    return frozenset(c for word in ("buy", "lend", "import") for c, _ in _word_concepts(word) if c.startswith("~"))


_OBLIGING = frozenset({"need", "needs", "needed", "required", "obliged", "obligated"})
# Words that bound an amount before a number ("under 12", "older than 65", "fewer than 10 guests").
_BOUNDING = frozenset(
    {"under", "below", "over", "above", "younger", "older", "less", "fewer", "more", "lower", "higher"}
)
_NUMBER_AFTER = re.compile(
    r"[ \t]+(?:than[ \t]+)?(?:the[ \t]+age[ \t]+of[ \t]+)?(?:\d|(?:"
    + "|".join([*lexicon.SMALL_NUMBERS, *lexicon.TENS])
    + r")\b)",
    re.IGNORECASE,
)


def _bounded_negations(
    text: str, matches: list[re.Match[str]], lower: list[str], claims_at: dict[int, list[Claim]]
) -> None:
    """A clause that negates what a bounded amount may do ("paddlers under 12 can't join") says that only the other
    side of the bound may ("only paddlers aged 12 or over can join"): its claims as read against "only" (`if_only`)
    are un-negated, with the bound turned round and said outright."""
    start = 0
    for end in [
        *(k for k, w in enumerate(lower) if not w[0].isalpha() or w in lexicon.CLAUSE_CONJUNCTIONS),
        len(lower),
    ]:
        span = range(start, end)
        start = end + 1
        bounds = [j for j in span if lower[j] in _BOUNDING and _NUMBER_AFTER.match(text, matches[j].end())]
        claims = [c for j in span for c in claims_at.get(j, [])]
        if not bounds or not any(c.negated and not c.soft for c in claims) or any(c.if_only for c in claims):
            continue
        for j in span:
            claims_at[j] = [
                _replaced(
                    c,
                    if_only=_replaced(
                        c,
                        positive=c.positive ^ c.negated ^ (j in bounds and c.concept.startswith("~")),
                        negated=False,
                        soft=c.soft and j not in bounds,
                        words=f"not {c.words}" if j in bounds else c.words,
                    ),
                )
                for c in claims_at.get(j, [])
            ]


_EVERYTHING = frozenset({"anything", "everything", "whatever"})
_DO_OR_BE = frozenset({"is", "are", "was", "were", "does", "do", "did"})


def _exclusive_refusals(lower: list[str]) -> dict[int, int]:
    """The index of each verb on the negative side of a pair of opposites whose object is everything that is not
    something ("refuse anything that isn't mutual TLS", "blocks everything that does not match"), with the index of
    that negation: together they say the opposite verb of the something only ("accept only mutual TLS")."""
    found: dict[int, int] = {}
    for v in range(len(lower) - 2):
        if lower[v + 1] not in _EVERYTHING:
            continue
        k = v + 2 + (lower[v + 2] in ("that", "which"))
        k += k < len(lower) and lower[k] in _DO_OR_BE
        if k >= len(lower) or not (lower[k] in lexicon.NEGATION_WORDS or lower[k].endswith("n't")):
            continue
        if any(c.startswith("~") and not positive for c, positive in _word_concepts(lower[v])):
            found[v] = k
    return found


def _before_exception(lower: list[str]) -> set[int]:
    """The indexes of the words of a sentence before its "except" ("avoid X except when debugging"), whose denials
    only restrict: what is avoided except in one case is kept for that case ("keep X for debugging only")."""
    excepted: set[int] = set()
    start = 0
    for i, word in enumerate(lower):
        if word in _SENTENCE_ENDS:
            start = i + 1
        elif word in _EXCEPTING:
            excepted.update(range(start, i))
            start = i + 1
    return excepted


_EXCEPTING = frozenset({"except", "excepting"})


def _before_only(lower: list[str]) -> dict[int, tuple[str, ...]]:
    """The indexes of the words of a negated sentence before a ", only" or "but only" that gives the verb another
    complement ("never fold across the grain, only with it", "don't park on the verge, only in the bays"): the
    negation denies the complement, and the verb is kept for the other one ("always fold with the grain"), so its
    denials only restrict. Not before "only" and a verb of its own ("don't refund it, only offer credit"). Each index
    maps to the stems of the complement the negation denies (see `_replaced_complement`)."""
    if "only" not in lower:
        return {}
    restricted: dict[int, tuple[str, ...]] = {}
    start = 0
    for k, word in enumerate(lower):
        if word in _SENTENCE_ENDS:
            start = k + 1
        elif word == "only" and k > start and lower[k - 1] in _OPENING_ONLY and k + 1 < len(lower):
            after = lower[k + 1]
            denied = any(_negation_word(w) for w in lower[start : k - 1])
            if denied and after[0].isalpha() and not content_word(after) and not _negation_word(after):
                replaced = _replaced_complement(lower, start, k)
                restricted.update(dict.fromkeys(range(start, k - 1), replaced))
    return restricted


def _replaced_complement(lower: list[str], start: int, k: int) -> tuple[str, ...]:
    """The stems of the content words of the complement an "only" at `k` replaces: when the "only" opens a phrase with
    a preposition, the last phrase opened by a preposition before it is the one it stands in for ("don't count towards
    your elite status, only towards your balance" denies counting towards the elite status). Nothing when the new
    complement names it again by a pronoun ("never fold across the grain, only with it"); of its words, those the new
    complement says too ("not on weekend trains, only on weekday trains": weekend)."""
    if lower[k + 1] not in _COMPLEMENT_PREPOSITIONS:
        return ()
    opened = next((p for p in range(k - 2, start, -1) if lower[p] in _COMPLEMENT_PREPOSITIONS), None)
    if opened is None:
        return ()
    end = next((e for e in range(k + 1, len(lower)) if lower[e] in _SENTENCE_ENDS or lower[e] == ","), len(lower))
    again = lower[k + 2 : end]
    if any(w in _PRONOUNS_AGAIN for w in again):
        return ()
    named = {stem(w) for w in again if content_word(w)}
    return tuple(sorted({stem(w) for w in lower[opened + 1 : k - 1] if content_word(w)} - named))


# Prepositions that open a complement an "only" may replace ("not on the verge, only in the bays").
_COMPLEMENT_PREPOSITIONS = frozenset(
    {"on", "in", "at", "to", "towards", "toward", "into", "onto", "from", "for", "with", "by", "along", "across"}
    | {"over", "under", "through", "within", "inside", "outside", "near", "against", "via", "during", "after"}
)
# Words by which the new complement names the replaced one again ("only with it", "only inside them").
_PRONOUNS_AGAIN = frozenset({"it", "them", "that", "those", "this", "these"})


# What may stand before an "only" that gives a negated verb its other complement: ", only with it", "but only on".
_OPENING_ONLY = frozenset({",", "but"})


def _seldom_denied(lower: list[str]) -> set[int]:
    """The indexes of the words "rarely" or "seldom" qualify, with a particle after them ("rarely busy on weekdays":
    busy, on), which are softly denied."""
    denied: set[int] = set()
    for i, word in enumerate(lower):
        head = _negated_head(lower, i) if word in lexicon.SELDOM else None
        if head is not None:
            particle = head + 1 < len(lower) and lower[head + 1] in lexicon.VERB_PARTICLES
            denied.update((head, head + 1) if particle else (head,))
    return denied


def _unsupplied(lower: list[str]) -> set[int]:
    """The indexes of what "out of stock" or "sold out" says there is none of, which are softly denied: its subject
    ("the blue jacket is out of stock": blue, jacket) and what follows "of" ("out of stock of your tablets": tablets),
    as "we have no blue jackets in stock" denies them."""
    denied: set[int] = set()
    for i, word in enumerate(lower):
        if word == "out" and lower[i + 1 : i + 2] == ["of"] and lower[i + 2 : i + 3] and lower[i + 2] in _SUPPLY:
            opens, end = i, i + 3  # "out of stock"
        elif word == "out" and i > 0 and (lower[i - 1], word) in lexicon.PARTICLE_SYNONYMS:
            opens, end = i - 1, i + 1  # "sold out"
        else:
            continue
        start = opens
        while start > 0 and lower[start - 1][0].isalpha() and lower[start - 1] not in lexicon.CLAUSE_CONJUNCTIONS:
            start -= 1
        denied.update(j for j in range(max(start, opens - _MAX_SUBJECT), opens) if content_word(lower[j]))
        if lower[end : end + 1] == ["of"]:
            denied.update(_negated_reach(lower, end + 1))
    return denied


# Nouns of a supply, which "out of" says there is none of: "out of stock", "out of print".
_SUPPLY = frozenset({"stock", "print"})


# A failing clause's subject may be a long noun phrase: "pulling the container image from the registry fails".
_MAX_SUBJECT = 10


def _fails(lower: list[str], i: int) -> bool:
    """The word at `i` says its subject failed, with no "to" after it ("the upload fails"; not "fails to start"), nor
    a noun it describes ("after each failed attempt", "the failing test" say nothing failed of their clause)."""
    if lower[i] not in lexicon.FAILING_VERBS or (i + 1 < len(lower) and lower[i + 1] == "to"):
        return False
    describes = lower[i] in ("failed", "failing") and i + 1 < len(lower) and content_word(lower[i + 1])
    return not (describes and (i == 0 or not lower[i - 1][0].isalpha() or lower[i - 1] in lexicon.BEFORE_ATTRIBUTE))


def _absent(lower: list[str], i: int) -> bool:
    """The word at `i` says its subject is not there: "the charger was missing", "two pages are absent", "the lid has
    gone missing"."""
    return lower[i] in lexicon.ABSENCE_WORDS and i > 0 and lower[i - 1] in _BECOMING


def _beyond_ability(lower: list[str], i: int) -> bool:
    """The word at `i` says its subject is not done: "diagnosing is outside what they're able to do", "is beyond
    what the helpdesk can do", "is outside the scope of the survey", "is beyond our remit"."""
    if lower[i] not in _BEYOND or i == 0 or lower[i - 1] not in _BECOMING:
        return False
    after = lower[i + 1 : i + 1 + _ABILITY_REACH]
    if after[:1] == ["what"]:
        return bool(_ABILITY_WORDS & set(after))
    return bool(after) and (
        after[0] in _SCOPE_NOUNS or (after[0] in lexicon.DETERMINERS and after[1:2] != [] and after[1] in _SCOPE_NOUNS)
    )


def _subject_start(lower: list[str], end: int) -> int:
    """The index where the subject ending before `end` starts: back to its clause's start, across the "or"/"and" of
    coordinated subjects ("diagnosing conditions or advising on interactions is …"), at most 16 words."""
    start = end
    while (
        start > 0
        and end - start < _MAX_LONG_SUBJECT
        and lower[start - 1][0].isalpha()
        and (lower[start - 1] not in lexicon.CLAUSE_CONJUNCTIONS or lower[start - 1] in ("or", "and"))
    ):
        start -= 1
    return start


_BEYOND = frozenset({"outside", "beyond"})
_ABILITY_REACH = 5
_ABILITY_WORDS = frozenset(
    {"can", "could", "able", "allowed", "permitted", "qualified", "licensed", "authorised", "authorized", "trained"}
)
_SCOPE_NOUNS = frozenset(
    {"scope", "remit", "purview", "capabilities", "abilities", "ability", "competence", "authority"}
)
_MAX_LONG_SUBJECT = 16


# Verbs before an absence word that make it said of their subject: "is missing", "went missing", "remains absent".
_BECOMING = frozenset({"is", "are", "was", "were", "be", "been", "remain", "remains", "remained", "gone", "went"})


_ELIDING = frozenset({"but", ",", "and", "or"})
_SUBJECT_PRONOUNS = frozenset({"it", "they", "we", "you", "he", "she", "i"})


def _elided_predicate(lower: list[str], i: int) -> int | None:
    """For the "not" of "covers defects but not damage" (a verb left out after it): the index of "covers".

    The predicate is the last word of the sentence before the conjunction that follows an auxiliary ("are
    allowed"), a subject pronoun ("it covers") or the sentence's first content word ("The warranty covers").
    """
    if lower[i] != "not" or i < 2 or lower[i - 1] not in _ELIDING or lower[i + 1 : i + 2] == ["without"]:
        return None  # "but not without a fee" denies the lack of a fee, not the verb before it
    if i + 1 < len(lower) and (lower[i + 1] in lexicon.AUXILIARIES or not lower[i + 1][0].isalpha()):
        return None  # "but not is", "…, not." : no noun phrase after it
    return _predicate_before(lower, i - 1)


def _elided_verb_phrase(lower: list[str], i: int) -> int | None:
    """For a negated auxiliary closing its clause after a conjunction ("every primary is allocated but one replica
    isn't."): the index of the predicate it leaves out ("allocated"), which it denies of its own subject."""
    word = lower[i]
    if i + 1 < len(lower) and lower[i + 1][0].isalpha():
        return None  # the negation has words of its own to deny
    if not (word.endswith("n't") or word == "cannot" or (word == "not" and i > 0 and lower[i - 1] in _AUX_OR_BE)):
        return None  # "… but one replica isn't.", "… but the other is not."
    for k in range(i - 1, max(-1, i - 1 - _MAX_REACH), -1):
        if not lower[k][0].isalpha():
            return None
        if lower[k] in _CONTRASTING:
            return _predicate_before(lower, k)
    return None


def _elided_subject(lower: list[str], i: int) -> tuple[str, ...]:
    """The stems of the subject of a negated auxiliary closing its clause ("… but cash is not."): what the predicate
    it leaves out is denied of, its object ("cards are accepted, but cash is not" denies accepting cash)."""
    return tuple(stem(lower[j]) for j in _elided_subject_span(lower, i) if content_word(lower[j]))[:_MAX_SCOPE]


def _elided_subject_span(lower: list[str], i: int) -> range:
    """The indices of the words between the conjunction and the negated auxiliary at `i` closing its clause ("but
    cash is not"): its subject and auxiliary."""
    for k in range(i - 1, max(-1, i - 1 - _MAX_REACH), -1):
        if lower[k] in _CONTRASTING:
            return range(k + 1, i)
    return range(0)


_AUX_OR_BE = lexicon.AUXILIARIES | frozenset({"am", "be"})
# Conjunctions before a clause whose negated auxiliary leaves its predicate out: "A is allocated but B isn't".
_CONTRASTING = frozenset({"but", "while", "whereas", "although", "though", "and"})


def _predicate_before(lower: list[str], end: int) -> int | None:
    """The predicate of the clause that ends before index `end`: its last content word after an auxiliary ("are
    allowed"), a subject pronoun ("it covers") or the sentence's first content word ("The warranty covers")."""
    first_content = None
    start = end - 1
    while start > 0 and (lower[start - 1][0].isalpha() or lower[start - 1] == ","):
        start -= 1
    candidate = None
    for j in range(start, end):
        word = lower[j]
        if not word[0].isalpha() or not content_word(word):
            continue
        before = lower[j - 1] if j > 0 else ""
        if before in lexicon.AUXILIARIES or before in _BE or before in _SUBJECT_PRONOUNS or j - 1 == first_content:
            candidate = j
        if first_content is None:
            first_content = j
    return candidate


def _contrasted_subjects(lower: tuple[str, ...]) -> list[tuple[str, dict[tuple[str, ...], bool]]]:
    """Two subjects given one predicate with opposite polarities, the second's predicate left out after its auxiliary:
    "snow chains are not mandatory today, but winter tyres are." → ("mandatori", {("snow", "chain"): False,
    ("winter", "tyr"): True}), and "Python supports it but Ruby doesn't." the other way round."""
    found: list[tuple[str, dict[tuple[str, ...], bool]]] = []
    for k, word in enumerate(lower):
        if not word[0].isalpha() or (k + 1 < len(lower) and lower[k + 1][0].isalpha()):
            continue  # an auxiliary closing its clause: "… but winter tyres are.", "… but Ruby doesn't."
        negative = word.endswith("n't") or word == "cannot" or (word == "not" and k > 0 and lower[k - 1] in _AUX_OR_BE)
        aux = k - 1 if word == "not" else k
        if not (negative or word in _AUX_OR_BE):
            continue
        conj = aux - 1
        while conj > max(0, aux - 1 - _MAX_REACH) and lower[conj][0].isalpha() and lower[conj] not in _CONTRASTING:
            conj -= 1
        second = tuple(stem(w) for w in lower[conj + 1 : aux] if content_word(w))
        if conj <= 0 or lower[conj] not in _CONTRASTING or not second:
            continue
        start = conj
        while start > 0 and lower[start - 1] not in _SENTENCE_ENDS:
            start -= 1
        verb = next((j for j in range(start, conj) if lower[j] in _AUX_OR_BE or _negation_word(lower[j])), None)
        if verb is None:
            predicate = _predicate_before(list(lower), conj)  # "Python supports it": the subject's verb
        else:
            predicate = next((j for j in range(verb + 1, conj) if content_word(lower[j])), None)
        if predicate is None:
            continue
        first = tuple(stem(w) for w in lower[start : verb if verb is not None else predicate] if content_word(w))
        first_positive = not any(_negation_word(w) for w in lower[start:conj])
        if first and first != second and first_positive == negative:
            found.append((stem(lower[predicate]), {first: first_positive, second: not negative}))
    return found


def _moved_negations(old: tuple[str, ...], new: tuple[str, ...]) -> list[Change]:
    """A predicate that two subjects hold with opposite polarities, which one subject now holds the other way:
    "snow chains are not mandatory, but winter tyres are" → "snow chains are mandatory, but winter tyres are not"
    ("negation moved: not mandatory (snow chains → winter tyres)"); the subjects in the other order, each with its
    polarity, say the same."""
    changes: list[Change] = []
    for predicate, was in _contrasted_subjects(old):
        for other, now in _contrasted_subjects(new):
            moved = [subject for subject in was if subject in now and was[subject] != now[subject]]
            if other == predicate and moved:
                denied = next(s for s in was if not was[s]), next(s for s in now if not now[s])
                shown = " ".join(denied[0]), " ".join(denied[1])
                line = f"negation moved: not {predicate} ({shown[0]} → {shown[1]})"
                changes.append(Change("negation", "negation", line))
    return changes


def _flipped_quantifiers(old: tuple[str, ...], new: tuple[str, ...]) -> list[Change]:
    """A quantifier replaced by its negative counterpart in a clause otherwise word for word the same: "all of our
    rooms have a balcony except the attic" → "none of our rooms have a balcony except the attic" ("quantifier
    flipped: all → none"), "every", "each", "always", "everyone", "everything" against "no", "none", "never", "nobody",
    "nothing". The rest of the clause must stay, so "none of the rooms are free" → "all of the rooms are taken" is no
    flip, and neither is a quantifier said in other words ("all X but Z" → "every X but Z")."""
    said = set(old) | set(new)
    if not any(a in said and b.partition(" ")[0] in said for a, b in lexicon.QUANTIFIER_OPPOSITES):
        return []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        was, now = " ".join(old[i1:i2]), " ".join(new[j1:j2])
        bare = was.removesuffix(" of"), now.removesuffix(" of")  # "all our rooms" → "none of our rooms"
        if tag != "replace" or not ({bare, bare[::-1]} & lexicon.QUANTIFIER_OPPOSITES):
            continue
        (old_start, old_end), (new_start, new_end) = _clause_bounds(old, i1, i2), _clause_bounds(new, j1, j2)
        rest = old[i2:old_end]
        if old[old_start:i1] == new[new_start:j1] and rest == new[j2:new_end] and any(map(content_word, rest)):
            return [Change("negation", "negation", f"quantifier flipped: {was} → {now}")]
    return []


def _clause_bounds(lower: tuple[str, ...], i: int, j: int) -> tuple[int, int]:
    """Where the clause around the words `i`…`j` starts and ends: at punctuation, or the ends of the text."""
    start = next((k + 1 for k in range(i - 1, -1, -1) if not lower[k][0].isalpha()), 0)
    end = next((k for k in range(j, len(lower)) if not lower[k][0].isalpha()), len(lower))
    return start, end


_MAX_SCOPE = 4
_BE = frozenset({"be", "been", "being", "am"})


def _scopes(lower: list[str]) -> list[tuple[str, ...]]:
    """For each token, the stems of the content words after it up to the end of its clause (at most four)."""
    scopes: list[tuple[str, ...]] = [()] * len(lower)
    following: tuple[str, ...] = ()
    for i in range(len(lower) - 1, -1, -1):
        scopes[i] = following
        word = lower[i]
        if not word[0].isalpha() or word in lexicon.CLAUSE_CONJUNCTIONS:
            following = ()
        elif content_word(word):
            following = (stem(word), *following[: _MAX_SCOPE - 1])
    return scopes


def _denied(claim: Claim, by: str) -> Claim:
    """A positive claim denied outright by a word after it ("the lid was missing": lid −, said "missing lid")."""
    if claim.negated or claim.soft or claim.concept == "answer":
        return claim
    if_only = claim.if_only and _denied(claim.if_only, by)
    return _replaced(claim, positive=not claim.positive, negated=True, words=f"{by} {claim.words}", if_only=if_only)


def _softly_negated(claim: Claim) -> Claim:
    """A positive claim inside a negated clause: it may agree with a negation, never flip against a claim."""
    if claim.negated or claim.soft or claim.concept == "answer":
        return claim
    if_only = claim.if_only and _softly_negated(claim.if_only)
    return _replaced(claim, positive=not claim.positive, negated=True, soft=True, if_only=if_only)


def _restricting(claims: list[Claim], replaced: tuple[str, ...] = ()) -> list[Claim]:
    """The claims of a negation that only restricts, as soft ones ("avoid sudo except when installing packages"); those
    said outright keep the `replaced` complement they still deny (see `_against_replaced`)."""
    return [_replaced(c, soft=True, replaced=() if c.soft else replaced) if c.negated else c for c in claims]


def _against_replaced(at: tuple[tuple[Claim, ...], ...], other: list[Claim]) -> tuple[tuple[Claim, ...], ...]:
    """The claims of a text as read against the other text's claims: a restricting negation that replaces a complement
    ("don't count towards your elite status, only towards your balance") is said outright against a claim of the
    opposite polarity of its concept, said outright, whose scope holds that complement ("count towards your elite
    status"); against anything else ("count towards your balance") it only restricts."""
    if not any(c.replaced for cs in at for c in cs):
        return at
    scopes: dict[tuple[str, bool], list[set[str]]] = {}
    for o in other:
        if not o.soft:
            scopes.setdefault((o.concept, o.positive), []).append(set(o.scope))
    return tuple(
        tuple(
            _replaced(c, soft=False, replaced=())
            if c.replaced and any(set(c.replaced) <= s for s in scopes.get((c.concept, not c.positive), []))
            else c
            for c in cs
        )
        for cs in at
    )


def _read_against_only(at: tuple[tuple[Claim, ...], ...], other: tuple[str, ...]) -> tuple[tuple[Claim, ...], ...]:
    """The claims of a text as read against the other text: its restrictions ("never pages unless …") as "only"
    (`Claim.if_only`) when the other text says "only", as said otherwise."""
    if "only" not in other or not any(c.if_only for cs in at for c in cs):
        return at
    return tuple(tuple(c.if_only or c for c in cs) for cs in at)


def _claims_at(tokens: list[str], lower: list[str], i: int, skip: set[int], scope: tuple[str, ...]) -> list[Claim]:
    """The claims the word at `i` makes, about `scope`; words it settles (a negated head, a particle) go to `skip`."""
    word = lower[i]
    if _bound(lower, i):
        # "no later than", "not more than": a bound, not a negation; a comparative with an antonym in the
        # lexicon keeps its side ("no more than 5" is on the "less" side, against "more than 5")
        skip.update((i + 1, i + 2))
        said = f"{word} {lower[i + 1]} than"
        return [Claim(c, not p, said) for c, p in _word_concepts(lower[i + 1]) if c.startswith("~")]
    cancelled = _double_negation(lower, i)
    if cancelled is None and word == "without" and _negated_before(lower, i):
        # "no child may be in the barns without an adult": the two negations cancel, as "not without" does
        cancelled = next((j for j in range(i + 1, min(len(lower), i + 1 + _MAX_REACH)) if content_word(lower[j])), None)
        if cancelled is not None and not all(w[0].isalpha() for w in lower[i + 1 : cancelled + 1]):
            cancelled = None
    if cancelled is not None:
        # "not without paying a fee" says "only by paying a fee": the two negations cancel
        skip.update((i + 1, cancelled))
        said = f"{word} {lower[cancelled]}" if word == "without" else f"{word} without {lower[cancelled]}"
        return [Claim(c, p, said, scope=_beyond(scope, said)) for c, p in _word_concepts(lower[cancelled])]
    allowed = _negated_prevention(lower, i)
    if allowed is not None:
        # "won't stop you swimming" = "you can swim": the two denials cancel
        skip.update(range(i + 1, allowed + 1))
        said = " ".join(lower[i : allowed + 1])
        prevention = _negated_head(lower, i) or i
        return [
            *(
                Claim(c, not p, f"{word} {lower[prevention]}", negated=True)
                for c, p in _word_concepts(lower[prevention])
            ),
            *(Claim(c, p, said, scope=_beyond(scope, said)) for c, p in _word_concepts(lower[allowed])),
        ]
    head = _avoided_before(lower, i)
    if head is not None:
        # "some points they will avoid": the head of the relative clause is what is avoided
        return [Claim(c, not p, f"{word} {lower[head]}", negated=True) for c, p in _word_concepts(lower[head])]
    if _negates(tokens, i) or _avoids(lower, i):
        # "avoid eating" = "don't eat", "refrain from smoking" = "no smoking", "instead of raising" = "not raise"; a
        # negation that only delays ("isn't defined until later") or bounds an amount ("no walker has more than four
        # dogs") denies nothing outright
        soft = word in lexicon.ALTERNATIVE_MARKERS or word in lexicon.HOLDING_OFF or _delays_or_bounds(lower, i)
        return [
            _replaced(c, scope=_beyond(scope, c.words), soft=c.soft or soft) for c in _negation_claims(lower, i, skip)
        ]
    claims: list[Claim] = []
    kept_from = _kept_away_from(lower, i)
    if kept_from is not None:
        # "keep it out of the dryer": a negative instruction about the dryer, as "do not tumble dry" is; the rest of
        # its noun phrase too ("stay out of the landing zones" = "avoid the landing zones")
        phrase = [kept_from]
        for j in range(kept_from + 1, min(len(lower), kept_from + _MAX_PHRASE)):
            if not content_word(lower[j]) or lower[j] in lexicon.VERB_PARTICLES:
                break
            phrase.append(j)
        skip.update(phrase)
        said = f"{word} {lower[i + 1]} {lower[kept_from]}"
        claims += [Claim(c, not p, said, negated=True, soft=True) for j in phrase for c, p in _word_concepts(lower[j])]
    if word in lexicon.PRIVATIVE_VERBS and i + 2 < len(lower) and lower[i + 1] == "to":
        skip.add(i + 2)  # "fails to start": start −
        said = f"{word} to {lower[i + 2]}"
        claims += [Claim(c, not p, said, negated=True) for c, p in _word_concepts(lower[i + 2])]
    if word in lexicon.CEASING_VERBS and i + 1 < len(lower) and _gerund(lower[i + 1]):
        # "stops showing the dialog": show −, as "won't show the dialog" says; softly, as what stops went on until
        # then ("stops serving hot food at 3 pm" = "serves hot food until 3 pm")
        skip.add(i + 1)
        said = f"{word} {lower[i + 1]}"
        claims += [Claim(c, not p, said, negated=True, soft=True) for c, p in _word_concepts(lower[i + 1])]
    if word == "yes":
        return [*claims, Claim("answer", True, word)]
    if i + 1 < len(tokens) and _negates(tokens, i + 1) and _denies_object(lower, i):
        # "raises no exception" says "doesn't raise an exception"; soft, as "means no refunds" denies no meaning
        said = _negation_said(lower, i + 1)
        return [*claims, *(Claim(c, not p, said, negated=True, soft=True) for c, p in _word_concepts(word))]
    if i + 1 < len(lower) and lower[i + 1] in _NOTHING and content_word(word) and word not in _PRONOUNS:
        # "costs nothing" says "doesn't cost anything", softly as "raises no exception" does; "nothing" denies no
        # word of its own ("pay nothing for the first hour" denies no "for"), but for a relative clause after it
        if _relative_after_nothing(lower, i + 1) is None:
            skip.add(i + 1)
        return [
            *claims,
            *(Claim(c, not p, f"{word} nothing", negated=True, soft=True) for c, p in _word_concepts(word)),
        ]
    if word in lexicon.TIME_COMPARATIVES and not _compares_times(lower, i):
        return claims  # "later today", "as said earlier": no comparison of two times
    if _until_able(lower, i):
        return claims  # "allow ten days before you can collect it" says "you can collect it after ten days"
    claims += _particle_claims(lower, i)
    claims += _privative_claims(lower, i, skip)
    than = _compared_with(lower, i)
    attributive = _attributive(lower, i)
    said_as = lexicon.PREDICATE_SYNONYMS.get(word)
    said_as = said_as if said_as and i > 0 and _after_be(lower, i) else None
    # "are welcome" says "are allowed"; "Welcome to the course" does not; "your stay" is a noun
    concepts = _word_concepts(said_as or word, noun=i > 0 and lower[i - 1] in lexicon.DETERMINERS)
    if word in _ATTRIBUTIVE_OPPOSITES and i + 1 < len(lower) and content_word(lower[i + 1]):
        concepts = [*concepts, _ATTRIBUTIVE_OPPOSITES[word]]  # "a naive datetime" against "an aware datetime"
    if than and not any(c.startswith("~") for c, _ in concepts):
        concepts += _comparative_concepts(word)  # "narrower than" says "narrow", against "wider than"
    if i > 0 and lower[i - 1] in _LESSER:
        # "the least expensive" says "the cheapest", "less risky" says "safer": the opposite degree of the word
        concepts = [(c, not p) if c.startswith("~") else (c, p) for c, p in concepts]
        word = f"{lower[i - 1]} {word}"
    claims += [_new_claim(c, p, word, than=than, attributive=attributive, scope=scope) for c, p in concepts]
    return claims


_LESSER = frozenset({"less", "least"})


def _after_be(lower: list[str], i: int) -> bool:
    """The word at `i` follows a form of "be", or a contracted one before "to" and a verb ("you're welcome to take
    photos"; "you're welcome!" answers thanks)."""
    if lower[i - 1] in _FORMS_OF_BE:
        return True
    return lower[i - 1].endswith("'re") and i + 2 < len(lower) and lower[i + 1] == "to" and content_word(lower[i + 2])


def _compared_with(lower: list[str], i: int) -> str:
    """The word after "than" when the word at `i` compares ("faster than Ruby": ruby; "warmer than the lounge":
    lounge, past a determiner), or ""."""
    if i + 2 >= len(lower) or lower[i + 1] != "than":
        return ""
    k = i + 2
    while k + 1 < len(lower) and lower[k] in lexicon.DETERMINERS:
        k += 1
    return lower[k]


def _comparative_concepts(word: str) -> list[tuple[str, bool]]:
    """The opposites a comparative before "than" says through its adjective, when the lists name the adjective but
    not the comparative ("narrower", "thinner", "shallower")."""
    for base in _comparative_bases(word):
        opposites = [(c, p) for c, p in _word_concepts(base) if c.startswith("~")]
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


_GRANTING_MODALS = frozenset({"may", "can"})


def _grants(lower: list[str], i: int) -> bool:
    """A permission: "you may"/"you can" before a verb ("You may stay overnight"); not before "not", nor before a verb
    of perceiving ("you may see a warning"), which says what happens."""
    return (
        lower[i] in _GRANTING_MODALS
        and 0 < i < len(lower) - 1
        and lower[i - 1] == "you"
        and content_word(lower[i + 1])
        and lower[i + 1] not in _PERCEIVING
    )


_PERCEIVING = frozenset({"see", "notice", "find", "get", "receive", "hear", "feel", "experience", "need", "want"})
# A modal of permission before a verb of receiving, or before "be" and a verb of giving: "can have", "may get", "can't
# be given", "may not be offered" say one permission, of the receiver or of what is given.
_RECEIPT = "~receipt"
_RECEIVING = frozenset({"have", "get", "receive"})
_GIVEN = frozenset({"given", "offered", "issued"})
_RECEIPT_MODALS = frozenset({"can", "may", "could"})
_RECEIPT_DENIED = frozenset({"can't", "cannot", "couldn't"})


def _modal_receipt(lower: list[str], i: int) -> tuple[bool, str] | None:
    """For a modal of permission at `i` before a verb of receiving ("can usually have") or of giving in the passive
    ("can't be given"): whether it permits, and its words; None elsewhere."""
    if lower[i] in _RECEIPT_DENIED:
        permits, j = False, i + 1
    elif lower[i] in _RECEIPT_MODALS:
        permits, j = lower[i + 1 : i + 2] != ["not"], i + 1 + (lower[i + 1 : i + 2] == ["not"])
    else:
        return None
    while j < len(lower) and lower[j] in lexicon.HEDGES:
        j += 1  # "can usually have": the hedge says nothing of its own
    if j < len(lower) and lower[j] in _RECEIVING:
        if lower[j] == "have" and j + 1 < len(lower) and (lower[j + 1] == "been" or lower[j + 1].endswith("ed")):
            return None  # "may have received": what may have happened, no permission
        return permits, " ".join(lower[i : j + 1])
    if lower[j : j + 1] == ["be"] and j + 1 < len(lower) and lower[j + 1] in _GIVEN:
        return permits, " ".join(lower[i : j + 2])
    return None


def _gerund(word: str) -> bool:
    """A verb's "-ing" form ("showing", "working"), as a ceasing verb takes it; not "thing", "king" or "during"."""
    return len(word) >= _MIN_GERUND and word.endswith("ing") and content_word(word)


def _beyond(scope: tuple[str, ...], words: str) -> tuple[str, ...]:
    """A negation's scope without the words it negates: "no bib collection on race morning" is about race morning,
    not about "collection", which "Bib collection is at the hall" says something else of."""
    own = {stem(w) for w in words.split()}
    return tuple(s for s in scope if s not in own)


_FORMS_OF_BE = frozenset({"is", "are", "was", "were", "be", "been", "remain", "remains"})


_NOTHING = frozenset({"nothing"})


def _compares_times(lower: list[str], i: int) -> bool:
    """ "10 minutes earlier", "a day sooner", "later than usual": a comparative of time that compares."""
    if i + 1 < len(lower) and lower[i + 1] == "than":
        return True
    return i > 0 and lexicon.UNIT_SIZES.get(lexicon.UNITS.get(lower[i - 1], ""), ("",))[0] == "time"


_ABLE = frozenset({"can", "could", "may"})
_ABLE_SUBJECTS = frozenset({"you", "it", "we", "they", "i"})


def _until_able(lower: list[str], i: int) -> bool:
    """ "before you can collect": "before" a subject and what it becomes able to do says "until", which "after"
    says too ("ready to collect after ten days"); it orders nothing against anything."""
    following = lower[i + 1 : i + 3]
    return lower[i] == "before" and len(following) == 2 and following[0] in _ABLE_SUBJECTS and following[1] in _ABLE


def _privative_claims(lower: list[str], i: int, skip: set[int]) -> list[Claim]:
    """ "free of charge", "free from errors", "gluten-free": the thing named is denied, as by "no"."""
    word = lower[i]
    if word.endswith("-free") and len(word) > len("-free"):
        named = word.removesuffix("-free")
        return [Claim(c, not p, word, negated=True) for c, p in _word_concepts(named)]
    if word == "free" and i + 2 < len(lower) and lower[i + 1] in ("of", "from") and content_word(lower[i + 2]):
        skip.add(i + 2)
        said = f"free {lower[i + 1]} {lower[i + 2]}"
        return [Claim(c, not p, said, negated=True) for c, p in _word_concepts(lower[i + 2])]
    return []


def _attributive(lower: list[str], i: int) -> bool:
    """The word at `i` is a participle describing the noun after it ("covered claims", "the included cable")."""
    word = lower[i]
    if not (word.endswith("ed") and len(word) > 4) or i + 1 >= len(lower):
        return False
    if not content_word(lower[i + 1]) or lower[i + 1] in lexicon.FUNCTION_WORDS:
        return False
    return i == 0 or not lower[i - 1][0].isalpha() or lower[i - 1] in lexicon.BEFORE_ATTRIBUTE


def _negation_claims(lower: list[str], i: int, skip: set[int]) -> list[Claim]:
    """The claims a negation word at `i` makes: its head (or noun phrase) negated, the rest of its clause softly."""
    word = lower[i]
    relative = _relative_after_nothing(lower, i)
    if relative is not None:
        # "there's nothing you need to bring" says "you don't need to bring anything", softly as "costs nothing" does
        reach = _negated_reach(lower, relative)
        particles = [j + 1 for j in reach if j + 1 < len(lower) and lower[j + 1] in lexicon.PARTICLES]
        skip.update(reach + particles)
        said = " ".join(lower[i:relative])
        concepts = [
            *(c for j in reach for c in _word_concepts(lower[j])),
            *(_particle_concept(lower, j) for j in particles),
        ]
        return [Claim(c, not p, said, negated=True, soft=True) for c, p in concepts]
    # "without it", "without them", "avoid it", "refrain from it": the noun phrase of "no"/"without" or the object of
    # an avoiding verb is a pronoun, whose concept is unknown
    at = i + 1 + (lower[i + 1 : i + 2] == [lexicon.AVOIDING_VERBS.get(word)])
    pronoun = word in lexicon.PHRASE_NEGATORS or word in lexicon.AVOIDING_VERBS
    pronoun = pronoun and at < len(lower) and lower[at] in _PRONOUNS
    pronoun = pronoun and not _determines_noun(lower, at)  # "without that prefix" denies the prefix
    head = None if pronoun else _negated_head(lower, i)
    if head is None:
        if word == "no" and (i == 0 or not lower[i - 1][0].isalpha()):
            return [Claim("answer", False, word, negated=True)]
        if at < len(lower) and lower[at] in _PRONOUNS:
            return [Claim(_UNKNOWN, False, f"{word} {lower[at]}", negated=True)]
        return []
    phrase = _negated_phrase(lower, i, head)
    said = _negation_said(lower, i)
    # a hedge passed on the way ("won't usually need") says nothing of its own: "usually not" is no "often"
    skip.update([*phrase, *(j for j in range(i + 1, head) if lower[j] in lexicon.HEDGES)])
    # "no fixed start date" denies a date (and a fixed one); "start" only describes it, so it is negated softly, and
    # so is a function word naming a keyword ("without a WHERE clause", "no FROM address": the clause, the address)
    lifted = _lifts_duty(lower, i, head) and content_word(
        lower[head]
    )  # "don't have to send readings" denies no sending: see `obligations`
    verb = _denied_of_each(lower, i, head)
    claims = [
        Claim(
            c,
            not p,
            said,
            negated=True,
            soft=lifted
            or j not in (phrase[0], phrase[-1])
            or _keyword_in(phrase, lower[j])
            or (verb is not None and j == head)
            or _another_denied(lower, phrase, j),
        )
        for j in phrase
        for c, p in _word_concepts(lower[j])
    ]
    if _prohibits(lower, i):
        # "generators may not be used" says "are not allowed", softly: "can't" may be no ability too
        claims.append(Claim(_PERMISSION, False, said, negated=True, soft=True))
    last = phrase[-1]
    if last + 1 < len(lower) and lower[last + 1] in lexicon.VERB_PARTICLES:
        # "does not speed up": the phrasal verb is negated with its verb, not asserted by its particle
        last += 1
        skip.add(last)
        if lower[last] in lexicon.PARTICLES:
            axis, positive = lexicon.PARTICLES[lower[last]]
            claims.append(Claim(f"{stem(lower[head])}~{axis}", not positive, said, negated=True))
        said_as = lexicon.PHRASAL_SAID_AS.get((lower[head], lower[last]))
        if said_as is not None:
            # "won't speed up the build" denies "faster"
            claims += [Claim(c, not p, said, negated=True) for c, p in _word_concepts(said_as)]
    place = _place(lower, head)
    if place is not None:
        # "not in stock", "none in arrears": the place is denied, as "out of stock" says, and not the word "in"
        claims = [Claim(place.concept, not place.positive, said, negated=True)]
    # a negated predicate ("isn't lit", "is not warm") ends its clause at a modal after it: "when the fire isn't lit
    # will reduce heat loss" denies no reducing
    predicate = word.endswith("n't") or (i > 0 and lower[i - 1] in lexicon.AUXILIARIES)
    reach = _negated_reach(lower, last + 1, stop_at_verb=word == "without", stop_at_modal=predicate)
    permitted = _permission_complement(lower, head)
    for j in reach:
        skip.add(j)
        # "not allowed to park" forbids parking outright, as "can't park" does; the rest of the clause softly
        outright = j in (permitted, verb)
        claims += [Claim(c, not p, said, negated=True, soft=not outright) for c, p in _word_concepts(lower[j])]
        if j + 1 < len(lower) and lower[j + 1] in lexicon.PARTICLES and _place(lower, j + 1) is None:
            # "not allowed to park on the verge": the phrasal verb is denied with its verb, as after "can't park on"
            skip.add(j + 1)
            concept, positive = _particle_concept(lower, j + 1)
            claims.append(Claim(concept, not positive, said, negated=True, soft=True))
    for k in range(last + 1, reach[-1] if reach else last):
        place = _place(lower, k)
        if place is not None and place.noun in reach:
            # "none of the tablets in stock": the place is denied with the rest of the clause, softly
            skip.add(k)
            claims.append(Claim(place.concept, not place.positive, said, negated=True, soft=True))
    return claims


def _another_denied(lower: list[str], phrase: list[int], j: int) -> bool:
    """The word at `j` is the noun of a denied phrase opened by "further", "additional" or "extra" ("no further setup
    fee"), which denies only another one beyond those the text names ("a £35 fee …; no further fee"): the noun is
    denied softly, and the word that says "another" outright ("a further fee" against "no further fee")."""
    return j == phrase[-1] and len(phrase) > 1 and lower[phrase[0]] in _ANOTHER


_ANOTHER = frozenset({"further", "additional", "extra"})


def _denied_of_each(lower: list[str], i: int, head: int) -> int | None:
    """For "no" or "neither" before a singular noun and its verb ("no card shrinks below 200px", "neither rabbit sees
    it as its own", "neither lamp is working"): the index of the verb, which is what is denied, of every card and of
    both rabbits (the cards exist and never shrink: "each card stays at least 200px"). The noun is denied softly and
    the verb outright. A word in -s after the noun may instead head a compound the noun describes ("no side effects"):
    that word is what is denied too."""
    verb = head + 1
    if lower[i] not in _EVERY_DENIED or head != i + 1 or verb >= len(lower):
        return None
    noun, said = lower[head], lower[verb]
    if not content_word(noun) or noun.endswith("s") or "'" in noun:
        return None
    if said in lexicon.AUXILIARIES or said in _FORMS_OF_BE:
        # "neither lamp is working", "no guest will be given one": the first word after the auxiliaries
        return next((j for j in range(verb + 1, min(len(lower), verb + 3)) if content_word(lower[j])), None)
    plural = said.endswith("s") and not said.endswith(_NOT_PLURAL) and "'" not in said
    return verb if plural and content_word(said) else None


# Negative determiners before a singular noun, and the endings in -s of no verb or plural ("status", "analysis").
_EVERY_DENIED = frozenset({"no", "neither"})
_NOT_PLURAL = ("ss", "us", "is")


def _keyword_in(phrase: list[int], word: str) -> bool:
    """A function word inside a noun phrase of several words names a keyword ("a WHERE clause", "the FROM address")."""
    return len(phrase) > 1 and not content_word(word)


def _permission_complement(lower: list[str], head: int) -> int | None:
    """For a word of permission ("allowed", "permitted") with a "to"-complement, or "let" with its object: the index
    of the verb permitted ("not allowed to park", "doesn't allow tenants to sublet", "doesn't let interns merge")."""
    if lower[head] in _LETTING:
        verb = _after_object(lower, head + 1)
        return verb if verb is not None and verb < len(lower) and content_word(lower[verb]) else None
    if not any(c == _PERMISSION and p for c, p in _ANTONYM_INDEX.get(lower[head], ())):
        return None
    to = head + 1 if lower[head + 1 : head + 2] == ["to"] else _after_object(lower, head + 1)
    if to is None or lower[to : to + 1] != ["to"]:
        return None
    verb = to + 1
    return verb if verb < len(lower) and content_word(lower[verb]) else None


_LETTING = frozenset({"let", "lets", "letting"})
_OBJECT_PRONOUNS = frozenset({"you", "them", "us", "him", "her", "me", "anyone", "anybody", "people"})


def _after_object(lower: list[str], start: int) -> int | None:
    """The index after a one-word object at `start` ("you", "tenants", "the tenants"), or None."""
    j = start + (start < len(lower) and lower[start] in lexicon.DETERMINERS)
    if j >= len(lower) or not (lower[j] in _OBJECT_PRONOUNS or content_word(lower[j])):
        return None
    return j + 1


def _lifts_duty(lower: list[str], i: int, head: int) -> bool:
    """The negation at `i` lifts a duty before its head ("don't have to send", "doesn't have to be signed"): the
    head is not done for want of need, not denied."""
    return any(lower[j] in _HAVING and lower[j + 1] == "to" for j in range(i + 1, head))


_HAVING = frozenset({"have", "has", "had"})
_PREVENTING = frozenset({"stop", "stops", "prevent", "prevents", "keep", "keeps"})


def _negated_prevention(lower: list[str], i: int) -> int | None:
    """For a negated verb of prevention with its object and an "-ing" verb ("won't stop you swimming", "doesn't
    prevent guests from bringing"): the index of the "-ing" verb, which the two denials together allow."""
    if not (lower[i] in ("not", "never") or lower[i].endswith("n't")):
        return None
    verb = _negated_head(lower, i)
    if verb is None or lower[verb] not in _PREVENTING:
        return None
    j = _after_object(lower, verb + 1)
    if j is not None and lower[j : j + 1] == ["from"]:
        j += 1
    return j if j is not None and j < len(lower) and _gerund(lower[j]) else None


# Modals that, negated, forbid: "you can't park here", "may not be used", "must not be shared".
_PERMITTING_MODALS = frozenset({"can", "may", "must"})
_PROHIBITING = frozenset({"can't", "cannot", "mustn't"})


def _prohibits(lower: list[str], i: int) -> bool:
    """The negation at `i` is a negated modal of permission, which forbids what it negates ("may not be used")."""
    return lower[i] in _PROHIBITING or (lower[i] == "not" and i > 0 and lower[i - 1] in _PERMITTING_MODALS)


def _particle_concept(lower: list[str], particle: int) -> tuple[str, bool]:
    """The concept and polarity of a phrasal verb's particle ("fill in": fill~in +, "turn off": turn~on −)."""
    axis, positive = lexicon.PARTICLES[lower[particle]]
    return f"{stem(lower[particle - 1])}~{axis}", positive


_NOTHING_OBJECTS = frozenset({"nothing", "none"})
_RELATIVE_WORDS = frozenset({"that", "which"})


def _relative_after_nothing(lower: list[str], i: int) -> int | None:
    """For "nothing" or "none" before a relative clause ("nothing you need to bring", "none that we can refund"): the
    index after the clause's subject pronoun, where what is denied of "nothing" starts."""
    j = i + 1
    if lower[i] not in _NOTHING_OBJECTS or j >= len(lower):
        return None
    if lower[j] in _RELATIVE_WORDS:
        j += 1
    return j + 1 if j + 1 < len(lower) and lower[j] in _SUBJECT_PRONOUNS else None


# A negated noun phrase is at most this many words ("no further charges"); a negation reaches this far into
# its clause, before it (the subject: "refunds aren't available") and after it (the object: "charged a fee").
_MAX_PHRASE = 3
_MAX_REACH = 6
# Modals that open a predicate of their own after a negated one ("when the fire isn't lit will reduce …").
_MODALS = frozenset({"will", "would", "can", "could", "should", "shall", "may", "might", "must"})


def _negated_before(lower: list[str], i: int) -> bool:
    """A "no", "not", "never" or "-n't" opens the clause of the word at `i` before it ("no child may be … without")."""
    for j in range(i - 1, max(-1, i - 1 - _NEGATION_BEFORE_REACH), -1):
        if not lower[j][0].isalpha() or lower[j] in lexicon.CLAUSE_CONJUNCTIONS:
            return False
        if lower[j] in ("no", "not", "never", "cannot") or lower[j].endswith("n't"):
            return True
    return False


_NEGATION_BEFORE_REACH = 8


def _double_negation(lower: list[str], i: int) -> int | None:
    """For "not"/"never" before "without" ("not without paying"): the index of the word "without" denies."""
    if lower[i] not in ("not", "never") or lower[i + 1 : i + 2] != ["without"]:
        return None
    for j in range(i + 2, min(len(lower), i + 2 + _MAX_REACH)):
        if not lower[j][0].isalpha():
            return None
        if content_word(lower[j]):
            return j
    return None


def _negated_phrase(lower: list[str], i: int, head: int) -> list[int]:
    """The words a negation negates outright: its head, or for "no"/"without" the noun phrase it opens.

    A regular past participle after the noun ("avoid any material soaked in oil", "no luggage stored overnight")
    opens a clause describing it, as "material that has been soaked in oil" does: the material is avoided, not the
    soaking, so the participle ends the phrase and is denied softly with the rest of the clause."""
    phrase = [head]
    if lower[i] not in lexicon.PHRASE_NEGATORS and not _avoids(lower, i):
        return phrase
    for j in range(head + 1, min(len(lower), head + _MAX_PHRASE)):
        if not content_word(lower[j]) or lower[j] in lexicon.VERB_PARTICLES or _past_participle(lower[j]):
            break
        phrase.append(j)
    return phrase


_MIN_PARTICIPLE = 5


def _past_participle(word: str) -> bool:
    """The word is the past participle of a regular verb, whose stem or "-ing" form the dictionary lists ("soaked":
    soak, "used": use, "stopped": stopping, "cooked": cooking, though "Cook" is a name too); not "seed", "speed" or
    "hundred"."""
    if len(word) < _MIN_PARTICIPLE or not word.endswith("ed"):
        return False
    return any(is_common_word(form) for form in (word[:-1], word[:-2], f"{word[:-2]}ing", f"{word[:-1]}ing"))


def _negated_reach(lower: list[str], start: int, stop_at_verb: bool = False, stop_at_modal: bool = False) -> list[int]:
    """The content words after a negated head up to the end of its clause ("won't be charged a fee": fee).

    The noun phrase of "without" ends where the clause's own predicate starts ("without flash is allowed"). An "or"
    does not end it: a negation distributes over the alternatives ("don't rinse or have hot drinks" has no hot
    drinks either). A negated predicate's clause ends at a modal right after it (`stop_at_modal`: "when the fire isn't
    lit will reduce …"; "isn't something you can clean" goes on).
    """
    reach: list[int] = []
    for j in range(start, min(len(lower), start + _MAX_REACH)):
        word = lower[j]
        if not word[0].isalpha() or (word in lexicon.CLAUSE_CONJUNCTIONS and word not in _DISTRIBUTING):
            break
        if stop_at_verb and (word in lexicon.AUXILIARIES or word in _BE):
            break
        if stop_at_modal and j == start and word in _MODALS:
            break
        if word in lexicon.NEGATION_WORDS or word.endswith("n't"):
            break  # another negation makes its own claims
        if content_word(word):
            reach.append(j)
    return reach


# Conjunctions a negation reaches across: "not A or B" denies both.
_DISTRIBUTING = frozenset({"or", "nor"})


def _negation_said(lower: list[str], i: int) -> str:
    """How a negation at `i` reads in a change: "not include", "no further charges", "requires no setup"."""
    head = _negated_head(lower, i)
    if head is None:
        return lower[i]
    verb = [lower[i - 1]] if lower[i] == "no" and i > 0 and _denies_object(lower, i - 1) else []
    bridges = (lexicon.AVOIDING_VERBS.get(lower[i]), lexicon.ALTERNATIVE_MARKERS.get(lower[i]))
    bridge = [lower[i + 1]] if head > i + 1 and lower[i + 1] in bridges else []
    return " ".join([*verb, lower[i], *bridge, *(lower[j] for j in _negated_phrase(lower, i, head))])


def _denies_object(lower: list[str], i: int) -> bool:
    """The word at `i` is a verb whose object is denied by the "no" after it ("raises no exception")."""
    if i + 2 >= len(lower) or lower[i + 1] != "no" or "'" in lower[i] or not content_word(lower[i]):
        return False
    return lower[i] not in _PRONOUNS and content_word(lower[i + 2]) and not _bound(lower, i + 1)


# The words that say nothing of their own (see `content_word`), as one set.
_NOT_CONTENT = (
    lexicon.FUNCTION_WORDS | lexicon.AUXILIARIES | lexicon.NEGATION_SKIP | lexicon.NEGATION_WORDS | lexicon.STOPWORDS
)


def content_word(word: str) -> bool:
    """A word that says something: not a function word, auxiliary, pronoun or a word a negation skips."""
    return word[0].isalpha() and word not in _NOT_CONTENT


def _hypothetical(tokens: list[str], lower: list[str]) -> list[bool]:
    """For each token: inside a condition ("if …", "unless …", "whether …", a sentence opened by "with" or "without":
    "Without a lid, it boils slower" = "if there is no lid …") or a state to bring about ("make it executable": a
    goal, which asserts nothing about how it is now), up to the end of its clause. After an article a conditional is a
    noun ("an if statement") and opens nothing; the "A" of "N/A" is no article."""
    inside, flags = False, []
    for i, word in enumerate(lower):
        if not word[0].isalpha() or word == "then" or (word in _CLAUSE_SUBJECTS and _ends_fronted_with(lower, i)):
            inside = False
        elif _opens_condition(tokens, lower, i) or (word in lexicon.CAUSATIVES and _causative(lower, i)):
            inside = True
        flags.append(inside)
    for i, word in enumerate(lower):
        if _gerund(word) and _opens_clause(lower, i) and _action_after_gerund(lower, i) is not None:
            # the gerund (with its particle: "turning off the heater resets it"); its object is said as it is
            phrasal = i + 1 < len(lower) and lower[i + 1] in lexicon.VERB_PARTICLES
            flags[i : i + 1 + phrasal] = [True] * (1 + phrasal)
    return flags


def _opens_clause(lower: list[str], i: int) -> bool:
    """The word at `i` opens a sentence, or a clause after ", and" / ", but"."""
    if i == 0 or lower[i - 1] in _SENTENCE_ENDS:
        return True
    return lower[i - 1] in _JOINING and i > 1 and lower[i - 2] == ","


_JOINING = frozenset({"and", "but"})
_MAX_GERUND_PHRASE = 6


def _action_after_gerund(lower: list[str], i: int) -> int | None:
    """For a gerund opening its clause as the subject of a verb acting on an object ("pairing a ninth removes the
    oldest", "adding a tag triggers a build"): the index of that verb, its first word ending in "s", before a
    determiner or pronoun. The gerund is a condition ("if you pair a ninth …"), which says nothing of whether it
    happens; before "be" or a modal ("parking is not allowed", "smoking can …"), or before a verb saying how it goes
    ("pulling the image succeeds", "renewing requires a login"), it is what the clause is about, and no condition."""
    for k in range(i + 1, min(len(lower), i + 1 + _MAX_GERUND_PHRASE)):
        word = lower[k]
        if not word[0].isalpha() or word in lexicon.CLAUSE_CONJUNCTIONS or word in _AUX_OR_BE:
            return None
        if word.endswith("s") and not word.endswith("ss") and content_word(word):
            following = lower[k + 1] if k + 1 < len(lower) else "."
            acts = following in lexicon.DETERMINERS or following in _OBJECT_PRONOUNS or following == "it"
            return k if acts and word not in _HOW_IT_GOES else None
    return None


# Verbs that say how the action of a gerund subject goes, not what it does: "renewing online requires a login".
_HOW_IT_GOES = frozenset({"costs", "takes", "requires", "needs", "involves", "succeeds", "fails", "works", "means"})


_CLAUSE_SUBJECTS = frozenset({"you", "we", "they", "he", "she", "i"})


def _ends_fronted_with(lower: list[str], i: int) -> bool:
    """A subject pronoun ends a sentence-opening "with"/"without" phrase left without a comma ("With a day pass you
    can use the sauna"): what follows is the main clause."""
    if lower[i] not in _CLAUSE_SUBJECTS or i < 2 or lower[i - 1] in _FRONTED_CONDITIONS:
        return False
    start = i
    while start > 0 and lower[start - 1] not in _SENTENCE_ENDS:
        start -= 1
    return lower[start] in _FRONTED_CONDITIONS and all(w[0].isalpha() for w in lower[start:i])


def _opens_condition(tokens: list[str], lower: list[str], i: int) -> bool:
    """The word at `i` opens a condition: a conditional not after an article, or "with"/"without" opening a sentence."""
    if lower[i] in lexicon.CONDITIONALS:
        return i == 0 or tokens[i - 1] not in _ARTICLES
    if lower[i] in _COUNTERFACTUALS:
        return True  # "otherwise it will stall" says what "so it doesn't stall" avoids: it asserts nothing
    if i > 0 and lower[i - 1] not in _SENTENCE_ENDS:
        return False
    return lower[i] in _FRONTED_CONDITIONS or _opens_purpose(lower, i)


def _once_clauses(lower: list[str]) -> set[int]:
    """The indexes of the words of each clause opened by a conjunction "once" (see `_temporal_once`), to the end of
    the clause. Not after an "only" of its sentence: "training only goes ahead once you've passed" says the pass is
    needed ("not unless you pass"), which the other side may say as its opposite in a condition ("you can't go on if
    you fail")."""
    found: set[int] = set()
    inside = only = False
    for i, word in enumerate(lower):
        if word in _SENTENCE_ENDS:
            only = False
        only = only or word == "only"
        if not word[0].isalpha() or word == "then":
            inside = False
        elif word == "once" and not only and _temporal_once(lower, i):
            inside = True
        elif inside:
            found.add(i)
    return found


def _temporal_once(lower: list[str], i: int) -> bool:
    """ "once" as a conjunction opens a condition in time, as "when" does ("trigger an alert once free space rises
    above 10%" = "when free space rises …"); as a count ("once a week", "once daily", "at once", "only once", "once
    again", "once or twice") it opens nothing."""
    if i > 0 and lower[i - 1] in _ONCE_COUNTED:
        return False
    following = lower[i + 1] if i + 1 < len(lower) else "."
    if not following[0].isalpha() or following in _ONCE_AS_COUNT or following in lexicon.FREQUENCY_PERIODS:
        return False
    period = lower[i + 2] if i + 2 < len(lower) else ""
    return following not in ("a", "an") or (period not in lexicon.UNITS and period not in _PERIOD_NOUNS)


# Words before a counted "once" ("at once", "only once", "more than once") and after it ("once again", "once per
# day", "once or twice", "once in a while", "once more").
_ONCE_COUNTED = frozenset({"at", "only", "just", "than", "all", "exactly", "least", "most"})
_ONCE_AS_COUNT = frozenset(
    {"again", "more", "or", "and", "per", "every", "each", "only", "in", "upon", "already", "twice", "before", "ever"}
)
# Periods a counted "once a …" is per that are no units: "once a quarter", "once a season", "once a night".
_PERIOD_NOUNS = frozenset({"quarter", "season", "term", "semester", "night", "fortnight", "lifetime", "while"})


def _opens_purpose(lower: list[str], i: int) -> bool:
    """The sentence opens with an infinitive of purpose closed by a comma ("To renew a loan, ask at the desk", "In
    order to renew, …"): a goal, as "if you want to renew" is, which says nothing of whether it can be reached."""
    verb = i + 1 if lower[i] == "to" else i + 3 if lower[i : i + 3] == ["in", "order", "to"] else None
    if verb is None or verb >= len(lower) or not content_word(lower[verb]):
        return False  # "To the left of the door", "To be sure": no goal
    for word in lower[verb + 1 :]:
        if word == ",":
            return True
        if word in _SENTENCE_ENDS:
            return False
    return False


_ARTICLES = frozenset({"a", "an", "the", "An", "The"})
# Words after which a clause says what would happen if the instruction before it were not followed.
_COUNTERFACTUALS = frozenset({"otherwise"})
# Prepositions that open a condition when they open a sentence: "Without a receipt, …" = "If you have no receipt, …",
# and "With a receipt, …" = "If you have a receipt, …" (after a comma, "with the fastest runners starting first" is no
# condition).
_FRONTED_CONDITIONS = frozenset({"with", "without"})
_SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";", "\n"})


_STEPS = frozenset({"before", "after", "until", "till", "then"})


def _before_a_step(lower: list[str], i: int) -> bool:
    """A step connector ("before", "after", "until", "then") comes before the next content word of the clause, or
    "than" and a subject pronoun do: that word is a later step, or the verb of the clause compared with ("grant less
    than you request", "costs more than we expected"), not what the claim is said of."""
    for k, word in enumerate(lower[i + 1 : i + 1 + _MAX_REACH], i + 1):
        if word in _STEPS or (word == "than" and lower[k + 1 : k + 2] and lower[k + 1] in _SUBJECT_PRONOUNS):
            return True
        if not word[0].isalpha() or word in lexicon.CLAUSE_CONJUNCTIONS or content_word(word):
            return False
    return False


def _closes_clause(lower: list[str], i: int, settled: set[int]) -> bool:
    """The word at `i` ends its clause, but for particles and the words its claim settled ("… is not checked in
    when play begins": "not" settles "checked")."""
    j = i + 1
    while j < len(lower) and (j in settled or lower[j] in lexicon.VERB_PARTICLES):
        j += 1
    return j == len(lower) or not lower[j][0].isalpha() or lower[j] in lexicon.CLAUSE_CONJUNCTIONS


def _after_unless(lower: list[str]) -> list[int]:
    """For each token: 0 outside a clause opened by "unless" or "except when" (which say "if not"), 1 for the
    clause's first content word, which it denies ("unless we receive it": receive −), 2 for the rest of the clause."""
    state, flags = 0, []
    for i, word in enumerate(lower):
        if word == "unless" or (word in _EXCEPT_CONDITIONS and i > 0 and lower[i - 1] == "except"):
            flags.append(0)
            state = -1
            continue
        if not word[0].isalpha() or word == "then" or word in lexicon.CLAUSE_CONJUNCTIONS:
            state = 0
        elif state == 1:
            state = 2
        elif state == -1 and content_word(word):
            state = 1
        flags.append(max(state, 0))
    return flags


_EXCEPT_CONDITIONS = frozenset({"when", "whenever", "if", "where", "while"})


def _restricted(lower: list[str], unless: list[int]) -> set[int]:
    """The indexes of the sentences that negate something outside an "unless" clause of theirs: "never pages unless
    the rate is high" says "pages only when the rate is high", so the negation only restricts and the condition is
    not denied."""
    found: set[int] = set()
    start = 0
    for end in [*(k for k, w in enumerate(lower) if w in _SENTENCE_ENDS), len(lower)]:
        span = range(start, end)
        if any(unless[j] for j in span) and any(not unless[j] and _negation_word(lower[j]) for j in span):
            found.update(span)
        start = end + 1
    return found


def _negation_word(word: str) -> bool:
    return word in lexicon.NEGATION_WORDS or word.endswith("n't")


def _kept_out(lower: list[str]) -> set[int]:
    """The indexes of what a "keep" verb keeps out or away ("keep meat, dairy and cooked food out", "keep pets out of
    the kitchen"): denied softly, as "no meat" or "no pets in the kitchen" deny them."""
    found: set[int] = set()
    for k, word in enumerate(lower):
        if word not in lexicon.KEEP_AWAY:
            continue
        for v in range(k - 1, max(-1, k - 1 - _KEEP_OUT_REACH), -1):
            if lower[v] in _KEEPING:
                found.update(range(v + 1, k))
                break
            if lower[v] in _SENTENCE_ENDS or (lower[v] in lexicon.CLAUSE_CONJUNCTIONS and lower[v] not in _LISTING):
                break
    return found


_KEEPING = frozenset({"keep", "keeps", "kept", "keeping"})
_LISTING = frozenset({"and", "or"})
_KEEP_OUT_REACH = 8


def _kept_off(lower: list[str]) -> set[int]:
    """The indexes of what "with", "keep" or "leave" has switched off ("built with threads disabled", "keep your flash
    switched off", "leave the heating turned off"): denied softly, as "without threads" or "no flash" deny them."""
    found: set[int] = set()
    for k, word in enumerate(lower):
        if word not in _HOLDING:
            continue
        for m in range(k + 2, min(len(lower), k + 2 + _MAX_PHRASE + 1)):
            if _switched_off_at(lower, m):
                found.update(range(k + 1, m))
                break
            if not lower[m][0].isalpha() or lower[m] in lexicon.CLAUSE_CONJUNCTIONS or _negation_word(lower[m]):
                break
    return found


def _switched_off_at(lower: list[str], m: int) -> bool:
    """The word at `m` says "switched off": "disabled", "deactivated", "off", "turned off", "switched off"."""
    if lower[m] in _OFF_WORDS:
        return True
    return lower[m] in _SWITCHED and lower[m + 1 : m + 2] == ["off"]


_HOLDING = frozenset({"with", "leave", "leaves", "left", "leaving"}) | _KEEPING
_OFF_WORDS = frozenset({"disabled", "deactivated", "off"})
_SWITCHED = frozenset({"switched", "turned", "powered", "shut"})


def _unless(claim: Claim, head: bool) -> Claim:
    """A claim inside "unless …", denied as after "if not": outright for the clause's first content word, softly for
    the rest, as a negated clause is ("unless we receive it" = "if it isn't received")."""
    if claim.concept == "answer" or claim.negated or claim.soft:
        return claim
    if not head:
        return _softly_negated(claim)
    return _replaced(claim, positive=not claim.positive, negated=True, words=f"unless {claim.words}")


def _causative(lower: list[str], i: int) -> bool:
    """ "make it", "making them": what follows is a state to bring about."""
    return lower[i] in lexicon.CAUSATIVES and i + 1 < len(lower) and lower[i + 1] in _PRONOUNS


# Phrases read as the word of the antonym pairs they say: "24 hours in advance" = "24 hours before", "count against
# your quota" = "reduce your quota".
_SAID_AS = re.compile(
    r"\b(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in lexicon.PHRASES_SAID_AS) + r")\b", re.IGNORECASE
)


# The same phrases in lower case, matched case-sensitively in a lower-cased text: a quick test that the text says
# none of them (the case-insensitive pattern scans slowly). Sound only when lower-casing maps each character to one
# character and the text has none of the characters that match a Latin letter only case-insensitively.
_SAID_AS_LOWER = re.compile(
    r"\b(?:" + "|".join(r"\s+".join(map(re.escape, p.lower().split())) for p in lexicon.PHRASES_SAID_AS) + r")\b"
)
_FOLDED_LATIN = ("\u0130", "\u0131", "\u017f", "\u212a")  # "İ", "ı", "ſ", the Kelvin sign


def _said_as(text: str) -> str:
    """The text with each phrase of `PHRASES_SAID_AS` replaced by the word it says ("count against" → "reduce")."""
    lowered = text.lower()
    if len(lowered) == len(text) and not any(c in text for c in _FOLDED_LATIN) and not _SAID_AS_LOWER.search(lowered):
        return text
    return _SAID_AS.sub(lambda m: lexicon.PHRASES_SAID_AS[" ".join(m.group(0).lower().split())], text)


_KEEP_REACH = 4
# A finite verb (or "never" before one) straight after a transitive avoiding verb says its object stands before it,
# in a relative clause ("the modules your code lacks get added", "the steps you skip are listed", "the fonts it lacks
# never get installed"): the verb ends the clause and denies nothing after it, as the finite verb opens the main
# clause (no object of "avoid" or "lack" can be "is", "get" or "never").
_FINITE_VERBS = lexicon.AUXILIARIES | {"am", "do", "get", "gets", "got", "shall", "never"}
_SKIPPING_TO = frozenset({"to", "ahead", "over", "past", "forward", "forwards", "straight", "through", "back"})


def _avoids(lower: list[str], i: int) -> bool:
    """The word at `i` denies what follows it: "avoid eating", "refrain from smoking", "advise against booking",
    "instead of raising"."""
    bridge = lexicon.AVOIDING_VERBS.get(lower[i])
    if bridge == "":
        # "skip to step 3", "skip ahead" move on to a place: they deny nothing
        following = lower[i + 1] if i + 1 < len(lower) else ""
        return not (lower[i].startswith("skip") and following in _SKIPPING_TO) and following not in _FINITE_VERBS
    if lower[i] in lexicon.ABSENCE_WORDS and i + 1 < len(lower) and lower[i + 1] in lexicon.DETERMINERS:
        return i == 0 or lower[i - 1] not in lexicon.DETERMINERS  # "arrived missing the lid"; not "the missing lid"
    bridge = bridge or lexicon.ALTERNATIVE_MARKERS.get(lower[i])
    if bridge == "out" and lower[i + 2 : i + 3] and lower[i + 2] in _SET_OUT:
        return False  # "leave out a bowl of water" sets it out, as "leave out the garlic" does not
    return bridge is not None and i + 1 < len(lower) and lower[i + 1] == bridge


# After "leave out", an indefinite object is set out for use ("leave out a bowl of water", "leave out some food"),
# not left out of something.
_SET_OUT = frozenset({"a", "an", "some"})


def _avoided_before(lower: list[str], i: int) -> int | None:
    """For an avoiding verb that ends its clause after a pronoun subject and its modals ("some points they will
    avoid"): the index of the noun the relative clause qualifies; None otherwise."""
    if lexicon.AVOIDING_VERBS.get(lower[i]) != "" or not (
        i + 1 == len(lower) or not lower[i + 1][0].isalpha() or lower[i + 1] in lexicon.CLAUSE_CONJUNCTIONS
    ):
        return None
    j = i - 1
    while j > 0 and lower[j] in _MODALS:
        j -= 1
    if j < 1 or lower[j] not in _SUBJECT_PRONOUNS or not content_word(lower[j - 1]):
        return None
    return j - 1


def _bound(lower: list[str], i: int) -> bool:
    """ "no later than", "not more than", "no fewer than": a negation word opening a comparison (a bound)."""
    return (
        lower[i] in ("no", "not")
        and i + 2 < len(lower)
        and lower[i + 1] in lexicon.BOUND_COMPARATIVES
        and lower[i + 2] == "than"
    )


def _kept_away_from(lower: list[str], i: int) -> int | None:
    """For "out" of "keep it out of the dryer" (or "away" of "store away from heat"): the index of "dryer"."""
    bridge = lexicon.KEEP_AWAY.get(lower[i])
    if bridge is None or i + 1 >= len(lower) or lower[i + 1] != bridge:
        return None
    for j in range(i - 1, max(-1, i - 1 - _KEEP_REACH), -1):
        if not lower[j][0].isalpha():
            return None
        if lower[j] in lexicon.KEEP_AWAY_VERBS:
            return _negated_head(lower, i + 1)
    return None


def _delays_or_bounds(lower: list[str], i: int) -> bool:
    """The negation at `i` only delays what it negates ("won't show notifications until the user agrees" = "they
    only appear once the user agrees") or only bounds an amount later in its clause ("no walker has more than four
    dogs" = "walkers take a maximum of four dogs", "the job doesn't run longer than an hour"): "until" or a
    comparative before "than" follows in its clause, or its sentence opens with "until" ("until you've done the
    induction, you aren't allowed to ride alone" = "you must do the induction before riding alone"); a "without"
    later in its clause only restricts it ("can't copy the key without the card" = "can copy it only with the card")."""
    if _after_fronted_delay(lower, i):
        return True
    for j in range(i + 1, min(len(lower), i + 1 + _MAX_DELAY_REACH)):
        word = lower[j]
        if word == "without" and lower[i] != "without":
            return True  # "can't copy the key without the card" only restricts: "can copy it only with the card"
        if word in _DELAYING or (word in lexicon.BOUND_COMPARATIVES and lower[j + 1 : j + 2] == ["than"] and j > i + 1):
            return True  # ("no more than" straight after the negation is a bound of its own: `_bound`)
        if not word[0].isalpha() or (word in lexicon.CLAUSE_CONJUNCTIONS and not _determiner_that(lower, i, j)):
            return False
    return False


def _determiner_that(lower: list[str], i: int, j: int) -> bool:
    """The "that" at `j` is the determiner of the negated verb's object ("won't evaluate that policy until")."""
    return lower[j] == "that" and j == i + 2 and j + 1 < len(lower) and content_word(lower[j + 1])


_DELAYING = frozenset({"until", "till"})
# How far into its clause a negation's "until" or bound may stand: "won't be charged to your card until", "no player
# is allowed to take part in a match until".
_MAX_DELAY_REACH = 11


def _after_fronted_delay(lower: list[str], i: int) -> bool:
    """The sentence of the word at `i` opens with "until" or "till", and a comma ends that clause before `i`."""
    start = i
    while start > 0 and lower[start - 1] not in _SENTENCE_ENDS:
        start -= 1
    return lower[start] in _DELAYING and "," in lower[start:i]


def _negates(tokens: list[str], i: int) -> bool:
    """Token `i` is a negation word that negates something ("not only" and Python's `None` do not)."""
    word = tokens[i].lower()
    if not (word in lexicon.NEGATION_WORDS or word.endswith("n't")):
        return False
    if word == "none" and tokens[i] == "None" and i > 0 and tokens[i - 1][0].isalpha():
        return False  # "returns None": the value, mid-sentence and capitalised
    following = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
    return following not in lexicon.NOT_NEGATING_AFTER


_MAX_NEGATION_REACH = 4
_UNKNOWN = "?"


def _negated_head(lower: list[str], i: int) -> int | None:
    """The index of the word a negation at `i` negates: the next content word of the same clause."""
    for j in range(i + 1, min(len(lower), i + 1 + _MAX_NEGATION_REACH)):
        word = lower[j]
        if j == i + 1 and word == "because" and lower[i] == "not":
            continue  # "not because of your card" denies the card as the cause, as "not your card" does
        if j == i + 1 and _determines_noun(lower, j):
            continue  # "anything without that prefix": the prefix
        if not word[0].isalpha() or (word in lexicon.CLAUSE_CONJUNCTIONS and word not in lexicon.NEGATION_SKIP):
            return None  # "without the ^ and $ anchors": the clause ends before a word for the negation to negate
        if j == i + 1 and word in (lexicon.AVOIDING_VERBS.get(lower[i]), lexicon.ALTERNATIVE_MARKERS.get(lower[i])):
            continue  # "refrain from smoking", "instead of raising"
        if word in _PERSONAL_PRONOUNS:
            return None  # "without it you can be asked": a negation never denies a person
        if word not in lexicon.NEGATION_SKIP and word not in lexicon.HEDGES:
            return j  # "won't usually need": need
    return None


def _determines_noun(lower: list[str], j: int) -> bool:
    """The demonstrative at `j` ("that", "this", "these", "those") is a determiner before a noun ("that prefix"), not a
    pronoun standing for something said before ("without that, it fails")."""
    if lower[j] not in _PRONOUNS or lower[j] in ("it", "them") or j + 1 >= len(lower):
        return False
    noun = lower[j + 1]
    return (
        noun[0].isalpha()
        and content_word(noun)
        and noun not in lexicon.FUNCTION_WORDS
        and noun not in lexicon.AUXILIARIES
        and noun not in _BE
    )


_PERSONAL_PRONOUNS = frozenset(
    {"i", "you", "we", "they", "he", "she", "me", "us", "him", "i'm", "you're", "we're", "they're", "he's", "she's"}
)


# A particle's anchor is a verb or noun: "is in stock" pairs "in" with "stock", not with "is".
_NO_ANCHOR = lexicon.FUNCTION_WORDS | lexicon.AUXILIARIES | lexicon.NEGATION_SKIP


def _particle_claims(lower: list[str], i: int) -> list[Claim]:
    """Opposite particles around one anchor: "turn off" (turn~on −), "out of stock" (in~stock −); a switching verb's
    particle is also said of what it switches ("the lights turn on": light~on +), and "sold out" is out of stock."""
    word = lower[i]
    claims: list[Claim] = []
    if word in lexicon.PARTICLES:
        axis, positive = lexicon.PARTICLES[word]
        anchor = i - 1
        if anchor >= 0 and lower[anchor] in _PRONOUNS:
            anchor -= 1  # "turn it off"
        if anchor >= 0 and lower[anchor][0].isalpha() and lower[anchor] not in _NO_ANCHOR:
            claims.append(Claim(f"{stem(lower[anchor])}~{axis}", positive, f"{lower[anchor]} {word}"))
        if anchor >= 0:
            # "the lights turn on", "turn on the lights": said of the lights too, as "switch the lights off" is
            said = f"{lower[anchor]} {word}"
            claims += [Claim(f"{stem(lower[j])}~{axis}", positive, said) for j in _switched(lower, anchor, i)]
        said_of = lexicon.PARTICLE_SYNONYMS.get((lower[anchor], word)) if anchor >= 0 else None
        if said_of is not None:
            # "sold out" says "out of stock"
            claims.append(Claim(f"{axis}~{stem(said_of)}", positive, f"{lower[anchor]} {word}"))
        said_as = lexicon.PHRASAL_SAID_AS.get((lower[anchor], word)) if anchor >= 0 else None
        if said_as is not None:
            # "speed up" says "faster", against "slowly"
            claims += [Claim(c, p, f"{lower[anchor]} {word}") for c, p in _word_concepts(said_as)]
        if anchor == i - 1 and _amount_motion(lower, i):
            # "will go down by 12%" says "will decrease by 12%"
            said = f"{lower[anchor]} {word}"
            claims += [Claim(c, p, said) for w in lexicon.AMOUNT_PARTICLES[word] for c, p in _word_concepts(w)]
    place = _place(lower, i)
    if place is not None:
        claims.append(Claim(place.concept, place.positive, place.said))
    return claims


class _Place(NamedTuple):
    """ "in stock" / "out of stock": where something is, said of the noun at `noun`."""

    concept: str
    positive: bool
    said: str
    noun: int


def _place(lower: list[str], i: int) -> _Place | None:
    """The place the "in" or "out of" at `i` says of the noun after it ("in stock": in~stock +)."""
    word = lower[i]
    after = i + (2 if word == "out" and i + 1 < len(lower) and lower[i + 1] == "of" else 1)
    if word in ("in", "out") and after < len(lower) and lower[after][0].isalpha():
        noun = lower[after]
        if noun not in lexicon.FUNCTION_WORDS and (word == "in" or after == i + 2):
            said = f"{word} {noun}" if word == "in" else f"out of {noun}"
            return _Place(f"in~{stem(noun)}", word == "in", said, after)
    return None


def _switched(lower: list[str], verb: int, particle: int) -> list[int]:
    """The indexes of what the particle of a verb is said of too: for a switching verb, what it switches, the noun just
    before it ("the lights turn on") and the last noun of the phrase just after its particle ("turn on the porch
    lights"); for "up"/"down", what moves, the noun before a verb of motion ("latency went up") or the noun after a
    verb moving its object ("brought down latency")."""
    verb_word, up_axis = lower[verb], lexicon.PARTICLES[lower[particle]][0] == "up"
    before = verb_word in lexicon.SWITCH_VERBS or (up_axis and verb_word in lexicon.MOVING_VERBS)
    after = verb_word in lexicon.SWITCH_VERBS or (up_axis and verb_word in lexicon.MOVED_BY_VERBS)
    return [*(_noun_before(lower, verb) if before else []), *(_noun_after(lower, particle) if after else [])]


def _noun_before(lower: list[str], i: int) -> list[int]:
    """The index of the noun just before the verb at `i` and its auxiliaries ("the lights turn on", "prices will come
    down", "latency has gone up"), if it is one."""
    j = i - 1
    while j > 0 and (lower[j] in lexicon.AUXILIARIES or lower[j] in _BE):
        j -= 1
    return [j] if j >= 0 and content_word(lower[j]) and lower[j] not in _PRONOUNS else []


def _noun_after(lower: list[str], particle: int) -> list[int]:
    """The index of the last noun of the phrase just after a particle ("turn on the porch lights"), if any."""
    j = particle + 1
    while j < len(lower) and lower[j] in lexicon.BEFORE_ATTRIBUTE:
        j += 1
    last = None
    while j < len(lower) and lower[j][0].isalpha() and content_word(lower[j]) and j - particle <= _MAX_PHRASE + 1:
        last, j = j, j + 1
    return [] if last is None else [last]


def _amount_motion(lower: list[str], i: int) -> bool:
    """The particle at `i` closes a verb of motion before an amount: "go up by", "went down to", "goes up from"."""
    return (
        lower[i] in lexicon.AMOUNT_PARTICLES
        and i > 0
        and lower[i - 1] in lexicon.AMOUNT_MOTION_VERBS
        and i + 1 < len(lower)
        and lower[i + 1] in lexicon.AMOUNT_BRIDGES
    )


def polarity_changes(before: str, after: str) -> list[Change]:
    """Claims whose polarity flipped: "negation added: not include", "antonym returns → raises".

    A concept flips when one side asserts it only positively and the other only negatively, at least one claim
    on each side said outright (not softly). Saying the same thing another way is no flip ("is missing" / "is
    not present", "not available" / "unavailable", "did not succeed" / "failed"); two flips in one edit are two
    changes ("synchronous, so it blocks" → "asynchronous, so it doesn't block"). The kind is `negation` when a
    negation word makes the difference, `antonym` when opposite words do. A side that negates a pronoun
    ("without it") may be negating anything it names, so a negation against that side's positive claims is not
    counted. A hypothetical claim is compared only with a hypothetical one, and a comparison turned round
    ("A is faster than B" → "B is slower than A") is no flip. A participle describing a noun ("covered claims")
    counts only when a side has nothing else to say about the concept. A side that asserts both polarities
    ("permitted in the lounge but prohibited in the quiet zone") is compared object by object, after setting aside
    the claims of a noun both texts say alike in the same place ("the allow line in that location block" → "the deny
    line in that location block": "block" names a block on both sides, so the flip of "allow" is compared alone).
    """
    return [_in_their_words(change, f"{before} {after}") for change in _polarity_changes(before, after)]


def _in_their_words(change: Change, text: str) -> Change:
    """The change's line with stems ("loung", "financ") given back as the texts wrote them ("lounge", "finance")."""
    written = [w.lower() for w in _WORD.findall(text)]
    known = set(written)
    by_stem: dict[str, str] = {}
    for word in written:
        by_stem.setdefault(stem(word), word)

    def spelled(match: re.Match[str]) -> str:
        word = match.group(0)
        return word if word.lower() in known else by_stem.get(word.lower(), word)

    return dataclasses.replace(change, detail=_WORD.sub(spelled, change.detail))


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _polarity_changes(before: str, after: str) -> list[Change]:
    (old_tokens, old_at), (new_tokens, new_at) = _claims_by_token(before), _claims_by_token(after)
    old_at, new_at = _read_against_only(old_at, new_tokens), _read_against_only(new_at, old_tokens)
    old_claims, new_claims = [c for cs in old_at for c in cs], [c for cs in new_at for c in cs]
    if any(c.replaced for c in old_claims + new_claims):
        old_at, new_at = _against_replaced(old_at, new_claims), _against_replaced(new_at, old_claims)
        old_claims, new_claims = [c for cs in old_at for c in cs], [c for cs in new_at for c in cs]
    old, new = _by_concept(old_claims), _by_concept(new_claims)
    changes: list[Change] = _swapped_predicates(old_claims, new_claims) + _moved_negations(old_tokens, new_tokens)
    shared: set[int] | None = None
    for key in [k for k in old if k in new and k != _UNKNOWN]:
        was, now = _predicated(old[key]), _predicated(new[key])
        if len({c.positive for c in was}) != 1 or len({c.positive for c in now}) != 1:
            if shared is None:
                shared = _said_alike(old_tokens, old_at, new_tokens, new_at)
            was, now = [c for c in was if id(c) not in shared], [c for c in now if id(c) not in shared]
            if len({c.positive for c in was}) != 1 or len({c.positive for c in now}) != 1:
                changes += _swapped_objects(_predicated(old[key]), _predicated(new[key]))
                continue
        if was[0].positive == now[0].positive:
            continue
        a, b = _said_outright(was, now)
        if a is None or b is None:
            continue  # "keep it away from heat" agrees with "do not heat it", but "do not expose it to heat" too
        if a.passive != b.passive:
            continue  # "can be bought at reception" = "reception sells them": one transaction, seen from its two sides
        if a.obliging and b.obliging and not set(a.scope) & set(b.scope):
            continue  # "don't need to audition" → "need to come to three rehearsals": two actions, not one flipped
        positive_side = old if a.positive else new
        if _of_a_noun(a if a.negated else b) and _UNKNOWN in positive_side:
            continue  # "no index" → "add an index; slow without it": the negation may be about the index
        denied, asserted = (b, a) if a.positive else (a, b)
        if _rejected_way(
            denied, asserted, old_claims if a.positive else new_claims, new_tokens if a.positive else old_tokens
        ):
            continue  # "water it when dry rather than on a schedule" → "don't water it by the calendar"
        if b.negated and not a.negated:
            changes.append(Change("negation", "negation", f"negation added: {b.words}"))
        elif a.negated and not b.negated:
            changes.append(Change("negation", "negation", f"negation removed: {a.words}"))
        elif not (a.than and b.than and a.than != b.than):
            changes.append(Change("antonym", "antonym", f"antonym {a.words} → {b.words}"))
    if not changes:
        changes = _flipped_quantifiers(old_tokens, new_tokens)  # "all of our rooms" → "none of our rooms"
    return list(dict.fromkeys(changes))


def _rejected_way(denied: Claim, asserted: Claim, asserting_side: list[Claim], denying: tuple[str, ...]) -> bool:
    """The denial names a way of doing what the other side asserts, a way that side rejects as the alternative not
    taken: "water your bonsai when the soil is dry, rather than on a fixed schedule" says "don't water it by the
    calendar". The asserting side says "rather than" or "instead of", and the denial goes on past what the assertion
    is said of to a way, after "by" or "via", in words that side never uses ("calendar"): the negation is about that
    way, not the act ("don't water it at all" still denies watering)."""
    if not any(c.negated and c.words.partition(" ")[0] in lexicon.ALTERNATIVE_MARKERS for c in asserting_side):
        return False
    said = {c.concept for c in asserting_side}
    extra = {word for word in denied.scope if word not in asserted.scope and word not in said}
    return any(stem(w) in extra and _after_way(denying, k) for k, w in enumerate(denying))


def _after_way(lower: tuple[str, ...], k: int) -> bool:
    """The word at `k` names a way: "by" or "via" before it, maybe with a determiner and a word between ("by the
    calendar", "via a fixed timer", "by hand")."""
    for j in range(k - 1, max(-1, k - 4), -1):
        if lower[j] in _WAY_PREPOSITIONS:
            return True
        if not lower[j][0].isalpha():
            return False
    return False


_WAY_PREPOSITIONS = frozenset({"by", "via"})


def _said_alike(
    old_tokens: tuple[str, ...],
    old_at: tuple[tuple[Claim, ...], ...],
    new_tokens: tuple[str, ...],
    new_at: tuple[tuple[Claim, ...], ...],
) -> set[int]:
    """The ids of the claims both texts make with the same noun in the same place (inside a run of words the two
    texts share), alike on each side: "the deny line in that location block" says nothing new of "block" against
    "the allow line in that location block", so a side it makes look mixed is judged without it. A verb said alike
    on both sides stays ("avoid installing into the system Python; install the packages there" still says both)."""
    same: set[int] = set()
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    for i, j, size in matcher.get_matching_blocks():
        for k in range(size):
            if not _noun_at(old_tokens, i + k):
                continue
            kept = {_as_said(c) for c in new_at[j + k]} & {_as_said(c) for c in old_at[i + k]}
            same.update(id(c) for c in (*old_at[i + k], *new_at[j + k]) if _as_said(c) in kept)
    return same


def _noun_at(lower: tuple[str, ...], i: int) -> bool:
    """The word at `i` heads a noun phrase: after a determiner ("the block"), or after a determiner and a noun that
    describes it ("that location block", "the code block")."""
    before = lower[max(0, i - 2) : i]
    if not before:
        return False
    return before[-1] in _NOUN_OPENERS or (len(before) == 2 and before[0] in _NOUN_OPENERS and content_word(before[1]))


_NOUN_OPENERS = lexicon.DETERMINERS | {"that"}


def _as_said(claim: Claim) -> tuple[str, bool, str, bool, bool, bool, bool]:
    """A claim as its words make it, whatever follows it: two claims alike in this are one claim."""
    return (
        claim.concept,
        claim.positive,
        claim.words,
        claim.negated,
        claim.soft,
        claim.hypothetical,
        claim.attributive,
    )


def _of_a_noun(claim: Claim) -> bool:
    """A negation of a noun phrase ("no index", "without a receipt") or of what is avoided ("avoid loud noise"), which
    a negated pronoun ("without it", "steer clear of it") may be about; "cannot board" denies a verb, which no pronoun
    stands for."""
    said = claim.words.split()[0]
    return claim.negated and (said in _NOUN_NEGATORS or said in lexicon.AVOIDING_VERBS)


_NOUN_NEGATORS = lexicon.PHRASE_NEGATORS | {"none", "nothing", "nobody"}


_ANSWER_WORDS = {"no": False, "nope": False, "never": False, "not": False, "yes": True, "yeah": True, "sure": True}
_ANSWER_FILLER = frozenset(
    {"absolutely", "certainly", "definitely", "of", "course", "at", "all", "indeed", "ever", "unfortunately"}
    | {"sadly", "sorry", "well", "actually", "okay", "ok", "good", "news", "great", "i'm", "im", "afraid"}
)


def standalone_answers(text: str) -> list[tuple[str, bool]]:
    """Sentences that open with a bare yes or no ("No, never.", "Unfortunately, no — …") and its polarity."""
    found: list[tuple[str, bool]] = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        lead: list[str] = []
        polar: list[bool] = []
        for segment in re.split(r"[,;:—–]| - ", sentence):
            words = re.findall(r"[a-z']+", segment.lower())
            if not words or not all(w in _ANSWER_WORDS or w in _ANSWER_FILLER for w in words):
                break
            lead.append(segment.strip(" .!?"))
            polar += [_ANSWER_WORDS[w] for w in words if w in _ANSWER_WORDS]
        if polar:
            found.append((", ".join(lead), all(polar)))
    return found


def answer_changes(before: str, after: str) -> list[Change]:
    """A bare answer that flipped ("answer Yes → No"), or a bare "no" that appeared or vanished."""
    old, new = standalone_answers(before), standalone_answers(after)
    if old and new:
        if old[0][1] == new[0][1]:
            return []
        return [Change("negation", "answer", f"answer {old[0][0]} → {new[0][0]}")]
    # a "yes" added or dropped is usually style ("Yes, it ships" / "It ships"); a "no" turns the answer round
    if new and not new[0][1]:
        return [Change("negation", "answer", f"answer added: {new[0][0]}")]
    if old and not old[0][1]:
        return [Change("negation", "answer", f"answer removed: {old[0][0]}")]
    return []


def _predicated(claims: list[Claim]) -> list[Claim]:
    """The claims made as predicates, when there are any: "doesn't cover …; covered claims" asserts no cover."""
    predicated = [c for c in claims if not c.attributive]
    return predicated or claims


def _swapped_objects(was: list[Claim], now: list[Claim]) -> list[Change]:
    """A concept asserted both ways on a side whose pairing with its objects changed: "permitted in the lounge but
    prohibited in the quiet zone" → "prohibited in the lounge but permitted in the quiet zone".

    A claim that closes its clause ("once three checks in a row fail") may be about any object of its side, so
    it stays the same there: "after three failed checks" → "once three checks fail; two successful checks …"
    is no swap. Nor is a claim the other side keeps about another of its objects: "don't use a water
    extinguisher on live equipment" → "use a CO2 extinguisher; water extinguishers should never be used on live
    equipment" keeps "don't use" of the live equipment, so the "extinguisher" both name is two extinguishers.
    """
    old, new = _polarity_by_object(was), _polarity_by_object(now)
    unplaced_old, unplaced_new = _unplaced(was), _unplaced(now)
    for obj in [o for o in old if o in new]:
        (a, *more_a), (b, *more_b) = old[obj], new[obj]
        if a.positive in unplaced_new or b.positive in unplaced_old:
            continue
        if _kept_elsewhere(a, obj, new) or _kept_elsewhere(b, obj, old):
            continue
        if (
            a.positive != b.positive
            and all(c.positive == a.positive for c in more_a)
            and all(c.positive == b.positive for c in more_b)
        ):
            if a.negated != b.negated:
                what = "added" if b.negated else "removed"
                return [Change("negation", "negation", f"negation {what}: {(b if b.negated else a).words} {obj}")]
            return [Change("antonym", "antonym", f"antonym {a.words} → {b.words} ({obj})")]
    return []


def _kept_elsewhere(claim: Claim, obj: str, other: dict[str, list[Claim]]) -> bool:
    """The other side makes the claim, in its polarity, about another object of its clause."""
    return any(o != obj and any(c.positive == claim.positive for c in other.get(o, [])) for o in claim.scope)


def _unplaced(claims: list[Claim]) -> set[bool]:
    """The polarities a side asserts outright last in a clause, after what they are about ("checks in a row
    fail"; not "banned outside", whose object "outside" only places it)."""
    return {c.positive for c in claims if c.closing and not (c.scope or c.soft or c.hypothetical)}


def _swapped_predicates(was: list[Claim], now: list[Claim]) -> list[Change]:
    """Two objects that traded predicates: "covers theft but excludes flood damage" → "covers flood damage but
    excludes theft". Each object is the first content word after a predicate that both texts use."""
    old, new = _predicates_by_object(was), _predicates_by_object(now)
    old, new = _uninverted(old, new), _uninverted(new, old)
    shared = {c for preds in old.values() for c in preds} & {c for preds in new.values() for c in preds}
    objects = [o for o in old if o in new and old[o] & shared and new[o] & shared]
    for a, b in itertools.combinations(objects, 2):
        # an object that keeps a predicate's concept and polarity, in whatever words ("ahead at weekends" →
        # "beforehand at weekends"), kept its predicate
        keeps = _meant(old[a]) & _meant(new[a]) or _meant(old[b]) & _meant(new[b])
        there, back = old[a] & new[b] & shared, old[b] & new[a] & shared
        polar = sorted(p for p in there | back if p.startswith("~") or p.split(":")[0].endswith("!"))
        if not keeps and there and back and polar:
            moved = polar[0].partition(":")[2]
            return [Change("antonym", "antonym", f"predicates swapped: {moved} {a} ↔ {moved} {b}")]
    return []


def _meant(predicates: set[str]) -> set[str]:
    """The concepts and polarities of predicates ("~ahead+:beforehand" → "~ahead+"), whatever their words."""
    return {p.partition(":")[0] for p in predicates}


def _uninverted(by_object: dict[str, set[str]], other: dict[str, set[str]]) -> dict[str, set[str]]:
    """`by_object` less the pairs that the other side says the other way round: "year end" against "the end of the
    year" is one noun phrase inverted, not "year" said of "end"."""
    reversed_pairs = {(obj, _said_stem(p)) for obj, predicates in other.items() for p in predicates}
    return {
        obj: {p for p in predicates if (_said_stem(p), obj) not in reversed_pairs}
        for obj, predicates in by_object.items()
    }


def _said_stem(predicate: str) -> str:
    """The stem of the last word a predicate ("~start-:end") was said with."""
    return stem(predicate.rpartition(":")[2].split()[-1])


def _predicates_by_object(claims: list[Claim]) -> dict[str, set[str]]:
    """The predicates said outright of each object (its first content word after them) as "concept+:words"; a
    negated one ends its concept with "!" ("cover-!:not cover")."""
    by_object: dict[str, set[str]] = {}
    for claim in claims:
        said = claim.words.split()[-1]
        if claim.stepped:
            continue  # "ready before the next starts" says nothing of starting
        if claim.scope and content_word(said) and not (claim.soft or claim.hypothetical or claim.attributive):
            polarity = ("+" if claim.positive else "-") + ("!" if claim.negated else "")
            by_object.setdefault(claim.scope[0], set()).add(f"{claim.concept}{polarity}:{claim.words}")
    return by_object


def _polarity_by_object(claims: list[Claim]) -> dict[str, list[Claim]]:
    """The outright, asserted claims of a concept by each object they are made about."""
    by_object: dict[str, list[Claim]] = {}
    for claim in claims:
        if not (claim.soft or claim.hypothetical):
            for obj in claim.scope:
                by_object.setdefault(obj, []).append(claim)
    return by_object


def _by_concept(claims: list[Claim]) -> dict[str, list[Claim]]:
    """The claims grouped by concept, in the order the text first makes them."""
    grouped: dict[str, list[Claim]] = {}
    for claim in claims:
        grouped.setdefault(claim.concept, []).append(claim)
    return grouped


def _said_outright(was: list[Claim], now: list[Claim]) -> tuple[Claim | None, Claim | None]:
    """The first claims of each side said outright (not softly) and in the same mode: both asserted, both
    hypothetical ("raises no exception" is not contradicted by "if you want an exception"), or both states said by the
    moment they end ("before those edges dry" is not contradicted by "while the edges are still wet")."""
    for hypothetical, ending in ((False, False), (True, False), (True, True)):
        a = next((c for c in was if not c.soft and (c.hypothetical, c.ending) == (hypothetical, ending)), None)
        b = next((c for c in now if not c.soft and (c.hypothetical, c.ending) == (hypothetical, ending)), None)
        if a is not None and b is not None:
            return a, b
    # the trigger of a rule said after "when" on one side and after "once" on the other ("alert when free space falls
    # below 10%" / "alert once free space rises above 10%")
    a = next((c for c in was if not c.soft and (c.hypothetical or c.timed) and not c.ending), None)
    b = next((c for c in now if not c.soft and (c.hypothetical or c.timed) and not c.ending), None)
    if a is not None and b is not None and a.hypothetical != b.hypothetical:
        return a, b
    return None, None


def negation_changes(before: str, after: str) -> list[Change]:
    """Claims negated on one side only ("negation added: not include"); see `polarity_changes`."""
    return [c for c in polarity_changes(before, after) if c.kind == "negation"]


def antonym_changes(before: str, after: str) -> list[Change]:
    """Claims flipped by opposite words ("antonym returns → raises", "antonym mutable → immutable")."""
    return [c for c in polarity_changes(before, after) if c.kind == "antonym"]
