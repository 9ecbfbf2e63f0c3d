"""The `anthropic` provider: Anthropic's Messages API."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, ClassVar

from promptops.providers.base import CompletionRequest
from promptops.providers.http import Completion, HttpProvider, as_tokens

API_VERSION = "2023-06-01"
DEFAULT_MAX_TOKENS = 1024
SCHEMA_TOOL = "output"
# Params the Messages API does not accept; dropped so one prompt can switch providers.
UNSUPPORTED_PARAMS = frozenset({"seed", "n", "presence_penalty", "frequency_penalty", "logit_bias", "echo"})

# USD per million (input, output) tokens; the longest matching prefix of the model name wins.
PRICES = {
    "claude-3-haiku": (0.25, 1.25),
    "claude-3-5-haiku": (0.80, 4.00),
    "claude-3-5-sonnet": (3.00, 15.00),
    "claude-3-7-sonnet": (3.00, 15.00),
    "claude-sonnet-4": (3.00, 15.00),
    "claude-3-opus": (15.00, 75.00),
    "claude-opus-4": (15.00, 75.00),
}


class AnthropicProvider(HttpProvider):
    """POST {base_url}/v1/messages with x-api-key and anthropic-version headers."""

    name = "anthropic"
    default_base_url = "https://api.anthropic.com"
    base_url_env = "ANTHROPIC_BASE_URL"
    key_env = "ANTHROPIC_API_KEY"
    endpoint = "/v1/messages"
    prices = PRICES

    fixed_headers: ClassVar[Mapping[str, str]] = {"anthropic-version": API_VERSION}

    def auth_headers(self, api_key: str) -> dict[str, str]:
        """Anthropic's key header."""
        return {"x-api-key": api_key}

    def request_body(self, request: CompletionRequest) -> dict[str, Any]:
        """System messages lifted to `system`; `stop` becomes `stop_sequences`; a schema becomes a forced tool."""
        system = [m["content"] for m in request.messages if m["role"] == "system"]
        body: dict[str, Any] = {
            "model": request.model,
            "max_tokens": DEFAULT_MAX_TOKENS,
            "messages": [m for m in request.messages if m["role"] != "system"],
        }
        if system:
            body["system"] = "\n\n".join(system)
        for key, value in request.params.items():
            if value is None or key in UNSUPPORTED_PARAMS:
                continue
            if key == "stop":
                body["stop_sequences"] = [value] if isinstance(value, str) else list(value)
            else:
                body[key] = value
        if request.json_schema is not None:
            tool = {"name": SCHEMA_TOOL, "description": "Give the answer.", "input_schema": request.json_schema}
            body["tools"] = [tool]
            body["tool_choice"] = {"type": "tool", "name": SCHEMA_TOOL}
        return body

    def parse(self, data: dict[str, Any]) -> Completion:
        """The text blocks of `content` (or the forced tool's input as JSON) and usage input/output tokens."""
        blocks = data["content"]
        tool_inputs = [b["input"] for b in blocks if b.get("type") == "tool_use" and b.get("name") == SCHEMA_TOOL]
        if tool_inputs:
            text = json.dumps(tool_inputs[0], ensure_ascii=False)
        else:
            texts = [b["text"] for b in blocks if b.get("type", "text") == "text"]
            if not texts and blocks:
                raise KeyError("content has no text block")
            text = "".join(texts)
        usage = data.get("usage") or {}
        return Completion(text, as_tokens(usage.get("input_tokens")), as_tokens(usage.get("output_tokens")))
