"""A stay in iCalendar: from the center's check-in hour on the first day to its check-out hour on the
day of departure, with the stay's stable UID and rising SEQUENCE (as meetings have)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from icalendar import Calendar, Event, vText

from ..meetings.calendar import PRODID, in_language, versioned_event
from .models import Stay, StayStatus
from .services import policy_for

STATUS = {
    StayStatus.REQUESTED: "TENTATIVE",
    StayStatus.CONFIRMED: "CONFIRMED",
    StayStatus.DECLINED: "CANCELLED",
    StayStatus.CANCELLED: "CANCELLED",
}


def stay_event(stay: Stay, base_url: str = "") -> Event:
    room = stay.room
    center = room.center
    policy = policy_for(center)
    tz = ZoneInfo(center.timezone)
    ev = versioned_event(stay)
    ev.add("created", stay.created_at)
    ev.add("dtstart", datetime.combine(stay.check_in, policy.check_in_from, tzinfo=tz))
    ev.add("dtend", datetime.combine(stay.check_out, policy.check_out_until, tzinfo=tz))
    if stay.status == StayStatus.REQUESTED:
        summary = _("Stay at %(center)s (not yet confirmed)", center=center.name)
    else:
        summary = _("Stay at %(center)s", center=center.name)
    ev.add("summary", summary)
    ev.add("location", vText(", ".join(p for p in (room.name, center.name, center.address) if p)))
    lines = [_("Guests: %(n)s", n=stay.guests)]
    if stay.arrival_time:
        lines.append(_("Arrival at %(time)s", time=stay.arrival_time.strftime("%H:%M")))
    if stay.notes:
        lines.append(stay.notes)
    ev.add("description", "\n".join(lines))
    ev.add("status", STATUS[stay.status])
    ev.add("transp", "TRANSPARENT")  # a stay does not make the firm busy for meetings
    if base_url:
        ev.add("url", f"{base_url.rstrip('/')}/stays/{stay.id}")
    return ev


def single(stay: Stay, base_url: str = "", lang: str | None = None) -> bytes:
    with in_language(lang):
        cal = Calendar()
        cal.add("prodid", PRODID)
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", "CANCEL" if STATUS[stay.status] == "CANCELLED" else "PUBLISH")
        cal.add_component(stay_event(stay, base_url))
        cal.add_missing_timezones(
            first_date=stay.check_in - timedelta(days=366), last_date=stay.check_out + timedelta(days=366)
        )
        return cal.to_ical()
