"""`promptops render NAME@REF`: a prompt version rendered to chat messages with the given variables."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click

from promptops.cli.common import echo_json, identity
from promptops.cli.options import format_option
from promptops.config import load_project
from promptops.errors import InputError
from promptops.githistory import resolve_ref
from promptops.prompt import Variable
from promptops.yamlio import load_yaml_file, read_text


@click.command("render")
@click.argument("ref", metavar="NAME[@REF]")
@click.option(
    "--var",
    "pairs",
    multiple=True,
    metavar="KEY=VALUE",
    help="A variable; VALUE is text for string variables, else read as a YAML scalar (n=3 is a number).",
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
    """`key=value`: text for a declared string variable, else a YAML scalar (`n=3` is an int)."""
    import yaml

    key, equals, raw = pair.partition("=")
    if not equals or not key.strip():
        raise InputError(f"--var '{pair}' must look like KEY=VALUE")
    variable = (declared or {}).get(key.strip())
    if variable is not None and variable.type == "string":
        return key.strip(), raw  # `--var ticket=123` or `--var ticket=no` stay the text typed
    try:
        value = yaml.safe_load(raw) if raw else ""
    except yaml.YAMLError:
        value = raw
    return key.strip(), value if isinstance(value, str | int | float | bool) or value is None else raw


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
