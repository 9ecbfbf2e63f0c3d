"""Output drift between two runs of a suite: embedding similarity judged against the baseline's own noise.

Per case, the similarity is the mean cosine over every (candidate sample, baseline sample) pair. With
two or more baseline samples, the noise floor is the lowest similarity between two baseline samples:
the case drifts by meaning when the candidate is further from the baseline than the baseline ever is
from itself (minus `margin`) and also below the fixed `threshold`, so a naturally variable case is not
flagged for varying and a stable one is not flagged for honest rewording. With one baseline sample only
the fixed threshold applies. Independently, a case drifts when the change checks (numbers, negation,
antonyms, entities, alternatives, list items, dates, labels, truncation, format, language, refusal, JSON
fields, and a content word swapped in place for an unrelated one: `promptops.word_swaps`, judged by the scorer)
find a change in most candidate samples against every baseline sample, ignoring whatever already varies between
the baseline's own samples.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import combinations
from typing import Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field

from promptops.assertions.base import Similarity
from promptops.change import Change
from promptops.change_checks import compare_texts
from promptops.results import CaseResult, RunRecord
from promptops.stats import bootstrap_mean_ci
from promptops.word_swaps import swap_texts, word_swap_changes

DEFAULT_MARGIN = 0.05


@runtime_checkable
class Prefetch(Protocol):
    """A scorer that can embed many texts in one batch ahead of many small similarity calls."""

    def prefetch(self, texts: Iterable[str], model: str | None = None) -> None: ...


class CaseDrift(BaseModel):
    """How one case's outputs moved between the baseline and the candidate, and why it counts as drift."""

    model_config = ConfigDict(frozen=True)

    case_id: str = ""
    similarity: float | None = None
    noise_floor: float | None = None
    threshold: float
    drifted: bool = False
    reviewed: bool = False  # flagged, but a reviewer judged these very outputs no change (promptops.drift_reviews)
    reasons: list[str] = Field(default_factory=list)
    baseline_outputs: list[str] = Field(default_factory=list)
    candidate_outputs: list[str] = Field(default_factory=list)

    @property
    def comparable(self) -> bool:
        """Both sides produced at least one output."""
        return self.similarity is not None

    @property
    def baseline_output(self) -> str:
        return self.baseline_outputs[0] if self.baseline_outputs else ""

    @property
    def candidate_output(self) -> str:
        return self.candidate_outputs[0] if self.candidate_outputs else ""


class DriftReport(BaseModel):
    """Drift of one suite between two runs: per case, and summarised with a bootstrap interval."""

    model_config = ConfigDict(frozen=True)

    suite: str
    baseline_run: str
    candidate_run: str
    threshold: float
    cases: list[CaseDrift]
    drifted_share: float
    mean_similarity: float | None
    similarity_ci: tuple[float, float] | None

    @property
    def drifted(self) -> list[CaseDrift]:
        return [c for c in self.cases if c.drifted]

    @property
    def compared(self) -> int:
        return sum(c.comparable for c in self.cases)

    @property
    def reviewed(self) -> list[CaseDrift]:
        """Cases whose flag a review cleared."""
        return [c for c in self.cases if c.reviewed]


def compare_case(
    baseline_outputs: list[str],
    candidate_outputs: list[str],
    scorer: Similarity,
    threshold: float,
    *,
    margin: float = DEFAULT_MARGIN,
    case_id: str = "",
    model: str | None = None,
) -> CaseDrift:
    """Judge one case: embedding similarity against the noise floor or the fixed threshold, plus change checks."""
    base = list(baseline_outputs)
    cand = list(candidate_outputs)
    if not base or not cand:
        side = "baseline" if not base else "candidate"
        return CaseDrift(
            case_id=case_id,
            threshold=threshold,
            reasons=[f"no {side} output to compare"],
            baseline_outputs=base,
            candidate_outputs=cand,
        )
    cross = scorer.similarities(cand, base, model)
    similarity = _mean(v for row in cross for v in row)
    noise_floor: float | None = None
    effective = threshold
    if len(base) >= 2:
        own = scorer.similarities(base, base, model)
        noise_floor = min(own[i][j] for i, j in combinations(range(len(base)), 2))
        effective = min(threshold, noise_floor - margin)
    reasons: list[str] = []
    if similarity < effective:
        against = f"noise floor {noise_floor:.2f} - {margin:.2f}" if noise_floor is not None else "threshold"
        digits = _digits_to_differ(similarity, effective)
        reasons.append(f"meaning similarity {similarity:.{digits}f} (below {effective:.{digits}f}, {against})")

    def compare(before: str, after: str) -> list[Change]:
        return [*compare_texts(before, after), *word_swap_changes(before, after, scorer, model)]

    reasons += [str(c) for c in _stable_changes(base, cand, cross, compare)]
    return CaseDrift(
        case_id=case_id,
        similarity=similarity,
        noise_floor=noise_floor,
        threshold=effective,
        drifted=bool(reasons),
        reasons=reasons,
        baseline_outputs=base,
        candidate_outputs=cand,
    )


