"""Property-based fuzzing of the loaders and the renderer: nothing but a PromptopsError may escape."""

from __future__ import annotations

import contextlib
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from promptops.errors import PromptopsError
from promptops.prompt import load_prompt_text
from promptops.suite import suite_from_document
from promptops.templating import compile_template, render_template
from promptops.yamlio import parse_yaml
from tests.hardening.harness import PROMPT, SUITE

FUZZ = settings(max_examples=250, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

YAML_PIECES = [
    "version: ",
    "messages:",
    "\n",
    "  ",
    "- ",
    "role: user",
    "content: ",
    "{{ x }}",
    "&a ",
    "*a",
    "!!int ",
    "!!str ",
    "!!python/name:os.system",
    "<<: ",
    "? ",
    ": ",
    "{",
    "}",
    "[",
    "]",
    ",",
    "'",
    '"',
    "#",
    "---",
    "...",
    "|",
    ">",
    "\t",
    "~",
    "null",
    "1",
    "-1",
    "1.5e300",
    "2024-13-45",
    "0x1g",
    "true",
    "%YAML 1.1",
    "!!binary ",
    "é",
    "\x85",
    "\ufeff",
    "\x00",
    "cases:",
    "id: a",
    "vars:",
    "assert:",
    "type: ",
    "!!set",
    "!!omap",
    "!!timestamp ",
]
JINJA_PIECES = [
    "{{ ",
    " }}",
    "{% ",
    " %}",
    "x",
    "y",
    "'a'",
    "1",
    "10**9",
    " * ",
    " ~ ",
    " + ",
    " % ",
    "|",
    "upper",
    "center(",
    "join(",
    "format(",
    ")",
    "(",
    "range(",
    "for i in ",
    "endfor",
    "if ",
    "endif",
    "set ns = namespace(v=1)",
    "ns.v",
    ".__class__",
    "lipsum",
    "cycler",
    "self",
    "loop.index",
    "[",
    "]",
    ",",
    "{#",
    "#}",
    "raw",
    "endraw",
    "macro m()",
    "endmacro",
    "m()",
    "9**9**9",
    "'%s' % x",
    "x.items()",
    "none",
    "-",
    "/",
    "//0",
    "dict(a=1)",
    "x|length",
    "x|first",
    "x|int",
    "x|sum",
    "x|attr('y')",
    "x[0]",
    "x.y",
    "\n",
    " ",
    "'{}'.format(x)",
]

json_values: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def joined(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces) | st.text(max_size=4), max_size=30).map("".join)


def mutated(text: str) -> st.SearchStrategy[str]:
    """`text` with a random slice replaced by random YAML-ish pieces."""

    @st.composite
    def build(draw: st.DrawFn) -> str:
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 40)))
        return text[:start] + draw(joined(YAML_PIECES)) + text[end:]

    return build()


def only_promptops_errors(action: Any, *args: Any) -> None:
    with contextlib.suppress(PromptopsError):
        action(*args)


@FUZZ
@given(st.text(max_size=200) | joined(YAML_PIECES))
def test_yaml_loader(text: str) -> None:
    only_promptops_errors(parse_yaml, text, "fuzz.yaml")


@FUZZ
@given(mutated(PROMPT) | json_values.map(lambda v: yaml.safe_dump({"version": 1, "messages": v})))
def test_prompt_loader(text: str) -> None:
    only_promptops_errors(load_prompt_text, text, "prompts/fuzz.yaml")


@FUZZ
@given(mutated(SUITE) | json_values.map(lambda v: yaml.safe_dump({"prompt": "p", "cases": v})))
def test_suite_loader(text: str) -> None:
    only_promptops_errors(lambda t: suite_from_document(parse_yaml(t, "suites/fuzz.yaml")), text)


@FUZZ
@given(joined(JINJA_PIECES), st.dictionaries(st.sampled_from(["x", "y", "ns"]), json_values, max_size=3))
def test_renderer(source: str, values: dict[str, Any]) -> None:
    def render() -> None:
        template = compile_template(source, "prompts/fuzz.yaml", 4)
        render_template(template, values, "prompts/fuzz.yaml", 4)

    only_promptops_errors(render)


@FUZZ
@given(json_values, json_values)
def test_rendering_a_valid_prompt_with_any_values(question: Any, extra: Any) -> None:
    prompt = load_prompt_text(PROMPT, "prompts/support.yaml")
    only_promptops_errors(lambda: prompt.render(question=question, extra=extra))
    only_promptops_errors(lambda: prompt.render(question=question))
