"""In-app notifications for a firm's members. Messages are stored as a key plus parameters and
rendered in the reader's language."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, select, update

from ..dbtypes import utcnow
from ..extensions import db
from .models import Notification


def notify(company_id: int, kind: str, link: str = "", **params) -> Notification:
    note = Notification(company_id=company_id, kind=kind, params=params, link=link)
    db.session.add(note)
    db.session.flush()
    return note


def unread_count(company_id: int) -> int:
    return (
        db.session.scalar(
            select(func.count(Notification.id)).where(
                Notification.company_id == company_id, Notification.read_at.is_(None)
            )
        )
        or 0
    )


def recent(company_id: int, limit: int = 50) -> list[Notification]:
    return list(
        db.session.scalars(
            select(Notification)
            .where(Notification.company_id == company_id)
            .order_by(Notification.created_at.desc(), Notification.id.desc())
            .limit(limit)
        )
    )


def mark_all_read(company_id: int) -> None:
    db.session.execute(
        update(Notification)
        .where(Notification.company_id == company_id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )


def render(note: Notification) -> str:
    p = note.params or {}
    messages = {
        "match": lambda: _("It's a match: %(name)s is interested too. You can now request a meeting.", **p),
        "interest": lambda: _("A firm is interested in meeting you: %(name)s.", **p),
        "meeting_requested": lambda: _("%(name)s requests a meeting on %(when)s.", **p),
        "meeting_accepted": lambda: _("%(name)s accepted the meeting on %(when)s.", **p),
        "meeting_declined": lambda: _("%(name)s declined the meeting on %(when)s.", **p),
        "meeting_cancelled": lambda: _("%(name)s cancelled the meeting on %(when)s.", **p),
        "meeting_rescheduled": lambda: _("%(name)s proposes a new time: %(when)s.", **p),
        "meeting_expired": lambda: _("The meeting request with %(name)s expired.", **p),
        "member_request": lambda: _("%(name)s asks to join your firm.", **p),
        "member_removed": lambda: _("%(by)s removed %(name)s from your firm.", **p),
        "schedule_changed": lambda: _("Your brokerage-day agenda for %(event)s changed.", **p),
        "schedule_published": lambda: _("The brokerage-day agenda for %(event)s is published.", **p),
        "event_request": lambda: _("%(name)s asks to meet you at %(event)s.", **p),
    }
    try:
        return messages[note.kind]()
    except (KeyError, TypeError):
        return note.kind
