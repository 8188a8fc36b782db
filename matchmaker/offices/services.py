"""Office rental: list the offices, request, offer, accept, decline, withdraw. Services flush only.

The staff's offer or acceptance promises the office for the period; a promise that meets another
one is refused with ``Conflict`` (409), by the checks here and, in a race, by the database.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from ..centers import services as centers
from ..centers.models import Center, Room, RoomKind
from ..core.ids import valid_id
from ..dbtypes import utcnow
from ..errors import Conflict, DomainError, Forbidden, NotFound
from ..extensions import db
from ..holding import TAKEN_SQLSTATES
from .models import OPEN, PROMISED, OfficeRental, RentalStatus

MAX_DAYS_AHEAD = 731
MAX_DAYS = 3 * 366


def offices(center: Center | None = None) -> list[Room]:
    rooms = [r for c in centers.list_centers() if center is None or c.id == center.id for r in c.rooms]
    return [r for r in rooms if r.active and r.kind == RoomKind.OFFICE]


def get_rental(rental_id: int) -> OfficeRental:
    rental = db.session.get(OfficeRental, rental_id) if valid_id(rental_id) else None
    if rental is None:
        raise NotFound(str(_l("No such rental request.")))
    return rental


def promised(room_id: int, first: date, last: date, exclude_id: int | None = None) -> list[OfficeRental]:
    q = select(OfficeRental).where(
        OfficeRental.room_id == room_id,
        OfficeRental.promised.is_(True),
        OfficeRental.first_day <= last,
        OfficeRental.last_day >= first,
    )
    if exclude_id:
        q = q.where(OfficeRental.id != exclude_id)
    return list(db.session.scalars(q.order_by(OfficeRental.first_day)))


def promised_ahead(rooms: list[Room], first: date) -> dict[int, list[OfficeRental]]:
    """The promised rentals of each room from ``first`` up to :data:`MAX_DAYS_AHEAD` days on, in one
    query (a day count, so 29 February has a following year too)."""
    found: dict[int, list[OfficeRental]] = {r.id: [] for r in rooms}
    if not found:
        return found
    last = first + timedelta(days=MAX_DAYS_AHEAD)
    q = select(OfficeRental).where(
        OfficeRental.room_id.in_(found),
        OfficeRental.promised.is_(True),
        OfficeRental.first_day <= last,
        OfficeRental.last_day >= first,
    )
    for rental in db.session.scalars(q.order_by(OfficeRental.first_day, OfficeRental.id)):
        found[rental.room_id].append(rental)
    return found


def _errors(room: Room | None, first: date, last: date, people: int) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(str(message))

    if room is None or not room.active or room.kind != RoomKind.OFFICE:
        add("room_id", _l("Unknown office."))
        return errors
    today = datetime.now(UTC).date()
    if first < today:
        add("first_day", _l("The rental cannot start in the past."))
    elif first > today + timedelta(days=MAX_DAYS_AHEAD):
        add("first_day", _l("Offices are let at most %(n)s days ahead.", n=MAX_DAYS_AHEAD))
    if last < first:
        add("last_day", _l("The last day cannot be before the first."))
    elif (last - first).days + 1 > MAX_DAYS:
        add("last_day", _l("A rental lasts at most %(n)s days.", n=MAX_DAYS))
    if people < 1:
        add("people", _l("At least one person works there."))
    elif people > room.capacity:
        add("people", _l("This office has desks for at most %(n)s people.", n=room.capacity))
    return errors


def request_rental(
    user, room_id, first: date, last: date, people: int = 1, message: str = ""
) -> OfficeRental:
    company_id = user.active_company_id
    if company_id is None:
        raise Forbidden(str(_l("Only a member of a registered firm can rent an office.")))
    room = centers.get_room(room_id) if valid_id(room_id) else None
    errors = _errors(room, first, last, people)
    if errors:
        raise DomainError(next(iter(errors.values()))[0], fields=errors)
    if promised(room.id, first, last):
        raise Conflict(str(_l("The office is already let for part of that period.")), field="first_day")
    rental = OfficeRental(
        room_id=room.id,
        company_id=company_id,
        first_day=first,
        last_day=last,
        people=people,
        message=message or "",
        created_by_id=user.id,
    )
    db.session.add(rental)
    db.session.flush()
    return rental


def _meetings_in(rental: OfficeRental) -> bool:
    """Live meetings booked in the office (it may also be bookable for meetings) on its days."""
    from ..meetings.models import Meeting

    tz = ZoneInfo(rental.room.center.timezone)
    start = datetime.combine(rental.first_day, time(0), tzinfo=tz)
    end = datetime.combine(rental.last_day + timedelta(days=1), time(0), tzinfo=tz)
    q = select(Meeting.id).where(
        Meeting.room_id == rental.room_id,
        Meeting.live_at(utcnow()),
        Meeting.start_at < end,
        Meeting.end_at > start,
    )
    return db.session.scalar(q.limit(1)) is not None


def _set(rental: OfficeRental, status: RentalStatus, note: str | None = None) -> None:
    """Change the status in a savepoint: a promise that meets another one is a Conflict."""
    if status in PROMISED and promised(rental.room_id, rental.first_day, rental.last_day, rental.id):
        raise Conflict(str(_l("The office is already promised for part of that period.")))
    if status in PROMISED and rental.status not in PROMISED and _meetings_in(rental):
        raise Conflict(str(_l("Meetings are booked in this office during that period; move them first.")))
    try:
        with db.session.begin_nested():
            rental.status = status
            rental.promised = status in PROMISED
            if note is not None:
                rental.answer_note = note
            rental.updated_at = utcnow()
            db.session.flush()
    except DBAPIError as exc:
        state = getattr(exc.orig, "sqlstate", None) or ""
        if state in TAKEN_SQLSTATES or "promised for part" in str(exc.orig):
            raise Conflict(str(_l("The office was promised to another firm a moment ago."))) from None
        raise


def _tell(rental: OfficeRental, kind: str) -> None:
    from ..notifications.services import notify

    notify(rental.company_id, kind, f"/offices/rentals/{rental.id}", center_id=rental.room.center_id)


def offer(rental: OfficeRental, user, terms: str) -> None:
    if not rental.can_answer(user):
        raise Conflict(str(_l("This request cannot be answered now.")))
    if not (terms or "").strip():
        raise DomainError(str(_l("Write the terms of the offer.")), field="terms")
    rental.terms = terms.strip()
    _set(rental, RentalStatus.OFFERED)
    _tell(rental, "office_offered")


def accept(rental: OfficeRental, user) -> None:
    """The staff accept a request as asked, or the firm takes the staff's offer."""
    if not (rental.can_answer(user) or rental.can_take_offer(user)):
        raise Conflict(str(_l("This request cannot be accepted now.")))
    by_staff = rental.can_answer(user)
    _set(rental, RentalStatus.ACCEPTED)
    if by_staff:
        _tell(rental, "office_accepted")


