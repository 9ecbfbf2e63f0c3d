"""The examples of docs/providers.md run as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "providers.md"


def _python_block(section: str) -> str:
    """The first ```python block under the `## {section}` heading."""
    text = DOC.read_text(encoding="utf-8")
    found = re.search(rf"^## {re.escape(section)}\n(?:(?!^## ).)*?```python\n(.*?)```", text, re.DOTALL | re.MULTILINE)
    assert found is not None, f"docs/providers.md lost the example under '## {section}'"
    return found.group(1)


def test_the_mock_server_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)  # the example talks to 127.0.0.1 directly
    code = compile(_python_block("Testing against a mock server"), str(DOC), "exec")
    exec(code, {"__name__": "providers_doc_example"})
