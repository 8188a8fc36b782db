"""In-app notifications for a firm's members, and each member's preferences. Messages are stored as
a key plus parameters and rendered in the reader's language.

:func:`notify` is where a change tells a firm: it writes the in-app notification and, in the same
transaction, the e-mails to the firm's members who want that kind by e-mail (see
:mod:`matchmaker.mail.letters`).

Parameters are language-neutral: a firm's ``name`` (as the firm writes it), a meeting's ``start``
(ISO 8601, UTC) with its ``tz`` and ``room_id``, an ``event_id``, a ``center_id``. The time (with
the meeting's room and center), the event's title and day and the center's name are written out
when the note is shown, in the reader's language. Notes
stored before that carry a ready ``when`` label ("2026-06-10 10:00 (UTC+04:00) Asia/Baku"), an
``event`` title: they are read as they are, the old time label turned into the reader's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from contextlib import suppress
from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy import literal_column, select, text

from ..auth.models import Membership
from ..dbtypes import utcnow
from ..extensions import db
from .models import DEFAULTS, Category, Notification, NotificationPreference

# which preference governs a kind of notification (kinds not listed are always shown)
KIND_CATEGORY = {
    "meeting_requested": Category.MEETINGS,
    "meeting_accepted": Category.MEETINGS,
    "meeting_declined": Category.MEETINGS,
    "meeting_cancelled": Category.MEETINGS,
    "meeting_cancelled_by_center": Category.MEETINGS,
    "meeting_restored": Category.MEETINGS,
    "meeting_rescheduled": Category.MEETINGS,
    "meeting_expired": Category.MEETINGS,
    "meeting_expiring": Category.MEETINGS,
    "meeting_reminder": Category.MEETINGS,
    "match": Category.MATCHES,
    "interest": Category.MATCHES,
    "digest": Category.DIGEST,
    "event_registered": Category.EVENTS,
    "event_request": Category.EVENTS,
    "schedule_changed": Category.EVENTS,
    "schedule_published": Category.EVENTS,
}


# set in the unit of work when a note was written, read or a choice changed: a count of unread notes
# read before (with the account, :func:`matchmaker.web.menu.menu`) no longer holds
MENU_MOVED = "matchmaker.menu_moved"


def notify(company_id: int, kind: str, link: str = "", *, about: object = None, **params) -> Notification:
    """Tell a firm in the application; with ``about`` (the meeting, partner or event the news is
    about) also decide the e-mail to each active member who wants this kind by e-mail."""
    note = Notification(company_id=company_id, kind=kind, params=params, link=link)
    db.session.add(note)
    db.session.flush()
    db.session.info[MENU_MOVED] = True
    if about is not None:
        from ..mail.letters import mail_members

        mail_members(company_id, kind, about, key=f"n{note.id}", link=link)
    return note


# preferences -----------------------------------------------------------------------------------
def preferences(user_ids: Iterable[int]) -> dict[int, dict[Category, tuple[bool, bool]]]:
    """``{user_id: {category: (in_app, email)}}`` with the defaults filled in."""
    ids = list(user_ids)
    chosen: dict[int, dict[Category, tuple[bool, bool]]] = {uid: dict(DEFAULTS) for uid in ids}
    if ids:
        for row in db.session.scalars(
            select(NotificationPreference).where(NotificationPreference.user_id.in_(ids))
        ):
            chosen[row.user_id][row.category] = (row.in_app, row.email)
    return chosen


def preferences_of(user) -> dict[Category, tuple[bool, bool]]:
    return preferences([user.id])[user.id]


def wants_email(user, category: Category) -> bool:
    return preferences_of(user)[category][1]


def set_preference(user_id: int, category: Category, in_app: bool | None = None, email: bool | None = None):
    row = db.session.get(NotificationPreference, (user_id, Category(category)))
    if row is None:
        default_in_app, default_email = DEFAULTS[Category(category)]
        row = NotificationPreference(
            user_id=user_id, category=Category(category), in_app=default_in_app, email=default_email
        )
        db.session.add(row)
    if in_app is not None:
        row.in_app = in_app
    if email is not None:
        row.email = email
    db.session.flush()
    db.session.info[MENU_MOVED] = True
    return row


def save_preferences(user, choices: dict[Category, tuple[bool, bool]]) -> None:
    for category, (in_app, email) in choices.items():
        set_preference(user.id, category, in_app=in_app, email=email)


def hidden_kinds(user) -> list[str]:
    """Kinds of in-app notification this member turned off."""
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    off = {c for c, (in_app, _email) in preferences_of(user).items() if not in_app}
    return sorted(kind for kind, category in KIND_CATEGORY.items() if category in off)


# reading --------------------------------------------------------------------------------------
def _visible(company_id: int, hidden: Iterable[str]):
    conditions = [Notification.company_id == company_id]
    hidden = list(hidden)
    if hidden:
        conditions.append(Notification.kind.not_in(hidden))
    return conditions


def _unread_by(user_id: int | None):
    """Not read: neither marked read for everybody (``read_at``, notes from before reading was per
    member) nor read by this member."""
    from ..accounts.models import NotificationRead

    conditions = [Notification.read_at.is_(None)]
    if user_id is not None:
        conditions.append(
            ~select(NotificationRead.notification_id)
            .where(NotificationRead.notification_id == Notification.id, NotificationRead.user_id == user_id)
            .exists()
        )
    return conditions


def _case_of_kind(values: dict[str, str], default: str) -> str:
    whens = " ".join(f"WHEN '{kind}' THEN {value}" for kind, value in values.items())
    return f"CASE n.kind {whens} ELSE {default} END"


def _unread_sql(member: str) -> str:
    """The menu's count as SQL over a row of ``users`` named ``member``: the notes of the member's
    firm (while the membership is active) that the member has not read, of the kinds the member sees
    in the application: by the member's choice for the kind's category, else by the category's
    default; kinds of no category are always shown. Written once (built per request, the statement
    cost more to prepare than its round trip); the kinds and categories are our own constants."""
    category = _case_of_kind({kind: f"'{cat}'" for kind, cat in KIND_CATEGORY.items()}, "NULL")
    default = _case_of_kind(
        {kind: "1" if DEFAULTS[cat][0] else "0" for kind, cat in KIND_CATEGORY.items()}, "1"
    )
    return (
        f"(SELECT count(n.id) FROM notifications n WHERE {member}.membership = '{Membership.ACTIVE}' "
        f"AND n.company_id = {member}.company_id AND n.read_at IS NULL "
        f"AND NOT EXISTS (SELECT 1 FROM notification_reads r "
        f"WHERE r.notification_id = n.id AND r.user_id = {member}.id) "
        f"AND COALESCE((SELECT CASE WHEN p.in_app THEN 1 ELSE 0 END FROM notification_preferences p "
        f"WHERE p.user_id = {member}.id AND p.category = {category}), {default}) = 1)"
    )


# a column for a statement that reads a member (the sign-in's read of its account: one round trip)
UNREAD_OF_MEMBER = literal_column(_unread_sql("users"))
_UNREAD = text(f"SELECT {_unread_sql('users')} FROM users WHERE users.id = :user")


def unread_for(user) -> int:
    """The menu's count for this member (:func:`_unread_sql`), in one statement: the notes the notes
    page shows unread (it reads the choices with :func:`hidden_kinds`)."""
    if not user.active_company_id:
        return 0
    return db.session.execute(_UNREAD, {"user": user.id}).scalar() or 0


def recent(company_id: int, limit: int = 50, hidden: Iterable[str] = ()) -> list[Notification]:
    return list(
        db.session.scalars(
            select(Notification)
            .where(*_visible(company_id, hidden))
            .order_by(Notification.created_at.desc(), Notification.id.desc())
            .limit(limit)
        )
    )


def read_by(user_id: int, notes: Iterable[Notification]) -> set[int]:
    """The ids among ``notes`` that this member has read."""
    from ..accounts.models import NotificationRead

    ids = [n.id for n in notes]
    own = (
        set(
            db.session.scalars(
                select(NotificationRead.notification_id).where(
                    NotificationRead.user_id == user_id, NotificationRead.notification_id.in_(ids)
                )
            )
        )
        if ids
        else set()
    )
    return own | {n.id for n in notes if n.read_at is not None}


def mark_all_read(company_id: int, user_id: int) -> int:
    """Mark the firm's notes read for this member only; returns how many were unread."""
    from ..accounts.models import NotificationRead

    ids = db.session.scalars(
        select(Notification.id).where(Notification.company_id == company_id, *_unread_by(user_id))
    ).all()
    now = utcnow()
    db.session.add_all(NotificationRead(notification_id=i, user_id=user_id, read_at=now) for i in ids)
    db.session.flush()
    db.session.info[MENU_MOVED] = True
    return len(ids)


