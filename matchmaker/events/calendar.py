"""A firm's brokerage-day agenda as iCalendar.

Every meeting keeps its UID (``brokerage-<event>-meeting-<id>@matchmaker``) and carries its
SEQUENCE, raised on every change of place or time, so calendar programs update the entry instead of
adding a copy. Times are in the center's zone (TZID with a VTIMEZONE). Texts are in the reader's
language (the event's title, the center, "table 3").
"""

from __future__ import annotations

from datetime import timedelta

from flask_babel import gettext as _
from icalendar import Calendar, vText

from ..meetings.calendar import in_language, versioned_event
from .models import Event
from .reports import AgendaItem

PRODID = "-//Matchmaker//AZ-RU brokerage days//EN"


def agenda_ics(
    event: Event, company_name: str, items: list[AgendaItem], base_url: str = "", lang: str | None = None
) -> bytes:
    with in_language(lang):
        return _agenda_ics(event, company_name, items, base_url)


def _agenda_ics(event: Event, company_name: str, items: list[AgendaItem], base_url: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{event.title} – {company_name}")
    center = event.center
    for item in items:
        m = item.meeting
        ev = versioned_event(m)
        ev.add("dtstart", item.start)
        ev.add("dtend", item.end)
        table = _("table %(n)s", n=item.table_no)
        ev.add("summary", f"{item.partner.name} – {table}")
        room = f"{item.room.name}, " if item.room is not None else ""
        ev.add("location", vText(f"{table}, {room}{center.name}, {center.address or center.city}"))
        firms = f"{m.az_company.name} (AZ) – {m.ru_company.name} (RU)"
        ev.add("description", f"{event.title}\n{firms}\n{table}, {room}{center.name}")
        ev.add("status", "CONFIRMED")
        if base_url:
            ev.add("url", f"{base_url.rstrip('/')}/events/{event.id}/agenda")
        cal.add_component(ev)
    if items:
        cal.add_missing_timezones(
            first_date=event.day - timedelta(days=1), last_date=event.day + timedelta(days=1)
        )
    return cal.to_ical()
