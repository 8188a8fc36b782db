"""Deciding an e-mail: one outbox row, written in the current transaction, handed to the
dispatcher after the commit (:func:`matchmaker.jobs.after_commit`). A rolled-back change leaves no
row and sends nothing; a key already used leaves the first row alone (the idempotency key)."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..dbtypes import utcnow
from ..extensions import db
from .models import OutboxMessage, OutboxStatus
from .tokens import unsubscribe_url

if TYPE_CHECKING:
    from .letters import Letter

log = logging.getLogger(__name__)

# one plain address: no display name, no spaces or control characters (no header injection)
ADDRESS = re.compile(
    r"^[^@\s\x00-\x1f\x7f<>,;\"]{1,64}@[^@\s\x00-\x1f\x7f<>,;\"]{1,252}\.[^@\s\x00-\x1f\x7f<>,;\"]+$"
)


def valid_address(address: str | None) -> bool:
    return bool(address) and len(address) <= 254 and ADDRESS.match(address) is not None


def queue_mail(*, key: str, user, letter: Letter, category=None, to: str | None = None):
    """Store the letter for ``user`` (or the address ``to``); returns the row, or ``None`` when
    the key was used before or the address cannot carry mail."""
    from ..jobs import after_commit
    from ..jobs.tasks import deliver_mail

    address = (to or user.email or "").strip()
    if not valid_address(address):
        log.warning("no e-mail %s for user %s: unusable address", letter.kind, getattr(user, "id", None))
        return None
    if db.session.scalar(select(OutboxMessage.id).where(OutboxMessage.key == key)) is not None:
        return None
    headers = {"Auto-Submitted": "auto-generated"}
    if category is not None:
        # RFC 2369 and RFC 8058: an unsubscribe link mail programs offer as a button (one POST)
        headers["List-Unsubscribe"] = f"<{unsubscribe_url(user.id, category)}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    row = OutboxMessage(
        key=key,
        kind=letter.kind,
        category=str(category) if category is not None else None,
        user_id=getattr(user, "id", None),
        to_address=address,
        locale=letter.locale,
        subject=letter.subject,
        text_body=letter.text,
        html_body=letter.html,
        attachments=letter.attachments,
        headers=headers,
        status=OutboxStatus.PENDING,
        next_attempt_at=utcnow(),
    )
    try:
        with db.session.begin_nested():
            db.session.add(row)
            db.session.flush()
    except IntegrityError:  # the same key in a concurrent transaction: that one's letter stands
        return None
    after_commit(deliver_mail)
    return row
