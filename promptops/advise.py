"""The advise use case: a prompt's score history across git versions, a plateau verdict and the evidence behind it."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from promptops.fileio import write_atomic
from promptops.results import CaseResult, RunRecord
from promptops.stats import mcnemar_exact, wilson

if TYPE_CHECKING:
    from promptops.assertions.base import Similarity
    from promptops.config import Project
    from promptops.prompt import Prompt
    from promptops.runner import RunPlan
    from promptops.session import Session
    from promptops.suite import Suite

VerdictName = Literal[
    "insufficient history",
    "improving",
    "target met",
    "regressing",
    "plateaued — consider fine-tuning",
]
Direction = Literal["fine-tuning", "prompt work", "retrieval", "information"]

ALPHA = 0.05  # significance level of every McNemar test behind a verdict
MIN_VERSIONS = 3  # evaluated versions needed before any trend is claimed
DEFAULT_WINDOW = 3  # k: the recent versions a plateau is judged over
CONSISTENCY_MIN = 0.9  # share of cases whose repeats must agree for "target met"
MAX_INTERVAL_WIDTH = 0.5  # a latest Wilson interval wider than this is "too wide to tell"
LENGTH_GROWTH = 1.2  # prompt tokens up by 20 % or more counts as growth
CHARS_PER_TOKEN = 4  # the usual rule of thumb for English text under BPE tokenizers
SPARK_LEVELS = "▁▂▃▄▅▆▇█"
_STOPWORDS = frozenset(
    {"that", "this", "with", "from", "have", "will", "your", "they", "them", "their", "there", "what", "when"}
    | {"which", "would", "could", "should", "about", "into", "than", "then", "been", "were", "also", "only"}
    | {"just", "more", "most", "some", "such", "very", "each", "other"}
)
_WORD = re.compile(r"[\w][\w\-.']*[\w]|\w", re.UNICODE)


class Comparison(BaseModel):
    """Per-case pass/fail of two versions paired over their common cases, with an exact McNemar p-value."""

    model_config = ConfigDict(frozen=True)

    base: str
    head: str
    paired_cases: int
    gained: int  # failed in base, passed in head
    lost: int  # passed in base, failed in head
    p_value: float

    @property
    def significant_gain(self) -> bool:
        return self.gained > self.lost and self.p_value < ALPHA

    @property
    def significant_loss(self) -> bool:
        return self.lost > self.gained and self.p_value < ALPHA

    def describe(self) -> str:
        """`v5 (…) vs v2 (…): 9 fixed, 0 broken of 20 cases, exact McNemar p = 0.00391`."""
        return (
            f"{self.head} vs {self.base}: {self.gained} fixed, {self.lost} broken "
            f"of {self.paired_cases} cases, exact McNemar p = {self.p_value:.3g}"
        )


class VersionPoint(BaseModel):
    """One prompt version and, when a stored run exists for every suite, its scores."""

    model_config = ConfigDict(frozen=True)

    label: str
    version: int | None
    commit: str | None
    prompt_hash: str
    prompt_tokens: int
    evaluated: bool
    run_ids: list[str] = Field(default_factory=list)
    missing_suites: list[str] = Field(default_factory=list)
    samples: int = 0
    passed: int = 0
    pass_rate: float = 0.0
    ci_low: float = 0.0
    ci_high: float = 1.0
    cases: int = 0
    cases_passed: int = 0
    agreement: float | None = None
    output_agreement: float | None = None
    similarity: float | None = None
    cost_per_case: float | None = None
    failed_samples: int = 0
    format_failures: int = 0


class Verdict(BaseModel):
    """The answer, why, and how sure: the deciding test's p-value and the intervals it rests on."""

    model_config = ConfigDict(frozen=True)

    name: VerdictName
    reason: str
    sureness: str
    p_value: float | None = None
    comparison: Comparison | None = None


class Evidence(BaseModel):
    """One finding a person can act on, and which way it points."""

    model_config = ConfigDict(frozen=True)

    kind: str
    direction: Direction
    summary: str
    why: str
    cases: list[str] = Field(default_factory=list)


