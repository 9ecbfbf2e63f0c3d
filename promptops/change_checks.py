"""Cheap, explainable checks of what changed in meaning between two texts, where embeddings are blind.

Covered: numbers and quantities ("five" == "5", "1,000" == "1000", "5 percent" == "5%", "fifty-gigabyte"
== "50 GB", units and currencies; codes such as "4xx" or "x86" and inline `code` are not numbers), clock
times ("7:30 p.m." == "half past seven in the evening"), claims whose polarity flipped — by a negation
("includes" → "does not include") or by opposite words ("returns" → "raises", "allows" → "blocks",
"mutable" → "immutable", "in stock" → "out of stock") — named entities, codes and `code` identifiers
replaced by others or cut by "only", two names that swapped roles ("Maya owes Daniel" → "Daniel owes
Maya"), weekdays and months, the values of `key: value` labels, a truncated ending, the layout (JSON, list,
table, code, key-value lines, text), the language, a refusal, and a structured comparison when both texts
are JSON. Not covered: a negation whose head is a synonym of the other side's word ("skips" vs "won't run"
is, rightly, no flag; "covers" vs "doesn't pay for" is a missed one), swapped roles said in the passive
("Bob was paid by Alice"), lower-case nouns ("kettle" → "toaster"), a negation moved onto an elided verb
("covers A but not B" → "B isn't covered").
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

from promptops import change_lexicon as lexicon
from promptops.clock_times import ClockTime, find_clock_times

ChangeKind = Literal[
    "number",
    "time",
    "negation",
    "antonym",
    "entity",
    "date",
    "label",
    "json",
    "format",
    "truncation",
    "language",
    "refusal",
]


@dataclass(frozen=True)
class Change:
    """One detected change: its kind, a key naming what changed (for stability checks), a readable line."""

    kind: ChangeKind
    key: str
    detail: str

    def __str__(self) -> str:
        return self.detail


# ---- numbers -------------------------------------------------------------------------------------

_UNITS = lexicon.SMALL_NUMBERS
_TENS = lexicon.TENS
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER_WORDS = {**_UNITS, **_TENS, **_SCALES, "dozen": 12, "half": 0.5}
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "fifteenth": 15, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
# "one" is often a pronoun ("the one you bought", "one of them"); only count it as a quantity elsewhere.
_ONE_AS_PRONOUN_BEFORE = {"the", "this", "that", "which", "any", "each", "every", "no", "another", "a", "some"}
_ONE_AS_PRONOUN_AFTER = {"of", "another", "more"}
_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:(?P<pct>\s*%)|(?P<ord>st|nd|rd|th)\b)?"
    r"|(?P<word>[A-Za-z]+(?:-[A-Za-z]+)*)"
)
# "1. Open Settings" and "- 3 items": list markers at a line start are layout, not quantities.
_LIST_MARKER = re.compile(r"^[ \t]*(?:[-*•+]|\d{1,2}[.)])[ \t]+", re.MULTILINE)


def _format_number(value: float) -> str:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text or "0"


@dataclass(frozen=True)
class Quantity:
    """A number with what qualifies it: percent, ordinal, frequency, a currency before or after it, a unit after it.

    A frequency ("twice", "3 times") may carry its period as unit ("twice a day": 2× per day).
    """

    value: float
    percent: bool = False
    ordinal: bool = False
    currency: str | None = None
    unit: str | None = None
    spelled: bool = field(default=False, compare=False)
    frequency: bool = False

    @property
    def text(self) -> str:
        """The normalised number alone: `5`, `5%`, `#1` (ordinal), `2×` (frequency)."""
        number = _format_number(self.value)
        if self.ordinal:
            return f"#{number}"
        return number + ("%" if self.percent else "") + ("×" if self.frequency else "")

    @property
    def full(self) -> str:
        """The number with its currency and unit: `$75`, `30 minute`, `2× per day`."""
        if self.currency == "£" and self.unit == "lb":
            return f"{self.text} pound"  # money or mass: "2 pounds"
        unit = f" per {self.unit}" if self.frequency and self.unit else f" {self.unit}" if self.unit else ""
        return (self.currency or "") + self.text + unit

    @property
    def bare_count(self) -> bool:
        """A whole number with nothing qualifying it: "eight" may be a count, an hour or part of a code."""
        plain = not (self.unit or self.currency or self.percent or self.ordinal or self.frequency)
        return plain and float(self.value).is_integer()

    def matches(self, other: Quantity) -> bool:
        """Same amount, percent-ness and frequency-ness; currency and unit must agree only when both sides state one.

        Two units of one dimension agree when the amounts convert ("12 months" = "1 year", "5 miles" ≈ "8 km").
        "the 3rd" matches "3": dates are written both ways ("October 3–5" vs "the 3rd to the 5th").
        """
        if self.percent != other.percent or self.frequency != other.frequency:
            return False
        if not _agree(self.currency, other.currency):
            return False
        if self.unit and other.unit and self.unit != other.unit:
            return not self.frequency and _same_amount(self.value, self.unit, other.value, other.unit)
        return self.value == other.value


# A converted figure is rounded ("5 miles (8 km)", "1 kg (2.2 lb)"); amounts in other units agree within this.
_CONVERSION_TOLERANCE = 0.03
# Temperatures agree within this many °C ("180°C" ~ "350°F" = 176.7°C; "180°C" vs "375°F" = 190.6°C differs).
_TEMPERATURE_TOLERANCE = 5.0


def _same_amount(a: float, unit_a: str, b: float, unit_b: str) -> bool:
    """Two amounts in two units of the same dimension are the same, up to the rounding of a conversion."""
    dim_a, dim_b = lexicon.UNIT_SIZES.get(unit_a), lexicon.UNIT_SIZES.get(unit_b)
    if dim_a is None or dim_b is None or dim_a[0] != dim_b[0]:
        return False
    if dim_a[0] == "temperature":
        return abs(_celsius(a, unit_a) - _celsius(b, unit_b)) <= _TEMPERATURE_TOLERANCE
    bases = [(a * dim_a[1], b * dim_b[1])]
    if dim_a[0] == "data":  # 1 GB is 1000 MB or 1024 MB
        bases.append((a * 1024 ** _DATA_POWER[unit_a], b * 1024 ** _DATA_POWER[unit_b]))
    return any(abs(x - y) <= _CONVERSION_TOLERANCE * max(abs(x), abs(y)) for x, y in bases)


_DATA_POWER = {"KB": 1, "MB": 2, "GB": 3, "TB": 4}


def _celsius(value: float, unit: str) -> float:
    if unit == "°F":
        return (value - 32) * 5 / 9
    return value - 273.15 if unit == "K" else value


def _agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def extract_numbers(text: str) -> list[str]:
    """Every number in the text, normalised: digits, number words, thousands separators, percentages, ordinals.

    Ordinals become `#n` ("1st" and "the first" are both `#1`); an ordinal word counts only after "the",
    because "First, open the settings" is not a quantity.
    """
    return [q.text for q in extract_quantities(text)]


def extract_quantities(text: str) -> list[Quantity]:
    """Every number in the text with its qualifiers ("$1.5 million" → 1500000 in $, "2-year" → 2 year).

    Clock times, inline `code` and codes glued to letters ("4xx", "x86", "3D") are not read as numbers.
    """
    return list(_quantities(text))


# Each text is read by several checks and compared with every sample of the other run: parse it once.
_PARSE_CACHE = 4096


@functools.lru_cache(maxsize=_PARSE_CACHE)
def _quantities(text: str) -> tuple[Quantity, ...]:
    text = _prose_only(_LIST_MARKER.sub("", text))
    tokens = list(_TOKEN.finditer(text))
    found: list[Quantity] = []
    i = 0
    while i < len(tokens):
        spelled = False
        m = tokens[i]
        word = (m.group("word") or "").lower()
        if m.group("num"):
            value = float(m.group("num").replace(",", ""))
            if m.group("ord"):
                found.append(Quantity(value, ordinal=True))
                i += 1
                continue
            consumed = 1
            if _adjacent(tokens, i + 1) and (tokens[i + 1].group("word") or "").lower() in _SCALES:
                value *= _SCALES[tokens[i + 1].group("word").lower()]  # "1.5 million"
                consumed = 2
            percent = bool(m.group("pct")) or _is_percent_word(tokens, i + consumed)
        elif word in _ORDINAL_WORDS and i > 0 and (tokens[i - 1].group("word") or "").lower() == "the":
            found.append(Quantity(_ORDINAL_WORDS[word], ordinal=True))
            i += 1
            continue
        elif word in lexicon.FREQUENCY_WORDS:
            period = _frequency_period(tokens, i + 1)
            if word != "once" or period[1]:
                found.append(Quantity(lexicon.FREQUENCY_WORDS[word], unit=period[0], spelled=True, frequency=True))
            i += 1 + period[1]
            continue
        elif word in ("a", "an", "half") and (duration := _article_duration(tokens, i)):
            found.append(duration[0])
            i += duration[1]
            continue
        elif (compound := _compound_number(word)) is not None:
            found.append(compound)
            i += 1
            continue
        else:
            value, consumed = _number_phrase(tokens, i)
            if not consumed or _pronoun_one(tokens, i, consumed):
                i += max(consumed, 1)
                continue
            percent = _is_percent_word(tokens, i + consumed)
            spelled = True
        j = i + consumed
        after = (tokens[j].group("word") or "").lower() if _adjacent(tokens, j) else ""
        if after in ("times", "time"):  # "3 times a day": a frequency
            period = _frequency_period(tokens, j + 1)
            found.append(Quantity(value, unit=period[0], spelled=spelled, frequency=True))
            i = j + 1 + period[1]
            continue
        before = text[: m.start()].rstrip()[-3:]
        currency = next((c for s, c in lexicon.CURRENCY_SYMBOLS.items() if before.endswith(s)), None)
        currency = currency or lexicon.CURRENCY_WORDS.get(after) or _currency_code_before(tokens, i)
        unit = None if percent else _unit_after(tokens, j)
        found.append(Quantity(value, percent=percent, currency=currency, unit=unit, spelled=spelled))
        i += consumed
    return tuple(found)


def _prose_only(text: str) -> str:
    """The text with clock times, inline `code` and glued codes ("4xx", "IPv6") blanked out, positions kept."""
    spans = [(t.start, t.end) for t in find_clock_times(text)]
    spans += [m.span() for m in _CODE_SPAN.finditer(text)]
    spans += [m.span() for m in _GLUED.finditer(text) if _is_code(m.group(0))]
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


# A run of letters and digits glued together: "4xx", "x86", "IPv6", "10km", "2nd", "v2".
_GLUED = re.compile(r"(?<![\w.])(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]+(?!\w)")
_NUMBER_THEN_LETTERS = re.compile(r"\d+([A-Za-z]+)")
_LETTERS_THEN_NUMBER = re.compile(r"([A-Za-z]+)\d+")
# "4xx", "5XX": a class of status codes, which covers every number in it ("404", "503")
_NUMBER_CLASS = re.compile(r"(?<![\w.])(?P<lead>\d+)(?P<wild>[xX]+)(?!\w)")


def _is_code(glued: str) -> bool:
    """A glued run of letters and digits that names something ("4xx", "3D", "2FA", "x86", "mp3"), not an amount.

    An amount keeps its ordinal, decade, scale, multiplier or unit letters ("2nd", "1990s", "10k", "3x", "5km"),
    and "v2" is version 2.
    """
    suffix = _NUMBER_THEN_LETTERS.fullmatch(glued)
    if suffix is not None:
        letters = suffix.group(1)
        return not (
            letters in lexicon.NUMBER_SUFFIXES or letters in lexicon.CASED_UNITS or letters.lower() in lexicon.UNITS
        )
    prefix = _LETTERS_THEN_NUMBER.fullmatch(glued)
    return prefix is None or prefix.group(1) not in lexicon.VERSION_PREFIXES


def extract_codes(text: str) -> list[str]:
    """Codes glued from letters and digits ("4xx", "x86", "IPv6", "H2O"): names, compared as entities."""
    return list(dict.fromkeys(m.group(0) for m in _GLUED.finditer(text) if _is_code(m.group(0))))


def _compound_number(word: str) -> Quantity | None:
    """A spelled number joined to what it counts: "fifty-gigabyte" (50 GB), "two-hour", "three-person" (3).

    "half" counts only before a unit ("a half-hour call", not "a half-price ticket").
    """
    parts = word.split("-")
    count = next((k for k, part in enumerate(parts) if part not in _NUMBER_WORDS), len(parts))
    if count == 0 or count == len(parts):
        return None
    rest = parts[count]
    unit = lexicon.UNITS.get(rest) if len(rest) > 2 else None
    if parts[:count] == ["half"] and unit is None:
        return None
    value = _spelled_value(parts[:count])
    if rest == "percent":
        return Quantity(value, percent=True, spelled=True)
    return Quantity(value, currency=lexicon.CURRENCY_WORDS.get(rest), unit=unit, spelled=True)


def _said_otherwise(q: Quantity, other: str) -> bool:
    """The other side says the number in a form the number check does not read as one.

    Inside inline code (`timeout=30` for "30 seconds") or a code ("Q3" for "the third quarter", "2FA" for
    "two-factor"), inside a class of codes ("404" in "4xx"), or as the hour of a clock time ("eight" for
    "8 p.m.": a bare hour is a count or a time).
    """
    coded = [*_CODE_SPAN.findall(other), *extract_codes(other)]
    if any(q.value == float(n) for code in coded for n in re.findall(r"\d+(?:\.\d+)?", code)):
        return True
    if not q.bare_count:
        return False
    for m in _NUMBER_CLASS.finditer(other):
        scale = 10 ** len(m.group("wild"))
        if int(m.group("lead")) * scale <= q.value < (int(m.group("lead")) + 1) * scale:
            return True
    return any(int(q.value) in t.hours for t in find_clock_times(other))


# "220°C", "220 ° F", "220 degrees Celsius", "300 degrees" (no scale: unstated); "8 fl oz".
_DEGREES = re.compile(
    r"[ \t]*(?:°|º|degrees?\b)[ \t]*(?:(?P<c>celsius|centigrade|c)|(?P<f>fahrenheit|f)|(?P<k>kelvin|k))?(?![A-Za-z])",
    re.IGNORECASE,
)
_FLUID_OUNCES = re.compile(r"[ \t]*-?[ \t]*(?:fl\.?[ \t]*oz|fluid[ \t]+ounces?)\b", re.IGNORECASE)


def _unit_after(tokens: list[re.Match[str]], j: int) -> str | None:
    """The unit written after the number that ends just before token `j`, if any."""
    text, end = tokens[j - 1].string, tokens[j - 1].end()
    degrees = _DEGREES.match(text, end)
    if degrees:
        return "°C" if degrees.group("c") else "°F" if degrees.group("f") else "K" if degrees.group("k") else None
    if _FLUID_OUNCES.match(text, end):
        return "fl oz"
    if not _adjacent(tokens, j) or not tokens[j].group("word"):
        return None
    word = tokens[j].group("word").split("-")[0]
    attached = tokens[j].start() == end
    if word in lexicon.CASED_UNITS:
        if (word == "K" and attached) or (word == "s" and attached and tokens[j - 1].group(0).endswith("0")):
            return None  # "5K" is five thousand; "the 1990s" is a decade
        return lexicon.CASED_UNITS[word]
    if word.lower() in lexicon.CASED_UNITS:
        return None  # "$5M", "5G"
    unit = lexicon.UNITS.get(word.lower())
    if unit == "in" and word.lower() == "in" and not _inches(tokens, j):
        return None
    return unit


def _inches(tokens: list[re.Match[str]], j: int) -> bool:
    """ "12 in" is inches at the end, before punctuation or before "x"/"long"; "1 in 10" is a preposition."""
    if j + 1 >= len(tokens):
        return True
    gap = tokens[j].string[tokens[j].end() : tokens[j + 1].start()]
    following = (tokens[j + 1].group("word") or "").lower()
    return bool(gap.strip()) or following in lexicon.INCH_FOLLOWERS


def _frequency_period(tokens: list[re.Match[str]], j: int) -> tuple[str | None, int]:
    """The period after a frequency and how many tokens it takes: "a day" → (day, 2), "weekly" → (week, 1)."""
    if not _adjacent(tokens, j):
        return None, 0
    word = (tokens[j].group("word") or "").lower()
    if word in lexicon.FREQUENCY_PERIODS:
        return lexicon.FREQUENCY_PERIODS[word], 1
    if word in lexicon.RATE_WORDS and _adjacent(tokens, j + 1):
        unit = lexicon.UNITS.get((tokens[j + 1].group("word") or "").lower())
        if unit in _TIME_UNITS:
            return unit, 2
    return None, 0


_TIME_UNITS = frozenset(u for u, (dim, _) in lexicon.UNIT_SIZES.items() if dim == "time")


def _article_duration(tokens: list[re.Match[str]], i: int) -> tuple[Quantity, int] | None:
    """ "a year", "an hour", "a fortnight", "half an hour": a duration of one (or half a) unit.

    Not a rate: "$5 a month", "3 times a day", "twice a week", "three days a week" say how often.
    """
    value, j = 1.0, i + 1
    if (tokens[i].group("word") or "").lower() == "half":
        if not (_adjacent(tokens, j) and (tokens[j].group("word") or "").lower() in ("a", "an")):
            return None
        value, j = 0.5, j + 1
    elif i > 0 and (tokens[i - 1].group("num") or (tokens[i - 1].group("word") or "").lower() in _RATE_BEFORE):
        return None
    elif i > 1 and (tokens[i - 2].group("num") or (tokens[i - 2].group("word") or "").lower() in _NUMBER_WORDS):
        return None  # "three days a week", "2 tablets a day": a count per period
    if not _adjacent(tokens, j):
        return None
    unit = lexicon.UNITS.get((tokens[j].group("word") or "").lower())
    if unit not in _TIME_UNITS or tokens[j].group("word").lower() in ("s", "h", "min", "sec", "ms", "hr"):
        return None
    return Quantity(value, unit=unit, spelled=True), j + 1 - i


_RATE_BEFORE = frozenset({"times", "time", *_NUMBER_WORDS, *lexicon.FREQUENCY_WORDS})


def _adjacent(tokens: list[re.Match[str]], i: int) -> bool:
    """Token `i` follows token `i - 1` with only spaces or a hyphen between ("2-year", "5 days")."""
    return 0 < i < len(tokens) and tokens[i].string[tokens[i - 1].end() : tokens[i].start()].strip(" -") == ""


def _currency_code_before(tokens: list[re.Match[str]], i: int) -> str | None:
    if i > 0 and _adjacent(tokens, i) and tokens[i - 1].group("word"):
        word = tokens[i - 1].group("word")
        if word.isupper():
            return lexicon.CURRENCY_WORDS.get(word.lower())
    return None


def number_changes(before: str, after: str) -> list[Change]:
    """Numbers on one side only: "number 5 → 30", "number $75 → €75", "number 30 removed", "number 30 added"."""
    old, new = _quantities(before), _quantities(after)
    removed = [q for q in old if not any(q.matches(n) for n in new) and not _said_otherwise(q, after)]
    added = [q for q in new if not any(q.matches(o) for o in old) and not _said_otherwise(q, before)]
    removed = list({q.full: q for q in removed}.values())
    added = list({q.full: q for q in added}.values())
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
    return changes


def _article_one(q: Quantity, own: str, other: str) -> bool:
    """A spelled-out "one" with no counterpart says what "a"/"an"/"the same" says ("one licence", "at least one digit").

    It is a count only when the other side quantifies as many ("all devices" → "one device").
    """
    if not (q.spelled and q.value == 1 and not q.percent and not q.ordinal):
        return False
    many = set(_LOWER_WORD.findall(other.lower())) - set(_LOWER_WORD.findall(own.lower()))
    return not (many & lexicon.PLURAL_QUANTIFIERS)


_LOWER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def _shown(q: Quantity) -> str:
    return (q.currency or "") + q.text


def _is_percent_word(tokens: list[re.Match[str]], i: int) -> bool:
    if i < len(tokens) and (tokens[i].group("word") or "").lower() in ("percent", "per"):
        return tokens[i].group("word").lower() == "percent" or (
            i + 1 < len(tokens) and (tokens[i + 1].group("word") or "").lower() == "cent"
        )
    return False


def _number_phrase(tokens: list[re.Match[str]], start: int) -> tuple[float, int]:
    """Parse number words from `start` ("twenty-five", "two hundred", "a dozen" is not counted)."""
    total = 0.0
    current = 0.0
    consumed = 0
    previous: re.Match[str] | None = None
    for m in tokens[start:]:
        if previous is not None and m.string[previous.end() : m.start()].strip():
            break  # punctuation between words ends the phrase: "twenty, two" is two numbers
        previous = m
        word = (m.group("word") or "").lower()
        parts = word.split("-")
        if not word or not all(p in _NUMBER_WORDS for p in parts):
            # "and" inside "two hundred and five" keeps the phrase going
            if word == "and" and consumed and current >= 100:
                consumed += 1
                continue
            break
        if not _continues(current, parts[0]) and consumed:
            break
        for part in parts:
            total, current = _add_number_word(total, current, part)
        consumed += 1
    if consumed and (tokens[start + consumed - 1].group("word") or "").lower() == "and":
        consumed -= 1
    return total + current, consumed


def _add_number_word(total: float, current: float, word: str) -> tuple[float, float]:
    """One more word of a spelled number: "two" + "hundred" multiplies, "twenty" + "five" adds."""
    value = _NUMBER_WORDS[word]
    if word not in _SCALES:
        return total, current + value
    current = max(current, 1) * value
    return (total + current, 0.0) if value >= 1_000 else (total, current)


def _spelled_value(words: list[str]) -> float:
    """The value of number words ("twenty", "five" → 25)."""
    total = current = 0.0
    for word in words:
        total, current = _add_number_word(total, current, word)
    return total + current


def _continues(current: float, word: str) -> bool:
    """Whether `word` can extend a number phrase worth `current` ("twenty" + "five" yes, "two" + "three" no)."""
    if word in _SCALES:
        return True
    if current % 100 == 0:
        return True
    return word in _UNITS and current % 10 == 0 and current % 100 >= 20


def _pronoun_one(tokens: list[re.Match[str]], start: int, consumed: int) -> bool:
    if consumed != 1 or (tokens[start].group("word") or "").lower() != "one":
        return False
    before = (tokens[start - 1].group("word") or "").lower() if start > 0 else ""
    after = (tokens[start + 1].group("word") or "").lower() if start + 1 < len(tokens) else ""
    return before in _ONE_AS_PRONOUN_BEFORE or after in _ONE_AS_PRONOUN_AFTER or after == ""


# ---- clock times ---------------------------------------------------------------------------------


def time_changes(before: str, after: str) -> list[Change]:
    """Clock times on one side only: "time 7:30 pm → 8:00 pm", "time 9:00 am removed".

    Times are compared as times of day ("7:30 p.m." = "half past seven in the evening" = "19:30"); a side that
    does not say am or pm agrees with either, and a bare hour on the other side ("at eight") agrees with a time
    on the hour ("8 p.m.").
    """
    old, new = find_clock_times(before), find_clock_times(after)
    removed = _unmatched(old, new, after)
    added = _unmatched(new, old, before)
    changes = [Change("time", "time", f"time {a} → {b}") for a, b in zip(removed, added, strict=False)]
    changes += [Change("time", "time", f"time {a} removed") for a in removed[len(added) :]]
    changes += [Change("time", "time", f"time {b} added") for b in added[len(removed) :]]
    return changes


def _unmatched(times: list[ClockTime], others: list[ClockTime], other_text: str) -> list[str]:
    """The times with no counterpart among `others` nor as a bare hour in `other_text`, as text, once each."""
    unmatched = [t for t in times if not any(t.matches(o) for o in others)]
    if unmatched:
        hours = {int(q.value) for q in _quantities(other_text) if q.bare_count}
        unmatched = [t for t in unmatched if not hours.intersection(t.hours)]
    return list(dict.fromkeys(t.text for t in unmatched))


# ---- negation and antonyms: the polarity of claims ----------------------------------------------

_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nothing|nobody|neither|nor|cannot|without|unable)\b|\b\w+n['’]t\b",
    re.IGNORECASE,
)


def negation_cues(text: str) -> list[str]:
    """The negation words in a text, lower-cased, in order ("not", "never", "can't", ...).

    A capitalised "None" inside a sentence is Python's value, not a negation.
    """
    return [
        m.group(0).lower().replace("’", "'")
        for m in _NEGATION.finditer(text)
        if not (m.group(0) == "None" and not _at_sentence_start(text, m.start()))
    ]


@dataclass(frozen=True)
class Claim:
    """What a text asserts about one concept: positively or negatively, and in which words.

    The concept is a crude stem ("requir" for "require", "requires") or, for an antonym pair of the
    lexicon, the stem of its first word ("succeeded" and "failed" are both about "succeed").
    """

    concept: str
    positive: bool
    words: str
    negated: bool = False
    # a claim that can agree with the other side but never flips against it ("keep it out of the dryer")
    soft: bool = False
    # made inside a condition ("if you want an exception"): flips only against another hypothetical claim
    hypothetical: bool = False
    # the word after "than" when the claim compares ("faster than Ruby"): "Ruby is slower than Python" says the same
    than: str = ""


# Words, contractions ("doesn't"), hyphenated compounds ("thread-safe"), identifiers (`raise_for_status` is one
# word, and says nothing about raising), and punctuation that ends a clause.
_CLAIM_TOKEN = re.compile(r"[A-Za-z]\w*(?:['’][A-Za-z]+)*(?:-[A-Za-z]+)*|[.,;:!?()\[\]\n—–]|(?<=\s)-(?=\s)")
# A question asserts nothing: "Is there anything else I can help with?" is no claim that I can help.
_QUESTION = re.compile(r"(?:^|(?<=[.!?\n]))[^.!?\n]*\?")
# Pronouns a negation may stop at: "slow without it" negates whatever "it" refers to, which is not known.
_PRONOUNS = frozenset(["it", "them", "this", "that", "these", "those"])


def _stem(word: str) -> str:
    """A crude English stem so that inflections meet: "requires"/"require" → "requir", "shipped" → "ship"."""
    w = word.lower()
    if w.endswith("eed"):
        w = w[:-1]  # "speed", "agreed", "need": the "-ed" is part of the word (or only its "d" is a suffix)
    else:
        for suffix in ("ing", "ed", "es", "s"):
            if w.endswith(suffix) and not w.endswith("ss") and len(w) - len(suffix) >= 2:
                w = w[: -len(suffix)]
                break
        if w.endswith("eed"):
            w = w[:-1]  # "speeds", "needing"
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # shipp → ship, but pass and fall keep their double letter
    return w[:-1] if len(w) > 2 and w.endswith("e") else w


def _build_antonym_index() -> dict[str, tuple[tuple[str, bool], ...]]:
    """Every antonym-lexicon word → the (concept, polarity) pairs it asserts ("fails" → succeed −, pass −)."""
    index: dict[str, list[tuple[str, bool]]] = {}
    for left, right in lexicon.ANTONYMS:
        concept = "~" + _stem(min(left, key=lambda w: (len(w), w)))
        for words, positive in ((left, True), (right, False)):
            for word in words:
                index.setdefault(word, []).append((concept, positive))
    return {word: tuple(dict.fromkeys(pairs)) for word, pairs in index.items()}


_ANTONYM_INDEX = _build_antonym_index()


def _word_concepts(word: str) -> list[tuple[str, bool]]:
    """The concepts one word asserts, positively unless it is an antonym's negative side or a negated prefix form.

    A word with a negating prefix asserts its own stem and the opposite of the word without the prefix
    ("unavailable" = available −), when that word is long enough not to be an accident ("information").
    """
    if word in _ANTONYM_INDEX:
        return list(_ANTONYM_INDEX[word])
    concepts = [(_stem(word), True)]
    for prefix in lexicon.NEGATING_PREFIXES:
        rest = word.removeprefix(prefix)
        if rest != word and len(rest) >= lexicon.MIN_STEM:
            concepts += [(concept, not positive) for concept, positive in _word_concepts(rest)]
            break
    return concepts


def extract_claims(text: str) -> list[Claim]:
    """The polarity of every claim in a text ("not allowed" → allow −, "failed" → succeed −, "yes" → answer +).

    A negation word negates the next content word of its clause (skipping auxiliaries and articles:
    "does not include" → include −, "no longer ships" → ship −, "unable to access" → access −), not the
    whole text, so a rewording that says "is not present" for "is missing" asserts the same thing. "no" and
    "without" negate the noun phrase they open ("no further charges": charges −), and a verb whose object is
    denied ("raises no exception") is softly negated with it. The rest of a negated clause, before and after
    the negation, is softly negated ("won't be charged a fee": fee −, soft; "refunds aren't available":
    refunds −, soft), so it agrees with "no fee" or "no refunds" but never flips against "a fee". A
    verb whose "to"-complement is denied works the same ("fails to start" = "doesn't start"). A bare "No,"
    answers a question. Particles pair up around the same anchor word: "in stock" / "out of stock", "turn on"
    / "turn off", "log in" / "log out". Questions are left out: they assert nothing; claims inside a condition
    ("if you want one") are hypothetical. A negated pronoun ("slow without it") is a claim about an unknown
    concept.
    """
    text = _IN_ADVANCE.sub("beforehand", _QUESTION.sub(".", text))
    tokens = [t.group(0).replace("’", "'") for t in _CLAIM_TOKEN.finditer(text)]
    lower = [t.lower() for t in tokens]
    hypothetical = _hypothetical(lower)
    claims_at: dict[int, list[Claim]] = {}
    skip: set[int] = set()
    clause_start = 0
    for i, word in enumerate(lower):
        if not word[0].isalpha() or word in lexicon.CLAUSE_CONJUNCTIONS:
            clause_start = i + 1
        if i in skip or not word[0].isalpha():
            continue
        found = _claims_at(tokens, lower, i, skip)
        if any(c.negated and not c.soft for c in found):
            # the subject of a negated clause is part of what is denied: "refunds aren't available" = "no refunds"
            for j in range(max(clause_start, i - _MAX_REACH), i):
                claims_at[j] = [_softly_negated(c) for c in claims_at.get(j, [])]
        claims_at[i] = [dataclasses.replace(c, hypothetical=True) for c in found] if hypothetical[i] else found
    return [c for i in sorted(claims_at) for c in claims_at[i]]


def _softly_negated(claim: Claim) -> Claim:
    """A positive claim inside a negated clause: it may agree with a negation, never flip against a claim."""
    if claim.negated or claim.soft or claim.concept == "answer":
        return claim
    return dataclasses.replace(claim, positive=not claim.positive, negated=True, soft=True)


def _claims_at(tokens: list[str], lower: list[str], i: int, skip: set[int]) -> list[Claim]:
    """The claims the word at `i` makes; words it settles (a negated head, a particle) are added to `skip`."""
    word = lower[i]
    if _bound(lower, i):
        # "no later than", "not more than": a bound, not a negation; a comparative with an antonym in the
        # lexicon keeps its side ("no more than 5" is on the "less" side, against "more than 5")
        skip.update((i + 1, i + 2))
        said = f"{word} {lower[i + 1]} than"
        return [Claim(c, not p, said) for c, p in _word_concepts(lower[i + 1]) if c.startswith("~")]
    if _negates(tokens, i):
        return _negation_claims(lower, i, skip)
    claims: list[Claim] = []
    kept_from = _kept_away_from(lower, i)
    if kept_from is not None:
        # "keep it out of the dryer": a negative instruction about the dryer, as "do not tumble dry" is
        skip.add(kept_from)
        said = f"{word} {lower[i + 1]} {lower[kept_from]}"
        claims += [Claim(c, not p, said, negated=True, soft=True) for c, p in _word_concepts(lower[kept_from])]
    if word in lexicon.PRIVATIVE_VERBS and i + 2 < len(lower) and lower[i + 1] == "to":
        skip.add(i + 2)  # "fails to start": start −
        said = f"{word} to {lower[i + 2]}"
        claims += [Claim(c, not p, said, negated=True) for c, p in _word_concepts(lower[i + 2])]
    if word == "yes":
        return [*claims, Claim("answer", True, word)]
    if i + 1 < len(tokens) and _negates(tokens, i + 1) and _denies_object(lower, i):
        # "raises no exception" says "doesn't raise an exception"; soft, as "means no refunds" denies no meaning
        said = _negation_said(lower, i + 1)
        return [*claims, *(Claim(c, not p, said, negated=True, soft=True) for c, p in _word_concepts(word))]
    claims += _particle_claims(lower, i)
    than = lower[i + 2] if i + 2 < len(lower) and lower[i + 1] == "than" else ""
    claims += [Claim(c, p, word, than=than) for c, p in _word_concepts(word)]
    return claims


def _negation_claims(lower: list[str], i: int, skip: set[int]) -> list[Claim]:
    """The claims a negation word at `i` makes: its head (or noun phrase) negated, the rest of its clause softly."""
    word = lower[i]
    head = _negated_head(lower, i)
    if head is None:
        if word == "no" and (i == 0 or not lower[i - 1][0].isalpha()):
            return [Claim("answer", False, word, negated=True)]
        if i + 1 < len(lower) and lower[i + 1] in _PRONOUNS:
            return [Claim(_UNKNOWN, False, f"{word} {lower[i + 1]}", negated=True)]
        return []
    phrase = _negated_phrase(lower, i, head)
    said = _negation_said(lower, i)
    skip.update(phrase)
    # "no fixed start date" denies a date (and a fixed one); "start" only describes it, so it is negated softly
    claims = [
        Claim(c, not p, said, negated=True, soft=j not in (phrase[0], phrase[-1]))
        for j in phrase
        for c, p in _word_concepts(lower[j])
    ]
    last = phrase[-1]
    if last + 1 < len(lower) and lower[last + 1] in lexicon.VERB_PARTICLES:
        # "does not speed up": the phrasal verb is negated with its verb, not asserted by its particle
        last += 1
        skip.add(last)
        if lower[last] in lexicon.PARTICLES:
            axis, positive = lexicon.PARTICLES[lower[last]]
            claims.append(Claim(f"{_stem(lower[head])}~{axis}", not positive, said, negated=True))
    for j in _negated_reach(lower, last + 1):
        skip.add(j)
        claims += [Claim(c, not p, said, negated=True, soft=True) for c, p in _word_concepts(lower[j])]
    return claims


# A negated noun phrase is at most this many words ("no further charges"); a negation reaches this far into
# its clause, before it (the subject: "refunds aren't available") and after it (the object: "charged a fee").
_MAX_PHRASE = 3
_MAX_REACH = 6


def _negated_phrase(lower: list[str], i: int, head: int) -> list[int]:
    """The words a negation negates outright: its head, or for "no"/"without" the noun phrase it opens."""
    phrase = [head]
    if lower[i] not in lexicon.PHRASE_NEGATORS:
        return phrase
    for j in range(head + 1, min(len(lower), head + _MAX_PHRASE)):
        if not _content_word(lower[j]) or lower[j] in lexicon.VERB_PARTICLES:
            break
        phrase.append(j)
    return phrase


def _negated_reach(lower: list[str], start: int) -> list[int]:
    """The content words after a negated head up to the end of its clause ("won't be charged a fee": fee)."""
    reach: list[int] = []
    for j in range(start, min(len(lower), start + _MAX_REACH)):
        word = lower[j]
        if not word[0].isalpha() or word in lexicon.CLAUSE_CONJUNCTIONS:
            break
        if word in lexicon.NEGATION_WORDS or word.endswith("n't"):
            break  # another negation makes its own claims
        if _content_word(word):
            reach.append(j)
    return reach


def _negation_said(lower: list[str], i: int) -> str:
    """How a negation at `i` reads in a change: "not include", "no further charges", "requires no setup"."""
    head = _negated_head(lower, i)
    if head is None:
        return lower[i]
    verb = [lower[i - 1]] if lower[i] == "no" and i > 0 and _denies_object(lower, i - 1) else []
    return " ".join([*verb, lower[i], *(lower[j] for j in _negated_phrase(lower, i, head))])


def _denies_object(lower: list[str], i: int) -> bool:
    """The word at `i` is a verb whose object is denied by the "no" after it ("raises no exception")."""
    if i + 2 >= len(lower) or lower[i + 1] != "no" or "'" in lower[i] or not _content_word(lower[i]):
        return False
    return lower[i] not in _PRONOUNS and _content_word(lower[i + 2]) and not _bound(lower, i + 1)


def _content_word(word: str) -> bool:
    """A word that says something: not a function word, auxiliary, pronoun or a word a negation skips."""
    return (
        word[0].isalpha()
        and word not in lexicon.FUNCTION_WORDS
        and word not in lexicon.AUXILIARIES
        and word not in lexicon.NEGATION_SKIP
        and word not in lexicon.NEGATION_WORDS
        and word not in _STOPWORDS
    )


def _hypothetical(lower: list[str]) -> list[bool]:
    """For each token: inside a condition ("if …", "unless …", "whether …") up to the end of its clause."""
    inside, flags = False, []
    for word in lower:
        if not word[0].isalpha() or word == "then":
            inside = False
        elif word in lexicon.CONDITIONALS:
            inside = True
        flags.append(inside)
    return flags


# "in advance" says "beforehand": "24 hours in advance" = "24 hours before".
_IN_ADVANCE = re.compile(r"\bin advance\b", re.IGNORECASE)
_KEEP_REACH = 4


def _bound(lower: list[str], i: int) -> bool:
    """ "no later than", "not more than", "no fewer than": a negation word opening a comparison (a bound)."""
    return (
        lower[i] in ("no", "not")
        and i + 2 < len(lower)
        and lower[i + 1] in lexicon.BOUND_COMPARATIVES
        and lower[i + 2] == "than"
    )


def _kept_away_from(lower: list[str], i: int) -> int | None:
    """For "out" of "keep it out of the dryer" (or "away" of "store away from heat"): the index of "dryer"."""
    bridge = lexicon.KEEP_AWAY.get(lower[i])
    if bridge is None or i + 1 >= len(lower) or lower[i + 1] != bridge:
        return None
    for j in range(i - 1, max(-1, i - 1 - _KEEP_REACH), -1):
        if not lower[j][0].isalpha():
            return None
        if lower[j] in lexicon.KEEP_AWAY_VERBS:
            return _negated_head(lower, i + 1)
    return None


def _negates(tokens: list[str], i: int) -> bool:
    """Token `i` is a negation word that negates something ("not only" and Python's `None` do not)."""
    word = tokens[i].lower()
    if not (word in lexicon.NEGATION_WORDS or word.endswith("n't")):
        return False
    if word == "none" and tokens[i] == "None" and i > 0 and tokens[i - 1][0].isalpha():
        return False  # "returns None": the value, mid-sentence and capitalised
    following = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
    return following not in lexicon.NOT_NEGATING_AFTER


_MAX_NEGATION_REACH = 4
_UNKNOWN = "?"


def _negated_head(lower: list[str], i: int) -> int | None:
    """The index of the word a negation at `i` negates: the next content word of the same clause."""
    for j in range(i + 1, min(len(lower), i + 1 + _MAX_NEGATION_REACH)):
        word = lower[j]
        if not word[0].isalpha():
            return None
        if word not in lexicon.NEGATION_SKIP:
            return j
    return None


# A particle's anchor is a verb or noun: "is in stock" pairs "in" with "stock", not with "is".
_NO_ANCHOR = lexicon.FUNCTION_WORDS | lexicon.AUXILIARIES | lexicon.NEGATION_SKIP


def _particle_claims(lower: list[str], i: int) -> list[Claim]:
    """Opposite particles around one anchor: "turn off" (turn~on −), "out of stock" (in~stock −)."""
    word = lower[i]
    claims: list[Claim] = []
    if word in lexicon.PARTICLES:
        axis, positive = lexicon.PARTICLES[word]
        anchor = i - 1
        if anchor >= 0 and lower[anchor] in _PRONOUNS:
            anchor -= 1  # "turn it off"
        if anchor >= 0 and lower[anchor][0].isalpha() and lower[anchor] not in _NO_ANCHOR:
            claims.append(Claim(f"{_stem(lower[anchor])}~{axis}", positive, f"{lower[anchor]} {word}"))
    after = i + (2 if word == "out" and i + 1 < len(lower) and lower[i + 1] == "of" else 1)
    if word in ("in", "out") and after < len(lower) and lower[after][0].isalpha():
        noun = lower[after]
        if noun not in lexicon.FUNCTION_WORDS and (word == "in" or after == i + 2):
            said = f"{word} {noun}" if word == "in" else f"out of {noun}"
            claims.append(Claim(f"in~{_stem(noun)}", word == "in", said))
    return claims


def polarity_changes(before: str, after: str) -> list[Change]:
    """Claims whose polarity flipped: "negation added: not include", "antonym returns → raises".

    A concept flips when one side asserts it only positively and the other only negatively, at least one claim
    on each side said outright (not softly). Saying the same thing another way is no flip ("is missing" / "is
    not present", "not available" / "unavailable", "did not succeed" / "failed"); two flips in one edit are two
    changes ("synchronous, so it blocks" → "asynchronous, so it doesn't block"). The kind is `negation` when a
    negation word makes the difference, `antonym` when opposite words do. A side that negates a pronoun
    ("without it") may be negating anything it names, so a negation against that side's positive claims is not
    counted. A hypothetical claim is compared only with a hypothetical one, and a comparison turned round
    ("A is faster than B" → "B is slower than A") is no flip.
    """
    old, new = _by_concept(extract_claims(before)), _by_concept(extract_claims(after))
    changes: list[Change] = []
    for key in [k for k in old if k in new and k != _UNKNOWN]:
        was, now = old[key], new[key]
        if len({c.positive for c in was}) != 1 or len({c.positive for c in now}) != 1:
            continue
        if was[0].positive == now[0].positive:
            continue
        a, b = _said_outright(was, now)
        if a is None or b is None:
            continue  # "keep it away from heat" agrees with "do not heat it", but "do not expose it to heat" too
        positive_side = old if a.positive else new
        if (a.negated or b.negated) and _UNKNOWN in positive_side:
            continue  # "no index" → "add an index; slow without it": the negation may be about the index
        if b.negated and not a.negated:
            changes.append(Change("negation", "negation", f"negation added: {b.words}"))
        elif a.negated and not b.negated:
            changes.append(Change("negation", "negation", f"negation removed: {a.words}"))
        elif not (a.than and b.than and a.than != b.than):
            changes.append(Change("antonym", "antonym", f"antonym {a.words} → {b.words}"))
    return list(dict.fromkeys(changes))


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


def _by_concept(claims: list[Claim]) -> dict[str, list[Claim]]:
    """The claims grouped by concept, in the order the text first makes them."""
    grouped: dict[str, list[Claim]] = {}
    for claim in claims:
        grouped.setdefault(claim.concept, []).append(claim)
    return grouped


def _said_outright(was: list[Claim], now: list[Claim]) -> tuple[Claim | None, Claim | None]:
    """The first claims of each side said outright (not softly) and in the same mode: both asserted, or both
    hypothetical ("raises no exception" is not contradicted by "if you want an exception")."""
    for hypothetical in (False, True):
        a = next((c for c in was if not c.soft and c.hypothetical == hypothetical), None)
        b = next((c for c in now if not c.soft and c.hypothetical == hypothetical), None)
        if a is not None and b is not None:
            return a, b
    return None, None


def negation_changes(before: str, after: str) -> list[Change]:
    """Claims negated on one side only ("negation added: not include"); see `polarity_changes`."""
    return [c for c in polarity_changes(before, after) if c.kind == "negation"]


def antonym_changes(before: str, after: str) -> list[Change]:
    """Claims flipped by opposite words ("antonym returns → raises", "antonym mutable → immutable")."""
    return [c for c in polarity_changes(before, after) if c.kind == "antonym"]


# ---- named entities ------------------------------------------------------------------------------

_STOPWORDS = frozenset(
    [
        "i",
        "i'm",
        "i've",
        "i'll",
        "i'd",
        "me",
        "my",
        "we",
        "our",
        "us",
        "you",
        "your",
        "yours",
        "he",
        "she",
        "it",
        "its",
        "they",
        "them",
        "their",
        "this",
        "that",
        "these",
        "those",
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "if",
        "then",
        "so",
        "yes",
        "no",
        "not",
        "ok",
        "okay",
        "please",
        "thanks",
        "thank",
        "hello",
        "hi",
        "dear",
        "sure",
        "note",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "true",
        "false",
        "null",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
    ]
)
_WORD = re.compile(r"[A-Za-z][\w'’.-]*[A-Za-z0-9]|[A-Za-z]")
_STARTS_SENTENCE = ".!?:;\n•*#>-"


def extract_entities(text: str) -> list[str]:
    """Capitalised words (two letters or more) not at the start of a sentence, minus common words.

    A word with a capital inside it ("iOS", "eBay", "macOS") is a name wherever it stands.
    """
    found: list[str] = []
    for m in _WORD.finditer(text):
        word = m.group(0).rstrip(".").replace("’", "'")
        inner_capital = word[0].islower() and any(c.isupper() for c in word[1:])
        if len(word) < 2 or not (inner_capital or (word[0].isupper() and not _at_sentence_start(text, m.start()))):
            continue
        base = re.sub(r"'s$", "", word)
        if base.lower() in _STOPWORDS or base.lower() in lexicon.FUNCTION_WORDS:
            continue
        found.append(base)
    return list(dict.fromkeys(found))


def _at_sentence_start(text: str, index: int) -> bool:
    j = index - 1
    while j >= 0 and text[j] in " \t\"'“‘([":
        j -= 1
    return j < 0 or text[j] in _STARTS_SENTENCE


def extract_subjects(text: str) -> list[str]:
    """Capitalised words opening a sentence and followed by a verb ("Tokyo is", "Microsoft acquired").

    An imperative ("Restart the router", "Click Save") opens with a verb followed by its object, so the
    word after the opening word must look like a verb: an auxiliary or a word ending in -s or -ed.
    """
    found: list[str] = []
    words = list(_WORD.finditer(text))
    for m, following in itertools.pairwise(words):
        word = m.group(0).rstrip(".").replace("’", "'")
        if len(word) < 2 or not word[0].isupper() or not _at_sentence_start(text, m.start()):
            continue
        if text[m.end() : following.start()].strip() or word.lower() in _STOPWORDS:
            continue
        if word.lower() in lexicon.FUNCTION_WORDS:
            continue  # "For strings, use ==", "However, …": a function word opening a sentence is no name
        verb = following.group(0).lower()
        if verb in lexicon.AUXILIARIES or (len(verb) > 3 and verb.endswith(("ed", "s")) and not verb.endswith("ss")):
            found.append(re.sub(r"'s$", "", word))
    return list(dict.fromkeys(found))


_CODE_SPAN = re.compile(r"`([^`\n]+)`")


def entity_changes(before: str, after: str) -> list[Change]:
    """A named entity, code ("4xx") or `code` identifier replaced by another ("entity Paris → Lyon"), or two names
    that swapped roles ("roles swapped: Maya owes Daniel → Daniel owes Maya"); omissions alone are not changes."""
    changes: list[Change] = []
    old = extract_entities(before) + extract_subjects(before)
    new = extract_entities(after) + extract_subjects(after)
    old_words, new_words = _lower_words(before), _lower_words(after)
    removed = list(dict.fromkeys(e for e in old if not _mentioned(e, new_words)))
    added = list(dict.fromkeys(e for e in new if not _mentioned(e, old_words)))
    if removed and added:
        changes.append(Change("entity", "entity", f"entity {', '.join(removed)} → {', '.join(added)}"))
    elif removed and _restricts(after, before, [e for e in old if e not in removed]):
        changes.append(Change("entity", "entity", f"entity {', '.join(removed)} removed by 'only'"))
    elif added and _restricts(before, after, [e for e in new if e not in added]):
        changes.append(Change("entity", "entity", f"entity {', '.join(added)} added to an 'only'"))
    # codes are compared with codes only: "4xx or 5xx" → "an HTTP error" drops codes and names a name
    old_glued, new_glued = extract_codes(before), extract_codes(after)
    gone = [c for c in old_glued if c.lower() not in {n.lower() for n in new_glued}]
    came = [c for c in new_glued if c.lower() not in {o.lower() for o in old_glued}]
    if gone and came:
        changes.append(Change("entity", "entity", f"entity {', '.join(gone)} → {', '.join(came)}"))
    old_code, new_code = _CODE_SPAN.findall(before), _CODE_SPAN.findall(after)
    gone = [c for c in dict.fromkeys(old_code) if c.lower() not in after.lower()]
    came = [c for c in dict.fromkeys(new_code) if c.lower() not in before.lower()]
    if gone and came:
        shown = ", ".join(f"`{c}`" for c in gone), ", ".join(f"`{c}`" for c in came)
        changes.append(Change("entity", "entity:code", f"code {shown[0]} → {shown[1]}"))
    names = {e.lower() for e in old + new}
    return changes + _role_changes(before, after, names) if len(names) >= 2 else changes


def _role_changes(before: str, after: str, names: set[str]) -> list[Change]:
    """Two names on both sides whose order around the same words swapped: "Maya owes Daniel" → "Daniel owes Maya".

    A relation is two names of one sentence with one to four words between them, one of them a content word
    ("owes", "is faster than") and none a symmetric one ("and", "with", "met", "as"), or "from A to B". The same
    relation with the names the other way round is a role change. A passive ("Daniel is owed by Maya") or another
    verb ("Daniel lent Maya") is another relation, so it is neither flagged nor recognised as the same meaning.
    """
    old, new = _relations(before, names), _relations(after, names)
    changes: list[Change] = []
    for (a, words, b), shown in old.items():
        swapped = (b, words, a)
        if swapped in new and (a, words, b) not in new and swapped not in old:
            changes.append(Change("entity", "entity:roles", f"roles swapped: {shown} → {new[swapped]}"))
    return changes


_MAX_RELATION_WORDS = 4
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]")
_Relation = tuple[str, tuple[str, ...], str]


