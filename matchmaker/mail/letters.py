"""Which e-mails a change causes, to whom, and how they read.

Every letter is rendered when it is decided, inside the transaction of the change, in the
recipient's language (:func:`flask_babel.force_locale`) and time zone, from the templates under
``templates/mail/`` (``<name>.txt`` holds the subject and the plain text, ``<name>.html`` the HTML),
and stored in the outbox (:mod:`matchmaker.mail.outbox`). Notification letters go to each active
member of the firm who wants that kind by e-mail; account letters go to one address whatever the
preferences (and carry no unsubscribe link).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from flask import current_app
from flask_babel import force_locale
from sqlalchemy import select

from ..auth.models import Membership, User
from ..extensions import db
from ..notifications.models import Category
from ..notifications.services import KIND_CATEGORY, preferences
from . import formatting
from .outbox import queue_mail
from .tokens import absolute, unsubscribe_url

# meeting letters and their calendar method (RFC 5546): the event is offered, or withdrawn
MEETING_METHOD = {
    "meeting_requested": "REQUEST",
    "meeting_accepted": "REQUEST",
    "meeting_rescheduled": "REQUEST",
    "meeting_expiring": "REQUEST",
    "meeting_reminder": "REQUEST",
    "meeting_restored": "REQUEST",
    "meeting_declined": "CANCEL",
    "meeting_cancelled": "CANCEL",
    "meeting_expired": "CANCEL",
}


@dataclass
class Letter:
    kind: str
    locale: str
    subject: str
    text: str
    html: str
    attachments: list[dict[str, str]] = field(default_factory=list)


def render(template: str, kind: str, user: User, category: Category | None = None, **context: Any) -> Letter:
    """Render ``mail/<template>.txt`` and ``.html`` for ``user`` (their language forced)."""
    locale = formatting.locale_of(user)
    env = current_app.jinja_env
    with force_locale(locale):
        ctx = {
            "kind": kind,
            "user": user,
            "locale": locale,
            "public_url": current_app.config["PUBLIC_URL"],
            "preferences_url": absolute("/account/notifications"),
            "category": category,
            "unsubscribe_url": unsubscribe_url(user.id, category) if category else None,
            **context,
        }
        subject, _newline, text = env.get_template(f"mail/{template}.txt").render(ctx).partition("\n")
        html = env.get_template(f"mail/{template}.html").render(ctx)
        attachments = context.get("attachments") or []
    return Letter(kind, locale, " ".join(subject.split())[:300], _tidy(text), html, list(attachments))


def _tidy(text: str) -> str:
    """Plain text without the template's stray blank lines (two at most in a row)."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]) or (len(out) > 1 and out[-2]):
            out.append(line)
    return "\n".join(out) + "\n"


# recipients ------------------------------------------------------------------------------------
def active_members(company_id: int) -> list[User]:
    return list(
        db.session.scalars(
            select(User)
            .where(
                User.company_id == company_id,
                User.membership == Membership.ACTIVE,
                User.is_active_flag.is_(True),
            )
            .order_by(User.id)
        )
    )


def mail_members(company_id: int, kind: str, about: object, key: str, link: str = "", **params: Any) -> int:
    """Queue the letter of ``kind`` about ``about`` for each member of the firm who wants it by
    e-mail. ``key`` makes each letter's idempotency key (``<key>:u<user id>``). Returns the count."""
    category = KIND_CATEGORY.get(kind)
    build = BUILDERS.get(kind)
    if category is None or build is None:
        return 0
    members = active_members(company_id)
    wanted = preferences(u.id for u in members)
    count = 0
    for user in members:
        if not wanted[user.id][category][1]:
            continue
        letter = build(user, company_id, about, link, kind, category, params)
        if letter is not None and queue_mail(
            key=f"{key}:u{user.id}", user=user, letter=letter, category=category
        ):
            count += 1
    return count


