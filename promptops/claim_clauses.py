"""The clauses that change how the claims inside them count, for claim extraction.

A claim inside a condition ("if …", "unless …", a fronted "with"/"without", an infinitive of purpose, a gerund
subject) is hypothetical; a clause opened by "once" is asserted; a sentence whose negation is restricted by
"unless", "except" or ", only" only restricts; what "keep" or "with" has switched off is denied; a delay or bound
denies softly; a predicate left out after a conjunction ("… but B isn't") is found again; and phrases said as one
word are rewritten before the text is read.
"""

from __future__ import annotations

import re

from promptops import change_lexicon as lexicon
from promptops.claim_record import Claim, replaced_claim
from promptops.negation_scope import BE, FORMS_OF_BE, MAX_PHRASE, MAX_REACH, OBJECT_PRONOUNS, PRONOUNS, SUBJECT_PRONOUNS
from promptops.scope_limits import missed_deadline, risked_harm
from promptops.word_concepts import PERMISSION, content_word, gerund, word_concepts
from promptops.word_stems import stem


def prohibited_subject(lower: list[str], i: int, found: list[Claim]) -> bool:
    """The word at `i` forbids its subject after a form of "be" ("phones are banned", "coffee is off-limits"): it
    denies the subject as "avoid coffee" or "no phones" does, softly, as "refunds aren't available" does."""
    if i == 0 or lower[i - 1] not in FORMS_OF_BE:
        return False
    return any(c.concept == PERMISSION and not c.positive and not c.negated for c in found)


def listed_subject_start(lower: list[str], be: int) -> int:
    """Where the subject ending before the form of "be" at `be` starts, when it is nouns alone or a list of them
    ("the coffee is", "coffee, tea and chewing gum are") opening its clause; `be` (no subject) for any other subject
    ("statements with a WHERE filter are": what is forbidden is said by its modifier, which is not denied)."""
    start, joined = be, False
    while start > 0 and be - start < _MAX_LIST_SUBJECT:
        word = lower[start - 1]
        listed = word in _LIST_JOINS and (joined or word != ",")  # a list's commas come before its "and"/"or"
        if not (listed or word in lexicon.DETERMINERS or (content_word(word) and word not in PRONOUNS)):
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


def state_endings(lower: list[str]) -> set[int]:
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


def as_ending(claims: list[Claim]) -> list[Claim]:
    """The claims of opposite words ("dry", "cool") as said by the moment their state ends (`Claim.ending`)."""
    return [replaced_claim(c, hypothetical=True, ending=True) if c.concept.startswith("~") else c for c in claims]


def infinitive_start(lower: list[str], i: int) -> int:
    """Where the subject of the negation at `i` may start: at the negation itself when it opens an infinitive ("to
    avoid", "to never", "so as not to", "in order not to"), which has no subject of its own; else anywhere (0)."""
    if i > 0 and lower[i - 1] == "to":
        return i
    if lower[i] == "not" and lower[i + 1 : i + 2] == ["to"] and i > 0 and lower[i - 1] in _PURPOSE_OPENERS:
        return i
    return 0


# The words before a "not to" of purpose: "so as not to", "in order not to".
_PURPOSE_OPENERS = frozenset({"as", "order"})

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


