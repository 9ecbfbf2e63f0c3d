"""Spare interpreter shutdown its walks over the whole heap once a long run is over.

At exit CPython clears every module and collects cyclic garbage over the whole heap more than once; after a run of
a thousand cases that took a quarter of a second (benchmarks/bench_runner.py) and changed nothing a user can see.
`skip_exit_collections()` registers an exit hook that freezes the heap: every object moves out of the collector's
reach, so the passes of shutdown find nothing to walk. Cyclic garbage left at that point is not finalised, as after
`os._exit` (promptops closes its files, databases and connections itself before). The hook acts only at the real exit
of the process, so a program that calls `pytest.main()` and goes on is not affected.

pytest, too, collects the whole heap when it ends (to report exceptions raised in finalisers of cyclic garbage);
after a thousand suite items that took another 0.13 s. `skip_pytest_exit_collections(config)` turns those passes off
for one pytest session, through the setting pytest's own `pytester` uses for the same reason. The plugin asks for it
only when every item of the session was a suite case: no test of the user's ran, so there is nothing of theirs to
report, and exceptions already caught are still reported.
"""

from __future__ import annotations

import atexit
import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pytest

_registered = False


def skip_exit_collections() -> None:
    """Make this process's shutdown skip its garbage-collection passes (idempotent)."""
    global _registered
    if not _registered:
        _registered = True
        atexit.register(_freeze)


def _freeze() -> None:
    gc.freeze()


def skip_pytest_exit_collections(config: pytest.Config) -> None:
    """Turn off pytest's garbage-collection passes at the end of this session (if this pytest has them)."""
    try:
        from _pytest.unraisableexception import gc_collect_iterations_key
    except ImportError:  # a pytest without the passes, or with the setting moved: nothing to skip
        return
    config.stash[gc_collect_iterations_key] = 0
