"""The collector pauses while suites are read and comes back as it was; the heap freezes and thaws on request."""

from __future__ import annotations

import gc

from promptops.gc_pause import HeapFreeze, paused_collection


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_no_collection_runs_inside_and_the_collector_is_back_after() -> None:
    passes: list[str] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            passes.append(phase)

    gc.callbacks.append(count)
    try:
        with paused_collection():
            passes.clear()  # a pass may start on the way in, before the collector is off
            for _ in range(50_000):  # far past the young generation's threshold
                Cycle()
            assert not gc.isenabled()
            assert passes == []
        assert gc.isenabled()
        gc.collect()
        assert passes  # the cycles left behind are found by the next pass
    finally:
        gc.callbacks.remove(count)


def test_a_collector_turned_off_before_stays_off() -> None:
    gc.disable()
    try:
        with paused_collection():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_freeze_then_thaw_leaves_nothing_frozen() -> None:
    heap = HeapFreeze()
    heap.freeze()
    try:
        assert gc.get_freeze_count() > 0
    finally:
        heap.thaw()
    assert gc.get_freeze_count() == 0
    heap.thaw()  # twice is safe
    assert gc.get_freeze_count() == 0


def test_a_freeze_inside_another_leaves_the_outer_one_alone() -> None:
    outer, inner = HeapFreeze(), HeapFreeze()
    outer.freeze()
    try:
        inner.freeze()
        assert not inner.frozen
        inner.thaw()
        assert gc.get_freeze_count() > 0  # the inner run did not thaw what the outer froze
    finally:
        outer.thaw()
    assert gc.get_freeze_count() == 0
