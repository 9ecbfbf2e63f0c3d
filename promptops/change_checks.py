"""Cheap, explainable checks of what changed in meaning between two texts, where embeddings are blind.

Covered: numbers and quantities (read by `promptops.quantities`; a count or total that the rest of both texts
implies is no change), clock times ("7:30 p.m." == "half past seven in the evening"; a time said as its part of
the day is no change), claims whose polarity flipped (`promptops.polarity_changes`), named entities, codes and `code`
identifiers replaced by others or cut by "only", a name that lost or gained its last word in place ("the Premium
Plus plan" → "the Premium plan"), two names that swapped roles ("Maya owes Daniel" → "Daniel
owes Maya"), parties whose duties moved (`promptops.parties`: "the Seller pays the tax" → "the Buyer pays the
tax"), plain phrases that traded places (`promptops.swapped_phrases`), amounts and names that traded the slots
they fill ("the points gap to 0.015 in and the plug gap to 0.025 in" with the two amounts exchanged, or a move "from
98.1% to 99.4%" reversed: `promptops.traded_values`), conditions dropped or added
(`promptops.conditions`), obligations lifted or imposed ("must" → "don't need to": `promptops.obligations`), two
steps in reversed order ("brush before applying" → "once applied, brush": `promptops.step_order`), a word
replaced in place by another of its closed set of alternatives ("on your left" → "on your right", "cardiology" →
"oncology", "amoxicillin" → "doxycycline": `promptops.alternatives`), a lower-case name replaced in place (an
identifier with one part swapped, `orders-retry` → `invoices-retry`, or a word no dictionary lists, `kubectl` →
`kubeadm`: `promptops.swapped_names`), a quoted value or a file name replaced in place ("the principal 'deploy'" →
"the principal 'admin'": `promptops.literal_values`), list items dropped or added (`promptops.list_items`), a
whole sentence a reader would act on added to or dropped from an otherwise unchanged text ("sentence added:
Refunds are never possible.": `promptops.sentence_changes`), weekdays and months,
the values of `key: value` labels, a truncated ending (or a shorter prefix that lost code or an amount), the layout
(JSON, list, table, code, key-value lines, text), the language, a refusal, and a structured comparison when both
texts are JSON. Not covered: a negation whose head
is a synonym of the other side's word ("skips" vs "won't run" is, rightly, no flag; "covers" vs "doesn't pay for" is
a missed one), swapped roles said in the passive ("Bob was paid by Alice"), lower-case nouns outside any closed set
("kettle" → "toaster"), numbers that traded places in other words ("30 in Leeds and 20 in York" → "York gets 30 and
Leeds 20").
"""

from __future__ import annotations

import functools
import itertools
import json
import re
import unicodedata
from typing import Any, Literal

from promptops import change_lexicon as lexicon
from promptops.alternatives import alternative_changes
from promptops.change import Change
from promptops.claim_record import at_sentence_start, negation_cues
from promptops.clock_times import ClockTime, find_clock_times, parts_of_day
from promptops.common_words import is_common_word
from promptops.conditions import condition_changes
from promptops.counted_items import items_around
from promptops.list_items import list_item_changes
from promptops.literal_values import literal_changes
from promptops.named_units import named_currency_changes, named_unit_changes
from promptops.obligations import obligation_changes
from promptops.parties import apposed_role_changes, duty_changes
from promptops.polarity_changes import answer_changes, polarity_changes
from promptops.quantities import (
    CODE_SPAN,
    Quantity,
    extract_codes,
    extract_numbers,
    nth_occurrence,
    parse_quantities,
    said_otherwise,
)
from promptops.sentence_changes import lost_clause_acts, sentence_changes
from promptops.sentences import split_sentences
from promptops.step_order import order_changes
from promptops.swapped_names import name_changes
from promptops.swapped_phrases import swapped_phrases
from promptops.text_caches import TEXTS_PER_CASE
from promptops.traded_values import traded_values
from promptops.word_concepts import content_word
from promptops.word_stems import stem

# ---- numbers (read by `promptops.quantities`) ------------------------------------------------------


def number_changes(before: str, after: str) -> list[Change]:
    """Numbers on one side only: "number 5 → 30", "number $75 → €75", "number 30 removed", "number 30 added"."""
    old, new = parse_quantities(before), parse_quantities(after)
    removed = [q for q in old if not _has_counterpart(q, old, new) and not said_otherwise(q, after)]
    added = [q for q in new if not _has_counterpart(q, new, old) and not said_otherwise(q, before)]
    removed = list({q.full: q for q in removed if not _explained(q, old, new, before, after)}.values())
    added = list({q.full: q for q in added if not _explained(q, new, old, after, before)}.values())
    if not added:
        removed = [q for q in removed if not _article_one(q, before, after)]
    if not removed:
        added = [q for q in added if not _article_one(q, after, before)]
    changes: list[Change] = []
    for a in list(removed):
        # the same number with another unit or currency is the most telling explanation
        same = next((b for b in added if b.value == a.value), None)
        if same is not None:
            if a.unit and same.unit and a.unit != same.unit and not (a.frequency or same.frequency):
                detail = f"unit {a.unit} → {same.unit}"  # "2 kg" → "2 lb"
            elif ((a.things and same.unit) or (a.unit and same.things)) and not (a.frequency or same.frequency):
                detail = f"unit {a.things or a.unit} → {same.things or same.unit}"  # "1000 pages" → "1000 KB"
            elif a.per and same.per and a.per != same.per:
                detail = f"unit per {'/'.join(sorted(a.per))} → per {'/'.join(sorted(same.per))}"  # per ha → per acre
            elif not a.same_base(same):
                detail = f"rate {_shown(a)} per {_bases(a)} → per {_bases(same)}"  # €20 per guest → per table
            else:
                detail = f"number {a.full} → {same.full}"
            changes.append(Change("number", "number", detail))
            removed.remove(a)
            added.remove(same)
    show = _shown
    changes += [
        Change("number", "number", f"number {show(a)} → {show(b)}") for a, b in zip(removed, added, strict=False)
    ]
    changes += [Change("number", "number", f"number {show(a)} removed") for a in removed[len(added) :]]
    changes += [Change("number", "number", f"number {show(b)} added") for b in added[len(removed) :]]
    return changes + _group_prices(old, new, before, after)


def _has_counterpart(q: Quantity, own: tuple[Quantity, ...], other: tuple[Quantity, ...]) -> bool:
    """The other side says `q` too. A bare number stands for a number with a unit ("wait 60" for "60 seconds") only
    when it is no twin of a bare number of `q`'s own side: in "countdown=60, i.e. after 60 seconds" → "countdown=60,
    i.e. after 60 minutes" each "60" pairs with its twin, and "60 seconds" has no counterpart."""
    matching = [n for n in other if q.matches(n)]
    if not matching or not q.unit or any(n.unit for n in matching):
        return bool(matching)
    return any(sum(n == m for m in other) > sum(n == o for o in own) for n in matching)


# A price said for a group of people: "£95 per night for up to four guests", "sleeps six".
_GROUP = re.compile(
    r"\b(?:for (?:up to |a maximum of |a group of |a family of )?\w+ (?:guests|people|persons|adults)|sleeps \w+)\b",
    re.IGNORECASE,
)


def _group_prices(old: tuple[Quantity, ...], new: tuple[Quantity, ...], before: str, after: str) -> list[Change]:
    """A price for a group of people said per person on the other side ("£95 per night for up to four guests" →
    "£95 per person per night"): a base of people left out is an honest omission only when nothing says the price
    is the whole group's."""
    changes: list[Change] = []
    for a in old:
        for b in new:
            if not a.currency or not a.matches(b) or ("person" in a.base) == ("person" in b.base):
                continue
            group = before if "person" in b.base else after
            if _GROUP.search(group):
                changes.append(Change("number", "number", f"rate {_shown(a)} per {_bases(a)} → per {_bases(b)}"))
    return changes