def decline(rental: OfficeRental, user, reason: str = "") -> None:
    if not rental.can_answer(user):
        raise Conflict(str(_l("This request cannot be answered now.")))
    _set(rental, RentalStatus.DECLINED, reason)
    _tell(rental, "office_declined")


def withdraw(rental: OfficeRental, user, reason: str = "") -> None:
    if not rental.can_withdraw(user):
        raise Conflict(str(_l("This request cannot be withdrawn now.")))
    _set(rental, RentalStatus.WITHDRAWN, reason)


def for_company(company_id: int) -> list[OfficeRental]:
    q = select(OfficeRental).where(OfficeRental.company_id == company_id)
    return list(db.session.scalars(q.order_by(OfficeRental.first_day.desc())))


def for_center(center: Center, open_only: bool = False) -> list[OfficeRental]:
    ids = [r.id for r in offices(center)]
    q = select(OfficeRental).where(OfficeRental.room_id.in_(ids))
    if open_only:
        q = q.where(OfficeRental.status.in_(OPEN))
    return list(db.session.scalars(q.order_by(OfficeRental.first_day, OfficeRental.room_id)))


def months(first: date, count: int) -> list[date]:
    out, day = [], first.replace(day=1)
    for _ in range(count):
        out.append(day)
        day = (day + timedelta(days=32)).replace(day=1)
    return out


def occupancy(
    center: Center, first_month: date, count: int = 12
) -> list[tuple[Room, list[OfficeRental | None]]]:
    """Each office by month: the promised rental covering any day of that month, else None."""
    cols = months(first_month, count)
    end = (cols[-1] + timedelta(days=32)).replace(day=1)
    rows = []
    for room in offices(center):
        held = promised(room.id, cols[0], end - timedelta(days=1))
        cells = []
        for month in cols:
            nxt = (month + timedelta(days=32)).replace(day=1)
            cells.append(next((r for r in held if r.first_day < nxt and r.last_day >= month), None))
        rows.append((room, cells))
    return rows
