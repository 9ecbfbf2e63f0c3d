"""Finds providers by name through the `promptops.providers` entry points, importing only the one asked for."""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from importlib.metadata import entry_points
from typing import Any

from promptops.errors import InputError, MissingDependency
from promptops.prompt import Prompt
from promptops.providers.base import Provider
from promptops.providers.settings import ProviderSettings
from promptops.validation import did_you_mean

ENTRY_POINT_GROUP = "promptops.providers"

# Used when the package metadata is missing (e.g. running from a source tree that was never installed).
BUILTIN_PROVIDERS: Mapping[str, str] = {
    "echo": "promptops.providers.echo:EchoProvider",
    "python": "promptops.providers.python_function:PythonProvider",
    "openai": "promptops.providers.openai:OpenAIProvider",
    "anthropic": "promptops.providers.anthropic:AnthropicProvider",
    "local": "promptops.providers.local:LocalProvider",
}

# Providers whose dependencies come with an extra of this package.
EXTRAS: Mapping[str, str] = {"local": "local"}


class ProviderRegistry:
    """Provider names mapped to `module:attribute` targets, loaded on first use."""

    def __init__(self, targets: Mapping[str, str], extras: Mapping[str, str] | None = None) -> None:
        self.targets = dict(targets)
        self.extras = dict(extras or {})
        self._loaded: dict[str, Any] = {}

    def names(self) -> list[str]:
        """Every known provider name, sorted."""
        return sorted(self.targets)

    def load(self, name: str) -> Any:
        """The provider class (or factory) registered as `name`."""
        if name in self._loaded:
            return self._loaded[name]
        unknown = self.unknown(name)
        if unknown is not None:
            raise InputError(unknown)
        target = self.targets[name]
        module_name, _, attr = target.partition(":")
        try:
            module = import_module(module_name)
        except ImportError as exc:
            what = f"provider '{name}' needs {exc.name or module_name}, which"
            raise MissingDependency(what, self._install(name, exc)) from None
        factory: Any = module
        for part in filter(None, attr.split(".")):
            factory = getattr(factory, part, None)
            if factory is None:
                raise InputError(f"provider '{name}': {target} does not exist")
        self._loaded[name] = factory
        return factory

    def unknown(self, name: str) -> str | None:
        """What is wrong with `name` when no provider is registered under it, else None."""
        if name in self.targets:
            return None
        known = self.names()
        return f"unknown provider '{name}'{did_you_mean(name, known)}; known providers: {', '.join(known)}"

    def create(self, name: str, settings: ProviderSettings | None = None) -> Provider:
        """A new provider instance for `name`."""
        provider: Provider = self.load(name)(settings or ProviderSettings())
        return provider

    def _install(self, name: str, exc: ImportError) -> str:
        """The pip command that brings in what failed to import."""
        if name in self.extras:
            return f"pip install 'promptops[{self.extras[name]}]'"
        missing = (exc.name or "").split(".")[0]
        return f"pip install {missing}" if missing else f"pip install the package providing the '{name}' provider"


def default_registry() -> ProviderRegistry:
    """The built-in table overlaid with every installed `promptops.providers` entry point."""
    targets = dict(BUILTIN_PROVIDERS)
    targets.update({ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)})
    return ProviderRegistry(targets, EXTRAS)


_default: ProviderRegistry | None = None


def _registry() -> ProviderRegistry:
    """The process-wide default registry, built on first use."""
    global _default
    if _default is None:
        _default = default_registry()
    return _default


def get_provider(name: str, settings: ProviderSettings | None = None) -> Provider:
    """A new provider called `name`; InputError for unknown names, MissingDependency for a missing extra."""
    return _registry().create(name, settings)


def provider_problem(prompt: Prompt) -> InputError | None:
    """The prompt's `model.provider` at its line when no installed provider (built-in or plugin) has that name."""
    unknown = _registry().unknown(prompt.spec.model.provider)
    if unknown is None:
        return None
    where = f"{prompt.path}@{prompt.commit[:7]}" if prompt.commit else prompt.path
    return InputError(unknown, where, prompt.provider_line)


def provider_names() -> list[str]:
    """Every provider name that `get_provider` accepts."""
    return _registry().names()
