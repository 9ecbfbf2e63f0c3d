"""What a negation reaches: the head it negates, the phrase it denies and the claims it makes.

A negation word negates the next content word of its clause and softly the rest of it; "no" and "without" deny
the noun phrase they open; a negated permission denies its "to"-complement; avoiding verbs ("avoid", "refrain
from", "keep away from") deny as "no" does. Words that deny with no negation word are read here too: what
"fails", what is "missing", "out of stock" or "outside what they can do", and what is "seldom" done.
"""

from __future__ import annotations

from typing import NamedTuple

from promptops import change_lexicon as lexicon
from promptops.claim_record import Claim
from promptops.word_concepts import ANTONYM_INDEX, PERMISSION, content_word, gerund, past_participle, word_concepts
from promptops.word_stems import stem

# Pronouns a negation may stop at: "slow without it" negates whatever "it" refers to, which is not known.
PRONOUNS = frozenset(["it", "them", "this", "that", "these", "those"])


def seldom_denied(lower: list[str]) -> set[int]:
    """The indexes of the words "rarely" or "seldom" qualify, with a particle after them ("rarely busy on weekdays":
    busy, on), which are softly denied."""
    denied: set[int] = set()
    for i, word in enumerate(lower):
        head = negated_head(lower, i) if word in lexicon.SELDOM else None
        if head is not None:
            particle = head + 1 < len(lower) and lower[head + 1] in lexicon.VERB_PARTICLES
            denied.update((head, head + 1) if particle else (head,))
    return denied


def unsupplied(lower: list[str]) -> set[int]:
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
        denied.update(j for j in range(max(start, opens - MAX_SUBJECT), opens) if content_word(lower[j]))
        if lower[end : end + 1] == ["of"]:
            denied.update(_negated_reach(lower, end + 1))
    return denied


# Nouns of a supply, which "out of" says there is none of: "out of stock", "out of print".
_SUPPLY = frozenset({"stock", "print"})


# A failing clause's subject may be a long noun phrase: "pulling the container image from the registry fails".
MAX_SUBJECT = 10


def fails(lower: list[str], i: int) -> bool:
    """The word at `i` says its subject failed, with no "to" after it ("the upload fails"; not "fails to start"), nor
    a noun it describes ("after each failed attempt", "the failing test" say nothing failed of their clause)."""
    if lower[i] not in lexicon.FAILING_VERBS or (i + 1 < len(lower) and lower[i + 1] == "to"):
        return False
    describes = lower[i] in ("failed", "failing") and i + 1 < len(lower) and content_word(lower[i + 1])
    return not (describes and (i == 0 or not lower[i - 1][0].isalpha() or lower[i - 1] in lexicon.BEFORE_ATTRIBUTE))


def absent(lower: list[str], i: int) -> bool:
    """The word at `i` says its subject is not there: "the charger was missing", "two pages are absent", "the lid has
    gone missing"."""
    return lower[i] in lexicon.ABSENCE_WORDS and i > 0 and lower[i - 1] in _BECOMING


def beyond_ability(lower: list[str], i: int) -> bool:
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


def subject_start(lower: list[str], end: int) -> int:
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

SUBJECT_PRONOUNS = frozenset({"it", "they", "we", "you", "he", "she", "i"})

BE = frozenset({"be", "been", "being", "am"})

FORMS_OF_BE = frozenset({"is", "are", "was", "were", "be", "been", "remain", "remains"})


