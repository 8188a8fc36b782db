"""Delivering the outbox over SMTP (Flask-Mailman), once per message.

Each message goes through three short transactions around the SMTP conversation, and never holds
a database transaction open while the relay is talked to:

1. **claim**: ``pending`` → ``sending`` with ``attempts + 1``, only if still pending and due (two
   dispatchers never both get a row);
2. just before ``DATA`` (the relay has accepted sender and recipients) ``transfer_started_at`` is
   committed; then the message is handed over with its fixed ``Message-ID``;
3. **record**: ``sent`` on the relay's yes; ``pending`` again with a backoff (:data:`BACKOFF`) when
   the relay was unreachable or answered "try later" (4xx) before taking the message; ``failed``
   on a permanent refusal (5xx) or after ``MAIL_MAX_ATTEMPTS``; ``uncertain`` when the attempt
   broke off (timeout, lost connection) *after* the whole message had been written to the relay.

The guarantee, honestly: a message is never handed over twice by this code. A message whose
hand-over is known not to have started is retried until it goes. A message whose hand-over
started but whose answer never came (``uncertain``; also a dispatcher killed between step 2 and
step 3, found by :func:`release_stale`) may or may not have been delivered; it is not resent by
itself, because resending is what makes duplicates: ``flask jobs outbox`` lists such messages
and ``flask jobs outbox --requeue ID`` sends one again, with the same ``Message-ID``, so mail
systems that deduplicate on it (Gmail does) still show one copy. Exactly-once over SMTP cannot be
had in general: this is at-least-once where the relay's answer is known and at-most-once where it
is not.
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import parseaddr
from enum import StrEnum
from urllib.parse import urlsplit

from flask import current_app
from sqlalchemy import select, update

from ..dbtypes import utcnow
from ..extensions import db, mail
from ..uow import transaction
from .message import OutboxEmail
from .models import OutboxMessage, OutboxStatus

log = logging.getLogger("matchmaker.mail")

# seconds to wait after the n-th failed attempt: the 1st retry comes with the next run, then about
# 1, 2, 5, 10, 20, 30 minutes, then hourly (a few seconds early, so the minute tick finds them due)
BACKOFF = (0, 55, 115, 295, 595, 1195, 1795, 3595)


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=BACKOFF[min(max(attempts, 1), len(BACKOFF)) - 1])


class Outcome(StrEnum):
    SENT = "sent"
    RETRY = "retry"  # not handed over; try again later
    UNREACHABLE = "unreachable"  # the relay cannot be reached: try again later, stop this run
    UNCERTAIN = "uncertain"
    REFUSED = "refused"


@dataclass
class Report:
    sent: int = 0
    retried: int = 0
    uncertain: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.sent} sent, {self.retried} to retry, {self.uncertain} uncertain, {self.failed} failed"


@dataclass
class Prepared:
    id: int
    attempts: int
    message: OutboxEmail


def sender_domain() -> str:
    address = parseaddr(current_app.config.get("MAIL_DEFAULT_SENDER") or "")[1]
    if "@" in address:
        return address.rsplit("@", 1)[1]
    return urlsplit(current_app.config["PUBLIC_URL"]).hostname or "matchmaker.localhost"


def build_message(row: OutboxMessage) -> OutboxEmail:
    headers = dict(row.headers or {})
    headers["Message-ID"] = row.message_id(sender_domain())
    attachments = row.attachments or []
    return OutboxEmail(
        subject=row.subject,
        body=row.text_body,
        html=row.html_body,
        from_email=current_app.config["MAIL_DEFAULT_SENDER"],
        to=[row.to_address],
        headers=headers,
        # an iTIP invitation is also a calendar part of the message, which mail programs act on
        invitations=[(a["method"], a["content"]) for a in attachments if a.get("method")],
        files=[(a["filename"], a["mimetype"], a["content"], a.get("method") or "") for a in attachments],
    )


# the steps ----------------------------------------------------------------------------------------
def release_stale(now: datetime | None = None) -> int:
    """Rows left ``sending`` by a dispatcher that died: back to ``pending`` when the hand-over had
    not started, else ``uncertain``."""
    now = now or utcnow()
    cutoff = now - timedelta(seconds=max(300, 4 * float(current_app.config.get("MAIL_TIMEOUT") or 30)))
    count = 0
    for row in db.session.scalars(
        select(OutboxMessage).where(
            OutboxMessage.status == OutboxStatus.SENDING, OutboxMessage.claimed_at < cutoff
        )
    ):
        if row.transfer_started_at is None:
            row.status, row.next_attempt_at = OutboxStatus.PENDING, now
        else:
            row.status = OutboxStatus.UNCERTAIN
            row.last_error = "the dispatcher stopped while handing the message to the relay"
        count += 1
    db.session.flush()
    return count


def due_ids(now: datetime, limit: int) -> list[int]:
    return list(
        db.session.scalars(
            select(OutboxMessage.id)
            .where(OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.next_attempt_at <= now)
            .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
            .limit(limit)
        )
    )


def claim(row_id: int, now: datetime) -> Prepared | None:
    with transaction():
        result = db.session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.id == row_id,
                OutboxMessage.status == OutboxStatus.PENDING,
                OutboxMessage.next_attempt_at <= now,
            )
            .values(
                status=OutboxStatus.SENDING,
                claimed_at=utcnow(),
                transfer_started_at=None,
                attempts=OutboxMessage.attempts + 1,
            )
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:
            return None
        row = db.session.get(OutboxMessage, row_id, populate_existing=True)
        try:
            message = build_message(row)
            message.message()  # header checks: no line break in a header, addresses that parse
        except (ValueError, TypeError, LookupError) as exc:
            row.status, row.last_error = OutboxStatus.FAILED, f"cannot be built: {exc!r}"[:500]
            return None
        prepared = Prepared(row.id, row.attempts, message)
    return prepared


def _mark_transfer(row_id: int) -> None:
    with transaction():
        db.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row_id)
            .values(transfer_started_at=utcnow())
            .execution_options(synchronize_session=False)
        )


def attempt(backend, prepared: Prepared) -> tuple[Outcome, str]:
    """Hand one message to the relay; what happened, and the error text."""
    try:
        backend.open()
    except Exception as exc:  # refused, timed out, TLS or login failed: the relay is not usable
        _close(backend)
        return Outcome.UNREACHABLE, f"relay unreachable: {exc!r}"
    conn = getattr(backend, "connection", None)
    if conn is not None:
        conn.before_data = lambda: _mark_transfer(prepared.id)
        conn.transferred = False
    try:
        backend.send_messages([prepared.message])
        return Outcome.SENT, ""
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _msg in exc.recipients.values()]
        _close(backend)
        return (
            Outcome.REFUSED if all(c >= 500 for c in codes) else Outcome.RETRY
        ), f"refused: {exc.recipients}"
    except smtplib.SMTPResponseException as exc:  # sender refused, DATA refused: a definite answer
        _close(backend)
        return (
            Outcome.REFUSED if exc.smtp_code >= 500 else Outcome.RETRY
        ), f"{exc.smtp_code} {exc.smtp_error!r}"
    except Exception as exc:
        transferred = bool(getattr(conn, "transferred", False))
        _close(backend)
        if transferred:
            return Outcome.UNCERTAIN, f"no answer after the message was handed over: {exc!r}"
        return Outcome.UNREACHABLE, f"broke off before the message was handed over: {exc!r}"
    finally:
        if conn is not None:
            conn.before_data = None


def _close(backend) -> None:
    try:
        backend.close()
    except Exception:  # the connection is gone already
        if getattr(backend, "connection", None) is not None:
            backend.connection = None


def record(prepared: Prepared, outcome: Outcome, error: str) -> None:
    with transaction():
        row = db.session.get(OutboxMessage, prepared.id, populate_existing=True)
        row.last_error = error[:500]
        now = utcnow()
        if outcome == Outcome.SENT:
            row.status, row.sent_at = OutboxStatus.SENT, now
        elif outcome == Outcome.UNCERTAIN:
            row.status = OutboxStatus.UNCERTAIN
        elif outcome == Outcome.REFUSED or prepared.attempts >= current_app.config["MAIL_MAX_ATTEMPTS"]:
            row.status = OutboxStatus.FAILED
        else:
            row.status, row.next_attempt_at = OutboxStatus.PENDING, now + backoff(prepared.attempts)
    if outcome != Outcome.SENT:
        log.warning("mail %s (attempt %s): %s: %s", prepared.id, prepared.attempts, outcome, error)


def deliver_due(now: datetime | None = None, limit: int | None = None) -> Report:
    """Send the due messages, oldest first; stop at the first sign that the relay is down."""
    report = Report()
    real_now = utcnow()
    now = max(now or real_now, real_now)  # --now in the past must not hide what is due
    with transaction():
        release_stale(real_now)
        ids = due_ids(now, limit or current_app.config["MAIL_BATCH"])
    if not ids:
        return report
    backend = mail.get_connection(fail_silently=False)
    try:
        for row_id in ids:
            prepared = claim(row_id, now)
            if prepared is None:
                continue
            outcome, error = attempt(backend, prepared)
            record(prepared, outcome, error)
            _count(report, outcome, prepared, error)
            if outcome == Outcome.UNREACHABLE:
                break
    finally:
        _close(backend)
    return report


def _count(report: Report, outcome: Outcome, prepared: Prepared, error: str) -> None:
    if outcome == Outcome.SENT:
        report.sent += 1
        return
    report.errors.append(f"#{prepared.id}: {error}")
    if outcome == Outcome.UNCERTAIN:
        report.uncertain += 1
    elif outcome == Outcome.REFUSED or prepared.attempts >= current_app.config["MAIL_MAX_ATTEMPTS"]:
        report.failed += 1
    else:
        report.retried += 1


def requeue(row_id: int) -> OutboxMessage | None:
    """An operator sends an uncertain or failed message again (same Message-ID)."""
    row = db.session.get(OutboxMessage, row_id)
    if row is None or row.status not in (OutboxStatus.UNCERTAIN, OutboxStatus.FAILED):
        return None
    row.status, row.next_attempt_at, row.attempts = OutboxStatus.PENDING, utcnow(), 0
    db.session.flush()
    from ..jobs import after_commit
    from ..jobs.tasks import deliver_mail

    after_commit(deliver_mail)
    return row