LEGACY_WHEN = re.compile(
    r"^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) \(UTC[+-]\d{2}:\d{2}\) ([A-Za-z_]+/[A-Za-z_]+)$"
)


def _when(params: dict) -> str | None:
    from ..timefmt import when_label

    if params.get("start"):
        try:
            return when_label(datetime.fromisoformat(params["start"]), params.get("tz"))
        except (TypeError, ValueError):
            return None
    old = LEGACY_WHEN.match(params.get("when") or "")
    if old:
        try:
            local = datetime.fromisoformat(f"{old[1]}T{old[2]}").replace(tzinfo=ZoneInfo(old[3]))
        except (KeyError, ValueError):
            return params["when"]
        return when_label(local, old[3])
    return params.get("when")


def _params(note: Notification) -> dict:
    """The note's parameters with the time, event and center written out for this reader."""
    from ..centers.models import Center, Room
    from ..events.models import Event

    p = dict(note.params or {})
    when = _when(p)
    if when is not None:
        p["when"] = when
    event = db.session.get(Event, p["event_id"]) if isinstance(p.get("event_id"), int) else None
    if event is not None:
        p["event"] = event.title
        p.setdefault("when", f"{event.title}, {format_date(event.day, 'long')}")
    room = db.session.get(Room, p["room_id"]) if isinstance(p.get("room_id"), int) else None
    if room is not None and when is not None:  # the meeting named by its time and place
        p["when"] = f"{when}, {room.name}, {room.center.name}"
    center = db.session.get(Center, p["center_id"]) if isinstance(p.get("center_id"), int) else None
    if center is not None:
        p["center"] = center.name
    if isinstance(p.get("check_in"), str):  # a stay's first night, written out for this reader
        with suppress(ValueError):
            p["check_in"] = format_date(date.fromisoformat(p["check_in"]), "long")
    return p