def negation_claims(lower: list[str], i: int, skip: set[int]) -> list[Claim]:
    """The claims a negation word at `i` makes: its head (or noun phrase) negated, the rest of its clause softly."""
    word = lower[i]
    relative = relative_after_nothing(lower, i)
    if relative is not None:
        # "there's nothing you need to bring" says "you don't need to bring anything", softly as "costs nothing" does
        reach = _negated_reach(lower, relative)
        particles = [j + 1 for j in reach if j + 1 < len(lower) and lower[j + 1] in lexicon.PARTICLES]
        skip.update(reach + particles)
        said = " ".join(lower[i:relative])
        concepts = [
            *(c for j in reach for c in word_concepts(lower[j])),
            *(_particle_concept(lower, j) for j in particles),
        ]
        return [Claim(c, not p, said, negated=True, soft=True) for c, p in concepts]
    # "without it", "without them", "avoid it", "refrain from it": the noun phrase of "no"/"without" or the object of
    # an avoiding verb is a pronoun, whose concept is unknown
    at = i + 1 + (lower[i + 1 : i + 2] == [lexicon.AVOIDING_VERBS.get(word)])
    pronoun = word in lexicon.PHRASE_NEGATORS or word in lexicon.AVOIDING_VERBS
    pronoun = pronoun and at < len(lower) and lower[at] in PRONOUNS
    pronoun = pronoun and not _determines_noun(lower, at)  # "without that prefix" denies the prefix
    head = None if pronoun else negated_head(lower, i)
    if head is None:
        if word == "no" and (i == 0 or not lower[i - 1][0].isalpha()):
            return [Claim("answer", False, word, negated=True)]
        if at < len(lower) and lower[at] in PRONOUNS:
            return [Claim(UNKNOWN, False, f"{word} {lower[at]}", negated=True)]
        return []
    phrase = _negated_phrase(lower, i, head)
    said = negation_said(lower, i)
    # a hedge passed on the way ("won't usually need") says nothing of its own: "usually not" is no "often"
    skip.update([*phrase, *(j for j in range(i + 1, head) if lower[j] in lexicon.HEDGES)])
    # "no fixed start date" denies a date (and a fixed one); "start" only describes it, so it is negated softly, and
    # so is a function word naming a keyword ("without a WHERE clause", "no FROM address": the clause, the address)
    lifted = _lifts_duty(lower, i, head) and content_word(
        lower[head]
    )  # "don't have to send readings" denies no sending: see `obligations`
    verb = _denied_of_each(lower, i, head)
    if verb is None and word == "nor":
        verb = correlative_verb(lower, i, phrase[-1])
    returned = _got_back(lower, i, head)
    claims = [
        Claim(
            c,
            not p,
            said,
            negated=True,
            soft=lifted
            or returned is not None
            or j not in (phrase[0], phrase[-1])
            or _keyword_in(phrase, lower[j])
            or (verb is not None and j == head)
            or correlative_subject(lower, i, phrase[-1])
            or _another_denied(lower, phrase, j)
            or _object_of_avoided_act(lower, i, phrase, j),
        )
        for j in phrase
        for c, p in word_concepts(lower[j])
    ]
    if _prohibits(lower, i):
        # "generators may not be used" says "are not allowed", softly: "can't" may be no ability too
        claims.append(Claim(PERMISSION, False, said, negated=True, soft=True))
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
            claims += [Claim(c, not p, said, negated=True) for c, p in word_concepts(said_as)]
    if returned is not None:
        # "won't get the deposit back" denies the return, not the deposit: "the deposit is non-refundable"
        got_back = " ".join(lower[i : returned + 1])
        claims.append(Claim(f"{stem(lower[returned - 1])}~back", False, got_back, negated=True))
    place = place_of(lower, head)
    if place is not None:
        # "not in stock", "none in arrears": the place is denied, as "out of stock" says, and not the word "in"
        claims = [Claim(place.concept, not place.positive, said, negated=True)]
    # a negated predicate ("isn't lit", "is not warm") ends its clause at a modal after it: "when the fire isn't lit
    # will reduce heat loss" denies no reducing
    predicate = word.endswith("n't") or (i > 0 and lower[i - 1] in lexicon.AUXILIARIES)
    reach = _negated_reach(
        lower, last + 1, stop_at_verb=word == "without", stop_at_modal=predicate, relative=relative_negation(lower, i)
    )
    permitted = _permission_complement(lower, head)
    for j in reach:
        skip.add(j)
        # "not allowed to park" forbids parking outright, as "can't park" does; the rest of the clause softly
        outright = j in (permitted, verb)
        claims += [Claim(c, not p, said, negated=True, soft=not outright) for c, p in word_concepts(lower[j])]
        if j + 1 < len(lower) and lower[j + 1] in lexicon.PARTICLES and place_of(lower, j + 1) is None:
            # "not allowed to park on the verge": the phrasal verb is denied with its verb, as after "can't park on"
            skip.add(j + 1)
            concept, positive = _particle_concept(lower, j + 1)
            claims.append(Claim(concept, not positive, said, negated=True, soft=True))
    for k in range(last + 1, reach[-1] if reach else last):
        place = place_of(lower, k)
        if place is not None and place.noun in reach:
            # "none of the tablets in stock": the place is denied with the rest of the clause, softly
            skip.add(k)
            claims.append(Claim(place.concept, not place.positive, said, negated=True, soft=True))
    return claims