def _explained(q: Quantity, own: tuple[Quantity, ...], other: tuple[Quantity, ...], text: str, other_text: str) -> bool:
    """A number on one side only whose loss (or arrival) changes nothing the rest of the texts do not say.

    An implied quantity ("morning and evening") is said too loosely to be a change; a zero is what "no" or "none"
    on the other side says ("zero points" = "no credit"), and a zero share what "no" before its noun does ("0%
    interest" = "no interest"); a number of times a day is what that many clock times each day say; a count of the
    items that follow it ("two locations: 90 in aisle 12 and 50 in overflow") is the enumeration's length when the
    other side names the same items; a total
    is the sum of parts that both sides state ("$140: $90 and $50"); a number of times is the ordinal of the last
    attempt on the other side ("three times" = "a third attempt"); "the first" is where the other side, naming no
    ordinal of its own, says a series starts ("starting eight weeks ahead", "the initial dose"), or what its
    "original" says, naming no ordinal but an implied one ("a second charge … the original response").
    """
    if q.implied:
        return True
    if q.ratio and all(any(o.bare_count and o.value == v for o in other) for v in q.ratio):
        return True  # "three out of 50 bolts" says what "3 of the 50 bolts" says
    if q.bare_count and _enumerated(q, text, other_text):
        return True
    if q.value == 0 and not q.percent and _ZERO_WORDS.search(other_text):
        return True  # "earns zero points" says what "receives no credit" says
    if q.value == 0 and q.percent and _no_share_of(text, q.end, other_text):
        return True  # "0% interest" says what "no interest" says
    if q.frequency and q.unit == "day" and _times_of_day(q.value, text, other_text):
        return True  # "twice a day, at 8 am and 5 pm" says what "at 8 am and 5 pm each day" says
    if q.frequency and not q.per and nth_occurrence(q.value, other_text):
        return True  # "fail three times" says what "after a third failed attempt" says
    if q.frequency and not q.per and any(_another_of_series(o, q.value) for o in other):
        return True  # "charged the fee twice" says what "a second fee" says
    if q.ordinal and q.value == 1 and not any(o.ordinal for o in other) and _STARTING.search(other_text):
        return True  # "three fittings, the first eight weeks before" says what "starting eight weeks before" says
    if (
        q.ordinal
        and q.value == 1
        and not any(o.ordinal and not o.implied for o in other)
        and _ORIGINAL.search(other_text)
    ):
        return True  # "the same reply as the first" says what "a second charge … the original reply" says
    kept = [k for k in own if k is not q and not k.implied and any(k.matches(o) for o in other)]
    return _sum_of(q, kept)


_DAILY = re.compile(r"\b(?:each|every|a|per)[ \t]+day\b|\bdaily\b", re.IGNORECASE)


def _times_of_day(times: float, text: str, other_text: str) -> bool:
    """A number of times a day that both sides restate as that many clock times, the other side "each day" or
    "daily" ("twice a day, at 8 am and 5 pm" = "at 8 am and 5 pm each day"): the listed times are the frequency."""
    if not _DAILY.search(other_text):
        return False
    own, other = find_clock_times(text), find_clock_times(other_text)
    minutes = {t.minutes for t in own}
    return len(minutes) == times and minutes == {t.minutes for t in other}


_NEXT_WORD = re.compile(r"[ \t]*([a-z]+)")


def _no_share_of(text: str, end: int, other_text: str) -> bool:
    """A zero share of the noun after it ("0% interest", "0% commission") is what "no" before that noun on the other
    side says ("pay no interest"): a rate of nothing is none of it."""
    noun = _NEXT_WORD.match(text, end) if end >= 0 else None
    return noun is not None and re.search(rf"\bno[ \t]+{noun.group(1)}\b", other_text, re.IGNORECASE) is not None


def _another_of_series(q: Quantity, times: float) -> bool:
    """`q` is the `times`-th of a series said with an article ("a second late fee"), which is what happened `times`
    times."""
    return q.ordinal and q.implied and q.value == times


# Words that say where a series starts, as "the first" of it does: "starting eight weeks ahead", "the initial dose".
_STARTING = re.compile(r"\b(?:start(?:s|ed|ing)?|begin(?:s|ning)?|began|initial(?:ly)?)\b", re.IGNORECASE)
# "the original request": the first of those that repeat it, also beside "a second" of the repeats ("a second charge").
_ORIGINAL = re.compile(r"\boriginal(?:ly)?\b", re.IGNORECASE)
# Words that say a zero amount ("no credit", "none left", "without a fee"), against a "0" or "zero" on the other side.
_ZERO_WORDS = re.compile(r"\b(?:no|none|nothing|without)\b", re.IGNORECASE)

# "two locations: A and B", "two plans are A and B", "these two directives in the server block: A and B": a count, a
# few words (its noun and where they go), a colon or "are"/"include", then the items (to the end of the sentence, or
# the bullet lines that follow the colon).
_ENUMERATION = re.compile(
    r"(?:[ \t]*[\w'’-]+(?:\.[\w'’-]+)*){0,8}?[ \t]*(?::|[ \t]+(?:are|include|includes|including|namely)\b)[ \t]*"
    r"(?P<items>[^\n]*?(?:\.(?=\s|$)|$)|\n(?:[ \t]*[-*•+].*(?:\n|$))+)"
)
# "three photos (front, side and back)": a count, its noun, then the items in brackets.
_BRACKETED = re.compile(r"(?:[ \t]+[\w'’-]+){1,3}?[ \t]*\((?P<items>[^()\n]+)\)")
_ITEM_SPLIT = re.compile(r"\n[ \t]*[-*•+][ \t]*|,|;|\band\b|\bor\b|&")
_MAX_ENUMERATED = 12


def _enumerated(q: Quantity, text: str, other_text: str) -> bool:
    """`q` counts the items listed after it (or around it: `promptops.counted_items`), and the other text names every
    one of them."""
    if not 2 <= q.value <= _MAX_ENUMERATED or q.end < 0:
        return False
    listed = _ENUMERATION.match(text, q.end) or _BRACKETED.match(text, q.end)
    if listed is not None:
        items = [i for i in _ITEM_SPLIT.split(listed.group("items").strip(" .\n")) if i.strip()]
    else:
        items = items_around(q.end, text)
    other_words = _lower_words(other_text)
    named = [{w for w in _lower_words(i) if content_word(w) and not w.isdigit()} for i in items]
    return len(items) == q.value and all(words & other_words for words in named)


_MAX_PARTS = 3


def _sum_of(q: Quantity, parts: list[Quantity]) -> bool:
    """`q` is the total of two or three of `parts` in the same unit and currency ("140" = "90" + "50")."""
    if q.percent or q.ordinal or q.frequency or q.interval:
        return False
    same = [p for p in parts if p.unit == q.unit and p.currency == q.currency and not (p.percent or p.frequency)]
    return any(
        abs(sum(p.value for p in combo) - q.value) < 1e-9
        for size in range(2, _MAX_PARTS + 1)
        for combo in itertools.combinations(same, size)
    )


def _article_one(q: Quantity, own: str, other: str) -> bool:
    """A spelled-out "one" with no counterpart says what "a"/"an"/"the same" says ("one licence", "at least one digit").

    It is a count only when the other side quantifies as many ("all devices" → "one device"); a "both" opening a
    pair ("checks both your vision and your eye pressure") joins two phrases and quantifies nothing, an "every" is
    the "each" of its own side ("each team receives one kit" = "every team gets a kit"), "several times" says how often,
    not how many ("run it on one table" = "run it on the same table several times"), and "more than one" is what
    "several" says.
    """
    if not (q.spelled and q.value == 1 and not q.percent and not q.ordinal):
        return False
    own_words = set(_LOWER_WORD.findall(own.lower()))
    other_low = _REPEATED.sub(" ", _INTERVAL_EVERY.sub(" ", _PAIRING_BOTH.sub(" ", other.lower())))
    many = set(_LOWER_WORD.findall(other_low)) - own_words
    if own_words & _DISTRIBUTIVE:
        many -= _DISTRIBUTIVE  # "each team receives one kit" = "every team gets a kit"
    if q.end > 0 and _MORE_THAN.search(own, 0, q.end):
        return True  # "more than one controller" = "several controllers"
    return not (many & lexicon.PLURAL_QUANTIFIERS)


_DISTRIBUTIVE = frozenset({"each", "every"})
# "more than one" ending at the number: a plural, said as "several" or "multiple" on the other side
_MORE_THAN = re.compile(r"\bmore[ \t]+than[ \t]+one$", re.IGNORECASE)


