"""The RQ side of the jobs: the Redis connection, enqueueing, and the worker with its minute tick."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from flask import Flask
from redis import Redis
from rq import Queue, SimpleWorker

log = logging.getLogger(__name__)

TICK_LOCK = "matchmaker:jobs:tick:{queue}:{minute}"  # per queue: one tick a minute per deployment
JOB_TIMEOUT = 600  # seconds; a delivery run of MAIL_BATCH messages stays far below


def connection(app: Flask, *, blocking: bool = False) -> Redis:
    """A Redis client for the broker. The web side fails fast (the outbox keeps the work); the
    worker waits on the queue as long as it likes."""
    url = app.config["JOBS_BROKER_URL"]
    if blocking:
        return Redis.from_url(url, socket_connect_timeout=5, health_check_interval=30)
    client = app.extensions.get("matchmaker.redis")
    if client is None:  # one pool per process (redis-py resets it in a forked child)
        client = Redis.from_url(url, socket_connect_timeout=2, socket_timeout=5)
        app.extensions["matchmaker.redis"] = client
    return client


def queue(app: Flask, conn: Redis | None = None) -> Queue:
    return Queue(app.config["JOBS_QUEUE"], connection=conn or connection(app))


def enqueue(app: Flask, task: Callable[..., Any], *args: Any) -> None:
    queue(app).enqueue(task, *args, job_timeout=JOB_TIMEOUT, result_ttl=600, failure_ttl=7 * 86400)


class Ticker(threading.Thread):
    """Enqueues the periodic job once a minute. Several workers may run: a Redis key per minute
    (SET NX) lets exactly one of them enqueue that minute's tick."""

    def __init__(self, app: Flask, q: Queue, task: Callable[..., Any]) -> None:
        super().__init__(name="matchmaker-ticker", daemon=True)
        self.app, self.queue, self.task = app, q, task
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            minute = int(time.time() // 60)
            try:
                if self.queue.connection.set(
                    TICK_LOCK.format(queue=self.queue.name, minute=minute), "1", nx=True, ex=600
                ):
                    self.queue.enqueue(self.task, job_timeout=JOB_TIMEOUT, result_ttl=600)
            except Exception:
                log.exception("could not enqueue the periodic tick")
            self.stopped.wait(60 - time.time() % 60 + 0.5)


def run_worker(app: Flask, task_for_tick: Callable[..., Any], burst: bool) -> bool:
    """Serve the queue in this process (jobs run here, in the command's application context).
    With ``burst``: until the queue is empty. Otherwise for ever, enqueueing the tick every minute."""
    conn = connection(app, blocking=True)
    q = queue(app, conn)
    worker = SimpleWorker([q], connection=conn)
    ticker = None
    if not burst:
        ticker = Ticker(app, q, task_for_tick)
        ticker.start()
    try:
        return worker.work(burst=burst, logging_level="INFO")
    finally:
        if ticker is not None:
            ticker.stopped.set()
