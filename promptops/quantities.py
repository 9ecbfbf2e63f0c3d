"""Amounts in English text, read as numbers with their qualifiers: "five" = 5, "1,000" = 1000, "$1.5 million",
"5 percent", "twice a day" (a frequency), "the 3rd" (an ordinal), "fifty-gigabyte" (50 GB), "2 kg" (a unit of a
dimension, so that "5 miles" and "8 km" compare as the same distance). Clock times, inline `code` and codes glued
from letters and digits ("4xx", "x86", "IPv6") are not amounts.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from promptops import change_lexicon as lexicon
from promptops.clock_times import find_clock_times
from promptops.common_words import is_common_word
from promptops.word_concepts import content_word

# An inline `code` span: compared by the code check, never read for numbers.
CODE_SPAN = re.compile(r"`([^`\n]+)`")

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
# The hyphen of a frequency before its period ("twice-daily") or of a count before a share ("three-quarters",
# "two-thirds"), which read as the words apart do.
_SPLIT_HYPHEN = re.compile(
    r"(?i)(?=-)(?:(?:(?<=\bonce)|(?<=\btwice)|(?<=\bthrice))-(?=(?:daily|nightly|weekly|monthly|yearly|annually|hourly)\b)"
    r"|(?:(?<=\bone)|(?<=\btwo)|(?<=\bthree)|(?<=\bfour)|(?<=\ba))-(?=(?:quarter|third|fifth|tenth)s?\b))"
)
# "1. Open Settings", "- 3 items", "Step 2: Drain": list markers at a line start are layout, not quantities.
_LIST_MARKER = re.compile(
    r"^[ \t]*(?:[-*•+]|\d{1,2}[.)]|(?i:step|stage|phase)[ \t]+\d{1,2}[ \t]*[:.)])[ \t]+", re.MULTILINE
)


def _format_number(value: float) -> str:
    """The number to six decimals; a recurring decimal to two (a third as 33.33%, not 33.333333%)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    tail = text.partition(".")[2][2:]
    if len(tail) >= 3 and len(set(tail[:-1])) == 1:
        text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


@dataclass(frozen=True)
class Quantity:
    """A number with what qualifies it: percent, ordinal, frequency, a currency before or after it, a unit after it.

    A frequency ("twice", "3 times", "1.5x") may carry its period as unit ("twice a day": 2× per day); an interval
    ("every 12 hours") is a duration that says how often too. An implied quantity ("morning and evening" for 2× a
    day, "every day", "double") is said too loosely to be a change on its own, but it is a counterpart.
    """

    value: float
    percent: bool = False
    ordinal: bool = False
    currency: str | None = None
    unit: str | None = None
    spelled: bool = field(default=False, compare=False)
    frequency: bool = False
    interval: bool = False
    implied: bool = field(default=False, compare=False)
    # the units of the rate it is ("60 kg per hectare": ha; "$0.10 per GB per month": GB, month)
    per: frozenset[str] = field(default=frozenset(), compare=False)
    # a count with a period later in its clause ("two cleanings per year"): a frequency that a bare count matches
    counted: bool = field(default=False, compare=False)
    # where the number stands in the text it was read from (for what follows it: "two locations: A and B")
    end: int = field(default=-1, compare=False)
    # a duration said with an article ("a week"), which may be a period instead: "one game a week" is per week
    article: bool = field(default=False, compare=False)
    # what a rate is per when that is no unit ("£4 per page", "$40 a head": page, person)
    base: frozenset[str] = field(default=frozenset(), compare=False)
    # the two counts of a share said as a ratio ("three out of 50": 3, 50), which the other side may say as counts
    ratio: tuple[float, ...] = field(default=(), compare=False)
    # the plural noun right after a number with no unit, which it counts ("1000 pages", "three attempts")
    things: str = field(default="", compare=False)

    @property
    def text(self) -> str:
        """The normalised number alone: `5`, `5%`, `#1` (ordinal), `2×` (frequency)."""
        number = _format_number(self.value)
        if self.ordinal:
            return f"#{number}"
        return number + ("%" if self.percent else "") + ("×" if self.frequency and not self.counted else "")

    @property
    def full(self) -> str:
        """The number with its currency and unit: `$75`, `30 minute`, `2× per day`, `every 12 hour`."""
        if self.currency == "£" and self.unit == "lb":
            return f"{self.text} pound"  # money or mass: "2 pounds"
        unit = f" per {self.unit}" if self.frequency and self.unit else f" {self.unit}" if self.unit else ""
        return ("every " if self.interval else "") + (self.currency or "") + self.text + unit

    @property
    def bare_count(self) -> bool:
        """A whole number with nothing qualifying it: "eight" may be a count, an hour or part of a code."""
        plain = not (self.unit or self.currency or self.percent or self.ordinal or self.frequency)
        return plain and float(self.value).is_integer()

    @property
    def rate(self) -> float | None:
        """How often per second, for a frequency with a period ("twice a day") or an interval ("every 12 hours")."""
        size = lexicon.UNIT_SIZES.get(self.unit or "")
        if size is None or size[0] != "time" or not (self.frequency or self.interval) or not self.value:
            return None
        return self.value / size[1] if self.frequency else 1 / (self.value * size[1])

    def same_base(self, other: Quantity) -> bool:
        """A rate per something that is no unit is per the same thing, when both sides say what ("per head" = "per
        person"; "per person per night" ~ "a night": one may leave out a base)."""
        mine, theirs = self.per | self.base, other.per | other.base
        if not (self.base or other.base) or not (mine and theirs):
            return True
        return mine <= theirs or theirs <= mine

    def matches(self, other: Quantity) -> bool:
        """Same amount, percent-ness and frequency-ness; currency and unit must agree only when both sides state one.

        Two units of one dimension agree when the amounts convert ("12 months" = "1 year", "5 miles" ≈ "8 km").
        Frequencies and intervals agree when they say as often ("twice a day" = "every 12 hours"); an interval is
        also its duration ("every 12 hours" ~ "12 hours"). "the 3rd" matches "3": dates are written both ways
        ("October 3–5" vs "the 3rd to the 5th").
        """
        if self.percent != other.percent or not _agree(self.currency, other.currency):
            return False
        if self.per and other.per and self.per != other.per:
            return False  # "60 kg per hectare" against "60 kg per acre"
        if not self.same_base(other):
            return False  # "€20 per guest" against "€20 per table", "€40 an hour" against "€40 a session"
        if _minutes_as_m(self, other) or _minutes_as_m(other, self):
            return True  # "an interval of 5m" against "every five minutes"
        if self.rate is not None and other.rate is not None:
            return _close(self.rate, other.rate)
        if _period_of(self, other) or _period_of(other, self):
            return True  # "one rated game per week" against "a single rated game a week"
        if self.frequency != other.frequency:
            # "two cleanings per year" against "two cleanings": the period is said on one side only; "at least
            # twice" against "at least two visits": a number of times with no period is a count of occurrences
            often, plain = (self, other) if self.frequency else (other, self)
            if often.counted and often.unit is not None and plain.per == {often.unit}:
                return self.value == other.value  # "two a week is a good idea" against "two rest days per week"
            return (often.counted or often.unit is None) and plain.bare_count and self.value == other.value
        if self.unit and other.unit and self.unit != other.unit:
            return not self.frequency and _same_amount(self.value, self.unit, other.value, other.unit)
        if _counted_against_unit(self, other) or _counted_against_unit(other, self):
            return False  # "reaches 1000 pages" against "reaches 1000 KB"
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
    # a cup is 237 ml (US) or 250 ml (metric), a pint 473 or 568 ml: any reading of each unit may be the one meant
    sizes_a = (dim_a[1], *lexicon.UNIT_ALTERNATIVES.get(unit_a, ()))
    sizes_b = (dim_b[1], *lexicon.UNIT_ALTERNATIVES.get(unit_b, ()))
    bases = [(a * x, b * y) for x in sizes_a for y in sizes_b]
    if dim_a[0] == "data":  # 1 GB is 1000 MB or 1024 MB
        bases.append((a * 1024 ** _DATA_POWER[unit_a], b * 1024 ** _DATA_POWER[unit_b]))
    return any(_close(x, y) for x, y in bases)


def _minutes_as_m(m: Quantity, minutes: Quantity) -> bool:
    """ "5m" read as five minutes, as the other side says them: "5 minutes", "every 5 minutes" or, for "1m", "once
    every minute"."""
    if m.unit != "m" or m.frequency or m.interval or m.currency or minutes.unit != "minute":
        return False
    if minutes.frequency:
        return m.value == 1 == minutes.value
    return m.value == minutes.value


def _period_of(once: Quantity, article: Quantity) -> bool:
    """ "a week" read as the period of a once-per-period frequency ("one game per week" = "a game a week")."""
    return (
        article.article
        and article.value == 1
        and once.frequency
        and once.value == 1
        and not once.interval
        and once.unit == article.unit
    )


def _counted_against_unit(count: Quantity, amount: Quantity) -> bool:
    """`count` counts things it names ("1000 pages") and `amount` measures in a unit of size, mass, volume or data
    ("1000 KB"): a number of things is no amount of such a unit, so the two say different amounts even with the same
    number. Not a unit of time: things often come one per unit of time ("12 instalments" over "12 months", "5 nights"
    for "5 days")."""
    if not count.things or amount.unit is None or amount.frequency or amount.unit in _TIME_UNITS:
        return False
    return is_common_word(count.things)


def _close(x: float, y: float) -> bool:
    """Equal up to the rounding of a conversion."""
    return abs(x - y) <= _CONVERSION_TOLERANCE * max(abs(x), abs(y))


_DATA_POWER = {"KB": 1, "MB": 2, "GB": 3, "TB": 4, "PB": 5, "KiB": 1, "MiB": 2, "GiB": 3, "TiB": 4}


def _celsius(value: float, unit: str) -> float:
    if unit == "°F":
        return (value - 32) * 5 / 9
    return value - 273.15 if unit == "K" else value


def _agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def extract_numbers(text: str) -> list[str]:
    """Every number in the text, normalised: digits, number words, thousands separators, percentages, ordinals.

    Ordinals become `#n` ("1st" and "the first" are both `#1`); an ordinal word counts only after "the" (or,
    implied, after a possessive: "your second"), because "First, open the settings" is not a quantity.
    """
    return [q.text for q in extract_quantities(text)]


