"""The provider registry: lookup by name, did-you-mean, and the pip command for a missing dependency."""

from __future__ import annotations

import pytest

from promptops.errors import InputError, MissingDependency
from promptops.providers.anthropic import AnthropicProvider
from promptops.providers.base import Provider
from promptops.providers.echo import EchoProvider
from promptops.providers.openai import OpenAIProvider
from promptops.providers.python_function import PythonProvider
from promptops.providers.registry import (
    BUILTIN_PROVIDERS,
    ProviderRegistry,
    default_registry,
    get_provider,
    provider_names,
)
from promptops.providers.settings import ProviderSettings


@pytest.mark.parametrize(
    ("name", "cls"),
    [("echo", EchoProvider), ("python", PythonProvider), ("openai", OpenAIProvider), ("anthropic", AnthropicProvider)],
)
def test_builtins_are_found_by_name_with_the_given_settings(name, cls):
    settings = ProviderSettings(concurrency=2)
    provider = get_provider(name, settings)
    assert type(provider) is cls
    assert isinstance(provider, Provider)
    assert provider.name == name
    assert provider.settings is settings


def test_names_include_builtins_and_local():
    assert set(BUILTIN_PROVIDERS) <= set(provider_names())


def test_unknown_name_suggests_the_closest_and_lists_all():
    with pytest.raises(InputError) as caught:
        get_provider("opnai")
    message = str(caught.value)
    assert "unknown provider 'opnai' (did you mean 'openai'?)" in message
    assert "known providers: anthropic, echo" in message


def test_without_metadata_the_builtin_table_still_works():
    registry = ProviderRegistry(BUILTIN_PROVIDERS)
    assert type(registry.create("echo")) is EchoProvider


def test_missing_optional_dependency_names_the_extra_to_install():
    registry = ProviderRegistry({"local": "promptops_no_such_backend_xyz:Model"}, extras={"local": "local"})
    with pytest.raises(MissingDependency) as caught:
        registry.create("local")
    assert caught.value.install == "pip install 'promptops[local]'"
    assert "needs promptops_no_such_backend_xyz, which is not installed" in str(caught.value)
    assert "pip install 'promptops[local]'" in str(caught.value)


def test_missing_plugin_dependency_names_the_missing_package():
    registry = ProviderRegistry({"fancy": "fancy_sdk_not_installed.client:Fancy"})
    with pytest.raises(MissingDependency, match="pip install fancy_sdk_not_installed"):
        registry.load("fancy")


def test_a_target_that_does_not_exist_is_an_input_error():
    registry = ProviderRegistry({"broken": "promptops.providers.echo:NoSuchClass"})
    with pytest.raises(InputError, match=r"provider 'broken': promptops\.providers\.echo:NoSuchClass does not exist"):
        registry.load("broken")


def test_a_plugin_whose_own_module_is_missing_names_its_package_to_reinstall():
    registry = ProviderRegistry({"broken": "myplug_missing_mod:Prov"}, packages={"broken": "myplug"})
    with pytest.raises(MissingDependency) as caught:
        registry.load("broken")
    assert caught.value.install == "pip install --force-reinstall myplug"
    assert str(caught.value).startswith("provider 'broken' (from myplug) needs myplug_missing_mod, which")


def test_an_installed_plugin_is_found_with_its_package_name(tmp_path, monkeypatch):
    dist_info = tmp_path / "myplug-0.1.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: myplug\nVersion: 0.1\n")
    (dist_info / "entry_points.txt").write_text("[promptops.providers]\nbroken = myplug_missing_mod:Prov\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = default_registry()
    assert registry.packages.get("broken") == "myplug"
    assert "echo" not in registry.packages  # the built-ins are promptops's own, not a plugin's
