"""The local completion cache: a request's hash maps to its Output. Errors are never cached."""

from __future__ import annotations

import time
from pathlib import Path

from promptops.providers.base import CompletionRequest, Output
from promptops.sqlite_util import SqliteDatabase

MIGRATIONS = [
    """
    CREATE TABLE completions (
        key TEXT PRIMARY KEY,
        provider TEXT NOT NULL,
        model TEXT NOT NULL,
        output TEXT NOT NULL,
        created REAL NOT NULL
    )
    """,
]


INSERT = "INSERT OR REPLACE INTO completions (key, provider, model, output, created) VALUES (?, ?, ?, ?, ?)"


class CompletionCache(SqliteDatabase):
    """SQLite-backed cache, safe for several processes (pytest-xdist workers) at once."""

    migrations = MIGRATIONS

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._unsaved: dict[str, str] = {}  # key -> output JSON, put but not yet committed

    def get(self, request: CompletionRequest) -> Output | None:
        key = request.cache_key()
        with self._lock:
            found = self._unsaved.get(key)
            if found is None:
                row = self.conn.execute("SELECT output FROM completions WHERE key = ?", (key,)).fetchone()
                found = row[0] if row is not None else None
        if found is None:
            return None
        return Output.model_validate_json(found).model_copy(update={"cached": True})

    def put(self, request: CompletionRequest, output: Output) -> None:
        key = request.cache_key()
        stored = output.model_copy(update={"cached": False, "raw": None}).model_dump_json()
        row = (key, request.provider, request.model, stored, time.time())
        with self._lock:  # one acquisition: a commit in between cannot drop the entry before it is queued
            self._unsaved[key] = stored
            self._queue(lambda conn: conn.execute(INSERT, row))

    def _after_commit(self) -> None:
        self._unsaved.clear()