def extract_quantities(text: str) -> list[Quantity]:
    """Every number in the text with its qualifiers ("$1.5 million" → 1500000 in $, "2-year" → 2 year).

    Clock times, inline `code` and codes glued to letters ("4xx", "x86", "3D") are not read as numbers.
    """
    return list(parse_quantities(text))


# Each text is read by several checks and compared with every sample of the other run: parse it once.
_PARSE_CACHE = 4096


@functools.lru_cache(maxsize=_PARSE_CACHE)
def parse_quantities(text: str) -> tuple[Quantity, ...]:
    """Every quantity of a text (see `extract_quantities`), parsed once per text."""
    text = _prose_only(_LIST_MARKER.sub(lambda m: " " * len(m.group(0)), text))
    text = _SPLIT_HYPHEN.sub(" ", text)  # "twice-daily" = "twice daily", "three-quarters of" = "three quarters of"
    tokens = list(_TOKEN.finditer(text))
    ratios = _RATIO_HINT.search(text) is not None
    found: list[Quantity] = []
    # (how many quantities were found, where the unit of the last one ends) after a duration ("2 hours")
    duration_end = (-1, -1)
    period_at = -1  # where the "a year" of a count's rate stands ("two visits a year"): its period, no duration
    i = 0
    while i < len(tokens):
        if i == period_at:
            i += 2
            continue
        spelled = False
        m = tokens[i]
        word = (m.group("word") or "").lower()
        if word and word not in _STARTERS and "-" not in word:
            i += 1  # a plain word that opens no quantity: every reading below would pass it by
            continue
        if ratios and (ratio := _ratio_share(tokens, i)) is not None:  # "one in three" = "a third"
            found += [ratio[0], *(Quantity(v, spelled=True, implied=True) for v in ratio[0].ratio)]
            i += ratio[1]
            continue
        if (written := _slash_fraction(tokens, i)) is not None:  # "1/3 of the growth" = "a third of the growth"
            found.append(written)
            i += 2
            continue
        if m.group("num"):
            value = float(m.group("num").replace(",", ""))
            if m.group("ord"):
                found.append(Quantity(value, ordinal=True, end=m.end()))
                i += 1
                continue
            value, consumed = _scaled(tokens, i, value)
            percent = bool(m.group("pct")) or _is_percent_word(tokens, i + consumed)
        elif word in _ORDINAL_WORDS and i > 0 and _before_ordinal(tokens[i - 1]):
            # "the first" is an ordinal; "their first vaccinations" or "the minuet's first page" may only say
            # "start", so it is implied
            implied = (tokens[i - 1].group("word") or "").lower() != "the" or _opens_count(tokens, i + 1)
            implied = implied or _opens_series(tokens, i) or _soonest(tokens, i)
            found.append(Quantity(_ORDINAL_WORDS[word], ordinal=True, implied=implied, end=m.end()))
            i += 1
            continue
        elif word in _ORDINAL_WORDS and _ranks_plural(tokens, i):
            found.append(Quantity(_ORDINAL_WORDS[word], ordinal=True, end=m.end()))  # "up to fifth cousins"
            i += 1
            continue
        elif word in _ORDINAL_WORDS and (series := _coordinated_ordinal(tokens, i, found)) is not None:
            # "the third and seventh", "the first, second or fourth": the article before the first serves them all
            found.append(Quantity(_ORDINAL_WORDS[word], ordinal=True, implied=series.implied, end=m.end()))
            i += 1
            continue
        elif word in lexicon.FREQUENCY_WORDS:
            period = _frequency_period(tokens, i + 1)
            if word != "once" or period[1]:
                found.append(Quantity(lexicon.FREQUENCY_WORDS[word], unit=period[0], spelled=True, frequency=True))
            elif _more_than(tokens, i):  # "more than once" is at least twice: a counterpart of "twice"
                found.append(Quantity(2, spelled=True, frequency=True, implied=True))
            i += 1 + period[1]
            continue
        elif (share := _fraction(tokens, i)) is not None:
            found.append(share[0])
            i += share[1]
            continue
        elif (said := _worded_quantity(tokens, i)) is not None:
            found.append(said[0])
            i += said[1]
            continue
        elif word == "a" and _another_one(tokens, i + 1):
            # "with a second person helping": one more of a series, as "two people" says, not a second of time
            found.append(Quantity(2, ordinal=True, implied=True, end=tokens[i + 1].end()))
            i += 2
            continue
        elif word in ("a", "an", "half") and (duration := _article_duration(tokens, i)):
            found.append(duration[0])
            i += duration[1]
            continue
        elif (span := _span_of_one_unit(tokens, i)) is not None:
            found.append(span)
            i += 1
            continue
        elif (compound := _compound_number(word)) is not None:
            found.append(compound)
            i += 1
            continue
        elif word == "quarter" and (quarter := _quarter_of(tokens, i + 1)) is not None:
            found.append(quarter)
            i += 2
            continue
        else:
            value, consumed = _number_phrase(tokens, i)
            if not consumed or _pronoun_one(tokens, i, consumed):
                i += max(consumed, 1)
                continue
            if _said_loosely(tokens, i, consumed, value):
                found.append(Quantity(value, spelled=True, implied=True, end=tokens[i + consumed - 1].end()))
                i += consumed
                continue
            percent = _is_percent_word(tokens, i + consumed)
            spelled = True
        j = i + consumed
        after = (tokens[j].group("word") or "").lower() if _adjacent(tokens, j) else ""
        multiplier = _MULTIPLIER.match(text, tokens[j - 1].end())
        if after in ("times", "time") or multiplier:  # "3 times a day", "2x daily", "1.5x": a frequency or factor
            if (multiplier and after == "x") or not multiplier:
                j += 1
            period = _frequency_period(tokens, j)
            found.append(Quantity(value, unit=period[0], spelled=spelled, frequency=True))
            i = j + period[1]
            continue
        before = text[: m.start()].rstrip()[-3:]
        currency = next((c for s, c in lexicon.CURRENCY_SYMBOLS.items() if before.endswith(s)), None)
        currency = currency or lexicon.CURRENCY_WORDS.get(after) or _currency_code_before(tokens, i)
        if currency is None and after in lexicon.MINOR_CURRENCY_WORDS and not _resolution(tokens, j):
            currency, value = lexicon.MINOR_CURRENCY_WORDS[after], value / 100  # "85p", "fifty cents"
        if currency and _adjacent(tokens, j) and tokens[j].start() == tokens[j - 1].end():
            scale = _CURRENCY_SCALES.get(tokens[j].group("word") or "")  # "$2.4m", "€3b"
            if scale:
                value, j, consumed = value * scale, j + 1, consumed + 1
        unit = None if percent else _unit_after(tokens, j)
        interval = i > 0 and _adjacent(tokens, i) and (tokens[i - 1].group("word") or "").lower() in _EVERY
        interval = interval and unit in _TIME_UNITS  # "every 12 hours"
        counted = None if (unit or currency or percent or interval) else _counted_period(text, tokens, j)
        if counted is not None:
            every, rate_word = counted
            counts = _counted_unit(tokens, j, rate_word)
            if counts is not None:  # "25 paid vacation days a year": 25 days, per year; "200 free miles a day"
                found.append(Quantity(value, unit=counts, spelled=spelled, per=frozenset({every}), end=m.end()))
            else:  # "two cleanings and check-ups per year" is as often as "twice a year"
                found.append(Quantity(value, unit=every, spelled=spelled, frequency=True, counted=True, end=m.end()))
                if (tokens[rate_word].group("word") or "").lower() in ("a", "an"):
                    period_at = rate_word  # "two yoga sessions a day": "a day" is the rate's period
            i += consumed
            continue
        rest = j + (after in lexicon.CURRENCY_WORDS or after in lexicon.MINOR_CURRENCY_WORDS or _unit_word(tokens, j))
        if currency in lexicon.CURRENCY_WORDS.values() and (minor := _minor_part(tokens, rest)) is not None:
            value, rest = value + minor[0], minor[1]  # "fifty-four pounds and eighty-five pence"
            consumed = rest - i
        periods, base = _rate_base(tokens, rest) if (currency or unit or percent) else (frozenset(), frozenset())
        per = _per_units(text, tokens, j) | periods
        quantity = Quantity(
            value,
            percent=percent,
            currency=currency,
            unit=unit,
            spelled=spelled,
            interval=interval,
            end=m.end(),
            per=per,
            base=base,
            things="" if (unit or currency or percent) else _counted_things(after),
        )
        joined = None
        follows = duration_end[0] == len(found) and duration_end[1] >= 0
        if unit in _TIME_UNITS and follows and _JOINS_DURATION.fullmatch(text, duration_end[1], m.start()):
            joined = _joined_duration(found[-1], quantity)  # "2 hours 30 minutes" is 2.5 hours
        if joined is not None:
            found[-1] = joined
        else:
            found.append(quantity)
        if unit in _TIME_UNITS and j < len(tokens):
            duration_end = (len(found), tokens[j].end())
        i += consumed
    found += _day_part_frequencies(text)
    return tuple(found)


# Video resolutions glued to "p" ("720p", "1080p"): no pence.
_RESOLUTIONS = frozenset({"144", "240", "360", "480", "540", "576", "720", "1080", "1440", "2160", "4320"})


def _resolution(tokens: list[re.Match[str]], j: int) -> bool:
    """The "p" at `j` is glued to a number of lines of a video resolution ("1080p"), not pence."""
    return tokens[j].group("word") == "p" and tokens[j - 1].group("num") in _RESOLUTIONS


def _unit_word(tokens: list[re.Match[str]], j: int) -> bool:
    """Token `j` is a unit word after the number before it ("5 kg", "30 minutes")."""
    word = (tokens[j].group("word") or "") if _adjacent(tokens, j) else ""
    return word in lexicon.CASED_UNITS or word.lower() in lexicon.UNITS


