"""`diff_prompts` and `diff_runs`: readable field changes, template diffs, flips and the statistics."""

from __future__ import annotations

from pathlib import Path

from promptops.diff import diff_prompts, diff_runs
from promptops.prompt import Prompt, load_prompt_text
from promptops.results import CaseResult, RunRecord, SampleResult

BASE = """\
version: 2
description: Answers.
model: {provider: echo, name: echo, params: {temperature: 0.2}}
variables:
  question: {type: string}
messages:
  - role: system
    content: |
      You are a support agent.
      Answer in two sentences.
  - role: user
    content: "{{ question }}"
tags: [support]
"""


def prompt(text: str) -> Prompt:
    return load_prompt_text(text, Path("prompts/support.yaml"))


def test_field_changes_read_as_dotted_paths_with_old_and_new_values() -> None:
    head = BASE.replace("temperature: 0.2", "temperature: 0.7").replace(
        "  question: {type: string}", "  question: {type: string}\n  tone: {type: string, required: false}"
    )
    diff = diff_prompts(prompt(BASE), prompt(head))
    lines = [str(f) for f in diff.fields]
    assert "model.params.temperature: 0.2 → 0.7" in lines
    assert any(line.startswith("variables.tone: added") for line in lines)
    assert diff.behaviour_changed and not diff.version_bumped
    assert diff.messages == []


def test_message_templates_get_a_unified_diff() -> None:
    head = BASE.replace("Answer in two sentences.", "Answer in one sentence.")
    diff = diff_prompts(prompt(BASE), prompt(head))
    assert diff.fields == []
    [message] = diff.messages
    assert message.title == "messages[0] (system)"
    assert "-Answer in two sentences." in message.lines
    assert "+Answer in one sentence." in message.lines
    assert diff.behaviour_changed


def test_description_tags_comments_and_layout_are_not_behaviour() -> None:
    head = "# a comment\n\n" + BASE.replace("Answers.", "Answers politely.").replace("[support]", "[support, faq]")
    diff = diff_prompts(prompt(BASE), prompt(head))
    assert {f.path for f in diff.fields} == {"description", "tags[1]"}
    assert not diff.behaviour_changed


def test_transport_settings_in_params_are_not_behaviour() -> None:
    base = BASE.replace("temperature: 0.2", "temperature: 0.2, timeout: 30")
    head = base.replace("timeout: 30", "timeout: 45, retries: 2")
    diff = diff_prompts(prompt(base), prompt(head))
    assert {f.path for f in diff.fields} == {"model.params.timeout", "model.params.retries"}
    assert not diff.behaviour_changed
    answer = diff_prompts(prompt(base), prompt(head.replace("temperature: 0.2", "temperature: 0.7")))
    assert [f.path for f in answer.fields if f.behavioural] == ["model.params.temperature"]


def test_output_schema_and_added_messages_are_behaviour() -> None:
    head = BASE.replace("tags: [support]", "tags: [support]\noutput: {format: json, schema: {type: object}}")
    head = head.replace(
        '    content: "{{ question }}"\n', '    content: "{{ question }}"\n  - role: assistant\n    content: Sure.\n'
    )
    diff = diff_prompts(prompt(BASE), prompt(head))
    assert any(f.path.startswith("output.") and f.behavioural for f in diff.fields)
    assert [m.title for m in diff.messages] == ["messages[2] (assistant): added"]


def run(passes: dict[str, list[bool]], run_id: str = "r", outputs: str = "x") -> RunRecord:
    cases = [
        CaseResult(
            case_id=case_id,
            samples=[SampleResult(sample=i, output=outputs, passed=p, score=float(p)) for i, p in enumerate(results)],
        )
        for case_id, results in passes.items()
    ]
    return RunRecord(id=run_id, suite="s", suite_path="suites/s.yaml", prompt="p", prompt_version=1,
                     provider="echo", model="echo", cases=cases, status="complete")  # fmt: skip


def test_flips_and_significant_regression() -> None:
    base = run({f"c{i}": [True, True] for i in range(8)})
    head = run({**{f"c{i}": [False, False] for i in range(7)}, "c7": [True, True]})
    cmp = diff_runs(base, head)
    assert [c.case_id for c in cmp.broken] == [f"c{i}" for i in range(7)]
    assert cmp.fixed == []
    assert cmp.p_value == 2 / 2**7
    assert cmp.pass_rate_change.estimate == -7 / 8
    assert cmp.pass_rate_change.high < 0
    assert cmp.significantly_worse
    assert cmp.worst(2)[0].change == "broken"
    assert cmp.broken[0].score_change == -1.0


def test_one_flip_is_noise_not_a_regression() -> None:
    base = run({f"c{i}": [True, True] for i in range(10)})
    head = run({**{f"c{i}": [True, True] for i in range(9)}, "c9": [False, True]})
    cmp = diff_runs(base, head)
    assert len(cmp.broken) == 1
    assert cmp.p_value == 1.0
    assert cmp.pass_rate_change.low < 0 <= cmp.pass_rate_change.high
    assert not cmp.significantly_worse


def test_improvement_is_never_a_regression() -> None:
    base = run({f"c{i}": [False] for i in range(8)})
    head = run({f"c{i}": [True] for i in range(8)})
    cmp = diff_runs(base, head)
    assert len(cmp.fixed) == 8 and cmp.p_value < 0.05
    assert not cmp.significantly_worse


def test_added_and_removed_cases_are_not_paired() -> None:
    cmp = diff_runs(run({"a": [True], "old": [True]}), run({"a": [True], "new": [False]}))
    assert {c.case_id: c.change for c in cmp.cases} == {"a": "still passing", "old": "removed", "new": "added"}
    assert len(cmp.paired) == 1


class FakeScorer:
    """Similarity 1.0 for equal texts, 0.0 otherwise."""

    def similarities(self, texts: list[str], references: list[str], model: str | None = None) -> list[list[float]]:
        return [[1.0 if t == r else 0.0 for r in references] for t in texts]


def test_drift_comes_from_the_drift_module_when_a_scorer_is_given() -> None:
    base = run({"a": [True, True], "b": [True, True]}, outputs="The refund takes 5 days.")
    head = run({"a": [True, True], "b": [True, True]}, outputs="Refunds are not possible.")
    cmp = diff_runs(base, head, FakeScorer())
    assert cmp.drift is not None
    assert {c.case_id for c in cmp.drifted} == {"a", "b"}
    assert diff_runs(base, head).drift is None
