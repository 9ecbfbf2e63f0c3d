"""The async runner: every case × sample of a suite on one prompt version, through recordings, cache and provider."""

from __future__ import annotations

import asyncio
import hashlib
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from promptops.assertions.base import AssertionContext, Similarity
from promptops.assertions.registry import AssertionRegistry
from promptops.cache import CompletionCache
from promptops.errors import InputError, MissingDependency, ModelSpecError, PromptopsError, ProviderError
from promptops.judge import JudgeTarget, ProviderJudge
from promptops.prompt import Prompt
from promptops.providers.base import CompletionRequest, Output, Provider
from promptops.recordings import RecordingFile
from promptops.results import AssertionResult, CaseResult, RunRecord, SampleResult
from promptops.store import RunStore
from promptops.suite import Case, Suite

if TYPE_CHECKING:
    from promptops.providers.settings import ProviderSettings

RecordMode = Literal["none", "new", "all", "off"]


@dataclass(frozen=True)
class Target:
    """Which provider and model a prompt runs on, after project and command-line overrides: `params` are the answer
    params (the cache key's), `settings` how its requests are sent (None: the session's own)."""

    provider: str
    model: str
    params: dict[str, Any]
    settings: ProviderSettings | None = None


@dataclass
class RunPlan:
    """One suite × one prompt version to run (optionally only some cases)."""

    suite: Suite
    prompt: Prompt
    target: Target
    ref: str = ""
    repeat: int | None = None
    case_ids: list[str] | None = None
    suite_commit: str | None = None
    run_id: str | None = None  # set when several processes (pytest-xdist workers) add cases to one run

    def cases(self) -> list[Case]:
        if self.case_ids is None:
            return list(self.suite.spec.cases)
        wanted = set(self.case_ids)
        return [c for c in self.suite.spec.cases if c.id in wanted]


ProgressCallback = Callable[[int], None]
# Called with each case's result as soon as it is stored (from the event loop's thread).
CaseCallback = Callable[["RunPlan", "CaseResult"], None]


