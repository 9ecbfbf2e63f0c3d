"""Result models of a run: per assertion, per sample, per case and per run. Pure data, no I/O."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class AssertionResult(BaseModel):
    """Outcome of one assertion on one output: pass/fail, a score in [0, 1], and a one-line reason."""

    model_config = ConfigDict(frozen=True)

    type: str
    passed: bool
    score: float
    reason: str
    weight: float = 1.0
    expected: str = ""
    inconclusive: bool = False  # could not be evaluated (no judge, user code raised): fails even under `not-`


class SampleResult(BaseModel):
    """One sample (repeat) of one case: the output or the error, and what the assertions said."""

    sample: int
    output: str | None = None
    error: str | None = None
    assertions: list[AssertionResult] = Field(default_factory=list)
    passed: bool = False
    score: float = 0.0
    latency_ms: float = 0.0
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    cost_usd: float | None = None
    cached: bool = False

    @property
    def is_error(self) -> bool:
        return self.error is not None

    @property
    def format_failure(self) -> bool:
        """True when the output broke its format: no JSON, JSON off its schema, or bad XML (a wrong value is not)."""
        kinds = ("is-json", "contains-json", "is-xml", "json-schema")
        return any((not a.passed) and a.type in kinds for a in self.assertions)


class CaseResult(BaseModel):
    """Every sample of one case, with its pass rate judged against the case's threshold."""

    case_id: str
    line: int | None = None
    vars: dict[str, Any] = Field(default_factory=dict)
    expected: Any = None
    messages: list[dict[str, str]] = Field(default_factory=list)
    threshold: float = 1.0
    samples: list[SampleResult] = Field(default_factory=list)

    @property
    def scored(self) -> list[SampleResult]:
        return [s for s in self.samples if not s.is_error]

    @property
    def pass_rate(self) -> float:
        done = self.samples
        return sum(s.passed for s in done) / len(done) if done else 0.0

    @property
    def errors(self) -> int:
        return sum(s.is_error for s in self.samples)

    @property
    def passed(self) -> bool:
        return bool(self.samples) and self.errors == 0 and self.pass_rate >= self.threshold - 1e-12

    @property
    def status(self) -> Literal["pass", "fail", "error"]:
        if self.errors:
            return "error"
        return "pass" if self.passed else "fail"

    @property
    def outputs(self) -> list[str]:
        return [s.output for s in self.samples if s.output is not None]


class RunRecord(BaseModel):
    """One suite × one prompt version × one provider: everything needed to reproduce and compare it."""

    id: str
    suite: str
    suite_path: str
    suite_commit: str | None = None
    prompt: str
    prompt_version: int
    prompt_commit: str | None = None
    prompt_ref: str = ""
    prompt_chars: int = 0
    prompt_hash: str = ""
    suite_hash: str = ""
    provider: str
    model: str
    params: dict[str, Any] = Field(default_factory=dict)
    repeat: int = 1
    threshold: float = 1.0
    started_at: float = 0.0
    finished_at: float | None = None
    status: Literal["running", "complete", "interrupted"] = "running"
    cases: list[CaseResult] = Field(default_factory=list)

    @property
    def samples(self) -> list[SampleResult]:
        return [s for c in self.cases for s in c.samples]

    @property
    def sample_pass_rate(self) -> float:
        samples = self.samples
        return sum(s.passed for s in samples) / len(samples) if samples else 0.0

    @property
    def case_pass_rate(self) -> float:
        return sum(c.passed for c in self.cases) / len(self.cases) if self.cases else 0.0

    @property
    def passed(self) -> bool:
        """The suite passes when the share of case-samples that pass meets the suite threshold."""
        return (
            bool(self.cases)
            and not any(c.errors for c in self.cases)
            and self.sample_pass_rate >= self.threshold - 1e-12
        )

    def case(self, case_id: str) -> CaseResult | None:
        """The case with this id (the first, were there two); to look up many, index them once with `cases_by_id`."""
        return next((case for case in self.cases if case.case_id == case_id), None)

    def cases_by_id(self) -> dict[str, CaseResult]:
        """Every case by its id (the first, were there two), as `case` finds it: one pass for many look-ups."""
        indexed: dict[str, CaseResult] = {}
        for case in self.cases:
            indexed.setdefault(case.case_id, case)
        return indexed
