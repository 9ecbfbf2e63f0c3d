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
