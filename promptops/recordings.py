"""Committed recordings: one sorted JSON-lines file per suite, replayed for free, deterministic CI."""

from __future__ import annotations

import fcntl
import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from promptops.errors import InputError
from promptops.fileio import write_atomic
from promptops.providers.base import CompletionRequest, Output


class Recording(BaseModel):
    """One recorded completion, with enough context for a reviewer reading the diff."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str
    prompt: str
    version: int
    case: str
    sample: int
    provider: str
    model: str
    text: str
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    # Absent from lines recorded before they were kept, and left out when unknown, so those lines stay as they are.
    latency_ms: int | None = None  # whole milliseconds: sub-millisecond jitter is noise, not a measurement
    cost_usd: float | None = None

    def sort_key(self) -> tuple[str, int, str, int, str]:
        return (self.prompt, self.version, self.case, self.sample, self.key)

    def to_output(self) -> Output:
        return Output(
            text=self.text,
            prompt_tokens=self.prompt_tokens,
            completion_tokens=self.completion_tokens,
            latency_ms=float(self.latency_ms or 0),
            cost_usd=self.cost_usd,
            cached=True,
        )

    def same_answer(self, other: Recording) -> bool:
        """Equal but for the latency: re-recording an unchanged answer keeps its line, whatever this call took."""
        return self.latency_ms is not None and self == other.model_copy(update={"latency_ms": self.latency_ms})

    def to_line(self) -> str:
        data = self.model_dump()
        for optional in ("latency_ms", "cost_usd"):
            if data[optional] is None:
                del data[optional]
        return json.dumps(data, ensure_ascii=False) + "\n"


class RecordingFile:
    """The recordings of one suite; reads once, buffers new entries, merges them in on flush."""

    def __init__(self, path: Path, *, rewrite_damaged: bool = False) -> None:
        self.path = path
        self.rewrite_damaged = rewrite_damaged
        self._entries: dict[str, Recording] | None = None
        self._pending: dict[str, Recording] = {}
        self._lock = threading.Lock()

    @property
    def entries(self) -> dict[str, Recording]:
        if self._entries is None:
            self._entries = read_recordings(self.path, skip_damaged=self.rewrite_damaged)
        return self._entries

    def get(self, request: CompletionRequest) -> Output | None:
        key = request.cache_key()
        with self._lock:
            found = self._pending.get(key) or self.entries.get(key)
        return found.to_output() if found else None

    def add(self, request: CompletionRequest, output: Output, *, prompt: str, version: int, case: str) -> None:
        entry = Recording(
            key=request.cache_key(),
            prompt=prompt,
            version=version,
            case=case,
            sample=request.sample,
            provider=request.provider,
            model=request.model,
            text=output.text,
            prompt_tokens=output.prompt_tokens,
            completion_tokens=output.completion_tokens,
            latency_ms=round(output.latency_ms),
            cost_usd=output.cost_usd,
        )
        with self._lock:
            self._pending[entry.key] = entry

    def flush(self) -> int:
        """Merge pending entries into the file under an exclusive lock; returns how many were new or changed."""
        with self._lock:
            pending, self._pending = self._pending, {}
        if not pending:
            return 0
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _directory_lock(self.path.parent):
            merged = read_recordings(self.path, skip_damaged=self.rewrite_damaged)
            fresh = {k: v for k, v in pending.items() if k not in merged or not merged[k].same_answer(v)}
            merged.update(fresh)
            _atomic_write(self.path, merged)
        self._entries = merged
        return len(fresh)


def read_recordings(path: Path, *, skip_damaged: bool = False) -> dict[str, Recording]:
    """Parse a recordings file; a damaged line is an InputError naming the line (or dropped, when re-recording)."""
    if not path.exists():
        return {}
    entries: dict[str, Recording] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data: Any = json.loads(line)
                entry = Recording.model_validate(data)
            except (json.JSONDecodeError, ValidationError) as exc:
                if skip_damaged:
                    continue
                first = str(exc).splitlines()[0]
                raise InputError(f"damaged recording: {first}; re-record with --record all", path, number) from None
            entries[entry.key] = entry
    return entries


def _atomic_write(path: Path, entries: dict[str, Recording]) -> None:
    ordered = sorted(entries.values(), key=Recording.sort_key)
    write_atomic(path, "".join(e.to_line() for e in ordered))


@contextmanager
def _directory_lock(directory: Path) -> Iterator[None]:
    """Exclusive lock on the recordings directory itself, so no lock file litters the repo."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


class Recordings:
    """All recording files of a project, one per suite, opened on demand."""

    def __init__(self, directory: Path, *, rewrite_damaged: bool = False) -> None:
        self.directory = directory
        self.rewrite_damaged = rewrite_damaged
        self._files: dict[str, RecordingFile] = {}

    def for_suite(self, suite: str) -> RecordingFile:
        if suite not in self._files:
            path = self.directory / f"{suite}.jsonl"
            self._files[suite] = RecordingFile(path, rewrite_damaged=self.rewrite_damaged)
        return self._files[suite]

    def flush(self) -> int:
        return sum(f.flush() for f in self._files.values())
