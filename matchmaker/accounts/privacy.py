"""The privacy notice's version, a member's data export and the deletion of an account.

**Export.** Everything stored about the member and their firm, as one JSON document: the account
(never the password hash), its consent, notification preferences and the API tokens' names; the
firm's profile, members (names only), interests, meetings, brokerage-day records and notes.

**Deletion.** The person's row goes, and with it their sessions (the row is what a session names),
API tokens, reset links and preferences. Rows that only *mention* the person keep the firm and lose
the person: every foreign key to ``users.id`` is cleared (or, where the row is the person's own,
deleted), the outbox's letters to them are deleted, and their name and address are taken out of
the notes, letters and audit entries that quote them. The last member of a firm chooses the firm's
fate (:class:`FirmFate`): it stays listed, it is hidden, or it is deleted, its live meetings
cancelled first so that the partners are told (a note and a letter, through the outbox).
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import String, Text, delete, inspect, or_, select, update
from sqlalchemy.types import JSON
from werkzeug.security import check_password_hash

from ..auth.models import ApiToken, Membership, User
from ..dbtypes import utcnow
from ..errors import DomainError
from ..extensions import db

#: the privacy notice in force; a new text gets a new version and date (templates/accounts/privacy.html)
NOTICE_VERSION = "2026-12"
NOTICE_DATE = date(2026, 12, 5)
#: what a former member is called where a note or letter named them
FORMER_MEMBER = "—"


class FirmFate(StrEnum):
    KEEP = "keep"
    HIDE = "hide"
    DELETE = "delete"


def record_consent(user: User) -> None:
    user.privacy_version = NOTICE_VERSION
    user.privacy_accepted_at = utcnow()
    db.session.flush()


# export ----------------------------------------------------------------------------------------
def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return None  # images and other binary data are not part of the document
    if isinstance(value, StrEnum):
        return value.value
    return value


def row_dict(obj: Any, leave_out: tuple[str, ...] = ()) -> dict[str, Any]:
    """A row's columns as JSON-ready values."""
    return {
        attr.key: _plain(getattr(obj, attr.key))
        for attr in inspect(obj).mapper.column_attrs
        if attr.key not in leave_out
    }


def _rows(model, *conditions) -> list[dict[str, Any]]:
    return [row_dict(r) for r in db.session.scalars(select(model).where(*conditions).order_by(model.id))]


def export_data(user: User) -> dict[str, Any]:
    """Everything stored about ``user`` and their firm."""
    from ..notifications.models import NotificationPreference

    account = row_dict(user, leave_out=("password_hash", "calendar_token", "calendar_token_hash"))
    prefs = db.session.scalars(
        select(NotificationPreference).where(NotificationPreference.user_id == user.id)
    )
    data: dict[str, Any] = {
        "exported_at": utcnow().isoformat(),
        "account": account,
        "privacy_notice": {"version": user.privacy_version, "accepted_at": _plain(user.privacy_accepted_at)},
        "membership": {"company_id": user.company_id, "status": _plain(user.membership)},
        "notification_preferences": [row_dict(p, leave_out=("user_id",)) for p in prefs],
        "api_tokens": [
            {
                "name": t.name,
                "starts_with": t.prefix,
                "created_at": _plain(t.created_at),
                "last_used_at": _plain(t.last_used_at),
                "revoked_at": _plain(t.revoked_at),
            }
            for t in db.session.scalars(select(ApiToken).where(ApiToken.user_id == user.id))
        ],
        "company": None,
    }
    if user.company_id is not None and user.membership == Membership.ACTIVE:
        data["company"] = _company_data(user.company_id)
    return data


def _company_data(company_id: int) -> dict[str, Any]:
    from ..accounts.models import NotificationRead
    from ..companies.models import Company
    from ..events.models import EventFeedback, EventMeeting, EventRegistration, EventRequest
    from ..matching.models import Interest
    from ..meetings.models import Meeting
    from ..notifications.models import Notification

    company = db.session.get(Company, company_id)
    profile = row_dict(company, leave_out=("logo",))
    profile["sectors"] = company.sectors
    members = db.session.scalars(select(User).where(User.company_id == company_id).order_by(User.id))
    notes = _rows(Notification, Notification.company_id == company_id)
    read = set(
        db.session.scalars(
            select(NotificationRead.notification_id).where(
                NotificationRead.notification_id.in_([n["id"] for n in notes])
            )
        )
    )
    for note in notes:
        note["read_by_someone"] = note["id"] in read
    return {
        "profile": profile,
        "members": [
            {"id": m.id, "full_name": m.full_name, "membership": _plain(m.membership)} for m in members
        ],
        "interests": _rows(Interest, Interest.company_id == company_id),
        "meetings": _rows(Meeting, or_(Meeting.requester_id == company_id, Meeting.partner_id == company_id)),
        "event_registrations": _rows(EventRegistration, EventRegistration.company_id == company_id),
        "event_requests": _rows(
            EventRequest, or_(EventRequest.requester_id == company_id, EventRequest.partner_id == company_id)
        ),
        "event_meetings": _rows(
            EventMeeting,
            or_(EventMeeting.az_company_id == company_id, EventMeeting.ru_company_id == company_id),
        ),
        "event_feedback": _rows(EventFeedback, EventFeedback.company_id == company_id),
        "notifications": notes,
    }


