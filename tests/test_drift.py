"""Drift between runs on the real model: noise floor, fixed threshold, change checks, suite summary."""

from __future__ import annotations

import re

import pytest

from promptops.drift import compare_case, compare_runs
from promptops.results import CaseResult, RunRecord, SampleResult
from promptops.scorer import Scorer
from promptops.stats import bootstrap_mean_ci

THRESHOLD = 0.75


def run(run_id: str, cases: dict[str, list[str]], suite: str = "support") -> RunRecord:
    """A run record whose cases hold the given outputs, one sample each."""
    return RunRecord(
        id=run_id,
        suite=suite,
        suite_path=f"suites/{suite}.yaml",
        prompt="support-reply",
        prompt_version=1,
        provider="echo",
        model="m",
        cases=[
            CaseResult(case_id=cid, samples=[SampleResult(sample=i, output=o) for i, o in enumerate(outs)])
            for cid, outs in cases.items()
        ],
    )


VARIABLE_BASELINE = [
    "Sure! You can return most items within 30 days for a full refund.",
    "Returns are accepted for 30 days after delivery, and you'll get your money back.",
    "Yes, we offer refunds on returns made within 30 days.",
]


def test_a_naturally_variable_baseline_does_not_flag_a_similar_candidate(scorer: Scorer) -> None:
    candidate = ["You have 30 days to send an item back and receive a refund."]
    result = compare_case(VARIABLE_BASELINE, candidate, scorer, THRESHOLD)
    assert result.noise_floor is not None
    assert result.noise_floor < 0.95  # the baseline really varies
    assert result.similarity is not None
    assert not result.drifted, result.reasons


def test_a_different_answer_drifts_against_a_variable_baseline(scorer: Scorer) -> None:
    result = compare_case(VARIABLE_BASELINE, ["Our office is closed on public holidays."], scorer, THRESHOLD)
    assert result.drifted
    assert result.reasons[0].startswith("meaning similarity")
    assert "noise floor" in result.reasons[0]


def test_the_noise_floor_lowers_the_bar_for_a_variable_case(scorer: Scorer) -> None:
    result = compare_case(VARIABLE_BASELINE, ["I can help with refunds."], scorer, THRESHOLD)
    assert result.noise_floor is not None
    assert result.threshold == pytest.approx(min(THRESHOLD, result.noise_floor - 0.05))


@pytest.mark.parametrize(
    ("before", "after", "why"),
    [
        ("Your package arrives in 5 business days.", "Your package arrives in 30 business days.", "number 5 → 30"),
        ("This plan includes priority support.", "This plan does not include priority support.", "negation added"),
        ("Sentiment: positive", "Sentiment: negative", "label sentiment: positive → negative"),
        ('{"label": "positive", "score": 3}', '{"label": "negative", "score": 3}', "label: 'positive' → 'negative'"),
        ("The capital of France is Paris.", "The capital of France is Lyon.", "entity Paris → Lyon"),
    ],
)
def test_a_change_check_flags_drift_even_with_high_similarity(
    scorer: Scorer, before: str, after: str, why: str
) -> None:
    result = compare_case([before], [after], scorer, THRESHOLD)
    assert result.similarity is not None
    assert result.similarity >= THRESHOLD  # the embedding alone would not notice
    assert result.drifted
    assert any(why in r for r in result.reasons), result.reasons


def test_a_single_sample_baseline_uses_the_fixed_threshold(scorer: Scorer) -> None:
    before = ["Refunds are possible within 30 days of purchase."]
    after = ["You can return a product for a refund up to 30 days after buying it."]
    sim = scorer.similarities(after, before)[0][0]
    loose = compare_case(before, after, scorer, threshold=sim - 0.01)
    strict = compare_case(before, after, scorer, threshold=sim + 0.01)
    assert loose.noise_floor is None and loose.threshold == sim - 0.01
    assert not loose.drifted
    assert strict.drifted
    assert strict.reasons == [f"meaning similarity {sim:.2f} (below {sim + 0.01:.2f}, threshold)"]


def test_a_similarity_just_below_the_threshold_is_shown_with_enough_digits_to_differ(scorer: Scorer) -> None:
    before = ["Refunds are possible within 30 days of purchase."]
    after = ["You can return a product for a refund up to 30 days after buying it."]
    sim = scorer.similarities(after, before)[0][0]
    just_above = round(sim, 2) + 0.0004 if round(sim, 2) > sim else sim + 0.0004
    result = compare_case(before, after, scorer, threshold=just_above)
    assert result.drifted
    said = re.fullmatch(r"meaning similarity ([\d.]+) \(below ([\d.]+), threshold\)", result.reasons[0])
    assert said is not None, result.reasons
    shown, below = said.groups()
    assert shown != below and float(shown) < float(below)


