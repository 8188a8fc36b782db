"""The outbox: one row per e-mail, written in the transaction of the change that causes it.

A row is delivered after that transaction commits, by the dispatcher of
:mod:`matchmaker.mail.delivery`; its ``key`` is the idempotency key (unique: the same decision
never makes two rows) and its ``Message-ID`` is derived from the row. The markers
``transfer_started_at`` (set, and committed, just before the message is handed to the relay) and
``sent_at`` (after the relay said yes) tell what a crashed or timed-out attempt may have done.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..dbtypes import EnumText, UTCDateTime, utcnow
from ..enums import LabelledEnum
from ..extensions import db


class OutboxStatus(LabelledEnum):
    """``pending`` (waiting for its first or next attempt), ``sending`` (claimed by a dispatcher),
    ``sent``; ``uncertain`` (the relay may have it: the attempt broke off after the message was
    handed over, so it is not sent again by itself), ``failed`` (refused for good, or out of
    attempts)."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    UNCERTAIN = "uncertain"
    FAILED = "failed"

    @classmethod
    def labels(cls):
        return {
            cls.PENDING: _l("waiting to be sent"),
            cls.SENDING: _l("being sent"),
            cls.SENT: _l("sent"),
            cls.UNCERTAIN: _l("possibly sent"),
            cls.FAILED: _l("not sent"),
        }


class OutboxMessage(db.Model):
    __tablename__ = "mail_outbox"
    __table_args__ = (
        CheckConstraint(OutboxStatus.sql_in("status"), name="status"),
        Index("ix_mail_outbox_due", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    category: Mapped[str | None] = mapped_column(String(16))  # notification kind; None: account mail
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    to_address: Mapped[str] = mapped_column(String(254))
    locale: Mapped[str] = mapped_column(String(5))
    subject: Mapped[str] = mapped_column(String(300))
    text_body: Mapped[str] = mapped_column(Text)
    html_body: Mapped[str] = mapped_column(Text)
    attachments: Mapped[list] = mapped_column(JSON, default=list)  # [{filename, mimetype, content}]
    headers: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[OutboxStatus] = mapped_column(EnumText(OutboxStatus, 12), default=OutboxStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    transfer_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def message_id(self, domain: str) -> str:
        """The same on every attempt: a relay or mailbox that saw it once can recognise a copy."""
        digest = hashlib.sha256(self.key.encode()).hexdigest()[:20]
        return f"<mm.{self.id}.{digest}@{domain}>"

    def __repr__(self) -> str:
        return f"<OutboxMessage {self.id} {self.kind} {self.status}>"
