"""Reviewed drift flags: a committed file clears one case's flag while both outputs stay exactly as reviewed."""

from __future__ import annotations

from pathlib import Path

import pytest

from promptops.drift import CaseDrift, DriftReport
from promptops.drift_reviews import DriftReviews, append_reviews, load_reviews, outputs_digest, review_of
from promptops.errors import InputError

FLAGGED = CaseDrift(
    case_id="refund",
    similarity=0.93,
    threshold=0.55,
    drifted=True,
    reasons=["number #1 removed"],
    baseline_outputs=["Refunds are sent on the first working day."],
    candidate_outputs=["Refunds go out at the start of the working week."],
)
CALM = CaseDrift(
    case_id="shipping",
    similarity=0.97,
    threshold=0.55,
    baseline_outputs=["Shipping takes 3 days."],
    candidate_outputs=["Delivery takes three days."],
)


def report(*cases: CaseDrift) -> DriftReport:
    share = sum(c.drifted for c in cases) / len(cases)
    return DriftReport(
        suite="support",
        baseline_run="r1",
        candidate_run="r2",
        threshold=0.55,
        cases=list(cases),
        drifted_share=share,
        mean_similarity=0.95,
        similarity_ci=(0.9, 0.99),
    )


def test_a_digest_changes_with_any_sample_and_with_their_order() -> None:
    one = outputs_digest(["a", "b"])
    assert len(one) == 16
    assert one == outputs_digest(["a", "b"])
    assert len({one, outputs_digest(["b", "a"]), outputs_digest(["a", "b "]), outputs_digest(["ab"])}) == 4


def test_a_review_clears_only_its_case_and_keeps_the_reasons(tmp_path: Path) -> None:
    reviews = append_reviews(
        load_reviews(tmp_path / "drift-reviews.yaml"), [review_of("support-reply", "support", FLAGGED)]
    )
    cleared = reviews.apply(report(FLAGGED, CALM), "support-reply")
    refund, shipping = cleared.cases
    assert (refund.drifted, refund.reviewed, refund.reasons) == (False, True, ["number #1 removed"])
    assert (shipping.drifted, shipping.reviewed) == (False, False)
    assert cleared.drifted == [] and cleared.drifted_share == 0.0 and cleared.reviewed == [refund]


@pytest.mark.parametrize(
    ("prompt", "suite", "changed"),
    [
        ("other-prompt", "support", {}),
        ("support-reply", "other-suite", {}),
        ("support-reply", "support", {"candidate_outputs": ["Refunds go out on Monday."]}),
        ("support-reply", "support", {"baseline_outputs": ["Refunds are sent within a day."]}),
        ("support-reply", "support", {"case_id": "returns"}),
    ],
)
def test_a_review_does_not_clear_another_prompt_suite_case_or_output(
    tmp_path: Path, prompt: str, suite: str, changed: dict[str, object]
) -> None:
    reviews = append_reviews(load_reviews(tmp_path / "r.yaml"), [review_of("support-reply", "support", FLAGGED)])
    other = FLAGGED.model_copy(update=changed)
    still = reviews.apply(report(other, CALM).model_copy(update={"suite": suite}), prompt)
    assert [c.case_id for c in still.drifted] == [other.case_id]
    assert still.reviewed == [] and still.drifted_share == 0.5


def test_appending_keeps_every_byte_already_in_the_file_and_skips_known_reviews(tmp_path: Path) -> None:
    path = tmp_path / "drift-reviews.yaml"
    path.write_text("# reviewed by the support team\nreviewed:\n", encoding="utf-8")
    first = append_reviews(load_reviews(path), [review_of("p", "s", FLAGGED)])
    text = path.read_text(encoding="utf-8")
    assert text.startswith('# reviewed by the support team\nreviewed:\n- prompt: "p"\n')
    path.write_text(text.replace('  case: "refund"\n', '  case: "refund"  # wording only\n'), encoding="utf-8")
    commented = path.read_text(encoding="utf-8")
    again = append_reviews(load_reviews(path), [review_of("p", "s", FLAGGED), review_of("p", "s", CALM)])
    assert len(first.entries) == 1 and len(again.entries) == 2
    assert path.read_text(encoding="utf-8").startswith(commented)
    assert load_reviews(path).entries == again.entries


def test_a_new_file_gets_a_header_that_says_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "drift-reviews.yaml"
    append_reviews(load_reviews(path), [review_of("p", "s", FLAGGED)])
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Drift flags reviewed and judged no change in meaning")
    assert 'reasons: ["number #1 removed"]' in text


def test_indented_lists_are_appended_to_at_their_own_indent(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    append_reviews(load_reviews(path), [review_of("p", "s", FLAGGED)])
    indented = path.read_text(encoding="utf-8").replace("\n- ", "\n  - ").replace("\n  ", "\n    ")
    indented = indented.replace("\n    - ", "\n  - ")
    path.write_text(indented, encoding="utf-8")
    assert len(load_reviews(path).entries) == 1
    assert len(append_reviews(load_reviews(path), [review_of("p", "s", CALM)]).entries) == 2
    assert path.read_text(encoding="utf-8").startswith(indented)


def test_a_list_that_is_not_last_is_refused_and_the_file_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    original = "reviewed: []\n"
    path.write_text(original, encoding="utf-8")
    with pytest.raises(InputError, match="keep `reviewed:` as the file's last key"):
        append_reviews(load_reviews(path), [review_of("p", "s", FLAGGED)])
    assert path.read_text(encoding="utf-8") == original


def test_a_missing_or_empty_file_holds_no_reviews(tmp_path: Path) -> None:
    assert load_reviews(tmp_path / "none.yaml") == DriftReviews(tmp_path / "none.yaml")
    (tmp_path / "empty.yaml").write_text("# nothing yet\n", encoding="utf-8")
    assert load_reviews(tmp_path / "empty.yaml").entries == ()
    (tmp_path / "cleared.yaml").write_text("reviewed:\n", encoding="utf-8")
    assert load_reviews(tmp_path / "cleared.yaml").entries == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("reviewd: []\n", "r.yaml:1: unknown key 'reviewd' (did you mean 'reviewed'?)"),
        ("reviewed:\n- prompt: p\n  suite: s\n  case: c\n  baseline: 'abc'\n  candidate: 'abc'\n", "r.yaml:5: "),
        ("reviewed:\n- prompt: p\n  case: c\n", "r.yaml:2: missing required key 'reviewed[0].suite'"),
        ("reviewed: [\n", "r.yaml:2: YAML syntax error"),
    ],
)
def test_a_broken_file_is_one_line_with_its_place(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_reviews(path)
    assert raised.value.format().startswith(str(tmp_path / message))
