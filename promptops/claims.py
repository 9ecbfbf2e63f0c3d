"""The polarity of the claims a text makes: `extract_claims`.

"includes" → include +, "does not include" → include −, "allows" / "blocks" → allow ±, "Yes" → answer +. The text
is tokenised once (questions left out, inline code kept as one clause) and each token's claims are read with the
negation scope (`promptops.negation_scope`), the word concepts (`promptops.word_concepts`) and the clauses that
make claims hypothetical or restrictive (`promptops.claim_clauses`); comparing two texts' claims is
`promptops.polarity_changes`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from promptops import change_lexicon as lexicon
from promptops.claim_clauses import (
    after_unless,
    as_ending,
    before_a_step,
    before_exception,
    before_only,
    bounded_negations,
    clause_scopes,
    closes_clause,
    delays_or_bounds,
    denied_after,
    elided_predicate,
    elided_subject,
    elided_subject_span,
    elided_verb_phrase,
    exclusive_refusals,
    hypothetical_tokens,
    infinitive_start,
    kept_off,
    kept_out,
    listed_subject_start,
    once_clauses,
    phrases_replaced,
    prohibited_subject,
    restricted_sentences,
    restricting,
    softly_negated,
    state_endings,
    unless_denied,
)
from promptops.claim_record import Claim, new_claim, replaced_claim
from promptops.negation_scope import (
    BE,
    DISTRIBUTING,
    FORMS_OF_BE,
    MAX_NEGATION_REACH,
    MAX_PHRASE,
    MAX_REACH,
    MAX_SUBJECT,
    PRONOUNS,
    absent,
    avoided_before,
    avoids,
    beyond_ability,
    bound,
    denies_object,
    double_negation,
    fails,
    kept_away_from,
    negated_before,
    negated_head,
    negated_prevention,
    negates,
    negation_claims,
    negation_said,
    place_of,
    relative_after_nothing,
    returned_object,
    seldom_denied,
    subject_start,
    unsupplied,
)
from promptops.scope_limits import kept_apart
from promptops.word_concepts import (
    ATTRIBUTIVE_OPPOSITES,
    PERMISSION,
    comparative_concepts,
    content_word,
    converse_concepts,
    gerund,
    word_concepts,
)
from promptops.word_stems import stem

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
# A rate of none before its noun says "no": "0% interest" = "zero per cent commission" = "no interest" (not "0% of",
# a share; a bare "zero" may name what something is made of: "a run of zero groups").
_NONE_AMOUNT = re.compile(
    r"(?<![\w.,])(?:0(?:\.0+)?[ \t]?%|zero[ \t]?(?:%|percent|per[ \t]cent))[ \t]+(?=[A-Za-z])(?!of\b)", re.IGNORECASE
)
# What costs nothing in a charge has none: "costs nothing in fees" = "costs no fees", "you pay nothing in interest"
# = "you pay no interest" ("nothing in the box" is a place: only after a verb of cost).
_NOTHING_IN = re.compile(
    r"\b((?:cost|costs|costing|pay|pays|paid|paying|charge|charges|charged|charging)(?:[ \t]+you)?[ \t]+)"
    r"nothing[ \t]+in(?=[ \t]+[A-Za-z])",
    re.IGNORECASE,
)
# A question asserts nothing: "Is there anything else I can help with?" is no claim that I can help.
_QUESTION = re.compile(r"(?:^|(?<=[.!?\n]))[^.!?\n]*\?")


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
    return [c for claims in claims_by_token(text)[1] for c in claims]


@functools.lru_cache(maxsize=1024)
def claims_by_token(text: str) -> tuple[tuple[str, ...], tuple[tuple[Claim, ...], ...]]:
    """The lower-cased tokens of a text and, token by token, the claims each makes (see `extract_claims`)."""
    text = phrases_replaced(_QUESTION.sub(".", text))
    if "%" in text or "cent" in text:
        text = _NONE_AMOUNT.sub("no ", text)
    if "nothing in" in text:
        text = _NOTHING_IN.sub(r"\1no", text)
    text = _INLINE_CODE.sub(lambda m: _CODE_PUNCTUATION.sub(" ", m.group(0)), text)
    if "(" in text:
        text = _GLUED_BRACKETS.sub("", text)
    if "," in text:
        text = _PARENTHETICAL.sub(" ", text)
    matches = list(_CLAIM_TOKEN.finditer(text))
    tokens = [t.group(0).replace("’", "'") for t in matches]
    lower = [t.lower() for t in tokens]
    hypothetical = hypothetical_tokens(tokens, lower)
    timed = once_clauses(lower) if "once" in lower else set()
    unless = after_unless(lower)
    restricted = restricted_sentences(lower, unless)
    seldom = seldom_denied(lower) | unsupplied(lower) | kept_out(lower) | kept_off(lower)
    if "kept" in lower:
        seldom |= kept_apart(lower)
    only_kept = before_only(lower)
    excepted = before_exception(lower) | only_kept.keys()
    exclusive = exclusive_refusals(lower)
    scopes = clause_scopes(lower)
    ending = state_endings(lower)
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
            found.append(Claim(PERMISSION, True, f"{word} {lower[i + 1]}", scope=scopes[i]))
        receipt = _modal_receipt(lower, i)
        if receipt is not None:
            # "people with an egg allergy can have the vaccine" permits what "the vaccine can't be given to them" denies
            found.append(Claim(_RECEIPT, receipt[0], receipt[1], negated=not receipt[0], scope=scopes[i]))
        if i in exclusive:
            # "refuses anything that isn't mutual TLS" = "accepts only mutual TLS": the refusal and the negation of
            # what it spares cancel, so the verb says its opposite and the negation asserts what it denied
            spared = f"{word} {lower[i + 1]}"
            found = [
                replaced_claim(c, positive=not c.positive, words=spared) if c.concept.startswith("~") else c
                for c in found
            ]
        elif i in exclusive.values():
            found = [replaced_claim(c, positive=not c.positive, negated=False) if c.negated else c for c in found]
        if word != "without" and any(c.negated and not c.soft for c in found):
            # the subject of a negated clause is part of what is denied: "refunds aren't available" = "no refunds";
            # an infinitive has none ("cool it slowly to avoid cracks", "so as not to crack it": the main clause)
            for j in range(max(clause_start, i - MAX_REACH, infinitive_start(lower, i)), i):
                claims_at[j] = [softly_negated(c) for c in claims_at.get(j, [])]
        elif prohibited_subject(lower, i, found):
            # "coffee, tea and chewing gum are off-limits" = "avoid coffee, tea and chewing gum": the whole subject
            for j in range(listed_subject_start(lower, i - 1), i - 1):
                claims_at[j] = [softly_negated(c) for c in claims_at.get(j, [])]
        elif fails(lower, i):
            # what fails does not happen: "pulling the image from the registry fails" = "the image cannot be pulled"
            for j in range(max(clause_start, i - MAX_SUBJECT), i):
                claims_at[j] = [softly_negated(c) for c in claims_at.get(j, [])]
        elif beyond_ability(lower, i):
            # "filing returns is outside what they're able to do" = "they can't file returns": a gerund opening the
            # subject (or one of its alternatives) is denied outright, the rest of the subject softly; "outside"
            # itself says no place
            found = []
            start = subject_start(lower, i - 1)
            for j in range(start, i):
                opens = j == start or lower[j - 1] in DISTRIBUTING or lower[j - 1] == "and"
                claims_at[j] = [
                    denied_after(c, word) if opens and gerund(lower[j]) else softly_negated(c)
                    for c in claims_at.get(j, [])
                ]
        elif absent(lower, i):
            # what is missing is not there, as after "no": "the garlic bread was missing" = "came without the garlic
            # bread"; the subject's head noun is denied outright, the words before it softly
            head = next((j for j in range(i - 2, clause_start - 1, -1) if content_word(lower[j])), None)
            for j in range(max(clause_start, i - MAX_SUBJECT), i):
                claims_at[j] = [denied_after(c, word) if j == head else softly_negated(c) for c in claims_at.get(j, [])]
        predicate, about = elided_predicate(lower, i), scopes[i]
        if predicate is None:
            predicate = elided_verb_phrase(lower, i)
            about = elided_subject(lower, i) if predicate is not None else about
            if predicate is not None:
                # "cars are carried, but bicycles are not": the subject is denied (softly), as "not bicycles" is
                for j in elided_subject_span(lower, i):
                    claims_at[j] = [softly_negated(c) for c in claims_at.get(j, [])]
        if predicate is not None:
            # "covers defects but not damage": the "not" denies "covers" of damage, as "damage isn't covered" does;
            # "every primary is allocated but one replica isn't" denies "allocated" of the replica
            found += [
                Claim(c.concept, not c.positive, f"{word} {lower[predicate]}", negated=True, scope=about)
                for c in [*claims_at.get(predicate, []), *claims_at.get(predicate + 1, [])]
                if not (c.negated or c.soft)
                and (c.concept.partition("~")[0] == stem(lower[predicate]) or c.words == lower[predicate])
            ]
        if closes_clause(lower, i, skip):
            found = [replaced_claim(c, closing=True) for c in found]
        if i in timed:
            found = [replaced_claim(c, timed=True) for c in found]
        if before_a_step(lower, i):
            found = [replaced_claim(c, stepped=True) for c in found]
        alternative = found
        if unless[i]:
            found = [unless_denied(c, unless[i] == 1) for c in found]  # "unless we receive it" = "if it isn't received"
        elif i in restricted:
            alternative = restricting(found)
        if i in excepted:
            # "avoid sudo except when installing packages" = "keep sudo for installing packages only": a restriction
            replaced = only_kept.get(i, ())
            found, alternative = restricting(found, replaced), restricting(alternative, replaced)
        if i in seldom:
            # "rarely needed" agrees with "not usually needed", "the blue jacket is out of stock" with "no blue jackets"
            found, alternative = [softly_negated(c) for c in found], [softly_negated(c) for c in alternative]
        if i in ending:
            # "before the edges dry" says "while they are still wet": no state of its own, against "wet" or "dry"
            found, alternative = as_ending(found), as_ending(alternative)
        if hypothetical[i]:
            found = [replaced_claim(c, hypothetical=True) for c in found]
            alternative = [replaced_claim(c, hypothetical=True) for c in alternative]
        if i in restricted:
            found = [replaced_claim(c, if_only=a) for c, a in zip(found, alternative, strict=True)]
        claims_at[i] = found
    bounded_negations(text, matches, lower, claims_at)
    for k in [k for k, w in enumerate(lower[:-1]) if w in _OBLIGING and lower[k + 1] == "to"]:
        _mark(lower, claims_at, k, lambda c: replaced_claim(c, obliging=True))  # "don't need to audition"
    for k in [k for k in range(1, len(lower)) if lower[k - 1] in _PASSIVE_AUXILIARIES]:
        _mark(lower, claims_at, k, lambda c: replaced_claim(c, passive=c.concept in converse_concepts()))
    return tuple(lower), tuple(tuple(claims_at.get(i, ())) for i in range(len(lower)))


def _mark(lower: list[str], claims_at: dict[int, list[Claim]], k: int, marked: Callable[[Claim], Claim]) -> None:
    """The claims said by the word at `k`, made at the word itself or at a negation before it ("can't be bought"),
    as `marked` makes them."""
    for j in range(max(0, k - MAX_NEGATION_REACH), k + 1):
        claims_at[j] = [marked(c) if c.words.split()[-1] == lower[k] else c for c in claims_at.get(j, [])]


_PASSIVE_AUXILIARIES = frozenset({"be", "been", "being", "is", "are", "was", "were", "get", "gets", "got"})

_OBLIGING = frozenset({"need", "needs", "needed", "required", "obliged", "obligated"})


def _claims_at(tokens: list[str], lower: list[str], i: int, skip: set[int], scope: tuple[str, ...]) -> list[Claim]:
    """The claims the word at `i` makes, about `scope`; words it settles (a negated head, a particle) go to `skip`."""
    word = lower[i]
    if word in _MAY_NEGATE or word.endswith("n't"):
        negation = _negation_claims_at(tokens, lower, i, skip, scope)
        if negation is not None:
            return negation
    return _word_claims_at(tokens, lower, i, skip, scope)


# The words that may negate or avoid what follows them (with any word ending in "n't"): only they can open a bound,
# a double negation, a negated prevention or an avoidance (`_negation_claims_at`); other words skip those readings.
_MAY_NEGATE = frozenset(
    {
        "no",
        "not",
        "never",
        "without",
        *lexicon.NEGATION_WORDS,
        *lexicon.AVOIDING_VERBS,
        *lexicon.ABSENCE_WORDS,
        *lexicon.ALTERNATIVE_MARKERS,
    }
)


def _negation_claims_at(
    tokens: list[str], lower: list[str], i: int, skip: set[int], scope: tuple[str, ...]
) -> list[Claim] | None:
    """The claims of a negation or avoidance at `i` ("no later than", "not without", "won't stop you swimming",
    "avoid eating"), or None when the word at `i` opens none."""
    word = lower[i]
    if bound(lower, i):
        # "no later than", "not more than": a bound, not a negation; a comparative with an antonym in the
        # lexicon keeps its side ("no more than 5" is on the "less" side, against "more than 5")
        skip.update((i + 1, i + 2))
        said = f"{word} {lower[i + 1]} than"
        return [Claim(c, not p, said) for c, p in word_concepts(lower[i + 1]) if c.startswith("~")]
    cancelled = double_negation(lower, i)
    if cancelled is None and word == "without" and negated_before(lower, i):
        # "no child may be in the barns without an adult": the two negations cancel, as "not without" does
        cancelled = next((j for j in range(i + 1, min(len(lower), i + 1 + MAX_REACH)) if content_word(lower[j])), None)
        if cancelled is not None and not all(w[0].isalpha() for w in lower[i + 1 : cancelled + 1]):
            cancelled = None
    if cancelled is not None:
        # "not without paying a fee" says "only by paying a fee": the two negations cancel
        skip.update((i + 1, cancelled))
        said = f"{word} {lower[cancelled]}" if word == "without" else f"{word} without {lower[cancelled]}"
        return [Claim(c, p, said, scope=_beyond(scope, said)) for c, p in word_concepts(lower[cancelled])]
    allowed = negated_prevention(lower, i)
    if allowed is not None:
        # "won't stop you swimming" = "you can swim": the two denials cancel
        skip.update(range(i + 1, allowed + 1))
        said = " ".join(lower[i : allowed + 1])
        prevention = negated_head(lower, i) or i
        return [
            *(
                Claim(c, not p, f"{word} {lower[prevention]}", negated=True)
                for c, p in word_concepts(lower[prevention])
            ),
            *(Claim(c, p, said, scope=_beyond(scope, said)) for c, p in word_concepts(lower[allowed])),
        ]
    head = avoided_before(lower, i)
    if head is not None:
        # "some points they will avoid": the head of the relative clause is what is avoided
        return [Claim(c, not p, f"{word} {lower[head]}", negated=True) for c, p in word_concepts(lower[head])]
    if negates(tokens, i) or avoids(lower, i):
        # "avoid eating" = "don't eat", "refrain from smoking" = "no smoking", "instead of raising" = "not raise"; a
        # negation that only delays ("isn't defined until later") or bounds an amount ("no walker has more than four
        # dogs") denies nothing outright
        soft = word in lexicon.ALTERNATIVE_MARKERS or word in lexicon.HOLDING_OFF or word in lexicon.BYPASSING
        soft = soft or delays_or_bounds(lower, i)
        return [
            *_avoiding_claims(word, scope),
            *(
                replaced_claim(c, scope=_beyond(scope, c.words), soft=c.soft or soft)
                for c in negation_claims(lower, i, skip)
            ),
        ]
    return None


def _word_claims_at(tokens: list[str], lower: list[str], i: int, skip: set[int], scope: tuple[str, ...]) -> list[Claim]:
    """The claims the word at `i` makes when it opens no negation (see `_claims_at`)."""
    word = lower[i]
    claims: list[Claim] = []
    kept_from = kept_away_from(lower, i)
    if kept_from is not None:
        # "keep it out of the dryer": a negative instruction about the dryer, as "do not tumble dry" is; the rest of
        # its noun phrase too ("stay out of the landing zones" = "avoid the landing zones")
        phrase = [kept_from]
        for j in range(kept_from + 1, min(len(lower), kept_from + MAX_PHRASE)):
            if not content_word(lower[j]) or lower[j] in lexicon.VERB_PARTICLES:
                break
            phrase.append(j)
        skip.update(phrase)
        said = f"{word} {lower[i + 1]} {lower[kept_from]}"
        claims += [Claim(c, not p, said, negated=True, soft=True) for j in phrase for c, p in word_concepts(lower[j])]
    if word in lexicon.PRIVATIVE_VERBS and i + 2 < len(lower) and lower[i + 1] == "to":
        skip.add(i + 2)  # "fails to start": start −
        said = f"{word} to {lower[i + 2]}"
        claims += [Claim(c, not p, said, negated=True) for c, p in word_concepts(lower[i + 2])]
    if word in lexicon.CEASING_VERBS and i + 1 < len(lower) and gerund(lower[i + 1]):
        # "stops showing the dialog": show −, as "won't show the dialog" says; softly, as what stops went on until
        # then ("stops serving hot food at 3 pm" = "serves hot food until 3 pm")
        skip.add(i + 1)
        said = f"{word} {lower[i + 1]}"
        claims += [Claim(c, not p, said, negated=True, soft=True) for c, p in word_concepts(lower[i + 1])]
    if word == "yes":
        return [*claims, Claim("answer", True, word)]
    if i + 1 < len(tokens) and negates(tokens, i + 1) and denies_object(lower, i):
        # "raises no exception" says "doesn't raise an exception"; soft, as "means no refunds" denies no meaning
        said = negation_said(lower, i + 1)
        return [*claims, *(Claim(c, not p, said, negated=True, soft=True) for c, p in word_concepts(word))]
    if i + 1 < len(lower) and lower[i + 1] in _NOTHING and content_word(word) and word not in PRONOUNS:
        # "costs nothing" says "doesn't cost anything", softly as "raises no exception" does; "nothing" denies no
        # word of its own ("pay nothing for the first hour" denies no "for"), but for a relative clause after it
        if relative_after_nothing(lower, i + 1) is None:
            skip.add(i + 1)
        return [
            *claims,
            *(Claim(c, not p, f"{word} nothing", negated=True, soft=True) for c, p in word_concepts(word)),
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
    concepts = word_concepts(said_as or word, noun=i > 0 and lower[i - 1] in lexicon.DETERMINERS)
    if word in ATTRIBUTIVE_OPPOSITES and i + 1 < len(lower) and content_word(lower[i + 1]):
        concepts = [*concepts, ATTRIBUTIVE_OPPOSITES[word]]  # "a naive datetime" against "an aware datetime"
    if than and not any(c.startswith("~") for c, _ in concepts):
        concepts += comparative_concepts(word)  # "narrower than" says "narrow", against "wider than"
    if i > 0 and lower[i - 1] in _LESSER:
        # "the least expensive" says "the cheapest", "less risky" says "safer": the opposite degree of the word
        concepts = [(c, not p) if c.startswith("~") else (c, p) for c, p in concepts]
        word = f"{lower[i - 1]} {word}"
    claims += [new_claim(c, p, word, than=than, attributive=attributive, scope=scope) for c, p in concepts]
    return claims


_LESSER = frozenset({"less", "least"})


def _avoiding_claims(word: str, scope: tuple[str, ...]) -> list[Claim]:
    """What a verb that denies its object by itself ("skip", "bypass", "avoid", "lack", "omit") says of its own act,
    besides the denial: "owners bypass the policies" → "owners do not bypass the policies" is a flip of "bypass",
    while "bypass the policies" = "skip the policies" still agree on the policies. A verb that needs a bridge ("advise
    against", "refrain from") says nothing of its own: "advise against booking" = "don't recommend booking"."""
    if lexicon.AVOIDING_VERBS.get(word) != "":
        return []
    return [new_claim(c, p, word, scope=scope) for c, p in word_concepts(word)]


def _after_be(lower: list[str], i: int) -> bool:
    """The word at `i` follows a form of "be", or a contracted one before "to" and a verb ("you're welcome to take
    photos"; "you're welcome!" answers thanks)."""
    if lower[i - 1] in FORMS_OF_BE:
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


def _beyond(scope: tuple[str, ...], words: str) -> tuple[str, ...]:
    """A negation's scope without the words it negates: "no bib collection on race morning" is about race morning,
    not about "collection", which "Bib collection is at the hall" says something else of."""
    own = {stem(w) for w in words.split()}
    return tuple(s for s in scope if s not in own)


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
        return [Claim(c, not p, word, negated=True) for c, p in word_concepts(named)]
    if word == "free" and i + 2 < len(lower) and lower[i + 1] in ("of", "from") and content_word(lower[i + 2]):
        skip.add(i + 2)
        said = f"free {lower[i + 1]} {lower[i + 2]}"
        return [Claim(c, not p, said, negated=True) for c, p in word_concepts(lower[i + 2])]
    return []


def _attributive(lower: list[str], i: int) -> bool:
    """The word at `i` is a participle describing the noun after it ("covered claims", "the included cable")."""
    word = lower[i]
    if not (word.endswith("ed") and len(word) > 4) or i + 1 >= len(lower):
        return False
    if not content_word(lower[i + 1]) or lower[i + 1] in lexicon.FUNCTION_WORDS:
        return False
    return i == 0 or not lower[i - 1][0].isalpha() or lower[i - 1] in lexicon.BEFORE_ATTRIBUTE


# A particle's anchor is a verb or noun: "is in stock" pairs "in" with "stock", not with "is".
_NO_ANCHOR = lexicon.FUNCTION_WORDS | lexicon.AUXILIARIES | lexicon.NEGATION_SKIP


def _particle_claims(lower: list[str], i: int) -> list[Claim]:
    """Opposite particles around one anchor: "turn off" (turn~on −), "out of stock" (in~stock −); a switching verb's
    particle is also said of what it switches ("the lights turn on": light~on +), and "sold out" is out of stock."""
    word = lower[i]
    claims: list[Claim] = []
    returned = returned_object(lower, i) if word == "back" else None
    if returned is not None:
        # "you'll get your deposit back": the return of the deposit, which "won't get the deposit back" denies
        claims.append(Claim(f"{stem(lower[returned])}~back", True, f"{lower[returned]} back"))
    if word in lexicon.PARTICLES:
        axis, positive = lexicon.PARTICLES[word]
        anchor = i - 1
        if anchor >= 0 and lower[anchor] in PRONOUNS:
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
            claims += [Claim(c, p, f"{lower[anchor]} {word}") for c, p in word_concepts(said_as)]
        if anchor == i - 1 and _amount_motion(lower, i):
            # "will go down by 12%" says "will decrease by 12%"
            said = f"{lower[anchor]} {word}"
            claims += [Claim(c, p, said) for w in lexicon.AMOUNT_PARTICLES[word] for c, p in word_concepts(w)]
    place = place_of(lower, i)
    if place is not None:
        claims.append(Claim(place.concept, place.positive, place.said))
    return claims


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
    while j > 0 and (lower[j] in lexicon.AUXILIARIES or lower[j] in BE):
        j -= 1
    return [j] if j >= 0 and content_word(lower[j]) and lower[j] not in PRONOUNS else []


def _noun_after(lower: list[str], particle: int) -> list[int]:
    """The index of the last noun of the phrase just after a particle ("turn on the porch lights"), if any."""
    j = particle + 1
    while j < len(lower) and lower[j] in lexicon.BEFORE_ATTRIBUTE:
        j += 1
    last = None
    while j < len(lower) and lower[j][0].isalpha() and content_word(lower[j]) and j - particle <= MAX_PHRASE + 1:
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
