"""`promptops validate [PATHS]`: check prompt and suite files, every problem as `path:line: message`."""

from __future__ import annotations

from pathlib import Path

import click

from promptops.cli.closed_stdout import reader_may_leave
from promptops.config import Project, load_project
from promptops.errors import InputError, leaf_problems
from promptops.prompt import load_prompt_file
from promptops.report.paths import located
from promptops.session import RunOptions, Session
from promptops.suite import load_suite_file
from promptops.workspace import check_suite, find_prompt_files, find_suite_files, find_yaml_files, prompt_names
from promptops.yamlio import load_yaml_file


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
def command(paths: tuple[Path, ...]) -> int:
    """Validate prompt and suite files (default: all of the project's); a directory is searched for YAML files."""
    project = load_project()
    if paths:
        prompts, suites, problems = _targets(project, paths)
    else:
        prompts, suites, problems = find_prompt_files(project), find_suite_files(project), []
    session = Session(project, RunOptions())
    for path in prompts:
        problems += _prompt_problems(session, path)
    problems += _name_problems(project)
    for path in suites:
        problems += _suite_problems(project, path)
    reviews = project.drift_reviews_path
    checks_reviews = not paths and reviews.exists()
    if checks_reviews:
        problems += _reviews_problems(reviews)
    unique = list(dict.fromkeys(located(leaf) for problem in problems for leaf in leaf_problems(problem)))
    checked = f"{len(prompts)} prompt file(s) and {len(suites)} suite file(s)"
    if checks_reviews:
        checked += f" and {reviews.name}"
    with reader_may_leave():
        for line in unique:
            click.echo(line)
        click.echo(f"{len(unique)} problem(s) in {checked}" if unique else f"OK: {checked} valid")
    return 2 if unique else 0


def _reviews_problems(path: Path) -> list[InputError]:
    from promptops.drift_reviews import load_reviews

    try:
        load_reviews(path)
    except InputError as exc:
        return [exc]
    return []


def _targets(project: Project, paths: tuple[Path, ...]) -> tuple[list[Path], list[Path], list[InputError]]:
    """Split the given files (directories searched) into prompt and suite files; unclassifiable ones are problems."""
    prompts: list[Path] = []
    suites: list[Path] = []
    problems: list[InputError] = []
    for given in paths:
        files = find_yaml_files(given, exclude=project.recordings_dir) if given.is_dir() else [given]
        for path in files:
            try:
                (suites if _is_suite(project, path) else prompts).append(path)
            except InputError as exc:
                problems.append(exc)
    return prompts, suites, problems


def _is_suite(project: Project, path: Path) -> bool:
    """Whether `path` is a suite file: by directory first, then by its keys (`cases:` or `messages:`)."""
    resolved = path.resolve()
    if resolved.is_relative_to(project.prompts_dir):
        return False
    if resolved.is_relative_to(project.suites_dir):
        return True
    keys = load_yaml_file(path).data.keys()
    if "messages" in keys or "cases" in keys:
        return "cases" in keys
    raise InputError("cannot tell whether this is a prompt (has 'messages:') or a suite (has 'cases:')", path, 1)


def _prompt_problems(session: Session, path: Path) -> list[InputError]:
    """The file's own problems, then what a run would refuse: an unknown provider, a bad transport setting (both
    judged as `run` judges them, so a provider the project overrides is not held against the prompt)."""
    try:
        prompt = load_prompt_file(path)
    except InputError as exc:
        return [exc]
    unknown_provider = session.provider_problem(prompt)
    problems = [unknown_provider] if unknown_provider is not None else []
    try:
        session.target_for(prompt)  # transport settings in `model.params` (timeout, retries, ...)
    except InputError as exc:
        problems.append(exc)
    return problems


def _name_problems(project: Project) -> list[InputError]:
    """Two prompt files declaring the same name."""
    try:
        prompt_names(project)
    except InputError as exc:
        return [exc]
    return []


def _suite_problems(project: Project, path: Path) -> list[InputError]:
    try:
        return check_suite(project, load_suite_file(path))
    except InputError as exc:
        return [exc]
