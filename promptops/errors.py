"""The exception tree: every error promptops raises on purpose derives from PromptopsError."""

from __future__ import annotations

from pathlib import Path
from typing import Literal


class PromptopsError(Exception):
    """Base of every error promptops raises deliberately. Its str() is the one line shown to users."""

    exit_code = 2


class InputError(PromptopsError):
    """Bad input from the user: a file, a reference, a CLI argument. Exit status 2."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(self.format())

    def format(self) -> str:
        if self.path is None:
            return self.message
        if self.line is None:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}: {self.message}"


class ValidationFailed(InputError):
    """A file did not match its schema; carries every problem found, first one in the message."""

    def __init__(self, problems: list[InputError]) -> None:
        self.problems = problems
        first = problems[0]
        super().__init__(first.message, first.path, first.line)

    def format(self) -> str:
        lines = [p.format() for p in self.problems]
        return "\n".join(lines)


def leaf_problems(error: InputError) -> list[InputError]:
    """Every single problem in `error`: the problems of a ValidationFailed (nested ones too), else `error`."""
    if isinstance(error, ValidationFailed):
        return [leaf for problem in error.problems for leaf in leaf_problems(problem)]
    return [error]


class TemplateError(InputError):
    """A prompt template failed to parse or render."""


class GitError(InputError):
    """A git repository state or revision promptops cannot work with."""


class ReferenceNotFound(InputError):
    """A `name@ref` that names no prompt or no version."""


class ConfigError(InputError):
    """Bad `[tool.promptops]` configuration."""


class ModelSpecError(InputError):
    """A prompt's `model.provider` or `model.name` that turns out unusable only when it is used (a plugin that does
    not import, a `module:function` that is not there); the runner puts the prompt's file and that key's line on it."""

    def __init__(self, message: str, key: Literal["provider", "name"]) -> None:
        self.key = key
        super().__init__(message)


class ProviderError(PromptopsError):
    """A model provider failed after its retries; reported per case as an error, never cached."""

    exit_code = 1

    def __init__(self, message: str, *, retryable: bool = False, retry_after: float | None = None) -> None:
        self.retryable = retryable
        self.retry_after = retry_after
        super().__init__(message)


class MissingDependency(PromptopsError):
    """An optional dependency is not installed; the message names the pip command that fixes it."""

    def __init__(self, what: str, install: str) -> None:
        self.install = install
        super().__init__(f"{what} is not installed; install it with: {install}")


class BrokenDependency(PromptopsError):
    """An optional dependency is installed but fails to import; the message gives the reason and how to reinstall."""


class StoreError(PromptopsError):
    """The run store or cache could not be read or written (exit 2: a broken environment, not a failed check)."""
