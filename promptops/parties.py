"""Duties of the parties a text names, and whether an edit moved them: "the Seller pays the tax, the Buyer the fees".

A party is a name ("Maya") or a role ("the Seller", "your line manager", "the finance team"; roles in
`change_lexicon.ROLE_GROUPS`). A clause that names one party only gives it a duty: the clause's other content words
("pay transfer tax"). Two parties whose duties traded places between two texts swapped roles ("duties swapped:
Seller ↔ Buyer"), however each clause is worded around them; a clause whose party alone changed while its duty
stayed has a new party ("party line manager → finance team"). Two subjects that traded the verbs opening their
clauses swapped duties too ("shift leaders sign volunteers in, and volunteers log hours" → the other way round), and a
person given another role in apposition ("the secretary, Margaret Hale" → "the treasurer, Margaret Hale"), or a speaker
acting for another party ("we, as the buyer's solicitor" → "as the seller's solicitor, we"), has a new role.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from promptops import change_lexicon as lexicon
from promptops.common_words import is_common_word
from promptops.text_caches import TEXTS_PER_CASE
from promptops.word_concepts import content_word
from promptops.word_stems import stem

_ROLE_OF = {word: min(group, key=lambda w: (len(w), w)) for group in lexicon.ROLE_GROUPS for word in group}
# Clauses: split at sentence and clause punctuation and at conjunctions that join two clauses.
_CLAUSE = re.compile(r"[.;:!?\n]+(?:\s|$)|,|\b(?:and|but|while|whereas|whilst)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_POSSESSIVE_S = re.compile(r"['’]s$")  # "tenant's"
_POSSESSIVE_MARK = re.compile(r"['’]s?$")  # "tenant's", "drivers'"
_DATE_WORDS = frozenset((*lexicon.WEEKDAYS, *lexicon.MONTHS))
# Words that say nothing about which duty a clause gives ("is responsible for", "shall", "the").
_NO_DUTY = lexicon.FUNCTION_WORDS | lexicon.AUXILIARIES | lexicon.NEGATION_SKIP | lexicon.DUTY_NEUTRAL


@dataclass(frozen=True)
class _Clause:
    party: str  # the party's identity: a role ("seller"), a team ("finance team") or a name ("maya")
    shown: str  # as written: "Seller", "finance team"
    duty: frozenset[str]  # stems of the clause's other content words
    named: bool  # a name, not a role: a name replaced by another is the entity check's to report


def duty_changes(before: str, after: str, names: set[str]) -> list[str]:
    """Readable lines for parties that swapped duties, or a duty that passed to a party the other text lacks.

    A clause both texts have gives its party the same duty on both sides, so duties can have moved only when a clause
    one side lacks names a party: in most texts compared, none does.
    """
    old_words, new_words = _clause_words(before), _clause_words(after)
    shared = set(old_words) & set(new_words)
    # each clause's party and duty (None: no single party), read once: first those of the clauses one side lacks
    read = {written: _clause(written, names) for written in (*old_words, *new_words) if written not in shared}
    if not any(read.values()):
        return _traded_actions(before, after)  # every party has the same duties on both sides
    read.update((written, _clause(written, names)) for written in shared)
    old = [clause for written in old_words if (clause := read[written]) is not None]
    new = [clause for written in new_words if (clause := read[written]) is not None]
    changes = _swaps(old, new) or _traded_actions(before, after)
    return changes or _replaced(old, new)


def _swaps(old: list[_Clause], new: list[_Clause]) -> list[str]:
    old_duties, new_duties = _duties(old), _duties(new)
    shown = {c.party: c.shown for c in old}
    changes: list[str] = []
    for a, b in itertools.combinations([p for p in old_duties if p in new_duties], 2):
        was_a, was_b = old_duties[a] - old_duties[b], old_duties[b] - old_duties[a]
        now_a, now_b = new_duties[a] - new_duties[b], new_duties[b] - new_duties[a]
        crossed_a, crossed_b = len(was_a & now_b), len(was_b & now_a)
        straight = len(was_a & now_a) + len(was_b & now_b)
        if crossed_a and crossed_b and crossed_a + crossed_b > straight:
            changes.append(f"duties swapped: {shown[a]} ↔ {shown[b]}")
    return changes


def _duties(clauses: list[_Clause]) -> dict[str, frozenset[str]]:
    duties: dict[str, frozenset[str]] = {}
    for clause in clauses:
        duties[clause.party] = duties.get(clause.party, frozenset()) | clause.duty
    return duties


# A duty that stayed while its party changed: most of the clause's words are the same.
_MIN_SHARED = 2
_MIN_OVERLAP = 0.6


def _replaced(old: list[_Clause], new: list[_Clause]) -> list[str]:
    old_parties, new_parties = {c.party for c in old}, {c.party for c in new}
    for a in old:
        for b in new:
            if a.named or b.named or a.party in new_parties or b.party in old_parties:
                continue
            shared = len(a.duty & b.duty)
            if shared >= _MIN_SHARED and shared >= _MIN_OVERLAP * max(len(a.duty), len(b.duty)):
                return [f"party {a.shown} → {b.shown}"]
    return []


@functools.lru_cache(maxsize=TEXTS_PER_CASE)
def _clause_words(text: str) -> tuple[tuple[str, ...], ...]:
    """The words of each clause of a text, as written: what both the duty and the action readings go through."""
    return tuple(tuple(_WORD.findall(clause)) for clause in _CLAUSE.split(text))


def _clause(written: tuple[str, ...], names: set[str]) -> _Clause | None:
    """The party a clause (its words) names and the duty it gives it, or None unless it names exactly one party."""
    words = [_POSSESSIVE_S.sub("", w) if "'" in w or "’" in w else w for w in written]
    possessive = {k for k, w in enumerate(written) if w != words[k]}
    parties = _parties(words, names, possessive)
    if len({p[0] for p in parties}) != 1:
        return None
    party, shown, taken = parties[0]
    duty = frozenset(
        stem(w) for k, w in enumerate(words) if k not in taken and w.lower() not in _NO_DUTY and len(w) > 2
    )
    return _Clause(party, shown, duty, named=party in names) if duty else None


# Prepositions of place: a role after one (and its article and modifier) names a place ("on the remote host").
_PLACES = frozenset({"on", "at", "in", "onto", "into"})
_PLACE_REACH = 3


def _placed(words: list[str], k: int) -> bool:
    """The role at `k` stands in a place phrase, after "on", "at" or "in" and at most an article and a modifier ("on
    the remote host", "at the host")."""
    for j in range(k - 1, max(-1, k - 1 - _PLACE_REACH), -1):
        if words[j].lower() in _PLACES:
            return True
        if words[j].lower() not in lexicon.DETERMINERS and j != k - 1:
            return False
    return False


def _parties(words: list[str], names: set[str], possessive: set[int]) -> list[tuple[str, str, set[int]]]:
    """(identity, as written, the word positions it takes) for each party the words name; a role in a place phrase
    names a place ("sudo on the remote host"), unless it is a possessive ("paid into the tenant's account")."""
    found: list[tuple[str, str, set[int]]] = []
    for k, word in enumerate(words):
        low = word.lower()
        if low not in names and low not in _ROLE_OF and low not in lexicon.COLLECTIVE_ROLES:
            continue  # no party (the quick test of most words)
        if low.removesuffix("s") in _DATE_WORDS:
            continue  # "on Mondays" says when, not who
        if low in names and word[0].isupper():
            found.append((low, word, {k}))
        elif low in _ROLE_OF and k not in possessive and _placed(words, k):
            continue  # "sudo on the remote host asks for a password": the host is where, not who
        elif low in _ROLE_OF or low in lexicon.COLLECTIVE_ROLES:
            modifier = k - 1 if k > 0 and words[k - 1].lower() not in _NO_DUTY else None
            taken = {k} if modifier is None else {modifier, k}
            if low in lexicon.COLLECTIVE_ROLES:
                if modifier is None:
                    continue  # "the team": which team is not said
                identity = f"{words[modifier].lower()} {stem(low)}"
            else:
                identity = _ROLE_OF[low]
            shown = " ".join(words[j] for j in sorted(taken))
            found.append((identity, shown, taken))
    return found


# ---- subjects that traded the actions they open their clauses with ----------------------------------------------

_MAX_SUBJECT = 3
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})