def _minor_part(tokens: list[re.Match[str]], k: int) -> tuple[float, int] | None:
    """ "and eighty-five pence", "and 50p", "and seventy-five cents" from token `k`, after a whole amount of money:
    the hundredths it adds and the index of the token after it."""
    if not (_adjacent(tokens, k) and (tokens[k].group("word") or "").lower() == "and" and _adjacent(tokens, k + 1)):
        return None
    k += 1
    if tokens[k].group("num"):
        value, taken = float(tokens[k].group("num").replace(",", "")), 1
    else:
        value, taken = _number_phrase(tokens, k)
    end = k + taken
    if not taken or value >= _MINOR_PARTS or not _adjacent(tokens, end):
        return None
    if (tokens[end].group("word") or "").lower() not in lexicon.MINOR_CURRENCY_WORDS:
        return None
    return value / _MINOR_PARTS, end + 1


_MINOR_PARTS = 100
# Words that open the base of a rate after an amount: "€62 per room", "$12 a day", "£8/user", "$5 every month".
_BASE_OPENERS = frozenset({"per", "a", "an", "each", "every"})
# Words before a rate's base that only qualify it: "per additional hour", "a working day".
_BASE_MODIFIERS = frozenset({"additional", "extra", "further", "single", "working", "business", "calendar"})
# Bases said in other words: "per head", "pp" are per person; a night's stay is a day's.
_BASE_SYNONYMS = {
    **dict.fromkeys(
        ("people", "persons", "head", "pp", "individual", "guest", "adult", "attendee", "participant", "visitor"),
        "person",
    ),
    **dict.fromkeys(("delegate", "diner", "passenger", "traveller", "traveler", "member"), "person"),
    "annum": "year",
    "capita": "person",
    # one night or one evening comes once a day: "£4 per evening" = "£4 a night", a rate per day
    "night": "day",
    "evening": "day",
    "s": "second",  # the symbol after a slash: "5 MB/s" = "5 megabytes per second"
}
# Words after "per" that make no base: "per cent", "per se", "as per".
_NO_BASE = frozenset({"cent", "se", "square", "sq", "cubic", "cu"})


def _rate_base(tokens: list[re.Match[str]], k: int) -> tuple[frozenset[str], frozenset[str]]:
    """The periods and the other bases of a rate said right after an amount, from token `k`: "per person per night"
    (day; person), "a head" (person), "/user", "nightly" (day). "a"/"an" opens a base only before a period or a word
    that ends its phrase ("£5 a bag of logs", not "£5 a good deal"); "each"/"every" only before a period."""
    periods: set[str] = set()
    bases: set[str] = set()
    while _adjacent(tokens, k) or (0 < k < len(tokens) and _gap(tokens, k) == "/"):
        word = (tokens[k].group("word") or "").lower()
        if word in lexicon.FREQUENCY_PERIODS:
            periods.add(lexicon.FREQUENCY_PERIODS[word])
            k += 1
            continue
        slash = _gap(tokens, k) == "/"
        opener = "per" if slash else word
        n = k if slash else k + 1
        if opener not in _BASE_OPENERS or not (slash or _adjacent(tokens, n)):
            break
        while (
            n + 1 < len(tokens)
            and (tokens[n].group("word") or "").lower() in _BASE_MODIFIERS
            and _adjacent(tokens, n + 1)
        ):
            n += 1
        noun = _base_noun((tokens[n].group("word") or "").lower())
        unit = lexicon.UNITS.get(noun)
        if unit in _TIME_UNITS or noun == "day":
            periods.add(unit or "day")
        elif not noun or opener in ("each", "every") or (opener != "per" and not _ends_phrase(tokens, n + 1)):
            break
        elif unit is None:
            bases.add(noun)
        k = n + 1
    return frozenset(periods), frozenset(bases)


def _gap(tokens: list[re.Match[str]], k: int) -> str:
    return tokens[k].string[tokens[k - 1].end() : tokens[k].start()]


def _base_noun(word: str) -> str:
    """A rate's base in one form: singular, its synonym ("heads" → person); "" for a word that is no base."""
    if not word.isalpha() or word in _NO_BASE or word in lexicon.FUNCTION_WORDS or word in lexicon.STOPWORDS:
        return ""
    if word in _BASE_SYNONYMS:
        return _BASE_SYNONYMS[word]
    if word.endswith("ies") and len(word) > _MIN_PLURAL:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss") and len(word) > _MIN_PLURAL:
        word = word[:-1]
    return _BASE_SYNONYMS.get(word, word)


_MIN_PLURAL = 3


def _ends_phrase(tokens: list[re.Match[str]], k: int) -> bool:
    """Token `k` does not go on the noun phrase before it: the text or clause ends, or a function word follows."""
    if k >= len(tokens) or _CLAUSE_END.search(_gap(tokens, k)):
        return True
    word = (tokens[k].group("word") or "").lower()
    return word in lexicon.FUNCTION_WORDS or word in lexicon.STOPWORDS or word in lexicon.AUXILIARIES


def _more_than(tokens: list[re.Match[str]], i: int) -> bool:
    """Token `i` follows "more than"."""
    words = [(t.group("word") or "").lower() for t in tokens[max(i - 2, 0) : i]]
    return words == ["more", "than"] and _adjacent(tokens, i) and _adjacent(tokens, i - 1)


def _coordinated_ordinal(tokens: list[re.Match[str]], i: int, found: list[Quantity]) -> Quantity | None:
    """The ordinal read just before the ordinal word at `i` when the two are coordinated ("the third and seventh",
    "the first, third or fifth"), so that the second shares the first's article; None otherwise."""
    k = i - 1
    if k > 0 and (tokens[k].group("word") or "").lower() in _COORDINATING:
        k -= 1
    if k < 0 or (k == i - 1 and "," not in tokens[k].string[tokens[k].end() : tokens[i].start()]):
        return None  # "the third seventh" coordinates nothing
    last = found[-1] if found else None
    return last if last is not None and last.ordinal and last.end == tokens[k].end() else None


_COORDINATING = frozenset({"and", "or"})


# Letters glued to a number that scale it: "400k", "1M", "2.5B", "3bn", "5 mn". A lower-case "m" or "b" is a
# million or billion only after a currency ("$2.4m"); else "5m" is five metres.
_MAGNITUDES = {"k": 1e3, "K": 1e3, "M": 1e6, "mn": 1e6, "B": 1e9, "bn": 1e9}
_SPACED_MAGNITUDES = frozenset({"mn", "bn"})
_CURRENCY_SCALES = {"m": 1e6, "b": 1e9}
# "2x", "1.5×": a factor (or, with a period after it, a frequency: "2x daily")
_MULTIPLIER = re.compile(r"[xX×](?![A-Za-z0-9])")
_EVERY = frozenset({"every", "each"})
# "the first", "your second": an ordinal; "First, open the settings" is not one
_ORDINAL_AFTER = frozenset({"the", "your", "my", "our", "their", "his", "her", "its"})


# "the first few days", "the first 3 weeks": "first" says "initial" before a count, not a position
_COUNT_WORDS = frozenset({"few", "several", "couple", "many", *_NUMBER_WORDS})


def _opens_count(tokens: list[re.Match[str]], j: int) -> bool:
    """Token `j` starts a count that an ordinal word before it only qualifies ("the first few days")."""
    return _adjacent(tokens, j) and bool(
        tokens[j].group("num") or (tokens[j].group("word") or "").lower() in _COUNT_WORDS
    )


# A share said in words, then what it is a share of: "half the price", "a quarter of the pot", "three quarters of".
_FRACTION_WORDS = {
    "half": 50.0,
    "quarter": 25.0,
    "quarters": 25.0,
    # "a third of", "two thirds of", "a fifth of": a share, as "one in three" says ("a second of" is time)
    **{f"{word}{s}": 100 / n for word, n in _ORDINAL_WORDS.items() if 3 <= n <= 10 for s in ("", "s")},
}
_SHARE_OF = frozenset({"of", "the", "your", "my", "our", "their", "his", "her", "its", "this", "that", "all"})


def _fraction(tokens: list[re.Match[str]], i: int) -> tuple[Quantity, int] | None:
    """A share said in words ("half the price", "a quarter of the pot", "at half price") as a percentage (50%, 25%),
    tokens taken.

    "half a cup", "half an hour" and "a quarter past" are amounts or times, not shares.
    """
    word = (tokens[i].group("word") or "").lower()
    if word == "half" and (unit := _one_unit(tokens, i + 1)) is not None and unit not in _TIME_UNITS:
        # "half a litre", "half a mile": an amount of the unit (a duration, "half an hour", is read as one below)
        return Quantity(0.5, unit=unit, spelled=True, end=tokens[i + 2].end()), 3
    if word == "half" and (_qualifies_noun(tokens, i + 1) or _stands_alone(tokens, i + 1)):
        # "half price" = "half the price"; "from half to 80%", "about half." = 50%
        return Quantity(50.0, percent=True, spelled=True, end=tokens[i].end()), 1
    count, j = 1.0, i
    if word in ("a", "an") or word in _UNITS:
        count, j = float(_UNITS.get(word, 1)), i + 1
        if not _adjacent(tokens, j):
            return None
    share = _FRACTION_WORDS.get((tokens[j].group("word") or "").lower())
    if share is None or not _adjacent(tokens, j + 1):
        return None
    if (unit := _one_unit(tokens, j + 2)) is not None and (tokens[j + 1].group("word") or "").lower() == "of":
        # "a quarter of an hour" is 15 minutes, "three quarters of a mile" a distance: an amount, not a share
        return Quantity(count * share / 100, unit=unit, spelled=True, end=tokens[j + 3].end()), j + 4 - i
    if (tokens[j + 1].group("word") or "").lower() not in _SHARE_OF:
        return None
    return Quantity(round(count * share, 6), percent=True, spelled=True, end=tokens[j].end()), j + 1 - i


def _slash_fraction(tokens: list[re.Match[str]], i: int) -> Quantity | None:
    """A share written as a fraction of digits before what it is a share of ("1/3 of the growth", "3/4 the price"):
    the percentage a share said in words gives ("a third of" = 33.33%), not two counts. Only a proper fraction with
    a denominator of ten at most, as words say them: "24/7", "50/50" and "3/16" (a size) are other things."""
    m = tokens[i]
    numerator = m.group("num")
    if not numerator or m.string[m.end() : m.end() + 1] != "/" or i + 2 >= len(tokens):
        return None
    below = tokens[i + 1]
    denominator = below.group("num")
    if below.start() != m.end() + 1 or not (numerator.isdigit() and denominator and denominator.isdigit()):
        return None
    if below.group("pct") or below.group("ord") or not 0 < int(numerator) < int(denominator) <= _MAX_DENOMINATOR:
        return None
    if not _adjacent(tokens, i + 2) or (tokens[i + 2].group("word") or "").lower() not in _SHARE_OF:
        return None
    value = round(int(numerator) * 100 / int(denominator), 6)
    return Quantity(value, percent=True, end=below.end())


