"""This repository's own example: the recordings are what the local model really says, and the demo tells the story."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from promptops.config import load_project
from promptops.githistory import prompt_history
from promptops.session import RunOptions, Session

REPO = Path(__file__).resolve().parents[1]
PROMPT = "ticket-triage"
RECORDINGS = REPO / "suites" / "recordings" / f"{PROMPT}.jsonl"


def recorded_outputs() -> dict[tuple[int, str, int], str]:
    """(version, case, sample) → the recorded output."""
    entries = map(json.loads, RECORDINGS.read_text(encoding="utf-8").splitlines())
    return {(e["version"], e["case"], e["sample"]): e["text"] for e in entries}


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """A full clone of this repository, so nothing a test writes lands in the working tree."""
    target = tmp_path / "repo"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(target)], check=True)
    return target


@pytest.mark.slow
def test_a_live_local_run_reproduces_the_committed_recordings(tmp_path: Path) -> None:
    project = load_project(REPO, overrides={"store_dir": str(tmp_path / "store")})
    session = Session(project, RunOptions(record="off", no_cache=True))
    versions = [v.commit for v in reversed(prompt_history(project, PROMPT)) if v.commit]
    assert len(versions) >= 5, "the example prompt's history is part of the product"
    try:
        plans = [p for p in session.plans(session.suites_for(PROMPT), versions) if p.prompt.name == PROMPT]
        runs = session.run(plans)
    finally:
        session.close()
    live = {(run.prompt_version, c.case_id, x.sample): x.output for run in runs for c in run.cases for x in c.samples}
    assert len(live) == 5 * 16
    recorded = recorded_outputs()
    assert live == {key: recorded.get(key) for key in live}


def test_the_recorded_history_improves_then_plateaus_below_target(clone: Path) -> None:
    project = load_project(clone)
    session = Session(project, RunOptions(record="none"))
    try:
        plans = session.plans(session.suites_for(PROMPT), ["1", "2", "3", "4", "5"])
        rates = [run.sample_pass_rate for run in session.run(plans)]
    finally:
        session.close()
    assert rates[2] > rates[0] + 0.4  # few-shot examples paid off
    assert max(rates[2:]) < project.config.target  # later edits did not reach the target
    assert rates[4] <= rates[2]  # and the longest prompt is no better


def test_the_demo_replays_the_history_and_advises_fine_tuning(clone: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "promptops.cli.main", "demo", "--replay"],
        cwd=clone,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(clone.parent), "COLUMNS": "120"},
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    out = result.stdout
    assert "ticket-triage@1" in out and "ticket-triage@5" in out
    assert "diff ticket-triage@4 → ticket-triage@5" in out
    assert "plateaued — consider fine-tuning" in out
    assert "persistent failures" in out
