"""One change that a check found between two texts: its kind, a stable key and a readable line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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
    "condition",
    "alternative",
    "list",
    "sentence",
    "order",
    "language",
    "refusal",
    "word",
]


@dataclass(frozen=True)
class Change:
    """One detected change: its kind, a key naming what changed (for stability checks), a readable line."""

    kind: ChangeKind
    key: str
    detail: str

    def __str__(self) -> str:
        return self.detail
