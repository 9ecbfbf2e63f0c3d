"""Obligations lifted or imposed: "Guests must be accompanied" → "Guests don't need to be accompanied".

A modal of obligation ("must", "have to", "need to", "are required to", "should") before an action, against the
same action freed on the other side ("don't need to", "needn't", "don't have to", "are not required to", "no need
to"), changes what the reader has to do. The claim check does not see it: "don't need to be accompanied" negates
"need", a word the other side never says, and only softly denies "accompanied". A prohibition ("must not smoke")
obliges nothing about the action, so it is left to the claim check.
"""

from __future__ import annotations

import re

from promptops import change_lexicon as lexicon
from promptops.word_concepts import content_word
from promptops.word_stems import stem

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|[^\sa-z]")
# Modals that oblige by themselves ("must sign") or before "to" ("have to sign", "are required to sign").
_MODALS = frozenset({"must", "should"})
_BEFORE_TO = frozenset(
    {"have", "has", "had", "need", "needs", "required", "obliged", "obligated", "necessary", "mandatory", "ought"}
)
# Negations that free a following obligation: "don't need to", "is not required to", "never have to".
_NEGATIONS = frozenset({"not", "never", "no"})
# Words between a negation and the obligation it lifts: "does not actually need to", "is not required to".
_BRIDGE = frozenset({"is", "are", "was", "were", "be", "it's", "actually", "really", "necessarily", "even", "strictly"})
# Words before an action that are not the action: "must be accompanied", "have to get approved", "must always sign".
_BEFORE_ACTION = frozenset({"be", "been", "get", "always", "also", "still", "first", "then", "just", "now"})
_REACH = 3


def obligation_changes(before: str, after: str) -> list[str]:
    """ "obligation lifted: must be accompanied → don't need to be accompanied" (or "imposed") for an action
    obliged on one side and freed on the other."""
    old_obliged, old_freed = _obligations(before)
    new_obliged, new_freed = _obligations(after)
    # an imperative obliges its action ("attach the adapter"), read only against a side that frees one
    old_obliged = {**_imperative_obligations(before), **old_obliged} if new_freed else old_obliged
    new_obliged = {**_imperative_obligations(after), **new_obliged} if old_freed else new_obliged
    changes: list[str] = []
    for action, said in old_obliged.items():
        if action in new_freed and action not in new_obliged and action not in old_freed:
            changes.append(f"obligation lifted: {said} → {new_freed[action]}")
    for action, said in new_obliged.items():
        if action in old_freed and action not in old_obliged and action not in new_freed:
            changes.append(f"obligation imposed: {old_freed[action]} → {said}")
    return changes


