"""Helpers shipped for testing prompts and providers without a network."""

from promptops.testing.mock_openai import Fault, MockOpenAI, SeenRequest

__all__ = ["Fault", "MockOpenAI", "SeenRequest"]