_LOWER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
# "every 14 days", "every two hours", "every other week": an "every" before a number (or "other") says how often, an
# interval; it quantifies no plural of things, so "stay in one spot" against "move every 14 days" counts nothing.
_INTERVAL_EVERY = re.compile(
    r"\bevery(?=[ \t]+(?:\d|other\b|(?:" + "|".join((*lexicon.SMALL_NUMBERS, *lexicon.TENS)) + r")\b))"
)
# "several times", "many times": a quantifier of occurrences says how often (as "repeatedly" does), no plural of things,
# so "call it on one dataframe" against "call it on the same dataframe several times" counts nothing.
_REPEATED = re.compile(r"\b(?:several|multiple|many)(?=[ \t]+times\b)")
# "both … and": a "both" a few words before an "and" of its clause, which pairs two phrases.
_PAIRING_BOTH = re.compile(r"\bboth\b(?=(?:[ \t]+[\w'’-]+){1,5}?[ \t]+and\b)")


def _shown(q: Quantity) -> str:
    return (q.currency or "") + q.text


def _bases(q: Quantity) -> str:
    """What a rate is per: "day/person"."""
    return "/".join(sorted(q.per | q.base))


# ---- clock times ---------------------------------------------------------------------------------


def time_changes(before: str, after: str) -> list[Change]:
    """Clock times on one side only: "time 7:30 pm → 8:00 pm", "time 9:00 am removed".

    Times are compared as times of day ("7:30 p.m." = "half past seven in the evening" = "19:30"); a side that
    does not say am or pm agrees with either, and a bare hour on the other side ("at eight") agrees with a time
    on the hour ("8 p.m."). A time only dropped, while the other side names its part of the day ("after noon" →
    "in the afternoon", "by 9 am" → "in the morning"), is said less precisely, not changed.
    """
    old, new = find_clock_times(before), find_clock_times(after)
    removed = _unmatched(old, new, after)
    added = _unmatched(new, old, before)
    if removed and not added:
        # "clouds building after noon" → "through the afternoon": the time is said as its part of the day
        parts = parts_of_day(after)
        removed = [t for t in removed if not any(t.within(p) for p in parts)]
    changes = [Change("time", "time", f"time {a.text} → {b.text}") for a, b in zip(removed, added, strict=False)]
    changes += [Change("time", "time", f"time {a.text} removed") for a in removed[len(added) :]]
    changes += [Change("time", "time", f"time {b.text} added") for b in added[len(removed) :]]
    return changes


def _unmatched(times: list[ClockTime], others: list[ClockTime], other_text: str) -> list[ClockTime]:
    """The times with no counterpart among `others` nor as a bare hour in `other_text`, once each."""
    unmatched = [t for t in times if not any(t.matches(o) for o in others)]
    if unmatched:
        hours = {int(q.value) for q in parse_quantities(other_text) if q.bare_count}
        unmatched = [t for t in unmatched if not hours.intersection(t.hours)]
    return list({t.text: t for t in unmatched}.values())


# ---- named entities ------------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z][\w'’.-]*[A-Za-z0-9]|[A-Za-z]")


def extract_entities(text: str) -> list[str]:
    """Capitalised words (two letters or more) not at the start of a sentence, minus common words.

    A word with a capital inside it ("iOS", "eBay", "macOS") is a name wherever it stands; a unit after a number
    ("10 GB", "512Mi") is not a name.
    """
    found: list[str] = []
    for m in _WORD.finditer(text):
        if m.group(0).islower():
            continue  # no capital anywhere (the quick test of most words)
        word = m.group(0).rstrip(".").replace("’", "'")
        # (a tail in lower case has no capital: the quick test of most words)
        inner_capital = word[0].islower() and not word[1:].islower() and any(c.isupper() for c in word[1:])
        if len(m.group(0)) == 1 and _letter_name(text, m):  # (only a single letter names a letter)
            found.append(word)
            continue
        if len(word) < 2 or not (inner_capital or (word[0].isupper() and not at_sentence_start(text, m.start()))):
            continue
        base = _APOSTROPHE_S.sub("", word)
        if base.lower() in lexicon.STOPWORDS or base.lower() in lexicon.FUNCTION_WORDS:
            continue
        if (word in lexicon.CASED_UNITS or word.lower() in lexicon.UNITS) and _AFTER_NUMBER.search(text, 0, m.start()):
            continue  # "10 GB", "512Mi": a unit, which the number check compares
        found.append(base)
    return list(dict.fromkeys(found))


_AFTER_NUMBER = re.compile(r"\d[ \t]?$")
_AFTER_NOUN = re.compile(r"\b([a-z]{3,}|[A-Z][a-z]{2,}) $")
_TITLE_CASED_NEXT = re.compile(r" [A-Z][a-z]")


def _letter_name(text: str, m: re.Match[str]) -> bool:
    """A capital letter naming what the noun before it is ("pontoon D", "row F", "vitamin C", "Studio A"); not "I",
    nor an "A" before a capitalised word ("Book A Table": a title's article)."""
    letter = m.group(0)
    if letter == "I" or not letter.isupper() or len(letter) != 1:
        return False
    if letter == "A" and _TITLE_CASED_NEXT.match(text, m.end()):
        return False
    noun = _AFTER_NOUN.search(text, 0, m.start())
    if noun is None:
        return False
    word = noun.group(1).lower()
    return word not in lexicon.STOPWORDS and word not in lexicon.FUNCTION_WORDS


def _letter_said(letter: str, text: str) -> bool:
    """The text says a one-letter name as a word of its own ("Studio B", "row f"); an "A" only as a capital, since
    the article says "a" everywhere."""
    flags = 0 if letter == "A" else re.IGNORECASE
    return re.search(rf"(?<![\w'’-]){letter}(?![\w'’-])", text, flags) is not None


# Relative pronouns said of a person: "Joanna, who specialises in portraits, …" opens with a name.
_PERSONAL_RELATIVES = frozenset({"who", "whose"})
# The ending of a contraction, after the word it shortens: "We've", "They're", "I'll", "It's".
_CONTRACTION = re.compile(r"'(?:s|ve|re|ll|d|m)$", re.IGNORECASE)


def extract_subjects(text: str) -> list[str]:
    """Capitalised words opening a sentence and followed by a verb ("Tokyo is", "Microsoft acquired") or by a comma
    and a relative pronoun said of a person ("Joanna, who specialises in portraits").

    An imperative ("Restart the router", "Click Save") opens with a verb followed by its object, so the
    word after the opening word must look like a verb: an auxiliary or a word ending in -s or -ed. A common
    English word ("Rewards can be claimed", "Students must bring") is a noun, not a name.
    """
    found: list[str] = []
    words = list(_WORD.finditer(text))
    for m, following in itertools.pairwise(words):
        if not m.group(0)[0].isupper():
            continue  # (the quick test of most words)
        word = m.group(0).rstrip(".").replace("’", "'")
        if len(word) < 2 or not at_sentence_start(text, m.start()):
            continue
        gap, verb = text[m.end() : following.start()].strip(), following.group(0).lower()
        base = _CONTRACTION.sub("", word).lower()  # "We've matched", "They're": a pronoun
        if (gap and not (gap == "," and verb in _PERSONAL_RELATIVES)) or base in lexicon.STOPWORDS:
            continue
        if base in lexicon.FUNCTION_WORDS or is_common_word(base):
            continue  # "For strings, use ==", "Rewards can be claimed": a common word opening a sentence is no name
        if text.startswith("!", following.end()):
            continue  # "Good news!", "Big changes!": an exclamation of two words, no subject and verb
        if (
            gap
            or verb in lexicon.AUXILIARIES
            or (len(verb) > 3 and verb.endswith(("ed", "s")) and not verb.endswith("ss"))
        ):
            found.append(_APOSTROPHE_S.sub("", word))
    return list(dict.fromkeys(found))


