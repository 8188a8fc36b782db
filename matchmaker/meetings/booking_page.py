"""The booking page's steps, read from the request: partner → center → room → day and duration →
a free start time → the request. Every step is a plain link or GET form (no JavaScript needed);
the chosen values travel in the query string (and in the final POST form's hidden fields)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from flask import request, url_for

from ..centers import services as centers
from ..centers.models import Center, Room
from ..companies.models import Company
from ..companies.services import DirectoryQuery, directory
from ..extensions import db
from ..matching.services import matches_of
from ..web.helpers import parse_id
from . import slots
from .forms import DURATIONS

STEP_ARGS = ("partner_id", "center_id", "room_id", "date", "duration", "start")
PARTNER_LIMIT = 20


@dataclass
class Booking:
    own: Company
    partner: Company | None = None
    partner_q: str = ""
    candidates: list[Company] = field(default_factory=list)
    centers: list[Center] = field(default_factory=list)
    center: Center | None = None
    rooms: list[Room] = field(default_factory=list)
    room: Room | None = None
    day: date | None = None
    minutes: int = 60
    grid: slots.DayGrid | None = None
    start: datetime | None = None  # the chosen start, when it is free
    start_taken: bool = False  # a start was asked for that is not (or no longer) free
    next_day: date | None = None
    args: dict[str, Any] = field(default_factory=dict)
    moving: Any = None  # the meeting being rescheduled (its page: /meetings/<id>/reschedule)

    def url(self, **changes: Any) -> str:
        """This page with the steps' values changed (``None`` drops one)."""
        args = {k: v for k, v in {**self.args, **changes}.items() if v not in (None, "")}
        if self.moving is not None:
            args.pop("partner_id", None)
            return url_for("meetings.reschedule", meeting_id=self.moving.id, **args)
        return url_for("meetings.new", **args)

    @property
    def durations(self):
        return DURATIONS

    @property
    def day_before(self) -> date | None:
        return self.day - timedelta(days=1) if self.day else None

    @property
    def day_after(self) -> date | None:
        return self.day + timedelta(days=1) if self.day else None

    @property
    def end(self) -> datetime | None:
        return self.start + timedelta(minutes=self.minutes) if self.start else None


def usable_partner(own: Company, partner_id: int | None) -> Company | None:
    partner = db.session.get(Company, partner_id) if partner_id else None
    if partner is None or partner.hidden or partner.country == own.country:
        return None
    return partner


def _day(raw: str | None) -> date | None:
    try:
        day = date.fromisoformat(raw or "") if len(raw or "") == 10 else None
    except ValueError:
        return None
    return day if day and 2000 <= day.year <= 2100 else None


def _candidates(own: Company, q: str) -> list[Company]:
    other = "RU" if own.country == "AZ" else "AZ"
    if q:
        return directory(DirectoryQuery(q=q, country=other, per_page=PARTNER_LIMIT)).items
    mutual = [c for c in matches_of(own.id) if c.country == other and not c.hidden]
    if mutual:
        return mutual[:PARTNER_LIMIT]
    return directory(DirectoryQuery(country=other, per_page=PARTNER_LIMIT)).items


def _place(b: Booking, values) -> None:
    room = centers.get_room(parse_id(values.get("room_id")))
    b.center = centers.get_center(parse_id(values.get("center_id")))
    if b.center is None and room is not None:
        b.center = room.center
    if b.center is not None:
        b.rooms = centers.bookable_rooms(b.center)
        b.room = room if room in b.rooms else None
        if b.room is None and len(b.rooms) == 1:
            b.room = b.rooms[0]


def read(own: Company, values=None) -> Booking:
    """The booking page's state from ``values`` (the query string, or the POSTed form)."""
    values = request.values if values is None else values
    b = Booking(own=own, centers=centers.list_centers())
    b.partner = usable_partner(own, parse_id(values.get("partner_id")))
    if b.partner is None:
        b.partner_q = (request.args.get("q") or "").strip()[:200]
        b.candidates = _candidates(own, b.partner_q)
    _place(b, values)
    durations = dict(DURATIONS)
    duration = parse_id(values.get("duration"))
    b.minutes = duration if duration in durations else 60
    if b.room is not None:
        b.day = _day(values.get("date")) or slots.today_at(b.room)
        firms = (own.id, b.partner.id if b.partner else None)
        b.grid = slots.day_grid(b.room, b.day, b.minutes, firms)
        wanted = values.get("start") or ""
        b.start = next((s for s in b.grid.starts if _clock(s, b.room) == wanted), None)
        b.start_taken = bool(wanted) and b.start is None
        if not b.grid.starts:
            b.next_day = slots.next_free_day(b.room, b.day, b.minutes, firms)
    b.args = {
        "partner_id": b.partner.id if b.partner else None,
        "center_id": b.center.id if b.center else None,
        "room_id": b.room.id if b.room else None,
        "date": b.day.isoformat() if b.day else None,
        "duration": b.minutes,
        "start": _clock(b.start, b.room) if b.start else None,
    }
    return b


def read_move(meeting, values=None) -> Booking:
    """The reschedule page's state: the same steps as booking, for the meeting's firms, among the
    rooms of its center (its own room first chosen, its day and length by default); the meeting's
    own time counts as free."""
    values = request.values if values is None else values
    own, other = meeting.requester, meeting.partner
    center = meeting.room.center
    b = Booking(own=own, partner=other, centers=[center], center=center, moving=meeting)
    b.rooms = centers.bookable_rooms(center)
    room = centers.get_room(parse_id(values.get("room_id")))
    b.room = room if room in b.rooms else meeting.room  # another center's room is not offered
    durations = dict(DURATIONS)
    length = int((meeting.end_at - meeting.start_at).total_seconds() // 60)
    duration = parse_id(values.get("duration")) or length
    b.minutes = duration if duration in durations else 60
    if b.room is not None:
        b.day = _day(values.get("date")) or meeting.start_at.astimezone(centers.zone(center)).date()
        b.grid = slots.day_grid(b.room, b.day, b.minutes, meeting.company_ids, moving=meeting)
        wanted = values.get("start") or ""
        b.start = next((s for s in b.grid.starts if _clock(s, b.room) == wanted), None)
        b.start_taken = bool(wanted) and b.start is None
        if not b.grid.starts:
            b.next_day = slots.next_free_day(b.room, b.day, b.minutes, meeting.company_ids)
    b.args = {
        "room_id": b.room.id if b.room else None,
        "date": b.day.isoformat() if b.day else None,
        "duration": b.minutes,
        "start": _clock(b.start, b.room) if b.start else None,
    }
    return b


def _clock(dt: datetime, room: Room | None) -> str:
    return dt.astimezone(centers.zone(room.center)).strftime("%H:%M") if room else ""
