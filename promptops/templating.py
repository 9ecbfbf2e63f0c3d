"""Jinja2 rendering in an immutable sandbox with StrictUndefined: missing variables and unsafe code are errors."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from promptops.errors import TemplateError

MAX_RENDERED_CHARS = 1_000_000
# No value a template builds may be larger than a whole rendered prompt, and no integer wider than this.
MAX_VALUE_SIZE = MAX_RENDERED_CHARS
MAX_INT_BITS = 100_000
# Loop iterations per render (all loops together), so nested loops cannot spin for hours.
MAX_ITERATIONS = 1_000_000
MAX_RANGE = 100_000

_FORMAT_NUMBER = re.compile(r"\d+")
_iterations: ContextVar[list[int] | None] = ContextVar("promptops_template_iterations", default=None)


class ResourceLimit(SecurityError):
    """A template tried to build a value (or loop) larger than the limits above."""


def _size(value: Any) -> int:
    return len(value) if isinstance(value, str | bytes | list | tuple | dict | set | frozenset) else 0


def _limit(estimate: int, what: str) -> None:
    if estimate > MAX_VALUE_SIZE:
        raise ResourceLimit(f"{what} would hold about {estimate:,} items, more than the {MAX_VALUE_SIZE:,} allowed")


def _format_estimate(template: str, args: Iterable[Any]) -> int:
    """An upper bound on the length of `template % args` or `template.format(*args)`."""
    widths = sum(int(n) for n in _FORMAT_NUMBER.findall(template) if len(n) <= 12) + sum(
        10**12 for n in _FORMAT_NUMBER.findall(template) if len(n) > 12
    )
    biggest = max((len(str(a)) if not isinstance(a, int) else 32 for a in args), default=0)
    return len(template) + widths + (template.count("%") + template.count("{")) * biggest


def _check_binop(operator: str, left: Any, right: Any) -> None:
    if operator == "*":
        for seq, times in ((left, right), (right, left)):
            if isinstance(times, int) and _size(seq):
                _limit(_size(seq) * times, "a repeated string or list")
        if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise ResourceLimit(f"the product would exceed {MAX_INT_BITS:,} bits")
    elif operator == "**":
        growing = isinstance(left, int) and isinstance(right, int) and abs(left) > 1
        if growing and right * left.bit_length() > MAX_INT_BITS:
            raise ResourceLimit(f"the power would exceed {MAX_INT_BITS:,} bits")
    elif operator == "+":
        _limit(_size(left) + _size(right), "the sum")
    elif operator == "%" and isinstance(left, str):
        items = right if isinstance(right, tuple) else tuple(right.values()) if isinstance(right, dict) else (right,)
        _limit(_format_estimate(left, items), "the formatted string")


def _check_call(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse calls whose result would be huge: str methods that pad, replace, join or format, and lipsum."""
    obj = getattr(obj, "__wrapped__", obj)  # the sandbox hands out str.format wrapped
    owner = getattr(obj, "__self__", None)
    name = getattr(obj, "__name__", "")
    values = [*args, *kwargs.values()]
    if isinstance(owner, str):
        if name in ("center", "ljust", "rjust", "zfill") and values and isinstance(values[0], int):
            _limit(values[0], f"str.{name}()")
        elif name == "expandtabs":
            tab = values[0] if values and isinstance(values[0], int) else 8
            _limit(len(owner) + owner.count("\t") * tab, "str.expandtabs()")
        elif name == "replace" and len(args) >= 2:
            _limit(_replace_estimate(owner, args[0], args[1]), "str.replace()")
        elif name == "join" and args:
            _limit(_join_estimate(owner, args[0]), "str.join()")
        elif name in ("format", "format_map"):
            _limit(_format_estimate(owner, values), "the formatted string")
    elif name == "generate_lorem_ipsum":
        count = values[0] if values and isinstance(values[0], int) else 5
        longest = kwargs.get("max", values[3] if len(values) > 3 else 100)
        _limit(count * (longest if isinstance(longest, int) else 100) * 12, "lipsum()")


def _replace_estimate(text: Any, old: Any, new: Any) -> int:
    if not (isinstance(text, str) and isinstance(old, str) and isinstance(new, str)):
        return 0
    hits = text.count(old) if old else len(text) + 1
    return len(text) + hits * max(len(new) - len(old), 0)


def _join_estimate(separator: str, items: Any) -> int:
    if not isinstance(items, list | tuple):
        return 0
    return len(separator) * len(items) + sum(len(x) if isinstance(x, str) else 32 for x in items)