def _relations(text: str, names: set[str]) -> dict[_Relation, str]:
    """(name, the words between, name) → the words as written, for neighbouring names in each sentence."""
    relations: dict[_Relation, str] = {}
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
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
                key = (first.lower(), tuple(_stem(w) for w in between), second.lower())
                relations[key] = f"{first} {' '.join(between)} {second}"
    return relations


def _name_spans(words: list[re.Match[str]], names: set[str]) -> list[tuple[int, int]]:
    """The [start, end) word indexes of the names in a sentence; neighbouring name words form one ("New York")."""
    spans: list[tuple[int, int]] = []
    for i, m in enumerate(words):
        word = re.sub(r"['’]s$", "", m.group(0).rstrip("."))
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
        w not in lexicon.FUNCTION_WORDS and w not in lexicon.AUXILIARIES and w not in _STOPWORDS for w in between
    )


def _mentioned(entity: str, words: set[str]) -> bool:
    """The entity occurs among `words` (lower-cased), also as singular/plural or adjective ("Europe" ~ "European")."""
    low = entity.lower()
    if low in words or low.removesuffix("s") in words or f"{low}s" in words:
        return True
    return any(_same_root(low, w) for w in words if w[:3] == low[:3])


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


def _lower_words(text: str) -> set[str]:
    return {re.sub(r"'s$", "", w.replace("’", "'")).lower() for w in _WORD.findall(text)}


