"""An embedder wrapper for the scorer and drift tests: the real model underneath, every batch it was given counted."""

from __future__ import annotations

from promptops.scorer import Embedder, Matrix


class CountingEmbedder:
    """Wraps a real embedder and records every batch that reaches the model."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.batches: list[list[str]] = []

    @property
    def model_id(self) -> str:
        return self.inner.model_id

    def encode(self, texts: list[str]) -> Matrix:
        self.batches.append(list(texts))
        return self.inner.encode(texts)

    @property
    def encoded(self) -> int:
        return sum(len(b) for b in self.batches)