def _guard_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a built-in filter that can multiply sizes so it checks the result size first."""
    skips_first = hasattr(func, "jinja_pass_arg")  # its first argument is the context or environment

    def guarded(*args: Any, **kwargs: Any) -> Any:
        values = list(args[1:] if skips_first else args)
        value = values[0] if values else None
        rest = [*values[1:], *kwargs.values()]
        text = str(value) if isinstance(value, str) else ""
        if name in ("center", "indent") and rest and isinstance(rest[0], int):
            _limit(len(text) + rest[0] * (text.count("\n") + 1), f"the '{name}' filter")
        elif name == "replace" and len(rest) >= 2:
            _limit(_replace_estimate(value, rest[0], rest[1]), "the 'replace' filter")
        elif name == "join" and isinstance(value, list | tuple):
            separator = rest[0] if rest and isinstance(rest[0], str) else ""
            _limit(_join_estimate(separator, value), "the 'join' filter")
        elif name == "format" and isinstance(value, str):
            _limit(_format_estimate(value, rest), "the 'format' filter")
        elif name in ("wordwrap", "truncate", "batch", "slice") and any(
            isinstance(r, int) and r > MAX_VALUE_SIZE for r in rest
        ):
            raise ResourceLimit(f"the '{name}' filter got a size larger than {MAX_VALUE_SIZE:,}")
        return func(*args, **kwargs)

    if skips_first:
        guarded.jinja_pass_arg = func.jinja_pass_arg  # type: ignore[attr-defined]
    return guarded


def _bounded_range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise ResourceLimit(f"range() of {len(numbers):,} numbers is larger than the {MAX_RANGE:,} allowed")
    return numbers


class _BoundedCodeGenerator(CodeGenerator):
    """Compiles `a ~ b` to a size-checked join (the sandbox has no hook for concatenation)."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.bounded_concat((")
        for part in node.nodes:
            self.visit(part, frame)
            self.write(", ")
        self.write("))")


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox plus size limits, so a template cannot exhaust memory or spin forever."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _BoundedCodeGenerator

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = _bounded_range
        for name in ("center", "indent", "replace", "join", "format", "wordwrap", "truncate", "batch", "slice"):
            self.filters[name] = _guard_filter(name, self.filters[name])

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        _check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _check_call(__obj, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    @staticmethod
    def concat(parts: Iterable[str]) -> str:
        """Join the rendered chunks, stopping as soon as the output is too long (before it fills memory)."""
        total = 0
        kept: list[str] = []
        for part in parts:
            total += len(part)
            if total > MAX_RENDERED_CHARS:
                raise ResourceLimit(f"rendered template is longer than {MAX_RENDERED_CHARS:,} characters")
            kept.append(part)
        return "".join(kept)

    @staticmethod
    def bounded_concat(parts: Iterable[Any]) -> str:
        """`a ~ b ~ c`, refused when the result would be too long."""
        texts = [str(part) for part in parts]
        _limit(sum(len(t) for t in texts), "the joined string")
        return "".join(texts)

    @staticmethod
    def bounded_iter(iterable: Iterable[Any]) -> Iterator[Any]:
        """Every loop's iterable passes through here, so all loops of one render share one iteration budget."""
        budget = _iterations.get()
        for item in iterable:
            if budget is not None:
                budget[0] += 1
                if budget[0] > MAX_ITERATIONS:
                    raise ResourceLimit(f"template loops ran more than {MAX_ITERATIONS:,} iterations")
            yield item

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Call(
                nodes.EnvironmentAttribute("bounded_iter", lineno=loop.lineno),
                [loop.iter],
                [],
                None,
                None,
                lineno=loop.lineno,
            )
        return tree


@lru_cache(maxsize=1)
def environment() -> BoundedSandbox:
    return BoundedSandbox(
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
    except (RecursionError, MemoryError):
        raise TemplateError("template is too deeply nested to compile", path, line) from None


def undeclared_names(source: str, path: Path | str, line: int | None) -> set[str]:
    try:
        ast = environment().parse(source)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"template syntax error: {exc.message}", path, _line(line, exc.lineno)) from None
    except (RecursionError, MemoryError):
        raise TemplateError("template is too deeply nested to compile", path, line) from None
    return set(meta.find_undeclared_variables(ast))


def render_template(template: jinja2.Template, values: dict[str, Any], path: Path | str, line: int | None) -> str:
    token = _iterations.set([0])
    try:
        text = template.render(**values)
    except ResourceLimit as exc:
        raise TemplateError(f"template exceeded a limit: {exc}", path, line) from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"template error: {exc.message}", path, line) from None
    except SecurityError as exc:
        raise TemplateError(f"template tried an unsafe operation: {exc}", path, line) from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"template error: {exc}", path, line) from None
    except RecursionError:
        raise TemplateError("template recursed too deeply (a macro calling itself?)", path, line) from None
    except MemoryError:
        raise TemplateError("template needs more memory than allowed", path, line) from None
    except (TypeError, ValueError, ArithmeticError, AttributeError, LookupError, OverflowError) as exc:
        raise TemplateError(f"template failed: {type(exc).__name__}: {exc}", path, line) from None
    finally:
        _iterations.reset(token)
    return text
