"""Run records: looking a case up by its id, one at a time or all at once."""

from __future__ import annotations

from promptops.results import CaseResult, RunRecord, SampleResult


def _run(*case_ids: str) -> RunRecord:
    cases = [CaseResult(case_id=i, samples=[SampleResult(sample=0, output=i)]) for i in case_ids]
    return RunRecord(
        id="r", suite="s", suite_path="", prompt="p", prompt_version=1, provider="x", model="m", cases=cases
    )


def test_a_case_is_found_by_its_id_and_the_first_of_two_wins() -> None:
    run = _run("greeting", "refund", "greeting")
    assert run.case("greeting") is run.cases[0]
    assert run.case("refund") is run.cases[1]
    assert run.case("missing") is None


def test_a_case_added_or_a_list_replaced_after_a_look_up_is_found() -> None:
    run = _run("greeting")
    assert run.case("refund") is None
    run.cases.append(CaseResult(case_id="refund"))
    assert run.case("refund") is run.cases[1]
    run.cases = [CaseResult(case_id="summary")]
    assert run.case("greeting") is None
    assert run.case("summary") is run.cases[0]


def test_a_case_edited_in_place_is_found_under_its_new_id_only() -> None:
    run = _run("greeting", "refund")
    assert run.case("refund") is run.cases[1]
    run.cases[1] = CaseResult(case_id="summary")
    assert run.case("summary") is run.cases[1]
    assert run.case("refund") is None


def test_a_copy_with_other_cases_finds_its_own_and_looking_up_changes_no_equality() -> None:
    run = _run("greeting")
    assert run.case("greeting") is not None
    copy = run.model_copy(update={"cases": [CaseResult(case_id="refund")]})
    assert copy.case("refund") is copy.cases[0]
    assert copy.case("greeting") is None
    assert run == _run("greeting")
    assert "_case_positions" not in run.model_dump()


def test_cases_by_id_finds_what_case_finds() -> None:
    run = _run("greeting", "refund", "greeting")
    indexed = run.cases_by_id()
    assert list(indexed) == ["greeting", "refund"]
    assert all(indexed[i] is run.case(i) for i in indexed)
