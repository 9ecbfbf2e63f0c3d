"""Plugin fixtures: a pytester project whose prompt `greet` runs on echo, with a committed suite."""

from __future__ import annotations

import pytest

from tests.engine.helpers import GREET_SUITE, prompt_yaml
from tests.gitrepo import GitRepo, init_repo


@pytest.fixture
def project(pytester: pytest.Pytester) -> GitRepo:
    """pytester's directory as a git repo: prompt `greet` at versions 1 (hello) and 2 (goodbye), suite `greet`."""
    repo = init_repo(pytester.path)
    repo.write("pyproject.toml", "[tool.promptops]\n")
    repo.write("suites/greet.yaml", GREET_SUITE)
    repo.write("prompts/greet.yaml", prompt_yaml(version=1))
    repo.commit("greet v1")
    repo.write("prompts/greet.yaml", prompt_yaml(version=2, content="goodbye {{ who }}"))
    repo.commit("greet v2")
    return repo
