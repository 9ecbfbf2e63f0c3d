"""Use case `check`: the pre-merge check that runs changed prompts on base and head and judges the difference."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from promptops.config import Project
from promptops.diff import PromptDiff, RunComparison, diff_prompts, diff_runs
from promptops.errors import InputError, ValidationFailed
from promptops.githistory import Change, blobs_at, changed_paths, commit_of, read_file_at
from promptops.prompt import Prompt, load_prompt_text
from promptops.results import RunRecord
from promptops.suite import Suite, suite_from_document
from promptops.workspace import YAML_SUFFIXES, declared_name, prompt_names, suite_argument, unknown_prompt
from promptops.yamlio import parse_yaml, read_text

if TYPE_CHECKING:
    from promptops.runner import ProgressCallback, RunPlan
    from promptops.session import RunOptions, Session

ProblemKind = Literal["regression", "threshold", "version", "drift", "errors"]
PromptStatus = Literal["added", "modified", "renamed", "deleted", "suite changed"]


@dataclass(frozen=True)
class Problem:
    """One reason the check fails, and what to do about it."""

    kind: ProblemKind
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.message}; {self.fix}"


@dataclass
class SuiteCheck:
    """One suite on the head version of a prompt, compared with the base version when there is one."""

    suite: Suite
    head_run: RunRecord
    comparison: RunComparison | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def base_run(self) -> RunRecord | None:
        return self.comparison.base if self.comparison is not None else None


@dataclass
class PromptCheck:
    """Everything the check found about one prompt the change touched."""

    name: str
    path: str
    status: PromptStatus
    base: Prompt | None
    head: Prompt | None
    old_path: str | None = None
    diff: PromptDiff | None = None
    suites: list[SuiteCheck] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def all_problems(self) -> list[Problem]:
        return [*self.problems, *(p for s in self.suites for p in s.problems)]

    @property
    def all_warnings(self) -> list[str]:
        return [*self.warnings, *(w for s in self.suites for w in s.warnings)]

    @property
    def passed(self) -> bool:
        return not self.all_problems


@dataclass
class CheckResult:
    """The verdict of a pre-merge check: per prompt what changed, how it ran on both sides, what fails."""

    base: str
    head: str | None
    prompts: list[PromptCheck] = field(default_factory=list)
    elapsed_s: float = 0.0

    @property
    def head_label(self) -> str:
        return self.head or "working tree"

    @property
    def problems(self) -> list[Problem]:
        return [p for prompt in self.prompts for p in prompt.all_problems]

    @property
    def warnings(self) -> list[str]:
        return [w for prompt in self.prompts for w in prompt.all_warnings]

    @property
    def passed(self) -> bool:
        return not self.problems

    @property
    def verdict(self) -> str:
        """One line: pass or fail, and how many prompts and problems."""
        if not self.prompts:
            return f"PASS: no prompt or suite changed between {self.base} and {self.head_label}"
        checked = f"{len(self.prompts)} prompt{'s' if len(self.prompts) != 1 else ''} checked"
        if self.passed:
            return f"PASS: {checked}, no regression"
        count = len(self.problems)
        return f"FAIL: {checked}, {count} problem{'s' if count != 1 else ''}"


@dataclass
class CheckOptions:
    """How to run a check: run overrides (provider, cache, repeat…), drift on or off, the bootstrap seed."""

    run: RunOptions | None = None
    drift: bool = True
    seed: int = 0


class _Tree:
    """Reads repo-relative files at one side of the check: a git revision, or the working tree when rev is None."""

    def __init__(self, project: Project, top: Path, rev: str | None) -> None:
        self.project, self.top, self.rev = project, top, rev
        # runs record the commit itself, never a moving name like origin/main
        self.commit = commit_of(project, rev) if rev is not None else None

    def read(self, rel: str) -> str | None:
        if self.rev is not None:
            return read_file_at(self.project, self.rev, rel)
        path = self.top / rel
        return read_text(path) if path.is_file() else None

    def prompt(self, rel: str) -> Prompt | None:
        text = self.read(rel)
        return None if text is None else load_prompt_text(text, self.top / rel, commit=self.commit)

    def suite(self, rel: str) -> Suite | None:
        text = self.read(rel)
        return None if text is None else suite_from_document(parse_yaml(text, self.top / rel))

    def prompt_names(self, folder: str) -> dict[str, str]:
        """Prompt name -> repo-relative file of every prompt on this side, `folder` being the prompts directory."""
        if self.rev is None:
            return {name: _relative(path, self.top) for name, path in prompt_names(self.project).items()}
        names: dict[str, str] = {}
        for rel, data in blobs_at(self.project, self.rev, folder, YAML_SUFFIXES).items():
            names.setdefault(declared_name(self.top / rel, data)[0], rel)
        return dict(sorted(names.items()))


def repo_top(project: Project) -> Path:
    """The working-tree root of the git repository holding the project (paths from git are relative to it)."""
    for candidate in (project.root, *project.root.parents):
        if (candidate / ".git").exists():
            return candidate
    return project.root


def _relative(directory: Path, top: Path) -> str:
    return directory.resolve().relative_to(top.resolve()).as_posix()


def _is_yaml_under(path: str | None, folder: str, exclude: str | None = None) -> bool:
    if path is None or not path.endswith(YAML_SUFFIXES):
        return False
    inside = folder in ("", ".") or path.startswith(folder.rstrip("/") + "/")
    return inside and not (exclude is not None and path.startswith(exclude.rstrip("/") + "/"))


def check(
    project: Project,
    base: str,
    head: str | None = None,
    options: CheckOptions | None = None,
    progress: Callable[[int], None] | None = None,
) -> CheckResult:
    """Check the prompts and suites changed from `base` to `head` (None: the working tree) for regressions."""
    options = options or CheckOptions()
    started = time.perf_counter()
    result = CheckResult(base=base, head=head)
    top = repo_top(project)
    prompts_rel = _relative(project.prompts_dir, top)
    suites_rel = _relative(project.suites_dir, top)
    recordings_rel = _relative(project.recordings_dir, top)
    changes = changed_paths(project, base, head)
    prompt_changes = [c for c in changes if _is_yaml_under(c.new_path or c.old_path, prompts_rel)]
    suite_changes = [c for c in changes if _is_yaml_under(c.new_path or c.old_path, suites_rel, recordings_rel)]
    if not prompt_changes and not suite_changes:
        result.elapsed_s = time.perf_counter() - started
        return result

    base_tree, head_tree = _Tree(project, top, base), _Tree(project, top, head)
    head_suites = _head_suites(project, top, head_tree, suite_changes)
    head_prompts = head_tree.prompt_names(prompts_rel)
    result.prompts = _affected_prompts(
        top, base_tree, head_tree, prompt_changes, suite_changes, head_suites, head_prompts
    )
    missing = _missing_prompts(project, top, result.prompts, suite_changes, head_suites, head_prompts)
    if missing:
        raise ValidationFailed(missing)
    from promptops.session import RunOptions, Session

    with Session(project, options.run or RunOptions()) as session:
        _run_and_compare(session, result.prompts, head_suites, base_tree, base, head, options, progress)
    result.elapsed_s = time.perf_counter() - started
    return result


def _head_suites(project: Project, top: Path, head: _Tree, suite_changes: list[Change]) -> list[Suite]:
    """Every suite on the head side: the working tree's suite files plus those the change added."""
    from promptops.workspace import find_suite_files

    paths = dict.fromkeys(_relative(p, top) for p in find_suite_files(project))
    paths.update(dict.fromkeys(c.new_path for c in suite_changes if c.new_path))
    suites: list[Suite] = []
    problems: list[InputError] = []
    for rel in paths:
        try:
            suite = head.suite(rel)
        except ValidationFailed as exc:
            problems.extend(exc.problems)
            continue
        except InputError as exc:
            problems.append(exc)
            continue
        if suite is not None:
            suites.append(suite)
    if problems:
        raise ValidationFailed(problems)
    return suites


