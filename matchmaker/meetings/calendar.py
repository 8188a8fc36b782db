"""iCalendar output: one ``.ics`` per meeting and a private feed per user.

Each meeting keeps its UID; SEQUENCE is raised on every change (``Meeting.sequence``); a cancelled,
declined or expired meeting is sent as STATUS:CANCELLED (with METHOD:CANCEL for a single file), so
calendars update the event instead of adding a copy. Times carry the center's TZID with a VTIMEZONE.

The texts (summary, description, location with the room and the center) are in the reader's
language: the request's, or ``lang`` (the feed, read by a calendar program without a session, is in
its owner's account language).
"""

from __future__ import annotations

import secrets
from contextlib import nullcontext
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from flask_babel import force_locale
from flask_babel import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from ..extensions import db
from ..i18n import LANGS
from .models import Meeting, MeetingStatus

PRODID = "-//Matchmaker//AZ-RU business meetings//EN"
STATUS = {
    MeetingStatus.REQUESTED: "TENTATIVE",
    MeetingStatus.ACCEPTED: "CONFIRMED",
    MeetingStatus.DECLINED: "CANCELLED",
    MeetingStatus.CANCELLED: "CANCELLED",
    MeetingStatus.EXPIRED: "CANCELLED",
}


def _summary(meeting: Meeting, for_company_id: int | None) -> str:
    if for_company_id in meeting.company_ids:
        other = meeting.partner if for_company_id == meeting.requester_id else meeting.requester
        names = other.name
    else:
        names = f"{meeting.requester.name} – {meeting.partner.name}"
    if meeting.shown_status == MeetingStatus.REQUESTED:
        return _("Meeting with %(names)s (not yet confirmed)", names=names)
    return _("Meeting with %(names)s", names=names)


def in_language(lang: str | None):
    """``with in_language(user.locale):`` texts in that language (the current one when ``None``)."""
    return force_locale(lang) if lang in LANGS else nullcontext()


def versioned_event(meeting) -> Event:
    """A VEVENT carrying a meeting's stable UID and rising SEQUENCE (a calendar then replaces the
    copy it has rather than adding another); any object with ``uid``, ``sequence``, ``updated_at``."""
    ev = Event()
    ev.add("uid", meeting.uid)
    ev.add("sequence", meeting.sequence)
    ev.add("dtstamp", meeting.updated_at)
    ev.add("last-modified", meeting.updated_at)
    return ev


def _event(meeting: Meeting, for_company_id: int | None, base_url: str) -> Event:
    room = meeting.room
    center = room.center
    tz = ZoneInfo(center.timezone)
    ev = versioned_event(meeting)
    ev.add("created", meeting.created_at)
    ev.add("dtstart", meeting.start_at.astimezone(tz))
    ev.add("dtend", meeting.end_at.astimezone(tz))
    ev.add("summary", _summary(meeting, for_company_id))
    ev.add("location", vText(", ".join(p for p in (room.name, center.name, center.address) if p)))
    lines = [
        f"{meeting.requester.name} ({meeting.requester.country}) – {meeting.partner.name} "
        f"({meeting.partner.country})"
    ]
    if meeting.topic:
        lines.append(_("Topic: %(topic)s", topic=meeting.topic))
    lines.append(_("Attendees: %(n)s", n=meeting.attendees))
    if meeting.interpreter:
        lines.append(_("An interpreter is needed."))
    if meeting.note:
        lines.append(meeting.note)
    ev.add("description", "\n".join(lines))
    ev.add("status", STATUS[meeting.shown_status])
    if base_url:
        ev.add("url", f"{base_url.rstrip('/')}/meetings/{meeting.id}")
    organizer = vCalAddress("mailto:noreply@matchmaker.invalid")
    organizer.params["cn"] = vText(center.name)
    ev.add("organizer", organizer)
    return ev


def build(
    meetings: list[Meeting],
    for_company_id: int | None = None,
    method: str | None = None,
    name: str = "Matchmaker",
    base_url: str = "",
    lang: str | None = None,
) -> bytes:
    with in_language(lang):
        return _build(meetings, for_company_id, method, name, base_url)


