"""Planning a visit: the nights a firm needs at a center around a meeting or a brokerage day, and its
agenda of meetings, brokerage days and stays together."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select

from ..centers.models import Center, Room
from ..core import stays as rules
from ..dbtypes import utcnow
from ..events.models import Event, EventRegistration, EventStatus, parse_hhmm
from ..extensions import db
from ..meetings.models import Meeting
from .models import Stay
from .services import policy_for

#: engagements this many days either side of the anchor belong to the same visit
VISIT_WINDOW = 4


@dataclass
class Proposal:
    center: Center
    check_in: date
    check_out: date
    engagements: list[tuple[datetime, datetime, str]]  # local start, end, what

    @property
    def nights(self) -> int:
        return (self.check_out - self.check_in).days


def _meetings_at(company_id: int, center: Center, first: date, last: date) -> list[Meeting]:
    tz = ZoneInfo(center.timezone)
    start = datetime.combine(first, datetime.min.time(), tzinfo=tz)
    end = datetime.combine(last + timedelta(days=1), datetime.min.time(), tzinfo=tz)
    q = (
        select(Meeting)
        .join(Room, Room.id == Meeting.room_id)
        .where(
            Room.center_id == center.id,
            or_(Meeting.requester_id == company_id, Meeting.partner_id == company_id),
            Meeting.live_at(utcnow()),
            Meeting.start_at < end,
            Meeting.end_at > start,
        )
    )
    return list(db.session.scalars(q))


def _event_days(company_id: int, center: Center, first: date, last: date) -> list[Event]:
    q = (
        select(Event)
        .join(EventRegistration, EventRegistration.event_id == Event.id)
        .where(
            EventRegistration.company_id == company_id,
            Event.center_id == center.id,
            Event.day >= first,
            Event.day <= last,
            Event.status != EventStatus.DRAFT,
        )
    )
    return list(db.session.scalars(q))


def event_span(event: Event) -> tuple[datetime, datetime]:
    """The brokerage day from its first session's start to its last session's end (local)."""
    tz = ZoneInfo(event.center.timezone)
    sessions = event.sessions or [["09:00", "18:00"]]
    start = min(parse_hhmm(a) for a, _b in sessions)
    end = max(parse_hhmm(b) for _a, b in sessions)
    return datetime.combine(event.day, start, tzinfo=tz), datetime.combine(event.day, end, tzinfo=tz)


def propose(company_id: int, center: Center, anchor: date) -> Proposal | None:
    """The nights covering the firm's live meetings and brokerage days at ``center`` within
    :data:`VISIT_WINDOW` days of ``anchor`` (with the center's check-in and check-out hours and
    shortest stay)."""
    tz = ZoneInfo(center.timezone)
    first, last = anchor - timedelta(days=VISIT_WINDOW), anchor + timedelta(days=VISIT_WINDOW)
    found: list[tuple[datetime, datetime, str]] = []
    for m in _meetings_at(company_id, center, first, last):
        other = m.partner if m.requester_id == company_id else m.requester
        found.append((m.start_at.astimezone(tz), m.end_at.astimezone(tz), other.name))
    for event in _event_days(company_id, center, first, last):
        start, end = event_span(event)
        found.append((start, end, event.title))
    policy = policy_for(center)
    nights = rules.nights_for(
        [(s.replace(tzinfo=None), e.replace(tzinfo=None)) for s, e, _what in found],
        policy.check_in_from,
        policy.check_out_until,
        policy.min_nights,
    )
    if nights is None:
        return None
    return Proposal(center, nights[0], nights[1], sorted(found))


def stays_on(company_id: int, day: date) -> list[Stay]:
    """The firm's active stays whose nights or check-out fall on ``day``."""
    q = select(Stay).where(
        Stay.company_id == company_id, Stay.active.is_(True), Stay.check_in <= day, Stay.check_out >= day
    )
    return list(db.session.scalars(q.order_by(Stay.check_in)))


def for_calendar(company_id: int, days_back: int = 90) -> list[Stay]:
    since = utcnow().date() - timedelta(days=days_back)
    q = select(Stay).where(Stay.company_id == company_id, Stay.check_out > since)
    return list(db.session.scalars(q.order_by(Stay.check_in)))