def _object_of_avoided_act(lower: list[str], i: int, phrase: list[int], j: int) -> bool:
    """The word at `j` ends the phrase an avoiding verb at `i` opens with the "-ing" form of another verb ("avoid
    pouring fats"): the act is what is avoided, and its object is denied softly, as after "never pour fats" (a side
    that says "fats kill the bacteria" contradicts no advice about pouring)."""
    return j == phrase[-1] and len(phrase) > 1 and lower[i] in lexicon.AVOIDING_VERBS and gerund(lower[phrase[0]])


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
    if said in lexicon.AUXILIARIES or said in FORMS_OF_BE:
        # "neither lamp is working", "no guest will be given one": the first word after the auxiliaries
        return next((j for j in range(verb + 1, min(len(lower), verb + 3)) if content_word(lower[j])), None)
    plural = said.endswith("s") and not said.endswith(_NOT_PLURAL) and "'" not in said
    return verb if plural and content_word(said) else None


def correlative_subject(lower: list[str], i: int, end: int) -> bool:
    """The "neither" or "nor" at `i` opens a noun phrase (ending at `end`) of a "neither A nor B" subject ("neither the
    tenants nor their guests may sublet"): what is denied is the predicate, of both, as in "neither lamp is working",
    while the nouns are only who it is said of, denied softly ("the tenants can't sublet" names tenants too)."""
    if lower[i] == "neither":
        nor = end + 1
        if nor >= len(lower) or lower[nor] != "nor":
            return False
        head = negated_head(lower, nor)
        end = head if head is not None else nor
        while end + 1 < len(lower) and content_word(lower[end + 1]) and lower[end + 1] not in lexicon.AUXILIARIES:
            end += 1
    elif lower[i] != "nor" or "neither" not in lower[max(0, i - _CORRELATIVE_REACH) : i]:
        return False
    return end + 1 < len(lower) and (lower[end + 1] in lexicon.AUXILIARIES or lower[end + 1] in FORMS_OF_BE)


def correlative_verb(lower: list[str], i: int, end: int) -> int | None:
    """For the "nor" at `i` of a "neither A nor B" subject whose noun phrase ends at `end`: the index of the verb
    after its auxiliaries ("neither the tenants nor their guests may sublet": sublet), which is denied outright."""
    if lower[i] != "nor" or not correlative_subject(lower, i, end):
        return None
    return next((j for j in range(end + 2, min(len(lower), end + 4)) if content_word(lower[j])), None)


# How far back the "neither" of a "nor" may stand ("neither the landlord's agents nor").
_CORRELATIVE_REACH = 6


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
    if not any(c == PERMISSION and p for c, p in ANTONYM_INDEX.get(lower[head], ())):
        return None
    to = head + 1 if lower[head + 1 : head + 2] == ["to"] else _after_object(lower, head + 1)
    if to is None or lower[to : to + 1] != ["to"]:
        return None
    verb = to + 1
    return verb if verb < len(lower) and content_word(lower[verb]) else None


_LETTING = frozenset({"let", "lets", "letting"})
OBJECT_PRONOUNS = frozenset({"you", "them", "us", "him", "her", "me", "anyone", "anybody", "people"})


def _after_object(lower: list[str], start: int) -> int | None:
    """The index after a one-word object at `start` ("you", "tenants", "the tenants"), or None."""
    j = start + (start < len(lower) and lower[start] in lexicon.DETERMINERS)
    if j >= len(lower) or not (lower[j] in OBJECT_PRONOUNS or content_word(lower[j])):
        return None
    return j + 1


def _lifts_duty(lower: list[str], i: int, head: int) -> bool:
    """The negation at `i` lifts a duty before its head ("don't have to send", "doesn't have to be signed"): the
    head is not done for want of need, not denied."""
    return any(lower[j] in _HAVING and lower[j + 1] == "to" for j in range(i + 1, head))


_HAVING = frozenset({"have", "has", "had"})
_PREVENTING = frozenset({"stop", "stops", "prevent", "prevents", "keep", "keeps"})


def negated_prevention(lower: list[str], i: int) -> int | None:
    """For a negated verb of prevention with its object and an "-ing" verb ("won't stop you swimming", "doesn't
    prevent guests from bringing"): the index of the "-ing" verb, which the two denials together allow."""
    if not (lower[i] in ("not", "never") or lower[i].endswith("n't")):
        return None
    verb = negated_head(lower, i)
    if verb is None or lower[verb] not in _PREVENTING:
        return None
    j = _after_object(lower, verb + 1)
    if j is not None and lower[j : j + 1] == ["from"]:
        j += 1
    return j if j is not None and j < len(lower) and gerund(lower[j]) else None


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


