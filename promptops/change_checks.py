"""Cheap, explainable checks of what changed in meaning between two texts, where embeddings are blind.

Covered: numbers and quantities ("five" == "5", "1,000" == "1000", "5 percent" == "5%"), negation
cues appearing or disappearing, named entities replaced by others, the values of `key: value`
labels, a truncated ending, JSON turning into prose (or back), and a structured comparison when both
texts are JSON. Not covered:
antonyms without a negation word ("returns None" vs "raises"), ordinal words, swapped roles of the
same entities ("Alice paid Bob" vs "Bob paid Alice"), entities only at the start of a sentence.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Literal

ChangeKind = Literal["number", "negation", "entity", "label", "json", "format", "truncation"]


@dataclass(frozen=True)
class Change:
    """One detected change: its kind, a key naming what changed (for stability checks), a readable line."""

    kind: ChangeKind
    key: str
    detail: str

    def __str__(self) -> str:
        return self.detail


# ---- numbers -------------------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER_WORDS = {**_UNITS, **_TENS, **_SCALES, "dozen": 12, "half": 0.5, "twice": 2, "thrice": 3}
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


def _format_number(value: float) -> str:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text or "0"


def extract_numbers(text: str) -> list[str]:
    """Every number in the text, normalised: digits, number words, thousands separators, percentages, ordinals.

    Ordinals become `#n` ("1st" and "the first" are both `#1`); an ordinal word counts only after "the",
    because "First, open the settings" is not a quantity.
    """
    tokens = [m for m in _TOKEN.finditer(text)]
    found: list[str] = []
    i = 0
    while i < len(tokens):
        m = tokens[i]
        if m.group("num"):
            value = float(m.group("num").replace(",", ""))
            if m.group("ord"):
                found.append(f"#{_format_number(value)}")
                i += 1
                continue
            percent = bool(m.group("pct")) or _is_percent_word(tokens, i + 1)
            found.append(_format_number(value) + ("%" if percent else ""))
            i += 1
            continue
        word = (m.group("word") or "").lower()
        if word in _ORDINAL_WORDS and i > 0 and (tokens[i - 1].group("word") or "").lower() == "the":
            found.append(f"#{_ORDINAL_WORDS[word]}")
            i += 1
            continue
        words, consumed = _number_phrase(tokens, i)
        if consumed:
            if _pronoun_one(tokens, i, consumed):
                i += consumed
                continue
            percent = _is_percent_word(tokens, i + consumed)
            found.append(_format_number(words) + ("%" if percent else ""))
            i += consumed
            continue
        i += 1
    return found


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
            value = _NUMBER_WORDS[part]
            if part in _SCALES:
                current = max(current, 1) * value
                if value >= 1_000:
                    total += current
                    current = 0
            else:
                current += value
        consumed += 1
    if consumed and (tokens[start + consumed - 1].group("word") or "").lower() == "and":
        consumed -= 1
    return total + current, consumed


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


def number_changes(before: str, after: str) -> list[Change]:
    """Numbers present on one side only: "number 5 → 30", "number 5 removed", "number 30 added"."""
    old = list(dict.fromkeys(extract_numbers(before)))
    new = list(dict.fromkeys(extract_numbers(after)))
    removed = [n for n in old if n not in new]
    added = [n for n in new if n not in old]
    changes = [Change("number", "number", f"number {a} → {b}") for a, b in zip(removed, added, strict=False)]
    changes += [Change("number", "number", f"number {a} removed") for a in removed[len(added) :]]
    changes += [Change("number", "number", f"number {b} added") for b in added[len(removed) :]]
    return changes


# ---- negation ------------------------------------------------------------------------------------

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


def negation_changes(before: str, after: str) -> list[Change]:
    """A negation that appears or disappears: the text's polarity flipped ("negation added: not")."""
    old, new = negation_cues(before), negation_cues(after)
    if bool(old) == bool(new):
        return []
    if new:
        return [Change("negation", "negation", f"negation added: {', '.join(dict.fromkeys(new))}")]
    return [Change("negation", "negation", f"negation removed: {', '.join(dict.fromkeys(old))}")]


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
    """Capitalised words (two letters or more) not at the start of a sentence, minus common words."""
    found: list[str] = []
    for m in _WORD.finditer(text):
        word = m.group(0).rstrip(".").replace("’", "'")
        if len(word) < 2 or not word[0].isupper() or _at_sentence_start(text, m.start()):
            continue
        base = re.sub(r"'s$", "", word)
        if base.lower() in _STOPWORDS:
            continue
        found.append(base)
    return list(dict.fromkeys(found))


