"""Opening SQLite databases the way every promptops store needs: WAL, busy timeout, migrations."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from promptops.errors import StoreError

BUSY_TIMEOUT_S = 60.0
# Writes are grouped into one transaction per this many seconds (or rows): a commit costs more than a row, and a
# run of a thousand fast cases would otherwise spend a third of its CPU committing. A crash loses at most this much.
WRITE_INTERVAL_S = 0.25
MAX_PENDING_ROWS = 256


def open_wal(path: Path, timeout: float = BUSY_TIMEOUT_S) -> sqlite3.Connection:
    """A connection to `path` (created if needed) in WAL mode, waiting up to `timeout` s for other processes.

    Switching a new database to WAL can fail at once with "database is locked" while another process opens
    the same file: SQLite does not call its busy handler for that switch. So the switch is retried until
    `timeout` instead of failing the second of two processes that start together.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
    deadline = time.monotonic() + timeout
    delay = 0.005
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            break
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() + delay > deadline:
                conn.close()
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.1)
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    message = str(exc)
    return "locked" in message or "busy" in message


def connect(path: Path, migrations: Sequence[str]) -> sqlite3.Connection:
    """Open (creating if needed) a WAL-mode database and apply pending migrations in order."""
    try:
        conn = open_wal(path)
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


Write = Callable[[sqlite3.Connection], object]


class SqliteDatabase:
    """A lazily opened connection shared by the threads of one process, guarded by a lock.

    `write()` queues a change; queued changes are committed together in one transaction at most
    `WRITE_INTERVAL_S` after the first of them was queued (a timer sees to it when no other write comes), when
    `MAX_PENDING_ROWS` are waiting, and always by `flush()`, every read and `close()`. A batch that fails is
    retried change by change, so one bad change loses only itself; the first error is raised to the caller of
    the next `write()`, `flush()`, read or `close()`.
    """

    migrations: Sequence[str] = ()

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._pending: list[Write] = []
        self._last_commit = 0.0
        self._timer: threading.Timer | None = None
        self._error: BaseException | None = None

    def write(self, change: Write) -> None:
        """Queue `change`; commit everything queued when it is due."""
        with self._lock:
            self._queue(change)

    def _queue(self, change: Write) -> None:
        """`write()` for a caller that holds the lock."""
        self._raise_stored_error()
        self._pending.append(change)
        due = len(self._pending) >= MAX_PENDING_ROWS or time.monotonic() - self._last_commit >= WRITE_INTERVAL_S
        if due:
            self._commit_pending()
        elif self._timer is None:
            self._timer = threading.Timer(WRITE_INTERVAL_S, self._commit_on_timer)
            self._timer.daemon = True
            self._timer.start()

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection, under the lock, with every queued change committed first (reads see all writes)."""
        with self._lock:
            self._commit_pending()
            self._raise_stored_error()
            yield self.conn

    def flush(self) -> None:
        """Commit every queued change now."""
        with self._lock:
            self._commit_pending()
            self._raise_stored_error()

    def _commit_on_timer(self) -> None:
        with self._lock:
            self._timer = None
            try:
                self._commit_pending()
            except BaseException as exc:  # kept for the owner's next call: a timer thread has no one to tell
                self._error = self._error or exc

    def _raise_stored_error(self) -> None:
        error, self._error = self._error, None
        if error is not None:
            raise error

    def _commit_pending(self) -> None:
        """One transaction for all queued changes (the caller holds the lock); if it fails, one per change."""
        changes, self._pending = self._pending, []
        self._last_commit = time.monotonic()
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if not changes:
            return
        try:
            self._transaction(changes)
        except sqlite3.Error:
            errors: list[sqlite3.Error] = []
            for change in changes:
                try:
                    self._transaction([change])
                except sqlite3.Error as exc:
                    errors.append(exc)
            if errors:
                raise errors[0] from None
        finally:
            self._after_commit()

    def _transaction(self, changes: list[Write]) -> None:
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            for change in changes:
                change(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _after_commit(self) -> None:
        """Called under the lock once queued changes are committed (or given up); subclasses drop their copies."""

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = connect(self.path, self.migrations)
        return self._conn

    def close(self) -> None:
        try:
            self.flush()
        finally:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