_MAX_DENOMINATOR = 10
_RATIO_OPENERS = (["in"], ["in", "every"], ["out", "of"], ["out", "of", "every"])
# A count before "in" or "out of": a text that may say a ratio.
_RATIO_HINT = re.compile(r"(?i)\b(?:\d+|" + "|".join(_UNITS) + r")[ \t]+(?:[a-z]+[ \t]+)?(?:in|out[ \t]+of)\b")


def _ratio_share(tokens: list[re.Match[str]], i: int) -> tuple[Quantity, int] | None:
    """A share said as a ratio ("one in three", "1 in 4", "two out of every five": 33.3%, 25%, 40%), tokens taken;
    not "one in three days" (a time) nor "2 in 1" (no share). Its two counts are implied counterparts ("3 of the 50"
    says "three out of 50")."""
    word = (tokens[i].group("word") or "").lower()
    number = tokens[i].group("num")
    if word not in _UNITS and not (number and number.isdigit() and not tokens[i].group("pct")):
        return None
    counted = _counted_noun(tokens, i + 1)  # "one transaction in five"
    words = [(t.group("word") or "").lower() for t in tokens[i + 1 + counted : i + 5 + counted]]
    opener = next((o for o in reversed(_RATIO_OPENERS) if words[: len(o)] == o), None)
    j = i + 1 + counted + len(opener) if opener else 0
    if not opener or not all(_adjacent(tokens, k) for k in range(i + 1, j + 1)):
        return None
    if tokens[j].group("ord") or tokens[j].group("pct"):
        return None  # "one in 3rd place", "1 in 5% of cases"
    if tokens[j].group("num"):
        whole, consumed = float(tokens[j].group("num").replace(",", "")), 1
    else:
        whole, consumed = _number_phrase(tokens, j)
    count = float(number) if number else float(_UNITS[word])
    following = (tokens[j + consumed].group("word") or "").lower() if _adjacent(tokens, j + consumed) else ""
    if not consumed or whole <= count or following in lexicon.UNITS:
        return None
    if counted and following and following not in lexicon.FUNCTION_WORDS and following not in lexicon.AUXILIARIES:
        return None  # "one room in three hotels": the count after "in" counts a noun of its own
    end = tokens[j + consumed - 1].end()
    share = Quantity(round(100 * count / whole, 6), percent=True, spelled=True, end=end, ratio=(count, whole))
    return share, j + consumed - i


def _counted_noun(tokens: list[re.Match[str]], j: int) -> int:
    """1 when token `j` is the noun a ratio's first count counts, said between the count and "in" ("one transaction in
    five" = "one in five transactions"): a content word of letters, no unit ("one day in five" is left to be a time)
    nor a function word; else 0."""
    if not _adjacent(tokens, j):
        return 0
    word = (tokens[j].group("word") or "").lower()
    plain = word.isalpha() and word not in lexicon.UNITS and word not in _NUMBER_WORDS
    return int(plain and word not in lexicon.FUNCTION_WORDS and word not in lexicon.STOPWORDS)


def _one_unit(tokens: list[re.Match[str]], j: int) -> str | None:
    """The unit of "a"/"an"/"one" and a unit word at token `j` ("an hour", "a litre"), which a share before it takes
    a part of; None otherwise."""
    if not (_adjacent(tokens, j) and _adjacent(tokens, j + 1)):
        return None
    if (tokens[j].group("word") or "").lower() not in ("a", "an", "one"):
        return None
    word = (tokens[j + 1].group("word") or "").lower()
    return lexicon.UNITS.get(word) if len(word) > 2 else None


_NOT_SHARED = frozenset({"time", "times", "past", "a", "an", *_NUMBER_WORDS})


def _qualifies_noun(tokens: list[re.Match[str]], j: int) -> bool:
    """Token `j` is a word that "half" before it takes a share of ("half price", "half credit", "half off"): not a unit
    ("half hour"), a number, an article or a word of a time ("half past", "half time")."""
    word = (tokens[j].group("word") or "").lower() if _adjacent(tokens, j) else ""
    return word == "off" or (
        word.isalpha()
        and word not in _NOT_SHARED
        and word not in lexicon.UNITS
        and word not in lexicon.FUNCTION_WORDS
        and word not in lexicon.STOPWORDS
    )


def _stands_alone(tokens: list[re.Match[str]], j: int) -> bool:
    """ "half" before token `j` is a share of its own, not an amount of what follows: at the end of its clause ("about
    half."), or before a function word that is no article nor a word of a time ("from half to 80%", "by half")."""
    if not _adjacent(tokens, j):
        return True
    word = (tokens[j].group("word") or "").lower()
    return word in lexicon.FUNCTION_WORDS and word not in _NOT_SHARED


_SERIES_ENDS = frozenset({"final", "last"})


def _opens_series(tokens: list[re.Match[str]], i: int) -> bool:
    """ "first" (token `i`) before a noun that the text also calls the "final" or "last" one: the two ends of a series
    ("the first stage builds it, the final stage copies it"), which "a multi-stage build" or "then" says as well."""
    if (tokens[i].group("word") or "").lower() != "first" or not _adjacent(tokens, i + 1):
        return False
    noun = (tokens[i + 1].group("word") or "").lower()
    words = [(t.group("word") or "").lower() for t in tokens]
    return bool(noun) and any(w in _SERIES_ENDS and words[k + 1] == noun for k, w in enumerate(words[:-1]))


def _soonest(tokens: list[re.Match[str]], i: int) -> bool:
    """ "first" (token `i`) before a chance, up to one word between ("at the first reasonable opportunity", "the first
    chance you get"): the idiom says "as soon as possible", no place in a series."""
    if (tokens[i].group("word") or "").lower() != "first":
        return False
    for j in (i + 1, i + 2):
        if not _adjacent(tokens, j):
            return False
        if (tokens[j].group("word") or "").lower() in _CHANCES:
            return True
    return False


_CHANCES = frozenset({"opportunity", "chance", "moment", "occasion"})


def _counted_things(word: str) -> str:
    """`word`, right after a number with no unit, when it is a plural noun the number counts ("1000 pages", "three
    attempts"); "" for a function word, a number word or a word that is no plural ("30 more", "5 business days")."""
    plural = word.isalpha() and word.endswith("s") and not word.endswith(("ss", "us", "is"))
    if not plural or word in lexicon.UNITS or word in lexicon.FUNCTION_WORDS or word in _NUMBER_WORDS:
        return ""
    if word == "degrees":
        return ""  # a unit whose scale is unstated ("220 degrees"), no things
    return word if content_word(word) else ""


def _ranks_plural(tokens: list[re.Match[str]], i: int) -> bool:
    """The ordinal word at `i`, from "third" on, ranks the plural noun right after it with no article before it ("up
    to fifth cousins", "open to third graders"). Not a share ("a third", "one fifth"), nor "first" or "second" (a
    start, a unit of time), nor "third parties" (outsiders, no rank)."""
    if _ORDINAL_WORDS[(tokens[i].group("word") or "").lower()] < 3 or not _adjacent(tokens, i + 1):
        return False
    noun = (tokens[i + 1].group("word") or "").lower()
    if not noun.isalpha() or not noun.endswith("s") or noun.endswith("ss") or noun in _NO_RANKS:
        return False
    if i == 0:
        return True
    return not tokens[i - 1].group("num") and (tokens[i - 1].group("word") or "").lower() not in _SHARE_OPENERS


# Nouns an ordinal word does not rank: "third parties" are outsiders.
_NO_RANKS = frozenset({"parties"})
# Words before an ordinal word that make it a share: "a third", "one fifth".
_SHARE_OPENERS = frozenset({"a", "an", "one", *_UNITS})


def _before_ordinal(token: re.Match[str]) -> bool:
    """The token may open an ordinal: "the", a possessive ("your"), or the "s" of a noun's "'s" ("the minuet's")."""
    word = (token.group("word") or "").lower()
    return word in _ORDINAL_AFTER or (word == "s" and token.string[token.start() - 1 : token.start()] in ("'", "’"))


# What may stand between the parts of one duration: "2 hours 30 minutes", "1 hour and 15 minutes", "1 day, 6 hours".
_JOINS_DURATION = re.compile(r"[ \t]*(?:,[ \t]*)?(?:and[ \t]+)?")


def _joined_duration(first: Quantity, second: Quantity) -> Quantity | None:
    """Two durations that make one ("2 hours" then "30 minutes"), in the larger unit; None for "5 days, 2 days"."""
    if first.unit not in _TIME_UNITS or second.unit is None or first.frequency or first.interval or first.percent:
        return None
    big, small = lexicon.UNIT_SIZES[first.unit][1], lexicon.UNIT_SIZES[second.unit][1]
    if small >= big or second.value * small >= big:
        return None
    return Quantity(first.value + second.value * small / big, unit=first.unit, spelled=first.spelled, end=first.end)


def _scaled(tokens: list[re.Match[str]], i: int, value: float) -> tuple[float, int]:
    """A digit number with its scale word or suffix ("1.5 million", "400k", "3 bn", "2 and a half"), tokens taken."""
    nxt = (tokens[i + 1].group("word") or "") if _adjacent(tokens, i + 1) else ""
    glued = bool(nxt) and tokens[i + 1].start() == tokens[i].end()
    if nxt.lower() in _SCALES:
        return value * _SCALES[nxt.lower()], 2  # "1.5 million"
    if (glued or nxt in _SPACED_MAGNITUDES) and nxt in _MAGNITUDES:
        return value * _MAGNITUDES[nxt], 2
    if _and_a_half(tokens, i + 1):
        return value + 0.5, 4
    return value, 1


