"""Read-only views of a brokerage day: agendas, the hall's table plan, the staff's grid, statistics.

Tables sit in the event's rooms in order (the rooms sorted by id, each holding one table per four
seats, at least one, as :func:`matchmaker.events.services.tables_from_rooms` counts them; tables
beyond the rooms' seats stand in the last room), so an agenda names the room of each meeting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from ..centers.models import Room
from ..companies.models import Company
from ..dbtypes import utcnow
from ..extensions import db
from .models import (
    SEATS_PER_TABLE,
    Event,
    EventFeedback,
    EventMeeting,
    EventMeetingStatus,
    EventRegistration,
    EventRequest,
    EventStatus,
)


@dataclass
class AgendaItem:
    slot: int
    start: datetime
    end: datetime
    table_no: int
    meeting: EventMeeting
    partner: Company
    room: Room | None = None


def event_rooms(event: Event) -> list[Room]:
    ids = list(event.room_ids or [])
    if not ids:
        return []
    return list(db.session.scalars(select(Room).where(Room.id.in_(ids)).order_by(Room.id)))


def table_rooms(event: Event) -> dict[int, Room]:
    """Table number -> the room it stands in (empty when the event names no rooms)."""
    rooms = event_rooms(event)
    found: dict[int, Room] = {}
    if not rooms:
        return found
    table = 1
    for room in rooms:
        for _ in range(max(1, room.capacity // SEATS_PER_TABLE)):
            found[table] = room
            table += 1
    for extra in range(table, event.tables + 1):
        found[extra] = rooms[-1]
    return found


def _meetings(event: Event, *where):
    return list(
        db.session.scalars(
            select(EventMeeting)
            .where(EventMeeting.event_id == event.id, *where)
            .options(
                selectinload(EventMeeting.az_company),
                selectinload(EventMeeting.ru_company),
                selectinload(EventMeeting.feedback),
            )
            .order_by(EventMeeting.slot, EventMeeting.table_no, EventMeeting.id)
        )
    )


def agenda(event: Event, company_id: int) -> list[AgendaItem]:
    """The firm's scheduled meetings in time order, times in the center's zone."""
    times = event.slot_times()
    rooms = table_rooms(event)
    items = []
    for m in _meetings(
        event,
        EventMeeting.status == EventMeetingStatus.ACTIVE,
        EventMeeting.slot.is_not(None),
        or_(EventMeeting.az_company_id == company_id, EventMeeting.ru_company_id == company_id),
    ):
        start, end = times[m.slot]
        items.append(
            AgendaItem(m.slot, start, end, m.table_no, m, m.other(company_id), rooms.get(m.table_no))
        )
    return items


def unscheduled_of(event: Event, company_id: int) -> list[EventMeeting]:
    return _meetings(
        event,
        EventMeeting.status == EventMeetingStatus.ACTIVE,
        EventMeeting.slot.is_(None),
        or_(EventMeeting.az_company_id == company_id, EventMeeting.ru_company_id == company_id),
    )


@dataclass
class PlanSlot:
    slot: int
    start: datetime
    end: datetime
    meetings: list[EventMeeting]


def table_plan(event: Event) -> list[PlanSlot]:
    """Every slot of the day with its meetings by table (the hall's printed plan)."""
    by_slot: dict[int, list[EventMeeting]] = {}
    for m in _meetings(
        event, EventMeeting.status == EventMeetingStatus.ACTIVE, EventMeeting.slot.is_not(None)
    ):
        by_slot.setdefault(m.slot, []).append(m)
    return [PlanSlot(i, s, e, by_slot.get(i, [])) for i, (s, e) in enumerate(event.slot_times())]


@dataclass
class GridRow:
    slot: int
    start: datetime
    end: datetime
    cells: list[EventMeeting | None]  # by table: cells[0] is table 1


def schedule_grid(event: Event) -> list[GridRow]:
    """The staff's schedule as slots × tables: one row per slot, one cell per table."""
    rows = []
    for s in table_plan(event):
        cells: list[EventMeeting | None] = [None] * event.tables
        for m in s.meetings:
            if m.table_no is not None and 1 <= m.table_no <= event.tables:
                cells[m.table_no - 1] = m
        rows.append(GridRow(s.slot, s.start, s.end, cells))
    return rows


def day_over(event: Event, now: datetime | None = None) -> bool:
    """The day's last slot has ended (or the staff closed the day, as feedback counts it): only
    then can meetings count as held."""
    if event.status == EventStatus.CLOSED:
        return True
    times = event.slot_times()
    return bool(times) and (now or utcnow()) >= times[-1][1]


def unscheduled(event: Event) -> list[EventMeeting]:
    return _meetings(event, EventMeeting.status == EventMeetingStatus.ACTIVE, EventMeeting.slot.is_(None))


def statistics(event: Event) -> dict:
    """Meetings held, no-show rate, usefulness and follow-ups (from staff marks and firm feedback)."""
    meetings = _meetings(
        event, EventMeeting.status == EventMeetingStatus.ACTIVE, EventMeeting.slot.is_not(None)
    )
    seats = 2 * len(meetings)
    no_shows = sum(1 for m in meetings for f in m.feedback if f.no_show)
    over = day_over(event)
    held = (
        [m for m in meetings if not any(f.no_show or f.took_place is False for f in m.feedback)]
        if over
        else []
    )
    rated = [f.usefulness for m in meetings for f in m.feedback if f.usefulness is not None]
    answers = [f for m in meetings for f in m.feedback if f.submitted_at is not None]
    follow_ups = sum(1 for m in meetings if any(f.follow_up for f in m.feedback))
    req_counts = dict(
        db.session.execute(
            select(EventRequest.status, func.count(EventRequest.id))
            .where(EventRequest.event_id == event.id)
            .group_by(EventRequest.status)
        ).all()
    )
    firms = (
        db.session.scalar(
            select(func.count(EventRegistration.id)).where(EventRegistration.event_id == event.id)
        )
        or 0
    )
    usefulness_hist = {k: rated.count(k) for k in range(1, 6)}
    return {
        "firms": firms,
        "requests": sum(req_counts.values()),
        "requests_by_status": req_counts,
        "scheduled": len(meetings),
        "unscheduled": len(unscheduled(event)),
        "day_over": over,
        "held": len(held),
        "no_shows": no_shows,
        "no_show_rate": (100.0 * no_shows / seats) if seats else 0.0,
        "feedback_answers": len(answers),
        "feedback_rate": (100.0 * len(answers) / seats) if seats else 0.0,
        "usefulness_avg": (sum(rated) / len(rated)) if rated else None,
        "usefulness_hist": usefulness_hist,
        "follow_ups": follow_ups,
        "follow_up_rate": (100.0 * follow_ups / len(held)) if held else 0.0,
    }


def feedback_for(meeting: EventMeeting, company_id: int) -> EventFeedback | None:
    return meeting.feedback_of(company_id)
