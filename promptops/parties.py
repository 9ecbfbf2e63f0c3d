"""Duties of the parties a text names, and whether an edit moved them: "the Seller pays the tax, the Buyer the fees".

A party is a name ("Maya") or a role ("the Seller", "your line manager", "the finance team"; roles in
`change_lexicon.ROLE_GROUPS`). A clause that names one party only gives it a duty: the clause's other content words
("pay transfer tax"). Two parties whose duties traded places between two texts swapped roles ("duties swapped:
Seller ↔ Buyer"), however each clause is worded around them; a clause whose party alone changed while its duty
stayed has a new party ("party line manager → finance team").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from promptops import change_lexicon as lexicon
from promptops.word_stems import stem

_ROLE_OF = {word: min(group, key=lambda w: (len(w), w)) for group in lexicon.ROLE_GROUPS for word in group}
# Clauses: split at sentence and clause punctuation and at conjunctions that join two clauses.
_CLAUSE = re.compile(r"[.;:!?\n]+(?:\s|$)|,|\b(?:and|but|while|whereas|whilst)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
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
    """Readable lines for parties that swapped duties, or a duty that passed to a party the other text lacks."""
    old, new = _clauses(before, names), _clauses(after, names)
    changes = _swaps(old, new)
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


def _clauses(text: str, names: set[str]) -> list[_Clause]:
    """The clauses of a text that name exactly one party, with the duty each gives it."""
    found: list[_Clause] = []
    for clause in _CLAUSE.split(text):
        written = _WORD.findall(clause)
        words = [re.sub(r"['’]s$", "", w) for w in written]
        possessive = {k for k, w in enumerate(written) if w != words[k]}
        parties = _parties(words, names, possessive)
        if len({p[0] for p in parties}) != 1:
            continue
        party, shown, taken = parties[0]
        duty = frozenset(
            stem(w) for k, w in enumerate(words) if k not in taken and w.lower() not in _NO_DUTY and len(w) > 2
        )
        if duty:
            found.append(_Clause(party, shown, duty, named=party in names))
    return found


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