def _affected_prompts(
    top: Path,
    base: _Tree,
    head: _Tree,
    prompt_changes: list[Change],
    suite_changes: list[Change],
    head_suites: list[Suite],
    head_prompts: dict[str, str],
) -> list[PromptCheck]:
    """One PromptCheck per changed prompt file, plus one per prompt whose suite changed."""
    checks: dict[str, PromptCheck] = {}
    for change in prompt_changes:
        old_rel = change.old_path if change.status in ("renamed", "modified", "deleted") else None
        before = base.prompt(old_rel) if old_rel else None
        after = head.prompt(change.new_path) if change.new_path else None
        named = after or before
        if named is None:
            continue
        status: PromptStatus = "added" if before is None else change.status
        checks[named.name] = PromptCheck(
            name=named.name,
            path=change.new_path or change.old_path or "",
            status=status,
            base=before,
            head=after,
            old_path=change.old_path if change.status == "renamed" else None,
        )
    changed_suites = {c.new_path for c in suite_changes if c.new_path}
    for suite in head_suites:
        if _relative(suite.path, top) not in changed_suites:
            continue
        for name in suite.spec.prompts:
            if name in checks or name not in head_prompts:
                continue  # a name head does not have is reported by _missing_prompts
            rel = head_prompts[name]
            checks[name] = PromptCheck(
                name=name, path=rel, status="suite changed", base=base.prompt(rel), head=head.prompt(rel)
            )
    return sorted(checks.values(), key=lambda c: c.name)