def _traded_actions(before: str, after: str) -> list[str]:
    """ "duties swapped: shift leaders ↔ volunteers" when two subjects, each opening one clause on each side, traded
    the verbs that follow them: "shift leaders sign volunteers in, and volunteers log their own hours" → "volunteers
    sign themselves in, and shift leaders log the volunteers' hours". Reordered clauses keep their verbs; the words
    after the verbs that stayed with the subjects rather than the verbs trade synonyms, not actions ("red wine pairs
    with beef, and white wine suits fish" → "white wine pairs with fish, and red wine suits beef"); and a clause in
    the passive ("volunteers are signed in by shift leaders") is left out: its subject does not act.

    A subject whose only clause on one side is a clause both texts have acts the same on both sides, so the two
    subjects must each open a clause of each side that the other side lacks (two clauses a side: no two subjects that
    trade open one clause): in most texts compared, no two do.
    """
    old_own, new_own = _own_clauses(before, after), _own_clauses(after, before)
    if len(old_own) < 2 or len(new_own) < 2:
        return []
    if len(_subjects(before, old_own) & _subjects(after, new_own)) < 2:
        return []
    old, new = _actions(before), _actions(after)
    shared = [s for s in old if s in new]
    for k, a in enumerate(shared):
        for b in shared[k + 1 :]:
            if set(a) & set(b) or old[a][0] == old[b][0]:
                continue
            if old[a][0] != new[b][0] or old[b][0] != new[a][0]:
                continue
            subjects = set(a) | set(b)
            was_a, was_b, now_a, now_b = (
                {stem(w) for w in words} - {stem(w) for w in subjects}
                for words in (old[a][1], old[b][1], new[a][1], new[b][1])
            )
            if len(was_a & now_a) + len(was_b & now_b) <= len(was_a & now_b) + len(was_b & now_a):
                return [f"duties swapped: {' '.join(a)} ↔ {' '.join(b)}"]
    return []