class Advice(BaseModel):
    """Everything `promptops advise` reports for one prompt."""

    prompt: str
    suites: list[str]
    target: float
    window: int
    versions: list[VersionPoint]
    verdict: Verdict
    evidence: list[Evidence]
    failing_cases: list[str] = Field(default_factory=list)
    without_expected: list[str] = Field(default_factory=list)
    latest_failures: list[CaseResult] = Field(default_factory=list, exclude=True)

    @property
    def evaluated(self) -> list[VersionPoint]:
        return [v for v in self.versions if v.evaluated]

    @property
    def sparkline(self) -> str:
        return sparkline(v.pass_rate if v.evaluated else None for v in self.versions)


class ExportResult(BaseModel):
    """What `--export-failures` wrote, and the failing cases it could not export."""

    path: str
    exported: list[str]
    without_expected: list[str]


@dataclass
class ScoredVersion:
    """A version with its per-case results (keyed `case` or `suite/case` with several suites)."""

    point: VersionPoint
    cases: dict[str, CaseResult] = field(default_factory=dict)


# The use case -------------------------------------------------------------------------------------


def advise(
    project: Project,
    name: str,
    suite: str | None = None,
    last: int | None = None,
    target: float | None = None,
    run: bool = False,
    session: Session | None = None,
    scorer: Similarity | None = None,
    window: int = DEFAULT_WINDOW,
) -> Advice:
    """Read (and with `run`, fill in) the score history of prompt `name` and decide what to do next."""
    from promptops.session import Session

    goal = project.config.target if target is None else target
    if session is not None:
        return _advise(session, name, suite, last, goal, run, scorer, window)
    with Session(project) as own:
        return _advise(own, name, suite, last, goal, run, scorer, window)


def _advise(
    session: Session,
    name: str,
    suite_name: str | None,
    last: int | None,
    target: float,
    run: bool,
    scorer: Similarity | None,
    window: int,
) -> Advice:
    from promptops.githistory import prompt_history

    history = list(reversed(prompt_history(session.project, name)))
    suites = session.suites_for(name, suite_name)
    if last is not None:
        history = history[-last:]
    prompts = _distinct_contents([_load(session.project, name, v.commit) for v in history])
    runs = {(p.commit, s.name): _stored_run(session, p, s) for p in prompts for s in suites}
    if run:
        missing = [(p, s) for p in prompts for s in suites if runs[(p.commit, s.name)] is None]
        for record in session.run(_plans(session, name, missing)):
            runs[(record.prompt_commit, record.suite)] = record
    keyed = len(suites) > 1
    scored = [_score(p, [(s.name, runs[(p.commit, s.name)]) for s in suites], keyed, scorer) for p in prompts]
    evaluated = [s for s in scored if s.point.evaluated]
    failing = {k: c for k, c in evaluated[-1].cases.items() if not c.passed} if evaluated else {}
    return Advice(
        prompt=name,
        suites=[s.name for s in suites],
        target=target,
        window=window,
        versions=[s.point for s in scored],
        verdict=decide(evaluated, target, window),
        evidence=gather_evidence(evaluated, window),
        failing_cases=list(failing),
        without_expected=[k for k, c in failing.items() if c.expected is None],
        latest_failures=list(failing.values()),
    )


def _load(project: Project, name: str, commit: str | None) -> Prompt:
    from promptops.githistory import resolve_ref

    return resolve_ref(project, f"{name}@{commit}" if commit else name)


def _distinct_contents(loaded: list[Prompt]) -> list[Prompt]:
    """One entry per behaviour change: consecutive versions with the same fingerprint collapse into the newest."""
    from promptops.runner import prompt_fingerprint

    kept: list[Prompt] = []
    for prompt in loaded:
        if kept and prompt_fingerprint(kept[-1]) == prompt_fingerprint(prompt):
            kept[-1] = prompt
        else:
            kept.append(prompt)
    return kept


def _stored_run(session: Session, prompt: Prompt, suite: Suite) -> RunRecord | None:
    """The newest complete run of this suite (as it is now) on this prompt content and target."""
    from promptops.runner import RunPlan

    return session.stored_run(RunPlan(suite=suite, prompt=prompt, target=session.target_for(prompt, to_send=False)))


