"""Literal values replaced in place: a quoted value ("the principal 'deploy'" → "the principal 'admin'") or a file
name ("as set in ansible.cfg" → "as set in inventory.ini") that another of its kind took the place of.

A quoted value or a file name is a literal: it names exactly one thing, which no synonym says, so another literal
between the same neighbours is another thing, whatever its words. The two must stand in the same slot: the same two
words before them and the same word or mark after them (a rewording that moves the value gives no slot to compare),
and neither may be said anywhere on the other side (a value kept elsewhere in the text was not replaced). A quoted
value is short, up to three words, and no number (the number check reads numbers) nor a label's value after a colon
(the label check compares those); two capitalised values are the capitalised-name check's ("Save" → "Submit"), and a
file name changed only in its extension is `promptops.swapped_names`'s.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# A value in single or double quotes, straight or curly, not an apostrophe inside a word ("I've", "the users' keys").
_QUOTED = re.compile(r"(?<![\w'’])['\"‘“](?P<value>[^'\"‘’“”\n]{1,40}?)['\"’”](?![\w'’])")
# A file name: a name of two characters or more with an extension in lower case ("ansible.cfg", "inventory.ini",
# ".env.local"), not a word of a sentence closed by its full stop, nor a path's part.
_FILE = re.compile(r"(?<![\w/.~:@-])(?P<value>\.?\w[\w-]+(?:\.[a-z][a-z0-9]{0,4})+)(?![\w/(-]|\.[A-Za-z0-9])")
# What a file name needs: an extension glued to its name (the quick test of most texts, whose dots end sentences).
_FILE_HINT = re.compile(r"\w\.[a-z]")
_CODE_SPAN = re.compile(r"`[^`\n]+`")
_WORD = re.compile(r"[\w'’-]+")
_NEXT = re.compile(r"[ \t]*([\w'’-]+|[^\s\w]|$)")
_MAX_WORDS = 3
_LEFT_WORDS = 2
_LEFT_REACH = 60


class _Literal(NamedTuple):
    kind: str  # "value" or "file"
    shown: str
    name: str  # a file's name without its extension, lower-cased; a quoted value lower-cased
    text: str  # the text it stands in (inline code blanked out)
    start: int
    end: int


def literal_changes(before: str, after: str) -> list[str]:
    """ "value 'deploy' → 'admin'", "file ansible.cfg → inventory.ini": a literal replaced by another in its slot."""
    old = [g for g in _literals(before) if not _said(g.shown, after)]
    new = [c for c in _literals(after) if not _said(c.shown, before)] if old else []
    changes: list[str] = []
    for gone in old:
        for came in new:
            if (
                came.kind != gone.kind
                or came.name == gone.name
                or (gone.shown[0].isupper() and came.shown[0].isupper())
            ):
                continue
            if _slot(came) == _slot(gone):
                shown = (f"'{gone.shown}'", f"'{came.shown}'") if gone.kind == "value" else (gone.shown, came.shown)
                changes.append(f"{gone.kind} {shown[0]} → {shown[1]}")
                break
    return list(dict.fromkeys(changes))


def _said(value: str, text: str) -> bool:
    """The text says the value as a whole word or words, anywhere ("admin" is not said by "administrator")."""
    if value.lower() not in text.lower():
        return False
    return re.search(r"(?<![\w-])" + re.escape(value) + r"(?![\w-])", text, re.IGNORECASE) is not None


def _literals(text: str) -> list[_Literal]:
    """The quoted values and file names of a text (not inside inline `code`: the code check compares code)."""
    found: list[_Literal] = []
    if "`" in text:
        text = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text)
    if "'" in text or '"' in text or "‘" in text or "“" in text:
        for m in _QUOTED.finditer(text):
            value = m.group("value").strip()
            if _quoted_value(value) and not text[: m.start()].rstrip().endswith(":"):
                found.append(_Literal("value", value, value.lower(), text, m.start(), m.end()))
    if _FILE_HINT.search(text):
        for m in _FILE.finditer(text):
            value = m.group("value")
            name = value.lstrip(".").partition(".")[0].lower()
            found.append(_Literal("file", value, name, text, m.start(), m.end()))
    return found


def _quoted_value(value: str) -> bool:
    """A quoted string that is a value: a few words with a letter, not a number or a quoted sentence."""
    return 0 < len(value.split()) <= _MAX_WORDS and any(c.isalpha() for c in value) and value[-1] not in ".!?,;:"


def _slot(literal: _Literal) -> tuple[str, ...]:
    """The two words before the literal and the word or mark after it, lower-cased ("" where the text ends)."""
    text, start = literal.text, literal.start
    left = _WORD.findall(text[max(0, start - _LEFT_REACH) : start])[-_LEFT_WORDS:]
    right = _NEXT.match(text, literal.end)
    return (*(w.lower() for w in left), right.group(1).lower() if right else "")
