"""What `promptops demo` walks through: the prompts that have suites, and a run plan per committed version."""

from __future__ import annotations

from promptops.errors import InputError
from promptops.runner import RunPlan
from promptops.session import Session, load_suites


def demo_prompts(session: Session, only: str | None = None) -> list[str]:
    """`only`, or every prompt some suite of the project tests, in name order."""
    if only is not None:
        return [only]
    suites = load_suites(session.suite_paths())
    names = sorted({name for suite in suites for name in suite.spec.prompts})
    if not names:
        raise InputError(f"no suite under {session.project.suites_dir} names a prompt; nothing to demonstrate")
    return names


def version_plans(session: Session, name: str) -> list[RunPlan]:
    """A plan per suite × version of `name`, oldest version first (committed versions, then an edited working copy)."""
    from promptops.githistory import prompt_history

    refs = [v.commit or "" for v in reversed(prompt_history(session.project, name))]
    suites = session.suites_for(name)
    return [p for p in session.plans(suites, refs) if p.prompt.name == name]
