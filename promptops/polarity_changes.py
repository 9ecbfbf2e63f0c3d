"""The claims whose polarity flipped between two texts.

"includes" → "does not include" (a negation), "allows" → "blocks" (opposite words), "Yes" → "No" (a bare
answer); saying the same thing another way ("is missing" = "is not present") is no flip. Also a negation moved
between two subjects of one predicate, a quantifier replaced by its negative, and objects or predicates swapped
between claims of the same polarity.
"""

from __future__ import annotations

import dataclasses
import difflib
import itertools
import re

from promptops import change_lexicon as lexicon
from promptops.change import Change
from promptops.claim_clauses import AUX_OR_BE, CONTRASTING, SENTENCE_ENDS, negation_word, predicate_before
from promptops.claim_record import Claim, replaced_claim
from promptops.claims import claims_by_token
from promptops.negation_scope import MAX_REACH, UNKNOWN
from promptops.word_concepts import content_word
from promptops.word_stems import stem


def _contrasted_subjects(lower: tuple[str, ...]) -> list[tuple[str, dict[tuple[str, ...], bool]]]:
    """Two subjects given one predicate with opposite polarities, the second's predicate left out after its auxiliary:
    "snow chains are not mandatory today, but winter tyres are." → ("mandatori", {("snow", "chain"): False,
    ("winter", "tyr"): True}), and "Python supports it but Ruby doesn't." the other way round."""
    found: list[tuple[str, dict[tuple[str, ...], bool]]] = []
    for k, word in enumerate(lower):
        if not word[0].isalpha() or (k + 1 < len(lower) and lower[k + 1][0].isalpha()):
            continue  # an auxiliary closing its clause: "… but winter tyres are.", "… but Ruby doesn't."
        negative = word.endswith("n't") or word == "cannot" or (word == "not" and k > 0 and lower[k - 1] in AUX_OR_BE)
        aux = k - 1 if word == "not" else k
        if not (negative or word in AUX_OR_BE):
            continue
        conj = aux - 1
        while conj > max(0, aux - 1 - MAX_REACH) and lower[conj][0].isalpha() and lower[conj] not in CONTRASTING:
            conj -= 1
        second = tuple(stem(w) for w in lower[conj + 1 : aux] if content_word(w))
        if conj <= 0 or lower[conj] not in CONTRASTING or not second:
            continue
        start = conj
        while start > 0 and lower[start - 1] not in SENTENCE_ENDS:
            start -= 1
        verb = next((j for j in range(start, conj) if lower[j] in AUX_OR_BE or negation_word(lower[j])), None)
        if verb is None:
            predicate = predicate_before(list(lower), conj)  # "Python supports it": the subject's verb
        else:
            predicate = next((j for j in range(verb + 1, conj) if content_word(lower[j])), None)
        if predicate is None:
            continue
        first = tuple(stem(w) for w in lower[start : verb if verb is not None else predicate] if content_word(w))
        first_positive = not any(negation_word(w) for w in lower[start:conj])
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
            replaced_claim(c, soft=False, replaced=())
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
    (old_tokens, old_at), (new_tokens, new_at) = claims_by_token(before), claims_by_token(after)
    old_at, new_at = _read_against_only(old_at, new_tokens), _read_against_only(new_at, old_tokens)
    old_claims, new_claims = [c for cs in old_at for c in cs], [c for cs in new_at for c in cs]
    if any(c.replaced for c in old_claims + new_claims):
        old_at, new_at = _against_replaced(old_at, new_claims), _against_replaced(new_at, old_claims)
        old_claims, new_claims = [c for cs in old_at for c in cs], [c for cs in new_at for c in cs]
    old, new = _by_concept(old_claims), _by_concept(new_claims)
    changes: list[Change] = _swapped_predicates(old_claims, new_claims) + _moved_negations(old_tokens, new_tokens)
    shared: set[int] | None = None
    for key in [k for k in old if k in new and k != UNKNOWN]:
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
        if _of_a_noun(a if a.negated else b) and UNKNOWN in positive_side:
            continue  # "no index" → "add an index; slow without it": the negation may be about the index
        if _placed_apart(a, b, old_tokens, new_tokens) or _related_apart(a, b, old_tokens, new_tokens):
            continue  # "requests over the limit" / "list it under the router's middlewares": two things placed
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


