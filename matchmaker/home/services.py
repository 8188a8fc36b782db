"""What a signed-in person sees first: a member's firm at a glance (requests awaiting an answer,
coming meetings, mutual interest, new suggestions, how complete the profile is) and the staff's
day (verification queue, today's bookings at their center, coming brokerage days).

Each board is read in a fixed number of queries whatever the number of rows: lists are loaded
with their firms, rooms and centers joined in, never one query per row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select
from sqlalchemy.orm import joinedload

from ..centers.models import Center, Room
from ..companies.models import Company
from ..core import timeslots
from ..dbtypes import utcnow
from ..events.models import Event, EventRequest, EventStatus, RequestStatus
from ..extensions import db
from ..matching.board import BoardRow, board_of
from ..meetings.models import Meeting, MeetingStatus

__all__ = ["MemberBoard", "StaffBoard", "member_board", "profile_hints", "staff_board"]

SHOWN = 5  # rows of each list on a board


def _meetings_with_places():
    """Meetings with both firms, the room and its center loaded in the same query."""
    return select(Meeting).options(
        joinedload(Meeting.requester),
        joinedload(Meeting.partner),
        joinedload(Meeting.room).joinedload(Room.center),
    )


@dataclass(slots=True)
class MemberBoard:
    company: Company
    to_answer: list[Meeting]  # requests awaiting this firm's answer, soonest expiry first
    sent: list[Meeting]  # requests awaiting the partner's answer
    upcoming: list[Meeting]  # accepted meetings to come
    day_requests: list[EventRequest]  # brokerage-day requests awaiting this firm's answer
    mutual: list[BoardRow]
    new: list[BoardRow]  # best suggestions not answered yet
    counts: dict[str, int]
    hints: list[tuple[str, str]]  # (what to add, why), most useful first


def member_board(company: Company) -> MemberBoard:
    now = utcnow()
    mine = or_(Meeting.requester_id == company.id, Meeting.partner_id == company.id)
    waiting = list(
        db.session.scalars(
            _meetings_with_places()
            .where(
                mine, Meeting.status == MeetingStatus.REQUESTED, Meeting.live_at(now), Meeting.end_at > now
            )
            .order_by(Meeting.expires_at, Meeting.start_at)
        ).unique()
    )
    upcoming = list(
        db.session.scalars(
            _meetings_with_places()
            .where(mine, Meeting.status == MeetingStatus.ACCEPTED, Meeting.end_at > now)
            .order_by(Meeting.start_at)
            .limit(SHOWN)
        ).unique()
    )
    day_requests = list(
        db.session.scalars(
            select(EventRequest)
            .join(Event, Event.id == EventRequest.event_id)
            .options(
                joinedload(EventRequest.event).joinedload(Event.center), joinedload(EventRequest.requester)
            )
            .where(
                EventRequest.partner_id == company.id,
                EventRequest.status == RequestStatus.PENDING,
                Event.request_deadline > now,
            )
            .order_by(Event.request_deadline, EventRequest.id)
        )
    )
    suggested = board_of(company.id, "suggested")
    mutual = board_of(company.id, "mutual") if suggested.counts["mutual"] else None
    return MemberBoard(
        company=company,
        to_answer=[m for m in waiting if m.awaiting_company_id() == company.id],
        sent=[m for m in waiting if m.awaiting_company_id() not in (company.id, None)],
        upcoming=upcoming,
        day_requests=day_requests,
        mutual=mutual.rows[:SHOWN] if mutual else [],
        new=suggested.rows[:3],
        counts=suggested.counts,
        hints=profile_hints(company),
    )


def profile_hints(company: Company) -> list[tuple[str, str]]:
    """What the profile lacks, as concrete advice, the fields that matter to matching first."""
    hints = []
    if not company.offers:
        hints.append((_l("Add what you offer"), _l("Firms that need it will be suggested to you.")))
    if not company.needs:
        hints.append((_l("Add what you need"), _l("Add what you need to get better suggestions.")))
    if not company.sector_rows:
        hints.append((_l("Choose your fields of activity"), _l("Firms of related fields rank higher.")))
    if not company.languages:
        hints.append((_l("Add your working languages"), _l("A shared language counts in every match.")))
    if not company.description:
        hints.append((_l("Describe your firm"), _l("A few sentences help a partner say yes.")))
    if not (company.website or company.email or company.phone):
        hints.append((_l("Add a way to reach you"), _l("A website, an e-mail address or a phone number.")))
    return [(str(a), str(b)) for a, b in hints]


@dataclass(slots=True)
class CenterDay:
    center: Center
    day: date
    meetings: list[Meeting] = field(default_factory=list)


@dataclass(slots=True)
class StaffBoard:
    queue: int  # firms waiting for verification
    days: list[CenterDay]  # today's bookings, per center this account manages
    events: list[Event]  # coming brokerage days at those centers


def staff_board(user) -> StaffBoard:
    """The board of a staff member (their center) or of an administrator (every center)."""
    queue = db.session.scalar(
        select(func.count(Company.id)).where(Company.verified.is_(False), Company.hidden.is_(False))
    )
    centers = [
        c for c in db.session.scalars(select(Center).order_by(Center.id)) if user.can_manage_center(c.id)
    ]
    days = [CenterDay(c, datetime.now(ZoneInfo(c.timezone)).date()) for c in centers]
    if days:
        bounds = {d.center.id: timeslots.local_day_bounds(d.day, ZoneInfo(d.center.timezone)) for d in days}
        earliest, latest = min(b[0] for b in bounds.values()), max(b[1] for b in bounds.values())
        found = db.session.scalars(
            _meetings_with_places()
            .join(Room, Room.id == Meeting.room_id)
            .where(
                Room.center_id.in_(list(bounds)),
                Meeting.start_at < latest,
                Meeting.end_at > earliest,
                Meeting.status.in_((MeetingStatus.REQUESTED, MeetingStatus.ACCEPTED)),
            )
            .order_by(Meeting.start_at, Room.id)
        ).unique()
        by_center = {d.center.id: d for d in days}
        for m in found:
            start, end = bounds[m.room.center_id]
            if m.is_live and m.start_at < end and m.end_at > start:
                by_center[m.room.center_id].meetings.append(m)
    events = []
    if centers:
        today = min(d.day for d in days)
        events = list(
            db.session.scalars(
                select(Event)
                .where(
                    Event.center_id.in_([c.id for c in centers]),
                    Event.day >= today,
                    Event.status != EventStatus.CLOSED,
                )
                .order_by(Event.day, Event.id)
                .limit(SHOWN)
            )
        )
    return StaffBoard(queue or 0, days, events)