def entity_changes(before: str, after: str) -> list[Change]:
    """A named entity, code ("4xx") or `code` identifier replaced by another ("entity Paris → Lyon"), or two names
    that swapped roles ("roles swapped: Maya owes Daniel → Daniel owes Maya"); omissions alone are not changes."""
    changes: list[Change] = []
    old, new = _named(before), _named(after)
    old_words, new_words = _lower_words(before), _lower_words(after)
    removed = list(dict.fromkeys(e for e in old if not _said(e, after, new_words)))
    added = list(dict.fromkeys(e for e in new if not _said(e, before, old_words)))
    if removed and added:
        removed, added = _unabbreviated(removed, added, before, after)
    if removed and added:
        changes.append(Change("entity", "entity", f"entity {', '.join(removed)} → {', '.join(added)}"))
    elif removed and _restricts(after, before, [e for e in old if e not in removed]):
        changes.append(Change("entity", "entity", f"entity {', '.join(removed)} removed by 'only'"))
    elif added and _restricts(before, after, [e for e in new if e not in added]):
        changes.append(Change("entity", "entity", f"entity {', '.join(added)} added to an 'only'"))
    elif removed or added:
        changes += _shortened_names(before, after, set(removed), set(added))
    # codes are compared with codes only: "4xx or 5xx" → "an HTTP error" drops codes and names a name
    old_glued, new_glued = extract_codes(before), extract_codes(after)
    gone = [c for c in old_glued if c.lower() not in {n.lower() for n in new_glued}]
    came = [c for c in new_glued if c.lower() not in {o.lower() for o in old_glued}]
    if gone and came:
        changes.append(Change("entity", "entity", f"entity {', '.join(gone)} → {', '.join(came)}"))
    old_code, new_code = CODE_SPAN.findall(before), CODE_SPAN.findall(after)
    gone = [c for c in dict.fromkeys(old_code) if not (_code_said(c, after) or _said_in_parts(c, new_code, after))]
    came = [c for c in dict.fromkeys(new_code) if not (_code_said(c, before) or _said_in_parts(c, old_code, before))]
    if gone and came:
        shown = ", ".join(f"`{c}`" for c in gone), ", ".join(f"`{c}`" for c in came)
        changes.append(Change("entity", "entity:code", f"code {shown[0]} → {shown[1]}"))
    names = {e.lower() for e in old + new}
    if len(names) >= 2:
        changes += _role_changes(before, after, names)
    if not any(c.key == "entity:roles" for c in changes):
        changes += [Change("entity", "entity:duties", line) for line in duty_changes(before, after, names)]
    if not any(c.key in ("entity:roles", "entity:duties") for c in changes):
        changes += [Change("entity", "entity:swap", f"phrases swapped: {s}") for s in swapped_phrases(before, after)]
    if not any(c.key in ("entity:roles", "entity:duties", "entity:swap") for c in changes):
        changes += [
            Change("number" if line.startswith("values") else "entity", "entity:traded", line)
            for line in traded_values(before, after)
        ]
    changes += [Change("entity", "entity:role", line) for line in apposed_role_changes(before, after)]
    return changes


@functools.lru_cache(maxsize=TEXTS_PER_CASE)
def _named(text: str) -> tuple[str, ...]:
    """The entities of a text, then its subjects."""
    return (*extract_entities(text), *extract_subjects(text))


def _unabbreviated(removed: list[str], added: list[str], before: str, after: str) -> tuple[list[str], list[str]]:
    """The names removed and added, less those the other side says by a short form: the initials of consecutive
    capitalised words ("the Basic Multilingual Plane" → "the BMP", "Bank of England" → "BoE") or a camel-case name
    shortened part by part ("WebAssembly" → "Wasm", "JavaScript" → "JS", "PostgreSQL" → "Postgres"). A name of one
    part ("Alexandra") has no short form here: "Ada" is another name."""
    dropped: set[str] = set()
    for shorts, longs, long_text in ((added, removed, before), (removed, added, after)):
        for short in shorts:
            words = _acronym_of(short, long_text) or {n for n in longs if _shortened(short, n)}
            if words & set(longs):
                dropped |= words | {short}
    return [e for e in removed if e not in dropped], [e for e in added if e not in dropped]


# An acronym: capitals, maybe one lower-case letter for "of" or "and" ("BoE") and a plural "s" ("APIs").
_ACRONYM = re.compile(r"[A-Z](?:[A-Z]|[a-z](?=[A-Z])){1,5}s?")
# A run of capitalised words, with "of", "and", "for" or "&" between two of them ("Bank of England").
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+(?:(?:of|and|for|&)[ \t]+)?[A-Z][\w'’-]*)+")
_RUN_JOINERS = frozenset({"of", "and", "for", "&"})


def _acronym_of(short: str, text: str) -> set[str]:
    """The capitalised words of `text` whose initials spell the acronym `short` (consecutive, "of"/"and" between them
    counted or not): "BMP" → {"Basic", "Multilingual", "Plane"}; nothing when `short` is no acronym."""
    if not _ACRONYM.fullmatch(short):
        return set()
    letters = short.removesuffix("s").lower() if short[-1] == "s" and short[:-1].isupper() else short.lower()
    for run in _CAPITALISED_RUN.finditer(text):
        words = run.group(0).split()
        for i, j in itertools.combinations(range(len(words) + 1), 2):
            span = words[i:j]
            if span[0] in _RUN_JOINERS or span[-1] in _RUN_JOINERS or len(span) < 2:
                continue
            named = [w for w in span if w not in _RUN_JOINERS]
            initials = ["".join(p[0] for p in w.split("-") if p) for w in span]
            counted = "".join(x for x, w in zip(initials, span, strict=True) if w in named)
            if letters in ("".join(initials).lower(), counted.lower()):
                return {re.sub(r"['’]s$", "", w) for w in named}
    return set()


# The parts of a camel-case name: "WebAssembly" → "Web", "Assembly"; "PostgreSQL" → "Postgre", "SQL".
_NAME_PARTS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def _shortened(short: str, name: str) -> bool:
    """`short` is the camel-case `name` cut part by part: each part's first letter and maybe more of its letters, in
    order ("Wasm" of "WebAssembly", "JS" of "JavaScript", "Postgres" of "PostgreSQL"), not a common word ("Pager" /
    "PageRank"). A part in capitals may only end the name: "SQLite" splits ambiguously ("SQL" is no short form)."""
    parts = [p.lower() for p in _NAME_PARTS.findall(name)]
    if len(parts) < 2 or "".join(parts) != name.lower() or " " in short or is_common_word(short):
        return False
    if any(p.isupper() for p in _NAME_PARTS.findall(name)[:-1]) or len(short) >= len(name):
        return False
    return _spelled_by_parts(short.lower(), parts)


def _spelled_by_parts(short: str, parts: list[str]) -> bool:
    """`short` is a short form of each of `parts`, one after the other: its first letter and maybe more of its
    letters in order ("w" of "web", "asm" of "assembly", "postgre" of "postgre")."""
    if not parts:
        return not short
    first, rest = parts[0], parts[1:]
    if not short or short[0] != first[0]:
        return False
    k, n = 1, 1  # the letters of `first` used, of `short` taken
    while True:
        if _spelled_by_parts(short[n:], rest):
            return True
        k = first.find(short[n], k) + 1 if n < len(short) else 0
        if not k:
            return False
        n += 1


def _code_said(code: str, text: str) -> bool:
    """The text says the code, as code or in prose ("`requests`" / "the requests library"), as a whole: not as the
    start of a longer code ("`celery -c 4`" is not said by "`celery -c 40`")."""
    if code.isascii() and text.isascii() and code.lower() not in text.lower():
        return False  # (the quick test: in ASCII, ignoring case is lower-casing)
    return re.search(r"(?<![\w.-])" + re.escape(code) + r"(?![\w.-]*\w)", text, re.IGNORECASE) is not None


def _said_in_parts(code: str, codes: list[str], text: str) -> bool:
    """A setting written as "name: value" or "name=value" is said by a text that gives its value as a code of its
    own and names it elsewhere: "`Cache-Control: no-cache`" by "`no-cache` … `Cache-Control: no-store`" (the text
    contrasting the two values both sides name), "`--level=debug`" by "the `--level` flag … `debug`"."""
    name, sep, value = _split_setting(code)
    if not sep:
        return False
    value = value.lower()
    return any(c.lower() == value for c in codes) and _code_said(name, text)


def _split_setting(code: str) -> tuple[str, str, str]:
    """ "Cache-Control: no-cache" → ("Cache-Control", ":", "no-cache"); ("", "", "") for a code that is no setting."""
    m = _SETTING.fullmatch(code.strip())
    return (m.group(1), m.group(2), m.group(3)) if m else ("", "", "")


# A setting as code: a name, ":" or "=", and a value ("Cache-Control: no-cache", "retries=3").
_SETTING = re.compile(r"([\w.-]+)[ \t]*([:=])[ \t]*(\S+)")


def _shortened_names(before: str, after: str, removed: set[str], added: set[str]) -> list[Change]:
    """A name of several words that lost (or gained) its last word between the same neighbours: "upgrade to the
    Premium Plus plan" → "to the Premium plan" ("entity Premium Plus → Premium"), another product, tier or model. A
    name's generic head ("the Hilton Hotel lobby" → "the Hilton lobby") names the same place."""
    old, new = _name_runs(before), _name_runs(after)
    for runs, others, gone, forward in ((old, new, removed, True), (new, old, added, False)):
        for prev, run, nxt in runs:
            last = run[-1]
            if len(run) < 2 or last not in gone or last.lower() in lexicon.NAME_HEADS:
                continue
            if (prev, run[:-1], nxt) in others:
                long, short = " ".join(run), " ".join(run[:-1])
                shown = f"{long} → {short}" if forward else f"{short} → {long}"
                return [Change("entity", "entity", f"entity {shown}")]
    return []


_NAME_TOKEN = re.compile(r"[A-Za-z0-9][\w'’-]*|[^\sA-Za-z0-9]")


def _name_runs(text: str) -> set[tuple[str, tuple[str, ...], str]]:
    """Each run of capitalised words (not stopwords: "The"), with the tokens before and after it, lower-cased."""
    tokens = _NAME_TOKEN.findall(text)
    capitalised = [t[0].isupper() and t.lower() not in lexicon.STOPWORDS for t in tokens]
    runs: set[tuple[str, tuple[str, ...], str]] = set()
    k = 0
    while k < len(tokens):
        if not capitalised[k]:
            k += 1
            continue
        j = k
        while j < len(tokens) and capitalised[j]:
            j += 1
        runs.add((tokens[k - 1].lower() if k else "", tuple(tokens[k:j]), tokens[j].lower() if j < len(tokens) else ""))
        k = j
    return runs


def _role_changes(before: str, after: str, names: set[str]) -> list[Change]:
    """Two names on both sides whose order around the same words swapped: "Maya owes Daniel" → "Daniel owes Maya".

    A relation is two names of one sentence with one to four words between them, one of them a content word
    ("owes", "is faster than") and none a symmetric one ("and", "with", "met", "as"), or "from A to B". The same
    relation with the names the other way round is a role change. A passive ("Daniel is owed by Maya") or another
    verb ("Daniel lent Maya") is another relation, so it is neither flagged nor recognised as the same meaning.
    """
    old_sentences, new_sentences = split_sentences(before), split_sentences(after)
    # a relation said in a sentence both texts have is said on both sides: only sentences one side lacks swap roles
    shared = set(old_sentences) & set(new_sentences)
    old_only = _relations([s for s in old_sentences if s not in shared], names)
    if not old_only or not _relations([s for s in new_sentences if s not in shared], names):
        return []
    old, new = _relations(old_sentences, names), _relations(new_sentences, names)
    changes: list[Change] = []
    for (a, words, b), shown in old.items():
        swapped = (b, words, a)
        if swapped in new and (a, words, b) not in new and swapped not in old:
            changes.append(Change("entity", "entity:roles", f"roles swapped: {shown} → {new[swapped]}"))
    return changes


_MAX_RELATION_WORDS = 4
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]")
_Relation = tuple[str, tuple[str, ...], str]