def _and_a_half(tokens: list[re.Match[str]], i: int) -> bool:
    """Tokens from `i` say "and a half" ("two and a half days", "time and a half")."""
    words = [(t.group("word") or "").lower() for t in tokens[i : i + 3]]
    return words == ["and", "a", "half"] and all(_adjacent(tokens, k) for k in range(i, i + 3))


def _worded_quantity(tokens: list[re.Match[str]], i: int) -> tuple[Quantity, int] | None:
    """Quantities said in words that are not number words, and the tokens they take.

    "time and a half" (1.5×), "double time" (2×), "double", "tripled" or "double-check" (implied 2× or 3×:
    "double the price", "a double room"), "a couple", "a pair", a "pair of" after an adjective ("an empty pair of
    lines") or "both" (implied 2), "neither" before its noun
    (implied 2: "neither rabbit" denies it of each of two rabbits; not "either", whose "either side of low water" or
    "either way" counts nothing the text numbers), "a single" (implied 1:
    "a single request" says "one request"), "every other day" (every 2 days), "every day" or "each morning" (implied:
    every 1 day), "weekly" or "daily" alone (implied: 1× per week, per day).
    """
    word = (tokens[i].group("word") or "").lower()
    nxt = (tokens[i + 1].group("word") or "").lower() if _adjacent(tokens, i + 1) else ""
    if word == "time" and _and_a_half(tokens, i + 1):
        return Quantity(1.5, frequency=True), 4
    if word == "time-and-a-half":
        return Quantity(1.5, frequency=True), 1
    if word.partition("-")[0] in lexicon.MULTIPLIER_WORDS and "-" in word:
        return Quantity(lexicon.MULTIPLIER_WORDS[word.partition("-")[0]], frequency=True, implied=True), 1
    if word in ("a", "an") and nxt in ("couple", "pair"):
        return Quantity(2, implied=True), 2  # "a couple of minutes" ~ "a minute or two"
    if word in ("pair", "pairs") and nxt == "of":
        return Quantity(2, implied=True), 1  # "an empty pair of lines" ~ "two empty lines"
    if word == "a" and nxt == "single":
        return Quantity(1, implied=True, end=tokens[i + 1].end()), 2  # "a single request" ~ "one request"
    if word == "both":
        return Quantity(2, implied=True, end=tokens[i].end()), 1  # "A and B are both step-free" ~ "two rooms"
    if word == "neither" and nxt and nxt not in lexicon.FUNCTION_WORDS and nxt not in lexicon.STOPWORDS:
        return Quantity(2, implied=True, end=tokens[i].end()), 1  # "neither rabbit" ~ "the two rabbits"
    if word in lexicon.MULTIPLIER_WORDS:
        factor = lexicon.MULTIPLIER_WORDS[word]
        if nxt == "time":
            return Quantity(factor, frequency=True), 2
        return Quantity(factor, frequency=True, implied=True), 1
    if word in lexicon.FREQUENCY_PERIODS:
        # "weekly" alone says "once a week" (after a number it is that number's period, read with it)
        return Quantity(1, unit=lexicon.FREQUENCY_PERIODS[word], frequency=True, implied=True), 1
    if word in _EVERY and nxt:
        other = nxt == "other"
        unit_word = (tokens[i + 2].group("word") or "").lower() if other and _adjacent(tokens, i + 2) else nxt
        unit = "day" if unit_word in lexicon.DAY_PARTS else lexicon.UNITS.get(unit_word)
        if unit in _TIME_UNITS and unit_word not in _UNIT_SYMBOLS:
            return Quantity(2 if other else 1, unit=unit, interval=True, implied=not other), 2 + other
    return None


# Unit symbols that are words too ("h", "s", "min"): "every min" is no interval, "every h" no English.
_UNIT_SYMBOLS = frozenset({"s", "h", "min", "sec", "ms", "hr"})
# Parts of the day or meals joined by "and" or commas, a few words apart: "morning and evening",
# "one in the morning and one at night", "with breakfast, lunch and dinner" say how many times a day.
_DAY_PART_GAP = re.compile(r"^\s*,?\s*(?:(?:and|&)\s*)?$", re.IGNORECASE)
_DAY_PART_WORD = re.compile(r"\b[A-Za-z]+\b")


def _day_part_frequencies(text: str) -> list[Quantity]:
    """Implied frequencies from parts of the day listed together: "morning and evening" is 2× a day."""
    found: list[Quantity] = []
    run: list[str] = []
    last_end = -1
    for m in _DAY_PART_WORD.finditer(text):
        part = lexicon.DAY_PARTS.get(m.group(0).lower())
        if part is None:
            continue
        if run and _DAY_PART_GAP.match(_strip_filler(text[last_end : m.start()])):
            run.append(part)
        else:
            if len(set(run)) >= 2:
                found.append(Quantity(len(set(run)), unit="day", frequency=True, implied=True))
            run = [part]
        last_end = m.end()
    if len(set(run)) >= 2:
        found.append(Quantity(len(set(run)), unit="day", frequency=True, implied=True))
    return found


_FILLER = re.compile(r"\b(?:in|at|the|with|before|after|one|each|every|again|then)\b", re.IGNORECASE)


def _strip_filler(gap: str) -> str:
    """The gap between two parts of the day without the words that only place them ("and one in the")."""
    return re.sub(r"\s+", " ", _FILLER.sub(" ", gap))


def _prose_only(text: str) -> str:
    """The text with clock times, inline `code`, glued codes ("4xx", "IPv6") and "24/7" blanked out, positions kept."""
    spans = [(t.start, t.end) for t in find_clock_times(text)]
    spans += [m.span() for m in CODE_SPAN.finditer(text)]
    spans += [m.span() for m in _GLUED.finditer(text) if _is_code(m.group(0))]
    spans += [m.span() for m in _ALWAYS.finditer(text)]
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


# "24/7", "24x7", "24/7/365", "24 hours a day", "seven days a week", "365 days a year": "always", not amounts.
_ALWAYS = re.compile(
    r"\b24\s*[/x×-]\s*7(?:\s*/\s*365)?\b"
    r"|\b(?:24|twenty-four)[\s-]+hours?\s+a\s+day\b|\b(?:7|seven)\s+days\s+a\s+week\b|\b365\s+days\s+a\s+year\b",
    re.IGNORECASE,
)
# A run of letters and digits glued together: "4xx", "x86", "IPv6", "10km", "2nd", "v2".
_GLUED = re.compile(r"(?<![\w.])(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]+(?!\w)")
_NUMBER_THEN_LETTERS = re.compile(r"\d+([A-Za-z]+)")
# The letters that make an hour a clock time: "6am", "9pm".
_MERIDIEMS = frozenset({"am", "pm"})
_LETTERS_THEN_NUMBER = re.compile(r"([A-Za-z]+)\d+")
# "4xx", "5XX": a class of status codes, which covers every number in it ("404", "503")
_NUMBER_CLASS = re.compile(r"(?<![\w.])(?P<lead>\d+)(?P<wild>[xX]+)(?!\w)")


def _is_code(glued: str) -> bool:
    """A glued run of letters and digits that names something ("4xx", "3D", "2FA", "x86", "mp3"), not an amount.

    An amount keeps its ordinal, decade, scale, multiplier or unit letters ("2nd", "1990s", "10k", "3x", "5km",
    "16px"),
    and "v2" is version 2; an hour glued to "am" or "pm" ("6am", "9PM") is a clock time, no name.
    """
    suffix = _NUMBER_THEN_LETTERS.fullmatch(glued)
    if suffix is not None:
        letters = suffix.group(1)
        if letters == "p":
            return glued[:-1] in _RESOLUTIONS  # "85p" is pence, "1080p" a video resolution
        if letters.lower() in _MERIDIEMS:
            return False  # "6am", "11PM": a clock time, which the time check reads
        return not (
            letters in lexicon.NUMBER_SUFFIXES
            or letters in lexicon.CASED_UNITS
            or letters.lower() in lexicon.UNITS
            or letters.lower() in _GLUED_MICRO
            or letters.lower() in lexicon.CSS_UNITS
        )
    prefix = _LETTERS_THEN_NUMBER.fullmatch(glued)
    return prefix is None or prefix.group(1) not in lexicon.VERSION_PREFIXES


def extract_codes(text: str) -> list[str]:
    """Codes glued from letters and digits ("4xx", "x86", "IPv6", "H2O") or hyphenated from words and numbers
    ("eu-west-1", "gpt-4", "COVID-19"): names, compared as entities."""
    glued = [m.group(0) for m in _GLUED.finditer(text) if _is_code(m.group(0))]
    hyphenated = [m.group(0) for m in _HYPHENATED.finditer(text) if _is_identifier(m.group(0))]
    return list(dict.fromkeys(glued + hyphenated + _command_arguments(text)))


# A word joined to another by a slash ("ingress-nginx/ingress-nginx", "bitnami/redis", "origin/main").
_SLASHED = re.compile(r"(?<![\w./-])[a-z0-9][\w.-]*/[a-z0-9][\w.-]*(?<!\.)(?![\w/])")
# An option of a command written in the prose ("--namespace", "--force").
_COMMAND_FLAG = re.compile(r"(?<!\S)--[a-z][\w-]+")


def _command_arguments(text: str) -> list[str]:
    """The slashed words of a text that writes a command out unquoted ("helm install ingress-nginx
    ingress-nginx/ingress-nginx --namespace ingress"): a chart, image or branch the command names, not an "and/or" of
    prose."""
    if "--" not in text or "/" not in text or not _COMMAND_FLAG.search(text):
        return []
    return [
        m.group(0)
        for m in _SLASHED.finditer(text)
        if not any(p in lexicon.FUNCTION_WORDS or len(p) < _MIN_NAME_PART for p in m.group(0).lower().split("/"))
    ]


# Words and numbers joined by hyphens: "eu-west-1", "us-east-2a", "gpt-4o", "rhel-9", "24-hour", "1-on-1".
_HYPHENATED = re.compile(r"(?<![\w.-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+(?![\w-]|\.\w)")
_MIN_NAME_PART = 2


