"""Finds providers by name through the `promptops.providers` entry points, importing only the one asked for."""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from importlib.metadata import entry_points
from typing import Any

from promptops.errors import InputError, MissingDependency, ModelSpecError
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

    def __init__(
        self,
        targets: Mapping[str, str],
        extras: Mapping[str, str] | None = None,
        packages: Mapping[str, str] | None = None,
    ) -> None:
        self.targets = dict(targets)
        self.extras = dict(extras or {})
        self.packages = dict(packages or {})  # provider name -> the distribution whose entry point declares it
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
        source = f" (from {self.packages[name]})" if name in self.packages else ""
        try:
            module = import_module(module_name)
        except ImportError as exc:
            what = f"provider '{name}'{source} needs {exc.name or module_name}, which"
            raise MissingDependency(what, self._install(name, exc)) from None
        except Exception as exc:  # a plugin whose import crashes is that plugin's bug, reported as one line
            message = f"provider '{name}'{source}: importing {module_name} failed: {type(exc).__name__}: {exc}"
            raise ModelSpecError(message, "provider") from None
        factory: Any = module
        for part in filter(None, attr.split(".")):
            factory = getattr(factory, part, None)
            if factory is None:
                raise ModelSpecError(f"provider '{name}'{source}: {target} does not exist", "provider")
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
        """The pip command that brings in what failed to import: a plugin's own package, which declares its
        dependencies, rather than a module name that may be no package's name."""
        if name in self.extras:
            return f"pip install 'promptops[{self.extras[name]}]'"
        missing = (exc.name or "").split(".")[0]
        package = self.packages.get(name)
        if package is not None:
            own_module = self.targets[name].partition(":")[0].split(".")[0]
            # the package is installed (its entry point was found) but its own module is not: a broken install
            return f"pip install --force-reinstall {package}" if missing == own_module else f"pip install {package}"
        return f"pip install {missing}" if missing else f"pip install the package providing the '{name}' provider"


def default_registry() -> ProviderRegistry:
    """The built-in table overlaid with every installed `promptops.providers` entry point."""
    found = {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}
    targets = {**BUILTIN_PROVIDERS, **{name: ep.value for name, ep in found.items()}}
    plugins = {name: ep for name, ep in found.items() if ep.value != BUILTIN_PROVIDERS.get(name)}
    packages = {name: ep.dist.name for name, ep in plugins.items() if ep.dist is not None}
    return ProviderRegistry(targets, EXTRAS, packages)


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


def provider_problem(prompt: Prompt, *, check_name: bool = True) -> InputError | None:
    """The prompt's `model.provider` at its line when no installed provider (built-in or plugin) has that name;
    with `check_name`, its `model.name` at its line when the `python` provider cannot take it."""
    model = prompt.spec.model
    unknown = _registry().unknown(model.provider)
    if unknown is not None:
        return InputError(unknown, prompt.where, prompt.provider_line)
    if check_name and model.provider == "python":
        from promptops.providers.python_function import target_problem

        problem = target_problem(model.name)
        if problem is not None:
            return InputError(problem, prompt.where, prompt.model_name_line)
    return None


def provider_names() -> list[str]:
    """Every provider name that `get_provider` accepts."""
    return _registry().names()
