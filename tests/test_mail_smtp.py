"""Delivery through a real SMTP server (aiosmtpd started here): the letter arrives once with the
outbox's Message-ID; an outage loses nothing and the web request does not wait for it; a relay that
takes the message but never answers is not sent a second copy; a crashed dispatcher's rows are
recovered by what they had done; a refused recipient is given up; in the web process the request
answers before the relay has the message."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from matchmaker.dbtypes import utcnow
from matchmaker.extensions import db
from matchmaker.jobs import wait_for_embedded
from matchmaker.mail.delivery import deliver_due
from matchmaker.mail.models import OutboxMessage, OutboxStatus
from matchmaker.uow import transaction
from tests.booking_support import World
from tests.databases import ON_PG
from tests.factories import Factory
from tests.mail_support import SMTPSink, invitation


@pytest.fixture
def sink():
    s = SMTPSink().start()
    yield s
    s.stop()


@pytest.fixture
def smtp_app(make_app, sink):
    app = make_app(MAIL_SERVER="127.0.0.1", MAIL_PORT=sink.port, MAIL_TIMEOUT=2)
    with app.app_context():
        yield app


@pytest.fixture
def w(smtp_app):
    return World(Factory(), smtp_app.test_client())


def rows():
    db.session.expire_all()
    return list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def tick(app):
    result = app.test_cli_runner().invoke(args=["jobs", "tick"])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_letter_arrives_over_smtp_once_with_the_outbox_message_id(w, sink, smtp_app):
    assert w.book().status_code == 201
    (mail,) = sink.messages
    (row,) = rows()
    assert row.status == OutboxStatus.SENT
    assert row.attempts == 1
    assert row.transfer_started_at is not None
    assert str(mail["Message-ID"]) == row.message_id("matchmaker.localhost")
    assert sink.handler.envelopes == [("noreply@matchmaker.localhost", ["member@ru.example"])]
    assert invitation(mail)[0] == "REQUEST"
    assert str(mail["List-Unsubscribe"]).startswith("<http://127.0.0.1:5000/unsubscribe/")
    tick(smtp_app)
    assert len(sink.messages) == 1


def test_an_outage_loses_nothing_and_the_mail_arrives_exactly_once(w, sink, smtp_app):
    sink.stop()
    r = w.book()
    assert r.status_code == 201  # the booking stands; the letter waits in the outbox
    (row,) = rows()
    assert row.status == OutboxStatus.PENDING
    assert row.attempts == 1
    assert "unreachable" in row.last_error
    assert row.transfer_started_at is None
    tick(smtp_app)  # still down: one more attempt, then it waits longer
    (row,) = rows()
    assert row.status == OutboxStatus.PENDING
    assert row.attempts == 2
    assert row.next_attempt_at > utcnow()
    sink.start()  # the relay is back, on the same port
    tick(smtp_app)
    assert sink.messages == []  # backing off: not due yet
    with transaction():
        db.session.execute(update(OutboxMessage).values(next_attempt_at=utcnow()))
    tick(smtp_app)
    assert [str(m["To"]) for m in sink.messages] == ["member@ru.example"]
    tick(smtp_app)
    assert len(sink.messages) == 1
    assert rows()[0].status == OutboxStatus.SENT


def test_first_retry_comes_with_the_next_tick(w, sink, smtp_app):
    sink.stop()
    assert w.book().status_code == 201
    sink.start()
    tick(smtp_app)
    assert len(sink.messages) == 1
    assert rows()[0].attempts == 2


def test_a_relay_that_takes_the_message_but_never_answers_is_not_sent_a_second_copy(w, sink, smtp_app):
    sink.handler.hold_seconds = 4  # longer than MAIL_TIMEOUT: the sender gives up waiting
    assert w.book().status_code == 201
    (row,) = rows()
    assert row.status == OutboxStatus.UNCERTAIN
    assert row.transfer_started_at is not None
    sink.handler.hold_seconds = 0
    tick(smtp_app)
    tick(smtp_app)
    assert len(sink.messages) == 1  # the relay's copy; never a second one by itself
    # an operator who checked decides to send it again: same Message-ID, so mailboxes see one letter
    result = smtp_app.test_cli_runner().invoke(args=["jobs", "outbox", "--requeue", str(row.id)])
    assert result.exit_code == 0, result.output
    assert "queued again" in result.output, result.output
    assert len(sink.messages) == 2
    assert sink.messages[0]["Message-ID"] == sink.messages[1]["Message-ID"]


def test_a_refused_recipient_is_given_up_and_the_others_still_go(w, sink, smtp_app):
    """Refused recipients (5xx) are given up; other letters in the run still go."""
    sink.handler.refuse = {"member@ru.example"}
    assert w.book().status_code == 201
    (row,) = rows()
    assert row.status == OutboxStatus.FAILED
    assert "refused" in row.last_error
    assert w.book(user=w.az2_user, partner=w.ru2, start="12:00", end="13:00").status_code == 201
    assert [str(m["To"]) for m in sink.messages] == ["member@ru2.example"]
    tick(smtp_app)
    assert len(sink.messages) == 1


def test_a_crashed_dispatcher_leaves_rows_that_are_recovered_by_what_they_had_done(w, sink, smtp_app):
    sink.stop()
    w.book()
    w.book(user=w.az2_user, partner=w.ru2, start="12:00", end="13:00")
    first, second = rows()
    long_ago = utcnow() - timedelta(hours=1)
    with transaction():  # as a dispatcher killed mid-way would have left them
        first = db.session.get(OutboxMessage, first.id)
        second = db.session.get(OutboxMessage, second.id)
        first.status, first.claimed_at, first.transfer_started_at = OutboxStatus.SENDING, long_ago, None
        second.status, second.claimed_at, second.transfer_started_at = (
            OutboxStatus.SENDING,
            long_ago,
            long_ago,
        )
    sink.start()
    tick(smtp_app)
    first, second = rows()
    # never handed over: sent now; possibly handed over: kept for a person, not sent twice
    assert first.status == OutboxStatus.SENT
    assert second.status == OutboxStatus.UNCERTAIN
    assert [str(m["To"]) for m in sink.messages] == ["member@ru.example"]


def test_two_dispatchers_never_send_the_same_row(w, sink, smtp_app):
    sink.stop()
    for start, end in (("10:00", "11:00"), ("12:00", "13:00"), ("14:00", "15:00")):
        w.book(start=start, end=end)
    with transaction():
        db.session.execute(update(OutboxMessage).values(next_attempt_at=utcnow() - timedelta(seconds=1)))
    sink.start()
    reports = [deliver_due(), deliver_due()]
    assert sum(r.sent for r in reports) == 3
    assert len(sink.messages) == 3


@pytest.fixture
def threaded_app(make_app, sink, tmp_path):
    """The production arrangement: jobs on a background thread of the web process (a file or
    PostgreSQL database, which a second thread can share)."""
    overrides = {"MAIL_SERVER": "127.0.0.1", "MAIL_PORT": sink.port, "JOBS_EMBEDDED": "thread"}
    if not ON_PG:
        overrides["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{tmp_path / 'mail.sqlite3'}"
    app = make_app(**overrides)
    with app.app_context():
        yield app


def test_the_request_answers_before_the_relay_has_the_message(threaded_app, sink):
    w = World(Factory(), threaded_app.test_client())
    sink.handler.release = threading.Event()  # the relay takes the message but answers only later
    r = w.book()
    assert r.status_code == 201
    status = rows()[0].status
    db.session.rollback()  # end this read (SQLite: every transaction takes the write lock)
    assert status in (OutboxStatus.PENDING, OutboxStatus.SENDING)  # not sent when we answered
    sink.handler.release.set()
    wait_for_embedded(threaded_app)
    assert [str(m["To"]) for m in sink.messages] == ["member@ru.example"]
    assert rows()[0].status == OutboxStatus.SENT