def _plans(session: Session, name: str, missing: list[tuple[Prompt, Suite]]) -> list[RunPlan]:
    """Plans for the versions without a stored run; a suite testing several prompts runs only this one."""
    plans: list[RunPlan] = []
    for prompt, suite in missing:
        plans += [p for p in session.plans([suite], [prompt.commit or ""]) if p.prompt.name == name]
    return plans


def _label(prompt: Prompt) -> str:
    return f"v{prompt.version} ({prompt.commit[:7] if prompt.commit else 'working tree'})"


# Per-version scores -------------------------------------------------------------------------------


def prompt_tokens(prompt: Prompt) -> int:
    """Approximate size of the prompt's templates in tokens: characters / 4, rounded up."""
    return math.ceil(prompt.size_chars / CHARS_PER_TOKEN)


def _score(
    prompt: Prompt, runs: list[tuple[str, RunRecord | None]], keyed: bool, scorer: Similarity | None
) -> ScoredVersion:
    from promptops.runner import prompt_fingerprint

    identity: dict[str, Any] = {
        "label": _label(prompt),
        "version": prompt.version,
        "commit": prompt.commit,
        "prompt_hash": prompt_fingerprint(prompt),
        "prompt_tokens": prompt_tokens(prompt),
    }
    missing = [suite for suite, record in runs if record is None]
    if missing:
        return ScoredVersion(VersionPoint(**identity, evaluated=False, missing_suites=missing))
    present = [(suite, record) for suite, record in runs if record is not None]
    cases = {(f"{suite}/{c.case_id}" if keyed else c.case_id): c for suite, record in present for c in record.cases}
    samples = [s for c in cases.values() for s in c.samples]
    passed = sum(s.passed for s in samples)
    interval = wilson(passed, len(samples))
    costs = [s.cost_usd for s in samples if s.cost_usd is not None]
    failed = [s for s in samples if not s.passed]
    point = VersionPoint(
        **identity,
        evaluated=True,
        run_ids=[record.id for _, record in present],
        samples=len(samples),
        passed=passed,
        pass_rate=interval.estimate,
        ci_low=interval.low,
        ci_high=interval.high,
        cases=len(cases),
        cases_passed=sum(c.passed for c in cases.values()),
        agreement=repeat_agreement(cases.values()),
        output_agreement=output_agreement(cases.values()),
        similarity=mean_similarity(cases.values(), scorer) if scorer is not None else None,
        cost_per_case=sum(costs) / len(cases) if costs and cases else None,
        failed_samples=len(failed),
        format_failures=sum(s.format_failure for s in failed),
    )
    return ScoredVersion(point, cases)


def repeat_agreement(cases: Iterable[CaseResult]) -> float | None:
    """Share of repeated cases whose samples all agree on pass/fail; None when no case has two samples."""
    repeated = [c for c in cases if len(c.samples) >= 2]
    if not repeated:
        return None
    return sum(len({s.passed for s in c.samples}) == 1 for c in repeated) / len(repeated)


def output_agreement(cases: Iterable[CaseResult]) -> float | None:
    """Mean over repeated cases of the share of sample pairs with identical output text."""
    shares: list[float] = []
    for case in cases:
        outputs = case.outputs
        pairs = [(a, b) for i, a in enumerate(outputs) for b in outputs[i + 1 :]]
        if pairs:
            shares.append(sum(a == b for a, b in pairs) / len(pairs))
    return sum(shares) / len(shares) if shares else None


def mean_similarity(cases: Iterable[CaseResult], scorer: Similarity) -> float | None:
    """Mean cosine similarity of outputs to `expected` over the cases that have one."""
    per_case: list[float] = []
    for case in cases:
        if case.expected is None or not case.outputs:
            continue
        rows = scorer.similarities(case.outputs, [expected_text(case.expected)])
        per_case.append(sum(row[0] for row in rows) / len(rows))
    return sum(per_case) / len(per_case) if per_case else None


# The verdict --------------------------------------------------------------------------------------


def compare(base: ScoredVersion, head: ScoredVersion) -> Comparison:
    """Pair the two versions' per-case pass/fail over their common cases and test with exact McNemar."""
    common = [k for k in head.cases if k in base.cases]
    lost = sum(base.cases[k].passed and not head.cases[k].passed for k in common)
    gained = sum(head.cases[k].passed and not base.cases[k].passed for k in common)
    return Comparison(
        base=base.point.label,
        head=head.point.label,
        paired_cases=len(common),
        gained=gained,
        lost=lost,
        p_value=mcnemar_exact(lost, gained),
    )


