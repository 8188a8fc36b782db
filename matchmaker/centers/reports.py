"""Staff reports: bookings of a period, occupancy per room, CSV export."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from ..core import timeslots
from ..extensions import db
from . import services
from .models import Center, Room


def bookings(center: Center, first: date, last: date, active_only: bool = False):
    from ..meetings.models import Meeting

    tz = services.zone(center)
    start = timeslots.local_day_bounds(first, tz)[0]
    end = timeslots.local_day_bounds(last, tz)[1]
    q = (
        select(Meeting)
        .join(Room, Room.id == Meeting.room_id)
        .where(Room.center_id == center.id, Meeting.start_at < end, Meeting.end_at > start)
    )
    if active_only:
        q = q.where(Meeting.active.is_(True))
    return list(db.session.scalars(q.order_by(Meeting.start_at, Room.id)))


@dataclass
class RoomOccupancy:
    room: Room
    open_minutes: int = 0
    booked_minutes: int = 0
    accepted: int = 0
    requested: int = 0

    @property
    def percent(self) -> float:
        return round(100 * self.booked_minutes / self.open_minutes, 1) if self.open_minutes else 0.0


def occupancy(center: Center, first: date, last: date) -> list[RoomOccupancy]:
    """Booked share of the open time (opening hours minus closures) for each bookable room."""
    rows = []
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    for room in services.bookable_rooms(center):
        occ = RoomOccupancy(room)
        for day in days:
            view = services.room_day(room, day)
            closures = [(s.start, s.end) for s in view.taken if s.kind == "closure"]
            open_ = timeslots.subtract(view.open, closures)
            occ.open_minutes += int(sum((e - s).total_seconds() for s, e in open_) // 60)
            for slot in view.taken:
                if slot.kind != "meeting":
                    continue
                inside = timeslots.subtract(
                    [(slot.start, slot.end)],
                    timeslots.subtract([timeslots.local_day_bounds(day, view.tz)], open_),
                )
                occ.booked_minutes += int(sum((e - s).total_seconds() for s, e in inside) // 60)
                if slot.status == "accepted":
                    occ.accepted += 1
                else:
                    occ.requested += 1
        rows.append(occ)
    return rows


def _cell(value) -> str:
    """CSV cells that a spreadsheet would run as formulas get a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


CSV_HEADER = [
    "meeting_id",
    "uid",
    "status",
    "center",
    "room",
    "local_date",
    "local_start",
    "local_end",
    "timezone",
    "start_utc",
    "end_utc",
    "requester",
    "requester_country",
    "partner",
    "partner_country",
    "attendees",
    "interpreter",
    "topic",
]


def bookings_csv(center: Center, first: date, last: date) -> str:
    tz = services.zone(center)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for m in bookings(center, first, last):
        ls, le = m.start_at.astimezone(tz), m.end_at.astimezone(tz)
        writer.writerow(
            [
                _cell(v)
                for v in (
                    m.id,
                    m.uid,
                    m.status,
                    center.name,
                    m.room.name,
                    ls.date().isoformat(),
                    ls.isoformat(timespec="minutes"),
                    le.isoformat(timespec="minutes"),
                    center.timezone,
                    m.start_at.isoformat(timespec="minutes"),
                    m.end_at.isoformat(timespec="minutes"),
                    m.requester.name,
                    m.requester.country,
                    m.partner.name,
                    m.partner.country,
                    m.attendees,
                    "yes" if m.interpreter else "no",
                    m.topic,
                )
            ]
        )
    return out.getvalue()