_Action = tuple[str, tuple[str, ...]]  # the verb's stem, the content words after it
_Opening = tuple[tuple[str, ...], _Action | None]  # a phrase opening a clause and its action (None in the passive)


def _actions(text: str) -> dict[tuple[str, ...], _Action]:
    """Each phrase of one to three words opening exactly one clause (after a determiner) → the stem of the first
    content word after it, its verb, and the content words after that; a clause whose verb is a participle after a
    form of "be" is in the passive."""
    found: dict[tuple[str, ...], list[_Action | None]] = {}
    for openings in _clause_openings(text):
        for subject, action in openings:
            found.setdefault(subject, []).append(action)
    return {s: actions[0] for s, actions in found.items() if len(actions) == 1 and actions[0] is not None}


def _own_clauses(text: str, other: str) -> set[tuple[str, ...]]:
    """The clauses of `text` (their words) that `other` does not have word for word."""
    return set(_clause_words(text)) - set(_clause_words(other))


def _subjects(text: str, clauses: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The phrases opening those clauses of `text` that are among `clauses`."""
    return {
        subject
        for written, openings in zip(_clause_words(text), _clause_openings(text), strict=True)
        if written in clauses
        for subject, _ in openings
    }


@functools.lru_cache(maxsize=TEXTS_PER_CASE)
def _clause_openings(text: str) -> tuple[tuple[_Opening, ...], ...]:
    """The phrases opening each clause of a text (`_clause_words`), with their actions."""
    return tuple(tuple(_openings(written)) for written in _clause_words(text))


def _openings(written: tuple[str, ...]) -> list[_Opening]:
    """Each phrase of one to three words opening a clause (its words), with its action (None in the passive)."""
    words = [(_POSSESSIVE_MARK.sub("", w) if "'" in w or "’" in w else w).lower() for w in written]
    start = 1 if words and words[0] in lexicon.DETERMINERS else 0
    if len(words) < start + 2 or not content_word(words[start]):
        return []  # no subject, or no word after it (the quick test of most clauses)
    content = [content_word(w) for w in words]  # read once for the subjects of one to three words
    found: list[_Opening] = []
    for end in range(start + 1, min(len(words), start + _MAX_SUBJECT + 1)):
        if not all(content[start:end]):
            break
        verb = next((j for j in range(end, len(words)) if content[j]), None)
        if verb is None:
            break
        passive = any(w in _BE for w in words[end:verb]) and words[verb].endswith(("ed", "en"))
        rest = tuple(itertools.compress(words[verb + 1 :], content[verb + 1 :]))
        found.append((tuple(words[start:end]), None if passive else (stem(words[verb]), rest)))
    return found


# ---- roles said of one person or of the speaker --------------------------------------------------------------------

_OPENERS = "the|our|your|their|its|my|his|her"
_PERSON = r"[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+)*"
_CLOSED = r"(?=[ \t]*(?:[,.;:!?)]|$))"
# "the secretary, Margaret Hale," and "Margaret Hale, our secretary,": a role in apposition with a person's name.
# A one-word name closing its sentence is more often a person spoken to: "thanks for the answer, Tom."
_ROLE_BEFORE_NAME = re.compile(
    rf"\b(?:{_OPENERS})[ \t]+(?P<role>[a-z]+),[ \t]+(?P<name>{_PERSON}[ \t]+{_PERSON}{_CLOSED}|{_PERSON}(?=,))"
)
_ROLE_AFTER_NAME = re.compile(rf"(?P<name>{_PERSON}),[ \t]+(?:{_OPENERS})[ \t]+(?P<role>[a-z]+){_CLOSED}")
# Endings of nouns for people ("secretary", "treasurer", "coordinator", "librarian", "trustee", "chairman").
_PERSON_ENDINGS = ("er", "or", "ist", "ary", "ian", "ant", "ent", "ee", "man", "woman", "person", "chair")


def apposed_role_changes(before: str, after: str) -> list[str]:
    """ "role of Margaret Hale: secretary → treasurer" when a person named on both sides is given another role in
    apposition ("the secretary, Margaret Hale" → "the treasurer, Margaret Hale"), or the speaker another one ("we, as
    the buyer's solicitor," → "as the seller's solicitor, we"). The role said anywhere on the other side, or another
    word for it (`change_lexicon.ROLE_GROUPS`), is no change: "the secretary, Margaret Hale" = "Margaret Hale, our
    secretary"."""
    changes: list[str] = []
    old, new = _apposed_roles(before), _apposed_roles(after)
    named = [name for name in old if name in new]  # a role can change only for a person both sides name
    old_stems, new_stems = (_stems(before), _stems(after)) if named else (set(), set())
    for name in named:
        roles = old[name]
        gone = [r for r in roles if stem(r) not in new_stems and _ROLE_OF.get(r) not in _groups(new[name])]
        came = [r for r in new[name] if stem(r) not in old_stems and _ROLE_OF.get(r) not in _groups(roles)]
        if gone and came and not any(sorted(g) == sorted(c) for g in gone for c in came):  # "center" / "centre"
            changes.append(f"role of {name}: {', '.join(gone)} → {', '.join(came)}")
    old_speaker, new_speaker = _speaker_roles(before), _speaker_roles(after)
    for pronoun, (identity, shown) in old_speaker.items():
        other = new_speaker.get(pronoun)
        if other is not None and other[0] != identity:
            changes.append(f"party {pronoun}: {shown} → {other[1]}")
    return changes


def _apposed_roles(text: str) -> dict[str, list[str]]:
    """The roles each person's name is given in apposition ("Margaret Hale" → ["secretary"])."""
    found: dict[str, list[str]] = {}
    if "," not in text:
        return found  # an apposition is set off by a comma (the quick test of most texts)
    for pattern in (_ROLE_BEFORE_NAME, _ROLE_AFTER_NAME):
        for m in pattern.finditer(text):
            role, name = m.group("role"), m.group("name")
            if any(is_common_word(w) or w.lower() in lexicon.STOPWORDS for w in name.split()):
                continue  # "Instead, the refund": no person's name
            if role in _ROLE_OF or (role.endswith(_PERSON_ENDINGS) and len(role) > _MIN_ROLE):
                found.setdefault(name, []).append(role)
    return found


_MIN_ROLE = 4


def _groups(roles: list[str]) -> set[str | None]:
    return {_ROLE_OF.get(r) for r in roles} - {None}


def _stems(text: str) -> set[str]:
    return {stem(w.lower()) for w in _WORD.findall(text)}


# "we, as the buyer's solicitor," and "As the seller's solicitor, we …": the role the speaker acts in.
_AS_ROLE = r"as[ \t]+(?:the|your|our|a|an)[ \t]+(?P<role>[a-z'’ -]{1,40}?)"
_SPEAKER_BEFORE = re.compile(rf"\b(?P<pronoun>we|I|you),[ \t]+{_AS_ROLE},", re.IGNORECASE)
_SPEAKER_AFTER = re.compile(rf"\b{_AS_ROLE},[ \t]+(?P<pronoun>we|I|you)\b", re.IGNORECASE)


def _speaker_roles(text: str) -> dict[str, tuple[str, str]]:
    """The party each pronoun acts as ("we" → ("buyer", "buyer's solicitor")): a role of `change_lexicon.ROLE_GROUPS`
    in its "as" phrase; a pronoun given two parties is left out."""
    found: dict[str, set[tuple[str, str]]] = {}
    if "," not in text:
        return {}  # the "as" phrase is set off by a comma (the quick test of most texts)
    for pattern in (_SPEAKER_BEFORE, _SPEAKER_AFTER):
        for m in pattern.finditer(text):
            role = m.group("role")
            words = [re.sub(r"['’]s$", "", w) for w in role.split()]
            identity = next((_ROLE_OF[w] for w in words if w in _ROLE_OF), None)
            if identity is not None:
                found.setdefault(m.group("pronoun").lower(), set()).add((identity, role))
    return {p: next(iter(roles)) for p, roles in found.items() if len({r[0] for r in roles}) == 1}
