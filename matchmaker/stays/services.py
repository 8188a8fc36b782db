"""Stays: request, confirm, decline, cancel; free rooms per night. Services flush; the request commits.

A night ``d`` runs from the center's check-in hour on ``d`` to its check-out hour on ``d + 1`` (local
time). It is closed when a closure of the room, or a maintenance or block closure of the whole center,
overlaps that span; public holidays close the meeting rooms, not the beds.

Race safety as for meetings: the checks below give friendly field errors, the database has the last
word (exclusion constraint on PostgreSQL; ``BEGIN IMMEDIATE`` and triggers on SQLite). A constraint
violation while writing is a ``Conflict`` (409).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..centers import services as centers
from ..centers.models import Center, Closure, ClosureKind, Room
from ..companies.models import Company
from ..core.ids import valid_id
from ..dbtypes import utcnow
from ..errors import Conflict, DomainError, Forbidden, NotFound
from ..extensions import db
from ..holding import write_holding
from .models import ACTIVE_STAY_STATUSES, STAY_KINDS, Stay, StayPolicy, StayStatus
from .seed import POLICIES

MAX_DAYS_AHEAD = 366
MAX_GUESTS = 50
CENTER_WIDE_CLOSING = (ClosureKind.MAINTENANCE, ClosureKind.BLOCK)


def get_stay(stay_id: int) -> Stay:
    stay = db.session.get(Stay, stay_id) if valid_id(stay_id) else None
    if stay is None:
        raise NotFound(str(_l("No such stay.")))
    return stay


def policy_for(center: Center) -> StayPolicy:
    """The center's rules (an unsaved default when staff have set none)."""
    policy = db.session.get(StayPolicy, center.id)
    if policy is None:
        defaults = POLICIES.get(center.slug, POLICIES["azbc-astrakhan"])
        policy = StayPolicy(center_id=center.id, **defaults)
    return policy


def stay_rooms(center: Center) -> list[Room]:
    return [r for r in center.rooms if r.active and r.kind in STAY_KINDS]


def nights_of(check_in: date, check_out: date) -> list[date]:
    return [check_in + timedelta(days=i) for i in range((check_out - check_in).days)]


def night_span(center: Center, policy: StayPolicy, night: date) -> tuple[datetime, datetime]:
    """The night ``night`` as UTC: from check-in on that day to check-out on the next."""
    tz = ZoneInfo(center.timezone)
    start = datetime.combine(night, policy.check_in_from, tzinfo=tz)
    end = datetime.combine(night + timedelta(days=1), policy.check_out_until, tzinfo=tz)
    return start.astimezone(UTC), end.astimezone(UTC)


def closed_nights(room: Room, check_in: date, check_out: date, policy: StayPolicy | None = None) -> dict:
    """``{night: closure}`` for the nights of [check_in, check_out) the room cannot be slept in."""
    center = room.center
    policy = policy or policy_for(center)
    if check_out <= check_in:
        return {}
    first, _ = night_span(center, policy, check_in)
    _, last = night_span(center, policy, check_out - timedelta(days=1))
    closures = [
        c
        for c in centers.closures_between(center.id, first, last, room_id=room.id)
        if c.room_id == room.id or c.kind in CENTER_WIDE_CLOSING
    ]
    out: dict[date, Closure] = {}
    for night in nights_of(check_in, check_out):
        start, end = night_span(center, policy, night)
        hit = next((c for c in closures if c.start_at < end and c.end_at > start), None)
        if hit is not None:
            out[night] = hit
    return out


def taken(room_id: int, check_in: date, check_out: date, exclude_id: int | None = None) -> list[Stay]:
    q = select(Stay).where(
        Stay.room_id == room_id,
        Stay.active.is_(True),
        Stay.check_in < check_out,
        Stay.check_out > check_in,
    )
    if exclude_id:
        q = q.where(Stay.id != exclude_id)
    return list(db.session.scalars(q.order_by(Stay.check_in)))


def today_at(center: Center) -> date:
    return datetime.now(ZoneInfo(center.timezone)).date()


# validation -------------------------------------------------------------------------------------
def _add(errors: dict[str, list[str]], field: str, message) -> None:
    errors.setdefault(field, []).append(str(message))


def _room(room_id, errors) -> Room | None:
    room = centers.get_room(room_id) if valid_id(room_id) else None
    if room is None or not room.active:
        _add(errors, "room_id", _l("Unknown room."))
        return None
    if room.kind not in STAY_KINDS:
        _add(errors, "room_id", _l("This room is not let by the night."))
    return room


def find_firms(query: str, limit: int = 20) -> list[Company]:
    """Firms whose name contains ``query`` (staff booking for a firm), or the firm of that number."""
    query = (query or "").strip()[:100]
    if not query:
        return []
    q = select(Company).where(Company.hidden.is_(False))
    if query.isdigit():
        q = q.where(Company.id == int(query))
    else:
        q = q.where(Company.name.ilike(f"%{query.replace('%', '').replace('_', '')}%"))
    return list(db.session.scalars(q.order_by(Company.name).limit(limit)))