def _staff_action(what) -> str:
    """What the business center's staff did for a firm (accounts.acting.ACTIONS)."""
    return {
        "event_registered": _("registered it for a brokerage day"),
        "meeting_requested": _("requested a meeting"),
        "meeting_accepted": _("accepted a meeting"),
        "meeting_declined": _("declined a meeting"),
        "event_request_accepted": _("accepted a brokerage-day meeting request"),
        "event_request_declined": _("declined a brokerage-day meeting request"),
    }.get(what or "", _("an action"))


def render(note: Notification) -> str:
    p = _params(note)
    messages = {
        "match": lambda: _("It's a match: %(name)s is interested too. You can now request a meeting.", **p),
        "interest": lambda: _("A firm is interested in meeting you: %(name)s.", **p),
        "meeting_requested": lambda: _("%(name)s requests a meeting on %(when)s.", **p),
        "meeting_accepted": lambda: _("%(name)s accepted the meeting on %(when)s.", **p),
        "meeting_declined": lambda: _("%(name)s declined the meeting on %(when)s.", **p),
        "meeting_cancelled": lambda: _("%(name)s cancelled the meeting on %(when)s.", **p),
        "meeting_cancelled_by_center": lambda: _("%(center)s cancelled the meeting on %(when)s.", **p),
        "meeting_rescheduled": lambda: _("%(name)s proposes a new time: %(when)s.", **p),
        "meeting_restored": lambda: _(
            "%(name)s undid the cancellation; the meeting takes place: %(when)s.", **p
        ),
        "meeting_expired": lambda: (
            _("The meeting request with %(name)s expired: %(when)s.", **p)
            if p.get("when")
            else _("The meeting request with %(name)s expired.", **p)
        ),
        "member_request": lambda: _("%(name)s asks to join your firm.", **p),
        "member_removed": lambda: _("%(by)s removed %(name)s from your firm.", **p),
        "schedule_changed": lambda: _("Your brokerage-day agenda for %(event)s changed.", **p),
        "schedule_published": lambda: _("The brokerage-day agenda for %(event)s is published.", **p),
        "event_request": lambda: _("%(name)s asks to meet you at %(event)s.", **p),
        "event_registered": lambda: _("Your firm is registered for %(event)s.", **p),
        "digest": lambda: _("New suggested partners this week: %(count)s.", **p),
        "verification_granted": lambda: _("The business center verified your firm.", **p),
        "verification_rejected": lambda: _(
            "The business center could not verify your firm yet: %(reason)s Please correct the "
            "profile; it then goes back to the center.",
            **p,
        ),
        "stay_confirmed": lambda: _("%(center)s confirmed your stay from %(check_in)s.", **p),
        "stay_declined": lambda: _("%(center)s declined your stay from %(check_in)s.", **p),
        "stay_cancelled_by_center": lambda: _("%(center)s cancelled your stay from %(check_in)s.", **p),
        "office_offered": lambda: _("%(center)s made an offer for the office you asked for.", **p),
        "office_accepted": lambda: _("%(center)s agreed to let your firm the office you asked for.", **p),
        "office_declined": lambda: _("%(center)s declined your request for an office.", **p),
        "stand_allocated": lambda: _("%(center)s allocated stand %(code)s to your firm.", **p),
        "stand_declined": lambda: _("%(center)s declined your stand request.", **p),
        "by_staff": lambda: _(
            "The staff of %(center)s acted for %(name)s: %(what)s.",
            center=p.get("center") or _("the business center"),
            name=p["name"],
            what=_staff_action(p.get("what")),
        ),
    }
    try:
        return messages[note.kind]()
    except (KeyError, TypeError):
        return note.kind