def _is_identifier(word: str) -> bool:
    """A hyphenated name with a number in it ("eu-west-1", "COVID-19"), not a number qualifying a word ("24-hour",
    "3-star", "10-minute") nor a phrase ("1-on-1", "9-to-5")."""
    parts = word.split("-")
    numbered = [p for p in parts if any(c.isdigit() for c in p)]
    named = [p for p in parts if p.isalpha()]
    if not numbered or not named or parts[0].isdigit():
        return False  # "24-hour", "3-star", "2-for-1": a number first qualifies what follows
    return all(
        len(p) >= _MIN_NAME_PART and p.lower() not in lexicon.FUNCTION_WORDS and p.lower() not in lexicon.UNITS
        for p in named
    )


# Words before a scale that leave its count open: "several hundred MB" says what "hundreds of MB" says.
_VAGUE_COUNTS = frozenset({"several", "few", "many"})
# Words that may follow "between" and a count: "between two and five", "between 2 and 5", a range, not a pair.
_RANGE_WORDS = frozenset({"and", "to", "or", *_NUMBER_WORDS})


def _said_loosely(tokens: list[re.Match[str]], i: int, consumed: int, value: float) -> bool:
    """A spelled number that the wording around it says without counting: a scale after a word that leaves its count
    open ("several hundred", "a few thousand": as "hundreds of" says), or the pair that "between" already implies
    ("between two levels" = "between levels", "between the two panes" = "between the panes"; "between two and five"
    is a range), or by a relation that needs two things ("compare two dates", "whether two values are equal")."""
    before = (tokens[i - 1].group("word") or "").lower() if i > 0 and _adjacent(tokens, i) else ""
    if before == "the" and i > 1 and _adjacent(tokens, i - 1):
        before = (tokens[i - 2].group("word") or "").lower()  # "between the two panes": the pair "between" implies
    said = [(tokens[k].group("word") or "").lower() for k in range(i, i + consumed)]
    if said[0] in _SCALES and before in _VAGUE_COUNTS:
        return True
    after = (tokens[i + consumed].group("word") or "").lower() if _adjacent(tokens, i + consumed) else ""
    if value != 2 or said != ["two"] or not after.isalpha() or after in _RANGE_WORDS:
        return False
    return before in _PAIRING_WORDS or _related_pair(tokens, i + consumed)


def _related_pair(tokens: list[re.Match[str]], j: int) -> bool:
    """The plural noun at token `j`, after "two", is the subject of a relation between the two things it names, a
    few words on in its clause ("whether two values are equal", "when two bookings overlap"): the relation needs
    two things, so the count says no more than "compares equality" or "bookings that overlap" does."""
    if not tokens[j].group(0).endswith("s"):
        return False
    for k in range(j + 1, min(len(tokens), j + 1 + _RELATION_REACH)):
        word = (tokens[k].group("word") or "").lower()
        if word in _RECIPROCAL and _adjacent(tokens, k):
            return True
        if not _adjacent(tokens, k) or not (word in lexicon.AUXILIARIES or word in _RELATION_FILLERS):
            return False  # "pick two colours that match": the relation qualifies what is picked, two of them
    return False


# Words before "two" that pair what it counts, as "between" does: "compare two dates" = "compare dates".
_PAIRING_WORDS = frozenset({"between", "compare", "compares", "compared", "comparing"})
# Predicates of a relation between two things ("two strings are equal", "two lines intersect").
_RECIPROCAL = frozenset(
    {"equal", "identical", "same", "different", "differ", "match", "equivalent", "alike", "overlap", "intersect"}
)
_RELATION_REACH = 4
# Words between the pair and its relation that keep the pair its subject: "are not the same", "do not differ".
_RELATION_FILLERS = frozenset({"be", "do", "not", "the", "exactly", "really", "truly", "both"})


def _plural_number(word: str) -> float | None:
    """A number word in the plural that names a group by age or size: "twos" (2), "sixes", "sixties" (60)."""
    for suffix, ending in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and (base := word[: -len(suffix)] + ending) in _UNITS | _TENS:
            return float((_UNITS | _TENS)[base])
    return None


def _quarter_of(tokens: list[re.Match[str]], j: int) -> Quantity | None:
    """A quarter of the unit of time at token `j` ("each additional quarter hour": 15 minutes), as "half hour" is half
    of one; "quarter" before any other word is no amount ("the first quarter", "a quarter past")."""
    if not _adjacent(tokens, j):
        return None
    word = (tokens[j].group("word") or "").lower()
    unit = lexicon.UNITS.get(word) if len(word) > 2 else None
    return Quantity(0.25, unit=unit, spelled=True, end=tokens[j].end()) if unit in _TIME_UNITS else None


def _compound_number(word: str) -> Quantity | None:
    """A spelled number joined to what it counts: "fifty-gigabyte" (50 GB), "two-hour", "three-person" (3); a count
    adjective too, implied ("dual-band": 2, "single-node": 1), and an ordinal joined to what it ranks, implied
    ("first-year": #1, a counterpart of "the first year", never a change of its own).

    "half" is an amount only before a unit ("a half-hour call"); before another word it is an implied share ("a
    half-price ticket": 50%).
    """
    parts = _number_parts(word)
    if len(parts) == 2 and parts[0] == "quarter" and lexicon.UNITS.get(parts[1]) in _TIME_UNITS:
        return Quantity(0.25, unit=lexicon.UNITS[parts[1]], spelled=True)  # "a quarter-hour slot"
    if len(parts) == 2 and parts[0] in ("under", "over") and (group := _plural_number(parts[1])) is not None:
        return Quantity(group, spelled=True)  # "under-twos come in free" says what "children under two" says
    if len(parts) == 2 and parts[0] in lexicon.COUNT_ADJECTIVES and parts[1].isalpha():
        # "dual-band" says "two-band", "single-node" "one-node": a counterpart, never a change of its own
        return Quantity(lexicon.COUNT_ADJECTIVES[parts[0]], spelled=True, implied=True)
    if len(parts) == 2 and parts[0] in _ORDINAL_WORDS and parts[1].isalpha():
        # "the first-year salary" says "the first year's salary", "a second-floor flat" "the second floor"
        return Quantity(_ORDINAL_WORDS[parts[0]], ordinal=True, spelled=True, implied=True)
    count = next((k for k, part in enumerate(parts) if part not in _NUMBER_WORDS), len(parts))
    if count == 0 or count == len(parts):
        return None
    rest = parts[count]
    unit = lexicon.UNITS.get(rest) if len(rest) > 2 else None
    if parts[:count] == ["half"] and unit is None:
        # "a half-price ticket" says "half the price" loosely: a counterpart of "50% off", never a change of its own
        return Quantity(50.0, percent=True, spelled=True, implied=True)
    value = _spelled_value(parts[:count])
    if rest == "percent":
        return Quantity(value, percent=True, spelled=True)
    return Quantity(value, currency=lexicon.CURRENCY_WORDS.get(rest), unit=unit, spelled=True)


def nth_occurrence(value: float, text: str) -> bool:
    """The text names the `value`-th of a series of attempts ("a third failed attempt", "the 3rd try"), which says
    what "`value` times" says of the same attempts: "fail three times" = "after a third failed attempt"."""
    for m in _NTH_OCCURRENCE.finditer(text):
        said = m.group("nth").lower()
        if _ORDINAL_WORDS.get(said, float(said[:-2]) if said[:-2].isdigit() else 0.0) == value:
            return True
    return False


# An ordinal, at most two words, then a word for one of a series of occurrences: "third failed attempt", "3rd try".
_NTH_OCCURRENCE = re.compile(
    r"\b(?P<nth>" + "|".join(_ORDINAL_WORDS) + r"|\d+(?:st|nd|rd|th))(?:[ \t]+[A-Za-z-]+){0,2}?[ \t]+"
    r"(?:attempts?|tries|try|times?|failures?|occurrences?|retry|retries|strikes?|offen[cs]es?|violations?)\b",
    re.IGNORECASE,
)


def said_otherwise(q: Quantity, other: str) -> bool:
    """The other side says the number in a form the number check does not read as one.

    Inside inline code (`timeout=30` for "30 seconds") or a code ("Q3" for "the third quarter", "2FA" for
    "two-factor"), inside a class of codes ("404" in "4xx"), as the hour of a clock time ("eight" for
    "8 p.m.": a bare hour is a count or a time), or an ordinal as the word after "every" ("every 2nd Monday" =
    "every second Monday" = "every other Monday"), or an ordinal word where it is read as none (after "a" or after an
    adjective: "a seventh consumer" for "a 7th consumer", "a failed first screen" for "the first screen").
    """
    coded = [*CODE_SPAN.findall(other), *extract_codes(other)]
    if any(q.value == float(n) for code in coded for n in re.findall(r"\d+(?:\.\d+)?", code)):
        return True
    if q.ordinal and any(_ORDINAL_WORDS.get(w, 2 if w == "other" else 0) == q.value for w in _every_nth(other)):
        return True  # "every 2nd Monday" = "every second Monday" = "every other Monday"
    if q.ordinal and _ordinal_said(q.value, other):
        return True  # "a 7th consumer" = "a seventh consumer"
    if q.percent and _share_said(q.value, other):
        return True  # "less than a quarter of a tank" = "below a quarter when you finish"
    if not q.bare_count:
        return False
    for m in _NUMBER_CLASS.finditer(other):
        scale = 10 ** len(m.group("wild"))
        if int(m.group("lead")) * scale <= q.value < (int(m.group("lead")) + 1) * scale:
            return True
    return any(int(q.value) in t.hours for t in find_clock_times(other))


# A share said in words, not a time ("a quarter past") or an amount ("half an hour"): "a quarter", "half".
_SHARE_WORDS = {
    value: re.compile(words + r"(?![ \t]+(?:past|to)\b)", re.IGNORECASE)
    for value, words in {
        25.0: r"\b(?:a|one)[ \t-]+quarter\b",
        50.0: r"\bhalf\b(?![ \t]+an?\b)",
        75.0: r"\bthree[ \t-]+quarters\b",
    }.items()
}


def _share_said(value: float, text: str) -> bool:
    """The text says the share in words (25% as "a quarter"), where the number check may read it as none ("below a
    quarter when you finish": only a share before "of" or a noun is one)."""
    pattern = _SHARE_WORDS.get(value)
    return pattern is not None and pattern.search(text) is not None


_EVERY_NTH = re.compile(r"\bevery[ \t]+([A-Za-z]+)", re.IGNORECASE)
_ORDINAL_NAMES = {value: word for word, value in _ORDINAL_WORDS.items()}


