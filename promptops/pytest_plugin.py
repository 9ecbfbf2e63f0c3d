"""The pytest plugin: collects suite YAML files as test items; every hook is a thin call into the core."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from promptops.errors import PromptopsError
from promptops.gc_pause import HeapFreeze, paused_collection
from promptops.project_root import declares_configuration, find_root

if TYPE_CHECKING:
    from promptops.config import Project
    from promptops.prompt import Prompt
    from promptops.providers.base import Output
    from promptops.results import CaseResult
    from promptops.runner import RunPlan
    from promptops.session import RunOptions, Session
    from promptops.streamed_run import StreamedRun
    from promptops.suite import Case

STATE_KEY = pytest.StashKey["PluginState"]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("promptops", "promptops: prompt regression suites")
    group.addoption(
        "--promptops-version",
        action="append",
        default=[],
        dest="promptops_versions",
        metavar="REF",
        help="Prompt version to test (3, main, HEAD~1, a sha; repeatable). Default: the working tree.",
    )
    group.addoption("--promptops-provider", dest="promptops_provider", help="Run every prompt on this provider.")
    group.addoption("--promptops-model", dest="promptops_model", help="Run every prompt on this model.")
    group.addoption(
        "--promptops-record",
        dest="promptops_record",
        choices=["none", "new", "all", "off"],
        help="Recordings: none = replay only (default with CI=true), new (default), all, off.",
    )
    group.addoption("--promptops-repeat", dest="promptops_repeat", type=int, help="Samples per case.")
    group.addoption("--promptops-no-cache", dest="promptops_no_cache", action="store_true", help="Bypass the cache.")
    group.addoption(
        "--promptops-drift-against",
        dest="promptops_drift_against",
        metavar="REF",
        help="Report cases whose outputs drifted in meaning against this version of each tested prompt: a version "
        "number or git revision (2, main, HEAD~2).",
    )
    group.addoption(
        "--promptops-drift-mode",
        dest="promptops_drift_mode",
        choices=["warn", "fail"],
        help="What drift does to the run: warn (default) or fail.",
    )
    group.addoption(
        "--promptops-advise",
        dest="promptops_advise",
        action="store_true",
        help="Add each tested prompt's advice (improving, plateaued, target met ...) from stored runs to the summary.",
    )
    group.addoption(
        "--promptops-no-suites",
        dest="promptops_no_suites",
        action="store_true",
        help="Do not collect suite files (keep only the fixtures).",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "promptops: a case of a promptops suite")
    state = PluginState(config)
    config.stash[STATE_KEY] = state
    config.pluginmanager.register(state, "promptops-state")


def pytest_unconfigure(config: pytest.Config) -> None:
    state = config.stash.get(STATE_KEY, None)
    if state is not None:
        state.close()


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> SuiteFile | None:
    state = parent.config.stash[STATE_KEY]
    if state.is_suite_file(file_path):
        return SuiteFile.from_parent(parent, path=file_path)
    return None


class PluginState:
    """Per-process state: the project, one Session, and the pass-rate tally for the summary."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.tally: dict[tuple[str, str], tuple[int, int]] = {}
        self.drift_lines: list[str] = []
        self._project: Project | None = None
        self._session: Session | None = None
        self._stream: StreamedRun | None = None
        self._stream_plans: dict[int, int] = {}  # id of a collected plan -> its index in the stream
        self._heap = HeapFreeze()  # frozen after collecting suite cases only, thawed when the session ends

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Tally pass rates on the controller (under xdist the numbers ride on user_properties)."""
        if report.when != "call":
            return
        for key, value in report.user_properties:
            if key == "promptops":
                data = json.loads(str(value))
                slot = (data["suite"], data["label"])
                passed, total = self.tally.get(slot, (0, 0))
                self.tally[slot] = (passed + data["passed"], total + data["samples"])

    @pytest.hookimpl(tryfirst=True)  # before pytest-xdist starts its workers and the terminal prints its header
    def pytest_sessionstart(self, session: pytest.Session) -> None:
        """Bad input stops the session before anything is collected: otherwise a `[tool.promptops]` error would
        collect no suites (no tests ran), and a mistyped drift reference would let a drift gate pass. A project
        without a `[tool.promptops]` table has no setting to get wrong: its pytest runs do not import promptops."""
        reference = getattr(self.config.option, "promptops_drift_against", None)
        if reference or self.configures_promptops:
            try:
                _ = self.project
            except PromptopsError as exc:
                raise pytest.UsageError(str(exc)) from None
        if reference and not self.under_xdist:
            from promptops.drift_report_lines import check_reference

            try:
                check_reference(self.session, reference)
            except PromptopsError as exc:
                raise pytest.UsageError(f"--promptops-drift-against {reference}: {exc}") from None

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        """With only suite items to run, move what collection built out of the garbage collector's passes for the
        run. Not when the user's own tests run too (their objects must stay collectable), nor when something else
        froze the heap already (a pytest run inside another one)."""
        if session.items and only_suite_items(session.items):
            self._heap.freeze()

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        """Let the background run finish (or stop it when pytest stopped early: -x, --maxfail, Ctrl-C); with
        --promptops-drift-against, compare with the reference."""
        stopped_early = bool(session.shouldstop or session.shouldfail) or exitstatus == pytest.ExitCode.INTERRUPTED
        try:
            self.stop_stream(cancel=stopped_early)
        finally:
            self._heap.thaw()
        if self.tally:  # a session of many items leaves a large heap for the interpreter to walk at exit
            from promptops.exit_speed import skip_exit_collections, skip_pytest_exit_collections

            skip_exit_collections()
            if only_suite_items(session.items):
                skip_pytest_exit_collections(self.config)
        ref = getattr(self.config.option, "promptops_drift_against", None)
        if not ref or self.under_xdist or not self.tally:
            return
        from promptops.drift_report_lines import drift_lines

        try:
            self.drift_lines, failed = drift_lines(self.session, ref, self.versions)
        except PromptopsError as exc:  # a drift gate that could not look does not pass
            self.drift_lines, failed = [f"drift against {ref} not computed: {exc}"], True
        mode = getattr(self.config.option, "promptops_drift_mode", None) or self.project.config.drift_mode
        if failed and mode == "fail" and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        for line in self.drift_lines:
            if line is self.drift_lines[0]:
                terminalreporter.section("promptops drift")
            terminalreporter.write_line(line)
        if not self.tally:
            return
        from promptops.stats import wilson

        terminalreporter.section("promptops")
        for (suite, label), (passed, total) in sorted(self.tally.items()):
            interval = wilson(passed, total)
            terminalreporter.write_line(
                f"{suite} × {label}: {passed}/{total} samples pass, "
                f"{interval.estimate:.0%} (95% CI {interval.low:.0%}–{interval.high:.0%})"
            )
        if getattr(self.config.option, "promptops_advise", False):
            from promptops.advise import summary_lines

            terminalreporter.section("promptops advise")
            tested = {label.partition("@")[0] for _, label in self.tally}
            for line in summary_lines(self.project, tested, self.session):
                terminalreporter.write_line(line)

    @property
    def project(self) -> Project:
        if self._project is None:
            with paused_collection():  # the first use imports most of promptops: see promptops.gc_pause
                from promptops.config import load_project

                self._project = load_project(Path(str(self.config.rootpath)))
        return self._project

    @property
    def run_options(self) -> RunOptions:
        from promptops.session import RunOptions

        opt = self.config.option
        return RunOptions(
            provider=getattr(opt, "promptops_provider", None),
            model=getattr(opt, "promptops_model", None),
            record=getattr(opt, "promptops_record", None),
            repeat=getattr(opt, "promptops_repeat", None),
            no_cache=bool(getattr(opt, "promptops_no_cache", False)),
        )

    @property
    def session(self) -> Session:
        if self._session is None:
            from promptops.session import Session

            self._session = Session(self.project, self.run_options)
        return self._session

    def streamed_result(self, item: CaseItem) -> CaseResult:
        """The item's case from one background run of every selected case, started when the first item asks."""
        if self._stream is None:
            from promptops.streamed_run import StreamedRun

            selected: dict[int, list[CaseItem]] = {}
            for other in item.session.items:
                if isinstance(other, CaseItem):
                    selected.setdefault(id(other.plan), []).append(other)
            plans = [
                replace(items[0].plan, case_ids=[i.case.id for i in items], run_id=None) for items in selected.values()
            ]
            self._stream_plans = {key: index for index, key in enumerate(selected)}
            self._stream = StreamedRun(self.project, self.run_options, plans).start()
        return self._stream.result(self._stream_plans[id(item.plan)], item.case.id)

    def stop_stream(self, *, cancel: bool) -> None:
        """Wait for the background run; with `cancel`, stop the cases no item will ask for first."""
        if self._stream is not None:
            self._stream.close(cancel=cancel)

    @property
    def versions(self) -> list[str]:
        return list(getattr(self.config.option, "promptops_versions", None) or [""])

    @property
    def under_xdist(self) -> bool:
        return hasattr(self.config, "workerinput")

    def shared_run_id(self, plan: RunPlan) -> str | None:
        """Under pytest-xdist, one run id per plan for the whole test run, so every worker adds to one run."""
        if not self.under_xdist:
            return None
        from promptops.runner import prompt_fingerprint, text_hash

        workerinput: dict[str, Any] = getattr(self.config, "workerinput")  # noqa: B009 - set by xdist only
        parts = (workerinput.get("testrunuid", ""), str(plan.suite.path), prompt_fingerprint(plan.prompt), plan.ref)
        return text_hash("|".join((*parts, plan.target.provider, plan.target.model)))

    @functools.cached_property
    def may_have_suites(self) -> bool:
        """Whether this project can hold suites: it configures promptops, or has the default suites/ directory. A
        project that does neither never imports promptops for its YAML files."""
        return self.configures_promptops or (self.project_root / "suites").is_dir()

    @functools.cached_property
    def project_root(self) -> Path:
        """Where the project starts (as `load_project` finds it), found without importing promptops.config."""
        return find_root(Path(str(self.config.rootpath)))

    @functools.cached_property
    def configures_promptops(self) -> bool:
        """Whether the project's pyproject.toml may hold `[tool.promptops]` (read once per session)."""
        return declares_configuration(self.project_root)

    def is_suite_file(self, path: Path) -> bool:
        if getattr(self.config.option, "promptops_no_suites", False) or path.suffix not in (".yaml", ".yml"):
            return False
        if not self.may_have_suites:
            return False
        resolved = path.resolve()  # the project loaded at session start: a bad configuration stopped it there
        suites = self.project.suites_dir.resolve()
        recordings = self.project.recordings_dir.resolve()
        return suites in resolved.parents and recordings not in resolved.parents

    def close(self) -> None:
        self._heap.thaw()
        self.stop_stream(cancel=True)  # only reached without a session finish: pytest itself is going down
        if self._session is not None:
            self._session.close()