def _placed_apart(a: Claim, b: Claim, old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Two opposite prepositions of place ("over" / "under") said of two different things, each of which the other
    side names too: "requests over the limit" against "list it under the router's middlewares; anything beyond the
    limit" places two things, and flips neither ("over the limit" → "under the cap" is still a flip)."""
    if a.words not in _PLACE_WORDS or b.words not in _PLACE_WORDS or not a.scope or not b.scope:
        return False
    if set(a.scope) & set(b.scope):
        return False
    return a.scope[0] in {stem(t) for t in new} and b.scope[0] in {stem(t) for t in old}


_PLACE_WORDS = frozenset({"over", "above", "under", "below"})


def _related_apart(a: Claim, b: Claim, old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Two opposite words that relate what they are said of to something else — an order ("before" / "after") or
    the start and end of an activity ("stopped working" / "starts returning 403") — said of two different things,
    one of which the other side names too: "wet clean the tapestry before any stitching repairs" against "repairs
    should only come after a wet clean" orders the same two events the same way round (a converse, as "B is
    slower than A" is of "A is faster than B"), and "the URL stopped working; S3 returns 403" against "S3 starts
    returning 403" starts and stops two different things. Said of the same thing, they still flip ("before the
    repairs" → "after the repairs", "stops charging" → "starts charging")."""
    if a.words not in _RELATING_WORDS or b.words not in _RELATING_WORDS or not a.scope or not b.scope:
        return False
    if set(a.scope) & set(b.scope):
        return False
    return a.scope[0] in {stem(t) for t in new} or b.scope[0] in {stem(t) for t in old}


_RELATING_WORDS = frozenset(
    {"before", "after", "ahead", "start", "starts", "started", "starting", "stop", "stops", "stopped", "stopping"}
    | {"begin", "begins", "began", "begun", "beginning", "cease", "ceases", "ceased", "ceasing"}
)


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
        for k in _kept_sentences(old_tokens, new_tokens, i, j, size):
            same.update(id(c) for c in (*old_at[i + k], *new_at[j + k]))
        clauses = _kept_clauses(old_tokens, new_tokens, i, j, size)
        for k in range(size):
            if not (k in clauses or _noun_at(old_tokens, i + k)):
                continue
            kept = {_as_said(c) for c in new_at[j + k]} & {_as_said(c) for c in old_at[i + k]}
            same.update(id(c) for c in (*old_at[i + k], *new_at[j + k]) if _as_said(c) in kept)
    return same


def _kept_sentences(old: tuple[str, ...], new: tuple[str, ...], i: int, j: int, size: int) -> list[int]:
    """The offsets, in the run of `size` words both texts share at `i` and `j`, of the words of whole sentences the
    two texts say word for word ("You can visit your caravan at any time." before "Overnight stays are not
    permitted." → "… are permitted."). A sentence left unchanged says the same on both sides, so it cannot make a
    side look mixed: a flip in the sentence that changed is judged without it."""
    kept: list[int] = []
    start: int | None = 0 if _opens(old, i) and _opens(new, j) else None
    for k in range(size):
        if old[i + k] in _FULL_STOPS:
            if start is not None:
                kept.extend(range(start, k + 1))
            start = k + 1
    return kept


def _kept_clauses(old: tuple[str, ...], new: tuple[str, ...], i: int, j: int, size: int) -> set[int]:
    """The offsets, in the run of `size` words both texts share at `i` and `j`, of the words of whole clauses (between
    two punctuation marks) the two texts say word for word: "You may store bikes in the shed," before "but fuel cans
    are not allowed" → "and fuel cans are allowed too". A claim such a clause makes alike on both sides says the
    same, so it cannot make a side look mixed: the clause that changed is judged without it."""
    kept: set[int] = set()
    start: int | None = 0 if _opens_clause(old, i) and _opens_clause(new, j) else None
    for k in range(size):
        if not old[i + k][0].isalpha():
            if start is not None:
                kept.update(range(start, k + 1))
            start = k + 1
    return kept


def _opens_clause(lower: tuple[str, ...], i: int) -> bool:
    """The word at `i` opens the text or follows punctuation."""
    return i == 0 or not lower[i - 1][0].isalpha()


def _opens(lower: tuple[str, ...], i: int) -> bool:
    """The word at `i` opens the text or a sentence."""
    return i == 0 or lower[i - 1] in _FULL_STOPS


_FULL_STOPS = frozenset({".", "!", "?", "\n"})


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
    """The other side makes the claim, in its polarity, about another object of its clause. Not the noun the object
    describes when the other side says both polarities of it: "available for rental boots as well as for boots bought
    in store" → "only available for boots bought in store, not for rental boots" says "available" of some boots and
    "not available" of others, so "boot" says nothing of which boots kept it."""
    return any(
        o != obj
        and any(c.positive == claim.positive for c in other.get(o, []))
        and not (_described_by(claim.scope, obj, o) and any(c.positive != claim.positive for c in other.get(o, [])))
        for o in claim.scope
    )


def _described_by(scope: tuple[str, ...], obj: str, noun: str) -> bool:
    """`noun` comes right after `obj` in a claim's scope: the noun it describes ("rental boots")."""
    return any(a == obj and b == noun for a, b in itertools.pairwise(scope))


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