def _best(versions: Sequence[ScoredVersion]) -> ScoredVersion:
    """The version with the highest pass rate; the newest one wins a tie."""
    return max(reversed(versions), key=lambda v: v.point.pass_rate)


def _baseline(versions: Sequence[ScoredVersion], window: int) -> tuple[int, ScoredVersion]:
    """The plateau window k (at most `window`, leaving one earlier version) and the best version before it."""
    k = min(window, len(versions) - 1)
    return k, _best(versions[:-k])


def _interval(point: VersionPoint) -> str:
    return f"{point.label} {point.pass_rate:.0%} [{point.ci_low:.0%}, {point.ci_high:.0%}]"


def target_met(point: VersionPoint, target: float) -> bool:
    """At or above target (point estimate) with repeats that agree."""
    consistent = point.agreement is None or point.agreement >= CONSISTENCY_MIN
    return point.pass_rate >= target - 1e-12 and consistent


def decide(versions: Sequence[ScoredVersion], target: float, window: int = DEFAULT_WINDOW) -> Verdict:
    """The verdict over evaluated versions (oldest first); the rules are documented in docs/advise.md."""
    if len(versions) < MIN_VERSIONS:
        return Verdict(
            name="insufficient history",
            reason=f"{len(versions)} evaluated version(s); a trend needs at least {MIN_VERSIONS}",
            sureness=f"no test can tell a trend from {len(versions)} version(s); evaluate more versions "
            "(--run evaluates the versions without stored runs)",
        )
    latest = versions[-1]
    best_earlier = _best(versions[:-1])
    drop = compare(best_earlier, latest)
    width = latest.point.ci_high - latest.point.ci_low
    best_p = mcnemar_exact(0, drop.paired_cases)
    if best_p >= ALPHA or width > MAX_INTERVAL_WIDTH:
        why = (
            f"even if every case flipped, p would be {best_p:.3g}"
            if best_p >= ALPHA
            else f"the latest interval is {width:.0%} wide (more than {MAX_INTERVAL_WIDTH:.0%})"
        )
        return Verdict(
            name="insufficient history",
            reason=f"intervals too wide to tell: {drop.paired_cases} paired cases, latest {_interval(latest.point)}",
            sureness=f"{why}; add cases (or repeats) to the suite",
        )
    if drop.significant_loss:
        return Verdict(
            name="regressing",
            reason=f"{latest.point.label} is significantly worse than the best earlier version "
            f"{best_earlier.point.label}",
            sureness=f"{drop.describe()}; {_interval(latest.point)} vs {_interval(best_earlier.point)}",
            p_value=drop.p_value,
            comparison=drop,
        )
    if target_met(latest.point, target):
        return Verdict(
            name="target met",
            reason=f"{latest.point.label} passes {latest.point.pass_rate:.0%} ≥ target {target:.0%} "
            "with consistent repeats",
            sureness=f"{_interval(latest.point)}; the lower bound is "
            + (
                "also at or above target"
                if latest.point.ci_low >= target
                else "below target: more cases would firm it up"
            ),
        )
    k, baseline = _baseline(versions, window)
    gains = [compare(baseline, v) for v in versions[-k:]]
    if gains[-1].significant_gain:
        return Verdict(
            name="improving",
            reason=f"{latest.point.label} is significantly better than {baseline.point.label}, "
            f"the best version before the last {k}",
            sureness=f"{gains[-1].describe()}; {_interval(latest.point)} vs {_interval(baseline.point)}",
            p_value=gains[-1].p_value,
            comparison=gains[-1],
        )
    if not any(g.significant_gain for g in gains):
        strongest = max(gains, key=lambda g: (g.gained - g.lost, -g.p_value))
        return Verdict(
            name="plateaued — consider fine-tuning",
            reason=f"none of the last {k} versions is significantly better than {baseline.point.label} "
            f"and {latest.point.label} is below target {target:.0%}"
            + ("" if latest.point.pass_rate < target else " (or its repeats disagree)"),
            sureness=f"best recent net gain: {strongest.describe()}; {_interval(latest.point)}",
            p_value=strongest.p_value,
            comparison=strongest,
        )
    return Verdict(
        name="insufficient history",
        reason=f"intervals too wide to tell: a recent version beat {baseline.point.label} "
        f"but {latest.point.label} does not clearly hold that gain",
        sureness=gains[-1].describe(),
        p_value=gains[-1].p_value,
        comparison=gains[-1],
    )


