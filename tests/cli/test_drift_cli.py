"""`promptops drift NAME@A NAME@B`: flagged cases, and flags a reviewer cleared with --accept."""

from __future__ import annotations

import json

import pytest

from tests.check_project import CASES, prompt_text, suite_text
from tests.gitrepo import GitRepo

from .conftest import Cli

pytestmark = pytest.mark.slow  # the real embedding model judges the outputs


@pytest.fixture
def repo(git_repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """Prompt `support` on the echo provider: v1 says refunds take 5 business days, v2 says 30."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    git_repo.write("suites/support.yaml", suite_text())
    git_repo.write(".gitignore", ".promptops/\n")
    for version, days in ((1, 5), (2, 30)):
        git_repo.write(
            "prompts/support.yaml", prompt_text(version, user=f"Refunds take {days} business days. {{{{ question }}}}")
        )
        git_repo.commit(f"support v{version}")
    return git_repo


def drifted(result_out: str) -> dict[str, tuple[bool, bool]]:
    [suite] = json.loads(result_out)
    return {c["case_id"]: (c["drifted"], c["reviewed"]) for c in suite["cases"]}


def test_a_changed_number_drifts_every_case_with_its_reason(repo: GitRepo, cli: Cli) -> None:
    result = cli("drift", "support@1", "support@2", "--fail-on-drift", "--format", "json", cwd=repo.root)
    assert result.code == 1, result.err
    [suite] = json.loads(result.out)
    assert {c["case_id"] for c in suite["cases"] if c["drifted"]} == set(CASES)
    assert all(any("5" in r and "30" in r for r in c["reasons"]) for c in suite["cases"])


def test_accepted_cases_stay_cleared_until_their_outputs_change(repo: GitRepo, cli: Cli) -> None:
    accepted = cli(
        "drift",
        "support@1",
        "support@2",
        "--accept",
        "refund",
        "--accept",
        "invoice",
        "--format",
        "json",
        cwd=repo.root,
    )
    assert accepted.code == 0, accepted.err
    assert "recorded 2 review(s) in drift-reviews.yaml" in accepted.err
    flags = drifted(accepted.out)
    assert flags["refund"] == flags["invoice"] == (False, True)
    assert {case for case, (drift, _) in flags.items() if drift} == set(CASES) - {"refund", "invoice"}
    reviews = (repo.root / "drift-reviews.yaml").read_text(encoding="utf-8")
    assert reviews.count("- prompt: ") == 2 and 'case: "refund"' in reviews

    again = cli("drift", "support@1", "support@2", "--fail-on-drift", cwd=repo.root)
    assert again.code == 1  # four cases still drifted
    assert "4/6 cases drifted (67%); 2 more flagged but reviewed as no change" in again.out

    others = [f"--accept={case}" for case in CASES if case not in ("refund", "invoice")]
    cleared = cli("drift", "support@1", "support@2", "--fail-on-drift", *others, cwd=repo.root)
    assert cleared.code == 0, cleared.out
    assert "0/6 cases drifted (0%); 6 more flagged but reviewed as no change" in cleared.out

    repo.write("prompts/support.yaml", prompt_text(3, user="Refunds take 45 business days. {{ question }}"))
    changed = cli("drift", "support@1", "support", "--format", "json", cwd=repo.root)
    assert all(drift and not reviewed for drift, reviewed in drifted(changed.out).values())


def test_accepting_a_case_that_did_not_drift_is_bad_input_and_writes_nothing(repo: GitRepo, cli: Cli) -> None:
    result = cli("drift", "support@1", "support@2", "--accept", "refnud", cwd=repo.root)
    assert result.code == 2
    assert result.err.strip().splitlines()[-1] == (
        "error: --accept refnud: no drifted case 'refnud' (drifted: delivery, invoice, password, refund, shipping, "
        "warranty)"
    )
    assert not (repo.root / "drift-reviews.yaml").exists()


def test_a_broken_reviews_file_is_one_line_with_its_place(repo: GitRepo, cli: Cli) -> None:
    (repo.root / "drift-reviews.yaml").write_text("reviewed:\n- prompt: support\n  suit: support\n", encoding="utf-8")
    result = cli("drift", "support@1", "support@2", cwd=repo.root)
    assert result.code == 2
    assert "drift-reviews.yaml:3: unknown key 'suit' (did you mean 'suite'?)" in result.err
    assert "Traceback" not in result.err
