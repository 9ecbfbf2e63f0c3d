"""Use case `diff`: what changed between two prompt versions, and between two runs of a suite on them."""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from promptops.assertions.base import Similarity
from promptops.config import DRIFT_THRESHOLD
from promptops.drift import CaseDrift, DriftReport, compare_runs
from promptops.drift_reviews import DriftReviews
from promptops.errors import InputError
from promptops.prompt import Prompt
from promptops.providers.settings import TRANSPORT_KEYS, split_params
from promptops.results import CaseResult, RunRecord
from promptops.stats import Interval, mcnemar_exact, paired_bootstrap_diff

if TYPE_CHECKING:
    from promptops.runner import ProgressCallback
    from promptops.session import Session

ALPHA = 0.05
# Two tests are OR'ed into one verdict, so each gets part of ALPHA: McNemar's one-sided direction is alpha/2,
# and the pass-rate interval is the 97.5% one. With a 95% interval the percentile bootstrap over ~20 cases
# alone raised false alarms on no-op changes to ~4% (benchmarks/check_false_alarms.py --simulate).
INTERVAL_LEVEL = 1 - ALPHA / 2
# Top-level spec fields whose change alters what the model is asked or how it answers (messages are diffed apart).
BEHAVIOUR_FIELDS = frozenset({"model", "variables", "output"})
_SHORT_VALUE = 60

ChangeKind = Literal["changed", "added", "removed"]
CaseChange = Literal["fixed", "broken", "still passing", "still failing", "added", "removed", "errored"]


@dataclass(frozen=True)
class FieldChange:
    """One field of the prompt spec that differs, addressed by a dotted path (`model.params.temperature`)."""

    path: str
    kind: ChangeKind
    old: Any = None
    new: Any = None

    @property
    def behavioural(self) -> bool:
        """Whether this change alters behaviour (model, answer params, variable contract, output schema).

        Transport settings in `model.params` (timeout, retries, …) change how the backend is called, never the
        answer: they are split off by the same rule that keeps them out of the cache key."""
        head, _, rest = self.path.partition(".")
        if head.split("[")[0] not in BEHAVIOUR_FIELDS or rest.endswith("description"):
            return False
        if self.path == "model.params":  # the whole mapping appeared or went: compare what reaches the model
            return _answer_params(self.old) != _answer_params(self.new)
        if self.path.startswith("model.params."):
            key = re.split(r"[.\[]", self.path.removeprefix("model.params."), maxsplit=1)[0]
            return key not in TRANSPORT_KEYS
        return True

    def __str__(self) -> str:
        if self.kind == "changed":
            return f"{self.path}: {show_value(self.old)} → {show_value(self.new)}"
        value = self.new if self.kind == "added" else self.old
        shown = show_value(value)
        return f"{self.path}: {self.kind}" + (f" ({shown})" if len(shown) <= _SHORT_VALUE else "")


@dataclass(frozen=True)
class MessageDiff:
    """The unified diff of one message template (by position), with its role on each side."""

    index: int
    base_role: str | None
    head_role: str | None
    lines: list[str]

    @property
    def title(self) -> str:
        if self.base_role is None:
            return f"messages[{self.index}] ({self.head_role}): added"
        if self.head_role is None:
            return f"messages[{self.index}] ({self.base_role}): removed"
        role = self.head_role if self.base_role == self.head_role else f"{self.base_role} → {self.head_role}"
        return f"messages[{self.index}] ({role})"


@dataclass(frozen=True)
class PromptDiff:
    """Field-by-field and template-by-template differences between two versions of a prompt."""

    base: Prompt
    head: Prompt
    fields: list[FieldChange]
    messages: list[MessageDiff]

    @property
    def behaviour_changed(self) -> bool:
        """Messages, model, params, variables or output schema differ (description, tags, layout do not count)."""
        return bool(self.messages) or any(f.behavioural for f in self.fields)

    @property
    def version_bumped(self) -> bool:
        return self.head.version > self.base.version

    @property
    def empty(self) -> bool:
        return not self.fields and not self.messages


def _answer_params(params: Any) -> dict[str, Any]:
    return split_params(params)[0] if isinstance(params, dict) else {}