def _stable_changes(
    base: list[str], cand: list[str], cross: list[list[float]], compare: Callable[[str, str], list[Change]]
) -> list[Change]:
    """Changes found in most candidate samples against every baseline sample, minus the baseline's own variation."""
    unstable = {c.key for a, b in combinations(base, 2) for c in compare(a, b)}
    flagged: list[list[Change]] = []
    for row, text in zip(cross, cand, strict=True):
        per_baseline = [[c for c in compare(b, text) if c.key not in unstable] for b in base]
        if all(per_baseline):
            # explain against the closest baseline sample: the most telling comparison
            closest = max(range(len(base)), key=lambda i: row[i])
            flagged.append(per_baseline[closest])
    if len(flagged) * 2 <= len(cand):
        return []
    return list(dict.fromkeys(c for changes in flagged for c in changes))


def compare_runs(
    baseline: RunRecord,
    candidate: RunRecord,
    scorer: Similarity,
    threshold: float,
    *,
    margin: float = DEFAULT_MARGIN,
    model: str | None = None,
    seed: int = 0,
) -> DriftReport:
    """Compare two runs of the same suite case by case (matched by case id, baseline order first)."""
    if baseline.suite != candidate.suite:
        raise ValueError(f"cannot compare runs of different suites: {baseline.suite!r} and {candidate.suite!r}")
    ids = list(dict.fromkeys([c.case_id for c in baseline.cases] + [c.case_id for c in candidate.cases]))
    before_cases, after_cases = baseline.cases_by_id(), candidate.cases_by_id()
    outputs = {case_id: _outputs(before_cases.get(case_id), after_cases.get(case_id)) for case_id in ids}
    if isinstance(scorer, Prefetch):
        scorer.prefetch((t for before, after in outputs.values() for t in drift_texts(before, after)), model)
    cases = [
        compare_case(before, after, scorer, threshold, margin=margin, case_id=case_id, model=model)
        for case_id, (before, after) in outputs.items()
    ]
    compared = [c for c in cases if c.similarity is not None]
    sims = [c.similarity for c in compared if c.similarity is not None]
    return DriftReport(
        suite=baseline.suite,
        baseline_run=baseline.id,
        candidate_run=candidate.id,
        threshold=threshold,
        cases=cases,
        drifted_share=sum(c.drifted for c in compared) / len(compared) if compared else 0.0,
        mean_similarity=_mean(sims) if sims else None,
        similarity_ci=bootstrap_mean_ci(sims, seed=seed) if sims else None,
    )


def _outputs(before: CaseResult | None, after: CaseResult | None) -> tuple[list[str], list[str]]:
    """The baseline's and the candidate's outputs of one case (none for a side that lacks the case)."""
    return (before.outputs if before else []), (after.outputs if after else [])


def drift_texts(baseline_outputs: list[str], candidate_outputs: list[str]) -> list[str]:
    """Every text `compare_case` embeds for one case: the outputs, then the words of their word swaps.

    Prefetching these for all cases at once encodes them in one batch instead of one small batch per case.
    """
    texts = [*baseline_outputs, *candidate_outputs]
    if baseline_outputs and candidate_outputs:
        texts += [w for a, b in combinations(baseline_outputs, 2) for w in swap_texts(a, b)]
        texts += [w for b in baseline_outputs for c in candidate_outputs for w in swap_texts(b, c)]
    return texts


def _digits_to_differ(value: float, bound: float) -> int:
    """Decimals enough to show `value` below `bound`: two, or more when two would print them alike (0.5496 / 0.5500)."""
    digits = 2
    while f"{value:.{digits}f}" == f"{bound:.{digits}f}" and digits < _MAX_DIGITS:
        digits += 1
    return digits


_MAX_DIGITS = 6


def _mean(values: Iterable[float]) -> float:
    items = list(values)
    return sum(items) / len(items)
