"""`advise` on synthetic prompt histories with known truth, built as real git repositories and run for real."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from promptops.advise import (
    Advice,
    ScoredVersion,
    VersionPoint,
    _cost,
    advise,
    decide,
    export_failures,
    fact_words,
    output_agreement,
    repeat_agreement,
    sparkline,
    summary_lines,
)
from promptops.config import load_project
from promptops.results import CaseResult, SampleResult
from promptops.session import Session
from promptops.stats import wilson
from tests.advise_histories import PROMPT, SCENARIOS, Scenario, Version, build_history


def run_scenario(root: Path, scenario: Scenario, **options: object) -> Advice:
    build_history(root, scenario)
    return advise(load_project(root), PROMPT, run=True, **options)  # type: ignore[arg-type]


def evidence(advice: Advice, kind: str) -> tuple[str, list[str]]:
    """The direction and cases of one evidence item (KeyError-like failure when it is missing)."""
    found = [e for e in advice.evidence if e.kind == kind]
    assert found, f"no '{kind}' evidence in {[e.kind for e in advice.evidence]}"
    return found[0].direction, found[0].cases


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_verdict_on_known_histories(tmp_path: Path, name: str) -> None:
    scenario = SCENARIOS[name]
    advice = run_scenario(tmp_path / "repo", scenario)
    assert [v.evaluated for v in advice.versions] == [True] * len(scenario.versions)
    assert advice.verdict.name == scenario.expected, advice.verdict


def test_significant_verdicts_carry_their_test(tmp_path: Path) -> None:
    advice = run_scenario(tmp_path / "repo", SCENARIOS["slow real gains"])
    comparison = advice.verdict.comparison
    assert comparison is not None and advice.verdict.p_value is not None
    # the baseline is the best version before the last 3 (v2, 8 passing); v5 fixes 9 cases and breaks none
    assert (comparison.base.split()[0], comparison.head.split()[0]) == ("v2", "v5")
    assert (comparison.gained, comparison.lost, comparison.paired_cases) == (9, 0, 20)
    assert advice.verdict.p_value == pytest.approx(2 / 2**9)
    assert "p = 0.00391" in advice.verdict.sureness
    assert advice.versions[-1].pass_rate == pytest.approx(0.85)
    assert advice.versions[-1].ci_low < 0.85 < advice.versions[-1].ci_high


def test_stored_runs_are_reused_and_nothing_runs_without_run(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    build_history(root, SCENARIOS["clear improvement"])
    project = load_project(root)
    before = advise(project, PROMPT)
    assert [v.evaluated for v in before.versions] == [False, False, False]
    assert before.verdict.name == "insufficient history"
    assert "0 evaluated" in before.verdict.reason
    ran = advise(project, PROMPT, run=True)
    stored = advise(project, PROMPT)
    assert [v.run_ids for v in stored.versions] == [v.run_ids for v in ran.versions]
    assert stored.verdict == ran.verdict


def test_last_limits_the_history(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    build_history(root, SCENARIOS["gain then flat"])
    project = load_project(root)
    assert advise(project, PROMPT, run=True, last=2).verdict.name == "insufficient history"
    assert len(advise(project, PROMPT, last=2).versions) == 2


def test_an_explicit_target_changes_the_verdict(tmp_path: Path) -> None:
    advice = run_scenario(tmp_path / "repo", SCENARIOS["length growth without gain"], target=0.6)
    assert advice.verdict.name == "target met"


def test_evidence_of_a_format_failure_plateau(tmp_path: Path) -> None:
    advice = run_scenario(tmp_path / "repo", SCENARIOS["format-failure plateau"])
    direction, cases = evidence(advice, "format failures")
    assert direction == "fine-tuning"
    assert cases == [f"c{i}" for i in range(12, 20)]
    assert "100% of failing samples" in next(e.summary for e in advice.evidence if e.kind == "format failures")
    # the broken JSON still holds the answer: these cases miss no facts
    assert "missing facts" not in [e.kind for e in advice.evidence]


def test_evidence_of_missing_facts_and_persistent_failures(tmp_path: Path) -> None:
    advice = run_scenario(tmp_path / "repo", SCENARIOS["noisy flat below target"])
    assert evidence(advice, "persistent failures") == ("fine-tuning", ["c13", "c14", "c18", "c19"])
    assert evidence(advice, "missing facts") == ("retrieval", ["c13", "c14", "c18", "c19"])
    assert "format failures" not in [e.kind for e in advice.evidence]


def test_evidence_of_inconsistent_repeats(tmp_path: Path) -> None:
    advice = run_scenario(tmp_path / "repo", SCENARIOS["high-variance outputs"])
    latest = advice.versions[-1]
    assert latest.agreement == pytest.approx(14 / 20)
    assert latest.output_agreement is not None and latest.output_agreement < 1
    assert latest.pass_rate == pytest.approx((10 * 4 + 6 * 2) / 80)
    assert evidence(advice, "inconsistent repeats") == ("fine-tuning", [f"c{i}" for i in range(10, 16)])


def test_evidence_of_length_growth_and_cost(tmp_path: Path) -> None:
    advice = run_scenario(tmp_path / "repo", SCENARIOS["length growth without gain"])
    tokens = [v.prompt_tokens for v in advice.versions]
    assert tokens == sorted(tokens) and tokens[-1] > 3 * tokens[0]
    assert evidence(advice, "prompt length growing without gain")[0] == "fine-tuning"
    direction, _ = evidence(advice, "cost per case")
    assert direction == "information"
    assert advice.versions[-1].cost_per_case is not None
    assert advice.versions[-1].cost_per_case > advice.versions[0].cost_per_case  # type: ignore[operator]


def test_no_length_or_fine_tuning_evidence_while_improving(tmp_path: Path) -> None:
    advice = run_scenario(tmp_path / "repo", SCENARIOS["clear improvement"])
    kinds = [e.kind for e in advice.evidence]
    assert evidence(advice, "recent gain")[0] == "prompt work"
    assert "prompt length growing without gain" not in kinds
    assert "inconsistent repeats" not in kinds


def test_export_failures_as_chat_examples(tmp_path: Path) -> None:
    scenario = Scenario(
        [Version(range(14), padding=n) for n in range(3)], "plateaued", without_expected=frozenset({18})
    )
    advice = run_scenario(tmp_path / "repo", scenario)
    assert advice.failing_cases == [f"c{i}" for i in range(14, 20)]
    assert advice.without_expected == ["c18"]
    out = tmp_path / "out" / "seed.jsonl"
    result = export_failures(advice, out)
    assert result.exported == ["c14", "c15", "c16", "c17", "c19"]
    assert result.without_expected == ["c18"]
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 5
    first = lines[0]["messages"]
    assert [m["role"] for m in first] == ["system", "user", "assistant"]
    assert first[1]["content"] == "Question about c14"
    assert "revision 3" in first[0]["content"]
    assert first[2]["content"] == "The answer is FACT-c14."
    assert all("c18" not in json.dumps(line) for line in lines)
    assert [p.name for p in out.parent.iterdir()] == ["seed.jsonl"]  # no temporary file left behind


def test_export_dumps_structured_expected_as_json(tmp_path: Path) -> None:
    advice = run_scenario(tmp_path / "repo", SCENARIOS["format-failure plateau"])
    out = tmp_path / "seed.jsonl"
    export_failures(advice, out)
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert json.loads(first["messages"][-1]["content"]) == {"answer": "The answer is FACT-c12."}


def test_similarity_to_expected_with_a_scorer(tmp_path: Path) -> None:
    class ExactScorer:
        def similarities(self, texts: list[str], references: list[str], model: str | None = None) -> list[list[float]]:
            return [[1.0 if t == r else 0.0 for r in references] for t in texts]

    advice = run_scenario(tmp_path / "repo", SCENARIOS["clear improvement"], scorer=ExactScorer())
    assert [v.similarity for v in advice.versions] == [pytest.approx(6 / 20), pytest.approx(9 / 20), pytest.approx(0.8)]
    assert run_scenario(tmp_path / "other", SCENARIOS["clear improvement"]).versions[0].similarity is None


def test_summary_lines_for_the_pytest_plugin(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    build_history(root, SCENARIOS["one regression"])
    project = load_project(root)
    advise(project, PROMPT, run=True)
    session = Session(project)
    try:
        lines = summary_lines(project, [PROMPT, "nope"], session)
    finally:
        session.close()
    assert lines[0].startswith(f"{PROMPT}: regressing  ")
    assert lines[1].startswith("nope: no advice (no prompt named 'nope'")


def test_pytest_option_adds_the_advice_to_the_summary(pytester: pytest.Pytester) -> None:
    build_history(pytester.path, SCENARIOS["one regression"])
    advise(load_project(pytester.path), PROMPT, run=True)
    result = pytester.runpytest("--promptops-advise", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=8, failed=12)
    result.stdout.fnmatch_lines(["*= promptops advise =*", "helper: regressing  ▅▆▇▄  — v4 * is significantly worse*"])
    quiet = pytester.runpytest("-p", "no:cacheprovider")
    assert "promptops advise" not in quiet.stdout.str()


def test_unknown_prompt_or_untested_prompt_is_bad_input(tmp_path: Path) -> None:
    from promptops.errors import InputError

    repo = build_history(tmp_path / "repo", SCENARIOS["too few versions"])
    repo.write("prompts/lonely.yaml", (repo.root / "prompts" / f"{PROMPT}.yaml").read_text().replace(PROMPT, "lonely"))
    with pytest.raises(InputError, match="not tested by any suite"):
        advise(load_project(repo.root), "lonely")


def test_sparkline() -> None:
    assert sparkline([0.0, 0.5, 1.0, None]) == "▁▅█·"
    assert sparkline([]) == ""


def test_agreement_measures() -> None:
    def case(*results: tuple[bool, str]) -> CaseResult:
        return CaseResult(
            case_id="x", samples=[SampleResult(sample=i, passed=p, output=o) for i, (p, o) in enumerate(results)]
        )

    steady, flaky = case((True, "a"), (True, "a"), (True, "b")), case((True, "a"), (False, "c"))
    assert repeat_agreement([steady, flaky]) == 0.5
    assert output_agreement([steady, flaky]) == pytest.approx((1 / 3 + 0) / 2)
    assert repeat_agreement([case((True, "a"))]) is None


def test_fact_words() -> None:
    assert fact_words("Refunds are possible within 30 days of purchase.") == {
        "refunds",
        "possible",
        "within",
        "30",
        "days",
        "purchase",
    }
    assert fact_words({"answer": "FACT-c01"}) == {"answer", "fact-c01"}


def _scored(label: str, passed: int, cases: int, cost: float | None = None) -> ScoredVersion:
    interval = wilson(passed, cases)
    point = VersionPoint(
        label=label,
        version=None,
        commit=None,
        prompt_hash=label,
        prompt_tokens=10,
        evaluated=True,
        samples=cases,
        passed=passed,
        pass_rate=passed / cases,
        ci_low=interval.low,
        ci_high=interval.high,
        cases=cases,
        cases_passed=passed,
        cost_per_case=cost,
    )
    results = {
        f"c{i}": CaseResult(case_id=f"c{i}", samples=[SampleResult(sample=0, passed=i < passed)]) for i in range(cases)
    }
    return ScoredVersion(point, results)


def test_too_few_versions_says_how_many_it_has() -> None:
    verdict = decide([_scored("v1", 5, 10), _scored("v2", 6, 10)], target=0.9)
    assert verdict.name == "insufficient history"
    assert verdict.sureness.startswith("no test can tell a trend from 2 version(s)")


def test_a_wide_interval_is_explained_by_its_width_not_by_a_p_value() -> None:
    # 6 paired cases: a clean sweep would be significant (p = 0.03), but the latest interval is ~60 points wide
    verdict = decide([_scored(f"v{i}", 3, 6) for i in (1, 2, 3)], target=0.9)
    assert verdict.name == "insufficient history"
    assert "interval is" in verdict.sureness and "wide (more than 50%)" in verdict.sureness
    assert "p would be" not in verdict.sureness
    few = decide([_scored(f"v{i}", 2, 4) for i in (1, 2, 3)], target=0.9)
    assert few.sureness.startswith("even if every case flipped, p would be 0.125")


def test_no_cost_evidence_for_a_model_that_costs_nothing() -> None:
    free = [_scored(f"v{i}", 8, 10, cost=0.0) for i in (1, 2, 3)]
    assert _cost(free) is None
    paid = [_scored(f"v{i}", 8, 10, cost=0.002 * i) for i in (1, 2, 3)]
    evidence_ = _cost(paid)
    assert evidence_ is not None and evidence_.summary == "$0.006 per case in v3 (+200% since v1)"
