"""Per-provider concurrency limits, safe when one provider object is used from successive event loops."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Generic, TypeVar

T = TypeVar("T")


class LoopLocal(Generic[T]):
    """One value per running event loop, made on first use (asyncio objects cannot cross loops)."""

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._loop: asyncio.AbstractEventLoop | None = None
        self._value: T | None = None

    def get(self) -> T:
        """The value for the running loop; a new loop (e.g. a new asyncio.run) gets a fresh one."""
        loop = asyncio.get_running_loop()
        if self._value is None or self._loop is not loop:
            self._loop, self._value = loop, self._factory()
        return self._value

    def pop(self) -> T | None:
        """Forget and return the value of the running loop, if it was made on this loop."""
        value, same_loop = self._value, self._loop is asyncio.get_running_loop()
        self._loop, self._value = None, None
        return value if same_loop else None


class ConcurrencyLimit:
    """At most `limit` callers inside `slot()` at once, per event loop."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._semaphore = LoopLocal(lambda: asyncio.Semaphore(limit))

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Hold one of the `limit` slots for the duration of the block."""
        async with self._semaphore.get():
            yield
