"""Jinja2 rendering in an immutable sandbox with StrictUndefined: missing variables and unsafe code are errors."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from promptops.errors import TemplateError

MAX_RENDERED_CHARS = 1_000_000


@lru_cache(maxsize=1)
def environment() -> ImmutableSandboxedEnvironment:
    return ImmutableSandboxedEnvironment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _line(base: int | None, template_line: int | None) -> int | None:
    if base is None:
        return None
    # Block scalars start on the line after the key; either way the offset is a good pointer.
    return base + max((template_line or 1) - 1, 0)


def compile_template(source: str, path: Path | str, line: int | None) -> jinja2.Template:
    try:
        return environment().from_string(source)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"template syntax error: {exc.message}", path, _line(line, exc.lineno)) from None


def undeclared_names(source: str, path: Path | str, line: int | None) -> set[str]:
    try:
        ast = environment().parse(source)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"template syntax error: {exc.message}", path, _line(line, exc.lineno)) from None
    return set(meta.find_undeclared_variables(ast))


def render_template(template: jinja2.Template, values: dict[str, Any], path: Path | str, line: int | None) -> str:
    try:
        text = template.render(**values)
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"template error: {exc.message}", path, line) from None
    except SecurityError as exc:
        raise TemplateError(f"template tried an unsafe operation: {exc}", path, line) from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"template error: {exc}", path, line) from None
    except (TypeError, ValueError, ArithmeticError, AttributeError, LookupError, OverflowError) as exc:
        raise TemplateError(f"template failed: {type(exc).__name__}: {exc}", path, line) from None
    if len(text) > MAX_RENDERED_CHARS:
        raise TemplateError(f"rendered template is longer than {MAX_RENDERED_CHARS:,} characters", path, line)
    return text