@dataclass
class Services:
    """The I/O collaborators of a run; tests pass fakes, the CLI and plugin pass the real ones."""

    # A live provider for a name and transport settings (None: the run's own, as the judge uses).
    providers: Callable[[str, ProviderSettings | None], Provider]
    registry: AssertionRegistry
    cache: CompletionCache | None = None
    recordings: Callable[[str], RecordingFile] | None = None
    record_mode: RecordMode = "off"
    store: RunStore | None = None
    similarity: Callable[[], Similarity] | None = None
    judge: JudgeTarget | None = None
    root: str | None = None
    concurrency: int = 8
    similar_threshold: float | None = None
    _similarity: Similarity | None = field(default=None, init=False)

    def get_similarity(self) -> Similarity | None:
        if self._similarity is None and self.similarity is not None:
            self._similarity = self.similarity()
        return self._similarity


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Runner:
    """Runs plans concurrently under one limit; stores each case as it finishes."""

    def __init__(
        self, services: Services, progress: ProgressCallback | None = None, on_case: CaseCallback | None = None
    ) -> None:
        self.services = services
        self.progress = progress
        self.on_case = on_case
        self._limit = asyncio.Semaphore(services.concurrency)

    async def run(self, plans: list[RunPlan]) -> list[RunRecord]:
        """Run every plan; on interruption the finished cases are already stored and the run marked so."""
        return list(await asyncio.gather(*(self.run_plan(plan) for plan in plans)))

    async def run_each(
        self, plans: list[RunPlan], on_failure: Callable[[RunPlan, Exception], None] | None = None
    ) -> list[RunRecord | Exception]:
        """Run every plan to its own end: a plan that fails (bad input, a template error) gives its error in its
        place, reported at once to `on_failure`, and the others go on. Cancellation still stops them all."""

        async def one(plan: RunPlan) -> RunRecord | Exception:
            try:
                return await self.run_plan(plan)
            except Exception as exc:
                if on_failure is not None:
                    on_failure(plan, exc)
                return exc

        return list(await asyncio.gather(*(one(plan) for plan in plans)))

    async def run_plan(self, plan: RunPlan) -> RunRecord:
        cases = plan.cases()
        # Every case is checked and rendered before the run is stored: bad input writes nothing.
        prepared = [self.prepare_case(plan, case) for case in cases]
        record = new_record(plan)
        store = self.services.store
        if store is not None:
            store.start_run(record)
        results: list[CaseResult | None] = [None] * len(cases)
        in_suite = {c.id: i for i, c in enumerate(plan.suite.spec.cases)}

        async def one(index: int, case: Case) -> None:
            result = await self._run_prepared(plan, case, prepared[index])
            results[index] = result
            if store is not None:
                store.add_case(record.id, in_suite[case.id], result)
            if self.on_case is not None:
                self.on_case(plan, result)

        # A few workers take the cases in order, rather than a task per case all started at once: the first request
        # goes out after a handful of cases took their first steps (a cache lookup, a wait for a slot), and those of
        # the others overlap the wait for answers. (Every case is still rendered first: bad input writes nothing.)
        # Twice as many workers as requests may be in flight: when an answer frees a slot, the next request is set up
        # and waiting for it already (on the mock server of benchmarks/bench_runner.py, 0.05–0.1 s less per 1,000).
        queue = iter(enumerate(cases))

        async def worker() -> None:
            for index, case in queue:
                await one(index, case)

        workers = [asyncio.ensure_future(worker()) for _ in range(min(len(cases), 2 * self.services.concurrency))]
        try:
            try:
                await asyncio.gather(*workers)
            except BaseException:
                for task in workers:  # a case that raised stops the others too, as Ctrl-C does
                    task.cancel()
                await asyncio.gather(*workers, return_exceptions=True)  # and they are gone before the run is closed
                raise
            record.status = "complete"
        except BaseException:  # Ctrl-C, or anything else that stops the run: what finished is kept, marked so
            record.status = "interrupted"
            raise
        finally:
            record.cases = [r for r in results if r is not None]
            record.finished_at = time.time()
            if store is not None:
                store.finish_run(record.id, record.status, record.finished_at)
        return record

    def prepare_case(self, plan: RunPlan, case: Case) -> tuple[dict[str, Any], list[dict[str, str]]]:
        """A case's variables checked against the prompt's contract, and its rendered messages."""
        suite, prompt = plan.suite, plan.prompt
        resolved = prompt.check_variables(suite.vars_for(case), where=suite.path, line=suite.case_line(case.id))
        return resolved, prompt.render(**resolved)

    async def run_case(self, plan: RunPlan, case: Case) -> CaseResult:
        """All samples of one case, evaluated."""
        return await self._run_prepared(plan, case, self.prepare_case(plan, case))

    async def _run_prepared(
        self, plan: RunPlan, case: Case, prepared: tuple[dict[str, Any], list[dict[str, str]]]
    ) -> CaseResult:
        suite = plan.suite
        line = suite.case_line(case.id)
        resolved, messages = prepared
        repeat = suite.repeat_for(case, plan.repeat)
        samples = await asyncio.gather(*(self._sample(plan, case, messages, resolved, i) for i in range(repeat)))
        return CaseResult(
            case_id=case.id,
            line=line,
            vars=resolved,
            expected=case.expected,
            messages=messages,
            threshold=suite.spec.threshold,
            samples=list(samples),
        )

    async def _sample(
        self, plan: RunPlan, case: Case, messages: list[dict[str, str]], values: dict[str, Any], index: int
    ) -> SampleResult:
        prompt = plan.prompt
        spec = prompt.spec
        schema = spec.output.json_schema if spec.output.format == "json" else None
        request = CompletionRequest(
            provider=plan.target.provider,
            model=plan.target.model,
            messages=messages,
            params=plan.target.params,
            json_schema=schema,
            sample=index,
        )
        try:
            origin = Origin(plan.suite.name, plan.prompt.name, plan.prompt.version, case.id)
            output = await self.complete(request, origin, plan.target.settings)
        except ProviderError as exc:
            result = SampleResult(sample=index, error=str(exc))
        except (ModelSpecError, MissingDependency) as exc:
            raise at_model_line(exc, plan) from None
        else:
            result = await self._evaluate(plan, case, messages, values, output, index)
        if self.progress is not None:
            self.progress(1)
        return result

    async def complete(
        self, request: CompletionRequest, origin: Origin, settings: ProviderSettings | None = None
    ) -> Output:
        """Recordings first, then the cache, then the provider (the one for `settings`); only successes are kept."""
        services = self.services
        mode = services.record_mode
        recording = services.recordings(origin.suite) if services.recordings and mode != "off" else None
        if recording is not None and mode in ("none", "new"):
            found = recording.get(request)
            if found is not None:
                return found
            if mode == "none":
                raise ProviderError(
                    f"no recording for case '{origin.case}' of {origin.prompt}@{origin.version}; "
                    "record it with `promptops run --record new` (or `pytest --promptops-record new`)"
                )
        cache = services.cache
        if cache is not None and mode != "all":
            cached = cache.get(request)
            if cached is not None:
                if recording is not None:
                    recording.add(request, cached, prompt=origin.prompt, version=origin.version, case=origin.case)
                return cached
        provider = services.providers(request.provider, settings)
        async with self._limit:
            output = await provider.complete(request)
        if cache is not None:
            cache.put(request, output)
        if recording is not None:
            recording.add(request, output, prompt=origin.prompt, version=origin.version, case=origin.case)
        return output

    def _judge(self, plan: RunPlan, case: Case) -> ProviderJudge:
        """A judge whose calls are recorded with the case they grade, so replay-only CI needs no judge model."""
        target = self.services.judge or JudgeTarget()  # none configured: only assertions naming their own judge
        origin = Origin(plan.suite.name, f"{plan.prompt.name}/llm-rubric", plan.prompt.version, case.id)
        return ProviderJudge(target, lambda request: self.complete(request, origin))

    async def _evaluate(
        self,
        plan: RunPlan,
        case: Case,
        messages: list[dict[str, str]],
        values: dict[str, Any],
        output: Output,
        index: int,
    ) -> SampleResult:
        specs = plan.suite.assertions_for(case)
        needs_similarity = any(s.base_type == "similar" for s in specs)
        ctx = AssertionContext(
            output=output,
            expected=case.expected,
            vars=values,
            prompt=plan.prompt,
            messages=messages,
            similarity=self.services.get_similarity() if needs_similarity else None,
            judge=self._judge(plan, case),
            root=self.services.root,
            similar_threshold=self.services.similar_threshold,
        )
        results: list[AssertionResult] = []
        for spec in specs:
            try:
                results.append(await self.services.registry.evaluate(spec, ctx))
            except ProviderError as exc:  # the llm-rubric judge failed: an error, not a verdict
                return SampleResult(sample=index, output=output.text, error=f"{spec.type}: {exc}")
            except PromptopsError:
                raise
            except Exception as exc:  # an assertion bug or plugin crash fails that assertion, not the run
                results.append(
                    AssertionResult(
                        type=spec.type,
                        passed=False,
                        score=0.0,
                        reason=f"assertion crashed: {type(exc).__name__}: {exc}",
                    )
                )
        score = weighted_score(results)
        if case.threshold is not None:
            passed = score >= case.threshold - 1e-12
        else:  # a `weight: 0` assertion is shown but counts for nothing, in the pass/fail as in the score
            passed = all(r.passed for r in results if r.weight > 0)
        return SampleResult(
            sample=index,
            output=output.text,
            assertions=results,
            passed=passed,
            score=score,
            latency_ms=output.latency_ms,
            prompt_tokens=output.prompt_tokens,
            completion_tokens=output.completion_tokens,
            cost_usd=output.cost_usd,
            cached=output.cached,
        )


