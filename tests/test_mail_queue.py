"""Queue mode: ``JOBS_BROKER_URL`` sends the jobs to RQ on a real Redis (database 5 unless
``TEST_REDIS_URL`` says otherwise) and a real ``flask jobs worker --burst`` process runs them. The
request only enqueues; the worker sends; an outage is retried by ``flask jobs tick``; the worker
runs the periodic tick job; a broker that cannot be reached loses nothing either."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from redis import Redis
from rq import Queue
from sqlalchemy import select

from matchmaker.extensions import db
from matchmaker.jobs.tasks import tick as tick_job
from matchmaker.mail.models import OutboxMessage, OutboxStatus
from matchmaker.meetings.models import Meeting
from tests.booking_support import World
from tests.databases import ON_PG, TEST_DB
from tests.factories import Factory
from tests.mail_support import SMTPSink, free_port

ROOT = Path(__file__).resolve().parent.parent
FLASK = str(Path(sys.executable).parent / "flask")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/5")


def _redis_up() -> bool:
    try:
        return bool(Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping())
    except Exception:
        return False


@pytest.fixture
def sink():
    s = SMTPSink().start()
    yield s
    s.stop()


@pytest.fixture
def broker():
    if not _redis_up():
        pytest.skip(f"no Redis at {REDIS_URL}")
    conn = Redis.from_url(REDIS_URL)
    yield conn
    conn.close()


@pytest.fixture
def queue_name(broker):
    """A queue of this test's own: tests running at the same time (xdist, other checkouts) share the
    Redis database, so none empties it; each removes only its own queue afterwards."""
    name = f"matchmaker-test-{uuid.uuid4().hex[:12]}"
    yield name
    Queue(name, connection=broker).delete(delete_jobs=True)


@pytest.fixture
def queued(make_app, sink, broker, queue_name, tmp_path):
    url = TEST_DB if ON_PG else f"sqlite:///{tmp_path / 'queue.sqlite3'}"
    settings = {
        "SQLALCHEMY_DATABASE_URI": url,
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": sink.port,
        "JOBS_BROKER_URL": REDIS_URL,
        "JOBS_QUEUE": queue_name,
    }
    app = make_app(**settings)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FLASK_", "MAIL_", "JOBS_", "DATABASE_"))}
    env.update(
        MATCHMAKER_ENV="development",
        MATCHMAKER_INSTANCE=str(tmp_path / "instance"),
        DATABASE_URL=url,
        SECRET_KEY=app.secret_key,
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=str(sink.port),
        MAIL_TIMEOUT="5",
        JOBS_BROKER_URL=REDIS_URL,
        JOBS_QUEUE=queue_name,
        PYTHONPATH=str(ROOT),
    )
    app.subprocess_env = env
    with app.app_context():
        yield app


def flask(app, *args: str) -> subprocess.CompletedProcess:
    db.session.rollback()  # leave the database to the other process (SQLite: one writer)
    result = subprocess.run(
        [FLASK, "--app", "wsgi", *args],
        cwd=ROOT,
        env=app.subprocess_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"flask {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result


def statuses():
    db.session.expire_all()
    found = [row.status for row in db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))]
    db.session.rollback()
    return found


@pytest.mark.slow
def test_the_request_enqueues_and_the_worker_sends(queued, sink, broker):
    w = World(Factory(), queued.test_client())
    assert w.book().status_code == 201
    assert Queue(queued.config["JOBS_QUEUE"], connection=broker).count == 1
    assert sink.messages == []
    assert statuses() == [OutboxStatus.PENDING]
    flask(queued, "jobs", "worker", "--burst")
    assert [str(m["To"]) for m in sink.messages] == ["member@ru.example"]
    assert str(sink.messages[0]["Subject"]) == "Запрос на встречу от Gəncə Aqro MMC"
    assert statuses() == [OutboxStatus.SENT]
    assert Queue(queued.config["JOBS_QUEUE"], connection=broker).count == 0


@pytest.mark.slow
def test_an_outage_in_queue_mode_is_retried_by_the_tick_exactly_once(queued, sink, broker):
    w = World(Factory(), queued.test_client())
    sink.stop()
    assert w.book().status_code == 201
    flask(queued, "jobs", "worker", "--burst")
    assert statuses() == [OutboxStatus.PENDING]
    sink.start()
    output = flask(queued, "jobs", "tick").stdout
    assert "mail: 1 sent" in output
    flask(queued, "jobs", "worker", "--burst")
    flask(queued, "jobs", "tick")
    assert [str(m["To"]) for m in sink.messages] == ["member@ru.example"]


@pytest.mark.slow
def test_the_worker_runs_the_periodic_tick_job(queued, sink, broker):
    w = World(Factory(), queued.test_client())
    mid = w.book().get_json()["id"]
    assert w.call("POST", f"/api/v1/meetings/{mid}/accept", user=w.ru_user).status_code == 200
    start = db.session.get(Meeting, mid).start_at
    db.session.rollback()
    queue = Queue(queued.config["JOBS_QUEUE"], connection=broker)
    queue.enqueue(tick_job, (start - timedelta(hours=20)).isoformat())
    queue.enqueue(tick_job, (start - timedelta(hours=19)).isoformat())
    flask(queued, "jobs", "worker", "--burst")
    reminders = [
        m for m in sink.messages if "Xatırlatma" in str(m["Subject"]) or "Напоминание" in str(m["Subject"])
    ]
    assert sorted(str(m["To"]) for m in reminders) == ["member@az.example", "member@ru.example"]


def test_a_broker_out_of_reach_loses_nothing(make_app, sink, tmp_path):
    app = make_app(
        MAIL_SERVER="127.0.0.1", MAIL_PORT=sink.port, JOBS_BROKER_URL=f"redis://127.0.0.1:{free_port()}/0"
    )
    with app.app_context():
        w = World(Factory(), app.test_client())
        assert w.book().status_code == 201  # answered although the job could not be queued
        assert statuses() == [OutboxStatus.PENDING]
        assert sink.messages == []
        result = app.test_cli_runner().invoke(args=["jobs", "tick"])
        assert result.exit_code == 0, result.output
        assert "mail: 1 sent" in result.output, result.output
        assert [str(m["To"]) for m in sink.messages] == ["member@ru.example"]


def test_worker_without_a_broker_says_so(runner):
    result = runner.invoke(args=["jobs", "worker", "--burst"])
    assert result.exit_code != 0
    assert "JOBS_BROKER_URL is not set" in result.output


def test_the_workers_ticker_enqueues_one_tick_a_minute_however_many_workers_run(make_app, broker, queue_name):
    from matchmaker.jobs.queue import Ticker, queue

    app = make_app(JOBS_BROKER_URL=REDIS_URL, JOBS_QUEUE=queue_name)
    q = queue(app, broker)
    tickers = [Ticker(app, q, tick_job) for _ in range(2)]
    for ticker in tickers:
        ticker.start()
    deadline = time.monotonic() + 10
    while q.count < 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    for ticker in tickers:
        ticker.stopped.set()
    # both ran their first round at once; the minute's key let one of them enqueue
    # (at a minute's turn between the two rounds each minute gets its own tick: still one a minute)
    assert 1 <= q.count <= 2
    assert all(job.func_name == "matchmaker.jobs.tasks.tick" for job in q.jobs)
    assert len(broker.keys(f"matchmaker:jobs:tick:{queue_name}:*")) == q.count
