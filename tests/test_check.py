"""`check`: what changed between base and head, both sides run, and the verdict with what to do."""

from __future__ import annotations

import pytest

from promptops.check import CheckOptions, CheckResult, check
from promptops.config import load_project
from tests.check_project import CASES, base_project, prompt_text, regressed_prompt, suite_text
from tests.gitrepo import GitRepo


@pytest.fixture
def repo(git_repo: GitRepo) -> GitRepo:
    return base_project(git_repo)


def run_check(repo: GitRepo, head: str | None = None, *, drift: bool = False) -> CheckResult:
    return check(load_project(repo.root), "main", head, CheckOptions(drift=drift))


def test_nothing_changed_passes_without_running(repo: GitRepo) -> None:
    repo.write("README.md", "docs only\n")
    result = run_check(repo)
    assert result.passed and result.prompts == []
    assert "no prompt or suite changed" in result.verdict
    assert not (repo.root / ".promptops").exists()


def test_behaviour_change_without_version_bump_fails_and_says_how_to_fix(repo: GitRepo) -> None:
    repo.write("prompts/support.yaml", prompt_text(1, temperature=0.7))
    result = run_check(repo)
    [problem] = result.problems
    assert problem.kind == "version"
    assert "model.params.temperature" in problem.message
    assert "bump `version:` to 2 in prompts/support.yaml" in problem.fix


def test_transport_setting_change_needs_no_bump(repo: GitRepo) -> None:
    repo.write("prompts/support.yaml", prompt_text(1, params=", timeout: 30"))
    repo.commit("support: a 30 s timeout")
    repo.git("branch", "-f", "main", "HEAD")
    repo.write("prompts/support.yaml", prompt_text(1, params=", timeout: 45, retries: 1"))
    result = run_check(repo)
    assert result.passed, result.problems
    repo.write("prompts/support.yaml", prompt_text(1, temperature=0.7, params=", timeout: 45"))
    [problem] = run_check(repo).problems
    assert problem.kind == "version"
    assert "(model.params.temperature)" in problem.message


def test_description_comment_and_layout_change_needs_no_bump(repo: GitRepo) -> None:
    repo.write("prompts/support.yaml", "\n" + prompt_text(1, description="Answers politely.", comment=" (edited)"))
    result = run_check(repo)
    assert result.passed, result.problems
    [item] = result.prompts
    assert item.status == "modified"
    [suite] = item.suites
    assert suite.comparison is not None and suite.comparison.broken == []


def test_bumped_change_that_keeps_quality_passes(repo: GitRepo) -> None:
    repo.write("prompts/support.yaml", prompt_text(2, system="You are a friendly support agent."))
    result = run_check(repo)
    assert result.passed, result.problems
    assert result.prompts[0].diff is not None and result.prompts[0].diff.version_bumped


def test_regression_on_a_committed_head_branch_fails(repo: GitRepo) -> None:
    repo.write("prompts/support.yaml", regressed_prompt(2))
    repo.commit("v2 drops the question")
    repo.git("checkout", "-q", "main")  # the working tree is base again: head comes from git
    result = run_check(repo, "head")
    kinds = [p.kind for p in result.problems]
    assert kinds == ["regression", "threshold"]
    comparison = result.prompts[0].suites[0].comparison
    assert comparison is not None and len(comparison.broken) == 6
    assert comparison.p_value < 0.05


def test_changed_suite_rechecks_its_prompt(repo: GitRepo) -> None:
    extra = (
        '  - id: hours\n    vars: {question: "When are you open?"}\n    assert: [{type: icontains, value: weekend}]\n'
    )
    repo.write("suites/support.yaml", suite_text(extra_case=extra))
    result = run_check(repo)
    [item] = result.prompts
    assert item.status == "suite changed"
    assert [p.kind for p in result.problems] == ["threshold"]
    comparison = item.suites[0].comparison
    assert comparison is not None
    assert {c.case_id for c in comparison.cases if c.change == "still failing"} == {"hours"}


def test_renamed_prompt_is_compared_with_its_old_path(repo: GitRepo) -> None:
    repo.git("mv", "prompts/support.yaml", "prompts/helpdesk.yaml")
    repo.write("suites/support.yaml", suite_text(prompt="helpdesk"))
    repo.commit("rename support to helpdesk")
    result = run_check(repo, "head")
    [item] = result.prompts
    assert (item.status, item.old_path, item.path) == ("renamed", "prompts/support.yaml", "prompts/helpdesk.yaml")
    assert item.base is not None and item.base.name == "support"
    assert result.passed, result.problems
    assert item.suites[0].comparison is not None


def test_new_prompt_without_suite_is_a_warning(repo: GitRepo) -> None:
    repo.write("prompts/faq.yaml", prompt_text(1))
    result = run_check(repo)
    assert result.passed
    assert any("prompt 'faq' has no suite" in w for w in result.warnings)
    assert result.prompts[0].status == "added"


def test_unknown_base_is_bad_input(repo: GitRepo) -> None:
    from promptops.errors import ReferenceNotFound

    with pytest.raises(ReferenceNotFound):
        check(load_project(repo.root), "no-such-branch")


@pytest.mark.slow
def test_drift_is_reported_per_case_and_warns(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    repo.write("prompts/support.yaml", prompt_text(2, user="{{ question }} No, never."))
    result = run_check(repo, drift=True)
    comparison = result.prompts[0].suites[0].comparison
    assert comparison is not None and comparison.drift is not None
    assert {c.case_id for c in comparison.drifted} == set(CASES)
    assert result.passed  # drift_mode defaults to warn
    assert any("6 case(s) drifted in meaning" in w for w in result.warnings)


@pytest.mark.slow
def test_reviewed_drift_is_no_longer_a_warning(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    from promptops.drift_reviews import append_reviews, load_reviews, review_of

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    repo.write("prompts/support.yaml", prompt_text(2, user="{{ question }} No, never."))
    first = run_check(repo, drift=True).prompts[0].suites[0].comparison
    assert first is not None and first.drift is not None
    flagged = [case.drift for case in first.drifted if case.drift is not None and case.case_id != "refund"]
    append_reviews(
        load_reviews(repo.root / "drift-reviews.yaml"), [review_of("support", "support", c) for c in flagged]
    )
    result = run_check(repo, drift=True)
    comparison = result.prompts[0].suites[0].comparison
    assert comparison is not None and comparison.drift is not None
    assert [c.case_id for c in comparison.drifted] == ["refund"]
    assert len(comparison.drift.reviewed) == len(CASES) - 1
    assert any("1 case(s) drifted in meaning (refund)" in w for w in result.warnings)


@pytest.mark.slow
def test_drift_in_fail_mode_is_a_problem_whose_fix_names_the_review_command(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    repo.write("pyproject.toml", '[tool.promptops]\ndrift_mode = "fail"\n')
    repo.write("prompts/support.yaml", prompt_text(2, user="{{ question }} No, never."))
    result = run_check(repo, drift=True)
    assert not result.passed
    [problem] = [p for p in result.problems if p.kind == "drift"]
    assert problem.message.startswith("support on suite 'support': 6 case(s) drifted in meaning")
    assert "`promptops drift support@main support --suite support`" in problem.fix
    assert "`--accept CASE` and commit drift-reviews.yaml" in problem.fix
