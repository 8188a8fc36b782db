"""Meeting requests: propose, accept, decline, cancel, reschedule, expire. Services flush; views commit.

Race safety: the checks below give friendly field errors, but the last word belongs to the database
(exclusion constraints on PostgreSQL, ``BEGIN IMMEDIATE`` serialisation plus partial unique indexes
on SQLite). A constraint violation or deadlock while writing is reported as ``Conflict`` (409).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import or_, select

from ..centers import services as centers
from ..centers.models import Room
from ..companies.models import Company
from ..core import timeslots
from ..core.ids import valid_id
from ..dbtypes import utcnow
from ..errors import Conflict, DomainError, Forbidden, NotFound
from ..extensions import db
from ..holding import write_holding
from ..notifications.services import notify
from .models import ACTIVE_STATUSES, Meeting, MeetingParticipant, MeetingStatus

MIN_MINUTES, MAX_MINUTES = 30, 120
MAX_DAYS_AHEAD = 366


def _sane(dt: datetime) -> bool:
    """An aware datetime that converts to UTC and lies in years 2000-2100 (no overflow later)."""
    try:
        return dt.tzinfo is not None and 2000 <= dt.astimezone(UTC).year <= 2100
    except (OverflowError, ValueError):
        return False


def get_meeting(meeting_id: int) -> Meeting:
    meeting = db.session.get(Meeting, meeting_id) if valid_id(meeting_id) else None
    if meeting is None:
        raise NotFound(str(_l("No such meeting.")))
    return meeting


# validation -------------------------------------------------------------------------------------
def _check_request(user, partner_id, room_id, center_id, start, end, attendees, errors, own_company_id=None):
    """Field errors for one proposed meeting; returns (own company, partner, room or None, center)."""
    company_id = own_company_id or user.active_company_id
    if not company_id:
        raise Forbidden(str(_l("Only a member of a registered firm can book meetings.")))
    company = db.session.get(Company, company_id)
    partner = _check_partner(company, partner_id, errors)
    room, center = _check_place(room_id, center_id, errors)
    _check_time(start, end, errors)
    if attendees < 1:
        _add(errors, "attendees", _l("At least one person attends."))
    elif room is not None and attendees > room.capacity:
        _add(errors, "attendees", _l("At most %(n)s people fit in this room.", n=room.capacity))
    return company, partner, room, center


def _add(errors: dict[str, list[str]], field: str, message) -> None:
    errors.setdefault(field, []).append(str(message))


def _check_partner(company: Company, partner_id, errors) -> Company | None:
    partner = db.session.get(Company, partner_id) if valid_id(partner_id) else None
    if partner is None or partner.hidden:
        _add(errors, "partner_id", _l("Unknown firm."))
    elif partner.id == company.id or partner.country == company.country:
        _add(
            errors,
            "partner_id",
            _l("Meetings pair an Azerbaijani firm with a Russian firm: choose a firm of the other country."),
        )
    return partner


def _check_place(room_id, center_id, errors) -> tuple[Room | None, object]:
    """The room asked for (a bookable one of the center, when both are given), or the center."""
    if not room_id and not center_id:
        _add(errors, "room_id", _l("Choose a room or a center."))
        return None, None
    if not room_id:
        center = centers.get_center(center_id) if valid_id(center_id) else None
        if center is None:
            _add(errors, "center_id", _l("Unknown business center."))
        return None, center
    room = centers.get_room(room_id) if valid_id(room_id) else None
    if room is None or not room.active:
        _add(errors, "room_id", _l("Unknown room."))
        return None, None
    if not room.bookable:
        _add(errors, "room_id", _l("This room cannot be booked for meetings."))
    elif center_id and room.center_id != center_id:
        _add(errors, "room_id", _l("This room is in another center."))
    return room, room.center


def _check_time(start: datetime, end: datetime, errors) -> None:
    bad = [name for name, dt in (("start", start), ("end", end)) if not _sane(dt)]
    for name in bad:
        _add(errors, name, _l("Choose a date within the next %(n)s days.", n=MAX_DAYS_AHEAD))
    if bad:
        return
    if end <= start:
        _add(errors, "end", _l("The end must be after the start."))
    elif not MIN_MINUTES <= (end - start).total_seconds() / 60 <= MAX_MINUTES:
        _add(errors, "end", _l("A meeting lasts %(lo)s to %(hi)s minutes.", lo=MIN_MINUTES, hi=MAX_MINUTES))
    if start <= utcnow():
        _add(errors, "start", _l("The start must be in the future."))
    elif start > utcnow() + timedelta(days=MAX_DAYS_AHEAD):
        _add(errors, "start", _l("Bookings open at most %(n)s days ahead.", n=MAX_DAYS_AHEAD))


def _busy(model_filter, start, end, exclude_id=None) -> bool:
    q = select(MeetingParticipant.id if model_filter[0] == "company" else Meeting.id)
    if model_filter[0] == "company":
        q = q.where(
            MeetingParticipant.company_id == model_filter[1],
            MeetingParticipant.active.is_(True),
            MeetingParticipant.start_at < end,
            MeetingParticipant.end_at > start,
        )
        if exclude_id:
            q = q.where(MeetingParticipant.meeting_id != exclude_id)
    else:
        q = q.where(
            Meeting.room_id == model_filter[1],
            Meeting.active.is_(True),
            Meeting.start_at < end,
            Meeting.end_at > start,
        )
        if exclude_id:
            q = q.where(Meeting.id != exclude_id)
    return db.session.scalar(q.limit(1)) is not None


def _check_firms_free(company, partner, start, end, exclude_id=None) -> None:
    if _busy(("company", company.id), start, end, exclude_id):
        raise Conflict(str(_l("Your firm already has a meeting at that time.")), field="start")
    if _busy(("company", partner.id), start, end, exclude_id):
        raise Conflict(str(_l("The partner firm already has a meeting at that time.")), field="partner_id")


def _room_ok(room, start, end, attendees, exclude_id=None) -> str | None:
    if attendees > room.capacity:
        return str(_l("At most %(n)s people fit in this room.", n=room.capacity))
    why = centers.bookable_window(room, start, end)
    if why:
        return why
    if _busy(("room", room.id), start, end, exclude_id):
        return str(_l("The room is already booked at that time."))
    return None


def _write(fn) -> None:
    """Run a write in a savepoint; constraint violations and deadlocks mean "taken"."""
    write_holding(fn, str(_l("The room or one of the firms was booked at that time a moment ago.")), "start")


def _expiry():
    return utcnow() + timedelta(hours=current_app.config.get("MEETING_REQUEST_TTL_HOURS", 72))


def _link(meeting: Meeting) -> str:
    try:
        return url_for("meetings.detail", meeting_id=meeting.id)
    except RuntimeError:
        return f"/meetings/{meeting.id}"


def _tell(company_id: int, kind: str, meeting: Meeting, name: str = "", center_id: int | None = None) -> None:
    """A note about ``meeting``: its start and zone are stored, the time is written out when read
    (in the reader's language); ``center_id`` names the center when the staff acted."""
    params = {
        "name": name,
        "start": meeting.start_at.astimezone(UTC).isoformat(),
        "tz": meeting.room.center.timezone,
        "room_id": meeting.room_id,
    }
    if center_id is not None:
        params["center_id"] = center_id
    notify(company_id, kind, _link(meeting), about=meeting, **params)


# operations -------------------------------------------------------------------------------------
def request_meeting(
    user,
    partner_id,
    start: datetime,
    end: datetime,
    room_id: int | None = None,
    center_id: int | None = None,
    topic: str = "",
    attendees: int = 2,
    interpreter: bool = False,
) -> Meeting:
    """Propose a meeting; it holds the room until answered or expired. ``room_id`` None = any free room
    of ``center_id``. Raises DomainError (422), Forbidden (403) or Conflict (409)."""
    errors: dict[str, list[str]] = {}
    company, partner, room, center = _check_request(
        user, partner_id, room_id, center_id, start, end, attendees, errors
    )
    if errors:
        raise DomainError(next(iter(errors.values()))[0], fields=errors)
    expire_due(room_id=room.id if room else None, companies=(company.id, partner.id), start=start, end=end)
    _check_firms_free(company, partner, start, end)
    if room is not None:
        why = _room_ok(room, start, end, attendees)
        if why:
            is_taken = _busy(("room", room.id), start, end)
            raise (Conflict if is_taken else DomainError)(why, field="room_id" if is_taken else "start")
        candidates = [room]
    else:
        candidates = [
            r for r in centers.bookable_rooms(center, attendees) if not _room_ok(r, start, end, attendees)
        ]
        if not candidates:
            raise Conflict(
                str(_l("No room of this center is free for that time and group size.")), field="room_id"
            )
    meeting = Meeting(
        requester_id=company.id,
        partner_id=partner.id,
        proposed_by_id=company.id,
        start_at=start,
        end_at=end,
        status=MeetingStatus.REQUESTED,
        active=True,
        topic=(topic or "").strip()[:200],
        attendees=attendees,
        interpreter=bool(interpreter),
        expires_at=_expiry(),
        created_by_id=getattr(user, "id", None),
    )
    last_error = None
    for candidate in candidates:  # "any free room": the next one when a concurrent booking won
        meeting.room_id, meeting.room_capacity = candidate.id, candidate.capacity
        meeting.room = candidate
        meeting.participants = [
            MeetingParticipant(company_id=cid, start_at=start, end_at=end, active=True)
            for cid in sorted((company.id, partner.id))
        ]
        try:
            _write(lambda: db.session.add(meeting))
            break
        except Conflict as exc:
            last_error = exc
            if meeting in db.session:
                db.session.expunge(meeting)
    else:
        raise last_error
    _tell(partner.id, "meeting_requested", meeting, company.name)
    return meeting


def _set_status(meeting: Meeting, status: MeetingStatus, note: str | None = None) -> None:
    meeting.status = status
    meeting.active = status in ACTIVE_STATUSES
    for p in meeting.participants:
        p.active = meeting.active
    if note is not None:
        meeting.note = note.strip()[:2000]
    if status != MeetingStatus.REQUESTED:
        meeting.expires_at = None
    meeting.sequence += 1
    meeting.updated_at = utcnow()


def accept(meeting: Meeting, user) -> Meeting:
    if not meeting.can_answer(user):
        raise _refusal(meeting, user)
    _set_status(meeting, MeetingStatus.ACCEPTED)
    db.session.flush()
    _tell(
        meeting.other_company_id(user.active_company_id),
        "meeting_accepted",
        meeting,
        _name(user.active_company_id),
    )
    return meeting


def decline(meeting: Meeting, user, reason: str = "") -> Meeting:
    if not meeting.can_answer(user):
        raise _refusal(meeting, user)
    _set_status(meeting, MeetingStatus.DECLINED, reason)
    db.session.flush()
    _tell(
        meeting.other_company_id(user.active_company_id),
        "meeting_declined",
        meeting,
        _name(user.active_company_id),
    )
    return meeting


def cancel(meeting: Meeting, user, reason: str) -> Meeting:
    if not meeting.can_cancel(user):
        raise _refusal(meeting, user)
    if not (reason or "").strip():
        raise DomainError(str(_l("Give a reason: the other side will see it.")), field="reason")
    was = meeting.status
    _set_status(meeting, MeetingStatus.CANCELLED, reason)
    db.session.flush()
    actor = user.active_company_id if meeting.involves(user.active_company_id) else None
    if actor is None:
        from ..accounts.audit import record_cancel

        record_cancel(user, meeting, was, reason)
    for cid in meeting.company_ids:
        if cid != actor:
            if actor:
                _tell(cid, "meeting_cancelled", meeting, _name(actor))
            else:
                _tell(cid, "meeting_cancelled_by_center", meeting, center_id=meeting.room.center_id)
    return meeting


def reschedule(
    meeting: Meeting, user, start: datetime, end: datetime, reason: str, room_id: int | None = None
) -> Meeting:
    """Propose another time (and room): the meeting is requested again and the other firm answers."""
    if not meeting.can_reschedule(user):
        raise _refusal(meeting, user)
    errors: dict[str, list[str]] = {}
    if not (reason or "").strip():
        errors["reason"] = [str(_l("Give a reason: the other side will see it."))]
    own = user.active_company_id
    company, partner, room, _center = _check_request(
        user,
        meeting.other_company_id(own),
        room_id or meeting.room_id,
        None,
        start,
        end,
        meeting.attendees,
        errors,
        own_company_id=own,
    )
    if errors:
        raise DomainError(next(iter(errors.values()))[0], fields=errors)
    expire_due(room_id=room.id, companies=(company.id, partner.id), start=start, end=end)
    _check_firms_free(company, partner, start, end, exclude_id=meeting.id)
    why = _room_ok(room, start, end, meeting.attendees, exclude_id=meeting.id)
    if why:
        taken = _busy(("room", room.id), start, end, meeting.id)
        raise (Conflict if taken else DomainError)(why, field="room_id" if taken else "start")

    def change():
        meeting.room_id, meeting.room_capacity, meeting.room = room.id, room.capacity, room
        meeting.start_at, meeting.end_at = start, end
        for p in meeting.participants:
            p.start_at, p.end_at = start, end
        _set_status(meeting, MeetingStatus.REQUESTED, reason)
        meeting.proposed_by_id = own
        meeting.expires_at = _expiry()

    _write(change)
    _tell(partner.id, "meeting_rescheduled", meeting, company.name)
    return meeting


def _refusal(meeting: Meeting, user) -> DomainError:
    if not meeting.can_view(user):
        return Forbidden(str(_l("This is not your meeting.")))
    return Conflict(str(_l("This action is not possible in the meeting's current state.")))


def _name(company_id: int | None) -> str:
    company = db.session.get(Company, company_id) if company_id else None
    return company.name if company else ""


def expire_due(
    now: datetime | None = None, ids=None, room_id=None, companies=(), start=None, end=None
) -> int:
    """Mark requests past their deadline as expired (lazily on reads, and by ``flask meetings expire``);
    both firms are told. Filters narrow the scan to what a booking is about to touch."""
    now = now or utcnow()
    q = select(Meeting).where(Meeting.status == MeetingStatus.REQUESTED, Meeting.expires_at <= now)
    if ids is not None:
        q = q.where(Meeting.id.in_(list(ids)))
    if start is not None:
        near = [Meeting.room_id == room_id] if room_id else []
        if companies:
            near.append(Meeting.requester_id.in_(companies))
            near.append(Meeting.partner_id.in_(companies))
        q = q.where(Meeting.start_at < end, Meeting.end_at > start, or_(*near))
    if db.session.get_bind().dialect.name == "postgresql":
        q = q.with_for_update(skip_locked=True)
    count = 0
    for meeting in db.session.scalars(q).all():
        if meeting.status != MeetingStatus.REQUESTED:
            continue
        _set_status(meeting, MeetingStatus.EXPIRED)
        for cid in meeting.company_ids:
            notify(
                cid,
                "meeting_expired",
                _link(meeting),
                about=meeting,
                name=_name(meeting.other_company_id(cid)),
                start=meeting.start_at.astimezone(UTC).isoformat(),
                tz=meeting.room.center.timezone,
                room_id=meeting.room_id,
            )
        count += 1
    if count:
        db.session.flush()
    return count


# listings ---------------------------------------------------------------------------------------
def for_company(company_id: int, scope: str = "upcoming", limit: int = 200) -> list[Meeting]:
    now = utcnow()
    q = select(Meeting).where(or_(Meeting.requester_id == company_id, Meeting.partner_id == company_id))
    if scope == "upcoming":
        q = q.where(Meeting.end_at > now).order_by(Meeting.start_at)
    elif scope == "past":
        q = q.where(Meeting.end_at <= now).order_by(Meeting.start_at.desc())
    else:
        q = q.order_by(Meeting.start_at.desc())
    return list(db.session.scalars(q.limit(limit)))


def for_calendar(company_id: int, days_back: int = 90) -> list[Meeting]:
    since = utcnow() - timedelta(days=days_back)
    return list(
        db.session.scalars(
            select(Meeting)
            .where(
                or_(Meeting.requester_id == company_id, Meeting.partner_id == company_id),
                Meeting.end_at > since,
            )
            .order_by(Meeting.start_at)
        )
    )


def day_agenda(company_id: int, day: date, tz_name: str) -> list[Meeting]:
    start, end = timeslots.local_day_bounds(day, ZoneInfo(tz_name))
    return [
        m for m in for_company(company_id, "all", 1000) if m.is_live and m.start_at < end and m.end_at > start
    ][::-1]


def for_center_day(center, day: date) -> list[Meeting]:
    start, end = timeslots.local_day_bounds(day, centers.zone(center))
    return list(
        db.session.scalars(
            select(Meeting)
            .join(Room, Room.id == Meeting.room_id)
            .where(Room.center_id == center.id, Meeting.start_at < end, Meeting.end_at > start)
            .order_by(Meeting.start_at, Room.id)
        )
    )


def parse_local(day: date, hhmm: str, tz_name: str) -> datetime:
    """A wall-clock time on ``day`` in ``tz_name`` as an aware UTC datetime."""
    hours, minutes = (int(x) for x in hhmm.split(":"))
    local = datetime(day.year, day.month, day.day, hours, minutes, tzinfo=ZoneInfo(tz_name))
    return local.astimezone(UTC)
