"""Drift flags a reviewer judged to be no change in meaning, kept in a committed YAML file.

A review names one case of one suite of one prompt and the exact outputs on both sides (by digest), so it
clears that one flag only while both outputs stay as they were reviewed: any other output is judged afresh.
`promptops drift A B --accept CASE` appends reviews; the file is plain YAML, to be read in code review:

    reviewed:
    - prompt: support-reply
      suite: support
      case: refund-window
      baseline: 5f0c2a9e41d7b3c8
      candidate: 0e7d61c2a8f4b953
      reasons: ['number #1 removed']
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, field_validator

from promptops.drift import CaseDrift, DriftReport
from promptops.errors import InputError
from promptops.fileio import write_atomic
from promptops.prompt import Strict
from promptops.validation import build_model
from promptops.yamlio import parse_yaml, read_text

HEADER = (
    "# Drift flags reviewed and judged no change in meaning (written by `promptops drift A B --accept CASE`).\n"
    "# Each entry clears one case's flag only while both outputs stay exactly as reviewed (their digests).\n"
)
_DIGEST_CHARS = 16


class DriftReview(Strict):
    """One reviewed flag: which case, the digests of the outputs it was judged on, and what had been flagged."""

    prompt: str = Field(min_length=1)
    suite: str = Field(min_length=1)
    case: str = Field(min_length=1)
    baseline: str = Field(min_length=_DIGEST_CHARS, max_length=_DIGEST_CHARS, pattern="^[0-9a-f]+$")
    candidate: str = Field(min_length=_DIGEST_CHARS, max_length=_DIGEST_CHARS, pattern="^[0-9a-f]+$")
    reasons: list[str] = Field(default_factory=list)
    note: str = ""

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        return (self.prompt, self.suite, self.case, self.baseline, self.candidate)


class DriftReviewsFile(Strict):
    """The file's schema: one key, the list of reviews."""

    reviewed: list[DriftReview] = Field(default_factory=list)

    @field_validator("reviewed", mode="before")
    @classmethod
    def _empty_list(cls, value: object) -> object:
        return [] if value is None else value  # `reviewed:` with every entry deleted


def outputs_digest(outputs: Sequence[str]) -> str:
    """A short, stable digest of one side's outputs (every sample, in order)."""
    payload = json.dumps(list(outputs), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:_DIGEST_CHARS]


def review_of(prompt: str, suite: str, case: CaseDrift) -> DriftReview:
    """The review that clears `case` as it stands now."""
    return DriftReview(
        prompt=prompt,
        suite=suite,
        case=case.case_id,
        baseline=outputs_digest(case.baseline_outputs),
        candidate=outputs_digest(case.candidate_outputs),
        reasons=list(case.reasons),
    )


@dataclass(frozen=True)
class DriftReviews:
    """The reviews of one project (none when its file does not exist)."""

    path: Path
    entries: tuple[DriftReview, ...] = ()

    def covers(self, prompt: str, suite: str, case: CaseDrift) -> bool:
        """Whether a review clears this case's flag: same case, and both outputs exactly as reviewed."""
        key = review_of(prompt, suite, case).key
        return any(entry.key == key for entry in self.entries)

    def apply(self, report: DriftReport, prompt: str) -> DriftReport:
        """`report` with every reviewed flag cleared (the case keeps its reasons and is marked reviewed)."""
        if not self.entries:
            return report
        cleared = {"drifted": False, "reviewed": True}
        cases = [
            c.model_copy(update=cleared) if c.drifted and self.covers(prompt, report.suite, c) else c
            for c in report.cases
        ]
        compared = [c for c in cases if c.comparable]
        share = sum(c.drifted for c in compared) / len(compared) if compared else 0.0
        return report.model_copy(update={"cases": cases, "drifted_share": share})


def load_reviews(path: Path) -> DriftReviews:
    """Read the reviews file; a missing file holds no reviews, a broken one is an InputError at its line."""
    if not path.exists():
        return DriftReviews(path)
    text = read_text(path)
    if not _has_content(text):
        return DriftReviews(path)
    parsed = build_model(DriftReviewsFile, parse_yaml(text, path))
    return DriftReviews(path, tuple(parsed.reviewed))


def append_reviews(reviews: DriftReviews, new: Iterable[DriftReview]) -> DriftReviews:
    """Add reviews to the end of the file, keeping every byte already there (comments, order, notes).

    Reviews already in the file are not repeated. The file is replaced atomically, and only after the new text
    was parsed back to exactly the old reviews plus the new ones.
    """
    known = {entry.key for entry in reviews.entries}
    added: list[DriftReview] = []
    for entry in new:
        if entry.key not in known:
            known.add(entry.key)
            added.append(entry)
    if not added:
        return reviews
    old = read_text(reviews.path) if reviews.path.exists() else ""
    if not old.strip():
        old = HEADER
    if old and not old.endswith("\n"):
        old += "\n"
    if not _has_content(old):
        old += "reviewed:\n"
    expected = [*reviews.entries, *added]
    for indent in ("", "  "):
        text = old + "".join(_render(entry, indent) for entry in added)
        try:
            if list(build_model(DriftReviewsFile, parse_yaml(text, reviews.path)).reviewed) == expected:
                write_atomic(reviews.path, text)
                return DriftReviews(reviews.path, tuple(expected))
        except InputError:
            continue
    raise InputError("cannot add reviews: keep `reviewed:` as the file's last key, a block list", reviews.path)


def _has_content(text: str) -> bool:
    """Whether the text holds anything but blank lines and comments."""
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


def _render(entry: DriftReview, indent: str) -> str:
    """One review as a YAML block-list item, `indent` before each line."""
    lines = [
        f"- prompt: {_scalar(entry.prompt)}",
        f"  suite: {_scalar(entry.suite)}",
        f"  case: {_scalar(entry.case)}",
        f"  baseline: '{entry.baseline}'",
        f"  candidate: '{entry.candidate}'",
        f"  reasons: [{', '.join(_scalar(r) for r in entry.reasons)}]",
    ]
    if entry.note:
        lines.append(f"  note: {_scalar(entry.note)}")
    return "".join(f"{indent}{line}\n" for line in lines)


def _scalar(value: str) -> str:
    """A string as a single-line YAML scalar that reads back as itself (JSON strings are YAML)."""
    return json.dumps(value, ensure_ascii=False)
