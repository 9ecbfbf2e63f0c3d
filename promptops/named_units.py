"""Units a text names without an amount ("given in seconds", "measured in kilobytes"), which say what its numbers
count: "`max-age` is given in seconds" → "is given in milliseconds" changes every value the text reads by it."""

from __future__ import annotations

import re

from promptops import change_lexicon as lexicon
from promptops.quantities import parse_quantities

# The names of units after "in" or "into" with no amount before them: plural names and the plural short forms
# ("in seconds", "into mins"); a bare symbol ("in m", "in s") or the singular ("in time") names no unit.
_UNIT_NAMES = sorted((w for w in lexicon.UNITS if w.endswith("s") and len(w) > 3), key=len, reverse=True)
_NAMED = re.compile(r"\b(?:in|into)[ \t]+(" + "|".join(_UNIT_NAMES) + r")\b", re.IGNORECASE)


def named_unit_changes(before: str, after: str) -> list[str]:
    """ "unit seconds → milliseconds" when the unit one text names without an amount is another unit of the same
    dimension on the other side ("in seconds" → "in milliseconds"), and neither side says the other's unit at all;
    "in secs" against "in seconds" names the same unit."""
    if "in" not in before or "in" not in after:
        return []
    old, new = _named_units(before), _named_units(after)
    if not old or not new or old.keys() == new.keys():
        return []
    old_all, new_all = _all_units(before, old), _all_units(after, new)
    changes: list[str] = []
    for unit, word in old.items():
        if unit in new_all:
            continue
        came = [w for u, w in new.items() if u not in old_all and _dimension(u) == _dimension(unit)]
        if came:
            changes.append(f"unit {word} → {came[0]}")
    return changes


# A currency named without an amount after "in", "into" or "to" ("converted to US dollars", "paid in euros"): its
# name, with a country before "dollars", "pounds", "francs", "pesos" or "rupees" ("Canadian dollars", "Swiss francs").
_COUNTRY_CURRENCIES = "dollars|pounds|francs|pesos|rupees|krona|kronor|krone|kroner|dinars|rand"
_CURRENCIES = _COUNTRY_CURRENCIES + "|euros|yen|yuan|renminbi|sterling"
_NAMED_CURRENCY = re.compile(
    r"\b(?:in|into|to)[ \t]+(?:the[ \t]+)?((?:[A-Z][A-Za-z]*[ \t]+){0,2}(?:"
    + _COUNTRY_CURRENCIES
    + r")|euros|yen|yuan|renminbi|sterling)\b"
)
_CURRENCY_NOUN = re.compile(r"(?:" + _CURRENCIES + r")\b")
# Names of one currency: "US dollars" = "American dollars" = "USD".
_CURRENCY_ALIASES = {
    "american dollars": "us dollars",
    "u.s. dollars": "us dollars",
    "british pounds": "pounds sterling",
}


def named_currency_changes(before: str, after: str) -> list[str]:
    """ "currency US dollars → Canadian dollars" when the currency one text names without an amount ("converted to US
    dollars") is another currency on the other side ("converted to Canadian dollars"), and neither side names the
    other's at all: a currency named alone says what every amount paid or converted in it is worth. A name without
    its country ("dollars") is no other currency than one with it ("US dollars")."""
    if not _CURRENCY_NOUN.search(before) or not _CURRENCY_NOUN.search(after):
        return []
    old, new = _named_currencies(before), _named_currencies(after)
    if not old or not new:
        return []
    anywhere_before, anywhere_after = _named_currencies(before, anywhere=True), _named_currencies(after, anywhere=True)
    came = [w for n, w in new.items() if not any(_same_currency(n, o) for o in anywhere_before)]
    changes: list[str] = []
    for name, said in old.items():
        if any(_same_currency(name, other) for other in anywhere_after):
            continue
        if came:
            changes.append(f"currency {said} → {came[0]}")
    return changes


def _named_currencies(text: str, anywhere: bool = False) -> dict[str, str]:
    """The currencies the text names after "in", "into" or "to" (or `anywhere`): lower-cased name → as said."""
    if anywhere:
        found = [m.group(0) for m in _ANY_CURRENCY.finditer(text)]
    else:
        found = [m.group(1) for m in _NAMED_CURRENCY.finditer(text)]
    named: dict[str, str] = {}
    for said in found:
        name = " ".join(said.lower().split())
        named.setdefault(_CURRENCY_ALIASES.get(name, name), said)
    return named


_ANY_CURRENCY = re.compile(r"(?:\b[A-Z][A-Za-z.]*[ \t]+){0,2}\b(?:" + _CURRENCIES + r")\b")


def _same_currency(a: str, b: str) -> bool:
    """Two names of one currency: the same name, or one is the other's noun alone ("dollars" ~ "US dollars")."""
    return a == b or a.rpartition(" ")[2] == b or b.rpartition(" ")[2] == a


def _named_units(text: str) -> dict[str, str]:
    """The units the text names after "in" or "into" with no amount before them → the word that names each."""
    found: dict[str, str] = {}
    for m in _NAMED.finditer(text):
        word = m.group(1).lower()
        unit = lexicon.UNITS[word]
        if _dimension(unit):
            found.setdefault(unit, word)
    return found


def _all_units(text: str, named: dict[str, str]) -> set[str]:
    """Every unit the text says: named alone or after an amount ("600 seconds")."""
    return set(named) | {q.unit for q in parse_quantities(text) if q.unit}


def _dimension(unit: str) -> str:
    size = lexicon.UNIT_SIZES.get(unit)
    return size[0] if size else ""