def relative_after_nothing(lower: list[str], i: int) -> int | None:
    """For "nothing" or "none" before a relative clause ("nothing you need to bring", "none that we can refund"): the
    index after the clause's subject pronoun, where what is denied of "nothing" starts."""
    j = i + 1
    if lower[i] not in _NOTHING_OBJECTS or j >= len(lower):
        return None
    if lower[j] in _RELATIVE_WORDS:
        j += 1
    return j + 1 if j + 1 < len(lower) and lower[j] in SUBJECT_PRONOUNS else None


# A negated noun phrase is at most this many words ("no further charges"); a negation reaches this far into
# its clause, before it (the subject: "refunds aren't available") and after it (the object: "charged a fee").
MAX_PHRASE = 3
MAX_REACH = 6
# Modals that open a predicate of their own after a negated one ("when the fire isn't lit will reduce …").
_MODALS = frozenset({"will", "would", "can", "could", "should", "shall", "may", "might", "must"})


def negated_before(lower: list[str], i: int) -> bool:
    """A "no", "not", "never" or "-n't" opens the clause of the word at `i` before it ("no child may be … without"),
    past a list of single words it distributes over ("cannot be cut down, topped or lopped without consent")."""
    item = 0  # words since the last comma or "or"
    for j in range(i - 1, max(-1, i - 1 - _NEGATION_BEFORE_REACH), -1):
        if lower[j] in _LISTING and 0 < item <= 1:
            item = 0
            continue
        item += 1
        if not lower[j][0].isalpha() or lower[j] in lexicon.CLAUSE_CONJUNCTIONS:
            return False
        if lower[j] in ("no", "not", "never", "cannot") or lower[j].endswith("n't"):
            return True
    return False


_NEGATION_BEFORE_REACH = 8
# The marks between single-word items of a list a negation distributes over: "cut down, topped or lopped".
_LISTING = frozenset({",", "or", "nor"})


def double_negation(lower: list[str], i: int) -> int | None:
    """For "not"/"never" before "without" ("not without paying"): the index of the word "without" denies."""
    if lower[i] not in ("not", "never") or lower[i + 1 : i + 2] != ["without"]:
        return None
    for j in range(i + 2, min(len(lower), i + 2 + MAX_REACH)):
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
    if lower[i] not in lexicon.PHRASE_NEGATORS and not avoids(lower, i):
        return phrase
    for j in range(head + 1, min(len(lower), head + MAX_PHRASE)):
        if not content_word(lower[j]) or lower[j] in lexicon.VERB_PARTICLES or past_participle(lower[j]):
            break
        phrase.append(j)
    return phrase


def _negated_reach(
    lower: list[str], start: int, stop_at_verb: bool = False, stop_at_modal: bool = False, relative: bool = False
) -> list[int]:
    """The content words after a negated head up to the end of its clause ("won't be charged a fee": fee).

    The noun phrase of "without" ends where the clause's own predicate starts ("without flash is allowed"). An "or"
    does not end it: a negation distributes over the alternatives ("don't rinse or have hot drinks" has no hot
    drinks either). A negated predicate's clause ends at a modal right after it (`stop_at_modal`: "when the fire isn't
    lit will reduce …"; "isn't something you can clean" goes on); a negated relative clause (`relative`: "puppies
    that haven't had their jabs can still be groomed") ends at any modal, which opens the main clause's predicate.
    """
    reach: list[int] = []
    for j in range(start, min(len(lower), start + MAX_REACH)):
        word = lower[j]
        if not word[0].isalpha() or (word in lexicon.CLAUSE_CONJUNCTIONS and word not in DISTRIBUTING):
            break
        if stop_at_verb and (word in lexicon.AUXILIARIES or word in BE):
            break
        if stop_at_modal and (j == start or relative) and word in _MODALS:
            break
        if word in lexicon.NEGATION_WORDS or word.endswith("n't"):
            break  # another negation makes its own claims
        if content_word(word):
            reach.append(j)
    return reach


def relative_negation(lower: list[str], i: int) -> bool:
    """The negation at `i` opens the predicate of a relative clause on a noun ("tenants who don't renew", "files that
    have not been saved"): "that", "who" or "which" right before it, or before its auxiliary, after a content word."""
    k = i - 1 if lower[i] == "not" and i > 0 and lower[i - 1] in lexicon.AUXILIARIES else i
    return k >= 2 and lower[k - 1] in _RELATIVE_PRONOUNS and content_word(lower[k - 2])


