"""`promptops show NAME@REF`: one version of a prompt, as YAML or JSON, with its identity."""

from __future__ import annotations

import click

from promptops.cli.common import echo_json, identity
from promptops.cli.options import format_option
from promptops.config import load_project
from promptops.githistory import resolve_ref


@click.command("show")
@click.argument("ref", metavar="NAME[@REF]")
@format_option(("yaml", "json"))
def command(ref: str, fmt: str) -> int:
    """Show prompt NAME at REF (a version like 3, a git rev like main, or nothing for the working tree)."""
    prompt = resolve_ref(load_project(), ref)
    about = identity(prompt)
    if fmt == "json":
        echo_json({**about, "spec": prompt.spec.model_dump(mode="json", by_alias=True), "text": prompt.text})
        return 0
    origin = about["commit"] or "working tree"
    click.echo(f"# {prompt.name}@{prompt.version}  {origin}  {about['path']}")
    click.echo(prompt.text.rstrip("\n"))
    return 0
