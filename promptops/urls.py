"""Checks a user-given server address (`base_url`) before any provider tries to send a request to it."""

from __future__ import annotations

from urllib.parse import urlsplit

EXPECTED = "expected http://HOST[:PORT][/PATH] or https://…"


def base_url_problem(value: str) -> str | None:
    """What is wrong with `value` as the base URL of an HTTP API, or None when it is an http(s) URL with a host."""
    if not value.strip():
        return "must not be empty (leave it out to use the provider's default server)"
    if any(ch.isspace() for ch in value):
        return f"{value!r} contains whitespace ({EXPECTED})"
    try:
        parts = urlsplit(value)
        _ = parts.port  # raises for a port that is not a number from 0 to 65535
    except ValueError as exc:
        return f"{value!r} is not a valid URL: {exc} ({EXPECTED})"
    if parts.scheme not in ("http", "https"):
        found = f"scheme '{parts.scheme}'" if parts.scheme and parts.netloc else "no scheme"
        return f"{value!r} has {found} ({EXPECTED})"
    if not parts.hostname:
        return f"{value!r} has no host ({EXPECTED})"
    return None


def checked_base_url(value: str | None) -> str | None:
    """`value` unchanged, for a pydantic validator; ValueError saying what is wrong when it is not a usable base URL."""
    problem = base_url_problem(value) if value is not None else None
    if problem is not None:
        raise ValueError(problem)
    return value