_RELATIVE_PRONOUNS = frozenset({"that", "who", "which"})


# Conjunctions a negation reaches across: "not A or B" denies both.
DISTRIBUTING = frozenset({"or", "nor"})


def negation_said(lower: list[str], i: int) -> str:
    """How a negation at `i` reads in a change: "not include", "no further charges", "requires no setup"."""
    head = negated_head(lower, i)
    if head is None:
        return lower[i]
    verb = [lower[i - 1]] if lower[i] == "no" and i > 0 and denies_object(lower, i - 1) else []
    bridges = (lexicon.AVOIDING_VERBS.get(lower[i]), lexicon.ALTERNATIVE_MARKERS.get(lower[i]))
    bridge = [lower[i + 1]] if head > i + 1 and lower[i + 1] in bridges else []
    return " ".join([*verb, lower[i], *bridge, *(lower[j] for j in _negated_phrase(lower, i, head))])


def denies_object(lower: list[str], i: int) -> bool:
    """The word at `i` is a verb whose object is denied by the "no" after it ("raises no exception")."""
    if i + 2 >= len(lower) or lower[i + 1] != "no" or "'" in lower[i] or not content_word(lower[i]):
        return False
    return lower[i] not in PRONOUNS and content_word(lower[i + 2]) and not bound(lower, i + 1)


_KEEP_REACH = 4
# A finite verb (or "never" before one) straight after a transitive avoiding verb says its object stands before it,
# in a relative clause ("the modules your code lacks get added", "the steps you skip are listed", "the fonts it lacks
# never get installed"): the verb ends the clause and denies nothing after it, as the finite verb opens the main
# clause (no object of "avoid" or "lack" can be "is", "get" or "never").
_FINITE_VERBS = lexicon.AUXILIARIES | {"am", "do", "get", "gets", "got", "shall", "never"}
_SKIPPING_TO = frozenset({"to", "ahead", "over", "past", "forward", "forwards", "straight", "through", "back"})


def avoids(lower: list[str], i: int) -> bool:
    """The word at `i` denies what follows it: "avoid eating", "refrain from smoking", "advise against booking",
    "instead of raising"."""
    bridge = lexicon.AVOIDING_VERBS.get(lower[i])
    if bridge == "":
        # "skip to step 3", "skip ahead" move on to a place: they deny nothing
        following = lower[i + 1] if i + 1 < len(lower) else ""
        if lower[i] in _NOUNS_TOO and i > 0 and lower[i - 1] in lexicon.DETERMINERS:
            return False  # "take the bypass", "hire a skip": a noun
        return not (lower[i].startswith("skip") and following in _SKIPPING_TO) and following not in _FINITE_VERBS
    if lower[i] in lexicon.ABSENCE_WORDS and i + 1 < len(lower) and lower[i + 1] in lexicon.DETERMINERS:
        return i == 0 or lower[i - 1] not in lexicon.DETERMINERS  # "arrived missing the lid"; not "the missing lid"
    bridge = bridge or lexicon.ALTERNATIVE_MARKERS.get(lower[i])
    if bridge == "out" and lower[i + 2 : i + 3] and lower[i + 2] in _SET_OUT:
        return False  # "leave out a bowl of water" sets it out, as "leave out the garlic" does not
    return bridge is not None and i + 1 < len(lower) and lower[i + 1] == bridge


# Denying verbs that are also nouns after a determiner ("the bypass", "a skip"); "the lack of funding" still denies.
_NOUNS_TOO = frozenset({"skip", "bypass"})
# After "leave out", an indefinite object is set out for use ("leave out a bowl of water", "leave out some food"),
# not left out of something.
_SET_OUT = frozenset({"a", "an", "some"})


def avoided_before(lower: list[str], i: int) -> int | None:
    """For an avoiding verb that ends its clause after a pronoun subject and its modals ("some points they will
    avoid"): the index of the noun the relative clause qualifies; None otherwise."""
    if lexicon.AVOIDING_VERBS.get(lower[i]) != "" or not (
        i + 1 == len(lower) or not lower[i + 1][0].isalpha() or lower[i + 1] in lexicon.CLAUSE_CONJUNCTIONS
    ):
        return None
    j = i - 1
    while j > 0 and lower[j] in _MODALS:
        j -= 1
    if j < 1 or lower[j] not in SUBJECT_PRONOUNS or not content_word(lower[j - 1]):
        return None
    return j - 1