def firm_number(text) -> int | None:
    """The firm number a staff member typed: ``None`` when empty; anything else not a number is
    refused on the field."""
    text = str(text or "").strip()
    if not text or text == "0":
        return None
    if not text.isdigit():
        raise DomainError(str(_l("Unknown firm.")), field="company_id")
    return int(text)


def acting_company(user, company_id: int | None, center_id: int | None) -> Company:
    """The firm the stay is for: the caller's own, or (staff of the room's center) any firm."""
    own = user.active_company_id
    if company_id is None or company_id == own:
        if own is None:
            raise Forbidden(
                str(_l("Only a member of a registered firm, or the center's staff, can book stays."))
            )
        return db.session.get(Company, own)
    if not (user.is_staff and center_id is not None and user.can_manage_center(center_id)):
        raise Forbidden(str(_l("You may not book stays for this firm.")))
    company = db.session.get(Company, company_id) if valid_id(company_id) else None
    if company is None or company.hidden:
        raise DomainError(str(_l("Unknown firm.")), field="company_id")
    return company


def _check_dates(center: Center, policy: StayPolicy, check_in: date, check_out: date, errors) -> None:
    today = today_at(center)
    if check_in < today:
        _add(errors, "check_in", _l("Check-in cannot be in the past."))
    elif check_in > today + timedelta(days=MAX_DAYS_AHEAD):
        _add(errors, "check_in", _l("Stays can be booked at most %(n)s days ahead.", n=MAX_DAYS_AHEAD))
    nights = (check_out - check_in).days
    if nights < 1:
        _add(errors, "check_out", _l("Check-out must be after check-in."))
    elif nights < policy.min_nights:
        _add(
            errors, "check_out", _l("This center lets rooms for at least %(n)s nights.", n=policy.min_nights)
        )
    elif nights > policy.max_nights:
        _add(errors, "check_out", _l("This center lets rooms for at most %(n)s nights.", n=policy.max_nights))


def _check_request(room, policy, check_in, check_out, guests, arrival_time, errors) -> None:
    center = room.center
    _check_dates(center, policy, check_in, check_out, errors)
    if guests < 1:
        _add(errors, "guests", _l("At least one guest stays."))
    elif guests > room.capacity:
        _add(errors, "guests", _l("This room sleeps at most %(n)s guests.", n=room.capacity))
    if arrival_time is not None and arrival_time < policy.check_in_from:
        _add(
            errors,
            "arrival_time",
            _l("Check-in is from %(time)s.", time=policy.check_in_from.strftime("%H:%M")),
        )
    if "check_out" not in errors and "check_in" not in errors:
        closed = closed_nights(room, check_in, check_out, policy)
        if closed:
            night, closure = next(iter(closed.items()))
            _add(
                errors,
                "check_in",
                _l(
                    "The room is closed the night of %(day)s: %(why)s.",
                    day=night.isoformat(),
                    why=closure.why,
                ),
            )


def _write(fn) -> None:
    """Run a write in a savepoint; constraint violations and deadlocks mean "taken"."""
    write_holding(
        fn,
        str(_l("Someone booked the room for one of these nights a moment ago.")),
        "check_in",
        ("room is taken",),
    )


# operations -------------------------------------------------------------------------------------
def save_policy(
    user,
    center: Center,
    check_in_from: time,
    check_out_until: time,
    min_nights: int,
    max_nights: int,
    needs_confirmation: bool,
) -> StayPolicy:
    """The center's stay rules, set by its staff; stays already booked keep their nights."""
    if not (user.is_staff and user.can_manage_center(center.id)):
        raise Forbidden(str(_l("Only the staff of this center set its rules.")))
    if max_nights < min_nights:
        raise DomainError(
            str(_l("The longest stay cannot be shorter than the shortest.")), field="max_nights"
        )
    policy = db.session.get(StayPolicy, center.id)
    if policy is None:
        policy = StayPolicy(center_id=center.id)
        db.session.add(policy)
    policy.check_in_from, policy.check_out_until = check_in_from, check_out_until
    policy.min_nights, policy.max_nights = min_nights, max_nights
    policy.needs_confirmation = needs_confirmation
    db.session.flush()
    return policy


def request_stay(
    user,
    room_id,
    check_in: date,
    check_out: date,
    guests: int = 1,
    arrival_time: time | None = None,
    notes: str = "",
    company_id: int | None = None,
) -> Stay:
    """Book the room's nights [check_in, check_out) for a firm. Raises DomainError (422), Forbidden
    (403) or Conflict (409: a night is taken)."""
    errors: dict[str, list[str]] = {}
    room = _room(room_id, errors)
    if room is None or errors:
        raise DomainError(next(iter(errors.values()))[0], fields=errors)
    company = acting_company(user, company_id, room.center_id)
    policy = policy_for(room.center)
    _check_request(room, policy, check_in, check_out, guests, arrival_time, errors)
    if errors:
        raise DomainError(next(iter(errors.values()))[0], fields=errors)
    if taken(room.id, check_in, check_out):
        raise Conflict(str(_l("The room is already booked for one of these nights.")), field="check_in")
    by_staff = company.id != user.active_company_id
    stay = Stay(
        company_id=company.id,
        room_id=room.id,
        room_capacity=room.capacity,
        check_in=check_in,
        check_out=check_out,
        guests=guests,
        arrival_time=arrival_time,
        notes=notes or "",
        status=StayStatus.REQUESTED if policy.needs_confirmation and not by_staff else StayStatus.CONFIRMED,
        created_by_id=user.id,
    )
    _write(lambda: db.session.add(stay))
    return stay


