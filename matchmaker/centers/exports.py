"""A center's month for the staff: its room bookings and each room's occupancy, as tables for CSV
or XLSX (:mod:`matchmaker.exports`)."""

from __future__ import annotations

import calendar
from datetime import date

from flask_babel import gettext as _

from ..exports import Table
from . import reports, services
from .models import Center


def month_bounds(month: str) -> tuple[date, date] | None:
    """``YYYY-MM`` -> its first and last day (years 2000-2100), else ``None``."""
    try:
        year, mon = (int(part) for part in month.split("-"))
        first = date(year, mon, 1)
    except ValueError:
        return None
    if len(month) != 7 or not 2000 <= year <= 2100:
        return None
    return first, date(year, mon, calendar.monthrange(year, mon)[1])


def bookings(center: Center, first: date, last: date) -> Table:
    tz = services.zone(center)
    table = Table(
        _("Bookings"),
        [
            _("Date"),
            _("Start"),
            _("End"),
            _("Room"),
            _("Status"),
            _("Firm"),
            _("Partner"),
            _("People"),
            _("Topic"),
        ],
    )
    for m in reports.bookings(center, first, last):
        start, end = m.start_at.astimezone(tz), m.end_at.astimezone(tz)
        table.rows.append(
            [
                start.date().isoformat(),
                start.strftime("%H:%M"),
                end.strftime("%H:%M"),
                m.room.name,
                m.status.label,
                m.requester.name,
                m.partner.name,
                m.attendees,
                m.topic,
            ]
        )
    return table


def occupancy(center: Center, first: date, last: date) -> Table:
    table = Table(
        _("Occupancy"),
        [
            _("Room"),
            _("Open hours"),
            _("Booked hours"),
            _("Occupancy, %"),
            _("Accepted"),
            _("Awaiting an answer"),
        ],
    )
    for row in reports.occupancy(center, first, last):
        table.rows.append(
            [
                row.room.name,
                round(row.open_minutes / 60, 1),
                round(row.booked_minutes / 60, 1),
                row.percent,
                row.accepted,
                row.requested,
            ]
        )
    return table
