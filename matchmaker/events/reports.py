"""Read-only views of a brokerage day: agendas, the hall's table plan, the staff's grid, statistics."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from ..companies.models import Company
from ..extensions import db
from .models import Event, EventFeedback, EventMeeting, EventMeetingStatus, EventRegistration, EventRequest


@dataclass
class AgendaItem:
    slot: int
    start: datetime
    end: datetime
    table_no: int
    meeting: EventMeeting
    partner: Company


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
    items = []
    for m in _meetings(
        event,
        EventMeeting.status == EventMeetingStatus.ACTIVE,
        EventMeeting.slot.is_not(None),
        or_(EventMeeting.az_company_id == company_id, EventMeeting.ru_company_id == company_id),
    ):
        start, end = times[m.slot]
        items.append(AgendaItem(m.slot, start, end, m.table_no, m, m.other(company_id)))
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


def unscheduled(event: Event) -> list[EventMeeting]:
    return _meetings(event, EventMeeting.status == EventMeetingStatus.ACTIVE, EventMeeting.slot.is_(None))


def statistics(event: Event) -> dict:
    """Meetings held, no-show rate, usefulness and follow-ups (from staff marks and firm feedback)."""
    meetings = _meetings(
        event, EventMeeting.status == EventMeetingStatus.ACTIVE, EventMeeting.slot.is_not(None)
    )
    seats = 2 * len(meetings)
    no_shows = sum(1 for m in meetings for f in m.feedback if f.no_show)
    held = [m for m in meetings if not any(f.no_show or f.took_place is False for f in m.feedback)]
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
