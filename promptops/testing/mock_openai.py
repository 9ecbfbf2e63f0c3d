"""A loopback OpenAI-compatible (and Anthropic) mock server with scriptable faults, for tests and benchmarks."""

from __future__ import annotations

import json
import random
import socket
import struct
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Literal, cast

FaultKind = Literal["ok", "status", "timeout", "malformed", "truncated", "reset", "slow"]
Reply = str | Callable[[dict[str, Any]], str]
_KINDS: tuple[str, ...] = ("ok", "timeout", "malformed", "truncated", "reset", "slow")


@dataclass(frozen=True)
class Fault:
    """What the server does to one request instead of (or before) answering it normally.

    Shorthand strings accepted by `Fault.parse`: "503", "429", "429:0.2" (Retry-After 0.2),
    "timeout", "timeout:3" (hang 3 s), "malformed", "truncated", "reset", "slow:0.5" (dribble the body
    over 0.5 s), "ok".
    """

    kind: FaultKind
    status: int = 500
    retry_after: str | None = None
    delay: float | None = None
    message: str = ""
    echo_headers: bool = False

    @classmethod
    def parse(cls, spec: str | Fault) -> Fault:
        """A Fault from its shorthand string (a Fault is returned as is)."""
        if isinstance(spec, Fault):
            return spec
        head, _, arg = spec.partition(":")
        if head.isdigit():
            return cls("status", status=int(head), retry_after=arg or None)
        if head not in _KINDS:
            raise ValueError(f"unknown fault {spec!r}: expected an HTTP status or one of {', '.join(_KINDS)}")
        return cls(cast(FaultKind, head), delay=float(arg) if arg else None)


@dataclass(frozen=True)
class SeenRequest:
    """One request the server received."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any
    fault: Fault | None
    received: float = field(default_factory=time.monotonic)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def __init__(self, address: tuple[str, int], mock: MockOpenAI) -> None:
        self.mock = mock
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away (killed, interrupted, timed out) is routine here; print only real errors."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; with Nagle on, the body waits for the client's delayed ACK
    # (~40 ms on Linux), so every response would take ~45 ms longer than the configured latency.
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the per-request stderr log."""

    def do_POST(self) -> None:
        self.server.mock._handle(self)

    def do_GET(self) -> None:
        self.server.mock._handle(self)


