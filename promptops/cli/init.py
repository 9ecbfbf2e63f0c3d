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
    needs_ignore = _store_line_missing(directory / ".gitignore")
    for target, source in EXAMPLES.items():
        (directory / target).parent.mkdir(parents=True, exist_ok=True)
        (directory / target).write_text(_scaffold(source), encoding="utf-8")
        click.echo(f"created {display_path(directory / target)}")
    if needs_config:
        _append_config(pyproject)
    else:
        click.echo(f"kept the [tool.promptops] table already in {display_path(pyproject)}")
    if needs_ignore:
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


def _store_line_missing(gitignore: Path) -> bool:
    """Whether .gitignore lacks the store's line (checked before anything is written: a .gitignore that is a
    directory or unreadable stops init with nothing created)."""
    if not gitignore.exists():
        return True
    if not gitignore.is_file():
        raise InputError("is not a file; promptops init needs to add .promptops/ to it", display_path(gitignore))
    try:
        text = gitignore.read_bytes().decode("utf-8", errors="surrogateescape")
    except OSError as exc:
        raise InputError(f"cannot read it: {exc.strerror}", display_path(gitignore)) from None
    return not any(line.strip().strip("/") == IGNORED.strip("/") for line in text.splitlines())


def _ignore_store(gitignore: Path) -> None:
    """Create .gitignore with the store directory, or append that line to the user's file (its bytes kept)."""
    if not gitignore.exists():
        gitignore.write_text(IGNORED + "\n", encoding="utf-8")
        click.echo(f"created {display_path(gitignore)}")
        return
    data = gitignore.read_bytes()
    gitignore.write_bytes(data + (b"" if data.endswith(b"\n") or not data else b"\n") + IGNORED.encode() + b"\n")
    click.echo(f"added {IGNORED} to {display_path(gitignore)}")


def _scaffold(name: str) -> str:
    return (files("promptops") / "scaffold" / name).read_text(encoding="utf-8")
