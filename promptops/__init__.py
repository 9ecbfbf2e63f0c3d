"""promptops: version LLM prompts in git and regression-test them.

The public API is what `__all__` lists; everything else is internal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "InputError",
    "Prompt",
    "PromptVersion",
    "PromptopsError",
    "Suite",
    "__version__",
    "history",
    "load",
    "load_suite",
]

if TYPE_CHECKING:
    from promptops.api import history, load, load_suite
    from promptops.errors import InputError, PromptopsError
    from promptops.githistory import PromptVersion
    from promptops.prompt import Prompt
    from promptops.suite import Suite

_LAZY = {
    "load": "promptops.api",
    "history": "promptops.api",
    "load_suite": "promptops.api",
    "Prompt": "promptops.prompt",
    "Suite": "promptops.suite",
    "PromptVersion": "promptops.githistory",
    "PromptopsError": "promptops.errors",
    "InputError": "promptops.errors",
}


def __getattr__(name: str) -> Any:
    """Import the public names on first use, so `import promptops` stays cheap."""
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'promptops' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value
