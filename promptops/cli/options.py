"""Options shared by several commands, defined once."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

import click

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("terminal", "json", "markdown")


def run_options(func: F) -> F:
    """Provider, model, recording and cache options of any command that runs suites, passed as `options`."""

    @functools.wraps(func)
    def with_run_options(
        *args: Any,
        provider: str | None,
        model: str | None,
        record: str | None,
        repeat: int | None,
        no_cache: bool,
        concurrency: int | None,
        **kwargs: Any,
    ) -> Any:
        from promptops.config import RecordMode
        from promptops.session import RunOptions

        mode = cast("RecordMode | None", record)  # click.Choice has already limited it to the four modes
        options = RunOptions(provider, model, mode, repeat, no_cache, concurrency)
        return func(*args, options=options, **kwargs)

    decorators = [
        click.option("--provider", help="Run on this provider instead of each prompt's model.provider."),
        click.option("--model", help="Run on this model instead of each prompt's model.name."),
        click.option(
            "--record",
            type=click.Choice(["none", "new", "all", "off"]),
            help="Recordings: none = replay only (default with CI=true), new = replay and record missing "
            "(default), all = re-record, off = ignore recordings.",
        ),
        click.option("--repeat", type=click.IntRange(1, 1000), help="Samples per case (overrides the suite)."),
        click.option("--no-cache", is_flag=True, help="Do not read or write the local completion cache."),
        click.option("--concurrency", type=click.IntRange(1, 1024), help="Requests in flight at once."),
    ]
    wrapped: Any = with_run_options
    for decorator in reversed(decorators):
        wrapped = decorator(wrapped)
    return wrapped  # type: ignore[no-any-return]


def format_option(choices: tuple[str, ...] = FORMATS) -> Callable[[F], F]:
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=choices[0], show_default=True)


def output_option(func: F) -> F:
    return click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to this file.")(func)