# Evidence -----------------------------------------------------------------------------------------


def gather_evidence(versions: Sequence[ScoredVersion], window: int = DEFAULT_WINDOW) -> list[Evidence]:
    """Findings over the last `window` evaluated versions, each saying which way it points."""
    if not versions:
        return []
    recent = list(versions[-window:])
    found = [
        _trend(versions, window),
        _persistent_failures(recent),
        _missing_facts(recent),
        _format_failures(recent),
        _inconsistency(recent[-1]),
        _length_growth(versions, window),
        _cost(versions),
    ]
    return [e for e in found if e is not None]


def _trend(versions: Sequence[ScoredVersion], window: int) -> Evidence | None:
    if len(versions) < 2:
        return None
    gain = compare(_baseline(versions, window)[1], versions[-1])
    if not gain.significant_gain:
        return None
    return Evidence(
        kind="recent gain",
        direction="prompt work",
        summary=gain.describe(),
        why="Recent prompt edits still pay off measurably; keep iterating on the prompt before fine-tuning",
    )


def _always_failing(recent: Sequence[ScoredVersion]) -> list[str]:
    keys = [k for k in recent[-1].cases if all(k in v.cases for v in recent)]
    return [k for k in keys if not any(v.cases[k].passed for v in recent)]


def _persistent_failures(recent: Sequence[ScoredVersion]) -> Evidence | None:
    if len(recent) < 2:
        return None
    failing = _always_failing(recent)
    if not failing:
        return None
    return Evidence(
        kind="persistent failures",
        direction="fine-tuning",
        summary=f"{len(failing)} case(s) failed in each of the last {len(recent)} versions",
        why=f"{len(recent)} prompt edits did not fix them; they are the seed of a fine-tuning set "
        "(--export-failures), unless they lack facts the model cannot know (see missing facts)",
        cases=failing,
    )


def fact_words(expected: Any) -> set[str]:
    """The distinctive words of an expected answer: words of 4+ letters and anything with a digit, lowercased."""
    words = {w.lower() for w in _WORD.findall(expected_text(expected))}
    return {w for w in words if (len(w) >= 4 and w not in _STOPWORDS) or any(ch.isdigit() for ch in w)}


def _missing_facts(recent: Sequence[ScoredVersion]) -> Evidence | None:
    missing: list[str] = []
    for key in _always_failing(recent):
        expected = recent[-1].cases[key].expected
        facts = fact_words(expected) if expected is not None else set()
        outputs = [o.lower() for v in recent for o in v.cases[key].outputs]
        if facts and all(sum(f in o for f in facts) < len(facts) / 2 for o in outputs):
            missing.append(key)
    if not missing:
        return None
    return Evidence(
        kind="missing facts",
        direction="retrieval",
        summary=f"{len(missing)} always-failing case(s) never mention most of their expected content",
        why="The model does not have this information; put it in the context (retrieval, tools) — "
        "fine-tuning teaches form and behaviour far more reliably than facts",
        cases=missing,
    )


def _format_failures(recent: Sequence[ScoredVersion]) -> Evidence | None:
    failed = sum(v.point.failed_samples for v in recent)
    broken = sum(v.point.format_failures for v in recent)
    if broken == 0:
        return None
    share = broken / failed
    major = share >= 0.5
    cases = sorted({k for k, c in recent[-1].cases.items() if any(s.format_failure for s in c.samples)})
    return Evidence(
        kind="format failures",
        direction="fine-tuning" if major else "information",
        summary=f"{share:.0%} of failing samples in the last {len(recent)} versions broke the output format or schema",
        why="The answers are there but the structure breaks; fine-tuning on the format or constrained decoding "
        "(JSON mode, a grammar) fixes this more reliably than more instructions"
        if major
        else "A minority of failures are format failures; most failures are about content",
        cases=cases,
    )


