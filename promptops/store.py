"""The run store: every run, case and sample in SQLite under `.promptops/`, written as results finish."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection
from typing import Any

from promptops.results import AssertionResult, CaseResult, RunRecord, SampleResult
from promptops.sqlite_util import SqliteDatabase

MIGRATIONS = [
    """
    CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        suite TEXT NOT NULL,
        suite_path TEXT NOT NULL,
        suite_commit TEXT,
        suite_hash TEXT NOT NULL,
        prompt TEXT NOT NULL,
        prompt_version INTEGER NOT NULL,
        prompt_commit TEXT,
        prompt_ref TEXT NOT NULL,
        prompt_hash TEXT NOT NULL,
        prompt_chars INTEGER NOT NULL,
        provider TEXT NOT NULL,
        model TEXT NOT NULL,
        params TEXT NOT NULL,
        repeat INTEGER NOT NULL,
        threshold REAL NOT NULL,
        started_at REAL NOT NULL,
        finished_at REAL,
        status TEXT NOT NULL
    );
    CREATE INDEX runs_by_prompt ON runs (prompt, suite, prompt_hash, started_at);
    CREATE TABLE cases (
        run_id TEXT NOT NULL REFERENCES runs (id),
        case_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        line INTEGER,
        vars TEXT NOT NULL,
        expected TEXT NOT NULL,
        messages TEXT NOT NULL,
        threshold REAL NOT NULL,
        PRIMARY KEY (run_id, case_id)
    );
    CREATE TABLE samples (
        run_id TEXT NOT NULL,
        case_id TEXT NOT NULL,
        sample INTEGER NOT NULL,
        output TEXT,
        error TEXT,
        assertions TEXT NOT NULL,
        passed INTEGER NOT NULL,
        score REAL NOT NULL,
        latency_ms REAL NOT NULL,
        prompt_tokens INTEGER,
        completion_tokens INTEGER,
        cost_usd REAL,
        cached INTEGER NOT NULL,
        PRIMARY KEY (run_id, case_id, sample)
    )
    """,
]

UPDATE_STATUS = "UPDATE runs SET status = ?, finished_at = ? WHERE id = ?"
_RUN_COLUMNS = (
    "id, suite, suite_path, suite_commit, suite_hash, prompt, prompt_version, prompt_commit, prompt_ref, "
    "prompt_hash, prompt_chars, provider, model, params, repeat, threshold, started_at, finished_at, status"
)


class RunStore(SqliteDatabase):
    """Reads and writes runs; finished cases are committed within `WRITE_INTERVAL_S`, and at once when a run ends."""

    migrations = MIGRATIONS

    def start_run(self, run: RunRecord) -> None:
        values = (
            run.id,
            run.suite,
            run.suite_path,
            run.suite_commit,
            run.suite_hash,
            run.prompt,
            run.prompt_version,
            run.prompt_commit,
            run.prompt_ref,
            run.prompt_hash,
            run.prompt_chars,
            run.provider,
            run.model,
            json.dumps(run.params, sort_keys=True),
            run.repeat,
            run.threshold,
            run.started_at,
            run.finished_at,
            run.status,
        )
        insert = f"INSERT OR IGNORE INTO runs ({_RUN_COLUMNS}) VALUES ({', '.join('?' * 19)})"
        self.write(lambda conn: conn.execute(insert, values))
        self.flush()

    def add_case(self, run_id: str, position: int, case: CaseResult) -> None:
        """Store one finished case with all its samples (atomically, in the next commit)."""
        case_row = (
            run_id,
            case.case_id,
            position,
            case.line,
            _dump(case.vars),
            _dump(case.expected),
            _dump(case.messages),
            case.threshold,
        )
        sample_rows = [_sample_row(run_id, case.case_id, s) for s in case.samples]

        def insert(conn: sqlite3.Connection) -> None:
            conn.execute("INSERT OR REPLACE INTO cases VALUES (?, ?, ?, ?, ?, ?, ?, ?)", case_row)
            conn.executemany(
                "INSERT OR REPLACE INTO samples VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", sample_rows
            )

        self.write(insert)

    def finish_run(self, run_id: str, status: str, finished_at: float) -> None:
        """Mark the run finished, committing every case queued before it."""
        self.write(lambda conn: conn.execute(UPDATE_STATUS, (status, finished_at, run_id)))
        self.flush()

    def load_run(self, run_id: str) -> RunRecord | None:
        with self.reading() as conn:
            row = conn.execute(f"SELECT {_RUN_COLUMNS} FROM runs WHERE id = ?", (run_id,)).fetchone()
        return self._hydrate(row) if row else None

    def latest_run(
        self,
        *,
        suite: str,
        prompt: str,
        prompt_hash: str,
        provider: str | None = None,
        model: str | None = None,
        suite_hash: str | None = None,
        repeat: int | None = None,
        case_ids: Collection[str] | None = None,
        complete_only: bool = True,
    ) -> RunRecord | None:
        """The newest stored run of this suite on this exact prompt content (and provider, model, suite content,
        repeats and exactly these cases if given: a run of other cases, `pytest -k`, does not hide one of these)."""
        equal = {"suite": suite, "prompt": prompt, "prompt_hash": prompt_hash, "repeat": repeat}
        found = self._select(
            {**equal, "provider": provider, "model": model, "suite_hash": suite_hash}, complete_only, 1, cases=case_ids
        )
        return found[0] if found else None

    def runs(
        self, *, prompt: str | None = None, suite: str | None = None, complete_only: bool = True
    ) -> list[RunRecord]:
        """Stored runs, newest first, optionally for one prompt and/or suite."""
        return self._select({"prompt": prompt, "suite": suite}, complete_only)

    def _select(
        self,
        equal: dict[str, Any],
        complete_only: bool,
        limit: int | None = None,
        *,
        cases: Collection[str] | None = None,
    ) -> list[RunRecord]:
        """Runs whose columns equal the given values (None: any value), holding exactly the case ids `cases` if
        given (as many cases, none of them another), newest first."""
        query = f"SELECT {_RUN_COLUMNS} FROM runs WHERE 1 = 1"
        args: list[Any] = []
        for column, value in equal.items():
            if value is not None:
                query += f" AND {column} = ?"
                args.append(value)
        if cases is not None:
            wanted = sorted(set(cases))
            query += (
                " AND (SELECT count(*) FROM cases WHERE cases.run_id = runs.id) = ?"
                " AND NOT EXISTS (SELECT 1 FROM cases WHERE cases.run_id = runs.id"
                " AND case_id NOT IN (SELECT value FROM json_each(?)))"
            )
            args += [len(wanted), json.dumps(wanted)]
        if complete_only:
            query += " AND status = 'complete'"
        query += " ORDER BY started_at DESC" + (f" LIMIT {limit}" if limit is not None else "")
        with self.reading() as conn:
            rows = conn.execute(query, args).fetchall()
        return [self._hydrate(r) for r in rows]

    def _hydrate(self, row: tuple[Any, ...]) -> RunRecord:
        names = [c.strip() for c in _RUN_COLUMNS.split(",")]
        data = dict(zip(names, row, strict=True))
        data["params"] = json.loads(data["params"])
        run = RunRecord.model_validate(data)
        with self.reading() as conn:
            case_rows = conn.execute(
                "SELECT case_id, line, vars, expected, messages, threshold FROM cases "
                "WHERE run_id = ? ORDER BY position",
                (run.id,),
            ).fetchall()
            sample_rows = conn.execute(
                "SELECT case_id, sample, output, error, assertions, passed, score, latency_ms, prompt_tokens, "
                "completion_tokens, cost_usd, cached FROM samples WHERE run_id = ? ORDER BY case_id, sample",
                (run.id,),
            ).fetchall()
        samples: dict[str, list[SampleResult]] = {}
        for s in sample_rows:
            samples.setdefault(s[0], []).append(
                SampleResult(
                    sample=s[1],
                    output=s[2],
                    error=s[3],
                    assertions=[AssertionResult.model_validate(a) for a in json.loads(s[4])],
                    passed=bool(s[5]),
                    score=s[6],
                    latency_ms=s[7],
                    prompt_tokens=s[8],
                    completion_tokens=s[9],
                    cost_usd=s[10],
                    cached=bool(s[11]),
                )
            )
        run.cases = [
            CaseResult(
                case_id=c[0],
                line=c[1],
                vars=json.loads(c[2]),
                expected=json.loads(c[3]),
                messages=json.loads(c[4]),
                threshold=c[5],
                samples=samples.get(c[0], []),
            )
            for c in case_rows
        ]
        return run

    def integrity_check(self) -> str:
        with self.reading() as conn:
            return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def _dump(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _sample_row(run_id: str, case_id: str, s: SampleResult) -> tuple[Any, ...]:
    return (
        run_id,
        case_id,
        s.sample,
        s.output,
        s.error,
        json.dumps([a.model_dump() for a in s.assertions]),
        int(s.passed),
        s.score,
        s.latency_ms,
        s.prompt_tokens,
        s.completion_tokens,
        s.cost_usd,
        int(s.cached),
    )