def _missing_prompts(
    project: Project,
    top: Path,
    prompts: list[PromptCheck],
    suite_changes: list[Change],
    head_suites: list[Suite],
    head_prompts: dict[str, str],
) -> list[InputError]:
    """Head suites the change touched, or whose prompt it touched, that name a prompt head does not have."""
    gone = {c.base.name: c for c in prompts if c.base is not None and (c.head is None or c.head.name != c.base.name)}
    touched = {c.name for c in prompts} | set(gone)
    changed_suites = {c.new_path for c in suite_changes if c.new_path}
    problems: list[InputError] = []
    for suite in head_suites:
        names = suite.spec.prompts
        if _relative(suite.path, top) not in changed_suites and touched.isdisjoint(names):
            continue
        for index, name in enumerate(names):
            if name in head_prompts:
                continue
            removed = gone.get(name)
            what = unknown_prompt(project, name, list(head_prompts)) if removed is None else _gone(name, removed)
            problems.append(InputError(f"prompt: {what}", suite.path, suite.prompt_line(index)))
    return problems


def _gone(name: str, removed: PromptCheck) -> str:
    """Why `name`, the base name of a prompt the change deleted or renamed, names nothing at head, and what to do."""
    if removed.head is None:
        how = f"{removed.path} was deleted"
    elif removed.old_path is not None:
        how = f"{removed.old_path} was renamed to {removed.path} (prompt '{removed.head.name}')"
    else:
        how = f"{removed.path} now has `name: {removed.head.name}`"
    return f"prompt '{name}' no longer exists: {how}; delete this suite or point it at an existing prompt"


def _run_and_compare(
    session: Session,
    prompts: list[PromptCheck],
    head_suites: list[Suite],
    base_tree: _Tree,
    base_ref: str,
    head_ref: str | None,
    options: CheckOptions,
    progress: ProgressCallback | None,
) -> None:
    """Plan base and head runs for every affected prompt × suite, run them together, then judge each pair."""
    from promptops.runner import RunPlan, check_case_vars

    pending: list[tuple[PromptCheck, Suite, RunPlan, RunPlan | None]] = []
    problems: list[InputError] = []
    for prompt_check in prompts:
        _version_problem(prompt_check)
        after = prompt_check.head
        if after is None:
            prompt_check.warnings.append(f"prompt '{prompt_check.name}' was deleted ({prompt_check.path})")
            continue
        unknown_provider = session.provider_problem(after)
        if unknown_provider is not None:
            problems.append(unknown_provider)
            continue
        suites = [s for s in head_suites if after.name in s.spec.prompts]
        if not suites:
            prompt_check.warnings.append(
                f"prompt '{after.name}' has no suite, so nothing tested it: add a suite with "
                f"`prompt: {after.name}` under {session.project.config.suites_dir}/"
            )
        for suite in suites:
            head_plan = RunPlan(suite=suite, prompt=after, target=session.target_for(after), ref=head_ref or "")
            head_problems = check_case_vars(head_plan)
            if head_problems:
                problems.extend(head_problems)
                continue
            base_plan = _base_plan(session, prompt_check, suite, base_tree, base_ref)
            pending.append((prompt_check, suite, head_plan, base_plan))
    if problems:
        raise ValidationFailed(problems)
    plans = [plan for _, _, head_plan, base_plan in pending for plan in (head_plan, base_plan) if plan is not None]
    runs = iter(session.run(plans, progress))
    scorer = session.similarity() if options.drift and any(b is not None for *_, b in pending) else None
    config = session.project.config
    reviews = session.drift_reviews() if scorer is not None else None
    for prompt_check, suite, _, base_plan in pending:
        head_run = next(runs)
        comparison = None
        if base_plan is not None:
            base_run = next(runs)
            comparison = diff_runs(
                base_run, head_run, scorer, drift_threshold=config.drift_threshold, seed=options.seed, reviews=reviews
            )
        prompt_check.suites.append(_judge(session.project, suite, head_run, comparison))