def _obligations(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """(actions obliged, actions freed), each by its stem → the words that said it ("must be accompanied")."""
    tokens = _TOKEN.findall(text.lower().replace("’", "'"))
    obliged: dict[str, str] = {}
    freed: dict[str, str] = {}
    for i in range(len(tokens)):
        end = _modal_end(tokens, i)
        if end is None:
            continue
        action = _action(tokens, end)
        if action is None:
            continue
        negation = _negation_before(tokens, i)
        if negation is None:
            negation = _denied_object_before(tokens, i)
        if negation is not None:
            freed.setdefault(stem(tokens[action]), " ".join(tokens[negation : action + 1]))
            freed.setdefault(_with_object(tokens, action), " ".join(tokens[negation : action + 1]))
        elif not (end < len(tokens) and tokens[end] in _NEGATIONS):
            obliged.setdefault(stem(tokens[action]), " ".join(tokens[i : action + 1]))  # not "must not": forbidden
    for i, word in enumerate(tokens):
        # "needn't sign", "need not sign", "no need to sign": freed without a modal of its own
        if word == "needn't" or (word == "need" and i + 1 < len(tokens) and tokens[i + 1] == "not"):
            action = _action(tokens, i + (1 if word == "needn't" else 2))
            if action is not None:
                freed.setdefault(stem(tokens[action]), " ".join(tokens[i : action + 1]))
                freed.setdefault(_with_object(tokens, action), " ".join(tokens[i : action + 1]))
    return obliged, freed


def _imperative_obligations(text: str) -> dict[str, str]:
    """The actions imperatives oblige, each by its stem and its object's → its verb: "attach the adapter" obliges what
    "must attach the adapter" does, of its object only ("bring your licence; no need to bring the certificate" lifts
    nothing)."""
    tokens = _TOKEN.findall(text.lower().replace("’", "'"))
    obliged: dict[str, str] = {}
    for i in _imperatives(tokens):
        obliged.setdefault(_with_object(tokens, i), tokens[i])
    return obliged


def _with_object(tokens: list[str], i: int) -> str:
    """The action at `i` with its object, the first content word after it in its clause ("attach adapter" for
    "attach the adapter"; "attach " for "attach it"): the key an imperative is compared by."""
    for word in tokens[i + 1 : i + 1 + _REACH + 1]:
        if word in _CLAUSE_ENDS:
            break
        if word[0].isalpha() and "'" not in word and content_word(word):
            return f"{stem(tokens[i])} {stem(word)}"
    return f"{stem(tokens[i])} "


_CLAUSE_ENDS = frozenset({",", ";", ":", "!", "?", "(", ")"})


# Words after which an imperative opens its clause ("…, so attach it", "then attach it") and words before its verb
# ("always attach", "please attach"); a comma opens one after a word of sequence only ("First, attach it").
_IMPERATIVE_OPENERS = frozenset({"so", "then"})
_SEQUENCE = frozenset({"first", "then", "next", "finally"})
_BEFORE_IMPERATIVE = frozenset({"always", "please", "just", "also", "first"})
# Punctuation that opens no clause: a comma, quotes and code marks ("attach `timezone.utc`" has no sentence in it).
_INSIDE_CLAUSE = frozenset({",", "'", '"', "`", "’"})


def _imperatives(tokens: list[str]) -> list[int]:
    """The indices of the verbs of imperatives, each the first word of its sentence or of a clause after "so" or
    "then" ("Attach the adapter", "…, so attach it", "First, attach it"): an instruction obliges its action. A noun
    opening a sentence ("Memberships can be refunded") obliges nothing the other side frees."""
    found: list[int] = []
    for i, word in enumerate(tokens):
        if not word[0].isalpha() or "'" in word or not content_word(word) or word in _BEFORE_IMPERATIVE:
            continue
        j = i - 1
        while j >= 0 and tokens[j] in _BEFORE_IMPERATIVE:
            j -= 1
        if j >= 1 and tokens[j] == "," and tokens[j - 1] in _SEQUENCE:
            j -= 2  # "First, attach it"
        if j < 0 or tokens[j] in _IMPERATIVE_OPENERS or not (tokens[j][0].isalnum() or tokens[j] in _INSIDE_CLAUSE):
            found.append(i)
    return found


def _modal_end(tokens: list[str], i: int) -> int | None:
    """The index after a modal of obligation at `i` ("must", "have to", "required to"), or None."""
    word = tokens[i]
    if word in _MODALS:
        return i + 1
    if word in _BEFORE_TO and i + 1 < len(tokens) and tokens[i + 1] == "to":
        return i + 2
    if word in _NEEDING and i + 1 < len(tokens) and _gerund(tokens, i + 1):
        return i + 1  # "the pads need replacing" = "need to be replaced"
    return None


# "need" before a gerund says "need to be" + its participle: "the filter needs cleaning" = "must be cleaned", and "the
# pads don't need replacing" frees what "the pads should be replaced" obliges.
_NEEDING = frozenset({"need", "needs", "needed"})


def _gerund(tokens: list[str], i: int) -> bool:
    """The word at `i` is an "-ing" form that can be an action: not a pronoun ("something", "nothing") nor a short word
    ("bring"), and closing its noun phrase ("needs cleaning every month"; not "need building regulations approval",
    where it describes a noun)."""
    word = tokens[i]
    if len(word) <= 5 or not word.endswith("ing") or word.endswith("thing"):
        return False
    following = tokens[i + 1] if i + 1 < len(tokens) else "."
    return not following[0].isalpha() or following in lexicon.FUNCTION_WORDS or not content_word(following)


def _negation_before(tokens: list[str], i: int) -> int | None:
    """The index of the negation lifting the modal at `i` ("don't need to", "is not required to", "never have
    to", "no need to"), or None. "must" and "should" are negated after them, which forbids instead."""
    j = i - 1
    while j >= 0 and tokens[j] in _BRIDGE:
        j -= 1
    if j < 0 or tokens[i] in _MODALS:
        return None
    return j if tokens[j] in _NEGATIONS or tokens[j].endswith("n't") else None


# "nothing you need to bring", "none that you have to fill in": the object the obligation would be about is denied.
_DENIED_OBJECTS = frozenset({"nothing", "none"})
_SUBJECTS = frozenset({"you", "we", "they", "i", "he", "she"})
_RELATIVES = frozenset({"that", "which"})


def _denied_object_before(tokens: list[str], i: int) -> int | None:
    """The index of "nothing" or "none" denying the object of the modal at `i` before its subject ("there's nothing
    you need to bring", "none that you have to fill in"): nothing is obliged, as by "you don't need to bring
    anything"."""
    j = i - 1
    while j >= 0 and tokens[j] in _BRIDGE:
        j -= 1
    if j < 1 or tokens[j] not in _SUBJECTS:
        return None
    j -= 1
    if j >= 1 and tokens[j] in _RELATIVES:
        j -= 1
    return j if tokens[j] in _DENIED_OBJECTS else None


def _action(tokens: list[str], start: int) -> int | None:
    """The index of the action an obligation is about: its first content word ("be accompanied": accompanied)."""
    for j in range(start, min(len(tokens), start + _REACH)):
        word = tokens[j]
        if not word[0].isalpha():
            return None
        if word not in _BEFORE_ACTION and "'" not in word and content_word(word):
            return j
    return None