def show_value(value: Any) -> str:
    """A compact one-line rendering of a spec value: JSON for containers, repr-like for scalars."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _spec_data(prompt: Prompt) -> dict[str, Any]:
    data: dict[str, Any] = prompt.spec.model_dump(mode="json", by_alias=True, exclude={"messages"})
    return data


def _dotted(parts: list[Any]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else ("." if out else "") + str(part)
    return out


def field_changes(base: Prompt, head: Prompt) -> list[FieldChange]:
    """The differing spec fields (messages excepted), sorted by path, via deepdiff's tree view."""
    from deepdiff import DeepDiff
    from deepdiff.helper import notpresent

    tree = DeepDiff(_spec_data(base), _spec_data(head), view="tree", verbose_level=2)
    changes: list[FieldChange] = []
    for levels in tree.values():
        for level in levels:
            path = _dotted(level.path(output_format="list"))
            if level.t1 is notpresent:
                changes.append(FieldChange(path, "added", new=level.t2))
            elif level.t2 is notpresent:
                changes.append(FieldChange(path, "removed", old=level.t1))
            else:
                changes.append(FieldChange(path, "changed", old=level.t1, new=level.t2))
    return sorted(changes, key=lambda c: c.path)


def message_diffs(base: Prompt, head: Prompt) -> list[MessageDiff]:
    """A unified diff per message position whose role or template text differs."""
    old, new = base.spec.messages, head.spec.messages
    diffs: list[MessageDiff] = []
    for index in range(max(len(old), len(new))):
        a = old[index] if index < len(old) else None
        b = new[index] if index < len(new) else None
        if a is not None and b is not None and a == b:
            continue
        lines = list(
            difflib.unified_diff(
                a.content.splitlines() if a else [],
                b.content.splitlines() if b else [],
                fromfile=f"{base.name}@{base.version} messages[{index}]",
                tofile=f"{head.name}@{head.version} messages[{index}]",
                lineterm="",
            )
        )
        diffs.append(MessageDiff(index, a.role if a else None, b.role if b else None, lines))
    return diffs


def diff_prompts(a: Prompt, b: Prompt) -> PromptDiff:
    """What changed from prompt version `a` to `b`: spec fields (deepdiff) and message templates (difflib)."""
    return PromptDiff(base=a, head=b, fields=field_changes(a, b), messages=message_diffs(a, b))


@dataclass(frozen=True)
class CaseComparison:
    """One case on both sides: its pass/fail flip, pass-rate and score change, and drift when measured."""

    case_id: str
    base: CaseResult | None
    head: CaseResult | None
    drift: CaseDrift | None = None

    @property
    def change(self) -> CaseChange:
        if self.base is None:
            return "added"
        if self.head is None:
            return "removed"
        if self.base.errors or self.head.errors:
            return "errored"  # a provider failure says nothing about the prompt: left out of the statistics
        if self.base.passed == self.head.passed:
            return "still passing" if self.head.passed else "still failing"
        return "fixed" if self.head.passed else "broken"

    @property
    def paired(self) -> bool:
        """Both sides have results without errors, so the case counts in the paired statistics."""
        return self.base is not None and self.head is not None and not (self.base.errors or self.head.errors)

    @property
    def rate_change(self) -> float | None:
        if self.base is None or self.head is None:
            return None
        return self.head.pass_rate - self.base.pass_rate

    @property
    def score_change(self) -> float | None:
        if self.base is None or self.head is None:
            return None
        before, after = _mean_score(self.base), _mean_score(self.head)
        return None if before is None or after is None else after - before

    @property
    def drifted(self) -> bool:
        return self.drift is not None and self.drift.drifted


def _mean_score(case: CaseResult) -> float | None:
    scored = case.scored
    return sum(s.score for s in scored) / len(scored) if scored else None


@dataclass(frozen=True)
class RunComparison:
    """Two runs of one suite compared case by case, with the statistics that separate a regression from noise."""

    base: RunRecord
    head: RunRecord
    cases: list[CaseComparison]
    pass_rate_change: Interval
    p_value: float
    drift: DriftReport | None = None
    alpha: float = ALPHA
    level: float = INTERVAL_LEVEL

    def _with(self, change: CaseChange) -> list[CaseComparison]:
        return [c for c in self.cases if c.change == change]

    @property
    def broken(self) -> list[CaseComparison]:
        return self._with("broken")

    @property
    def fixed(self) -> list[CaseComparison]:
        return self._with("fixed")

    @property
    def drifted(self) -> list[CaseComparison]:
        return [c for c in self.cases if c.drifted]

    @property
    def errored(self) -> list[CaseComparison]:
        return self._with("errored")

    @property
    def paired(self) -> list[CaseComparison]:
        return [c for c in self.cases if c.paired]

    @property
    def significantly_worse(self) -> bool:
        """McNemar p < alpha with more broken than fixed cases, or a paired pass-rate interval entirely below 0."""
        flips = self.p_value < self.alpha and len(self.broken) > len(self.fixed)
        return flips or self.pass_rate_change.high < 0

    def worst(self, limit: int = 3) -> list[CaseComparison]:
        """The cases that got worst on head: broken first, then by pass-rate drop, then head failures."""
        failing = [c for c in self.cases if c.head is not None and (not c.head.passed or (c.rate_change or 0) < 0)]
        failing.sort(key=lambda c: (c.change != "broken", c.rate_change or 0.0, c.head.pass_rate if c.head else 0))
        return failing[:limit]


