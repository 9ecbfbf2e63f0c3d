"""Spare interpreter shutdown its walks over the whole heap once a long run is over.

At exit CPython clears every module and collects cyclic garbage over the whole heap more than once; after a run of
a thousand cases that took a quarter of a second (benchmarks/bench_runner.py) and changed nothing a user can see.
`skip_exit_collections()` registers an exit hook that freezes the heap: every object moves out of the collector's
reach, so the passes of shutdown find nothing to walk. Cyclic garbage left at that point is not finalised, as after
`os._exit` (promptops closes its files, databases and connections itself before). The hook acts only at the real exit
of the process, so a program that calls `pytest.main()` and goes on is not affected.
"""

from __future__ import annotations

import atexit
import gc

_registered = False


def skip_exit_collections() -> None:
    """Make this process's shutdown skip its garbage-collection passes (idempotent)."""
    global _registered
    if not _registered:
        _registered = True
        atexit.register(_freeze)


def _freeze() -> None:
    gc.freeze()