def bounded_negations(
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
                replaced_claim(
                    c,
                    if_only=replaced_claim(
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


def exclusive_refusals(lower: list[str]) -> dict[int, int]:
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
        if any(c.startswith("~") and not positive for c, positive in word_concepts(lower[v])):
            found[v] = k
    return found


def before_exception(lower: list[str]) -> set[int]:
    """The indexes of the words of a sentence before its "except" ("avoid X except when debugging"), whose denials
    only restrict: what is avoided except in one case is kept for that case ("keep X for debugging only")."""
    excepted: set[int] = set()
    start = 0
    for i, word in enumerate(lower):
        if word in SENTENCE_ENDS:
            start = i + 1
        elif word in _EXCEPTING:
            excepted.update(range(start, i))
            start = i + 1
    return excepted


_EXCEPTING = frozenset({"except", "excepting"})


def before_only(lower: list[str]) -> dict[int, tuple[str, ...]]:
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
        if word in SENTENCE_ENDS:
            start = k + 1
        elif word == "only" and k > start and lower[k - 1] in _OPENING_ONLY and k + 1 < len(lower):
            after = lower[k + 1]
            denied = any(negation_word(w) for w in lower[start : k - 1])
            if denied and after[0].isalpha() and not content_word(after) and not negation_word(after):
                replaced = _replaced_complement(lower, start, k)
                restricted.update(dict.fromkeys(range(start, k - 1), replaced))
    return restricted


def _replaced_complement(lower: list[str], start: int, k: int) -> tuple[str, ...]:
    """The stems of the content words of the complement an "only" at `k` replaces: when the "only" opens a phrase with
    a preposition, the last phrase opened by a preposition before it is the one it stands in for ("don't count towards
    your elite status, only towards your balance" denies counting towards the elite status). Nothing when the new
    complement names it again by a pronoun ("never fold across the grain, only with it"); of its words, those the new
    complement says too ("not on weekend trains, only on weekday trains": weekend). When the "only" opens a noun phrase
    ("don't need a passport for the ferry, only an ID card"), it stands in for the object of the negated verb (see
    `_replaced_object`)."""
    if lower[k + 1] in lexicon.DETERMINERS:
        replaced = _replaced_object(lower, start, k)
    elif lower[k + 1] in _COMPLEMENT_PREPOSITIONS:
        opened = next((p for p in range(k - 2, start, -1) if lower[p] in _COMPLEMENT_PREPOSITIONS), None)
        replaced = [] if opened is None else lower[opened + 1 : k - 1]
    else:
        return ()
    end = next((e for e in range(k + 1, len(lower)) if lower[e] in SENTENCE_ENDS or lower[e] == ","), len(lower))
    again = lower[k + 2 : end]
    if not replaced or any(w in _PRONOUNS_AGAIN for w in again):
        return ()
    named = {stem(w) for w in again if content_word(w)}
    return tuple(sorted({stem(w) for w in replaced if content_word(w)} - named))


def _replaced_object(lower: list[str], start: int, k: int) -> list[str]:
    """The words of the object of the first negated verb of the clause from `start` to the "only" at `k`: the noun
    phrase opened by a determiner right after the verb, up to a preposition or "to" ("don't need a rod of oak to
    climb": "a rod"). Nothing when the verb after the negation has no such object."""
    neg = next((n for n in range(start, k - 1) if negation_word(lower[n])), None)
    if neg is None or neg + 2 >= k - 1 or not content_word(lower[neg + 1]) or lower[neg + 2] not in lexicon.DETERMINERS:
        return []
    end = next(
        (e for e in range(neg + 3, k - 1) if not lower[e][0].isalpha() or lower[e] in _COMPLEMENT_PREPOSITIONS), k - 1
    )
    return lower[neg + 3 : end]


# Prepositions that open a complement an "only" may replace ("not on the verge, only in the bays").
_COMPLEMENT_PREPOSITIONS = frozenset(
    {"on", "in", "at", "to", "towards", "toward", "into", "onto", "from", "for", "with", "by", "along", "across"}
    | {"over", "under", "through", "within", "inside", "outside", "near", "against", "via", "during", "after"}
)
# Words by which the new complement names the replaced one again ("only with it", "only inside them").
_PRONOUNS_AGAIN = frozenset({"it", "them", "that", "those", "this", "these"})


# What may stand before an "only" that gives a negated verb its other complement: ", only with it", "but only on".
_OPENING_ONLY = frozenset({",", "but"})

_ELIDING = frozenset({"but", ",", "and", "or"})


def elided_predicate(lower: list[str], i: int) -> int | None:
    """For the "not" of "covers defects but not damage" (a verb left out after it): the index of "covers".

    The predicate is the last word of the sentence before the conjunction that follows an auxiliary ("are
    allowed"), a subject pronoun ("it covers") or the sentence's first content word ("The warranty covers").
    """
    if lower[i] != "not" or i < 2 or lower[i - 1] not in _ELIDING or lower[i + 1 : i + 2] == ["without"]:
        return None  # "but not without a fee" denies the lack of a fee, not the verb before it
    if i + 1 < len(lower) and (lower[i + 1] in lexicon.AUXILIARIES or not lower[i + 1][0].isalpha()):
        return None  # "but not is", "…, not." : no noun phrase after it
    return predicate_before(lower, i - 1)


def elided_verb_phrase(lower: list[str], i: int) -> int | None:
    """For a negated auxiliary closing its clause after a conjunction ("every primary is allocated but one replica
    isn't."): the index of the predicate it leaves out ("allocated"), which it denies of its own subject."""
    word = lower[i]
    if i + 1 < len(lower) and lower[i + 1][0].isalpha():
        return None  # the negation has words of its own to deny
    if not (word.endswith("n't") or word == "cannot" or (word == "not" and i > 0 and lower[i - 1] in AUX_OR_BE)):
        return None  # "… but one replica isn't.", "… but the other is not."
    for k in range(i - 1, max(-1, i - 1 - MAX_REACH), -1):
        if not lower[k][0].isalpha():
            return None
        if lower[k] in CONTRASTING:
            return predicate_before(lower, k)
    return None


def elided_subject(lower: list[str], i: int) -> tuple[str, ...]:
    """The stems of the subject of a negated auxiliary closing its clause ("… but cash is not."): what the predicate
    it leaves out is denied of, its object ("cards are accepted, but cash is not" denies accepting cash)."""
    return tuple(stem(lower[j]) for j in elided_subject_span(lower, i) if content_word(lower[j]))[:_MAX_SCOPE]


def elided_subject_span(lower: list[str], i: int) -> range:
    """The indices of the words between the conjunction and the negated auxiliary at `i` closing its clause ("but
    cash is not"): its subject and auxiliary."""
    for k in range(i - 1, max(-1, i - 1 - MAX_REACH), -1):
        if lower[k] in CONTRASTING:
            return range(k + 1, i)
    return range(0)


AUX_OR_BE = lexicon.AUXILIARIES | frozenset({"am", "be"})
# Conjunctions before a clause whose negated auxiliary leaves its predicate out: "A is allocated but B isn't".
CONTRASTING = frozenset({"but", "while", "whereas", "although", "though", "and"})


def predicate_before(lower: list[str], end: int) -> int | None:
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
        k = j - 1
        while k > start and lower[k] in _BETWEEN_AUX_AND_VERB:
            k -= 1  # "is only available", "are usually allowed": the adverb between says nothing of the verb
        before = lower[k] if j > 0 else ""
        if before in lexicon.AUXILIARIES or before in BE or before in SUBJECT_PRONOUNS or j - 1 == first_content:
            candidate = j
        if first_content is None:
            first_content = j
    return candidate


_MAX_SCOPE = 4
# Adverbs between an auxiliary and its verb: "is only available", "are usually allowed", "is also covered".
_BETWEEN_AUX_AND_VERB = lexicon.HEDGES | frozenset({"only", "also", "still", "always"})


def clause_scopes(lower: list[str]) -> list[tuple[str, ...]]:
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


def denied_after(claim: Claim, by: str) -> Claim:
    """A positive claim denied outright by a word after it ("the lid was missing": lid −, said "missing lid")."""
    if claim.negated or claim.soft or claim.concept == "answer":
        return claim
    if_only = claim.if_only and denied_after(claim.if_only, by)
    return replaced_claim(
        claim, positive=not claim.positive, negated=True, words=f"{by} {claim.words}", if_only=if_only
    )


def softly_negated(claim: Claim) -> Claim:
    """A positive claim inside a negated clause: it may agree with a negation, never flip against a claim."""
    if claim.negated or claim.soft or claim.concept == "answer":
        return claim
    if_only = claim.if_only and softly_negated(claim.if_only)
    return replaced_claim(claim, positive=not claim.positive, negated=True, soft=True, if_only=if_only)


def restricting(claims: list[Claim], replaced: tuple[str, ...] = ()) -> list[Claim]:
    """The claims of a negation that only restricts, as soft ones ("avoid sudo except when installing packages"); those
    said outright keep the `replaced` complement they still deny (see `_against_replaced`)."""
    return [replaced_claim(c, soft=True, replaced=() if c.soft else replaced) if c.negated else c for c in claims]


def hypothetical_tokens(tokens: list[str], lower: list[str]) -> list[bool]:
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
        if gerund(word) and _opens_clause(lower, i) and _action_after_gerund(lower, i) is not None:
            # the gerund (with its particle: "turning off the heater resets it"); its object is said as it is
            phrasal = i + 1 < len(lower) and lower[i + 1] in lexicon.VERB_PARTICLES
            flags[i : i + 1 + phrasal] = [True] * (1 + phrasal)
    if not _QUANTIFIERS.isdisjoint(lower):
        for relative in _quantified_relatives(lower):
            flags[relative.start : relative.stop] = [True] * len(relative)
    return flags


# Quantifiers that make the relative clause after their noun a condition: "any deductions you don't accept" = "if you
# don't accept a deduction"; "anything you can't use" = "if you can't use something".
_QUANTIFIERS = frozenset({"any", "every", "each", "all", "anything", "everything", "anyone", "everyone"})
_DETERMINING = frozenset({"any", "every", "each", "all"})
_MAX_QUANTIFIED_NOUN = 3


def _quantified_relatives(lower: list[str]) -> list[range]:
    """The spans of the relative clauses, left without "that", after a noun a quantifier opens ("Any deductions you
    don't accept can be challenged"): from the subject pronoun to the main clause's auxiliary, or the clause's end.
    Such a clause says which of them the sentence is about, as a condition does, and asserts nothing: "any parcel
    you don't collect is returned" does not say you won't collect it."""
    spans: list[range] = []
    for i, word in enumerate(lower):
        if word not in _QUANTIFIERS:
            continue
        k = i + 1
        while k < min(len(lower), i + 1 + _MAX_QUANTIFIED_NOUN) and content_word(lower[k]):
            k += 1  # the noun ("any deductions"); "anything" is its own
        if k >= len(lower) or lower[k] not in _CLAUSE_SUBJECTS or (k == i + 1 and word in _DETERMINING):
            continue
        end = k + 2
        while end < len(lower) and lower[end][0].isalpha() and lower[end] not in lexicon.AUXILIARIES:
            end += 1
        spans.append(range(k, end))
    return spans


def _opens_clause(lower: list[str], i: int) -> bool:
    """The word at `i` opens a sentence, or a clause after ", and" / ", but", or after "because" or "since" ("because
    handling it too soon can cause …")."""
    if i == 0 or lower[i - 1] in SENTENCE_ENDS or lower[i - 1] in _CAUSAL:
        return True
    return lower[i - 1] in _JOINING and i > 1 and lower[i - 2] == ","


_JOINING = frozenset({"and", "but"})
_CAUSAL = frozenset({"because", "since"})
_MAX_GERUND_PHRASE = 6


def _action_after_gerund(lower: list[str], i: int) -> int | None:
    """For a gerund opening its clause as the subject of a verb acting on an object ("pairing a ninth removes the
    oldest", "adding a tag triggers a build"): the index of that verb, its first word ending in "s", before a
    determiner or pronoun. The gerund is a condition ("if you pair a ninth …"), which says nothing of whether it
    happens; before "be" or a modal ("parking is not allowed", "smoking can …"), or before a verb saying how it goes
    ("pulling the image succeeds", "renewing requires a login"), it is what the clause is about, and no condition,
    unless a modal says what harm it may cause ("overwatering them can cause root rot", "lifting it too early may
    damage the joint" = "if you overwater them, …": the harm is a risk, and the act is named as its condition)."""
    risked = risked_harm(lower, i)
    if risked is not None:
        return risked
    for k in range(i + 1, min(len(lower), i + 1 + _MAX_GERUND_PHRASE)):
        word = lower[k]
        if not word[0].isalpha() or word in lexicon.CLAUSE_CONJUNCTIONS or word in AUX_OR_BE:
            return None
        if word.endswith("s") and not word.endswith("ss") and content_word(word):
            following = lower[k + 1] if k + 1 < len(lower) else "."
            acts = following in lexicon.DETERMINERS or following in OBJECT_PRONOUNS or following == "it"
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
    while start > 0 and lower[start - 1] not in SENTENCE_ENDS:
        start -= 1
    return lower[start] in _FRONTED_CONDITIONS and all(w[0].isalpha() for w in lower[start:i])


def _opens_condition(tokens: list[str], lower: list[str], i: int) -> bool:
    """The word at `i` opens a condition: a conditional not after an article, or "with"/"without" opening a sentence."""
    if lower[i] in lexicon.CONDITIONALS:
        return i == 0 or tokens[i - 1] not in _ARTICLES
    if lower[i] in _COUNTERFACTUALS:
        return True  # "otherwise it will stall" says what "so it doesn't stall" avoids: it asserts nothing
    if i > 0 and lower[i - 1] not in SENTENCE_ENDS:
        return False
    return lower[i] in _FRONTED_CONDITIONS or _opens_purpose(lower, i)


def once_clauses(lower: list[str]) -> set[int]:
    """The indexes of the words of each clause opened by a conjunction "once" (see `_temporal_once`), to the end of
    the clause. Not after an "only" of its sentence: "training only goes ahead once you've passed" says the pass is
    needed ("not unless you pass"), which the other side may say as its opposite in a condition ("you can't go on if
    you fail")."""
    found: set[int] = set()
    inside = only = False
    for i, word in enumerate(lower):
        if word in SENTENCE_ENDS:
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
        if word in SENTENCE_ENDS:
            return False
    return False


_ARTICLES = frozenset({"a", "an", "the", "An", "The"})
# Words after which a clause says what would happen if the instruction before it were not followed.
_COUNTERFACTUALS = frozenset({"otherwise"})
# Prepositions that open a condition when they open a sentence: "Without a receipt, …" = "If you have no receipt, …",
# and "With a receipt, …" = "If you have a receipt, …" (after a comma, "with the fastest runners starting first" is no
# condition).
_FRONTED_CONDITIONS = frozenset({"with", "without"})
SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";", "\n"})


_STEPS = frozenset({"before", "after", "until", "till", "then"})


def before_a_step(lower: list[str], i: int) -> bool:
    """A step connector ("before", "after", "until", "then") comes before the next content word of the clause, or
    "than" and a subject pronoun do: that word is a later step, or the verb of the clause compared with ("grant less
    than you request", "costs more than we expected"), not what the claim is said of."""
    for k, word in enumerate(lower[i + 1 : i + 1 + MAX_REACH], i + 1):
        if word in _STEPS or (word == "than" and lower[k + 1 : k + 2] and lower[k + 1] in SUBJECT_PRONOUNS):
            return True
        if not word[0].isalpha() or word in lexicon.CLAUSE_CONJUNCTIONS or content_word(word):
            return False
    return False


def closes_clause(lower: list[str], i: int, settled: set[int]) -> bool:
    """The word at `i` ends its clause, but for particles and the words its claim settled ("… is not checked in
    when play begins": "not" settles "checked")."""
    j = i + 1
    while j < len(lower) and (j in settled or lower[j] in lexicon.VERB_PARTICLES):
        j += 1
    return j == len(lower) or not lower[j][0].isalpha() or lower[j] in lexicon.CLAUSE_CONJUNCTIONS


def after_unless(lower: list[str]) -> list[int]:
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


def restricted_sentences(lower: list[str], unless: list[int]) -> set[int]:
    """The indexes of the sentences that negate something outside an "unless" clause of theirs: "never pages unless
    the rate is high" says "pages only when the rate is high", so the negation only restricts and the condition is
    not denied."""
    found: set[int] = set()
    start = 0
    for end in [*(k for k, w in enumerate(lower) if w in SENTENCE_ENDS), len(lower)]:
        span = range(start, end)
        if any(unless[j] for j in span) and any(not unless[j] and negation_word(lower[j]) for j in span):
            found.update(span)
        start = end + 1
    return found


def negation_word(word: str) -> bool:
    return word in lexicon.NEGATION_WORDS or word.endswith("n't")


def kept_out(lower: list[str]) -> set[int]:
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
            if lower[v] in SENTENCE_ENDS or (lower[v] in lexicon.CLAUSE_CONJUNCTIONS and lower[v] not in _LISTING):
                break
    return found


_KEEPING = frozenset({"keep", "keeps", "kept", "keeping"})
_LISTING = frozenset({"and", "or"})
_KEEP_OUT_REACH = 8


def kept_off(lower: list[str]) -> set[int]:
    """The indexes of what "with", "keep" or "leave" has switched off ("built with threads disabled", "keep your flash
    switched off", "leave the heating turned off"): denied softly, as "without threads" or "no flash" deny them."""
    found: set[int] = set()
    for k, word in enumerate(lower):
        if word not in _HOLDING:
            continue
        for m in range(k + 2, min(len(lower), k + 2 + MAX_PHRASE + 1)):
            if _switched_off_at(lower, m):
                found.update(range(k + 1, m))
                break
            if not lower[m][0].isalpha() or lower[m] in lexicon.CLAUSE_CONJUNCTIONS or negation_word(lower[m]):
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


def unless_denied(claim: Claim, head: bool) -> Claim:
    """A claim inside "unless …", denied as after "if not": outright for the clause's first content word, softly for
    the rest, as a negated clause is ("unless we receive it" = "if it isn't received")."""
    if claim.concept == "answer" or claim.negated or claim.soft:
        return claim
    if not head:
        return softly_negated(claim)
    return replaced_claim(claim, positive=not claim.positive, negated=True, words=f"unless {claim.words}")


def _causative(lower: list[str], i: int) -> bool:
    """ "make it", "making them": what follows is a state to bring about."""
    return lower[i] in lexicon.CAUSATIVES and i + 1 < len(lower) and lower[i + 1] in PRONOUNS


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


def phrases_replaced(text: str) -> str:
    """The text with each phrase of `PHRASES_SAID_AS` replaced by the word it says ("count against" → "reduce")."""
    lowered = text.lower()
    if len(lowered) == len(text) and not any(c in text for c in _FOLDED_LATIN) and not _SAID_AS_LOWER.search(lowered):
        return text
    return _SAID_AS.sub(lambda m: lexicon.PHRASES_SAID_AS[" ".join(m.group(0).lower().split())], text)


def delays_or_bounds(lower: list[str], i: int) -> bool:
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
            return True  # ("no more than" straight after the negation is a bound of its own: `bound`)
        if word == "within" and missed_deadline(lower, i, j):
            return True
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
    while start > 0 and lower[start - 1] not in SENTENCE_ENDS:
        start -= 1
    return lower[start] in _DELAYING and "," in lower[start:i]
