"""A word replaced, between the same two neighbours, by another of a closed set of mutually exclusive alternatives:
"keep the markers on your left and" → "on your right and", "at the front of" → "at the back of", "the cardiology
ward" → "the oncology ward".

Rewordings swap words in place all the time ("strenuous exercise" → "intense exercise", "booking" → "reservation"),
so a word replaced in place is a change only when both words belong to one closed set whose members exclude each
other: sides, directions, compass points, colours, parts of the day, meals, seasons, deployment environments,
metals and fabrics (`ALTERNATIVE_SETS` in `promptops.change_lexicon`; a member may be two words, "white gold" →
"platinum"), fields of study and practice told apart by their ending
("cardiology" / "oncology", "dermatologist" / "neurologist"), or medicines told by the ending of their generic name
("ibuprofen" / "diclofenac", "amoxicillin" / "doxycycline": `MEDICINE_ENDINGS`). The neighbours must be the same
words on both sides, so that "back" in "call you back" is never read as a side, and neither word may be said
elsewhere on the other side; a possessive ending is a token of its own ("the left handlebar" → "the right handlebar's
display" keeps "handlebar" as the neighbour). A member of two words whose last word is another member names a kind of
it ("polar bear" / "bear"), no alternative to it.
A member inside a hyphenated or underscored name counts too,
between the name's other parts wherever the name stands: "the bucket acme-tfstate-prod" → "acme-tfstate-staging". Two
parts of the day are no change when a clock time both sides state falls in both ("after 10 pm the night before" /
"after 10 pm on the evening before"). A word and its "off-" compound in one place are the two halves of what the word
names: "cheaper for off-peak sessions" → "cheaper for peak sessions".
"""

from __future__ import annotations

import functools
import re

from promptops import change_lexicon as lexicon
from promptops.clock_times import ClockTime, find_clock_times, part_of_day
from promptops.text_caches import TEXTS_PER_CASE

_TOKEN = re.compile(r"[a-z0-9][\w'’-]*|[^\sa-z0-9]")
_MEMBER = {
    word: (k, m)
    for k, members in enumerate(lexicon.ALTERNATIVE_SETS)
    for m, words in enumerate(members)
    for word in words
}
# The first words of the members of two words ("white" of "white gold").
_FIRST_WORDS = frozenset(word.split(" ")[0] for word in _MEMBER if " " in word)
# The stem before a field or medicine ending must be a word part of its own: "cardi|ology", not "l|ogy"; "ibu|profen",
# and "statin" alone is a class of medicines, not one.
_MIN_FIELD_STEM = 3

_Slot = tuple[str, str]  # the words before and after the replaced one


def alternative_changes(before: str, after: str) -> list[str]:
    """ "alternative left → right" for each word whose place, between the same neighbours, another of its set took."""
    old, new = _tokens(before), _tokens(after)
    has_off = _OFF in before.lower() or _OFF in after.lower()  # (the quick test of most texts)
    off = _off_compounds(old, new) if has_off and any(t.startswith(_OFF) for t in (*old, *new)) else []
    old_words, new_words = _words(old), _words(new)
    # a word said on the other side too was replaced by nothing: only the words one side says are read
    old_slots, new_slots = _slots(old, new_words), _slots(new, old_words)
    if not old_slots or not new_slots:
        return off
    times = _shared_times(before, after)
    changes: list[str] = []
    for slot, word in old_slots:
        for other_slot, other in new_slots:
            replaced = other_slot == slot and other != word
            if (
                replaced
                and _exclusive(word, other)
                and not _both_parts_of(times, word, other)
                and not _eve(slot, word, other)
            ):
                changes.append(f"alternative {word} → {other}")
    return list(dict.fromkeys([*changes, *off]))


_OFF = "off-"


def _off_compounds(old: tuple[str, ...], new: tuple[str, ...]) -> list[str]:
    """A word and its "off-" compound in one place ("cheaper for off-peak sessions" → "cheaper for peak sessions"):
    the compound names the word's other half, as "off-season" does of the season. ("an off-site backup" → "an
    on-site backup" is the polarity check's.) Neither may be said elsewhere on the other side."""
    changes: list[str] = []
    for tokens, other, forward in ((old, new, True), (new, old, False)):
        places = {_place(other, k): w for k, w in enumerate(other)}
        for k, word in enumerate(tokens):
            plain = word.removeprefix(_OFF)
            if plain == word or not plain.isalpha() or word in other or plain in tokens:
                continue
            if places.get(_place(tokens, k)) == plain:
                changes.append(f"alternative {word} → {plain}" if forward else f"alternative {plain} → {word}")
    return changes


def _place(tokens: tuple[str, ...], k: int) -> _Slot:
    """The words on either side of token `k` ("" at either end)."""
    return (tokens[k - 1] if k else "", tokens[k + 1] if k + 1 < len(tokens) else "")


@functools.lru_cache(maxsize=TEXTS_PER_CASE)
def _tokens(text: str) -> tuple[str, ...]:
    """The lower-cased words and punctuation of a text, with a member of two words as one ("white gold") and a
    possessive ending as a token of its own, so that "the right handlebar's display" keeps "handlebar" as the
    neighbour of "right", as "the left handlebar" does, and "the dog's bowl" names a "dog"."""
    lower = text.lower()
    tokens = _TOKEN.findall(lower)
    if "'" in lower or "’" in lower:
        tokens = [part for token in tokens for part in _possessive(token)]
    if _FIRST_WORDS.isdisjoint(tokens):
        return tuple(tokens)  # no member of two words (the quick test of most texts)
    merged: list[str] = []
    k = 0
    while k < len(tokens):
        phrase = " ".join(tokens[k : k + 2]) if tokens[k] in _FIRST_WORDS else ""
        if " " in phrase and phrase in _MEMBER:
            merged.append(phrase)
            k += 2
        else:
            merged.append(tokens[k])
            k += 1
    return tuple(merged)