def diff_runs(
    base: RunRecord,
    head: RunRecord,
    scorer: Similarity | None = None,
    *,
    drift_threshold: float = DRIFT_THRESHOLD,
    seed: int = 0,
    reviews: DriftReviews | None = None,
) -> RunComparison:
    """Compare two runs of one suite: flips, pass-rate interval (paired bootstrap), exact McNemar, drift (minus the
    flags `reviews` cleared)."""
    drift = compare_runs(base, head, scorer, drift_threshold, seed=seed) if scorer is not None else None
    if drift is not None and reviews is not None:
        drift = reviews.apply(drift, base.prompt)
    drift_by_id = {c.case_id: c for c in drift.cases} if drift is not None else {}
    ids = list(dict.fromkeys([c.case_id for c in base.cases] + [c.case_id for c in head.cases]))
    base_cases, head_cases = base.cases_by_id(), head.cases_by_id()
    cases = [CaseComparison(i, base_cases.get(i), head_cases.get(i), drift_by_id.get(i)) for i in ids]
    paired = [c for c in cases if c.paired]
    before = [c.base.pass_rate for c in paired if c.base is not None]
    after = [c.head.pass_rate for c in paired if c.head is not None]
    broken = sum(c.change == "broken" for c in paired)
    fixed = sum(c.change == "fixed" for c in paired)
    return RunComparison(
        base=base,
        head=head,
        cases=cases,
        pass_rate_change=paired_bootstrap_diff(before, after, seed=seed, level=INTERVAL_LEVEL),
        p_value=mcnemar_exact(broken, fixed),
        drift=drift,
    )


@dataclass(frozen=True)
class VersionComparison:
    """A prompt diff plus, per suite, the comparison of its runs on both versions, and what could not be compared."""

    prompt: PromptDiff
    runs: list[RunComparison] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def compare_versions(
    session: Session,
    base_ref: str,
    head_ref: str,
    *,
    suite: str | None = None,
    run_missing: bool = False,
    drift: bool = True,
    progress: ProgressCallback | None = None,
) -> VersionComparison:
    """Diff two versions (`name@A`, `name@B`) and compare their stored runs of each suite (or run them)."""
    from promptops.githistory import resolve_ref

    project = session.project
    base, head = resolve_ref(project, base_ref), resolve_ref(project, head_ref)
    prompt_diff = diff_prompts(base, head)
    if base.name != head.name:
        return VersionComparison(prompt_diff, notes=["outputs are compared only between versions of one prompt"])
    try:
        suites = session.suites_for(head.name, suite)
    except InputError:
        if suite is not None:
            raise
        return VersionComparison(prompt_diff, notes=[f"prompt '{head.name}' has no suite, so no outputs to compare"])
    refs = [base_ref.partition("@")[2], head_ref.partition("@")[2]]
    plans = [p for p in session.plans(suites, refs, to_send=run_missing) if p.prompt.name == head.name]
    runs = session.ensure_runs(plans, run_missing=run_missing, progress=progress)
    notes = [
        f"no stored run of suite '{plan.suite.name}' on {plan.prompt.label}; pass --run to run it"
        for plan, run in zip(plans, runs, strict=True)
        if run is None
    ]
    pairs = [(runs[i], runs[i + 1]) for i in range(0, len(runs), 2)]
    complete = [(a, b) for a, b in pairs if a is not None and b is not None]
    scorer = session.similarity() if drift and complete else None
    threshold = project.config.drift_threshold
    reviews = session.drift_reviews() if scorer is not None else None
    comparisons = [diff_runs(a, b, scorer, drift_threshold=threshold, reviews=reviews) for a, b in complete]
    return VersionComparison(prompt_diff, comparisons, notes)
