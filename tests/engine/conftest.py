"""Engine fixtures: a throwaway project, the loopback mock OpenAI server, and a project wired to it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from promptops.testing import MockOpenAI
from tests.engine.helpers import Workspace, new_workspace, prompt_yaml

SECRET = "sk-engine-SECRET-9f8e7d6c5b4a"


@pytest.fixture
def space(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """A project in tmp_path (prompt `greet` on echo, suite `greet`), with the cwd inside it."""
    monkeypatch.chdir(tmp_path)
    return new_workspace(tmp_path)


@pytest.fixture
def server() -> Iterator[MockOpenAI]:
    with MockOpenAI() as mock:
        yield mock


@pytest.fixture
def served(space: Workspace, server: MockOpenAI, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """The project with prompt `greet` on the openai provider, pointed at the mock server, with a secret key set."""
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    space.configure(base_url=server.url, retries=0)
    space.write("prompts/greet.yaml", prompt_yaml(provider="openai", model="mock-model"))
    return space