class MockOpenAI:
    """An HTTP server on 127.0.0.1 in a background thread: `with MockOpenAI() as server: ... server.url`.

    POST {url}/chat/completions answers in OpenAI's shape, POST {root_url}/v1/messages in Anthropic's.
    The reply is `reply` (a string or a function of the request body), by default the last user message.
    Faults queued with `fail(...)` are used one per completion request, in order; `random_faults` adds
    faults at the given probabilities (seeded) once the queue is empty.
    """

    def __init__(
        self,
        *,
        latency: float = 0.0,
        reply: Reply | None = None,
        usage: tuple[int, int] | None = None,
        faults: Iterable[Fault | str] = (),
        random_faults: Sequence[tuple[Fault | str, float]] = (),
        seed: int = 0,
        hang: float = 30.0,
        slow: float = 0.5,
    ) -> None:
        self.latency = latency
        self.reply = reply
        self.usage = usage
        self.hang = hang
        self.slow = slow
        self._plan: deque[Fault] = deque(Fault.parse(f) for f in faults)
        self._random = [(Fault.parse(f), p) for f, p in random_faults]
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._requests: list[SeenRequest] = []
        self._in_flight = 0
        self.max_in_flight = 0
        self.faults_injected = 0
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> MockOpenAI:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def start(self) -> MockOpenAI:
        """Bind a free port on 127.0.0.1 and serve in a daemon thread."""
        self._server = _Server(("127.0.0.1", 0), self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="mock-openai", daemon=True
        )
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving; requests still hanging are released at once."""
        self._closing.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    @property
    def root_url(self) -> str:
        """`http://127.0.0.1:PORT`: the base URL for the anthropic provider."""
        if self._server is None:
            raise RuntimeError("the mock server is not started")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def url(self) -> str:
        """`http://127.0.0.1:PORT/v1`: the base URL for the openai provider and OpenAI clients."""
        return f"{self.root_url}/v1"

    @property
    def requests(self) -> list[SeenRequest]:
        """Every request received so far, oldest first."""
        with self._lock:
            return list(self._requests)

    def fail(self, *faults: Fault | str) -> None:
        """Queue faults for the next completion requests, one each."""
        with self._lock:
            self._plan.extend(Fault.parse(f) for f in faults)

    def reset(self) -> None:
        """Forget recorded requests, queued faults and counters."""
        with self._lock:
            self._requests.clear()
            self._plan.clear()
            self.max_in_flight = 0
            self.faults_injected = 0

    def _next_fault(self) -> Fault | None:
        with self._lock:
            if self._plan:
                fault: Fault | None = self._plan.popleft()
            else:
                fault = next((f for f, p in self._random if self._rng.random() < p), None)
            if fault is not None and fault.kind != "ok":
                self.faults_injected += 1
            return fault

    def _handle(self, handler: _Handler) -> None:
        length = int(handler.headers.get("content-length") or 0)
        raw = handler.rfile.read(length) if length else b""
        try:
            body: Any = json.loads(raw) if raw else None
        except ValueError:
            body = None
        path = handler.path.split("?", 1)[0].rstrip("/")
        is_completion = handler.command == "POST" and (path.endswith("/chat/completions") or path.endswith("/messages"))
        fault = self._next_fault() if is_completion else None
        headers = {k.lower(): v for k, v in handler.headers.items()}
        with self._lock:
            self._requests.append(SeenRequest(handler.command, path, headers, body, fault))
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
        try:
            self._closing.wait(self.latency)
            if handler.command == "GET" and path.endswith("/models"):
                _send(handler, 200, {"object": "list", "data": [{"id": "mock", "object": "model"}]})
            elif not is_completion:
                _send(handler, 404, {"error": {"message": f"no route for {handler.command} {path}"}})
            elif not isinstance(body, dict) or not isinstance(body.get("messages"), list):
                _send(handler, 400, {"error": {"message": "request body must be JSON with a 'messages' list"}})
            else:
                self._respond(handler, path, body, headers, fault or Fault("ok"))
        except OSError:  # the client went away first (e.g. it timed out)
            handler.close_connection = True
        finally:
            with self._lock:
                self._in_flight -= 1

    def _respond(
        self, handler: _Handler, path: str, body: dict[str, Any], headers: dict[str, str], fault: Fault
    ) -> None:
        if fault.kind == "timeout":
            self._closing.wait(fault.delay if fault.delay is not None else self.hang)
            handler.close_connection = True
            return
        if fault.kind == "reset":
            # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
            handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            handler.connection.close()
            handler.close_connection = True
            return
        if fault.kind == "status":
            message = fault.message or f"mock fault: HTTP {fault.status}"
            if fault.echo_headers:
                message += " " + json.dumps(headers)
            extra = {"retry-after": fault.retry_after} if fault.retry_after is not None else {}
            _send(handler, fault.status, {"error": {"message": message, "type": "mock_error"}}, extra)
            return
        payload = json.dumps(self._answer(path, body)).encode()
        if fault.kind == "malformed":
            _send_bytes(handler, 200, payload[: len(payload) // 2])
        elif fault.kind == "truncated":
            _send_bytes(handler, 200, payload, content_length=len(payload) + 64)
            handler.close_connection = True
        elif fault.kind == "slow":
            _send_bytes(handler, 200, payload, dribble=fault.delay if fault.delay is not None else self.slow)
        else:
            _send_bytes(handler, 200, payload)

    def _answer(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        messages = [m for m in body["messages"] if isinstance(m, dict)]
        if callable(self.reply):
            text = self.reply(body)
        elif self.reply is not None:
            text = self.reply
        else:
            users = [m for m in messages if m.get("role") == "user"] or messages
            content = users[-1].get("content", "") if users else ""
            text = content if isinstance(content, str) else json.dumps(content)
        if self.usage is not None:
            prompt_tokens, completion_tokens = self.usage
        else:
            words = [str(m.get("content", "")) for m in messages] + [str(body.get("system", ""))]
            prompt_tokens, completion_tokens = len(" ".join(words).split()), len(text.split())
        model = str(body.get("model", "mock"))
        if path.endswith("/messages"):
            return {
                "id": "msg_mock",
                "type": "message",
                "role": "assistant",
                "model": model,
                "content": [{"type": "text", "text": text}],
                "stop_reason": "end_turn",
                "usage": {"input_tokens": prompt_tokens, "output_tokens": completion_tokens},
            }
        return {
            "id": "chatcmpl-mock",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }


def _send(handler: _Handler, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
    _send_bytes(handler, status, json.dumps(data).encode(), headers=headers)


def _send_bytes(
    handler: _Handler,
    status: int,
    payload: bytes,
    *,
    headers: dict[str, str] | None = None,
    content_length: int | None = None,
    dribble: float = 0.0,
) -> None:
    handler.send_response(status)
    handler.send_header("content-type", "application/json")
    handler.send_header("content-length", str(content_length if content_length is not None else len(payload)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    if dribble <= 0:
        handler.wfile.write(payload)
        return
    pieces = 5
    step = max(1, -(-len(payload) // pieces))
    for start in range(0, len(payload), step):
        time.sleep(dribble / pieces)
        handler.wfile.write(payload[start : start + step])
        handler.wfile.flush()
