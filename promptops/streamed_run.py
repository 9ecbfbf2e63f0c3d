"""A run on a background thread whose case results can be awaited one by one, as pytest items ask for them.

pytest reports its items one after another; when the whole batch ran before the first item, each item's own
overhead (hooks, reports, the terminal) came after the last answer. Here the batch runs on its own event loop
while the items are reported, so that overhead hides behind the wait on the provider.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Sequence

from promptops.config import Project
from promptops.errors import PromptopsError
from promptops.results import CaseResult, RunRecord
from promptops.runner import RunPlan
from promptops.session import RunOptions, Session


class StreamedRun:
    """Runs `plans` on a thread with a Session of its own; `result(i, case_id)` blocks until that case is done.

    A plan that fails (a template error, a damaged recordings file) fails the items of that plan only.
    """

    def __init__(self, project: Project, options: RunOptions, plans: Sequence[RunPlan]) -> None:
        self._plans = list(plans)
        self._index = {id(plan): i for i, plan in enumerate(self._plans)}
        self._session = Session(project, options)
        self._results: dict[tuple[int, str], CaseResult] = {}
        self._plan_failures: dict[int, Exception] = {}
        self._failure: BaseException | None = None
        self._finished = False
        self._changed = threading.Condition()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[object] | None = None
        self._cancelled = False
        self._thread = threading.Thread(target=self._work, name="promptops-run", daemon=True)

    def start(self) -> StreamedRun:
        self._thread.start()
        return self

    def result(self, plan_index: int, case_id: str) -> CaseResult:
        """The result of one case of the `plan_index`-th plan, waiting for it; re-raises what stopped its plan."""
        key = (plan_index, case_id)
        with self._changed:
            while key not in self._results:
                failure = self._plan_failures.get(plan_index) or self._failure
                if failure is not None:
                    raise failure.with_traceback(None)  # shared by every item: do not let tracebacks pile up
                if self._finished:
                    raise PromptopsError(f"the run ended without a result for case '{case_id}'")
                self._changed.wait()
            return self._results[key]

    def cancel(self) -> None:
        """Stop the run (pytest -x, Ctrl-C): what finished is kept and the run is stored as interrupted."""
        with self._changed:
            self._cancelled = True  # seen by a thread that has not made its task yet
            loop, task = self._loop, self._task
        if loop is not None and task is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop closed in between: nothing left to stop
                loop.call_soon_threadsafe(task.cancel)

    def close(self, *, cancel: bool) -> None:
        """Wait for the run (cancelling it first when asked), then close its session. Safe to call twice."""
        if cancel:
            self.cancel()
        if self._thread.is_alive():
            self._thread.join()
        self._session.close()

    def _on_case(self, plan: RunPlan, result: CaseResult) -> None:
        with self._changed:
            self._results[(self._index[id(plan)], result.case_id)] = result
            self._changed.notify_all()

    async def _main(self) -> list[RunRecord | Exception]:
        task = asyncio.current_task()
        with self._changed:
            self._loop, self._task = asyncio.get_running_loop(), task
            if self._cancelled and task is not None:
                task.cancel()
        return await self._session.arun_each(self._plans, on_case=self._on_case, on_failure=self._on_failure)

    def _on_failure(self, plan: RunPlan, error: Exception) -> None:
        with self._changed:
            self._plan_failures[self._index[id(plan)]] = error
            self._changed.notify_all()

    def _work(self) -> None:
        try:
            # asyncio.run: leftover tasks are cancelled and async generators closed before the loop goes
            asyncio.run(self._main())
        except asyncio.CancelledError:
            pass
        except BaseException as exc:  # handed to the items that wait, which report it as their failure
            with self._changed:
                self._failure = exc
        finally:
            with self._changed:
                self._finished = True
                self._changed.notify_all()
