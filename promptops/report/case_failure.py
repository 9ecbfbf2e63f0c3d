"""Explains a failed case for pytest: the rendered prompt, the outputs and each failed assertion."""

from __future__ import annotations

from promptops.report.paths import display_path
from promptops.report.text import clip
from promptops.results import CaseResult
from promptops.runner import RunPlan
from promptops.suite import Case

MAX_OUTPUT_CHARS = 600


def explain_case(result: CaseResult, plan: RunPlan, case: Case) -> str:
    """A readable failure report: no Python stack, just what was asked, answered and expected."""
    suite = plan.suite
    line = suite.case_line(case.id)
    where = f"{display_path(suite.path)}:{line}" if line else display_path(suite.path)
    target = f"{plan.target.provider}/{plan.target.model}"
    passed = sum(s.passed for s in result.samples)
    lines = [
        f"{where}: case '{case.id}' on {plan.prompt.label} via {target}",
        f"pass rate {passed}/{len(result.samples)} = {result.pass_rate:.0%} (needs {result.threshold:.0%})",
        "",
        "rendered prompt:",
    ]
    for message in result.messages:
        lines.append(f"  [{message['role']}] " + _indent(message["content"]))
    for sample in result.samples:
        lines.append("")
        if sample.error:
            lines.append(f"sample {sample.sample}: ERROR {sample.error}")
            continue
        status = "pass" if sample.passed else "FAIL"
        lines.append(f"sample {sample.sample} ({status}, score {sample.score:.2f}) output:")
        lines.append("  " + _indent(clip(sample.output or "", MAX_OUTPUT_CHARS)))
        for assertion in sample.assertions:
            if not assertion.passed:
                expected = f" (expected {assertion.expected})" if assertion.expected else ""
                lines.append(f"  ✗ {assertion.type}{expected}: {assertion.reason}")
    return "\n".join(lines)


def _indent(text: str) -> str:
    return text.replace("\n", "\n    ")
