"""The `python` provider: `model.name` is `module:function`, called with (messages, params)."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import sys
from collections.abc import Callable
from typing import Any

from promptops.errors import ModelSpecError, PromptopsError, ProviderError
from promptops.providers.base import CompletionRequest, Output
from promptops.providers.guarded import GuardedProvider
from promptops.providers.settings import ProviderSettings

OUTPUT_KEYS = ("text", "prompt_tokens", "completion_tokens", "cost_usd")


def target_problem(target: str) -> str | None:
    """What is wrong with `target` as a `module:function` name, or None; `promptops validate` asks this too."""
    module_name, sep, attr = target.partition(":")
    if not sep or not module_name.strip() or not attr.strip():
        return f"python provider: model name '{target}' must be 'module:function' (e.g. 'mypackage.models:answer')"
    return None


class PythonProvider(GuardedProvider):
    """Calls a user function, sync (in a thread) or async; it returns a str or a dict with `text` and counts."""

    name = "python"

    def __init__(self, settings: ProviderSettings | None = None) -> None:
        super().__init__(settings)
        self._functions: dict[str, Callable[..., Any]] = {}

    def resolve(self, target: str) -> Callable[..., Any]:
        """Import `module:function`, with the project root on sys.path."""
        if target in self._functions:
            return self._functions[target]
        problem = target_problem(target)
        if problem is not None:
            raise ModelSpecError(problem, "name")
        module_name, _, attr = target.partition(":")
        root = str(self.settings.root) if self.settings.root is not None else None
        if root is not None and root not in sys.path:
            sys.path.insert(0, root)
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            raise ModelSpecError(f"python provider: cannot import module '{module_name}': {exc}", "name") from None
        except Exception as exc:
            message = f"python provider: importing module '{module_name}' failed: {type(exc).__name__}: {exc}"
            raise ModelSpecError(message, "name") from None
        function: Any = module
        for part in attr.split("."):
            function = getattr(function, part, None)
            if function is None:
                raise ModelSpecError(f"python provider: module '{module_name}' has no function '{attr}'", "name")
        if not callable(function):
            raise ModelSpecError(f"python provider: '{target}' is not callable", "name")
        resolved: Callable[..., Any] = function
        self._functions[target] = resolved
        return resolved

    async def attempt(self, request: CompletionRequest) -> Output:
        """Call the function once and convert what it returns."""
        function = self.resolve(request.model)
        messages = [dict(m) for m in request.messages]
        params = dict(request.params)
        try:
            if inspect.iscoroutinefunction(function):
                result = await function(messages, params)
            else:
                result = await asyncio.to_thread(function, messages, params)
                if inspect.isawaitable(result):
                    result = await result
        except PromptopsError:
            raise
        except Exception as exc:
            raise ProviderError(f"python: {request.model} raised {type(exc).__name__}: {exc}") from exc
        return to_output(request.model, result)


def to_output(target: str, result: Any) -> Output:
    """An Output from a str or a dict(text=..., prompt_tokens=..., completion_tokens=..., cost_usd=...).

    Anything else fails the case with an error, as an exception raised by the function does, and is not retried."""
    if isinstance(result, str):
        return Output(text=result)
    if isinstance(result, dict) and isinstance(result.get("text"), str):
        unknown = sorted(set(result) - set(OUTPUT_KEYS))
        if unknown:
            expected = ", ".join(OUTPUT_KEYS)
            raise ProviderError(f"python: {target} returned unknown keys {unknown} (expected {expected})")
        try:
            return Output(**result)
        except ValueError as exc:
            raise ProviderError(f"python: {target} returned a bad dict: {exc}") from None
    got = type(result).__name__
    raise ProviderError(f"python: {target} must return a str or a dict with a 'text' string, got {got} {result!r:.80}")