def _inconsistency(latest: ScoredVersion) -> Evidence | None:
    agreement = latest.point.agreement
    if agreement is None or agreement >= CONSISTENCY_MIN:
        return None
    flaky = [k for k, c in latest.cases.items() if len({s.passed for s in c.samples}) > 1]
    return Evidence(
        kind="inconsistent repeats",
        direction="fine-tuning",
        summary=f"repeats agree on only {agreement:.0%} of cases in {latest.point.label}",
        why="The same input passes sometimes and fails sometimes: the behaviour is not reliably learned; "
        "lower the temperature, or fine-tune so the model does it every time",
        cases=flaky,
    )


def _length_growth(versions: Sequence[ScoredVersion], window: int) -> Evidence | None:
    if len(versions) < 2:
        return None
    baseline = _baseline(versions, window)[1]
    latest = versions[-1]
    before, after = baseline.point.prompt_tokens, latest.point.prompt_tokens
    if after < before * LENGTH_GROWTH or compare(baseline, latest).significant_gain:
        return None
    return Evidence(
        kind="prompt length growing without gain",
        direction="fine-tuning",
        summary=f"the prompt grew from ~{before} to ~{after} tokens since {baseline.point.label} "
        f"with no significant gain",
        why="Stop adding instructions: more prompt text has stopped buying accuracy and costs tokens on every call",
    )


def _cost(versions: Sequence[ScoredVersion]) -> Evidence | None:
    latest, first = versions[-1].point, versions[0].point
    if not latest.cost_per_case:  # unknown, or a model that costs nothing (local)
        return None
    change = ""
    if first.cost_per_case and first is not latest:
        change = f" ({latest.cost_per_case / first.cost_per_case - 1:+.0%} since {first.label})"
    return Evidence(
        kind="cost per case",
        direction="information",
        summary=f"${latest.cost_per_case:.2g} per case in {latest.label}{change}",
        why="A long prompt is paid for on every call; a fine-tuned smaller model with a short prompt can cut this",
    )


# Fine-tuning export -------------------------------------------------------------------------------


def expected_text(expected: Any) -> str:
    """`expected` as assistant text: strings as they are, anything else as JSON."""
    return expected if isinstance(expected, str) else json.dumps(expected, ensure_ascii=False)


def fine_tuning_examples(cases: Sequence[CaseResult]) -> list[dict[str, Any]]:
    """Chat fine-tuning examples: the rendered messages plus `expected` as the assistant turn (cases with one)."""
    return [
        {"messages": [*case.messages, {"role": "assistant", "content": expected_text(case.expected)}]}
        for case in cases
        if case.expected is not None
    ]


def export_failures(advice: Advice, path: Path) -> ExportResult:
    """Write the latest version's failing cases as JSONL fine-tuning examples, atomically."""
    examples = fine_tuning_examples(advice.latest_failures)
    body = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in examples)
    write_atomic(path, body.encode("utf-8"))
    exported = [k for k in advice.failing_cases if k not in advice.without_expected]
    return ExportResult(path=str(path), exported=exported, without_expected=advice.without_expected)


# Small renderings shared by the report and the pytest summary --------------------------------------


def sparkline(rates: Iterable[float | None]) -> str:
    """One character per version, ▁ (0 %) to █ (100 %); `·` for a version without scores."""
    top = len(SPARK_LEVELS) - 1
    return "".join("·" if r is None else SPARK_LEVELS[round(min(max(r, 0.0), 1.0) * top)] for r in rates)


def summary_lines(project: Project, names: Iterable[str], session: Session) -> list[str]:
    """One line per prompt from stored runs only (no new runs): verdict, sparkline and reason."""
    from promptops.errors import PromptopsError

    lines: list[str] = []
    for name in sorted(set(names)):
        try:
            advice = advise(project, name, session=session)
        except PromptopsError as exc:
            lines.append(f"{name}: no advice ({exc})")
            continue
        lines.append(f"{name}: {advice.verdict.name}  {advice.sparkline}  — {advice.verdict.reason}")
    return lines