def _at_sentence_start(text: str, index: int) -> bool:
    j = index - 1
    while j >= 0 and text[j] in " \t\"'“‘([":
        j -= 1
    return j < 0 or text[j] in _STARTS_SENTENCE


def entity_changes(before: str, after: str) -> list[Change]:
    """A named entity replaced by another ("entity Paris → Lyon"); mere additions or omissions are not flagged."""
    old = extract_entities(before)
    new = extract_entities(after)
    old_lower = {e.lower() for e in old} | _lower_words(before)
    new_lower = {e.lower() for e in new} | _lower_words(after)
    removed = [e for e in old if e.lower() not in new_lower]
    added = [e for e in new if e.lower() not in old_lower]
    if not removed or not added:
        return []
    return [Change("entity", "entity", f"entity {', '.join(removed)} → {', '.join(added)}")]


def _lower_words(text: str) -> set[str]:
    return {re.sub(r"'s$", "", w.replace("’", "'")).lower() for w in _WORD.findall(text)}


# ---- key: value labels ---------------------------------------------------------------------------

_LABEL = re.compile(
    r"(?:^|(?<=[\n.;|]))[ \t]*[-*•]?[ \t]*(?:\*\*)?(?P<key>[A-Za-z][A-Za-z_ -]{0,30}?)(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*"
    r"(?P<value>[^\n.;,|()]+)"
)
_MAX_LABEL_WORDS = 3


def extract_labels(text: str) -> dict[str, str]:
    """Short `key: value` pairs ("Sentiment: positive"), key and value lower-cased; long values are prose."""
    labels: dict[str, str] = {}
    for m in _LABEL.finditer(text):
        key = " ".join(m.group("key").lower().split())
        value = " ".join(m.group("value").strip(" *`'\"").lower().split())
        if not value or value.startswith("//") or len(key.split()) > _MAX_LABEL_WORDS:
            continue
        if len(value.split()) > _MAX_LABEL_WORDS:
            continue
        labels.setdefault(key, value)
    return labels


def label_changes(before: str, after: str) -> list[Change]:
    """A label present on both sides whose value changed ("label sentiment: positive → negative")."""
    old, new = extract_labels(before), extract_labels(after)
    return [
        Change("label", f"label:{key}", f"label {key}: {old[key]} → {new[key]}")
        for key in old
        if key in new and old[key] != new[key]
    ]


# ---- truncation ----------------------------------------------------------------------------------

_FINISHED = re.compile(r"[.!?…)\]}\"'`”’*]\s*$")


def truncation_changes(before: str, after: str) -> list[Change]:
    """The candidate stops mid-sentence, shorter than a baseline that ended properly."""
    old, new = before.strip(), after.strip()
    if new and len(new) < len(old) and _FINISHED.search(old) and not _FINISHED.search(new):
        return [Change("truncation", "truncation", f"output truncated: ends with {new[-30:]!r}")]
    return []


# ---- JSON ----------------------------------------------------------------------------------------

_FENCE = re.compile(r"^```(?:json)?\s*\n(?P<body>.*?)\n?```$", re.DOTALL)


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
    """A structured comparison of two JSON values (order of lists ignored), one readable line per change."""
    from deepdiff import DeepDiff

    diff = DeepDiff(before, after, ignore_order=True, verbose_level=2)
    changes: list[Change] = []
    for kind in ("values_changed", "type_changes"):
        for path, change in diff.get(kind, {}).items():
            where = _json_path(path)
            changes.append(
                Change("json", f"json:{where}", f"{where}: {change['old_value']!r} → {change['new_value']!r}")
            )
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
    if before_is_json != after_is_json:
        shape = "JSON → text" if before_is_json else "text → JSON"
        return [Change("format", "format", f"format changed: {shape}")]
    return [
        *number_changes(before, after),
        *negation_changes(before, after),
        *entity_changes(before, after),
        *label_changes(before, after),
        *truncation_changes(before, after),
    ]
