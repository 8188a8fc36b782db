"""What is free: the grid of start times of a room on one local day, and why a day has none.

A start is offered when the whole meeting fits in the room's opening hours that day, outside every
closure and every live meeting of the room, outside the live meetings of the firms taking part, and
starts after now. A day without any start says why in the reader's language: the day is over, the
center does not open on that weekday ("bazar günü", "воскресенье"), a holiday or another closure
(with its name), or everything is taken. Booking itself stays with :func:`services.request_meeting`
(the database has the last word); the grid only shows what is likely to succeed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from babel.dates import get_day_names
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..centers import services as centers
from ..centers.models import Closure, ClosureKind, Room
from ..core import timeslots
from ..dbtypes import utcnow
from ..extensions import db
from .models import Meeting, MeetingParticipant

STEP_MINUTES = 30  # the grid's spacing: 09:00, 09:30, 10:00 …
LOOK_AHEAD_DAYS = 21  # how far "the next day with a free time" looks


@dataclass
class DayGrid:
    room: Room
    day: date
    minutes: int
    starts: list[datetime] = field(default_factory=list)
    open: list[timeslots.Interval] = field(default_factory=list)
    closed: str = ""  # why nothing can start this day (empty when something can, or all is taken)
    closures: list[Closure] = field(default_factory=list)  # closures on part of the day

    @property
    def tz_name(self) -> str:
        return self.room.center.timezone


def weekday_in_sentence(day: date) -> str:
    """``bazar``, ``воскресенье``, ``Sunday``: the weekday as it reads inside a sentence."""
    lang = str(get_locale() or "en")
    name = get_day_names("wide", "format", locale=lang)[day.weekday()]
    return name if lang == "en" else name.lower()


def today_at(room: Room, now: datetime | None = None) -> date:
    return (now or utcnow()).astimezone(centers.zone(room.center)).date()


def _firms_busy(
    company_ids, start: datetime, end: datetime, now: datetime, moving_id: int | None = None
) -> list[timeslots.Interval]:
    ids = [cid for cid in company_ids if cid]
    if not ids:
        return []
    query = (
        select(MeetingParticipant.start_at, MeetingParticipant.end_at)
        .join(Meeting, Meeting.id == MeetingParticipant.meeting_id)
        .where(
            MeetingParticipant.company_id.in_(ids),
            MeetingParticipant.start_at < end,
            MeetingParticipant.end_at > start,
            Meeting.live_at(now),
        )
    )
    if moving_id is not None:
        query = query.where(Meeting.id != moving_id)
    rows = db.session.execute(query)
    return [(s, e) for s, e in rows]


def _closed_reason(view, day: date, today: date) -> tuple[str, list[Closure]]:
    """Why nothing can start on ``day`` at all ("" when the room opens), and the closures that
    cover only part of the day."""
    if day < today:
        return str(_l("This day is over.")), []
    if not view.open:
        return str(_l("The center does not open on %(weekday)s.", weekday=weekday_in_sentence(day))), []
    closure_slots = [s for s in view.taken if s.kind == "closure"]
    if closure_slots and not timeslots.subtract(view.open, [(s.start, s.end) for s in closure_slots]):
        first = closure_slots[0].closure
        if first.kind == ClosureKind.HOLIDAY:
            return str(_l("Public holiday: %(name)s.", name=first.why)), []
        return str(_l("Closed: %(reason)s.", reason=first.why)), []
    return "", [s.closure for s in closure_slots]


def day_grid(
    room: Room, day: date, minutes: int, company_ids=(), now: datetime | None = None, moving=None
) -> DayGrid:
    """The free starts of a ``minutes``-long meeting in ``room`` on the local date ``day``, for
    the firms ``company_ids`` (their other meetings are left out). ``moving``: a meeting being
    rescheduled, whose own time counts as free (it may move by half an hour within it)."""
    now = now or utcnow()
    view = centers.room_day(room, day, now=now)
    grid = DayGrid(room=room, day=day, minutes=minutes, open=view.open)
    grid.closed, grid.closures = _closed_reason(view, day, today_at(room, now))
    if grid.closed:
        return grid
    free = [(s.start, s.end) for s in view.free]
    if moving is not None and moving.room_id == room.id:
        own = timeslots.subtract([(moving.start_at, moving.end_at)], _others(view))
        free = timeslots.merge([*free, *timeslots.subtract(own, timeslots.subtract(_day(view), view.open))])
    if company_ids:
        day_start, day_end = timeslots.local_day_bounds(day, view.tz)
        busy = _firms_busy(company_ids, day_start, day_end, now, moving.id if moving is not None else None)
        free = timeslots.subtract(free, busy)
    grid.starts = timeslots.start_times(free, minutes, STEP_MINUTES, not_before=now)
    return grid


def _others(view) -> list[timeslots.Interval]:
    """What holds the room that day apart from the meeting being moved: its closures."""
    return [(s.start, s.end) for s in view.taken if s.kind == "closure"]


def _day(view) -> list[timeslots.Interval]:
    return [timeslots.local_day_bounds(view.day, view.tz)]


def next_free_day(room: Room, after: date, minutes: int, company_ids=(), now: datetime | None = None):
    """The first day after ``after`` (within three weeks) with a free start, else None."""
    first = max(after, today_at(room, now) - timedelta(days=1))
    for i in range(1, LOOK_AHEAD_DAYS + 1):
        day = first + timedelta(days=i)
        if day_grid(room, day, minutes, company_ids, now).starts:
            return day
    return None
