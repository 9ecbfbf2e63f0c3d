"""Reference-based assertions: levenshtein, rouge-n and the embedding-based `similar`."""

from __future__ import annotations

from promptops.assertions.base import AssertionContext, Check
from promptops.assertions.common import Builtin, as_text, excerpt, fmt, make_result, unavailable, unit_threshold
from promptops.assertions.textmetrics import levenshtein, rouge_n
from promptops.config import SIMILAR_THRESHOLD
from promptops.results import AssertionResult
from promptops.suite import AssertionSpec

LEVENSHTEIN_DEFAULT = 5.0
ROUGE_DEFAULT = 0.75
NO_REFERENCE = "no reference text: give `value:` or the case's `expected:`"


def _check_references(spec: AssertionSpec) -> None:
    value = spec.value
    if value is None or (isinstance(value, str) and value):
        return
    if isinstance(value, list) and value and all(isinstance(item, str) and item for item in value):
        return
    raise ValueError(f"'{spec.type}' `value:` must be a reference text or a list of them, got {value!r}")


def references(spec: AssertionSpec, ctx: AssertionContext) -> list[str]:
    """The reference texts: `value` (one or a list), else the case's `expected`; [] when neither is set."""
    _check_references(spec)
    if isinstance(spec.value, str):
        return [spec.value]
    if isinstance(spec.value, list):
        return list(spec.value)
    return [] if ctx.expected is None else [as_text(ctx.expected)]


def _distance_limit(spec: AssertionSpec) -> float:
    limit = LEVENSHTEIN_DEFAULT if spec.threshold is None else spec.threshold
    if limit < 0:
        raise ValueError(f"'{spec.type}' threshold is a maximum edit distance and must not be negative")
    return limit


def _check_levenshtein(spec: AssertionSpec) -> None:
    _check_references(spec)
    _distance_limit(spec)


def _evaluate_levenshtein(spec: AssertionSpec, ctx: AssertionContext) -> AssertionResult:
    limit = _distance_limit(spec)
    refs = references(spec, ctx)
    expected = f"at most {_edits(limit)} from the reference"
    if not refs:
        return unavailable(spec, NO_REFERENCE, expected)
    text = ctx.output.text
    distance, ref = min((levenshtein(text, ref), ref) for ref in refs)
    score = 1 - distance / max(len(text), len(ref), 1)
    reason = f"{_edits(distance)} from {excerpt(ref)}"
    return make_result(spec, distance <= limit, reason, expected, score)


def _edits(count: float) -> str:
    return f"{fmt(count)} edit" + ("" if count == 1 else "s")


def _scored_check(default: float) -> Check:
    """A check for reference-based types whose threshold is a score in [0, 1]."""

    def check(spec: AssertionSpec) -> None:
        _check_references(spec)
        unit_threshold(spec, default)

    return check


def _evaluate_rouge(spec: AssertionSpec, ctx: AssertionContext) -> AssertionResult:
    threshold = unit_threshold(spec, ROUGE_DEFAULT)
    refs = references(spec, ctx)
    expected = f"ROUGE-1 recall ≥ {fmt(threshold)}"
    if not refs:
        return unavailable(spec, NO_REFERENCE, expected)
    score, ref = max((rouge_n(ctx.output.text, ref), ref) for ref in refs)
    reason = f"ROUGE-1 recall {score:.2f} against {excerpt(ref)}"
    return make_result(spec, score >= threshold, reason, expected, score)


def _evaluate_similar(spec: AssertionSpec, ctx: AssertionContext) -> AssertionResult:
    default = SIMILAR_THRESHOLD if ctx.similar_threshold is None else ctx.similar_threshold
    threshold = unit_threshold(spec, default)
    refs = references(spec, ctx)
    expected = f"cosine similarity ≥ {fmt(threshold)} to the reference"
    if ctx.similarity is None:
        return unavailable(spec, "'similar' needs the embedding scorer, and none is configured", expected)
    if not refs:
        return unavailable(spec, NO_REFERENCE, expected)
    row = ctx.similarity.similarities([ctx.output.text], refs, spec.model)[0]
    best, ref = max(zip((float(s) for s in row), refs, strict=True))
    reason = f"similarity {best:.2f} to {excerpt(ref)}"
    return make_result(spec, best >= threshold, reason, expected, best)


REFERENCE_OPTIONS = frozenset({"value", "threshold"})

TYPES = [
    Builtin(
        "levenshtein",
        _evaluate_levenshtein,
        REFERENCE_OPTIONS,
        _check_levenshtein,
        description="The output is within `threshold` edits of the reference.",
    ),
    Builtin(
        "rouge-n",
        _evaluate_rouge,
        REFERENCE_OPTIONS,
        _scored_check(ROUGE_DEFAULT),
        description="ROUGE-1 recall of the reference's words in the output reaches `threshold`.",
    ),
    Builtin(
        "similar",
        _evaluate_similar,
        REFERENCE_OPTIONS | {"model"},
        _scored_check(SIMILAR_THRESHOLD),
        description="Embedding cosine similarity to the closest reference reaches `threshold`.",
    ),
]
