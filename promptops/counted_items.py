"""The items a count restates when they are listed around it, not after a colon: "write f and g as two methods"
(the coordination just before the count), "We offer two options. With A, …; with B, …" (the next sentence)."""

from __future__ import annotations

import re

# The link between a coordination and the count that says how many it joins: "f and g as two methods", "Leeds and
# York are two cities", "Leeds and York, two cities in the north"; the count is the word before `end`.
_LINKED_COUNT = re.compile(r"(?:[ \t]+(?:as|are|were)|,)[ \t]+[\w-]+$", re.IGNORECASE)
# Where a clause starts: after a sentence's end, a semicolon or a colon before a space, or a line break.
_CLAUSE_BREAK = re.compile(r"[.;:!?](?=\s)|\n")
# A coordination: its items apart ("a, b and c", "a or b").
_COORDINATION = re.compile(r",|\band\b|\bor\b|&")
# A count with up to three words of its noun closing its sentence ("We offer two options."), then a sentence of items
# apart by semicolons ("With A, …; with B, …").
_NEXT_SENTENCE_ITEMS = re.compile(r"(?:[ \t]+[\w'’-]+){0,3}?[ \t]*\.[ \t]+(?P<items>[^\n]*?;[^\n]*?)(?:\.(?=\s|$)|$)")


def items_around(end: int, text: str) -> list[str]:
    """The items a count ending at `end` says the number of, listed around it rather than after a colon.

    A coordination right before the count, linked to it by "as", "are", "were" or a comma, is what the count counts
    ("write area(Circle) and area(Square) as two separate methods": two items, the clause up to the first "and" and
    what follows it); a count closing its sentence counts the items of the next sentence when semicolons part them
    ("We offer two options. With DIY livery, …; with full livery, …"). [] when neither shape is there.
    """
    following = _NEXT_SENTENCE_ITEMS.match(text, end)
    if following is not None:
        return [i for i in following.group("items").split(";") if i.strip()]
    link = _LINKED_COUNT.search(text, 0, end)
    if link is None or link.end() != end:
        return []
    clause = _CLAUSE_BREAK.split(text[: link.start()])[-1]
    items = [i for i in _COORDINATION.split(clause) if i.strip()]
    return items if len(items) > 1 else []
