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
from promptops.results import CaseResult
from promptops.runner import RunPlan
from promptops.session import RunOptions, Session


class StreamedRun:
    """Runs `plans` on a thread with a Session of its own; `result(i, case_id)` blocks until that case is done."""

    def __init__(self, project: Project, options: RunOptions, plans: Sequence[RunPlan]) -> None:
        self._plans = list(plans)
        self._index = {id(plan): i for i, plan in enumerate(self._plans)}
        self._expected = sum(len(plan.cases()) for plan in self._plans)
        self._session = Session(project, options)
        self._results: dict[tuple[int, str], CaseResult] = {}
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
        """The result of one case of the `plan_index`-th plan, waiting for it; re-raises what stopped the run."""
        key = (plan_index, case_id)
        with self._changed:
            while key not in self._results:
                if self._failure is not None:
                    raise self._failure
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

    def close(self) -> None:
        """Cancel what is still running (unless every case is done), wait for the thread, close the run's session."""
        with self._changed:
            done = len(self._results) >= self._expected
        if not done:  # pytest -x, Ctrl-C: stop the cases nobody will ask for; else let the run be stored complete
            self.cancel()
        if self._thread.is_alive():
            self._thread.join()
        self._session.close()

    def _on_case(self, plan: RunPlan, result: CaseResult) -> None:
        with self._changed:
            self._results[(self._index[id(plan)], result.case_id)] = result
            self._changed.notify_all()

    def _work(self) -> None:
        loop = asyncio.new_event_loop()
        try:
            task = loop.create_task(self._session.arun(self._plans, on_case=self._on_case))
            with self._changed:
                self._loop, self._task = loop, task
                if self._cancelled:
                    task.cancel()
            loop.run_until_complete(task)
        except asyncio.CancelledError:
            pass
        except BaseException as exc:  # handed to the items that wait, which report it as their failure
            with self._changed:
                self._failure = exc
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()
            with self._changed:
                self._finished = True
                self._changed.notify_all()