def test_a_change_that_already_varies_in_the_baseline_is_not_flagged(scorer: Scorer) -> None:
    baseline = ["Delivery takes about 5 days.", "Delivery takes about 7 days."]
    result = compare_case(baseline, ["Delivery takes about 6 days."], scorer, THRESHOLD)
    assert not result.drifted, result.reasons


def test_a_change_in_a_minority_of_candidate_samples_is_not_flagged(scorer: Scorer) -> None:
    baseline = ["Delivery takes 5 days.", "Delivery takes 5 days."]
    candidate = ["Delivery takes 5 days.", "Delivery takes five days.", "Delivery takes 9 days."]
    assert not compare_case(baseline, candidate, scorer, THRESHOLD).drifted
    assert compare_case(baseline, candidate[2:] * 2, scorer, THRESHOLD).drifted


def test_compare_runs_reports_every_case_and_a_deterministic_interval(scorer: Scorer) -> None:
    baseline = run(
        "base",
        {
            "refund": ["Refunds are possible within 30 days."],
            "shipping": ["Orders ship in 2 days."],
            "hours": ["We are open from 9am to 5pm."],
            "gone": ["Only in the baseline."],
        },
    )
    candidate = run(
        "head",
        {
            "refund": ["You can get a refund within 30 days."],
            "shipping": ["Orders ship in 10 days."],
            "hours": ["Our support team is open 9am to 5pm."],
            "new": ["Only in the candidate."],
        },
    )
    report = compare_runs(baseline, candidate, scorer, THRESHOLD)
    assert [c.case_id for c in report.cases] == ["refund", "shipping", "hours", "gone", "new"]
    assert [c.case_id for c in report.drifted] == ["shipping"]
    assert report.compared == 3
    assert report.drifted_share == pytest.approx(1 / 3)
    sims = [c.similarity for c in report.cases if c.similarity is not None]
    assert report.mean_similarity == pytest.approx(sum(sims) / 3)
    assert report.similarity_ci is not None and report.mean_similarity is not None
    low, high = report.similarity_ci
    assert low <= report.mean_similarity <= high
    assert compare_runs(baseline, candidate, scorer, THRESHOLD).similarity_ci == report.similarity_ci
    gone = report.cases[3]
    assert not gone.comparable and not gone.drifted and gone.reasons == ["no candidate output to compare"]


def test_compare_runs_refuses_runs_of_different_suites(scorer: Scorer) -> None:
    with pytest.raises(ValueError, match="different suites"):
        compare_runs(run("a", {}, "one"), run("b", {}, "two"), scorer, THRESHOLD)


def test_bootstrap_interval_is_deterministic_and_contains_the_mean() -> None:
    values = [0.91, 0.42, 0.77, 0.88, 0.95, 0.63, 0.7, 0.99, 0.81, 0.5]
    mean = sum(values) / len(values)
    low, high = bootstrap_mean_ci(values, seed=3)
    assert low < mean < high
    assert (low, high) == bootstrap_mean_ci(values, seed=3)
    assert bootstrap_mean_ci(values, seed=4) != (low, high)
    narrow = bootstrap_mean_ci(values, seed=3, level=0.5)
    assert low < narrow[0] < narrow[1] < high
    assert bootstrap_mean_ci([0.8]) == (0.8, 0.8)
    with pytest.raises(ValueError):
        bootstrap_mean_ci([])


def test_the_default_threshold_lets_honest_rewordings_through(scorer: Scorer) -> None:
    from promptops.config import DRIFT_THRESHOLD

    before = ["The customer is unhappy with the slow response time."]
    after = ["The client is dissatisfied with how slowly we responded."]
    assert scorer.similarities(after, before)[0][0] < 0.75  # the old default flagged this synonym rewording
    assert not compare_case(before, after, scorer, DRIFT_THRESHOLD).drifted


@pytest.mark.parametrize(
    ("before", "after", "why"),
    [
        ("Pets are allowed in all rooms.", "Pets are forbidden in all rooms.", "antonym allowed → forbidden"),
        ("The meeting is on Monday at 2pm.", "The meeting is on Wednesday at 2pm.", "date Monday → Wednesday"),
        ("Orders over $75 ship free.", "Orders over €75 ship free.", "number $75 → €75"),
        ("- Milk\n- Eggs\n- Bread", "You'll need milk, eggs and bread.", "format changed: list → text"),
    ],
)
def test_new_change_checks_explain_drift_at_the_default_threshold(
    scorer: Scorer, before: str, after: str, why: str
) -> None:
    from promptops.config import DRIFT_THRESHOLD

    result = compare_case([before], [after], scorer, DRIFT_THRESHOLD)
    assert result.drifted and why in result.reasons, result.reasons
