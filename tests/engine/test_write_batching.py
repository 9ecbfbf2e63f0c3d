"""Queued SQLite writes: grouped into few commits, always visible to reads, all-or-nothing, kept on close."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from promptops import sqlite_util
from promptops.sqlite_util import SqliteDatabase


class Notes(SqliteDatabase):
    migrations = ("CREATE TABLE notes (n INTEGER PRIMARY KEY)",)

    def add(self, n: int) -> None:
        self.write(lambda conn: conn.execute("INSERT INTO notes VALUES (?)", (n,)))

    def count(self) -> int:
        with self.reading() as conn:
            return int(conn.execute("SELECT count(*) FROM notes").fetchone()[0])


def committed(path: Path) -> int:
    """Rows another connection sees: what has really been committed."""
    with sqlite3.connect(path) as other:
        return int(other.execute("SELECT count(*) FROM notes").fetchone()[0])


def test_writes_within_the_interval_share_one_commit(tmp_path: Path) -> None:
    notes = Notes(tmp_path / "n.sqlite")
    for n in range(50):
        notes.add(n)
    assert committed(tmp_path / "n.sqlite") == 1  # the first write commits at once, the rest wait for the interval
    notes.flush()
    assert committed(tmp_path / "n.sqlite") == 50
    notes.close()


def test_a_write_after_the_interval_commits_everything_queued(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [100.0]
    monkeypatch.setattr(sqlite_util.time, "monotonic", lambda: clock[0])
    notes = Notes(tmp_path / "n.sqlite")
    notes.add(0)
    notes.add(1)
    notes.add(2)
    assert committed(tmp_path / "n.sqlite") == 1
    clock[0] += sqlite_util.WRITE_INTERVAL_S
    notes.add(3)
    assert committed(tmp_path / "n.sqlite") == 4
    notes.close()


def test_too_many_queued_rows_commit_without_waiting(tmp_path: Path) -> None:
    notes = Notes(tmp_path / "n.sqlite")
    for n in range(sqlite_util.MAX_PENDING_ROWS + 1):
        notes.add(n)
    assert committed(tmp_path / "n.sqlite") == sqlite_util.MAX_PENDING_ROWS + 1
    notes.close()


def test_reads_see_queued_writes_and_close_keeps_them(tmp_path: Path) -> None:
    notes = Notes(tmp_path / "n.sqlite")
    for n in range(5):
        notes.add(n)
    assert notes.count() == 5
    notes.add(5)
    notes.close()
    assert committed(tmp_path / "n.sqlite") == 6


def test_a_failing_change_loses_only_itself(tmp_path: Path) -> None:
    notes = Notes(tmp_path / "n.sqlite")
    notes.add(1)  # committed at once: the first write of the interval
    notes.add(2)
    notes.add(1)  # primary key clash: the batch fails, then each change is tried on its own
    notes.add(3)
    with pytest.raises(sqlite3.IntegrityError):
        notes.flush()
    assert committed(tmp_path / "n.sqlite") == 3
    notes.close()


def test_queued_writes_are_committed_without_a_later_write(tmp_path: Path) -> None:
    notes = Notes(tmp_path / "n.sqlite")
    notes.add(0)
    notes.add(1)
    assert committed(tmp_path / "n.sqlite") == 1
    deadline = time.monotonic() + 10 * sqlite_util.WRITE_INTERVAL_S
    while committed(tmp_path / "n.sqlite") < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert committed(tmp_path / "n.sqlite") == 2  # the timer committed it: a kill now would lose nothing
    notes.close()


def test_an_error_on_the_timer_reaches_the_owner(tmp_path: Path) -> None:
    notes = Notes(tmp_path / "n.sqlite")
    notes.add(1)
    notes.add(1)
    deadline = time.monotonic() + 10 * sqlite_util.WRITE_INTERVAL_S
    while notes._timer is not None and time.monotonic() < deadline:
        time.sleep(0.02)
    with pytest.raises(sqlite3.IntegrityError):
        notes.add(2)
    notes.close()
    assert committed(tmp_path / "n.sqlite") == 1