def _relations(sentences: list[str], names: set[str]) -> dict[_Relation, str]:
    """(name, the words between, name) → the words as written, for neighbouring names in each of the sentences."""
    relations: dict[_Relation, str] = {}
    for sentence in sentences:
        words = list(_WORD.finditer(sentence))
        spans = _name_spans(words, names)
        for (s1, e1), (s2, e2) in itertools.pairwise(spans):
            gap = sentence[words[e1 - 1].end() : words[s2].start()]
            if _CLAUSE_BREAK.search(gap):
                continue
            between = [w.group(0).lower() for w in words[e1:s2]]
            first = " ".join(w.group(0) for w in words[s1:e1])
            second = " ".join(w.group(0) for w in words[s2:e2])
            if between in (["to"], ["into"]) and s1 > 0 and words[s1 - 1].group(0).lower() == "from":
                relations[(first.lower(), ("from", "to"), second.lower())] = f"from {first} to {second}"
            elif 0 < len(between) <= _MAX_RELATION_WORDS and _relating(between):
                key = (first.lower(), tuple(stem(w) for w in between), second.lower())
                relations[key] = f"{first} {' '.join(between)} {second}"
    return relations


_POSSESSIVE_END = re.compile(r"['’]s$")


def _name_spans(words: list[re.Match[str]], names: set[str]) -> list[tuple[int, int]]:
    """The [start, end) word indexes of the names in a sentence; neighbouring name words form one ("New York")."""
    spans: list[tuple[int, int]] = []
    for i, m in enumerate(words):
        if m.group(0).islower():
            continue  # no capital anywhere (the quick test of most words)
        word = _POSSESSIVE_END.sub("", m.group(0).rstrip("."))
        if not (word[0].isupper() or any(c.isupper() for c in word[1:])) or word.lower() not in names:
            continue
        if spans and spans[-1][1] == i and not m.string[words[i - 1].end() : m.start()].strip():
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
    return spans


def _relating(between: list[str]) -> bool:
    """Words between two names that relate them one way: a content word, and no symmetric word."""
    if any(w in lexicon.SYMMETRIC_RELATIONS for w in between):
        return False
    return any(
        w not in lexicon.FUNCTION_WORDS and w not in lexicon.AUXILIARIES and w not in lexicon.STOPWORDS for w in between
    )


def _said(entity: str, text: str, words: frozenset[str]) -> bool:
    """The entity is said in `text` (its lower-cased `words`): a one-letter name as a word of its own."""
    return _letter_said(entity, text) if len(entity) == 1 else _mentioned(entity, words)


def _mentioned(entity: str, words: frozenset[str]) -> bool:
    """The entity occurs among `words` (lower-cased), also as singular/plural, another inflection or adjective
    ("Europe" ~ "European", "X-rayed" ~ "X-ray"), or, for an identifier in camel case, as its words
    ("requestAuthorization" ~ "request authorization")."""
    low = entity.lower()
    if low in words or low.removesuffix("s") in words or f"{low}s" in words:
        return True
    if _hyphen_part(low, words):
        return True  # "plain HTTP" ~ "plain-HTTP", "SQL-style" ~ "SQL style"
    if _qualified_alike(entity, words):
        return True  # "java.lang.OutOfMemoryError" ~ "OutOfMemoryError"
    parts = _CAMEL_PARTS.findall(entity) if entity[0].islower() and entity.isalpha() else []
    if len(parts) >= 2 and all(_mentioned(p, words) for p in parts):
        return True  # not "X-Api-Key", a header's name, which "API key" does not say
    return any(_same_root(low, w) or stem(w) == stem(low) for w in words if w[:3] == low[:3])


def _qualified_alike(entity: str, words: frozenset[str]) -> bool:
    """The entity is said as a qualified name and its last member, one name written in full or short: its package or
    namespace path leaves what it names the same ("java.lang.OutOfMemoryError" ~ "OutOfMemoryError",
    "System.Net.HttpClient" ~ "HttpClient"). The member must be a capitalised name of three letters or more that no
    dictionary lists, a class or type: "Node.js" is no "JS", and "Dispatchers.Main" is not said by "the main
    thread"."""
    low = entity.lower()
    if "." in entity:
        member = entity.rsplit(".", 1)[1]
        return _member_name(member) and member.lower() in words
    if not _member_name(entity):
        return False
    tail = f".{low}"
    return any(w.endswith(tail) for w in words if "." in w)


def _member_name(member: str) -> bool:
    """A capitalised name of three letters or more that no dictionary lists ("OutOfMemoryError", not "Main")."""
    return len(member) >= _MIN_MEMBER and member[0].isupper() and not is_common_word(member.lower())


_MIN_MEMBER = 3


# Parts of a hyphenated word that change what the name beside them says: "non-EU", "ex-Google", "anti-Apple".
_NAME_PREFIXES = frozenset({"non", "anti", "ex", "pre", "post"})


def _hyphen_part(low: str, words: frozenset[str]) -> bool:
    """The entity is said as the parts of a hyphenated word, or as a part of one beside no prefix that changes it."""
    if "-" in low and all(p in words for p in low.split("-")):
        return True
    return any(low in parts and not _NAME_PREFIXES & set(parts) for parts in (w.split("-") for w in words if "-" in w))