def only_suite_items(items: list[pytest.Item]) -> bool:
    """Whether every item is a suite case: no test of the user's runs in this session."""
    return all(isinstance(item, CaseItem) for item in items)


class SuiteFile(pytest.File):
    """A suite YAML file; yields one item per case × prompt × version."""

    def collect(self) -> list[CaseItem]:
        from promptops.runner import RunPlan
        from promptops.suite import load_suite_file

        state = self.config.stash[STATE_KEY]
        items: list[CaseItem] = []
        with paused_collection():  # many objects, next to no garbage: see promptops.gc_pause
            try:
                suite = load_suite_file(self.path)
                self.plans = state.session.plans([suite], state.versions)
            except PromptopsError as exc:
                raise SuiteError(str(exc)) from None
            for plan in self.plans:
                assert isinstance(plan, RunPlan)
                label = plan.prompt.name + (f"@{plan.ref}" if plan.ref else "")
                for case in plan.cases():
                    name = f"{case.id}[{label}]"
                    # An explicit id parses "[label]" as params, as pytest does for ids read back from its cache;
                    # a name-derived id would not, and `--lf` would never match these items.
                    nodeid = f"{self.nodeid}::{name}"
                    items.append(CaseItem.from_parent(self, name=name, nodeid=nodeid, plan=plan, case=case))
        return items

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, SuiteError):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def result_for(self, item: CaseItem) -> CaseResult:
        """The item's case: from the background run of every selected case, or alone on an xdist worker."""
        state = self.config.stash[STATE_KEY]
        if not state.under_xdist:
            return state.streamed_result(item)
        # a worker cannot know which items it will be given, so it runs each case as its item comes
        plan = replace(item.plan, case_ids=[item.case.id], run_id=state.shared_run_id(item.plan))
        (record,) = state.session.run([plan])
        (result,) = record.cases
        return result