def export_json(user: User) -> str:
    return json.dumps(export_data(user), ensure_ascii=False, indent=2, default=str)


# deletion --------------------------------------------------------------------------------------
def is_last_member(user: User) -> bool:
    """True when ``user`` is the one active member of their firm."""
    if user.company_id is None or user.membership != Membership.ACTIVE:
        return False
    others = db.session.scalar(
        select(User.id).where(
            User.company_id == user.company_id, User.membership == Membership.ACTIVE, User.id != user.id
        )
    )
    return others is None


def delete_account(user: User, password: str, fate: str | None = None) -> None:
    """Delete ``user`` as the module's docstring says. ``fate`` is required of a firm's last
    member. Raises DomainError naming ``password`` or ``firm_fate``."""
    if not check_password_hash(user.password_hash, password or ""):
        raise DomainError(str(_l("The password is not right.")), field="password")
    company = user.company if is_last_member(user) else None
    if company is not None and fate not in tuple(FirmFate):
        raise DomainError(str(_l("Choose what happens to your firm.")), field="firm_fate")
    email, name = user.email, user.full_name
    _detach(user)  # (expires the session's objects: changes come after it)
    firm = user.company
    if firm is not None and firm.email and firm.email.lower() == email.lower():
        firm.email = ""  # the firm's contact address was the person's own
    db.session.delete(user)
    db.session.flush()
    scrub_mentions(email, name)
    if company is not None:
        if fate == FirmFate.HIDE:
            from ..companies.services import set_hidden

            set_hidden(company, True)
        elif fate == FirmFate.DELETE:
            delete_company(company)


def _detach(user: User) -> None:
    """Clear or delete every row that points at the person (any table that has a foreign key to
    ``users.id``, including tables added later), and the letters addressed to them."""
    from ..mail.models import OutboxMessage

    db.session.execute(
        delete(OutboxMessage).where(
            or_(OutboxMessage.user_id == user.id, OutboxMessage.to_address == user.email)
        )
    )
    users = User.__table__
    for table in db.metadata.sorted_tables:
        if table is users:
            continue
        for fk in table.foreign_keys:
            if fk.column.table is not users:
                continue
            column = fk.parent
            if fk.ondelete == "SET NULL" or (column.nullable and not column.primary_key):
                db.session.execute(update(table).where(column == user.id).values({column.name: None}))
            else:
                db.session.execute(delete(table).where(column == user.id))
    db.session.expire_all()


def _json_replace(value: Any, needles: list[str]) -> Any:
    """``value`` with each needle, as a whole word (not inside another name), replaced."""
    if isinstance(value, str):
        for needle in needles:
            value = re.sub(rf"(?<!\w){re.escape(needle)}(?!\w)", FORMER_MEMBER, value)
        return value
    if isinstance(value, list):
        return [_json_replace(v, needles) for v in value]
    if isinstance(value, dict):
        return {k: _json_replace(v, needles) for k, v in value.items()}
    return value


def text_columns(table) -> list:
    """The columns of ``table`` that may hold a person's name or address (text and JSON)."""
    return [c for c in table.columns if isinstance(c.type, String | Text | JSON)]


SCRUBBED = ("notifications", "mail_outbox", "audit_log")


def scrub_mentions(email: str, name: str) -> None:
    """Take ``email`` and ``name`` out of the notes, letters and audit entries that quote them."""
    from sqlalchemy import cast

    needles = [n for n in (email, (name or "").strip()) if len(n) >= 3]
    if not needles:
        return
    for table in db.metadata.sorted_tables:
        if table.name not in SCRUBBED:
            continue
        columns = text_columns(table)
        pk = list(table.primary_key.columns)
        likes = []
        for column in columns:
            as_text = cast(column, Text)
            for needle in needles:
                likes += [as_text.contains(needle), as_text.contains(json.dumps(needle)[1:-1])]
        for row in db.session.execute(select(*pk, *columns).where(or_(*likes))).mappings().all():
            values = {c.name: _json_replace(row[c.name], needles) for c in columns}
            db.session.execute(update(table).where(*(c == row[c.name] for c in pk)).values(values))


def delete_company(company) -> None:
    """Delete a firm: its live meetings are cancelled first, so each partner is told (a note and a
    letter); everything else of the firm goes with it (the database's cascades)."""
    from ..meetings.models import Meeting

    meetings = db.session.scalars(
        select(Meeting).where(
            Meeting.active.is_(True),
            or_(Meeting.requester_id == company.id, Meeting.partner_id == company.id),
        )
    ).all()
    from ..meetings import services as meeting_services
    from ..meetings.models import MeetingStatus

    reason = str(_l("The firm left Matchmaker."))
    for meeting in meetings:
        meeting_services._set_status(meeting, MeetingStatus.CANCELLED, reason)
        db.session.flush()
        for cid in meeting.company_ids:
            if cid != company.id:
                meeting_services._tell(cid, "meeting_cancelled", meeting, company.name)
    for member in list(company.members):
        member.company_id, member.membership = None, Membership.NONE
    db.session.flush()
    from ..matching.store import forget

    forget(company.id)
    db.session.delete(company)
    db.session.flush()
