"""Writing files so that a crash never leaves a half-written one: temp file, fsync, rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from promptops.errors import InputError


def write_atomic(path: Path, data: bytes | str) -> None:
    """Replace `path` with `data` atomically; the old content stays intact until the new one is complete."""
    try:
        _write_atomic(path, data.encode("utf-8") if isinstance(data, str) else data)
    except OSError as exc:
        blocker = _file_in_the_way(path)
        reason = f"{blocker} is not a directory" if blocker is not None else exc.strerror or str(exc)
        raise InputError(f"cannot write the file: {reason}", path) from None


def _file_in_the_way(path: Path) -> Path | None:
    """The nearest existing ancestor of `path` when it is a file, where a directory has to be."""
    for parent in path.parents:
        if parent.exists():
            return None if parent.is_dir() else parent
    return None


def _write_atomic(path: Path, payload: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp creates 0600; the replacement keeps the old file's mode, or gets the usual 0644.
        os.fchmod(fd, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
