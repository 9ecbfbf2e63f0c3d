"""`write_atomic`: whole files or none, and a plain reason when the file cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest

from promptops.errors import InputError
from promptops.fileio import write_atomic


def test_writes_creating_missing_directories(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "report.md"
    write_atomic(target, "hello\n")
    assert target.read_text(encoding="utf-8") == "hello\n"
    assert [p.name for p in target.parent.iterdir()] == ["report.md"]  # no temporary file left behind


@pytest.mark.parametrize("below", ["x.md", "deeper/x.md"])
def test_a_file_where_a_directory_must_be_is_named(tmp_path: Path, below: str) -> None:
    (tmp_path / "seed.jsonl").write_text("{}\n", encoding="utf-8")
    target = tmp_path / "seed.jsonl" / below
    with pytest.raises(InputError) as info:
        write_atomic(target, "x")
    assert str(info.value) == f"{target}: cannot write the file: {tmp_path / 'seed.jsonl'} is not a directory"