class SuiteError(Exception):
    """A suite that cannot be collected; shown as its one-line message, never a stack."""


class CaseFailed(Exception):
    """A case whose pass rate is below its threshold, or that hit provider errors."""

    def __init__(self, result: CaseResult) -> None:
        self.result = result
        super().__init__(result.case_id)


class CaseItem(pytest.Item):
    """One case of a suite on one prompt version; its samples run inside the item."""

    def __init__(self, *, plan: RunPlan, case: Case, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.plan = plan
        self.case = case
        self.add_marker(pytest.mark.promptops)
        if case.xfail:
            # a known failure: counted in pass rates and advice as it is, expected to fail in pytest
            self.add_marker(pytest.mark.xfail(reason=case.xfail, raises=CaseFailed, strict=False))
        for tag in [*plan.suite.spec.tags, *case.tags]:
            if tag.isidentifier():
                self.config.addinivalue_line("markers", f"{tag}: promptops suite tag")
                self.add_marker(getattr(pytest.mark, tag))

    def runtest(self) -> None:
        parent = self.parent
        assert isinstance(parent, SuiteFile)
        try:
            result = parent.result_for(self)
        except PromptopsError as exc:
            raise SuiteError(str(exc)) from None
        label = f"{self.plan.prompt.name}@{self.plan.prompt.version}"
        tally = {"suite": self.plan.suite.name, "label": label, "samples": len(result.samples)}
        tally["passed"] = sum(s.passed for s in result.samples)
        self.user_properties.append(("promptops", json.dumps(tally)))
        if not result.passed:
            raise CaseFailed(result)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, CaseFailed):
            from promptops.report.case_failure import explain_case

            return explain_case(excinfo.value.result, self.plan, self.case)
        if isinstance(excinfo.value, SuiteError):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        line = self.plan.suite.case_line(self.case.id)
        return self.path, (line - 1) if line else None, f"case {self.case.id} on {self.plan.prompt.label}"


# Fixtures for hand-written tests ----------------------------------------------------------------


@pytest.fixture
def promptops_project(pytestconfig: pytest.Config) -> Project:
    """The promptops project (root and `[tool.promptops]` configuration) of this test run."""
    return pytestconfig.stash[STATE_KEY].project


@pytest.fixture
def promptops_prompt(pytestconfig: pytest.Config) -> Callable[[str], Prompt]:
    """Load a prompt by reference: `promptops_prompt("support-reply@2")`."""
    from promptops.githistory import resolve_ref

    project = pytestconfig.stash[STATE_KEY].project

    def load(ref: str) -> Prompt:
        return resolve_ref(project, ref)

    return load


@pytest.fixture
def promptops_complete(pytestconfig: pytest.Config) -> Callable[..., Output]:
    """Complete a prompt with variables through the configured provider, recordings and cache."""
    state: PluginState = pytestconfig.stash[STATE_KEY]

    def complete(prompt: Prompt, sample: int = 0, **values: Any) -> Output:
        from promptops.fixtures_support import complete_prompt

        return complete_prompt(state.session, prompt, sample=sample, **values)

    return complete