def _build(meetings, for_company_id, method, name, base_url, extra=()) -> bytes:
    """The calendar of ``meetings``; ``extra``: other VEVENTs (stays) with aware local times."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    cal.add("x-wr-calname", name)
    for meeting in meetings:
        cal.add_component(_event(meeting, for_company_id, base_url))
    for ev in extra:
        cal.add_component(ev)
    starts = [m.start_at for m in meetings] + [ev.decoded("dtstart") for ev in extra]
    ends = [m.end_at for m in meetings] + [ev.decoded("dtend") for ev in extra]
    if starts:
        first = min(s.date() for s in starts) - timedelta(days=366)
        last = max(e.date() for e in ends) + timedelta(days=366)
        cal.add_missing_timezones(first_date=first, last_date=last)
    return cal.to_ical()


def single(
    meeting: Meeting, for_company_id: int | None, base_url: str = "", lang: str | None = None
) -> bytes:
    """One meeting; a cancellation is METHOD:CANCEL so importing it removes the event."""
    method = "CANCEL" if STATUS[meeting.shown_status] == "CANCELLED" else "PUBLISH"
    return build([meeting], for_company_id, method=method, base_url=base_url, lang=lang)


def feed(
    meetings: list[Meeting], for_company_id: int, base_url: str = "", lang: str | None = None, stays=()
) -> bytes:
    """The private feed, in ``lang`` (its owner's account language), with the firm's stays."""
    from ..stays.calendar import stay_event

    with in_language(lang):
        name = _("Matchmaker: meetings")
        extra = [stay_event(s, base_url) for s in stays]
        return _build(meetings, for_company_id, "PUBLISH", name, base_url, extra)


def invitation(
    meeting: Meeting, for_company_id: int, method: str, organizer: str, attendee: str, base_url: str = ""
) -> bytes:
    """One meeting as an iTIP message (RFC 5546) for an e-mail to ``attendee``: ``REQUEST`` offers
    or updates the event, ``CANCEL`` withdraws it; the UID stays the meeting's and SEQUENCE is the
    meeting's current one, so the mail program updates the event it has. The summary and
    description are in the current (the recipient's) language."""
    from email.utils import parseaddr

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    ev = _event(meeting, for_company_id, base_url)
    for name in ("organizer", "description"):
        ev.pop(name, None)
    lines = [f"{meeting.requester.name} – {meeting.partner.name}"]
    if meeting.topic:
        lines.append(meeting.topic)
    if meeting.note:
        lines.append(meeting.note)
    ev.add("description", "\n".join(lines))
    if method == "CANCEL":
        ev["status"] = "CANCELLED"
    display, address = parseaddr(organizer)
    host = vCalAddress(f"mailto:{address or organizer}")
    host.params["cn"] = vText(meeting.room.center.name or display)
    ev.add("organizer", host)
    guest = vCalAddress(f"mailto:{attendee}")
    guest.params["role"] = vText("REQ-PARTICIPANT")
    guest.params["partstat"] = vText(
        "ACCEPTED" if meeting.status == MeetingStatus.ACCEPTED else "NEEDS-ACTION"
    )
    guest.params["rsvp"] = vText("FALSE")
    ev.add("attendee", guest)
    cal.add_component(ev)
    cal.add_missing_timezones(
        first_date=meeting.start_at.date() - timedelta(days=366),
        last_date=meeting.end_at.date() + timedelta(days=366),
    )
    return cal.to_ical()


# private feed tokens ----------------------------------------------------------------------------
def issue_feed_token(user) -> str:
    """A new secret feed URL token (replaces, hence revokes, the previous one). Only its SHA-256 is
    stored, as for API tokens: the address is shown once, when it is made."""
    from ..auth.models import hash_token

    raw = secrets.token_urlsafe(32)
    user.calendar_token = hash_token(raw)
    db.session.flush()
    return raw


def revoke_feed_token(user) -> None:
    user.calendar_token = None
    db.session.flush()


def user_for_feed(token: str):
    from sqlalchemy import select

    from ..auth.models import User, hash_token

    if not token or len(token) > 64:
        return None
    user = db.session.scalar(select(User).where(User.calendar_token == hash_token(token)))
    if user is None or not user.is_active:
        return None
    return user


def today_in(tz_name: str) -> date:
    from datetime import datetime

    return datetime.now(ZoneInfo(tz_name)).date()