def _base_plan(
    session: Session, prompt_check: PromptCheck, suite: Suite, base_tree: _Tree, base_ref: str
) -> RunPlan | None:
    """The base side: the head suite on the base prompt, or the base suite when the variables moved with it."""
    from promptops.runner import RunPlan, check_case_vars

    before = prompt_check.base
    if before is None:
        return None
    plan = RunPlan(suite=suite, prompt=before, target=session.target_for(before, to_send=False), ref=base_ref)
    if not check_case_vars(plan):
        return plan
    rel = _relative(suite.path, base_tree.top) if suite.path.is_absolute() else suite.path.as_posix()
    old_suite = base_tree.suite(rel)
    if old_suite is not None:
        plan = RunPlan(suite=old_suite, prompt=before, target=session.target_for(before, to_send=False), ref=base_ref)
        if not check_case_vars(plan):
            return plan
    prompt_check.warnings.append(
        f"suite '{suite.name}' cannot run on the base version of '{prompt_check.name}' (its variables differ), "
        "so only the head version was judged"
    )
    return None


def _version_problem(prompt_check: PromptCheck) -> None:
    """Diff the two specs; a behaviour change without a `version` bump is a problem."""
    before, after = prompt_check.base, prompt_check.head
    if before is None or after is None:
        return
    prompt_check.diff = diff = diff_prompts(before, after)
    if diff.behaviour_changed and not diff.version_bumped:
        what = [f.path for f in diff.fields if f.behavioural] + [m.title for m in diff.messages]
        prompt_check.problems.append(
            Problem(
                kind="version",
                message=f"{after.name}: behaviour changed ({', '.join(what)}) but `version` is still {after.version}",
                fix=f"bump `version:` to {before.version + 1} in {prompt_check.path}",
            )
        )


def _judge(project: Project, suite: Suite, head_run: RunRecord, comparison: RunComparison | None) -> SuiteCheck:
    """The problems and warnings of one suite: significant regression, head below threshold, drift."""
    checked = SuiteCheck(suite=suite, head_run=head_run, comparison=comparison)
    where = f"{head_run.prompt} on suite '{suite.name}'"
    if comparison is not None and comparison.significantly_worse:
        broken = ", ".join(c.case_id for c in comparison.broken[:5]) or "none flipped"
        checked.problems.append(
            Problem(
                kind="regression",
                message=(
                    f"{where}: head is significantly worse than base ({len(comparison.broken)} broken: {broken}; "
                    f"{len(comparison.fixed)} fixed; McNemar p = {comparison.p_value:.3g}; "
                    f"pass-rate change {comparison.pass_rate_change.estimate:+.0%} "
                    f"[{comparison.pass_rate_change.low:+.0%}, {comparison.pass_rate_change.high:+.0%}])"
                ),
                fix="read the outputs of the broken cases below and fix the prompt, or revert the change",
            )
        )
    if not head_run.passed:
        errors = sum(c.errors for c in head_run.cases)
        detail = f", {errors} sample(s) errored" if errors else ""
        checked.problems.append(
            Problem(
                kind="threshold",
                message=(
                    f"{where}: head pass rate {head_run.sample_pass_rate:.0%} is below the suite threshold "
                    f"{head_run.threshold:.0%}{detail}"
                ),
                fix=(
                    f"improve the prompt until `promptops run {suite_argument(project, suite.path)}` passes, "
                    f"or lower `threshold:` in the suite if the bar is wrong"
                    + ("; errors are provider failures: check the provider or record outputs" if errors else "")
                ),
            )
        )
    errored = comparison.errored if comparison is not None else []
    if errored:
        ids = ", ".join(c.case_id for c in errored[:5])
        checked.problems.append(
            Problem(
                kind="errors",
                message=f"{where}: {len(errored)} case(s) errored on base or head and could not be compared ({ids})",
                fix="record both versions (`promptops run --record new --version <base>`) or fix the provider",
            )
        )
    drifted = comparison.drifted if comparison is not None else []
    if drifted:
        ids = ", ".join(c.case_id for c in drifted[:5])
        line = f"{where}: {len(drifted)} case(s) drifted in meaning ({ids})"
        if project.config.drift_mode == "fail":
            base = comparison.base.prompt_ref if comparison is not None and comparison.base.prompt_ref else "BASE"
            review = f"promptops drift {head_run.prompt}@{base} {head_run.prompt} --suite {suite.name}"
            fix = (
                f"check that the new outputs are intended (`{review}`); clear a flag judged no change in meaning with "
                "`--accept CASE` and commit drift-reviews.yaml; set drift_mode = 'warn' to only warn"
            )
            checked.problems.append(Problem(kind="drift", message=line, fix=fix))
        else:
            checked.warnings.append(line)
    return checked