@dataclass(frozen=True)
class Origin:
    """Where a request comes from, as recordings label it: suite, prompt, version and case."""

    suite: str
    prompt: str
    version: int
    case: str


def at_model_line(error: ModelSpecError | MissingDependency, plan: RunPlan) -> PromptopsError:
    """`error` at the line of the prompt's `model.provider` (a provider that does not load) or `model.name` (a name
    it cannot use), unless an option overrides that key: then the prompt's file is not where the fix goes."""
    prompt = plan.prompt
    own = prompt.spec.model
    if isinstance(error, ModelSpecError) and error.key == "name":
        line, overridden = prompt.model_name_line, plan.target.model != own.name
    else:
        line, overridden = prompt.provider_line, plan.target.provider != own.provider
    if overridden:
        return error
    message = error.message if isinstance(error, InputError) else str(error)
    return InputError(message, prompt.where, line)


def weighted_score(results: list[AssertionResult]) -> float:
    """Weighted mean of assertion scores (1.0 when there is nothing to weigh)."""
    total = sum(r.weight for r in results)
    if total <= 0:
        return 1.0
    return sum(r.score * r.weight for r in results) / total


def new_record(plan: RunPlan) -> RunRecord:
    prompt, suite = plan.prompt, plan.suite
    return RunRecord(
        id=plan.run_id or uuid.uuid4().hex,
        suite=suite.name,
        suite_path=str(suite.path),
        suite_commit=plan.suite_commit,
        suite_hash=suite_fingerprint(suite),
        prompt=prompt.name,
        prompt_version=prompt.version,
        prompt_commit=prompt.commit,
        prompt_ref=plan.ref,
        prompt_hash=prompt_fingerprint(prompt),
        prompt_chars=prompt.size_chars,
        provider=plan.target.provider,
        model=plan.target.model,
        params=plan.target.params,
        repeat=plan.repeat or suite.spec.repeat,
        threshold=suite.spec.threshold,
        started_at=time.time(),
    )


def prompt_fingerprint(prompt: Prompt) -> str:
    """Hash of what changes a prompt's behaviour (its validated spec, not its comments or layout)."""
    return text_hash(prompt.spec.model_dump_json(by_alias=True, exclude={"description", "tags"}))


def suite_fingerprint(suite: Suite) -> str:
    return text_hash(suite.spec.model_dump_json(by_alias=True))


def check_case_vars(plan: RunPlan) -> list[InputError]:
    """Variable-contract problems of every case, found before anything runs."""
    problems: list[InputError] = []
    for case in plan.cases():
        try:
            plan.prompt.check_variables(
                plan.suite.vars_for(case), where=plan.suite.path, line=plan.suite.case_line(case.id)
            )
        except InputError as exc:
            problems.append(exc)
    return problems
