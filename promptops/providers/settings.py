"""Provider transport settings (timeouts, retries, limits) kept apart from params that change the answer."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from promptops.errors import InputError
from promptops.urls import checked_base_url
from promptops.validation import without_pydantic_prefix

if TYPE_CHECKING:
    from promptops.config import ProjectConfig
    from promptops.prompt import Prompt

# Well-known params that change a model's answer; documented, never read as transport settings.
# Any key that is not a ProviderSettings field is treated as answer-changing too (safe for the cache key).
ANSWER_PARAMS = frozenset(
    {
        "temperature",
        "max_tokens",
        "top_p",
        "top_k",
        "seed",
        "stop",
        "presence_penalty",
        "frequency_penalty",
        "logit_bias",
        "n",
        "echo",
    }
)


class ProviderSettings(BaseModel):
    """How a provider talks to its backend: nothing here may change the answer or enter a cache key."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    timeout: float = Field(default=60.0, gt=0, description="Seconds for one attempt (connect, read, write)")
    connect_timeout: float | None = Field(default=None, gt=0, description="Seconds to connect; default `timeout`")
    retries: int = Field(default=4, ge=0, le=20, description="Retries after the first attempt")
    backoff_base: float = Field(default=0.5, ge=0, description="First backoff ceiling in seconds (full jitter)")
    backoff_max: float = Field(default=30.0, ge=0, description="Largest backoff ceiling in seconds")
    retry_budget: float = Field(default=300.0, gt=0, description="Total seconds one request may spend retrying")
    concurrency: int = Field(default=8, ge=1, le=1024, description="Requests in flight per provider instance")
    base_url: str | None = None
    api_key_env: str | None = Field(default=None, description="Environment variable holding the API key")
    api_key: SecretStr | None = Field(default=None, description="An explicit key; prefer api_key_env")
    threads: int | None = Field(default=None, ge=1, description="CPU threads for local backends")
    root: Path | None = Field(default=None, description="Project root, put on sys.path by the python provider")

    @field_validator("base_url")
    @classmethod
    def _base_url_is_http(cls, value: str | None) -> str | None:
        return checked_base_url(value)

    @classmethod
    def build(
        cls,
        config: ProjectConfig | None = None,
        params: Mapping[str, Any] | None = None,
        *,
        root: Path | None = None,
        **overrides: Any,
    ) -> ProviderSettings:
        """Settings from project config, then transport keys found in `model.params`, then overrides (command-line
        options): each layer wins over the ones before it, and the provider's defaults fill in the rest."""
        values: dict[str, Any] = {}
        if config is not None:
            values.update(
                timeout=config.timeout,
                retries=config.retries,
                concurrency=config.concurrency,
                base_url=config.base_url,
                threads=config.local_threads,
            )
        if params is not None:
            values.update(split_params(params)[1])
        if root is not None:
            values["root"] = root
        values.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            err = exc.errors(include_url=False)[0]
            key = ".".join(str(part) for part in err["loc"])
            raise InputError(f"provider setting '{key}': {without_pydantic_prefix(err['msg'])}") from None


TRANSPORT_KEYS = frozenset(ProviderSettings.model_fields) - {"root", "api_key"}


def split_params(params: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split `model.params` into (answer params for the request and cache key, transport settings)."""
    answer: dict[str, Any] = {}
    transport: dict[str, Any] = {}
    for key, value in params.items():
        (transport if key in TRANSPORT_KEYS else answer)[key] = value
    return answer, transport


def prompt_settings(
    prompt: Prompt, config: ProjectConfig | None = None, *, root: Path | None = None, **overrides: Any
) -> ProviderSettings:
    """The settings of a prompt's requests (`build` with its `model.params`); a bad one is reported at `params:`."""
    try:
        return ProviderSettings.build(config, prompt.spec.model.params, root=root, **overrides)
    except InputError as exc:
        raise InputError(exc.message, prompt.where, prompt.params_line) from None