# ---- dates ---------------------------------------------------------------------------------------

_DATE_WORD = re.compile(r"\b(?:" + "|".join(w.capitalize() for w in (*lexicon.WEEKDAYS, *lexicon.MONTHS)) + r")\b")


def extract_date_words(text: str) -> list[str]:
    """Capitalised weekday and month names; "May" counts only next to a number ("14 May", "May 3")."""
    found: list[str] = []
    for m in _DATE_WORD.finditer(text):
        word = m.group(0)
        if word == "May" and not re.search(r"\d\s*$", text[: m.start()]) and not re.match(r"\s*\d", text[m.end() :]):
            continue
        found.append(word)
    return list(dict.fromkeys(found))


def date_changes(before: str, after: str) -> list[Change]:
    """A weekday or month replaced by another ("date Monday → Wednesday")."""
    old, new = extract_date_words(before), extract_date_words(after)
    removed = [d for d in old if d not in new]
    added = [d for d in new if d not in old]
    if removed and added:
        return [Change("date", "date", f"date {', '.join(removed)} → {', '.join(added)}")]
    return []


# ---- key: value labels ---------------------------------------------------------------------------

_LABEL = re.compile(
    r"(?:^|(?<=[\n.;|]))[ \t]*[-*•]?[ \t]*(?:\*\*)?(?P<key>[A-Za-z][A-Za-z_ -]{0,30}?)(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*"
    r"(?P<value>[^\n.;|()]+)"
)
_MAX_LABEL_WORDS = 3
_MAX_LABEL_ITEMS = 8


