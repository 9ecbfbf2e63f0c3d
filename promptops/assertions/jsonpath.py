"""A small, safe JSONPath subset: `$.a.b[0].c`, `$['key']`, `$.items[*].name`, `$.*`."""

from __future__ import annotations

import ast
import re
from typing import Any

Step = str | int | None  # a key, an index, or None for a wildcard

_STEP = re.compile(
    r"""\.(?P<name>[A-Za-z_][\w-]*)
      | \.(?P<dotstar>\*)
      | \[\s*(?P<index>-?\d+)\s*\]
      | \[\s*(?P<star>\*)\s*\]
      | \[\s*(?P<quoted>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*\]""",
    re.VERBOSE,
)


def parse_path(path: str) -> tuple[Step, ...]:
    """The steps of a JSONPath; ValueError naming the position of the first bad character."""
    text = path.strip()
    if not text.startswith("$"):
        raise ValueError(f"JSONPath {path!r} must start with '$', as in '$.label' or '$.items[0].name'")
    steps: list[Step] = []
    pos = 1
    while pos < len(text):
        match = _STEP.match(text, pos)
        if match is None:
            raise ValueError(
                f"JSONPath {path!r} is not supported at position {pos} ({text[pos : pos + 10]!r}): "
                "use .key, ['key'], [0], [-1] or [*]"
            )
        if match["name"] is not None:
            steps.append(match["name"])
        elif match["index"] is not None:
            steps.append(int(match["index"]))
        elif match["quoted"] is not None:
            steps.append(str(ast.literal_eval(match["quoted"])))
        else:
            steps.append(None)
        pos = match.end()
    return tuple(steps)


def is_multiple(steps: tuple[Step, ...]) -> bool:
    """Whether the path can select several nodes (it has a wildcard)."""
    return any(step is None for step in steps)


def select(data: Any, steps: tuple[Step, ...]) -> list[Any]:
    """Every node the path selects in `data`, in document order."""
    nodes = [data]
    for step in steps:
        found: list[Any] = []
        for node in nodes:
            if step is None:
                if isinstance(node, dict):
                    found.extend(node.values())
                elif isinstance(node, list):
                    found.extend(node)
            elif isinstance(step, int):
                if isinstance(node, list) and -len(node) <= step < len(node):
                    found.append(node[step])
            elif isinstance(node, dict) and step in node:
                found.append(node[step])
        nodes = found
    return nodes