def _ordinal_said(value: float, text: str) -> bool:
    """The text says the `value`-th as a word after an article or possessive and up to two words ("a seventh
    consumer", "a failed first screen", "the very first"), where it is read as no ordinal, or bare after a preposition
    of place or purpose and before its noun ("auditioning for second violin", "travel in first class"): a rank named
    without its article, which says what "the second violin" says."""
    word = _ORDINAL_NAMES.get(int(value)) if float(value).is_integer() else None
    if word is None or word not in text.lower():
        return False
    pattern = rf"\b(?:an?|{'|'.join(_ORDINAL_AFTER)})[ \t]+(?:[A-Za-z]+(?:-[A-Za-z]+)*[ \t]+){{0,2}}{word}\b(?!-)"
    if re.search(pattern, text, re.IGNORECASE) is not None:
        return True
    bare = re.finditer(rf"\b(?:{'|'.join(_RANK_PREPOSITIONS)})[ \t]+{word}[ \t]+([A-Za-z]+)\b", text, re.IGNORECASE)
    return any(_names_a_rank(m.group(1).lower()) for m in bare)


# Prepositions of place or purpose before a rank said without its article: "for second violin", "in first class",
# "at third base". Not "as", which gives a person a role ("with Tom as second shooter"): who holds which rank is what
# changes there, and the ordinal is kept as a counterpart of "the second shooter" only when an article says it.
_RANK_PREPOSITIONS = ("for", "in", "on", "at", "to", "into")


def _names_a_rank(noun: str) -> bool:
    """The word after a bare ordinal is the noun it ranks ("violin", "class"), not a function word or a unit of time
    ("for second place" ranks; "in second and third", "for a second or two" do not)."""
    return noun not in lexicon.FUNCTION_WORDS and noun not in lexicon.STOPWORDS and noun not in lexicon.UNITS


def _every_nth(text: str) -> list[str]:
    """The words after each "every" ("every second Monday": second), lower-cased."""
    return [w.lower() for w in _EVERY_NTH.findall(text)]


# "220°C", "220 ° F", "220 degrees Celsius", "300 degrees" (no scale: unstated); "8 fl oz".
_DEGREES = re.compile(
    r"[ \t]*(?:°|º|degrees?\b)[ \t]*(?:(?P<c>celsius|centigrade|c)|(?P<f>fahrenheit|f)|(?P<k>kelvin|k))?(?![A-Za-z])",
    re.IGNORECASE,
)
_FLUID_OUNCES = re.compile(r"[ \t]*-?[ \t]*(?:fl\.?[ \t]*oz|fluid[ \t]+ounces?)\b", re.IGNORECASE)
# "60 km/h", "60 kilometres per hour", "60 miles an hour", "3 m/s": speeds, not distances
_SPEED = re.compile(
    r"[ \t]*(?:(?P<kmh>km[ \t]*/[ \t]*h(?:r|our)?|(?:km|kilomet(?:re|er)s?)[ \t]+(?:per|an)[ \t]+hour)"
    r"|(?P<mph>miles?[ \t]+(?:per|an)[ \t]+hour)|(?P<ms>m[ \t]*/[ \t]*s|met(?:re|er)s?[ \t]+per[ \t]+second))\b",
    re.IGNORECASE,
)

# "18 lb·ft", "18 ft-lbs", "25 N·m", "25 Nm", "30 in-lb", "2 kgf·m": torques, a force times a lever's length, not
# masses or lengths ("N" in capitals: "nm" is nanometres)
_FORCE_LENGTH = r"(?:[ \t]*[·*-][ \t]*|\.|[ \t]*)"  # "lb·ft", "lb-ft", "lb.ft", "lb ft"
_POUNDS, _FEET, _INCHES = r"(?i:lbf?s?|pounds?)", r"(?i:ft|feet|foot)", r"(?i:in|inch(?:es)?)"
_TORQUE = re.compile(
    rf"[ \t]*(?:(?P<lbft>{_POUNDS}{_FORCE_LENGTH}{_FEET}|{_FEET}{_FORCE_LENGTH}{_POUNDS})"
    rf"|(?P<inlb>{_INCHES}[ \t]*[·*-][ \t]*{_POUNDS}|{_POUNDS}[ \t]*[·*-][ \t]*{_INCHES})"
    rf"|(?P<nm>N{_FORCE_LENGTH}m|(?i:newton)[ \t-]*(?i:met(?:re|er)s?))"
    rf"|(?P<kgfm>(?i:kgf?)[ \t]*[·*-][ \t]*m))(?![A-Za-z])"
)
_TORQUE_UNITS = {"lbft": "lb·ft", "inlb": "in·lb", "nm": "N·m", "kgfm": "kgf·m"}

# "20 cubic metres", "40 sq. ft", "3 square miles": a length raised to an area or a volume
_POWERED = re.compile(
    r"[ \t]*(?P<power>" + "|".join(lexicon.POWER_WORDS) + r")\.?[ \t]+(?P<length>[A-Za-z]+)\b", re.IGNORECASE
)


# Units with the prefix micro-, a millionth: "450 µs", "12 μg/L" (the micro sign U+00B5 or the Greek mu U+03BC, both
# in use), "5 mcg", "10 microlitres", and "450us" glued to its number (apart, "us" is the pronoun: "2 of us").
_MICRO = re.compile(
    r"(?:[ \t]*(?:[µμ]|micro-?)|(?=us\b)|[ \t]*(?=mcg\b))"
    r"(?P<unit>s|us|secs?|seconds?|g|mcg|grams?|grammes?|m|met(?:re|er)s?|l|lit(?:re|er)s?)(?![A-Za-z])",
    re.IGNORECASE,
)
_GLUED_MICRO = frozenset({"us", "mcg"})  # "450us", "50mcg": amounts in micro-units, no codes
_MICRO_UNITS = {
    **dict.fromkeys(("s", "us", "sec", "secs", "second", "seconds"), "µs"),
    **dict.fromkeys(("g", "mcg", "gram", "grams", "gramme", "grammes"), "µg"),
    **dict.fromkeys(("m", "metre", "metres", "meter", "meters"), "µm"),
    **dict.fromkeys(("l", "litre", "litres", "liter", "liters"), "µl"),
}


def _unit_after(tokens: list[re.Match[str]], j: int) -> str | None:
    """The unit written after the number that ends just before token `j`, if any."""
    text, end = tokens[j - 1].string, tokens[j - 1].end()
    degrees = _DEGREES.match(text, end)
    if degrees:
        return "°C" if degrees.group("c") else "°F" if degrees.group("f") else "K" if degrees.group("k") else None
    if _FLUID_OUNCES.match(text, end):
        return "fl oz"
    torque = _TORQUE.match(text, end)
    if torque:
        return next(_TORQUE_UNITS[name] for name, said in torque.groupdict().items() if said)
    speed = _SPEED.match(text, end)
    if speed:
        return "km/h" if speed.group("kmh") else "mph" if speed.group("mph") else "m/s"
    powered = _POWERED.match(text, end)
    if powered:
        length = lexicon.UNITS.get(powered.group("length").lower())
        if length is not None and lexicon.UNIT_SIZES[length][0] == "distance":
            return length + lexicon.POWERS[lexicon.POWER_WORDS[powered.group("power").lower()]][0]  # "m³"
    micro = _MICRO.match(text, end)
    if micro:
        return _MICRO_UNITS[micro.group("unit").lower()]
    if not _adjacent(tokens, j) or not tokens[j].group("word"):
        return None
    word = tokens[j].group("word")
    if word.lower() not in lexicon.UNITS:  # "kilowatt-hours" is a unit whole; "two-hour" is an hour
        word = word.split("-")[0]
    attached = tokens[j].start() == end
    if attached and word.lower() in lexicon.CSS_UNITS:
        return word.lower()  # "1.5rem", "16px"
    if word in lexicon.CASED_UNITS:
        if (word == "K" and attached) or (word == "s" and attached and _plural_s(tokens, j)):
            return None  # "5K" is five thousand; "the 1990s" is a decade, "under-8s" an age group
        return lexicon.CASED_UNITS[word]
    if word.lower() in lexicon.CASED_UNITS:
        return None  # "$5M", "5G"
    unit = lexicon.UNITS.get(word.lower())
    if unit == "in" and word.lower() == "in" and not _inches(tokens, j):
        return None
    return unit


def _plural_s(tokens: list[re.Match[str]], j: int) -> bool:
    """The "s" at `j`, glued to a number, makes it plural: a decade ("the 1990s", "in their 20s", "mid-30s"), an age
    group ("under-8s", "the over-50s") or a round number ("100s of users"); otherwise it is seconds ("every 5s")."""
    number = tokens[j - 1].group(0)
    before = (tokens[j - 2].group("word") or "").lower() if j > 1 else ""
    if before in _AGE_GROUP_OPENERS and _gap(tokens, j - 1) == "-":
        return True
    if not number.endswith("0"):
        return False
    after = (tokens[j + 1].group("word") or "").lower() if j + 1 < len(tokens) else ""
    return len(number) == _YEAR_DIGITS or before in _DECADE_OPENERS or after == "of"


_YEAR_DIGITS = 4
# Words before a decade: "the 80s", "their 20s", "the early 90s", "mid-30s".
_DECADE_OPENERS = _ORDINAL_AFTER | {"early", "mid", "late"}
_AGE_GROUP_OPENERS = frozenset({"under", "over"})


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
        following = (tokens[j + 1].group("word") or "").lower()
        unit = "quarter" if following == "quarter" else lexicon.UNITS.get(following)  # "once a quarter"
        if unit in _TIME_UNITS:
            return unit, 2
    return None, 0


def _per_units(text: str, tokens: list[re.Match[str]], j: int) -> frozenset[str]:
    """The units a quantity is divided by later in its clause: "60 kg of potash per hectare", "$5/month"."""
    units: set[str] = set()
    for k in range(j, min(len(tokens), j + _COUNT_REACH)):
        gap = text[tokens[k - 1].end() : tokens[k].start()] if k > 0 else ""
        if _CLAUSE_END.search(gap) or tokens[k].group("num"):
            break
        word = (tokens[k].group("word") or "").lower()
        unit = lexicon.UNITS.get(word)
        after_per = k > 0 and (tokens[k - 1].group("word") or "").lower() == "per" and _adjacent(tokens, k)
        if unit is not None and (after_per or gap == "/"):
            units.add(unit)
    return frozenset(units)


