"""The exit hook freezes the heap at the real exit of the process, once, and not before."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import atexit, gc
atexit.register(lambda: print("frozen at exit:", gc.get_freeze_count() > 0))  # runs after the hook (LIFO)
from promptops.exit_speed import skip_exit_collections
skip_exit_collections()
skip_exit_collections()
print("frozen before exit:", gc.get_freeze_count() > 0)
print("hooks:", atexit._ncallbacks())
"""


def test_the_heap_is_frozen_only_when_the_process_exits() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.splitlines() == ["frozen before exit: False", "hooks: 2", "frozen at exit: True"]
