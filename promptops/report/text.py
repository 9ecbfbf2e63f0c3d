"""Cutting model outputs down to what fits in a report cell or a failure message."""

from __future__ import annotations


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, with the original length when cut."""
    return text if len(text) <= limit else text[:limit] + f"… ({len(text)} chars)"


def one_line(text: str, limit: int) -> str:
    """`text` with its whitespace folded to single spaces, cut to `limit` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
