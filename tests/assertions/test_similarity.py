"""Reference-based assertions: levenshtein, rouge-n, and `similar` through a fake scorer."""

from __future__ import annotations

from typing import Any

import pytest

from promptops.assertions.textmetrics import levenshtein, rouge_n

REFERENCE = "Refunds are possible within 30 days of purchase."


@pytest.mark.parametrize(
    ("left", "right", "distance"),
    [("", "", 0), ("kitten", "sitting", 3), ("flaw", "lawn", 2), ("abc", "", 3), ("same", "same", 0)],
)
def test_levenshtein_distance(left: str, right: str, distance: int) -> None:
    assert levenshtein(left, right) == distance
    assert levenshtein(right, left) == distance


def test_rouge_1_recall_clips_repeated_words() -> None:
    assert rouge_n("the cat sat", "the cat sat on the mat") == pytest.approx(3 / 6)
    assert rouge_n("the the the the", "the cat") == pytest.approx(1 / 2)
    assert rouge_n("The CAT!", "the cat") == 1.0
    assert rouge_n("anything", "") == 0.0
    assert rouge_n("the cat sat", "the cat sat", n=2) == 1.0


CASES: list[tuple[dict[str, Any], str, bool]] = [
    ({"type": "levenshtein", "value": "Hello, world!", "threshold": 2}, "Hello world", True),
    ({"type": "levenshtein", "value": "Hello, world!", "threshold": 1}, "Hello world", False),
    ({"type": "levenshtein", "value": ["Bonjour", "Hello"]}, "Helo", True),
    ({"type": "not-levenshtein", "value": "Hello", "threshold": 1}, "Goodbye", True),
    ({"type": "rouge-n", "value": REFERENCE}, "You can get refunds within 30 days of purchase.", True),
    ({"type": "rouge-n", "value": REFERENCE}, "Contact support.", False),
    ({"type": "rouge-n", "value": REFERENCE, "threshold": 0.5}, "Refunds possible for 30 days.", True),
    ({"type": "not-rouge-n", "value": REFERENCE}, "Contact support.", True),
]


@pytest.mark.parametrize(("spec", "output", "passed"), CASES)
def test_text_metrics(evaluate: Any, spec: dict[str, Any], output: str, passed: bool) -> None:
    assert evaluate(spec, output).passed is passed


def test_levenshtein_score_and_reason(evaluate: Any) -> None:
    result = evaluate({"type": "levenshtein", "value": "kitten", "threshold": 2}, "sitting")
    assert not result.passed
    assert result.score == pytest.approx(1 - 3 / 7)
    assert result.reason == "3 edits from 'kitten'"
    assert result.expected == "at most 2 edits from the reference"


def test_levenshtein_says_one_edit_in_the_singular(evaluate: Any) -> None:
    result = evaluate({"type": "levenshtein", "value": "kitten", "threshold": 1}, "kitten!")
    assert result.passed
    assert (result.reason, result.expected) == ("1 edit from 'kitten'", "at most 1 edit from the reference")


def test_reference_defaults_to_the_case_expected(evaluate: Any) -> None:
    assert evaluate({"type": "rouge-n"}, "Refunds within 30 days of purchase are possible.", expected=REFERENCE).passed
    missing = evaluate({"type": "not-rouge-n"}, "anything")
    assert not missing.passed and "no reference text" in missing.reason


class FakeSimilarity:
    """Scores by word overlap (Jaccard) and records what it was asked."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], list[str], str | None]] = []

    def similarities(self, texts: list[str], references: list[str], model: str | None = None) -> list[list[float]]:
        self.calls.append((texts, references, model))
        return [[self._jaccard(t, r) for r in references] for t in texts]

    @staticmethod
    def _jaccard(a: str, b: str) -> float:
        left, right = set(a.lower().split()), set(b.lower().split())
        return len(left & right) / len(left | right) if left | right else 1.0


def test_similar_takes_the_best_reference(evaluate: Any) -> None:
    scorer = FakeSimilarity()
    spec = {
        "type": "similar",
        "value": ["totally unrelated", "refunds within 30 days"],
        "model": "mini",
        "threshold": 0.7,
    }
    result = evaluate(spec, "refunds within 30 days", similarity=scorer)
    assert result.passed and result.score == 1.0
    assert "'refunds within 30 days'" in result.reason
    assert scorer.calls == [(["refunds within 30 days"], ["totally unrelated", "refunds within 30 days"], "mini")]


def test_similar_fails_below_threshold_and_defaults_to_expected(evaluate: Any) -> None:
    scorer = FakeSimilarity()
    result = evaluate(
        {"type": "similar"}, "refunds are possible", similarity=scorer, expected="no refunds possible today"
    )
    assert not result.passed
    assert result.score == pytest.approx(0.4)
    assert scorer.calls[0][1] == ["no refunds possible today"]
    assert evaluate({"type": "not-similar"}, "x y", similarity=scorer, expected="a b").passed


def test_similar_clamps_negative_cosine(evaluate: Any) -> None:
    class Opposite:
        def similarities(self, texts: list[str], references: list[str], model: str | None = None) -> list[list[float]]:
            return [[-0.3 for _ in references] for _ in texts]

    result = evaluate({"type": "similar", "value": "ref"}, "out", similarity=Opposite())
    assert result.score == 0.0 and not result.passed


@pytest.mark.parametrize("kind", ["similar", "not-similar"])
def test_similar_without_a_scorer_fails_in_both_forms(evaluate: Any, kind: str) -> None:
    result = evaluate({"type": kind, "value": "ref"}, "out")
    assert not result.passed
    assert "none is configured" in result.reason


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"type": "similar", "value": "x", "threshold": 1.5}, "threshold must be between 0 and 1, got 1.5"),
        ({"type": "rouge-n", "value": "x", "threshold": -0.1}, "between 0 and 1"),
        ({"type": "similar", "value": 3}, "must be a reference text or a list of them"),
        ({"type": "levenshtein", "value": ["ok", ""]}, "reference text"),
        ({"type": "levenshtein", "value": "x", "threshold": -1}, "must not be negative"),
        ({"type": "rouge-n", "value": "x", "model": "m"}, "does not take model"),
    ],
)
def test_check_errors(check_error: Any, spec: dict[str, Any], message: str) -> None:
    assert message in check_error(spec)


def test_similar_default_threshold_comes_from_the_project_when_the_context_has_one(evaluate: Any) -> None:
    scorer = FakeSimilarity()  # "refunds are possible" vs "refunds possible": Jaccard 2/3
    spec = {"type": "similar", "value": "refunds possible"}
    assert evaluate(spec, "refunds are possible", similarity=scorer).passed  # built-in default, 0.55
    assert not evaluate(spec, "refunds are possible", similarity=scorer, similar_threshold=0.7).passed
    assert evaluate({**spec, "threshold": 0.6}, "refunds are possible", similarity=scorer, similar_threshold=0.7).passed
