"""Shared HTTP plumbing for JSON APIs: one aiohttp session per loop, faults mapped to ProviderError, keys redacted.

aiohttp rather than httpx: its C parser and simple pool cost about a quarter of the CPU per request
(benchmarks/bench_runner.py), which is what bounds a large suite on a small machine.
"""

from __future__ import annotations

import functools
import json
import os
import ssl
import urllib.request
from abc import abstractmethod
from collections.abc import Mapping
from typing import Any, ClassVar, NamedTuple
from urllib.parse import urlsplit

import aiohttp

from promptops.errors import ConfigError, ProviderError
from promptops.providers.base import CompletionRequest, Output
from promptops.providers.guarded import GuardedProvider
from promptops.providers.limiter import LoopLocal
from promptops.providers.retry import parse_retry_after
from promptops.providers.settings import ProviderSettings
from promptops.urls import base_url_problem

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


def environment_proxy(url: str) -> str | None:
    """The proxy the system sets for `url` (HTTP(S)_PROXY, ALL_PROXY, NO_PROXY; the OS settings on macOS and
    Windows), as an absolute URL, or None to go direct."""
    parts = urlsplit(url)
    proxies = urllib.request.getproxies()
    if not proxies:
        return None
    host = parts.hostname or ""
    # NO_PROXY entries may name a port ("llm.internal:8443"); urllib matches "host:port" against both forms
    if urllib.request.proxy_bypass(f"{host}:{parts.port}" if parts.port else host):
        return None
    proxy = proxies.get(parts.scheme) or proxies.get("all")
    if not proxy:
        return None
    return proxy if "://" in proxy else f"http://{proxy}"  # "proxy:3128" means http://proxy:3128, as for curl


def proxy_secret(proxy: str | None) -> str | None:
    """The password in a proxy URL (http://user:password@host), which must never reach an error message."""
    return urlsplit(proxy).password if proxy else None


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
        problem = base_url_problem(configured)
        if problem is not None:  # only the environment variable can still be bad: settings check their base_url
            raise ConfigError(f"{self.name}: the {self.base_url_env} environment variable: {problem}")
        self.base_url = configured.rstrip("/")
        self._key_env = self.settings.api_key_env or self.key_env
        explicit = self.settings.api_key.get_secret_value() if self.settings.api_key is not None else None
        self.__api_key = explicit or os.environ.get(self._key_env) or None
        self._sessions: LoopLocal[aiohttp.ClientSession] = LoopLocal(self._new_session)
        # HTTP(S)_PROXY and NO_PROXY apply as for curl; read once, not on every request as aiohttp's trust_env does.
        self._proxy = environment_proxy(self.base_url)

    @abstractmethod
    def auth_headers(self, api_key: str) -> dict[str, str]:
        """Headers carrying `api_key`."""

    @abstractmethod
    def request_body(self, request: CompletionRequest) -> dict[str, Any]:
        """The JSON body for `request`."""

    @abstractmethod
    def parse(self, data: dict[str, Any]) -> Completion:
        """Text and token counts from a response body; KeyError/IndexError/TypeError mean a malformed body."""

    def _new_session(self) -> aiohttp.ClientSession:
        headers = {"content-type": "application/json", "accept": "application/json", **self.fixed_headers}
        if self.__api_key:
            headers.update(self.auth_headers(self.__api_key))
        # Like httpx's timeout: `timeout` bounds each wait for bytes, not the whole answer, so a slow stream lives.
        connect = self.settings.connect_timeout or self.settings.timeout
        timeout = aiohttp.ClientTimeout(total=None, sock_connect=connect, sock_read=self.settings.timeout)
        # certifi's bundle is read only for https (reading it costs ~30 ms a process); plain http needs no TLS at all
        tls = _tls_context() if self.base_url.startswith("https:") else True
        connector = aiohttp.TCPConnector(limit=self.settings.concurrency, ssl=tls)
        return aiohttp.ClientSession(headers=headers, timeout=timeout, connector=connector, raise_for_status=False)

    def _needs_key(self) -> bool:
        return urlsplit(self.base_url).hostname == urlsplit(self.default_base_url).hostname

    def scrub(self, content: bytes) -> bytes:
        """A response body with the API key removed, before anything shortens it (a cut key would escape redaction)."""
        if not self.__api_key:
            return content
        return content.replace(self.__api_key.encode(), REDACTED.encode())

    def fail(self, message: str, *, retryable: bool, retry_after: float | None = None) -> ProviderError:
        """A ProviderError for this provider whose message can never carry the API key."""
        secrets = [secret for secret in (self.__api_key, proxy_secret(self._proxy)) if secret]
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
        payload = json.dumps(body).encode("utf-8")
        try:
            # never follow a redirect: it would resend the key to another host, and turn the POST into a GET
            async with self._sessions.get().post(
                url, data=payload, proxy=self._proxy, allow_redirects=False
            ) as response:
                status = response.status
                retry_after_header = response.headers.get("retry-after")
                location = response.headers.get("location", "")
                content = await response.read()
        except aiohttp.ServerTimeoutError as exc:
            raise self.fail(f"{_describe(exc)} after {self._timeout_of(exc):g}s ({url})", retryable=True) from None
        except (aiohttp.InvalidURL, aiohttp.NonHttpUrlClientError) as exc:
            if self._proxy and str(getattr(exc, "url", "")) in self._proxy:
                raise self.fail(f"bad proxy URL in the environment: {_describe(exc)}", retryable=False) from None
            raise self.fail(f"bad base URL {self.base_url}: {_describe(exc)}", retryable=False) from None
        except (aiohttp.ClientError, OSError) as exc:
            raise self.fail(f"connection failed ({url}): {_describe(exc)}", retryable=True) from None
        if 300 <= status < 400:
            where = f" to {location}" if location else ""
            advice = "redirects are not followed: set base_url to the final address"
            raise self.fail(f"HTTP {status} redirect{where} from {url}; {advice}", retryable=False)
        if status >= 400:
            retryable = status >= 500 or status in RETRYABLE_4XX
            retry_after = parse_retry_after(retry_after_header)
            message = f"HTTP {status} from {url}: {server_message(self.scrub(content))}"
            raise self.fail(message, retryable=retryable, retry_after=retry_after)
        try:
            data = json.loads(content)
        except ValueError:
            raise self.fail(f"malformed JSON in the response from {url}", retryable=True) from None
        if not isinstance(data, dict):
            raise self.fail(f"expected a JSON object from {url}, got {type(data).__name__}", retryable=True)
        return data

    def _timeout_of(self, exc: aiohttp.ServerTimeoutError) -> float:
        """The configured limit that `exc` ran into."""
        if isinstance(exc, aiohttp.ConnectionTimeoutError):
            return self.settings.connect_timeout or self.settings.timeout
        return self.settings.timeout

    async def aclose(self) -> None:
        """Close the HTTP session of the running loop."""
        session = self._sessions.pop()
        if session is not None:
            await session.close()


def _describe(exc: BaseException) -> str:
    """A short description of a transport error; never includes the request or its headers."""
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return "connect timed out"
    if isinstance(exc, aiohttp.ServerTimeoutError):
        return "read timed out"
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return "connection reset or closed by the server"
    if isinstance(exc, aiohttp.ClientPayloadError):
        return "the response ended before its body was complete"
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """Certificates from certifi when it is installed (as httpx and requests use), else the system's store."""
    try:
        import certifi
    except ImportError:
        return ssl.create_default_context()
    return ssl.create_default_context(cafile=certifi.where())