def bound(lower: list[str], i: int) -> bool:
    """ "no later than", "not more than", "no fewer than": a negation word opening a comparison (a bound)."""
    return (
        lower[i] in ("no", "not")
        and i + 2 < len(lower)
        and lower[i + 1] in lexicon.BOUND_COMPARATIVES
        and lower[i + 2] == "than"
    )


def kept_away_from(lower: list[str], i: int) -> int | None:
    """For "out" of "keep it out of the dryer" (or "away" of "store away from heat"): the index of "dryer"."""
    bridge = lexicon.KEEP_AWAY.get(lower[i])
    if bridge is None or i + 1 >= len(lower) or lower[i + 1] != bridge:
        return None
    for j in range(i - 1, max(-1, i - 1 - _KEEP_REACH), -1):
        if not lower[j][0].isalpha():
            return None
        if lower[j] in lexicon.KEEP_AWAY_VERBS:
            return negated_head(lower, i + 1)
    return None


def negates(tokens: list[str], i: int) -> bool:
    """Token `i` is a negation word that negates something ("not only" and Python's `None` do not)."""
    word = tokens[i].lower()
    if not (word in lexicon.NEGATION_WORDS or word.endswith("n't")):
        return False
    if word == "none" and tokens[i] == "None" and i > 0 and tokens[i - 1][0].isalpha():
        return False  # "returns None": the value, mid-sentence and capitalised
    following = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
    return following not in lexicon.NOT_NEGATING_AFTER


MAX_NEGATION_REACH = 4
UNKNOWN = "?"
# A form of "get" before the object of "get … back" ("get your deposit back"), which a negation passes on its way.
_GETTING = frozenset({"get", "gets", "got", "getting"})


def returned_object(lower: list[str], i: int) -> int | None:
    """For a "back" at `i` closing "get … back" ("get your deposit back", "got the full fare back"): the index of the
    noun it is said of, the word before it, with only its determiners and describing words back to the "get"; else
    None. A return is said of what is returned: "you won't get your money back" still speaks of your money."""
    if i >= len(lower) or lower[i] != "back" or i < 2 or not content_word(lower[i - 1]):
        return None
    for j in range(i - 2, max(-1, i - 3 - MAX_PHRASE), -1):
        if lower[j] in _GETTING:
            return i - 1
        if not lower[j][0].isalpha() or lower[j] in PRONOUNS:
            return None
    return None


def _got_back(lower: list[str], i: int, head: int) -> int | None:
    """For a negation at `i` passing a form of "get" on its way to its word at `head` ("won't get the booking fee
    back"): the index of the "back" closing the noun phrase `head` opens; else None."""
    if not any(lower[j] in _GETTING for j in range(i + 1, head)):
        return None
    for k in range(head + 1, min(len(lower), head + 1 + MAX_PHRASE)):
        if lower[k] == "back":
            return k if returned_object(lower, k) is not None else None
        if not content_word(lower[k]):
            return None
    return None


def negated_head(lower: list[str], i: int) -> int | None:
    """The index of the word a negation at `i` negates: the next content word of the same clause."""
    for j in range(i + 1, min(len(lower), i + 1 + MAX_NEGATION_REACH)):
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
    if lower[j] not in PRONOUNS or lower[j] in ("it", "them") or j + 1 >= len(lower):
        return False
    noun = lower[j + 1]
    return (
        noun[0].isalpha()
        and content_word(noun)
        and noun not in lexicon.FUNCTION_WORDS
        and noun not in lexicon.AUXILIARIES
        and noun not in BE
    )


_PERSONAL_PRONOUNS = frozenset(
    {"i", "you", "we", "they", "he", "she", "me", "us", "him", "i'm", "you're", "we're", "they're", "he's", "she's"}
)


class _Place(NamedTuple):
    """ "in stock" / "out of stock": where something is, said of the noun at `noun`."""

    concept: str
    positive: bool
    said: str
    noun: int


def place_of(lower: list[str], i: int) -> _Place | None:
    """The place the "in" or "out of" at `i` says of the noun after it ("in stock": in~stock +)."""
    word = lower[i]
    after = i + (2 if word == "out" and i + 1 < len(lower) and lower[i + 1] == "of" else 1)
    if word in ("in", "out") and after < len(lower) and lower[after][0].isalpha():
        noun = lower[after]
        if noun not in lexicon.FUNCTION_WORDS and (word == "in" or after == i + 2):
            said = f"{word} {noun}" if word == "in" else f"out of {noun}"
            return _Place(f"in~{stem(noun)}", word == "in", said, after)
    return None