# meetings --------------------------------------------------------------------------------------
def _meeting(user, company_id, meeting, link, kind, category, params) -> Letter:
    from ..meetings.calendar import invitation

    center = meeting.room.center
    locale = formatting.locale_of(user)
    zone = formatting.zone_of(user, center.timezone)
    other = meeting.partner if company_id == meeting.requester_id else meeting.requester
    with force_locale(locale):
        ics = invitation(
            meeting,
            company_id,
            MEETING_METHOD[kind],
            organizer=current_app.config["MAIL_DEFAULT_SENDER"],
            attendee=user.email,
            base_url=current_app.config["PUBLIC_URL"],
        )
    return render(
        "meeting",
        kind,
        user,
        category,
        meeting=meeting,
        other=other,
        actor=params.get("name") or other.name,
        center=center,
        room=meeting.room,
        when=formatting.span(meeting.start_at, meeting.end_at, center.timezone, locale),
        own_time=None
        if formatting.same_clock(meeting.start_at, zone, center.timezone)
        else formatting.span(meeting.start_at, meeting.end_at, zone, locale),
        expires=formatting.moment(meeting.expires_at, zone, locale, weekday=False)
        if meeting.expires_at
        else None,
        link=absolute(link or f"/meetings/{meeting.id}"),
        attachments=[
            {
                "filename": "meeting.ics",
                "mimetype": "text/calendar",
                "method": MEETING_METHOD[kind],
                "content": ics.decode("utf-8"),
            }
        ],
    )


# partners ---------------------------------------------------------------------------------------
def _match(user, company_id, partner, link, kind, category, params) -> Letter:
    return render(
        "match", kind, user, category, partner=partner, link=absolute(link or f"/companies/{partner.id}")
    )


# brokerage days ---------------------------------------------------------------------------------
def _agenda(event, company_id, locale, zone):
    from .. import models  # noqa: F401  (the event's tables)
    from ..events.reports import agenda

    items = agenda(event, company_id)
    rows = [
        {
            "start": formatting.clock(item.start, event.center.timezone, locale),
            "own": None
            if formatting.same_clock(item.start, zone, event.center.timezone)
            else formatting.clock(item.start, zone, locale),
            "table": item.table_no,
            "room": item.room.name if item.room is not None else "",
            "partner": item.partner.name,
            "meeting_id": item.meeting.id,
        }
        for item in items
    ]
    return items, rows


def _agenda_attachment(event, company_id, items) -> dict[str, str]:
    from ..companies.models import Company
    from ..events.calendar import agenda_ics

    company = db.session.get(Company, company_id)
    ics = agenda_ics(event, company.name, items, current_app.config["PUBLIC_URL"])
    return {"filename": "agenda.ics", "mimetype": "text/calendar", "method": "", "content": ics.decode()}


def _event(user, company_id, about, link, kind, category, params) -> Letter:
    event, changed = about if isinstance(about, tuple) else (about, [])
    locale = formatting.locale_of(user)
    zone = formatting.zone_of(user, event.center.timezone)
    context: dict[str, Any] = {"event": event, "day": formatting.day_of(event.day, locale)}
    if kind in ("schedule_published", "schedule_changed"):
        items, rows = _agenda(event, company_id, locale, zone)
        context["agenda"] = rows
        context["attachments"] = [_agenda_attachment(event, company_id, items)] if items else []
    if kind == "schedule_changed":
        placed = {row["meeting_id"]: row for row in context["agenda"]}
        context["changed"] = [
            {"partner": m.other(company_id).name, "now": placed.get(m.id)}
            for m in changed
            if company_id in m.company_ids
        ]
    link = link or f"/events/{event.id}"
    return render("event", kind, user, category, link=absolute(link), **context)


BUILDERS: dict[str, Callable[..., Letter | None]] = {
    **dict.fromkeys(MEETING_METHOD, _meeting),
    "match": _match,
    "event_registered": _event,
    "schedule_published": _event,
    "schedule_changed": _event,
}


# account letters (no preferences, no unsubscribe) -----------------------------------------------
def mail_account(kind: str, user: User, key: str, to: str | None = None, **context: Any):
    """``confirm_email``, ``password_reset``, ``email_changed``, ``password_changed``."""
    locale = formatting.locale_of(user)
    zone = formatting.zone_of(user)
    if "valid_for" in context and isinstance(context["valid_for"], timedelta):
        context["valid_minutes"] = int(context.pop("valid_for").total_seconds() // 60)
    from ..dbtypes import utcnow

    letter = render(
        "account", kind, user, None, when=formatting.moment(utcnow(), zone, locale), to=to, **context
    )
    return queue_mail(key=key, user=user, letter=letter, category=None, to=to)
