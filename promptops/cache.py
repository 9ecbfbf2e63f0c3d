"""The local completion cache: a request's hash maps to its Output. Errors are never cached."""

from __future__ import annotations

import time

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


class CompletionCache(SqliteDatabase):
    """SQLite-backed cache, safe for several processes (pytest-xdist workers) at once."""

    migrations = MIGRATIONS

    def get(self, request: CompletionRequest) -> Output | None:
        with self._lock:
            row = self.conn.execute("SELECT output FROM completions WHERE key = ?", (request.cache_key(),)).fetchone()
        if row is None:
            return None
        return Output.model_validate_json(row[0]).model_copy(update={"cached": True})

    def put(self, request: CompletionRequest, output: Output) -> None:
        stored = output.model_copy(update={"cached": False, "raw": None})
        with self._lock:
            self.conn.execute(
                "INSERT OR REPLACE INTO completions (key, provider, model, output, created) VALUES (?, ?, ?, ?, ?)",
                (request.cache_key(), request.provider, request.model, stored.model_dump_json(), time.time()),
            )
