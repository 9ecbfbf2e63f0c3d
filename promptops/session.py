"""The composition root of a run: builds providers, cache, recordings, store and scorer from a Project."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from promptops.assertions.base import Similarity
from promptops.assertions.registry import default_registry
from promptops.cache import CompletionCache
from promptops.config import Project, RecordMode
from promptops.errors import InputError, ValidationFailed
from promptops.prompt import Prompt
from promptops.providers.base import Provider
from promptops.recordings import Recordings
from promptops.results import RunRecord
from promptops.runner import CaseCallback, ProgressCallback, Runner, RunPlan, Services, Target
from promptops.store import RunStore
from promptops.suite import Suite, load_suite_file

if TYPE_CHECKING:
    from promptops.drift_reviews import DriftReviews
    from promptops.providers.settings import ProviderSettings


@dataclass
class RunOptions:
    """Command-line (or pytest option) overrides of a run."""

    provider: str | None = None
    model: str | None = None
    record: RecordMode | None = None
    repeat: int | None = None
    no_cache: bool = False
    concurrency: int | None = None


@dataclass
class Session:
    """Everything one `promptops run` (or one pytest process) shares: open stores and live providers."""

    project: Project
    options: RunOptions = field(default_factory=RunOptions)
    _providers: dict[tuple[str, ProviderSettings], Provider] = field(default_factory=dict, init=False)
    _settings: ProviderSettings | None = field(default=None, init=False)
    _cache: CompletionCache | None = field(default=None, init=False)
    _recordings: Recordings | None = field(default=None, init=False)
    _store: RunStore | None = field(default=None, init=False)

    @property
    def record_mode(self) -> RecordMode:
        return self.options.record or self.project.record_mode

    @property
    def cache(self) -> CompletionCache | None:
        if self.options.no_cache:
            return None
        if self._cache is None:
            self._cache = CompletionCache(self.project.store_dir / "cache.sqlite")
        return self._cache

    @property
    def recordings(self) -> Recordings:
        if self._recordings is None:
            # `--record all` rewrites the file, so it may replace damaged lines (a merge conflict, say)
            self._recordings = Recordings(self.project.recordings_dir, rewrite_damaged=self.record_mode == "all")
        return self._recordings

    @property
    def store(self) -> RunStore:
        if self._store is None:
            self._store = RunStore(self.project.store_dir / "store.sqlite")
        return self._store

    def target_for(self, prompt: Prompt, *, to_send: bool = True) -> Target:
        """The prompt's provider, model and answer params after overrides, and its own transport settings if any.

        The settings are the prompt's own provider's: with the provider overridden they do not apply (its
        `base_url` or `api_key_env` would go to another backend). A bad one is an InputError at the `params:` line
        when requests are `to_send`; a version read only for its stored runs (history, a base side) is not judged
        on settings it will never use."""
        from promptops.providers.settings import split_params

        config = self.project.config
        spec = prompt.spec.model
        overridden = self.options.provider or config.provider
        provider = overridden or spec.provider
        model = self.options.model or config.model or spec.name
        answer_params, transport = split_params(spec.params)
        settings: ProviderSettings | None = None
        if transport and not overridden:
            try:
                settings = self.settings(prompt)
            except InputError:
                if to_send:
                    raise
        return Target(provider=provider, model=model, params=answer_params, settings=settings)

    def settings(self, prompt: Prompt | None = None) -> ProviderSettings:
        """Transport settings: command-line options over the prompt's `model.params` over `[tool.promptops]` over
        the provider's defaults (without a prompt: the session's own, built once)."""
        from promptops.providers.settings import ProviderSettings, prompt_settings

        config, root, concurrency = self.project.config, self.project.root, self.options.concurrency
        # `--concurrency` must reach the provider's own limit and connection pool, not only the runner's.
        if prompt is not None:
            return prompt_settings(prompt, config, root=root, concurrency=concurrency)
        if self._settings is None:
            self._settings = ProviderSettings.build(config, root=root, concurrency=concurrency)
        return self._settings

    def provider_problem(self, prompt: Prompt) -> InputError | None:
        """The prompt's own `provider:` (or `name:`), at its line, when no provider takes it and no option
        overrides it."""
        if self.options.provider or self.project.config.provider:
            return None
        from promptops.providers.registry import provider_problem

        return provider_problem(prompt, check_name=not (self.options.model or self.project.config.model))

    def provider(self, name: str, settings: ProviderSettings | None = None) -> Provider:
        """One live provider per name and transport settings (None: the session's) for the whole session, so prompts
        whose settings agree share its connection pool; the local model is loaded once per process and thread
        count, however many providers use it."""
        key = (name, settings or self.settings())
        found = self._providers.get(key)
        if found is None:
            from promptops.providers.registry import get_provider

            found = self._providers[key] = get_provider(name, key[1])
        return found

    def similarity(self) -> Similarity:
        from promptops.scorer import Scorer, SentenceTransformerEmbedder, SqliteEmbeddingCache

        embedder = SentenceTransformerEmbedder(self.project.config.embedding_model)
        cache = SqliteEmbeddingCache(self.project.store_dir / "embeddings.sqlite")
        return Scorer(embedder, cache)

    def drift_reviews(self) -> DriftReviews:
        """The project's reviewed drift flags, read afresh (the file changes when reviews are added)."""
        from promptops.drift_reviews import load_reviews

        return load_reviews(self.project.drift_reviews_path)

    def services(self) -> Services:
        from promptops.judge import JudgeTarget

        return Services(
            providers=self.provider,
            registry=default_registry(),
            cache=self.cache,
            recordings=self.recordings.for_suite,
            record_mode=self.record_mode,
            store=self.store,
            similarity=self.similarity,
            # the project-wide provider and model judge too; with neither set, no model judges unless asked to
            judge=JudgeTarget(
                provider=self.options.provider or self.project.config.provider,
                model=self.options.model or self.project.config.model,
            ),
            root=str(self.project.root),
            concurrency=self.options.concurrency or self.project.config.concurrency,
            similar_threshold=self.project.config.similar_threshold,
        )

    def run(
        self, plans: Sequence[RunPlan], progress: ProgressCallback | None = None, on_case: CaseCallback | None = None
    ) -> list[RunRecord]:
        """Run plans to completion; recordings are flushed and providers closed even when interrupted."""
        records: list[RunRecord] = []

        async def go() -> None:
            # The records are handed out through `records`, not as the task's result: on Python 3.11 asyncio.run
            # repr()s its main task when it restores the SIGINT handler, and a repr of every result cost seconds.
            records.extend(await self.arun(plans, progress, on_case))

        asyncio.run(go())
        return records

    async def arun(
        self, plans: Sequence[RunPlan], progress: ProgressCallback | None = None, on_case: CaseCallback | None = None
    ) -> list[RunRecord]:
        """`run` on the running event loop: the caller owns the loop (and may cancel the task)."""
        async with self._runner(progress, on_case) as runner:
            for plan in plans:
                self._check_recordings(plan)
            return await runner.run(list(plans))

    async def arun_each(
        self,
        plans: Sequence[RunPlan],
        on_case: CaseCallback | None = None,
        on_failure: Callable[[RunPlan, Exception], None] | None = None,
    ) -> list[RunRecord | Exception]:
        """`arun` with each plan on its own: one that fails (a damaged recordings file, a template error) gives
        its error in its place, reported at once to `on_failure`, while the others run to their end."""
        async with self._runner(on_case=on_case) as runner:
            failed: dict[int, Exception] = {}
            for index, plan in enumerate(plans):
                try:
                    self._check_recordings(plan)
                except Exception as exc:
                    failed[index] = exc
                    if on_failure is not None:
                        on_failure(plan, exc)
            ran = iter(await runner.run_each([p for i, p in enumerate(plans) if i not in failed], on_failure))
            return [failed[i] if i in failed else next(ran) for i in range(len(plans))]

    @asynccontextmanager
    async def _runner(
        self, progress: ProgressCallback | None = None, on_case: CaseCallback | None = None
    ) -> AsyncIterator[Runner]:
        """A Runner on this session's services; afterwards providers are closed and recordings flushed, always."""
        try:
            try:
                yield Runner(self.services(), progress, on_case)
            finally:
                await self.aclose_providers()
        finally:
            self.recordings.flush()

    def _check_recordings(self, plan: RunPlan) -> None:
        """A damaged recordings file fails its plan now, before any provider call is spent."""
        if self.record_mode != "off":
            _ = self.recordings.for_suite(plan.suite.name).entries

    def stored_run(self, plan: RunPlan) -> RunRecord | None:
        """The newest complete stored run of exactly this suite, prompt content, provider, model and repeats that
        holds every case of the plan: a later run of fewer cases (pytest -k) does not hide it."""
        from promptops.runner import prompt_fingerprint, suite_fingerprint

        cases = plan.cases()
        run = self.store.latest_run(
            suite=plan.suite.name,
            prompt=plan.prompt.name,
            prompt_hash=prompt_fingerprint(plan.prompt),
            provider=plan.target.provider,
            model=plan.target.model,
            suite_hash=suite_fingerprint(plan.suite),
            repeat=plan.repeat or plan.suite.spec.repeat,
            case_ids=[c.id for c in cases],
        )
        if run is None:
            return None
        if any(c.errors for c in run.cases):
            return None  # provider failures are never reused, like errors are never cached
        return run

    def ensure_runs(
        self, plans: Sequence[RunPlan], *, run_missing: bool = True, progress: ProgressCallback | None = None
    ) -> list[RunRecord | None]:
        """A run per plan: the stored one when there is one, else (with `run_missing`) a fresh run."""
        found: list[RunRecord | None] = [self.stored_run(plan) for plan in plans]
        missing = [i for i, run in enumerate(found) if run is None]
        if missing and run_missing:
            fresh = self.run([plans[i] for i in missing], progress)
            for index, run in zip(missing, fresh, strict=True):
                found[index] = run
        return found

    async def aclose_providers(self) -> None:
        providers, self._providers = self._providers, {}
        for provider in providers.values():
            await provider.aclose()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.recordings.flush()
        if self._cache is not None:
            self._cache.close()
        if self._store is not None:
            self._store.close()

    # Planning ---------------------------------------------------------------------------------

    def suite_paths(self, paths: Sequence[str | Path] = ()) -> list[Path]:
        """Suite files named on the command line, or every suite of the project."""
        from promptops.workspace import find_suite_file, find_suite_files, find_yaml_files

        if not paths:
            return find_suite_files(self.project)
        found: list[Path] = []
        for raw in paths:
            path = Path(raw)
            if path.is_dir():
                found.extend(find_yaml_files(path, exclude=self.project.recordings_dir))
            elif path.exists():
                found.append(path)
            else:
                named = find_suite_file(self.project, str(raw))
                if named is None:
                    raise InputError(f"no suite file or suite named '{raw}'")
                found.append(named)
        return found

    def suites_for(self, prompt_name: str, only: str | None = None) -> list[Suite]:
        """The project's suites that test `prompt_name` (or the one named `only`)."""
        suites = load_suites(self.suite_paths([only] if only else []))
        chosen = [s for s in suites if prompt_name in s.spec.prompts]
        if not chosen:
            where = f"suite '{only}'" if only else f"any suite under {self.project.suites_dir}"
            raise InputError(f"prompt '{prompt_name}' is not tested by {where}")
        return chosen

    def plans(self, suites: Sequence[Suite], refs: Sequence[str] = ("",), *, to_send: bool = True) -> list[RunPlan]:
        """One plan per suite × prompt × requested version, with variable contracts checked up front (and transport
        settings too when the plans' requests are `to_send`, not only looked up in the store)."""
        from promptops.githistory import resolve_ref
        from promptops.runner import check_case_vars
        from promptops.workspace import check_suite

        problems: list[InputError] = []
        plans: list[RunPlan] = []
        for suite in suites:
            suite_problems = check_suite(self.project, suite)
            if suite_problems:
                problems.extend(suite_problems)
                continue
            for name in suite.spec.prompts:
                for ref in refs:
                    prompt = resolve_ref(self.project, f"{name}@{ref}" if ref else name)
                    unknown_provider = self.provider_problem(prompt)
                    if unknown_provider is not None:
                        problems.append(unknown_provider)
                    try:
                        target = self.target_for(prompt, to_send=to_send)
                    except InputError as exc:  # a bad transport setting
                        problems.append(exc)
                        continue
                    plan = RunPlan(suite=suite, prompt=prompt, target=target, ref=ref, repeat=self.options.repeat)
                    # an older version may declare other variables than the working tree's (checked just above)
                    for bad in check_case_vars(plan) if ref else []:
                        problems.append(InputError(f"{bad.message} (on {prompt.label})", bad.path, bad.line))
                    plans.append(plan)
        if problems:  # a prompt with a bad provider in several suites or versions is one problem
            raise ValidationFailed(list({p.format(): p for p in problems}.values()))
        return plans


def load_suites(paths: Sequence[Path]) -> list[Suite]:
    """Load every suite, reporting all bad files at once."""
    suites: list[Suite] = []
    problems: list[InputError] = []
    for path in paths:
        try:
            suites.append(load_suite_file(path))
        except ValidationFailed as exc:
            problems.extend(exc.problems)
        except InputError as exc:
            problems.append(exc)
    if problems:
        raise ValidationFailed(problems)
    return suites
