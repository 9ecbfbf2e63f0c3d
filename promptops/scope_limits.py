"""Cheap lexical limits of a claim's scope: a missed deadline, a risked harm, a subject kept off a place."""

from __future__ import annotations

from promptops import change_lexicon as lexicon
from promptops.negation_scope import BE, MAX_PHRASE, MAX_REACH
from promptops.word_concepts import content_word


def missed_deadline(lower: list[str], i: int, j: int) -> bool:
    """The negation at `i` says an event missed the deadline "within" at `j` names ("the worker didn't respond within
    30 seconds" = "took longer than 30 seconds to respond"): a negation of tense or aspect ("didn't", "hasn't", "does
    not") denies the time, not the event, as "until" does. A negated modal forbids or predicts the event itself ("can't
    be returned within 14 days"), and "within a request" names a place, not a time."""
    word = lower[i]
    tensed = word in _TENSED_NEGATIONS or (word == "not" and i > 0 and lower[i - 1] in _TENSE_AUXILIARIES)
    return tensed and any(w[0].isdigit() or w in _DEADLINE_WORDS for w in lower[j + 1 : j + 4])


_TENSE_AUXILIARIES = frozenset({"do", "does", "did", "has", "have", "had"})
_TENSED_NEGATIONS = frozenset(f"{a}n't" for a in _TENSE_AUXILIARIES)
_DEADLINE_WORDS = frozenset(
    {"seconds", "minutes", "hours", "days", "weeks", "months", "years", "timeout", "deadline", "time"}
)


def risked_harm(lower: list[str], i: int) -> int | None:
    """For a gerund at `i` that is the subject of a modal of risk and a verb of harm ("pruning roses in autumn can
    damage them", "overfilling it may cause leaks"): the index of that verb; None otherwise. The act is named as the
    condition of the harm ("if you prune roses in autumn, …"), and says nothing of whether it happens."""
    for k in range(i + 1, min(len(lower) - 1, i + 1 + _MAX_RISK_SUBJECT)):
        word = lower[k]
        if word in _RISK_MODALS:
            return k + 1 if lower[k + 1] in _HARMING else None
        if not word[0].isalpha() or word in lexicon.CLAUSE_CONJUNCTIONS or word in lexicon.AUXILIARIES or word in BE:
            return None
    return None


# Modals of a risk, and verbs of the harm a gerund subject risks causing ("can cause", "may damage", "could lead to").
_RISK_MODALS = frozenset({"can", "could", "may", "might", "will"})
_HARMING = frozenset({"cause", "lead", "result", "damage", "harm", "trigger", "ruin", "spoil", "injure", "stress"})
_MAX_RISK_SUBJECT = 6


def kept_apart(lower: list[str]) -> set[int]:
    """The indexes of the subject of a passive "kept off", "kept out of" or "kept away from" ("drinks must be kept off
    the piano", "pets are kept out of the kitchen"), which are softly denied: the subject is not to be there, as "no
    drinks on the piano" and the active "keep drinks off the piano" say. Back over modals and adverbs to the start of
    its clause, at most `MAX_PHRASE` content words."""
    denied: set[int] = set()
    for k, word in enumerate(lower):
        if word != "kept" or k < 2 or lower[k - 1] not in _PASSIVE_BE or not _kept_from_place(lower, k + 1):
            continue
        subject: list[int] = []
        for j in range(k - 2, max(-1, k - 2 - MAX_REACH), -1):
            if not lower[j][0].isalpha() or lower[j] in lexicon.CLAUSE_CONJUNCTIONS or len(subject) == MAX_PHRASE:
                break
            if content_word(lower[j]) and lower[j] not in _VERB_GROUP:
                subject.append(j)
        denied.update(subject)
    return denied


def _kept_from_place(lower: list[str], at: int) -> bool:
    """ "off", "out of" or "away from" stands at `at`, before a place."""
    if at >= len(lower):
        return False
    bridge = lexicon.KEEP_AWAY.get(lower[at])
    return lower[at] == "off" or (bridge is not None and lower[at + 1 : at + 2] == [bridge])


_PASSIVE_BE = frozenset({"be", "been", "is", "are", "was", "were"})
_VERB_GROUP = lexicon.AUXILIARIES | {"shall"}