def _set_status(stay: Stay, status: StayStatus, note: str | None = None) -> None:
    stay.status = status
    stay.active = status in ACTIVE_STAY_STATUSES
    if note is not None:
        stay.staff_note = note
    stay.sequence += 1
    stay.updated_at = utcnow()


def _tell(stay: Stay, kind: str) -> None:
    """An in-application note to the firm (the staff acted on its stay)."""
    from ..notifications.services import notify

    center_id = stay.room.center_id
    notify(
        stay.company_id, kind, f"/stays/{stay.id}", center_id=center_id, check_in=stay.check_in.isoformat()
    )


def _staff_only(stay: Stay, user) -> None:
    if not (user.is_authenticated and user.is_staff and user.can_manage_center(stay.room.center_id)):
        raise Forbidden(str(_l("Only the staff of this center confirm or decline stays.")))


def confirm(stay: Stay, user) -> None:
    _staff_only(stay, user)
    if not stay.can_confirm(user):
        raise Conflict(str(_l("This stay cannot be confirmed now.")))
    _set_status(stay, StayStatus.CONFIRMED)
    db.session.flush()
    _tell(stay, "stay_confirmed")


def decline(stay: Stay, user, reason: str = "") -> None:
    _staff_only(stay, user)
    if not stay.can_confirm(user):
        raise Conflict(str(_l("This stay cannot be declined now.")))
    _set_status(stay, StayStatus.DECLINED, reason)
    db.session.flush()
    _tell(stay, "stay_declined")


def cancel(stay: Stay, user, reason: str = "") -> None:
    if not stay.can_view(user):
        raise Forbidden(str(_l("This is not your stay.")))
    if not stay.is_live:
        raise Conflict(str(_l("This stay is no longer active.")))
    if not stay.can_cancel(user):
        raise Conflict(str(_l("This stay has already begun: only the center can cancel it now.")))
    _set_status(stay, StayStatus.CANCELLED, reason)
    db.session.flush()
    if user.active_company_id != stay.company_id:
        _tell(stay, "stay_cancelled_by_center")


# reading ----------------------------------------------------------------------------------------
@dataclass
class Night:
    night: date
    free: list[Room]
    closed: dict[int, Closure]  # room id -> closure
    taken: dict[int, Stay]  # room id -> stay


def availability(center: Center, first: date, last: date) -> list[Night]:
    """Per night of [first, last): the free rooms, and the closed and taken ones."""
    policy = policy_for(center)
    rooms = stay_rooms(center)
    ids = [r.id for r in rooms]
    stays = list(
        db.session.scalars(
            select(Stay).where(
                Stay.room_id.in_(ids), Stay.active.is_(True), Stay.check_in < last, Stay.check_out > first
            )
        )
    )
    closed = {r.id: closed_nights(r, first, last, policy) for r in rooms}
    out = []
    for night in nights_of(first, last):
        held = {s.room_id: s for s in stays if s.check_in <= night < s.check_out}
        shut = {rid: by_night[night] for rid, by_night in closed.items() if night in by_night}
        out.append(Night(night, [r for r in rooms if r.id not in held and r.id not in shut], shut, held))
    return out


def for_company(company_id: int, scope: str = "upcoming", limit: int = 200) -> list[Stay]:
    q = select(Stay).where(Stay.company_id == company_id)
    today = datetime.now(UTC).date()
    if scope == "upcoming":
        q = q.where(Stay.check_out >= today).order_by(Stay.check_in)
    elif scope == "past":
        q = q.where(Stay.check_out < today).order_by(Stay.check_in.desc())
    else:
        q = q.order_by(Stay.check_in.desc())
    return list(db.session.scalars(q.limit(limit)))


def for_center(center: Center, first: date, last: date, active_only: bool = True) -> list[Stay]:
    """The stays of the center's rooms that meet [first, last)."""
    ids = [r.id for r in center.rooms]
    q = select(Stay).where(Stay.room_id.in_(ids), Stay.check_in < last, Stay.check_out > first)
    if active_only:
        q = q.where(Stay.active.is_(True))
    return list(db.session.scalars(q.order_by(Stay.check_in, Stay.room_id)))


def awaiting(center: Center) -> list[Stay]:
    ids = [r.id for r in center.rooms]
    q = select(Stay).where(Stay.room_id.in_(ids), Stay.status == StayStatus.REQUESTED)
    return list(db.session.scalars(q.order_by(Stay.check_in)))
