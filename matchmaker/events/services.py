"""Brokerage days: events, registration, presence, participants with match scores, meeting requests.

Services flush; views (and the CLI) commit. Scheduling, outputs and statistics: ``scheduling.py``.
Requests lapse at the deadline lazily: every read of an event's requests first marks the pending
ones past the deadline as ``lapsed`` (:func:`apply_lapses`, :func:`lapse_due`), and no write accepts
them afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, func, or_, select, update

from ..centers.models import Center, Room
from ..companies.models import Company
from ..core.ids import valid_id
from ..dbtypes import utcnow
from ..errors import Conflict, DomainError, Forbidden, NotFound
from ..extensions import db
from ..i18n import as_texts, set_texts
from ..matching.models import Suggestion
from ..notifications.services import notify
from .models import (
    SEATS_PER_TABLE,
    Event,
    EventMeeting,
    EventMeetingStatus,
    EventRegistration,
    EventRequest,
    EventStatus,
    RequestStatus,
)

TRANSITIONS = {
    "open": (EventStatus.DRAFT,),
    "publish": (EventStatus.SCHEDULED,),
    "close": (EventStatus.PUBLISHED,),
}


# events -------------------------------------------------------------------------------------------
def get_event(event_id: int) -> Event:
    event = db.session.get(Event, event_id) if valid_id(event_id) else None
    if event is None:
        raise NotFound(str(_l("No such brokerage day.")))
    return event


def visible_events(user) -> list[Event]:
    events = db.session.scalars(select(Event).order_by(Event.day.desc(), Event.id.desc()).limit(200))
    return [e for e in events if e.can_view(user)]


def upcoming_public(limit: int = 3) -> list[Event]:
    """Brokerage days the public may read about (not drafts), today or later, soonest first."""
    return list(
        db.session.scalars(
            select(Event)
            .where(Event.status != EventStatus.DRAFT, Event.day >= utcnow().date() - timedelta(days=1))
            .order_by(Event.day, Event.id)
            .limit(limit)
        )
    )


def manageable_centers(user) -> list[Center]:
    centers = db.session.scalars(select(Center).order_by(Center.id))
    return [c for c in centers if user.is_staff and user.can_manage_center(c.id)]


def rooms_of(centers: list[Center]) -> list[Room]:
    """The active rooms of these centers, by center and name (the rooms a brokerage day may use)."""
    ids = [c.id for c in centers]
    if not ids:
        return []
    return list(
        db.session.scalars(
            select(Room)
            .where(Room.center_id.in_(ids), Room.active.is_(True))
            .order_by(Room.center_id, Room.id)
        )
    )


def tables_from_rooms(rooms: list[Room]) -> int:
    """Meeting tables the chosen rooms hold: one table per four seats, at least one per room."""
    return sum(max(1, room.capacity // SEATS_PER_TABLE) for room in rooms)


def save_event(user, data: dict, event: Event | None = None) -> Event:
    """Create or edit (draft or open only). ``data``: center_id, title and description (each
    ``{"az", "ru", "en"}``, or one Azerbaijani text), day, sessions
    [(time, time)], slot_minutes, tables (or None), room_ids, max_meetings, request_deadline (UTC)."""
    center = db.session.get(Center, data["center_id"])
    if center is None:
        raise DomainError(str(_l("Choose a business center.")), field="center_id")
    if not (user.is_staff and user.can_manage_center(center.id)):
        raise Forbidden(str(_l("You cannot organise events at this center.")))
    if event is not None and not event.settings_editable:
        raise Conflict(str(_l("The schedule exists already; this brokerage day can no longer be edited.")))
    rooms = []
    if data.get("room_ids"):
        rooms = list(
            db.session.scalars(select(Room).where(Room.id.in_(data["room_ids"]), Room.center_id == center.id))
        )
        if len(rooms) != len(set(data["room_ids"])):
            raise DomainError(str(_l("Choose rooms of this center.")), field="room_ids")
    tables = data.get("tables") or (tables_from_rooms(rooms) if rooms else None)
    if not tables:
        raise DomainError(str(_l("Give the number of tables or choose rooms.")), field="tables")
    event = event or Event(created_by_id=user.id, status=EventStatus.DRAFT)
    event.center_id = center.id
    event.center = center
    titles = as_texts(data["title"])
    if not titles["az"]:
        raise DomainError(str(_l("This field is required.")), field="title_az")
    set_texts(event, "title", titles)
    set_texts(event, "description", as_texts(data.get("description") or ""))
    event.day = data["day"]
    event.sessions = [[s.strftime("%H:%M"), e.strftime("%H:%M")] for s, e in data["sessions"]]
    event.slot_minutes = data["slot_minutes"]
    event.tables = tables
    event.room_ids = sorted(r.id for r in rooms)
    event.max_meetings = data["max_meetings"]
    event.request_deadline = data["request_deadline"]
    if event.slot_count == 0:
        raise DomainError(str(_l("The sessions are shorter than one slot.")), field="sessions")
    if event.request_deadline > event.slot_times()[0][0]:
        raise DomainError(
            str(_l("The request deadline must come before the first slot.")), field="request_deadline"
        )
    db.session.add(event)
    db.session.flush()
    return event


def change_status(event: Event, action: str) -> None:
    """``open`` registration, ``publish`` the schedule, ``close`` the day."""
    allowed = TRANSITIONS.get(action)
    if allowed is None:
        raise NotFound(str(_l("Unknown action.")))
    if event.status not in allowed:
        raise Conflict(str(_l("Not possible in the event's current state.")))
    if action == "open":
        if event.deadline_passed():
            raise DomainError(
                str(_l("The request deadline has passed; move it first.")), field="request_deadline"
            )
        event.status = EventStatus.OPEN
    elif action == "publish":
        from .scheduling import publish

        publish(event)
    else:
        event.status = EventStatus.CLOSED
    db.session.flush()


# registration and presence ------------------------------------------------------------------------
def registration_of(event: Event, company_id: int | None) -> EventRegistration | None:
    if not company_id:
        return None
    return db.session.scalar(
        select(EventRegistration).where(
            EventRegistration.event_id == event.id, EventRegistration.company_id == company_id
        )
    )


def register(event: Event, user) -> EventRegistration:
    company_id = user.active_company_id
    if not company_id:
        raise Forbidden(str(_l("Only a member of a registered firm can take part.")))
    if not event.accepts_registrations:
        raise Conflict(str(_l("Registration for this brokerage day is closed.")))
    existing = registration_of(event, company_id)
    if existing is not None:
        return existing
    reg = EventRegistration(event_id=event.id, company_id=company_id, registered_by_id=user.id)
    db.session.add(reg)
    _flush_or_conflict(str(_l("Your firm is registered already.")))
    notify(company_id, "event_registered", f"/events/{event.id}", about=event, event_id=event.id)
    return reg


def set_presence(event: Event, reg: EventRegistration, slots: list[int] | None) -> None:
    """``slots`` None: present all day. Changes after the schedule exists go through the staff."""
    if event.status != EventStatus.OPEN:
        raise Conflict(str(_l("Presence can no longer be changed; please contact the organisers.")))
    n = event.slot_count
    if slots is not None:
        chosen = sorted(set(slots))
        if not chosen:
            raise DomainError(str(_l("Choose at least one slot.")), field="slots")
        if chosen[0] < 0 or chosen[-1] >= n:
            raise DomainError(str(_l("Choose slots of this brokerage day.")), field="slots")
        slots = None if len(chosen) == n else chosen
    reg.present_slots = slots
    db.session.flush()


def registrations(event: Event) -> list[EventRegistration]:
    return list(
        db.session.scalars(
            select(EventRegistration)
            .join(Company)
            .where(EventRegistration.event_id == event.id)
            .order_by(Company.name)
        )
    )


@dataclass
class Participant:
    company: Company
    score: float | None
    request: EventRequest | None  # the latest request between us, either way


def participants_for(event: Event, company_id: int, q: str = "", page: int = 1, per_page: int = 50):
    """Registered firms of the other country, best match score first (stored suggestions)."""
    me = db.session.get(Company, company_id)
    score = (
        select(Suggestion.score)
        .where(Suggestion.company_id == company_id, Suggestion.partner_id == Company.id)
        .correlate(Company)
        .scalar_subquery()
    )
    stmt = (
        select(Company, score.label("score"))
        .join(EventRegistration, EventRegistration.company_id == Company.id)
        .where(EventRegistration.event_id == event.id, Company.country != me.country)
    )
    if q:
        stmt = stmt.where(Company.name.ilike(f"%{q.replace('%', '').replace('_', '')}%"))
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    pages = max(1, -(-total // per_page))
    page = min(max(1, page), pages)
    rows = db.session.execute(
        stmt.order_by(score.desc().nulls_last(), Company.name, Company.id)
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    ids = [c.id for c, _s in rows]
    reqs = {}
    if ids:
        for r in db.session.scalars(
            select(EventRequest)
            .where(
                EventRequest.event_id == event.id,
                or_(
                    and_(EventRequest.requester_id == company_id, EventRequest.partner_id.in_(ids)),
                    and_(EventRequest.partner_id == company_id, EventRequest.requester_id.in_(ids)),
                ),
            )
            .order_by(EventRequest.id)
        ):
            reqs[r.other(company_id).id] = r
    return [Participant(c, s, reqs.get(c.id)) for c, s in rows], total, page, pages


# meeting requests ---------------------------------------------------------------------------------
def apply_lapses(event: Event) -> int:
    """Pending requests past the deadline become ``lapsed``. Reads never write: they show a pending
    request past the deadline as lapsed (``EventRequest.shown_status``); writes on the event call
    this first, and so does the periodic job (:func:`lapse_due`)."""
    if not event.deadline_passed():
        return 0
    result = db.session.execute(
        update(EventRequest)
        .where(EventRequest.event_id == event.id, EventRequest.status == RequestStatus.PENDING)
        .values(status=RequestStatus.LAPSED, decided_at=event.request_deadline)
        .execution_options(synchronize_session="fetch")
    )
    return result.rowcount or 0


def lapse_due(now: datetime | None = None) -> int:
    """The periodic job: lapse the pending requests of every event whose deadline has passed."""
    now = now or utcnow()
    events = db.session.scalars(
        select(Event).where(
            Event.request_deadline <= now,
            Event.id.in_(select(EventRequest.event_id).where(EventRequest.status == RequestStatus.PENDING)),
        )
    )
    return sum(apply_lapses(event) for event in events)


def accepted_count(event: Event, company_id: int) -> int:
    return (
        db.session.scalar(
            select(func.count(EventMeeting.id)).where(
                EventMeeting.event_id == event.id,
                EventMeeting.status == EventMeetingStatus.ACTIVE,
                or_(EventMeeting.az_company_id == company_id, EventMeeting.ru_company_id == company_id),
            )
        )
        or 0
    )


def requests_of(event: Event, company_id: int) -> tuple[list[EventRequest], list[EventRequest]]:
    """(received, sent), newest first."""
    base = select(EventRequest).where(EventRequest.event_id == event.id).order_by(EventRequest.id.desc())
    received = list(db.session.scalars(base.where(EventRequest.partner_id == company_id)))
    sent = list(db.session.scalars(base.where(EventRequest.requester_id == company_id)))
    return received, sent


def _open_for_requests(event: Event) -> None:
    apply_lapses(event)
    if event.status != EventStatus.OPEN or event.deadline_passed():
        raise Conflict(str(_l("The request deadline has passed.")))


def send_request(event: Event, user, partner_id: int, note: str) -> EventRequest:
    company_id = user.active_company_id
    _open_for_requests(event)
    if registration_of(event, company_id) is None:
        raise Forbidden(str(_l("Register your firm for this brokerage day first.")))
    partner = db.session.get(Company, partner_id) if valid_id(partner_id) else None
    if partner is None or registration_of(event, partner_id) is None:
        raise DomainError(str(_l("This firm does not take part in this brokerage day.")), field="partner_id")
    me = db.session.get(Company, company_id)
    if partner.country == me.country:
        raise DomainError(str(_l("Meetings pair an Azerbaijani and a Russian firm.")), field="partner_id")
    existing = db.session.scalar(
        select(EventRequest).where(
            EventRequest.event_id == event.id,
            or_(
                and_(EventRequest.requester_id == company_id, EventRequest.partner_id == partner_id),
                and_(EventRequest.requester_id == partner_id, EventRequest.partner_id == company_id),
            ),
        )
    )
    if existing is not None:
        raise Conflict(str(_l("There is already a request between your firms.")), field="partner_id")
    if accepted_count(event, company_id) >= event.max_meetings:
        raise DomainError(
            str(_l("Your firm has reached the limit of %(n)d meetings.", n=event.max_meetings)),
            field="partner_id",
        )
    if accepted_count(event, partner_id) >= event.max_meetings:
        raise DomainError(
            str(
                _l(
                    "%(name)s has reached the limit of %(n)d meetings.",
                    name=partner.name,
                    n=event.max_meetings,
                )
            ),
            field="partner_id",
        )
    req = EventRequest(
        event_id=event.id,
        requester_id=company_id,
        partner_id=partner_id,
        note=note.strip(),
        created_by_id=user.id,
    )
    db.session.add(req)
    _flush_or_conflict(str(_l("There is already a request between your firms.")))
    # the event's title and day are rendered in the reader's language when the note is shown
    notify(partner_id, "meeting_requested", f"/events/{event.id}/requests", name=me.name, event_id=event.id)
    return req


def get_request(event: Event, request_id: int) -> EventRequest:
    req = db.session.get(EventRequest, request_id) if valid_id(request_id) else None
    if req is None or req.event_id != event.id:
        raise NotFound(str(_l("No such request.")))
    return req


def request_by_id(request_id: int) -> EventRequest:
    """A brokerage-day request by its number alone (its event read from it)."""
    req = db.session.get(EventRequest, request_id) if valid_id(request_id) else None
    if req is None:
        raise NotFound(str(_l("No such request.")))
    return get_request(req.event, req.id)


def answer_request(event: Event, user, req: EventRequest, accept: bool) -> EventMeeting | None:
    """The invited firm accepts (a meeting to schedule, within both firms' caps) or declines."""
    _open_for_requests(event)
    db.session.refresh(req, with_for_update=True)
    if not user.belongs_to(req.partner_id):
        raise Forbidden(str(_l("Only the invited firm can answer this request.")))
    if req.status != RequestStatus.PENDING:
        raise Conflict(str(_l("This request has been answered already or has lapsed.")))
    req.decided_at = utcnow()
    if not accept:
        req.status = RequestStatus.DECLINED
        db.session.flush()
        notify(
            req.requester_id,
            "meeting_declined",
            f"/events/{event.id}/requests",
            name=req.partner.name,
            event_id=event.id,
        )
        return None
    _lock_registrations(event, (req.requester_id, req.partner_id))
    for company in (req.partner, req.requester):
        if accepted_count(event, company.id) >= event.max_meetings:
            raise Conflict(
                str(
                    _l(
                        "%(name)s has reached the limit of %(n)d meetings.",
                        name=company.name,
                        n=event.max_meetings,
                    )
                )
            )
    req.status = RequestStatus.ACCEPTED
    az, ru = (req.requester, req.partner) if req.requester.country == "AZ" else (req.partner, req.requester)
    meeting = EventMeeting(event_id=event.id, request_id=req.id, az_company_id=az.id, ru_company_id=ru.id)
    db.session.add(meeting)
    _flush_or_conflict(str(_l("This request has been answered already.")))
    notify(
        req.requester_id,
        "meeting_accepted",
        f"/events/{event.id}/requests",
        name=req.partner.name,
        event_id=event.id,
    )
    return meeting


def withdraw_request(event: Event, user, req: EventRequest) -> None:
    if not user.belongs_to(req.requester_id):
        raise Forbidden(str(_l("Only the requesting firm can withdraw this request.")))
    apply_lapses(event)
    if req.status != RequestStatus.PENDING:
        raise Conflict(str(_l("This request has been answered already or has lapsed.")))
    req.status = RequestStatus.WITHDRAWN
    req.decided_at = utcnow()
    db.session.flush()


def _lock_registrations(event: Event, company_ids) -> None:
    """Serialise concurrent accepts of the same firms (PostgreSQL row locks; SQLite writes are
    serialised by ``BEGIN IMMEDIATE``), so the per-firm cap holds."""
    db.session.execute(
        select(EventRegistration.id)
        .where(EventRegistration.event_id == event.id, EventRegistration.company_id.in_(sorted(company_ids)))
        .order_by(EventRegistration.id)
        .with_for_update()
    )


def _flush_or_conflict(message: str) -> None:
    """Flush in a savepoint: a unique-constraint violation becomes a clean ``Conflict``."""
    from sqlalchemy.exc import IntegrityError

    try:
        with db.session.begin_nested():
            db.session.flush()
    except IntegrityError:
        raise Conflict(message) from None


def local_deadline(event: Event) -> datetime:
    return event.request_deadline.astimezone(event.zone)