# The words of an identifier in camel case: "requestAuthorization" → "request", "Authorization".
_CAMEL_PARTS = re.compile(r"[A-Z]?[a-z]{2,}")


_MIN_ROOT = 4


def _same_root(a: str, b: str) -> bool:
    """A name and its adjective or demonym: the shorter word, less a final vowel, plus a name suffix is the longer.

    Europe/European, Japan/Japanese, Germany/German, Italy/Italian; not Christine/Christina, Java/JavaScript.
    """
    short, long = sorted((a, b), key=len)
    root = short[:-1] if short[-1] in "aeiouy" else short
    return len(root) >= _MIN_ROOT and long.startswith(root) and long[len(root) :] in lexicon.NAME_SUFFIXES


_RESTRICT_REACH = 3


def _restricts(text: str, other: str, kept: list[str]) -> bool:
    """`text` restricts a statement to entities both sides name ("on iOS only"), and `other` did not restrict.

    An entity dropped next to a new "only" is a narrowed claim ("iOS and Android" → "iOS only"), not an omission.
    """
    words = [w.lower() for w in _WORD.findall(text)]
    if set(words) & set(_LOWER_WORD.findall(other.lower())) & lexicon.RESTRICTIVE:
        return False
    names = {e.lower() for e in kept}
    for i, word in enumerate(words):
        if word in lexicon.RESTRICTIVE:
            near = words[max(0, i - _RESTRICT_REACH) : i + _RESTRICT_REACH + 1]
            if names & set(near):
                return True
    return False


_APOSTROPHE_S = re.compile(r"'s$")


@functools.lru_cache(maxsize=TEXTS_PER_CASE)
def _lower_words(text: str) -> frozenset[str]:
    return frozenset(
        (_APOSTROPHE_S.sub("", w.replace("’", "'")) if "'" in w or "’" in w else w).lower() for w in _WORD.findall(text)
    )


# ---- dates ---------------------------------------------------------------------------------------

# What puts "May" the month before it: a number ("14 May") or a preposition of time ("in May", "by early May").
_MAY_DATE_BEFORE = re.compile(
    r"(?:\d|\b(?:in|by|until|till|since|from|during|before|after|of|through|early|mid|late))[\s-]*$", re.IGNORECASE
)
_DATE_WORD = re.compile(r"\b(?:" + "|".join(w.capitalize() for w in (*lexicon.WEEKDAYS, *lexicon.MONTHS)) + r")\b")


def extract_date_words(text: str) -> list[str]:
    """Capitalised weekday and month names; "May" counts only next to a number ("14 May", "May 3") or after a
    preposition of time ("in May", "until May"), where the verb never stands."""
    found: list[str] = []
    for m in _DATE_WORD.finditer(text):
        word = m.group(0)
        if word == "May" and not (_MAY_DATE_BEFORE.search(text, 0, m.start()) or re.match(r"\s*\d", text[m.end() :])):
            continue
        found.append(word)
    return list(dict.fromkeys(found))


def date_changes(before: str, after: str) -> list[Change]:
    """A weekday or month replaced by another ("date Monday → Wednesday"), or an ISO date by another ("date
    2025-04-01 → 2025-01-04"): its parts are numbers both sides may keep, so the number check cannot tell."""
    changes: list[Change] = []
    for old, new in ((extract_date_words(before), extract_date_words(after)), (_iso_dates(before), _iso_dates(after))):
        removed = [d for d in old if d not in new]
        added = [d for d in new if d not in old]
        if removed and added:
            changes.append(Change("date", "date", f"date {', '.join(removed)} → {', '.join(added)}"))
    return changes


# An ISO 8601 calendar date, "2025-04-01" or "2025-04-01T09:00" (not inside a longer run of digits and hyphens, a
# code or a version).
_ISO_DATE = re.compile(r"(?<![\w.-])\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!(?!T\d)[\w-]|\.\d)")


def _iso_dates(text: str) -> list[str]:
    """The ISO dates the text writes, once each, in order."""
    return list(dict.fromkeys(_ISO_DATE.findall(text))) if "-" in text else []


# ---- key: value labels ---------------------------------------------------------------------------

_LABEL = re.compile(
    r"(?:^|(?<=[\n.;|]))[ \t]*[-*•]?[ \t]*(?:\*\*)?(?P<key>[A-Za-z][A-Za-z_ -]{0,30}?)(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*"
    # a "." inside a word is a version's, a host's or a file's ("postgresql 12.5.6", "db1.example.com", "app.log"); a
    # bracketed aside is passed ("primary (sha256/Qx7...) and backup (…)") and left out of the value (`_ASIDE`)
    r"(?P<value>(?:[^\n.;|()]|(?<=\w)\.(?=\w)|\([^()\n]*\))+)"
)
_ASIDE = re.compile(r"\([^()\n]*\)")
_MAX_LABEL_WORDS = 3
_MAX_LABEL_ITEMS = 8


def extract_labels(text: str) -> dict[str, str]:
    """Short `key: value` pairs ("Sentiment: positive"), lower-cased; a value may be a comma list of short items."""
    labels: dict[str, str] = {}
    for m in _LABEL.finditer(text):
        key = " ".join(m.group("key").lower().split())
        value = _ASIDE.sub(" ", m.group("value"))  # "primary (sha256/Qx7...) and backup": "primary and backup"
        items = [" ".join(i.strip(" *`'\"").lower().split()) for i in value.split(",")]
        if not items[0] or items[0].startswith("//") or len(key.split()) > _MAX_LABEL_WORDS:
            continue
        if len(items) > _MAX_LABEL_ITEMS or any(len(i.split()) > _MAX_LABEL_WORDS for i in items):
            continue
        labels.setdefault(key, ", ".join(i for i in items if i))
    return labels


def label_changes(before: str, after: str) -> list[Change]:
    """A label on both sides whose value changed ("label sentiment: positive → negative").

    Values are compared as sets of comma-separated items with numbers normalised ("5 minutes" = "five minutes") and
    without articles and demonstratives ("remove those addresses" = "remove these addresses").
    """
    if ":" not in before or ":" not in after:
        return []  # a label or a setting said on both sides has a colon on both (the quick test of most texts)
    old, new = extract_labels(before), extract_labels(after)
    changes = [
        Change("label", f"label:{key}", f"label {key}: {old[key]} → {new[key]}")
        for key in old
        if key in new and _label_items(old[key]) != _label_items(new[key])
    ]
    old_settings, new_settings = inline_settings(before), inline_settings(after)
    for key, values in old_settings.items():
        if key not in new_settings or (key in old and key in new):
            continue
        gone = [v for v in values if v not in new_settings[key] and v.lower() not in after.lower()]
        came = [v for v in new_settings[key] if v not in values and v.lower() not in before.lower()]
        if gone and came:
            changes.append(Change("label", f"label:{key}", f"label {key}: {', '.join(gone)} → {', '.join(came)}"))
    return changes


# A setting given inline in prose ("with path: ~/.npm and a key based on …"): a lower-case key, a colon and a value
# that is code, with "/", "~", "_" or "@", or a "." or "-" inside a word ("package-lock.json", "node_modules").
_INLINE_SETTING = re.compile(r"(?<![\w.:/`-])(?P<key>[a-z][a-z_]{1,20}):[ \t]+`?(?P<value>[^\s,;()`'\"]+)")
_CODE_VALUE = re.compile(r"[/~_@]|\w[.-]\w")


def inline_settings(text: str) -> dict[str, list[str]]:
    """The code values of the settings a text gives inline ("path: ~/.npm"), by key; not the last word of a label's
    key ("Invoice number: INV-20931")."""
    keys = [range(*m.span("key")) for m in _LABEL.finditer(text) if len(m.group("key").split()) <= _MAX_LABEL_WORDS]
    found: dict[str, list[str]] = {}
    for m in _INLINE_SETTING.finditer(text):
        value = m.group("value").rstrip(".:!?")
        if any(m.start("key") in key for key in keys):
            continue
        if _CODE_VALUE.search(value) and any(c.isalpha() for c in value):
            found.setdefault(m.group("key"), []).append(value)
    return found


# Items of a list value: "a, b, and c" = "c, b, a" = "a & b & c".
_LABEL_ITEM_SPLIT = re.compile(r",\s*(?:and|or|&)\s+|,|\s+(?:and|&)\s+")


