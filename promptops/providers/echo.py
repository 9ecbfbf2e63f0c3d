"""The `echo` provider: answers with the rendered messages, for examples and tests."""

from __future__ import annotations

from promptops.providers.base import CompletionRequest, Output
from promptops.providers.guarded import GuardedProvider


def word_count(text: str) -> int:
    """Whitespace-separated words in `text`: the echo provider's token count."""
    return len(text.split())


def echo_text(messages: list[dict[str, str]], mode: str = "last") -> str:
    """The last user message (or last message), or with mode `all` every message as `role: content` lines."""
    if mode == "all":
        return "\n".join(f"{m['role']}: {m['content']}" for m in messages)
    users = [m for m in messages if m["role"] == "user"] or messages
    return users[-1]["content"] if users else ""


class EchoProvider(GuardedProvider):
    """Deterministic: the answer is the prompt itself; `params.echo: all` echoes every message."""

    name = "echo"

    async def attempt(self, request: CompletionRequest) -> Output:
        """Echo the request's messages."""
        mode = str(request.params.get("echo", "last"))
        text = echo_text(request.messages, mode)
        prompt_tokens = sum(word_count(m["content"]) for m in request.messages)
        return Output(text=text, prompt_tokens=prompt_tokens, completion_tokens=word_count(text), cost_usd=0.0)
