"""ProviderSettings: built from project config and model.params; answer params kept apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from promptops.config import ProjectConfig
from promptops.errors import ConfigError, InputError
from promptops.providers.base import CompletionRequest
from promptops.providers.settings import ProviderSettings, split_params


def test_split_keeps_answer_params_and_takes_transport_settings():
    params = {"temperature": 0, "max_tokens": 50, "seed": 1, "stop": ["x"], "timeout": 5, "retries": 1, "custom": 2}
    answer, transport = split_params(params)
    assert answer == {"temperature": 0, "max_tokens": 50, "seed": 1, "stop": ["x"], "custom": 2}
    assert transport == {"timeout": 5, "retries": 1}


def test_transport_settings_do_not_change_the_cache_key():
    slow, _ = split_params({"temperature": 0, "timeout": 500})
    fast, _ = split_params({"temperature": 0, "timeout": 1, "concurrency": 2})
    key = CompletionRequest(provider="p", model="m", messages=[], params=slow).cache_key()
    assert key == CompletionRequest(provider="p", model="m", messages=[], params=fast).cache_key()


def test_build_layers_config_then_params_then_overrides(tmp_path: Path):
    config = ProjectConfig(timeout=30, retries=2, concurrency=4, base_url="http://x/v1", local_threads=2)
    settings = ProviderSettings.build(config, {"timeout": 5, "temperature": 0}, root=tmp_path, retries=0)
    assert (settings.timeout, settings.retries, settings.concurrency) == (5, 0, 4)
    assert (settings.base_url, settings.threads, settings.root) == ("http://x/v1", 2, tmp_path)


def test_defaults_without_config():
    settings = ProviderSettings.build()
    assert settings == ProviderSettings()
    assert settings.timeout == 60 and settings.retries == 4


def test_bad_setting_is_an_input_error_naming_it():
    with pytest.raises(InputError, match="provider setting 'timeout'"):
        ProviderSettings.build(None, {"timeout": "soon"})


def test_settings_are_strict_and_hide_an_explicit_key():
    with pytest.raises(ValidationError):
        ProviderSettings(timout=3)  # type: ignore[call-arg]
    settings = ProviderSettings(api_key="sk-very-secret")
    assert "sk-very-secret" not in repr(settings) and "sk-very-secret" not in str(settings.model_dump())


@pytest.mark.parametrize("url", ["http://[::1", "127.0.0.1:8080/v1", "ftp://127.0.0.1/v1", "http:///v1", ""])
def test_a_base_url_must_be_http_or_https_with_a_host(url: str) -> None:
    with pytest.raises(InputError, match="provider setting 'base_url': ") as caught:
        ProviderSettings.build(None, {"base_url": url})
    assert "Value error" not in str(caught.value)
    with pytest.raises(ValidationError):
        ProviderSettings(base_url=url)


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080/v1", "https://api.openai.com/v1", "http://[::1]:8000"])
def test_http_and_https_base_urls_are_kept(url: str) -> None:
    assert ProviderSettings(base_url=url).base_url == url


def test_a_bad_base_url_from_the_environment_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    from promptops.providers.openai import OpenAIProvider

    monkeypatch.setenv("OPENAI_BASE_URL", "http://[::1")
    with pytest.raises(ConfigError, match=r"^openai: the OPENAI_BASE_URL environment variable: 'http://\[::1' is not"):
        OpenAIProvider()