def _label_items(value: str) -> frozenset[str]:
    """The items of a label's value, numbers normalised and articles left out ("remove those addresses" = "remove
    these addresses")."""
    items = (_DETERMINER.sub("", i).strip() for i in _LABEL_ITEM_SPLIT.split(value))
    return frozenset(
        " ".join(re.sub(r"[\d.,]+|[a-z-]+", lambda m: _as_number(m.group(0)), i).split()) for i in items if i
    )


_DETERMINER = re.compile(r"\b(?:a|an|the|this|that|these|those)\s+(?=\w)")


def _as_number(token: str) -> str:
    found = extract_numbers(token)
    return found[0] if len(found) == 1 else token


# ---- truncation ----------------------------------------------------------------------------------

_FINISHED = re.compile(r"[.!?…)\]}\"'`”’*]\s*$")
_PREFIX_SHARE = 0.9


def truncation_changes(before: str, after: str) -> list[Change]:
    """The candidate stops mid-sentence, shorter than a baseline that ended properly, and has lost its last words.

    A dropped final period ("The server is healthy") loses no words, so it is not a cut.

    Lists and `key: value` blocks often end without punctuation, so against a multi-line baseline a
    clearly shorter prefix of it counts as truncated too; and so does a clearly shorter prefix that ends a sentence
    but lost code or an amount after it (the next step of an instruction), not a courtesy closing.
    """
    old, new = before.strip(), after.strip()
    if not new or len(new) >= len(old):
        return []
    unfinished = _FINISHED.search(old) and not _FINISHED.search(new) and not _ends_alike(old, new)
    flat_old, flat_new = " ".join(old.split()), " ".join(new.split())
    prefix = flat_old.startswith(flat_new) or _closed_early(flat_old, flat_new)
    cut_block = "\n" in old and prefix
    # a prefix that ends a sentence but lost the facts after it: "… then commit the file." without the next step
    cut_facts = prefix and _states_facts(flat_old[len(flat_new) :])
    # cut mid-sentence and closed with a full stop: "Generate X, send Y." without ", then send Z"
    cut_clause = _closed_early(flat_old, flat_new) and lost_clause_acts(flat_old[len(flat_new) - 1 :], flat_new)
    if unfinished or ((cut_block or cut_facts or cut_clause) and len(new) <= _PREFIX_SHARE * len(old)):
        return [Change("truncation", "truncation", f"output truncated: ends with {new[-30:]!r}")]
    return []


def _closed_early(old: str, new: str) -> bool:
    """`new` is `old` cut mid-sentence (at a comma, semicolon, colon or between two words) and closed there with a
    full stop: "… from your doctor." against "… from your doctor, and you must also …" lost the clauses after the cut
    as a prefix would."""
    return new.endswith(".") and old.startswith(new[:-1]) and old[len(new) - 1 : len(new)] in (",", ";", ":", " ")


def _states_facts(lost: str) -> bool:
    """The words a shortened text lost state a fact a reader acts on: inline `code`, an amount, a warning or
    restriction (a negation: "Do not climb onto the roof yourself.") or a duty ("you must also be entitled to …"). A
    courtesy closing ("Hope this helps!", "Have a great day!", "Don't hesitate to ask") states none, and dropping it
    is no truncation."""
    if CODE_SPAN.search(lost) or any(not q.implied for q in parse_quantities(lost)):
        return True
    return not _COURTESY.search(lost) and bool(negation_cues(lost) or _DUTY.search(lost))


# Words that impose a duty: "you must also", "you need to", "is required".
_DUTY = re.compile(r"(?i)\b(?:must|need(?:s|ed)? to|ha(?:ve|s|d) to|required|requires?|mandatory|compulsory)\b")


# Closings that negate only politely: "don't hesitate to contact us", "no problem", "never mind".
_COURTESY = re.compile(r"(?i)\b(?:hesitat|no problem|no worries|never mind|not at all)")


_END_WORDS = 3


def _ends_alike(old: str, new: str) -> bool:
    """Both texts end on the same words: a dropped final period or a case change, no lost words."""
    old_words, new_words = re.findall(r"\w+", old.lower()), re.findall(r"\w+", new.lower())
    tail = min(_END_WORDS, len(new_words))
    return tail > 0 and old_words[-tail:] == new_words[-tail:]


# ---- format --------------------------------------------------------------------------------------

Shape = Literal["JSON", "list", "table", "code", "key-value lines", "text"]
# A list item: a bullet, "1." or "1)", or a numbered step ("Step 1: Boil the pasta").
_LIST_LINE = re.compile(r"^\s*(?:[-*•+]|\d{1,2}[.)]|(?i:step|stage|phase)\s+\d{1,2}\s*[:.)—–-])\s+\S")
_TABLE_LINE = re.compile(r"^\s*\|.*\|\s*$")
# "Key: value", also with the key in bold or italics ("**Key:** value", "**Key**: value")
_KEY_VALUE_LINE = re.compile(r"^\s*(?:[*_]{1,2})?[A-Za-z][\w -]{0,30}(?:[*_]{1,2})?:(?:[*_]{1,2})?\s*\S")

# A whole output that is one short label: "Priority: high", "**Sentiment:** Negative." (a key and a value of at most
# three words each, not a sentence).
_LABEL_LINE = re.compile(
    r"^(?:[*_]{1,2})?[A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*){0,2}(?:[*_]{1,2})?:(?:[*_]{1,2})?[ \t]+"
    r"[\w$€£%#'-]+(?:[ \t]+[\w$€£%#'-]+){0,2}[ \t]*[.!]?[ \t]*$"
)


def text_shape(text: str) -> Shape:
    """What the output is laid out as: JSON, a list, a table, a code block, `key: value` lines, or plain text."""
    if parse_json(text)[0]:
        return "JSON"
    body = text.strip()
    if body.startswith("```"):
        return "code"
    lines = [line for line in body.splitlines() if line.strip()]
    if len(lines) == 1 and _LABEL_LINE.match(body):
        return "key-value lines"  # "Priority: high": one label, which a sentence saying it is not
    if len(lines) >= 2:
        for shape, pattern in (("table", _TABLE_LINE), ("list", _LIST_LINE), ("key-value lines", _KEY_VALUE_LINE)):
            if sum(bool(pattern.match(line)) for line in lines) >= max(2, len(lines) - 1):
                return shape  # type: ignore[return-value]
    return "text"


def format_changes(before: str, after: str) -> list[Change]:
    """The layout changed: "format prose → JSON", "format list → prose".

    Two texts that differ only in whitespace and a final full stop (a line break that became a space) have one
    layout, whatever a line-based reading makes of them.
    """
    if " ".join(before.split()).rstrip(".") == " ".join(after.split()).rstrip("."):
        return []  # (the words of a text split at white space, one space between them)
    old, new = text_shape(before), text_shape(after)
    return [] if old == new else [Change("format", "format", f"format changed: {old} → {new}")]


# ---- language ------------------------------------------------------------------------------------

_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "CYRILLIC", "GREEK", "ARABIC", "HEBREW", "DEVANAGARI", "THAI")
_MIN_HITS = 2
_LETTER_RUN = re.compile(r"[^\W\d_]+")
# The function words of every language told apart: the only words a guess counts.
_ANY_STOPWORD = frozenset().union(*lexicon.LANGUAGE_STOPWORDS.values())


