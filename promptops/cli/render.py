"""`promptops render NAME@REF`: a prompt version rendered to chat messages with the given variables."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click

from promptops.cli.common import echo_json, identity
from promptops.cli.options import format_option
from promptops.config import load_project
from promptops.errors import InputError
from promptops.githistory import resolve_ref
from promptops.prompt import Variable, VariableType
from promptops.yamlio import load_yaml_file, read_text


@click.command("render")
@click.argument("ref", metavar="NAME[@REF]")
@click.option(
    "--var",
    "pairs",
    multiple=True,
    metavar="KEY=VALUE",
    help='A variable; VALUE is read as its declared type (n=3 is 3 for an integer, "3" for a string).',
)
@click.option("--vars", "vars_file", type=click.Path(dir_okay=False, path_type=Path), help="A .yaml or .json mapping.")
@format_option(("text", "json"))
def command(ref: str, pairs: tuple[str, ...], vars_file: Path | None, fmt: str) -> int:
    """Render prompt NAME at REF with --var and --vars values (--var wins) and print the messages."""
    prompt = resolve_ref(load_project(), ref)
    declared = prompt.spec.variables
    given = dict(parse_var(pair, declared) for pair in pairs)
    values = {**(read_vars_file(vars_file) if vars_file else {}), **given}
    origin = "--var" if pairs or vars_file is None else vars_file
    messages = prompt.render(**prompt.check_variables(values, where=origin))
    if fmt == "json":
        echo_json({"prompt": identity(prompt), "variables": values, "messages": messages})
    else:
        click.echo("\n\n".join(f"[{m['role']}]\n{m['content']}" for m in messages))
    return 0


def parse_var(pair: str, declared: Mapping[str, Variable] | None = None) -> tuple[str, Any]:
    """`key=value`, the value read as the variable's declared type (`n=3` is 3 for an integer, "3" for a string);
    an undeclared variable's value is read as a YAML scalar."""
    key, equals, raw = pair.partition("=")
    key = key.strip()
    if not equals or not key:
        raise InputError(f"--var '{pair}' must look like KEY=VALUE")
    variable = (declared or {}).get(key)
    if variable is None:
        return key, _yaml_value(raw, scalar=True)
    try:
        return key, _typed_value(variable.type, raw)
    except ValueError:
        raise InputError(f"variable '{key}' must be {variable.type}, got '{raw}'", "--var") from None


_INTEGER = re.compile(r"[+-]?[0-9]+")
_BOOLEANS = {"true": True, "false": False}


def _typed_value(kind: VariableType, raw: str) -> Any:
    """Text typed on the command line as a value of `kind`; ValueError when it is not one. Decimal numbers only, so
    `010` is ten, not YAML's octal eight."""
    text = raw.strip()
    if kind == "string":
        return raw
    if _INTEGER.fullmatch(text) and kind in ("integer", "number"):
        return int(text)
    if kind == "number" and math.isfinite(number := float(text)):
        return number
    if kind == "boolean" and text.lower() in _BOOLEANS:
        return _BOOLEANS[text.lower()]
    if kind in ("array", "object"):
        return _yaml_value(raw, scalar=False)  # the variable's contract checks the kind of collection
    raise ValueError(raw)


def _yaml_value(raw: str, *, scalar: bool) -> Any:
    """`raw` read as YAML (`[a, b]`, `{k: v}`, `3`); the text itself when it is not YAML (or, with `scalar`, not
    a scalar)."""
    import yaml

    try:
        value = yaml.safe_load(raw) if raw else ""
    except yaml.YAMLError:
        return raw
    return raw if scalar and not (isinstance(value, str | int | float | bool) or value is None) else value


def read_vars_file(path: Path) -> dict[str, Any]:
    """The mapping in a --vars file (.yaml, .yml or .json), with `path:line` errors."""
    if path.suffix in (".yaml", ".yml"):
        return load_yaml_file(path).data
    if path.suffix != ".json":
        raise InputError(f"--vars file must end in .yaml, .yml or .json, got '{path.suffix or path.name}'", path)
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise InputError(f"JSON syntax error: {exc.msg}", path, exc.lineno) from None
    if not isinstance(data, dict):
        raise InputError(f"top level is a {type(data).__name__}, expected an object of variables", path, 1)
    return data
