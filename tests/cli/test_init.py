"""`promptops init`: scaffolds a runnable project and never overwrites a user's file."""

from __future__ import annotations

import subprocess
from pathlib import Path

import tomllib

from tests.cli.helpers import Cli, run_entry_point


def test_init_scaffolds_a_project_that_validates_and_renders(tmp_path: Path) -> None:
    created = run_entry_point("init", "proj", cwd=tmp_path)
    assert created.code == 0, created.err
    root = tmp_path / "proj"
    assert {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()} == {
        "prompts/support-reply.yaml",
        "suites/support-reply.yaml",
        "pyproject.toml",
        ".gitignore",
    }
    assert (root / ".gitignore").read_text() == ".promptops/\n"
    assert tomllib.loads((root / "pyproject.toml").read_text())["tool"]["promptops"]["prompts_dir"] == "prompts"
    assert "provider: echo" in (root / "prompts" / "support-reply.yaml").read_text()
    validated = run_entry_point("validate", cwd=root)
    assert (validated.code, validated.out.strip()) == (0, "OK: 1 prompt file(s) and 1 suite file(s) valid")
    rendered = run_entry_point("render", "support-reply", "--var", "question=Where is my parcel?", cwd=root)
    assert rendered.code == 0
    assert rendered.out.endswith("[user]\nWhere is my parcel?\n")


def test_init_appends_the_table_to_an_existing_pyproject(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "mine"', encoding="utf-8")
    result = cli("init", cwd=tmp_path)
    assert result.code == 0
    assert "added [tool.promptops] to pyproject.toml" in result.out
    data = tomllib.loads((tmp_path / "pyproject.toml").read_text())
    assert data["project"]["name"] == "mine" and data["tool"]["promptops"]["suites_dir"] == "suites"


def test_init_keeps_an_existing_promptops_table(tmp_path: Path, cli: Cli) -> None:
    original = '[tool.promptops]\nprompts_dir = "prompts"\nconcurrency = 2\n'
    (tmp_path / "pyproject.toml").write_text(original, encoding="utf-8")
    result = cli("init", cwd=tmp_path)
    assert result.code == 0 and "kept the [tool.promptops] table" in result.out
    assert (tmp_path / "pyproject.toml").read_text() == original


def test_init_refuses_to_overwrite_and_writes_nothing(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "suites").mkdir()
    (tmp_path / "suites" / "support-reply.yaml").write_text("mine\n", encoding="utf-8")
    result = cli("init", cwd=tmp_path)
    assert result.code == 2
    assert (
        result.err.strip() == "error: suites/support-reply.yaml: already exists; promptops init never overwrites files"
    )
    assert not (tmp_path / "prompts").exists() and not (tmp_path / "pyproject.toml").exists()
    assert not (tmp_path / ".gitignore").exists()
    assert (tmp_path / "suites" / "support-reply.yaml").read_text() == "mine\n"


def test_init_refuses_an_invalid_pyproject(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "pyproject.toml").write_text("[project\n", encoding="utf-8")
    result = cli("init", cwd=tmp_path)
    assert result.code == 2
    assert result.err.startswith("error: pyproject.toml: cannot add [tool.promptops]: not valid TOML")
    assert not (tmp_path / "prompts").exists()


def test_init_adds_the_store_to_an_existing_gitignore_once(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / ".gitignore").write_text("__pycache__/\n*.log", encoding="utf-8")
    first = cli("init", cwd=tmp_path)
    assert first.code == 0 and "added .promptops/ to .gitignore" in first.out
    assert (tmp_path / ".gitignore").read_text() == "__pycache__/\n*.log\n.promptops/\n"
    for example in ("prompts/support-reply.yaml", "suites/support-reply.yaml"):
        (tmp_path / example).unlink()
    second = cli("init", cwd=tmp_path)
    assert second.code == 0 and ".gitignore" not in second.out
    assert (tmp_path / ".gitignore").read_text() == "__pycache__/\n*.log\n.promptops/\n"


def test_the_store_of_a_scaffolded_project_stays_out_of_git(tmp_path: Path, cli: Cli) -> None:
    assert cli("init", cwd=tmp_path).code == 0
    assert cli("run", cwd=tmp_path).code == 0
    assert (tmp_path / ".promptops").is_dir()
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "-A"], cwd=tmp_path, check=True)
    staged = subprocess.run(["git", "diff", "--cached", "--name-only"], cwd=tmp_path, check=True, capture_output=True)
    names = staged.stdout.decode().split()
    assert "prompts/support-reply.yaml" in names
    assert not [n for n in names if n.startswith(".promptops/")]


def test_a_gitignore_in_another_encoding_keeps_its_bytes(tmp_path: Path, cli: Cli) -> None:
    original = "caf\xe9/\n".encode("latin-1")
    (tmp_path / ".gitignore").write_bytes(original)
    result = cli("init", cwd=tmp_path)
    assert result.code == 0, result.err
    assert (tmp_path / ".gitignore").read_bytes() == original + b".promptops/\n"


def test_a_gitignore_that_is_a_directory_stops_init_before_it_writes(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / ".gitignore").mkdir()
    result = cli("init", cwd=tmp_path)
    assert result.code == 2
    assert result.err.strip() == "error: .gitignore: is not a file; promptops init needs to add .promptops/ to it"
    assert not (tmp_path / "prompts").exists() and not (tmp_path / "pyproject.toml").exists()