_POSSESSIVE = re.compile(r"(?<=[a-z0-9])(['’]s?)$")


def _possessive(token: str) -> list[str]:
    """A word and its possessive ending ("handlebar's" → "handlebar", "'s"; "drivers'" → "drivers", "'")."""
    if "'" not in token and "’" not in token:
        return [token]  # no apostrophe (the quick test of most words)
    mark = _POSSESSIVE.search(token)
    if mark is None:
        return [token]
    return [token[: mark.start()], mark.group(1).replace("’", "'")]


def _shared_times(before: str, after: str) -> list[ClockTime]:
    """The clock times both texts state ("after 10 pm" on both sides)."""
    old, new = find_clock_times(before), find_clock_times(after)
    return [t for t in old if any(t.matches(n) for n in new)]


def _both_parts_of(times: list[ClockTime], word: str, other: str) -> bool:
    """Two parts of the day that a clock time both sides state falls in: "after 10 pm the night before" and "after 10
    pm on the evening before" name one time, which is evening and night at once."""
    parts = part_of_day(word), part_of_day(other)
    return (
        parts[0] is not None and parts[1] is not None and any(t.within(parts[0]) and t.within(parts[1]) for t in times)
    )


_EVE = frozenset({"evening", "night"})


def _eve(slot: _Slot, word: str, other: str) -> bool:
    """ "the evening before" and "the night before" both name the eve of what is to come ("we call the night before"
    = "we call the evening before"): one time, not two parts of the day."""
    return slot[1] == "before" and word in _EVE and other in _EVE


def _slots(tokens: tuple[str, ...], other_words: set[str]) -> list[tuple[_Slot, str]]:
    """The words of a closed set (or a field) in a text that the other text does not say (`other_words`, with the
    parts of its names), each with the words on either side of it; inside a name of hyphenated or underscored parts
    too ("acme-logs-prod"), with the name's other parts as its neighbours."""
    found: list[tuple[_Slot, str]] = []
    for k, word in enumerate(tokens):
        if word in other_words:
            continue  # said on both sides, and so are its parts (the quick test of most words)
        if word in _MEMBER or _field(word) or _medicine(word):
            found.append((_place(tokens, k), word))
        found += [(slot, part) for slot, part in _name_slots(word) if part not in other_words]
    return found


_NAME_PARTS = re.compile(r"[-_]")


def _name_slots(name: str) -> list[tuple[_Slot, str]]:
    """The members of a closed set among the parts of a name ("prod" in "acme-tfstate-prod"), each in a slot of the
    name's parts on either side, so that only the same name with that part swapped matches, wherever it stands."""
    if "-" not in name and "_" not in name:
        return []  # one part (the quick test of most words)
    parts = _NAME_PARTS.split(name)
    if len(parts) < 2:
        return []
    return [
        (("-".join(parts[:k]) + "-", "-" + "-".join(parts[k + 1 :])), part)
        for k, part in enumerate(parts)
        if part in _MEMBER
    ]


def _words(tokens: tuple[str, ...]) -> set[str]:
    """The words of a text, and the parts of its hyphenated and underscored names."""
    names = (token for token in tokens if "-" in token or "_" in token)  # (a word of one part is its own part)
    return {*tokens, *(part for name in names for part in _NAME_PARTS.split(name))}


def _exclusive(a: str, b: str) -> bool:
    """Two other members of one closed set ("left" / "right"), or two fields of one kind ("cardiology" / "oncology")."""
    if a in _MEMBER and b in _MEMBER:
        (set_a, member_a), (set_b, member_b) = _MEMBER[a], _MEMBER[b]
        return set_a == set_b and member_a != member_b and not _kind_of(a, b) and not _kind_of(b, a)
    if _medicine(a) and _medicine(b):
        return a.removesuffix("s") != b.removesuffix("s")  # "ibuprofen" / "diclofenac"; not "statin" / "statins"
    ending_a, ending_b = _field(a), _field(b)
    return bool(ending_a) and ending_a == ending_b


def _kind_of(name: str, word: str) -> bool:
    """A member of two words names a kind of the member its last word is ("polar bear" / "bear", "white gold" /
    "gold"): saying the word for the kind drops a detail and contradicts nothing."""
    return name.rpartition(" ")[2] == word


def _medicine(word: str) -> bool:
    """The word is the generic name of a medicine, told by its ending ("ibuprofen", "omeprazole", "amoxicillin")."""
    if not word.endswith(_MEDICINE_TAILS):
        return False  # the quick test of most words
    return _MEDICINE.fullmatch(word) is not None


# A medicine's name: a stem of at least `_MIN_FIELD_STEM` letters, a medicine ending, and maybe a plural "s".
_MEDICINE = re.compile(rf"[a-z]{{{_MIN_FIELD_STEM},}}(?:{'|'.join(lexicon.MEDICINE_ENDINGS)})s?")
_MEDICINE_TAILS = (*lexicon.MEDICINE_ENDINGS, *(f"{e}s" for e in lexicon.MEDICINE_ENDINGS))


def _field(word: str) -> str:
    """The field ending of a word ("ology" of "cardiology"), or "" when it has none."""
    if not word.endswith(lexicon.FIELD_ENDINGS):
        return ""  # the quick test of most words
    return next(
        (e for e in lexicon.FIELD_ENDINGS if word.endswith(e) and len(word) - len(e) >= _MIN_FIELD_STEM),
        "",
    )
