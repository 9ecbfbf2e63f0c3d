"""Shared HTTP plumbing for JSON APIs: one httpx client per loop, faults mapped to ProviderError, keys redacted."""

from __future__ import annotations

import json
import os
from abc import abstractmethod
from collections.abc import Mapping
from typing import Any, ClassVar, NamedTuple
from urllib.parse import urlsplit

import httpx

from promptops.errors import ConfigError, ProviderError
from promptops.providers.base import CompletionRequest, Output
from promptops.providers.guarded import GuardedProvider
from promptops.providers.limiter import LoopLocal
from promptops.providers.retry import parse_retry_after
from promptops.providers.settings import ProviderSettings

# 408 Request Timeout, 409 Conflict (e.g. a concurrent-request lock) and 429 Too Many Requests clear on their own.
RETRYABLE_4XX = frozenset({408, 409, 429})
MAX_SERVER_MESSAGE = 500
REDACTED = "[REDACTED]"

Prices = Mapping[str, tuple[float, float]]


class Completion(NamedTuple):
    """The parts of a response body a provider module extracts."""

    text: str
    prompt_tokens: int | None
    completion_tokens: int | None


def redact(text: str, secrets: list[str]) -> str:
    """`text` with every secret replaced by a marker."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text


def server_message(content: bytes) -> str:
    """The human message in an error body: `error.message`, `error`, `message` or the raw text, shortened."""
    text = content.decode("utf-8", errors="replace").strip()
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if isinstance(data, dict):
        error = data.get("error")
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            text = error["message"]
        elif isinstance(error, str):
            text = error
        elif isinstance(data.get("message"), str):
            text = data["message"]
    text = " ".join(text.split())
    return text if len(text) <= MAX_SERVER_MESSAGE else text[: MAX_SERVER_MESSAGE - 3] + "..."


def price_usd(prices: Prices, model: str, prompt_tokens: int | None, completion_tokens: int | None) -> float | None:
    """Cost from USD-per-million-token (input, output) prices, matching the longest model-name prefix."""
    if prompt_tokens is None or completion_tokens is None:
        return None
    matches = [prefix for prefix in prices if model.startswith(prefix)]
    if not matches:
        return None
    per_input, per_output = prices[max(matches, key=len)]
    return (prompt_tokens * per_input + completion_tokens * per_output) / 1_000_000


def as_tokens(value: Any) -> int | None:
    """A token count from a usage field, or None when absent or not an integer."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class HttpProvider(GuardedProvider):
    """A provider that POSTs JSON to one endpoint; subclasses say how to build the body and read the answer."""

    default_base_url: ClassVar[str]
    base_url_env: ClassVar[str]
    key_env: ClassVar[str]
    endpoint: ClassVar[str]
    prices: ClassVar[Prices] = {}
    fixed_headers: ClassVar[Mapping[str, str]] = {}

    def __init__(self, settings: ProviderSettings | None = None) -> None:
        super().__init__(settings)
        configured = self.settings.base_url or os.environ.get(self.base_url_env) or self.default_base_url
        self.base_url = configured.rstrip("/")
        self._key_env = self.settings.api_key_env or self.key_env
        explicit = self.settings.api_key.get_secret_value() if self.settings.api_key is not None else None
        self.__api_key = explicit or os.environ.get(self._key_env) or None
        self._clients: LoopLocal[httpx.AsyncClient] = LoopLocal(self._new_client)

    @abstractmethod
    def auth_headers(self, api_key: str) -> dict[str, str]:
        """Headers carrying `api_key`."""

    @abstractmethod
    def request_body(self, request: CompletionRequest) -> dict[str, Any]:
        """The JSON body for `request`."""

    @abstractmethod
    def parse(self, data: dict[str, Any]) -> Completion:
        """Text and token counts from a response body; KeyError/IndexError/TypeError mean a malformed body."""

    def _new_client(self) -> httpx.AsyncClient:
        headers = {"content-type": "application/json", "accept": "application/json", **self.fixed_headers}
        if self.__api_key:
            headers.update(self.auth_headers(self.__api_key))
        timeout = httpx.Timeout(self.settings.timeout, connect=self.settings.connect_timeout or self.settings.timeout)
        limits = httpx.Limits(
            max_connections=self.settings.concurrency, max_keepalive_connections=self.settings.concurrency
        )
        return httpx.AsyncClient(base_url=self.base_url, headers=headers, timeout=timeout, limits=limits)

    def _needs_key(self) -> bool:
        return urlsplit(self.base_url).hostname == urlsplit(self.default_base_url).hostname

    def scrub(self, content: bytes) -> bytes:
        """A response body with the API key removed, before anything shortens it (a cut key would escape redaction)."""
        if not self.__api_key:
            return content
        return content.replace(self.__api_key.encode(), REDACTED.encode())

    def fail(self, message: str, *, retryable: bool, retry_after: float | None = None) -> ProviderError:
        """A ProviderError for this provider whose message can never carry the API key."""
        secrets = [self.__api_key] if self.__api_key else []
        text = redact(f"{self.name}: {message}", secrets)
        return ProviderError(text, retryable=retryable, retry_after=retry_after)

    async def attempt(self, request: CompletionRequest) -> Output:
        """POST the request once and read the answer."""
        if not self.__api_key and self._needs_key():
            raise ConfigError(f"{self.name}: set the {self._key_env} environment variable to call {self.base_url}")
        data = await self.post_json(self.endpoint, self.request_body(request))
        try:
            answer = self.parse(data)
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            detail = server_message(self.scrub(json.dumps(data).encode()))
            raise self.fail(f"unexpected response ({type(exc).__name__}: {exc}): {detail}", retryable=False) from None
        cost = price_usd(self.prices, request.model, answer.prompt_tokens, answer.completion_tokens)
        return Output(
            text=answer.text,
            prompt_tokens=answer.prompt_tokens,
            completion_tokens=answer.completion_tokens,
            cost_usd=cost,
        )

    async def post_json(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        """POST `body` and return the decoded JSON object, or raise ProviderError with `retryable` set."""
        url = f"{self.base_url}{path}"
        try:
            response = await self._clients.get().post(path, json=body)
        except httpx.TimeoutException as exc:
            raise self.fail(f"{_describe(exc)} after {self.settings.timeout:g}s ({url})", retryable=True) from None
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            raise self.fail(f"bad base URL {self.base_url}: {exc}", retryable=False) from None
        except httpx.TransportError as exc:
            raise self.fail(f"connection failed ({url}): {_describe(exc)}", retryable=True) from None
        status = response.status_code
        if status >= 400:
            retryable = status >= 500 or status in RETRYABLE_4XX
            retry_after = parse_retry_after(response.headers.get("retry-after"))
            message = f"HTTP {status} from {url}: {server_message(self.scrub(response.content))}"
            raise self.fail(message, retryable=retryable, retry_after=retry_after)
        try:
            data = json.loads(response.content)
        except ValueError:
            raise self.fail(f"malformed JSON in the response from {url}", retryable=True) from None
        if not isinstance(data, dict):
            raise self.fail(f"expected a JSON object from {url}, got {type(data).__name__}", retryable=True)
        return data

    async def aclose(self) -> None:
        """Close the HTTP client of the running loop."""
        client = self._clients.pop()
        if client is not None:
            await client.aclose()


_TIMEOUT_KINDS: dict[type[httpx.TimeoutException], str] = {
    httpx.ConnectTimeout: "connect timed out",
    httpx.ReadTimeout: "read timed out",
    httpx.WriteTimeout: "write timed out",
    httpx.PoolTimeout: "timed out waiting for a connection",
}


def _describe(exc: httpx.HTTPError) -> str:
    """A short description of a transport error; never includes the request or its headers."""
    text = str(exc).strip()
    if isinstance(exc, httpx.TimeoutException):
        return _TIMEOUT_KINDS.get(type(exc), "timed out")
    if text:
        return f"{type(exc).__name__}: {text}"
    if isinstance(exc, (httpx.ReadError, httpx.WriteError)):
        return f"{type(exc).__name__}: connection reset or closed by the server"
    return type(exc).__name__
