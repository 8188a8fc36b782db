"""Staff reports of stays: occupancy per room and night, arrivals and departures of a day, CSV and
XLSX exports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from ..centers.models import Center, Room
from ..core.stays import night_dates
from ..exports import Table
from ..extensions import db
from .models import Stay
from .services import availability, for_center, stay_rooms


@dataclass
class OccupancyRow:
    room: Room
    cells: list[str] = field(default_factory=list)  # per night: "free", "closed", "requested", "confirmed"
    stays: list[Stay | None] = field(default_factory=list)

    @property
    def taken_nights(self) -> int:
        return sum(c in ("requested", "confirmed") for c in self.cells)

    @property
    def percent(self) -> float:
        open_nights = sum(c != "closed" for c in self.cells)
        return round(100 * self.taken_nights / open_nights, 1) if open_nights else 0.0


def occupancy(center: Center, first: date, last: date) -> list[OccupancyRow]:
    """Each stay room's nights of [first, last): free, closed, or held by a stay."""
    grid = availability(center, first, last)
    rows = []
    for room in stay_rooms(center):
        row = OccupancyRow(room)
        for night in grid:
            stay = night.taken.get(room.id)
            row.stays.append(stay)
            if stay is not None:
                row.cells.append(stay.status.value)
            elif room.id in night.closed:
                row.cells.append("closed")
            else:
                row.cells.append("free")
        rows.append(row)
    return rows


def arrivals_departures(center: Center, day: date) -> tuple[list[Stay], list[Stay]]:
    ids = [r.id for r in center.rooms]
    base = select(Stay).where(Stay.room_id.in_(ids), Stay.active.is_(True))
    arrivals = db.session.scalars(base.where(Stay.check_in == day).order_by(Stay.arrival_time, Stay.room_id))
    departures = db.session.scalars(base.where(Stay.check_out == day).order_by(Stay.room_id))
    return list(arrivals), list(departures)


HEADER = [
    "stay_id",
    "uid",
    "status",
    "center",
    "room",
    "check_in",
    "check_out",
    "nights",
    "guests",
    "arrival_time",
    "firm",
    "firm_country",
    "notes",
]


def rows(center: Center, first: date, last: date) -> list[list]:
    out = []
    for s in for_center(center, first, last, active_only=False):
        out.append(
            [
                s.id,
                s.uid,
                s.status.value,
                center.name,
                s.room.name,
                s.check_in.isoformat(),
                s.check_out.isoformat(),
                s.nights,
                s.guests,
                s.arrival_time.strftime("%H:%M") if s.arrival_time else "",
                s.company.name,
                s.company.country,
                s.notes,
            ]
        )
    return out


def tables(center: Center, first: date, last: date) -> list[Table]:
    """The stays (the CSV, the first sheet) and the occupancy grid (a second sheet of the XLSX)."""
    stays = Table("stays", HEADER, rows(center, first, last))
    grid = Table("occupancy", ["room", *(d.isoformat() for d in night_dates(first, last))])
    grid.rows = [[occ.room.name, *occ.cells] for occ in occupancy(center, first, last)]
    return [stays, grid]
