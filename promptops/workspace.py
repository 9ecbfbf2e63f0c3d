"""The prompt and suite files in a project's working tree: discovery, lookup by name, suite-against-prompt checks."""

from __future__ import annotations

import hashlib
import importlib.util
import os
from pathlib import Path
from typing import TYPE_CHECKING

from promptops.config import Project
from promptops.errors import InputError, ReferenceNotFound
from promptops.prompt import Prompt, load_prompt_text
from promptops.suite import AssertionSpec, Suite
from promptops.validation import did_you_mean
from promptops.yamlio import decode_text, load_yaml_file, parse_yaml, read_text

if TYPE_CHECKING:
    from promptops.assertions.registry import AssertionRegistry

YAML_SUFFIXES = (".yaml", ".yml")
_LISTED_NAMES = 10
# Prompts are frozen once loaded; a suite check and the plan of the same suite share one parse and template compile.
_loaded: dict[tuple[str, str], Prompt] = {}
_MAX_LOADED = 64


def find_yaml_files(directory: Path, *, exclude: Path | None = None) -> list[Path]:
    """Every .yaml/.yml file under `directory` (sorted, hidden directories skipped), minus those under `exclude`."""
    if not directory.is_dir():
        return []
    found = []
    for path in sorted(directory.rglob("*")):
        relative = path.relative_to(directory)
        if path.suffix not in YAML_SUFFIXES or any(part.startswith(".") for part in relative.parts):
            continue
        if exclude is not None and path.resolve().is_relative_to(exclude.resolve()):
            continue
        if path.is_file():
            found.append(path)
    return found


def find_prompt_files(project: Project) -> list[Path]:
    """The prompt files of the project: every YAML file under its prompts directory."""
    return find_yaml_files(project.prompts_dir)


def find_suite_files(project: Project) -> list[Path]:
    """The suite files of the project: YAML files under its suites directory, recordings excluded."""
    return find_yaml_files(project.suites_dir, exclude=project.recordings_dir)


def find_suite_file(project: Project, name: str) -> Path | None:
    """The suite file a command-line name means: `support`, `support.yaml` or `team/faq` under the suites directory."""
    path = project.suites_dir / name
    for candidate in (path, *(path.with_name(path.name + suffix) for suffix in YAML_SUFFIXES)):
        if candidate.is_file():
            return candidate
    return None


def suite_argument(project: Project, path: Path) -> str:
    """The shortest name `find_suite_file` finds `path` by (`support` for suites/support.yaml), else the path."""
    try:
        rel = path.resolve().relative_to(project.suites_dir.resolve())
    except ValueError:
        return str(path)
    short = rel.with_suffix("").as_posix()
    found = find_suite_file(project, short)
    return short if found is not None and found.resolve() == path.resolve() else rel.as_posix()


def prompt_names(project: Project) -> dict[str, Path]:
    """Prompt name -> file, sorted by name; two files declaring one name are an InputError."""
    names: dict[str, Path] = {}
    for path in find_prompt_files(project):
        name, line = declared_name(path)
        if name in names:
            first = Path(os.path.relpath(names[name], project.root)).as_posix()
            raise InputError(f"duplicate prompt name '{name}' (already used by {first})", path, line)
        names[name] = path
    return dict(sorted(names.items()))


def declared_name(path: Path, data: bytes | None = None) -> tuple[str, int | None]:
    """A prompt file's `name:` and its line, or the file stem when it has none (or does not parse).

    `data` is the file's content when it comes from git rather than from `path` on disk."""
    try:
        doc = load_yaml_file(path) if data is None else parse_yaml(decode_text(data, path), path)
    except InputError:
        return path.stem, None
    value = doc.data.get("name")
    if isinstance(value, str) and value:
        return value, doc.lines.line_for(("name",))
    return path.stem, None


def prompt_path(project: Project, name: str) -> Path:
    """The working-tree file of prompt `name`, or ReferenceNotFound with a did-you-mean."""
    names = prompt_names(project)
    if name in names:
        return names[name]
    raise ReferenceNotFound(unknown_prompt(project, name, list(names)))


def unknown_prompt(project: Project, name: str, known: list[str]) -> str:
    """What is wrong with prompt name `name` when the project's prompts are `known`: a did-you-mean, the names."""
    if not known:
        where = project.config.prompts_dir
        if not project.prompts_dir.is_dir():
            fix = "run 'promptops init'" if where == "prompts" else "check prompts_dir in [tool.promptops]"
            return f"no prompt named '{name}': {where}/ does not exist ({fix})"
        return f"no prompt named '{name}': {where}/ has no prompt files"
    listed = ", ".join(known[:_LISTED_NAMES]) + (", ..." if len(known) > _LISTED_NAMES else "")
    return f"no prompt named '{name}'{did_you_mean(name, known)}; known prompts: {listed}"


def load_working_prompt(project: Project, name: str) -> Prompt:
    """Load and validate prompt `name` from the working tree (parsed once per content of the file, in a process)."""
    path = prompt_path(project, name)
    text = read_text(path)
    # keyed by content, not mtime: an edit within the file system's clock tick, `cp -p` or `rsync -t` keeps the mtime
    key = (str(path.resolve()), hashlib.sha256(text.encode("utf-8")).hexdigest())
    prompt = _loaded.get(key)
    if prompt is None:
        prompt = load_prompt_text(text, path)
        if len(_loaded) >= _MAX_LOADED:  # a long pytest session must not keep every edit of every prompt
            del _loaded[next(iter(_loaded))]
        _loaded[key] = prompt
    return prompt


def check_suite(project: Project, suite: Suite) -> list[InputError]:
    """Every problem of a suite against the working tree: unknown prompts, case vars, assertion types."""
    problems: list[InputError] = []
    prompts: list[Prompt] = []
    for index, name in enumerate(suite.spec.prompts):
        try:
            prompts.append(load_working_prompt(project, name))
        except ReferenceNotFound as exc:
            problems.append(InputError(f"prompt: {exc.message}", suite.path, suite.prompt_line(index)))
        except InputError as exc:
            problems.append(exc)
    for prompt in prompts:
        for case in suite.spec.cases:
            try:
                prompt.check_variables(suite.vars_for(case), where=suite.path, line=suite.case_line(case.id))
            except InputError as exc:
                problems.append(exc)
    problems.extend(_assertion_problems(suite))
    return problems


def _assertion_problems(suite: Suite) -> list[InputError]:
    """Unknown assertion types and bad assertion options, once the assertion registry exists."""
    registry = _assertion_registry()
    if registry is None:
        return []
    located: list[tuple[AssertionSpec, tuple[str | int, ...]]] = [
        (spec, ("defaults", "assert", i)) for i, spec in enumerate(suite.spec.defaults.assert_)
    ]
    for c, case in enumerate(suite.spec.cases):
        located += [(spec, ("cases", c, "assert", i)) for i, spec in enumerate(case.assert_)]
    problems: list[InputError] = []
    for spec, key in located:
        try:
            registry.check(spec)
        except ValueError as exc:
            problems.append(InputError(str(exc), suite.path, suite.line_of(key)))
    return problems


def _assertion_registry() -> AssertionRegistry | None:
    """The default assertion registry, or None while the built-in assertions are not part of the package."""
    if importlib.util.find_spec("promptops.assertions.builtin") is None:
        return None
    from promptops.assertions.registry import default_registry

    return default_registry()
