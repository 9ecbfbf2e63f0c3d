"""Opening SQLite databases the way every promptops store needs: WAL, busy timeout, migrations."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

from promptops.errors import StoreError

BUSY_TIMEOUT_S = 60.0


def connect(path: Path, migrations: Sequence[str]) -> sqlite3.Connection:
    """Open (creating if needed) a WAL-mode database and apply pending migrations in order."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        _migrate(conn, migrations)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open database: {exc}") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot create database: {exc.strerror}") from None
    return conn


def _migrate(conn: sqlite3.Connection, migrations: Sequence[str]) -> None:
    """Apply migrations past `PRAGMA user_version`, each in its own exclusive transaction."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    if current >= len(migrations):
        return
    conn.execute("BEGIN EXCLUSIVE")
    try:
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        for version in range(current, len(migrations)):
            for statement in migrations[version].split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version={version + 1}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


class SqliteDatabase:
    """A lazily opened connection shared by the threads of one process, guarded by a lock."""

    migrations: Sequence[str] = ()

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = connect(self.path, self.migrations)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
