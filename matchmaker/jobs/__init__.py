"""Background jobs: on the RQ queue when ``JOBS_BROKER_URL`` is set, else in the web process.

A job is a module-level function of :mod:`matchmaker.jobs.tasks` (RQ stores it by its import path);
each runs in its own unit of work (:func:`matchmaker.uow.transaction`). Work that a change causes is
handed over with :func:`after_commit`, so a rolled-back change starts nothing.

- **Queue mode** (``JOBS_BROKER_URL=redis://…``): the job is enqueued on the RQ queue
  ``JOBS_QUEUE`` and ``flask jobs worker`` runs it. If Redis cannot be reached the job is dropped
  with a log line; whatever it was meant to do is still recorded in the database (the outbox) and
  the next ``flask jobs tick`` picks it up.
- **Embedded mode** (no broker): in a web request the job runs on one background thread of the
  process (``JOBS_EMBEDDED="thread"``), so the answer never waits for it; in a command, or with
  ``JOBS_EMBEDDED="inline"`` (the tests), it runs at once, after the commit, in the same thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from flask import Flask, current_app, has_request_context

from ..uow import after_commit as _after_commit

log = logging.getLogger(__name__)


def after_commit(task: Callable[[], Any]) -> None:
    """Run the job ``task`` once the current transaction has committed (never if it rolls back).
    The same task asked for twice in one transaction runs once."""
    _after_commit(_SUBMITTERS.setdefault(task, _submitter(task)))


_SUBMITTERS: dict[Callable[[], Any], Callable[[], None]] = {}


def _submitter(task: Callable[[], Any]) -> Callable[[], None]:
    def submit_after_commit() -> None:
        submit(task)

    submit_after_commit.__qualname__ = f"submit({task.__qualname__})"
    return submit_after_commit


def submit(task: Callable[..., Any], *args: Any) -> None:
    """Start ``task(*args)`` as a job now, in the configured mode."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    if app.config.get("JOBS_BROKER_URL"):
        from .queue import enqueue

        try:
            enqueue(app, task, *args)
        except Exception:  # Redis away: the database keeps the work for the next tick
            log.exception("could not enqueue %s; the next 'flask jobs tick' will do its work", task.__name__)
        return
    if app.config.get("JOBS_EMBEDDED") == "inline" or not has_request_context():
        task(*args)
        return
    _embedded(app).submit(task, *args)


class EmbeddedRunner:
    """One background thread per web process; a job already waiting is not queued twice."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self._executor: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._waiting: set[tuple[Any, ...]] = set()
        self._last: Future | None = None

    def submit(self, task: Callable[..., Any], *args: Any) -> None:
        key = (task, *args)
        with self._lock:
            if key in self._waiting:
                return
            self._waiting.add(key)
            if self._executor is None:  # created on first use: after gunicorn forked its workers
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="matchmaker-jobs")
            self._last = self._executor.submit(self._run, key, task, args)

    def _run(self, key: tuple[Any, ...], task: Callable[..., Any], args: tuple[Any, ...]) -> None:
        with self._lock:
            self._waiting.discard(key)
        with self.app.app_context():
            try:
                task(*args)
            except Exception:
                log.exception("background job %s failed", task.__name__)

    def wait(self, timeout: float = 30) -> None:
        """Block until the jobs submitted so far have run (tests, shutdown)."""
        with self._lock:
            last = self._last
        if last is not None:
            last.result(timeout=timeout)


def _embedded(app: Flask) -> EmbeddedRunner:
    runner = app.extensions.get("matchmaker.jobs")
    if runner is None:
        runner = app.extensions.setdefault("matchmaker.jobs", EmbeddedRunner(app))
    return runner


def wait_for_embedded(app: Flask, timeout: float = 30) -> None:
    runner = app.extensions.get("matchmaker.jobs")
    if runner is not None:
        runner.wait(timeout)
