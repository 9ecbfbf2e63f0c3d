"""Fixtures of the hardening tests: project templates per git state, built once per session."""

from __future__ import annotations

import pytest

from tests.hardening.harness import ProjectTemplates


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> ProjectTemplates:
    return ProjectTemplates(tmp_path_factory.mktemp("templates"))