def extract_labels(text: str) -> dict[str, str]:
    """Short `key: value` pairs ("Sentiment: positive"), lower-cased; a value may be a comma list of short items."""
    labels: dict[str, str] = {}
    for m in _LABEL.finditer(text):
        key = " ".join(m.group("key").lower().split())
        items = [" ".join(i.strip(" *`'\"").lower().split()) for i in m.group("value").split(",")]
        if not items[0] or items[0].startswith("//") or len(key.split()) > _MAX_LABEL_WORDS:
            continue
        if len(items) > _MAX_LABEL_ITEMS or any(len(i.split()) > _MAX_LABEL_WORDS for i in items):
            continue
        labels.setdefault(key, ", ".join(i for i in items if i))
    return labels


def label_changes(before: str, after: str) -> list[Change]:
    """A label on both sides whose value changed ("label sentiment: positive → negative").

    Values are compared as sets of comma-separated items with numbers normalised ("5 minutes" = "five minutes").
    """
    old, new = extract_labels(before), extract_labels(after)
    return [
        Change("label", f"label:{key}", f"label {key}: {old[key]} → {new[key]}")
        for key in old
        if key in new and _label_items(old[key]) != _label_items(new[key])
    ]


def _label_items(value: str) -> frozenset[str]:
    return frozenset(re.sub(r"[\d.,]+|[a-z-]+", lambda m: _as_number(m.group(0)), i).strip() for i in value.split(","))


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
    clearly shorter prefix of it counts as truncated too.
    """
    old, new = before.strip(), after.strip()
    if not new or len(new) >= len(old):
        return []
    unfinished = _FINISHED.search(old) and not _FINISHED.search(new) and not _ends_alike(old, new)
    cut_block = "\n" in old and " ".join(old.split()).startswith(" ".join(new.split()))
    if unfinished or (cut_block and len(new) <= _PREFIX_SHARE * len(old)):
        return [Change("truncation", "truncation", f"output truncated: ends with {new[-30:]!r}")]
    return []


_END_WORDS = 3


def _ends_alike(old: str, new: str) -> bool:
    """Both texts end on the same words: a dropped final period or a case change, no lost words."""
    old_words, new_words = re.findall(r"\w+", old.lower()), re.findall(r"\w+", new.lower())
    tail = min(_END_WORDS, len(new_words))
    return tail > 0 and old_words[-tail:] == new_words[-tail:]


# ---- format --------------------------------------------------------------------------------------

Shape = Literal["JSON", "list", "table", "code", "key-value lines", "text"]
_LIST_LINE = re.compile(r"^\s*(?:[-*•+]|\d{1,2}[.)])\s+\S")
_TABLE_LINE = re.compile(r"^\s*\|.*\|\s*$")
_KEY_VALUE_LINE = re.compile(r"^\s*[A-Za-z][\w -]{0,30}:\s*\S")


def text_shape(text: str) -> Shape:
    """What the output is laid out as: JSON, a list, a table, a code block, `key: value` lines, or plain text."""
    if parse_json(text)[0]:
        return "JSON"
    body = text.strip()
    if body.startswith("```"):
        return "code"
    lines = [line for line in body.splitlines() if line.strip()]
    if len(lines) >= 2:
        for shape, pattern in (("table", _TABLE_LINE), ("list", _LIST_LINE), ("key-value lines", _KEY_VALUE_LINE)):
            if sum(bool(pattern.match(line)) for line in lines) >= max(2, len(lines) - 1):
                return shape  # type: ignore[return-value]
    return "text"


def format_changes(before: str, after: str) -> list[Change]:
    """The layout changed: "format prose → JSON", "format list → prose"."""
    old, new = text_shape(before), text_shape(after)
    return [] if old == new else [Change("format", "format", f"format changed: {old} → {new}")]


# ---- language ------------------------------------------------------------------------------------

_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "CYRILLIC", "GREEK", "ARABIC", "HEBREW", "DEVANAGARI", "THAI")
_MIN_HITS = 2


def detect_language(text: str) -> str | None:
    """A cheap guess: the writing system when not Latin, else the language whose function words dominate."""
    script = "LATIN" if text.isascii() else _main_script(text)
    if script is None:
        return None
    if script != "LATIN":
        return "Japanese" if script in ("HIRAGANA", "KATAKANA") else script.title() + " script"
    words = re.findall(r"[^\W\d_]+", text.lower())
    hits = {lang: sum(w in stop for w in words) for lang, stop in lexicon.LANGUAGE_STOPWORDS.items()}
    ranked = sorted(hits.items(), key=lambda kv: -kv[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    return best if top >= _MIN_HITS and top > second else None


def _main_script(text: str) -> str | None:
    """The Unicode script most letters of the text belong to (LATIN for anything not listed)."""
    scripts: dict[str, int] = {}
    for c in text:
        if c.isalpha():
            name = unicodedata.name(c, "")
            script = next((s for s in _SCRIPTS if name.startswith(s)), "LATIN")
            scripts[script] = scripts.get(script, 0) + 1
    return max(scripts, key=lambda s: scripts[s]) if scripts else None


def language_changes(before: str, after: str) -> list[Change]:
    """The answer switched language or script ("language en → fr"); undecidable texts are not compared."""
    old, new = detect_language(before), detect_language(after)
    if old and new and old != new:
        return [Change("language", "language", f"language {old} → {new}")]
    return []


# ---- refusal -------------------------------------------------------------------------------------

_DECLINED = (
    r"(?:help|assist|provide|share|answer|access|comply|do that|give|determine|summari[sz]e|create|write|generate)"
)
_REFUSAL = re.compile(
    r"\bas an ai\b"
    r"|\bi(?:'m|’m|\s+am)\s+(?:sorry|afraid)\b[^.!?]{0,40}\b(?:can(?:'t|’t|not| not)|unable|not able)\b"
    rf"|\bi(?:'m|’m|\s+am)\s+(?:unable|not able)\s+to\s+{_DECLINED}"
    rf"|\bi\s+(?:can(?:'t|’t|not| not)|won't|won’t|will not)\s+{_DECLINED}"
    r"|\bi\s+can\s+only\s+(?:help|assist|answer)",
    re.IGNORECASE,
)


def is_refusal(text: str) -> bool:
    """The text declines the request ("I'm sorry, but I can't help with that", "As an AI, …")."""
    return bool(_REFUSAL.search(text))


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
    before_is_json, before_value = parse_json(before)
    after_is_json, after_value = parse_json(after)
    if before_is_json and after_is_json:
        return json_changes(before_value, after_value)
    layout = format_changes(before, after)
    if before_is_json or after_is_json:
        return layout
    return [
        *layout,
        *language_changes(before, after),
        *refusal_changes(before, after),
        *_prose_changes(before, after),
        *label_changes(before, after),
        *truncation_changes(before, after),
    ]


def _prose_changes(before: str, after: str) -> list[Change]:
    """Changes of fact in running text: numbers, claims that flipped polarity, dates, entities."""
    return [
        *number_changes(before, after),
        *time_changes(before, after),
        *polarity_changes(before, after),
        *answer_changes(before, after),
        *date_changes(before, after),
        *entity_changes(before, after),
    ]