_COUNT_REACH = 6
_FREQUENCY_MARKS = frozenset({*lexicon.FREQUENCY_WORDS, "times", "time"})
_CLAUSE_END = re.compile(r"[.,;:!?()\n]")


def _counted_period(text: str, tokens: list[re.Match[str]], j: int) -> tuple[str, int] | None:
    """The period of a count said later in its clause and the index of its rate word: "two cleanings per year",
    "3 lessons each week", "two visits a year." ("a"/"an" only closing the clause or its subject, "two visits a year
    is enough": "two tickets and a day pass" is no rate)."""
    for k in range(j, min(len(tokens) - 1, j + _COUNT_REACH)):
        if k > 0 and _CLAUSE_END.search(text[tokens[k - 1].end() : tokens[k].start()]):
            return None
        word = (tokens[k].group("word") or "").lower()
        if tokens[k].group("num") or word in _NUMBER_WORDS or word in _FREQUENCY_MARKS:
            return None  # another quantity's period: "one tablet twice a day"
        unit = lexicon.UNITS.get((tokens[k + 1].group("word") or "").lower())
        if word not in lexicon.RATE_WORDS or unit is None or unit not in _TIME_UNITS or not _adjacent(tokens, k + 1):
            continue
        if word in ("per", "each", "every"):
            return unit, k
        rest = text[tokens[k + 1].end() :].lstrip()
        return (unit, k) if not rest or _CLAUSE_END.match(rest) or _verb_after(rest) else None
    return None


def _verb_after(rest: str) -> bool:
    """The text after a count's "a year" opens with an auxiliary: the count and its period are the subject of the
    clause ("two tunings a year is ideal", "three visits a week should do"), so the period closes its noun phrase."""
    first = re.match(r"[A-Za-z]+", rest)
    return first is not None and first.group(0).lower() in lexicon.AUXILIARIES


def _counted_unit(tokens: list[re.Match[str]], start: int, end: int) -> str | None:
    """A unit among the words a count qualifies before its period: "25 paid vacation days a year" counts days, "200
    free miles per day" miles, so each is an amount per period (as "200 miles free each day" says), not a frequency.
    A symbol ("h", "min") or the preposition "in" is no unit there ("two lessons in the pool each week")."""
    for k in range(start, end):
        word = (tokens[k].group("word") or "").lower()
        unit = lexicon.UNITS.get(word)
        if unit is not None and word not in _UNIT_SYMBOLS and word != "in":
            return unit
    return None


_TIME_UNITS = frozenset(u for u, (dim, _) in lexicon.UNIT_SIZES.items() if dim == "time")

# Every unhyphenated word that may open a quantity in `parse_quantities` (a number, ordinal, frequency, share or
# multiplier word, an article before a duration or a share, a unit of time, "every"): any other word is passed by.
_STARTERS = frozenset(
    {
        *_NUMBER_WORDS,
        *_ORDINAL_WORDS,
        *_FRACTION_WORDS,
        *lexicon.FREQUENCY_WORDS,
        *lexicon.MULTIPLIER_WORDS,
        *lexicon.FREQUENCY_PERIODS,
        *_EVERY,
        *(word for word, unit in lexicon.UNITS.items() if unit in _TIME_UNITS),
        "a", "an", "half", "quarter", "time", "pair", "pairs", "both", "neither",
    }
)  # fmt: skip


def _article_duration(tokens: list[re.Match[str]], i: int) -> tuple[Quantity, int] | None:
    """ "a year", "an hour", "a fortnight", "half an hour", "an hour and a half": a duration of one (or half a) unit.

    Not a rate: "$5 a month", "3 times a day", "twice a week", "three days a week" say how often; after a unit of time,
    "one office day a fortnight", it is the period, as often as "every fortnight" says (implied: a counterpart of
    "every two weeks", never a change of its own); a comma parts a count from the duration after it ("six sessions,
    a fortnight apart" is a duration).
    """
    value, j, period = 1.0, i + 1, False
    if (tokens[i].group("word") or "").lower() == "half":
        if not (_adjacent(tokens, j) and (tokens[j].group("word") or "").lower() in ("a", "an")):
            return None
        value, j = 0.5, j + 1
    elif i > 0 and (tokens[i - 1].group("num") or (tokens[i - 1].group("word") or "").lower() in _RATE_BEFORE):
        return None
    elif not _adjacent(tokens, i):
        pass  # "six sessions, a fortnight apart": a comma parts the count from the duration, no rate
    elif i > 1 and (tokens[i - 2].group("num") or (tokens[i - 2].group("word") or "").lower() in _NUMBER_WORDS):
        return None  # "three days a week", "2 tablets a day": a count per period
    elif i > 0 and lexicon.UNITS.get((tokens[i - 1].group("word") or "").lower()) in _TIME_UNITS:
        period = True  # "25 paid vacation days a year", "hours a week": a rate
    if not _adjacent(tokens, j):
        return None
    unit = lexicon.UNITS.get((tokens[j].group("word") or "").lower())
    if unit not in _TIME_UNITS or tokens[j].group("word").lower() in ("s", "h", "min", "sec", "ms", "hr"):
        return None
    if period:
        return Quantity(1, unit=unit, interval=True, implied=True), j + 1 - i
    if value == 1 and _and_a_half(tokens, j + 1):
        return Quantity(1.5, unit=unit, spelled=True), j + 4 - i  # "an hour and a half"
    return Quantity(value, unit=unit, spelled=True, article=value == 1), j + 1 - i


# Words before a unit of time alone that make it a span of one unit: "the first week", "the past year", "the whole day".
_SPAN_OPENERS = frozenset(
    {"first", "last", "past", "next", "coming", "previous", "following", "whole", "entire", "full", "initial", "final"}
)


def _span_of_one_unit(tokens: list[re.Match[str]], i: int) -> Quantity | None:
    """ "the first fortnight", "over the past year", "a full century": one unit of time, said by the unit alone.

    Implied (a counterpart, never a change of its own): "for the first fortnight" says what "for the first two
    weeks" says, while "the first week" against "the first three weeks" is still the three weeks added.
    """
    word = (tokens[i].group("word") or "").lower()
    unit = lexicon.UNITS.get(word)
    if unit not in _TIME_UNITS or word in _UNIT_SYMBOLS or word.endswith("s") or not _adjacent(tokens, i):
        return None
    if (tokens[i - 1].group("word") or "").lower() not in _SPAN_OPENERS:
        return None
    return Quantity(1, unit=unit, spelled=True, implied=True, end=tokens[i].end())


# Words after "a second" that keep it a duration: "a second later", "a second or two", "a second too long".
_AFTER_A_SECOND = frozenset({"ago", "too", *lexicon.BOUND_COMPARATIVES, *lexicon.TIME_COMPARATIVES})


def _another_one(tokens: list[re.Match[str]], j: int) -> bool:
    """Tokens from `j` are "second" before a noun ("a second person", "a second coat of paint"): the ordinal."""
    if not _adjacent(tokens, j) or (tokens[j].group("word") or "").lower() != "second" or not _adjacent(tokens, j + 1):
        return False
    word = (tokens[j + 1].group("word") or "").lower()
    return (
        word.replace("-", "").isalpha()  # "a second call-out fee"
        and word not in _AFTER_A_SECOND
        and word not in lexicon.FUNCTION_WORDS
        and word not in lexicon.STOPWORDS
        and word not in lexicon.AUXILIARIES
    )


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
        parts = _number_parts(word)
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
    if consumed and _and_a_half(tokens, start + consumed):
        return total + current + 0.5, consumed + 3  # "two and a half"
    return total + current, consumed


def _number_parts(word: str) -> list[str]:
    """The parts of a hyphenated word, less the "and" of a spelled number ("one-hundred-and-twenty": one, hundred,
    twenty)."""
    parts = word.split("-")
    if "and" not in parts:
        return parts
    return [
        p
        for k, p in enumerate(parts)
        if not (p == "and" and 0 < k < len(parts) - 1 and parts[k - 1] in _SCALES and parts[k + 1] in _NUMBER_WORDS)
    ]


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
    if before in _EVERY and _ratio_one(tokens, start):
        return False
    if before in _ONE_AS_PRONOUN_BEFORE or after in _ONE_AS_PRONOUN_AFTER:
        return True
    if after == "":  # closing the text: "the blue one", "a new one"; but "counting starts at one" is the number
        return before not in _POINT_PREPOSITIONS
    # "a spare one", "the blue one": an article, a word that is no number, then "one" stands for a noun
    two_back = (tokens[start - 2].group("word") or "").lower() if start > 1 else ""
    return two_back in _ARTICLES and before != "" and before not in _NUMBER_WORDS and _adjacent(tokens, start)


_ARTICLES = frozenset({"a", "an", "the"})
# Prepositions before a point on a scale, where a closing "one" is the number: "indexes start at one", "count from one".
_POINT_PREPOSITIONS = frozenset({"at", "from"})


_RATIO_REACH = 6


def _ratio_one(tokens: list[re.Match[str]], start: int) -> bool:
    """ "one" at `start` counts the noun after it in the ratio "N X for every one Y" ("three litres for every one
    kilo"), as "1" there does: a count shortly before "for", and a singular content word after "one", no verb ("a
    tree for every one sold", "for each one that fails", "for every one you buy", "two for every one counts")."""
    if start < 3 or (tokens[start - 2].group("word") or "").lower() != "for" or not _adjacent(tokens, start + 1):
        return False
    earlier = tokens[max(0, start - 2 - _RATIO_REACH) : start - 2]
    if not any(t.group("num") or (t.group("word") or "").lower() in _NUMBER_WORDS for t in earlier):
        return False
    noun = (tokens[start + 1].group("word") or "").lower()
    if not noun.isalpha() or not content_word(noun) or noun in _ONE_AS_PRONOUN_AFTER or noun in lexicon.AUXILIARIES:
        return False
    return not noun.endswith(("s", "ed", "ing")) or noun in lexicon.UNITS
