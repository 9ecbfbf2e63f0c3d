"""Clock times in English text as minutes since midnight: "7:30 p.m." = "half past seven in the evening" = "19:30".

Found: `H:MM` (24-hour when the hour is over 12, is 0 or has a leading zero), `H:MM:SS`, `H am/pm` (`8pm`,
`8 p.m.`, `7.30 PM`), "H o'clock", "half/quarter/N (minutes) past H", "quarter to H", "N minutes to H",
"noon", "midday", "midnight", a spelled hour with its minutes after "at" ("at seven thirty"), and a spelled
or digit hour followed by a part of the day ("seven in the evening"). A part of the day after any of them
("in the morning", "in the afternoon", "in the evening", "at night", "tonight") says am or pm. A bare hour
("at eight") is not read as a time: it may be a count, so the number check decides.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from promptops import change_lexicon as lexicon

_HALF_DAY = 12 * 60


@dataclass(frozen=True)
class ClockTime:
    """A time of day and where it stands in the text; `half_day_known` is False when am or pm is unsaid."""

    minutes: int
    half_day_known: bool
    start: int
    end: int

    def matches(self, other: ClockTime) -> bool:
        """The same time of day; a side that does not say am or pm agrees with either half of the day."""
        if self.half_day_known and other.half_day_known:
            return self.minutes == other.minutes
        return self.minutes % _HALF_DAY == other.minutes % _HALF_DAY

    def within(self, part: str) -> bool:
        """The time falls in a part of the day ("morning", "midday", "afternoon", "evening", "night")."""
        start, end = _PART_RANGES[part]
        readings = (
            [self.minutes] if self.half_day_known else [self.minutes % _HALF_DAY, self.minutes % _HALF_DAY + _HALF_DAY]
        )
        return any(start <= m < end or start <= m + _DAY < end for m in readings)

    @property
    def hours(self) -> tuple[int, ...]:
        """The numbers a bare hour on the other side may say for this time: (8, 20) for 8 p.m.; none off the hour."""
        if self.minutes % 60:
            return ()
        hour = self.minutes // 60
        return tuple(sorted({hour % 12 or 12, hour % 12 + 12}))

    @property
    def text(self) -> str:
        """`7:30 pm`, or `7:30` when am or pm is unsaid."""
        hour, minute = divmod(self.minutes, 60)
        shown = f"{hour % 12 or 12}:{minute:02d}"
        return f"{shown} {'am' if hour < 12 else 'pm'}" if self.half_day_known else shown


_DAY = 24 * 60
# Parts of the day as minutes since midnight (night runs past midnight); they overlap, as their words do.
_PART_RANGES = {
    "morning": (5 * 60, 12 * 60 + 1),  # "before noon" is the morning
    "midday": (11 * 60, 14 * 60),
    "afternoon": (12 * 60, 18 * 60),
    "evening": (17 * 60, 22 * 60 + 1),  # "ten in the evening"
    "night": (20 * 60, 29 * 60),
}
_PART_WORDS = {
    **{w: "morning" for w in ("morning", "mornings")},
    **{w: "midday" for w in ("midday", "noon", "lunchtime", "noontime")},
    **{w: "afternoon" for w in ("afternoon", "afternoons")},
    **{w: "evening" for w in ("evening", "evenings")},
    **{w: "night" for w in ("night", "nights", "tonight", "overnight", "nighttime")},
}
_PART_WORD = re.compile(r"\b(?:" + "|".join(_PART_WORDS) + r")\b", re.IGNORECASE)


def part_of_day(word: str) -> str | None:
    """The part of the day a word names ("tonight": night, "evenings": evening), or None."""
    return _PART_WORDS.get(word.lower())


def parts_of_day(text: str) -> set[str]:
    """The parts of the day a text names outside its clock times ("through the afternoon", "at night")."""
    chars = list(text)
    for t in find_clock_times(text):
        chars[t.start : t.end] = " " * (t.end - t.start)
    return {_PART_WORDS[m.group(0).lower()] for m in _PART_WORD.finditer("".join(chars))}


_HOUR_WORDS = {w: v for w, v in lexicon.SMALL_NUMBERS.items() if 1 <= v <= 12}
_HOUR = r"(?:(?:1[0-2]|0?[1-9])(?!\d)|(?:" + "|".join(_HOUR_WORDS) + r")\b)"
# minute words: "five", "fifteen", "twenty-five", "forty five"
_MINUTE_WORDS = {
    **{w: v for w, v in lexicon.SMALL_NUMBERS.items() if 1 <= v <= 19},
    **{w: v for w, v in lexicon.TENS.items() if v < 60},
    **{
        f"{t}{sep}{u}": tv + uv
        for t, tv in lexicon.TENS.items()
        if tv < 60
        for u, uv in lexicon.SMALL_NUMBERS.items()
        if 1 <= uv <= 9
        for sep in ("-", " ")
    },
}
_MINUTE_WORD = "|".join(sorted(_MINUTE_WORDS, key=len, reverse=True))
_DIGITS = "one|two|three|four|five|six|seven|eight|nine"
_PAST = re.compile(
    rf"\b(?:a\s+)?(?P<m>half|quarter|(?:{_MINUTE_WORD})\b|[1-5]?\d)(?P<unit>\s+minutes?)?\s+"
    rf"(?P<dir>past|after|to|before)\s+(?P<h>{_HOUR})",
    re.IGNORECASE,
)
# What every match of `_PAST` holds, found far faster than `_PAST` itself, whose many minute words are tried at every
# word: a direction and the first character of an hour after it.
_PAST_HINT = re.compile(rf"\b(?:past|after|to|before)\s+(?:\d|(?:{'|'.join(_HOUR_WORDS)})\b)", re.IGNORECASE)
_COLON = re.compile(r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])(?P<sep>[:.])(?P<m>[0-5]\d)(?::[0-5]\d)?(?![\d:]|\.\d)")
_OCLOCK = re.compile(rf"\b(?P<h>{_HOUR})\s*o['’]?\s?clock\b", re.IGNORECASE)
_CLOCK_HINT = re.compile("clock", re.IGNORECASE)  # what every match of `_OCLOCK` holds
_NOON = re.compile(r"\b(?:(?:12|twelve)\s+)?(?P<w>noon|midday|midnight)\b", re.IGNORECASE)
_SPELLED = re.compile(
    rf"\b(?P<at>(?:at|by|until|till|from|around|about|before|after)\s+)?(?P<h>{_HOUR})"
    rf"(?:\s+(?P<m>(?:{_MINUTE_WORD}|oh\s+(?:{_DIGITS}))\b))?",
    re.IGNORECASE,
)
# What follows a time and says which half of the day it is in.
_SUFFIX = re.compile(
    r"\s*(?P<ap>[ap])\.?\s?m\b\.?"
    r"|,?\s+(?:in\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<night>night)"
    r"|this\s+(?P<this>morning|afternoon|evening)|(?P<tonight>tonight))\b",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"[\s-]*(?P<w>[A-Za-z]+)")


@dataclass(frozen=True)
class _Candidate:
    """A reading of the text as a time, before the part of the day after it is known."""

    start: int
    end: int
    hour: int
    minute: int
    known: bool = False  # 24-hour notation, noon, midnight
    needs_suffix: bool = False  # "8", "seven": a time only with "pm" or "in the evening" after it
    # "one in the morning and one at night" counts tablets: without "at", "by", "from", … before a bare hour,
    # only "am" or "pm" makes it a time
    needs_am_pm: bool = False


def find_clock_times(text: str) -> list[ClockTime]:
    """Every clock time in the text, left to right; of overlapping readings the earliest and longest wins."""
    return list(_clock_times(text))


# The number and time checks both read each text, once per sample of the other run: parse it once.
@functools.lru_cache(maxsize=4096)
def _clock_times(text: str) -> tuple[ClockTime, ...]:
    candidates = [*_colon_times(text), *_past_times(text), *_oclock_times(text), *_noon_times(text)]
    candidates += _spelled_times(text)
    found: list[ClockTime] = []
    for candidate in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if found and candidate.start < found[-1].end:
            continue
        time = _with_suffix(text, candidate)
        if time is not None:
            found.append(time)
    return tuple(found)


def _with_suffix(text: str, c: _Candidate) -> ClockTime | None:
    """The time with the half of the day that a following "pm" or "in the evening" says."""
    suffix = _SUFFIX.match(text, c.end)
    if suffix is not None and c.needs_am_pm and not suffix.group("ap"):
        suffix = None
    if suffix is None:
        return None if c.needs_suffix else ClockTime(c.hour * 60 + c.minute, c.known, c.start, c.end)
    if suffix.group("ap"):
        pm = suffix.group("ap").lower() == "p"
    else:
        pm = (suffix.group("part") or suffix.group("this") or "").lower() != "morning"
        if suffix.group("night") and c.hour == 12:
            pm = False  # "twelve at night" is midnight
    if c.hour > 12:
        return ClockTime(c.hour * 60 + c.minute, True, c.start, c.end)  # "19:30 in the evening" says it twice
    return ClockTime(((c.hour % 12) + (12 if pm else 0)) * 60 + c.minute, True, c.start, suffix.end())


def _hour(word: str) -> int:
    return int(word) if word.isdigit() else _HOUR_WORDS[word.lower()]


def _minute(word: str) -> int:
    low = " ".join(word.lower().split())
    if low.isdigit():
        return int(low)
    if low.startswith("oh "):
        return lexicon.SMALL_NUMBERS[low[3:]]
    return {"half": 30, "quarter": 15}.get(low) or _MINUTE_WORDS[low]


def _colon_times(text: str) -> list[_Candidate]:
    """ "7:30", "19:30", "07:30" (24-hour), "23:15:00", and "7.30" only before am or pm (else a decimal)."""
    found: list[_Candidate] = []
    for m in _COLON.finditer(text):
        hour = int(m.group("h"))
        if m.group("sep") == ".":
            suffix = _SUFFIX.match(text, m.end())
            if suffix is None or not suffix.group("ap"):
                continue
        known = hour > 12 or hour == 0 or m.group("h").startswith("0")
        found.append(_Candidate(m.start(), m.end(), hour, int(m.group("m")), known))
    return found


def _past_times(text: str) -> list[_Candidate]:
    """ "half past seven", "quarter to eight", "20 minutes past 9": minutes before or after an hour."""
    found: list[_Candidate] = []
    if _PAST_HINT.search(text) is None:
        return found  # no "past", "after", "to" or "before" before an hour: scanning for the minutes is costly
    for m in _PAST.finditer(text):
        minute_word, direction = m.group("m").lower(), m.group("dir").lower()
        if minute_word == "half" and direction != "past":
            continue
        if direction != "past" and not (m.group("unit") or (minute_word == "quarter" and direction == "to")):
            continue  # "five to ten days" is a range; "quarter to eight" and "ten minutes to eight" are times
        if (minute_word.isdigit() and not m.group("unit")) or _counted_after(text, m.end()):
            continue  # "30 past the", "2 minutes before 5 retries": counts, not times
        minutes, hour = _minute(minute_word), _hour(m.group("h"))
        if direction in ("to", "before"):
            hour, minutes = hour - 1, 60 - minutes
        found.append(_Candidate(m.start(), m.end(), hour % 12, minutes))
    return found


def _oclock_times(text: str) -> list[_Candidate]:
    if _CLOCK_HINT.search(text) is None:
        return []  # no "clock" at all: far cheaper to rule out than an hour before it at every word
    return [_Candidate(m.start(), m.end(), _hour(m.group("h")) % 12, 0) for m in _OCLOCK.finditer(text)]


def _noon_times(text: str) -> list[_Candidate]:
    return [
        _Candidate(m.start(), m.end(), 0 if m.group("w").lower() == "midnight" else 12, 0, known=True)
        for m in _NOON.finditer(text)
    ]


def _spelled_times(text: str) -> list[_Candidate]:
    """ "at seven thirty" (a spelled hour and its minutes after "at"), and "8 pm" or "seven in the evening",
    which are times only with the part of the day after them."""
    found: list[_Candidate] = []
    for m in _SPELLED.finditer(text):
        start, hour = m.start("h"), _hour(m.group("h"))
        if start > 0 and text[start - 1] in "$€£¥₹.,:":
            continue  # money, or the tail of a decimal
        if m.group("m") and not m.group("h").isdigit() and not _counted_after(text, m.end()):
            needs_suffix = not m.group("at")
            found.append(_Candidate(start, m.end(), hour, _minute(m.group("m")), needs_suffix=needs_suffix))
        found.append(_Candidate(start, m.end("h"), hour, 0, needs_suffix=True, needs_am_pm=not m.group("at")))
    return found


def _counted_after(text: str, end: int) -> bool:
    """A number just read is followed by what it counts ("ten days", "5 retries"), so it is no clock time."""
    following = _WORD_AFTER.match(text, end)
    if following is None:
        return False
    word = following.group("w").lower()
    if word in lexicon.FUNCTION_WORDS or word in lexicon.AUXILIARIES:
        return False
    return word in lexicon.UNITS or word.endswith("s") or word in ("people", "percent")