def detect_language(text: str) -> str | None:
    """A cheap guess: the writing system when not Latin, else the language whose function words dominate."""
    script = "LATIN" if text.isascii() else _main_script(text)
    if script is None:
        return None
    if script != "LATIN":
        return "Japanese" if script in ("HIRAGANA", "KATAKANA") else script.title() + " script"
    words = [*filter(_ANY_STOPWORD.__contains__, _LETTER_RUN.findall(text.lower()))]
    hits = {lang: sum(map(stop.__contains__, words)) for lang, stop in lexicon.LANGUAGE_STOPWORDS.items()}
    ranked = sorted(hits.items(), key=lambda kv: -kv[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    return best if top >= _MIN_HITS and top > second else None


def _main_script(text: str) -> str | None:
    """The Unicode script most letters of the text belong to (LATIN for anything not listed)."""
    scripts: dict[str, int] = {}
    for c in text:
        if c.isalpha():
            script = "LATIN" if c.isascii() else _script(c)  # (the quick test of most letters)
            scripts[script] = scripts.get(script, 0) + 1
    return max(scripts, key=lambda s: scripts[s]) if scripts else None


@functools.lru_cache(maxsize=4096)
def _script(letter: str) -> str:
    """The script of a letter, of those told apart (LATIN for any other); read once per letter."""
    name = unicodedata.name(letter, "")
    return next((s for s in _SCRIPTS if name.startswith(s)), "LATIN")


def language_changes(before: str, after: str) -> list[Change]:
    """The answer switched language or script ("language en → fr"); undecidable texts are not compared."""
    old = detect_language(before)
    new = detect_language(after) if old else None  # (an undecidable text is compared with nothing)
    if old and new and old != new:
        return [Change("language", "language", f"language {old} → {new}")]
    return []


# ---- refusal -------------------------------------------------------------------------------------

_DECLINED = (
    r"(?:help|assist|provide|share|answer|access|comply|do that|give|determine|summari[sz]e|create|write|generate"
    r"|(?:walk|talk|guide|take) you through)"
)
_UNABLE = r"(?:can(?:'t|’t|not| not)|unable|not able)"
# After an apology, the speaker's own inability ("I'm sorry, but I can't …") or an inability to do what is asked ("I'm
# sorry, we can't help with that"); "I'm sorry, we can't hold umbrellas for long: they are kept for 14 days" answers.
_REFUSAL = re.compile(
    r"\bas an ai\b"
    rf"|\bi(?:'m|’m|\s+am)\s+(?:sorry|afraid)\b[^.!?]{{0,40}}"
    rf"(?:\bi(?:'m|’m|\s+am)?\s+{_UNABLE}\b|\b{_UNABLE}\s+(?:to\s+)?{_DECLINED})"
    rf"|\bi(?:'m|’m|\s+am)\s+(?:unable|not able)\s+to\s+{_DECLINED}"
    rf"|\bi\s+(?:can(?:'t|’t|not| not)|won't|won’t|will not)\s+{_DECLINED}"
    r"|\bi\s+can\s+only\s+(?:help|assist|answer)",
    re.IGNORECASE,
)


# An answer that opens by declining in the first person, whatever the task ("I can't identify insects from photos.",
# "Sorry, I can't advise on dosing."), with no "but" or "however" going on to answer in that sentence ("I can't see
# your account, but you can check it in Settings"); "I can't stress enough …" and "I can't recommend it highly
# enough" are emphasis, not a refusal.
_DECLINING_OPENER = re.compile(
    r"\s*(?:(?:sorry|unfortunately|apologies)[,!.]?\s+)?"
    r"i(?:\s+|(?:'m|’m|\s+am)\s+)(?:can(?:'t|’t|not| not)|unable|not able|won(?:'t|’t) be able|will not be able)"
    r"\s+(?:to\s+)?(?!stress|emphasi[sz]e|overstate|wait|thank|believe)[^.!?\n]*",
    re.IGNORECASE,
)
_GOING_ON = re.compile(r"\b(?:but|however|though|although|enough)\b", re.IGNORECASE)


def is_refusal(text: str) -> bool:
    """The text declines the request ("I'm sorry, but I can't help with that", "As an AI, …"), or opens by declining
    a task in the first person ("I can't identify insects from photos. Please ask a beekeeper.")."""
    if _REFUSAL.search(text):
        return True
    opener = _DECLINING_OPENER.match(text)
    return opener is not None and not _GOING_ON.search(opener.group(0))


def refusal_changes(before: str, after: str) -> list[Change]:
    """The answer became a refusal, or a refusal became an answer."""
    old, new = is_refusal(before), is_refusal(after)
    if old == new:
        return []
    return [Change("refusal", "refusal", "refusal added" if new else "refusal removed")]


# ---- JSON ----------------------------------------------------------------------------------------

_FENCE = re.compile(r"^```(?:json)?\s*\n(?P<body>.*?)\n?```$", re.DOTALL)
# A string value this long is free text an LLM rewords on every sample: compare its meaning, not its letters.
_FREE_TEXT_WORDS = 4


def parse_json(text: str) -> tuple[bool, Any]:
    """(True, value) when the text is a JSON object or array, optionally inside a ``` fence."""
    body = text.strip()
    fenced = _FENCE.match(body)
    if fenced:
        body = fenced.group("body").strip()
    if not body.startswith(("{", "[")):
        return False, None
    try:
        return True, json.loads(body)
    except ValueError:
        return False, None


def json_changes(before: Any, after: Any) -> list[Change]:
    """A structured comparison of two JSON values (order of lists ignored), one readable line per change.

    A changed free-text string (four words or more on both sides) counts only when the text checks find a
    change in it ("summary: negation added: not include"), because a reworded summary is not a changed fact.
    """
    from deepdiff import DeepDiff

    diff = DeepDiff(before, after, ignore_order=True, verbose_level=2)
    changes: list[Change] = []
    for kind in ("values_changed", "type_changes"):
        for path, change in diff.get(kind, {}).items():
            where = _json_path(path)
            old, new = change["old_value"], change["new_value"]
            if _free_text(old) and _free_text(new):
                changes += [Change(c.kind, f"json:{where}", f"{where}: {c.detail}") for c in _prose_changes(old, new)]
                continue
            changes.append(Change("json", f"json:{where}", f"{where}: {old!r} → {new!r}"))
    for kind, verb in (
        ("dictionary_item_added", "added"),
        ("dictionary_item_removed", "removed"),
        ("iterable_item_added", "added"),
        ("iterable_item_removed", "removed"),
    ):
        for path, value in diff.get(kind, {}).items():
            where = _json_path(path)
            changes.append(Change("json", f"json:{where}", f"{where} {verb}: {value!r}"))
    return changes


def _free_text(value: Any) -> bool:
    return isinstance(value, str) and len(value.split()) >= _FREE_TEXT_WORDS


def _json_path(path: str) -> str:
    """`root['a'][0]['b']` → `a[0].b`; the root itself is `(root)`."""
    parts = re.findall(r"\[('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|\d+)\]", path)
    out = ""
    for part in parts:
        if part.isdigit():
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part[1:-1]
    return out or "(root)"


# ---- all together --------------------------------------------------------------------------------


def compare_texts(before: str, after: str) -> list[Change]:
    """Every change between two texts; when both are JSON only the structured comparison applies."""
    if before == after:
        return []  # a text has not changed from itself (drift compares many a sample with an identical one)
    before_is_json, before_value = parse_json(before)
    after_is_json, after_value = parse_json(after)
    if before_is_json and after_is_json:
        return json_changes(before_value, after_value)
    layout = format_changes(before, after)
    if before_is_json or after_is_json:
        return layout
    truncation = truncation_changes(before, after)
    prose = _prose_changes(before, after)
    if truncation:  # the sentences a cut lost are the truncation's, not a separate change
        prose = [c for c in prose if not (c.kind == "sentence" and c.detail.startswith("sentence removed"))]
    return [
        *layout,
        *language_changes(before, after),
        *refusal_changes(before, after),
        *prose,
        *label_changes(before, after),
        *truncation,
    ]


def _prose_changes(before: str, after: str) -> list[Change]:
    """Changes of fact in running text: numbers, times, claims that flipped polarity, dates, entities, names,
    conditions, alternatives, list items and whole sentences."""
    return [
        *number_changes(before, after),
        *(Change("number", "number", line) for line in named_unit_changes(before, after)),
        *(Change("number", "number", line) for line in named_currency_changes(before, after)),
        *time_changes(before, after),
        *polarity_changes(before, after),
        *answer_changes(before, after),
        *(Change("negation", "obligation", line) for line in obligation_changes(before, after)),
        *date_changes(before, after),
        *entity_changes(before, after),
        *(Change("entity", "entity:name", line) for line in name_changes(before, after)),
        *(Change("entity", "entity:value", line) for line in literal_changes(before, after)),
        *(Change("condition", "condition", line) for line in condition_changes(before, after)),
        *(Change("alternative", "alternative", line) for line in alternative_changes(before, after)),
        *(Change("list", "list", line) for line in list_item_changes(before, after)),
        *(Change("sentence", "sentence", line) for line in sentence_changes(before, after)),
        *(Change("order", "order", line) for line in order_changes(before, after)),
    ]
