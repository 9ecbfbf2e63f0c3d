"""`promptops init [DIR]`: scaffold prompts/, suites/, an example prompt and suite, `[tool.promptops]`, .gitignore."""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path

import click

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from promptops.errors import ConfigError, InputError
from promptops.report.paths import display_path

EXAMPLES = {
    Path("prompts", "support-reply.yaml"): "prompt.yaml",
    Path("suites", "support-reply.yaml"): "suite.yaml",
}
# The run store, completion cache and embedding cache: local state, never committed.
IGNORED = ".promptops/"


@click.command("init")
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=Path))
def command(directory: Path) -> int:
    """Scaffold a promptops project in DIRECTORY (default: here); existing files are never overwritten."""
    for target in EXAMPLES:
        if (directory / target).exists():
            raise InputError("already exists; promptops init never overwrites files", display_path(directory / target))
    pyproject = directory / "pyproject.toml"
    needs_config = not _has_config(pyproject)
    for target, source in EXAMPLES.items():
        (directory / target).parent.mkdir(parents=True, exist_ok=True)
        (directory / target).write_text(_scaffold(source), encoding="utf-8")
        click.echo(f"created {display_path(directory / target)}")
    if needs_config:
        _append_config(pyproject)
    else:
        click.echo(f"kept the [tool.promptops] table already in {display_path(pyproject)}")
    _ignore_store(directory / ".gitignore")
    click.echo('next: promptops validate && promptops render support-reply --var question="Can I get a refund?"')
    return 0


def _has_config(pyproject: Path) -> bool:
    """Whether pyproject.toml exists with a [tool.promptops] table; invalid TOML is refused rather than appended to."""
    if not pyproject.exists():
        return False
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot add [tool.promptops]: not valid TOML ({exc})", display_path(pyproject)) from None
    return "promptops" in data.get("tool", {})


def _append_config(pyproject: Path) -> None:
    """Create pyproject.toml with the table, or append the table to the user's file."""
    snippet = _scaffold("tool-promptops.toml")
    if pyproject.exists():
        text = pyproject.read_text(encoding="utf-8")
        pyproject.write_text(text + ("\n" if text.endswith("\n") else "\n\n") + snippet, encoding="utf-8")
        click.echo(f"added [tool.promptops] to {display_path(pyproject)}")
    else:
        pyproject.write_text(snippet, encoding="utf-8")
        click.echo(f"created {display_path(pyproject)}")


def _ignore_store(gitignore: Path) -> None:
    """Create .gitignore with the store directory, or add that line to the user's file unless it is there."""
    if not gitignore.exists():
        gitignore.write_text(IGNORED + "\n", encoding="utf-8")
        click.echo(f"created {display_path(gitignore)}")
        return
    text = gitignore.read_text(encoding="utf-8")
    if any(line.strip().strip("/") == IGNORED.strip("/") for line in text.splitlines()):
        return
    gitignore.write_text(text + ("" if text.endswith("\n") or not text else "\n") + IGNORED + "\n", encoding="utf-8")
    click.echo(f"added {IGNORED} to {display_path(gitignore)}")


def _scaffold(name: str) -> str:
    return (files("promptops") / "scaffold" / name).read_text(encoding="utf-8")
