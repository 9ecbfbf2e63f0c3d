"""The `openai` provider: OpenAI's chat completions API or any server compatible with it."""

from __future__ import annotations

from typing import Any

from promptops.providers.base import CompletionRequest
from promptops.providers.http import Completion, HttpProvider, as_tokens

# USD per million (input, output) tokens; the longest matching prefix of the model name wins.
PRICES = {
    "gpt-4o": (2.50, 10.00),
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-4-turbo": (10.00, 30.00),
    "gpt-3.5-turbo": (0.50, 1.50),
    "o3-mini": (1.10, 4.40),
    "o4-mini": (1.10, 4.40),
}


class OpenAIProvider(HttpProvider):
    """POST {base_url}/chat/completions with a bearer key (needed only by api.openai.com itself)."""

    name = "openai"
    default_base_url = "https://api.openai.com/v1"
    base_url_env = "OPENAI_BASE_URL"
    key_env = "OPENAI_API_KEY"
    endpoint = "/chat/completions"
    prices = PRICES

    def auth_headers(self, api_key: str) -> dict[str, str]:
        """OpenAI's bearer authorization."""
        return {"authorization": f"Bearer {api_key}"}

    def request_body(self, request: CompletionRequest) -> dict[str, Any]:
        """Model, messages, every answer param, and a strict json_schema response format when asked."""
        body: dict[str, Any] = {"model": request.model, "messages": request.messages}
        body.update({key: value for key, value in request.params.items() if value is not None})
        if request.json_schema is not None:
            body["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "output", "schema": request.json_schema, "strict": True},
            }
        return body

    def parse(self, data: dict[str, Any]) -> Completion:
        """choices[0].message.content and usage.prompt_tokens / completion_tokens."""
        message = data["choices"][0]["message"]
        content = message.get("content")
        if content is None:
            content = message.get("refusal") or ""
        if not isinstance(content, str):
            raise TypeError("choices[0].message.content is not a string")
        usage = data.get("usage") or {}
        return Completion(content, as_tokens(usage.get("prompt_tokens")), as_tokens(usage.get("completion_tokens")))
