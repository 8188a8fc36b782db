"""Centers, rooms, opening hours, closures and availability. Services flush; views commit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError

from .. import timefmt
from ..core import timeslots
from ..core.ids import valid_id
from ..dbtypes import utcnow
from ..errors import DomainError, Forbidden, NotFound
from ..extensions import db
from ..i18n import LANGS, as_texts, set_texts
from .models import Center, Closure, ClosureKind, Equipment, OpeningHours, Room, RoomKind
from .seed import seed_centers  # noqa: F401  (demo.load_demo imports it from here)


def list_centers() -> list[Center]:
    return list(db.session.scalars(select(Center).order_by(Center.id)))


def get_center(center_id: int) -> Center | None:
    return db.session.get(Center, center_id) if valid_id(center_id) else None


def get_room(room_id: int) -> Room | None:
    return db.session.get(Room, room_id) if valid_id(room_id) else None


def center_or_404(center_id: int) -> Center:
    center = get_center(center_id)
    if center is None:
        raise NotFound(str(_l("No such business center.")))
    return center


def managed_center(center_id: int, user) -> Center:
    """The center of a staff page: 404 when there is none, 403 unless ``user`` manages it."""
    center = center_or_404(center_id)
    if not user.can_manage_center(center.id):
        raise Forbidden(str(_l("Only the staff of this center can open this page.")))
    return center


def zone(center: Center) -> ZoneInfo:
    return ZoneInfo(center.timezone)


def zone_by_name(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (KeyError, ValueError):
        return ZoneInfo("UTC")


def bookable_rooms(center: Center, attendees: int = 1) -> list[Room]:
    return list(
        db.session.scalars(
            select(Room)
            .where(
                Room.center_id == center.id,
                Room.bookable.is_(True),
                Room.active.is_(True),
                Room.capacity >= attendees,
            )
            .order_by(Room.capacity, Room.id)
        )
    )


# opening hours ----------------------------------------------------------------------------------
def hours_rows(center_id: int, room_id: int | None = None) -> list[OpeningHours]:
    q = select(OpeningHours).where(OpeningHours.center_id == center_id)
    q = q.where(OpeningHours.room_id == room_id) if room_id else q.where(OpeningHours.room_id.is_(None))
    return list(db.session.scalars(q.order_by(OpeningHours.weekday, OpeningHours.opens)))


def hours_for(room: Room, weekday: int) -> list[tuple[time, time]]:
    """The room's own hours for that weekday when it has any, else the center's."""
    rows = hours_rows(room.center_id, room.id) or hours_rows(room.center_id)
    return [(r.opens, r.closes) for r in rows if r.weekday == weekday]


def week_hours(center_id: int) -> dict[int, list[tuple[time, time]]]:
    out: dict[int, list[tuple[time, time]]] = {d: [] for d in range(7)}
    for r in hours_rows(center_id):
        out[r.weekday].append((r.opens, r.closes))
    return out


def set_hours(center: Center, week: dict[int, tuple[time, time] | None]) -> None:
    """Replace the center's weekly hours: ``{weekday: (opens, closes) or None for closed}``."""
    for weekday, span in week.items():
        if span and span[1] <= span[0]:
            raise DomainError(
                str(_l("Closing time must be after opening time.")), field=f"day{weekday}_closes"
            )
    for row in hours_rows(center.id):
        db.session.delete(row)
    db.session.flush()
    for weekday, span in sorted(week.items()):
        if span:
            db.session.add(OpeningHours(center_id=center.id, weekday=weekday, opens=span[0], closes=span[1]))
    db.session.flush()


# closures ---------------------------------------------------------------------------------------
def closures_between(
    center_id: int, start: datetime, end: datetime, room_id: int | None = None, center_wide_only: bool = False
) -> list[Closure]:
    q = select(Closure).where(Closure.center_id == center_id, Closure.start_at < end, Closure.end_at > start)
    if center_wide_only:
        q = q.where(Closure.room_id.is_(None))
    elif room_id is not None:
        q = q.where(or_(Closure.room_id.is_(None), Closure.room_id == room_id))
    return list(db.session.scalars(q.order_by(Closure.start_at)))


def upcoming_closures(center: Center, limit: int = 100) -> list[Closure]:
    now = datetime.now(UTC)
    return list(
        db.session.scalars(
            select(Closure)
            .where(Closure.center_id == center.id, Closure.end_at > now)
            .order_by(Closure.start_at)
            .limit(limit)
        )
    )


def add_closure(
    center: Center,
    start: datetime,
    end: datetime,
    kind: str,
    reason: dict | str,
    room: Room | None = None,
    user=None,
) -> Closure:
    """A closure from ``start`` to ``end``; ``reason`` is ``{"az", "ru", "en"}`` (or one text)."""
    if end <= start:
        raise DomainError(str(_l("The end must be after the start.")), field="end")
    if kind not in tuple(ClosureKind):
        raise DomainError(str(_l("Unknown kind.")), field="kind")
    if room is not None and room.center_id != center.id:
        raise DomainError(str(_l("This room is in another center.")), field="room_id")
    closure = Closure(
        center_id=center.id,
        room_id=room.id if room else None,
        start_at=start,
        end_at=end,
        kind=ClosureKind(kind),
        created_by_id=getattr(user, "id", None),
    )
    set_texts(closure, "reason", as_texts(reason))
    db.session.add(closure)
    db.session.flush()
    return closure


def closure_window(center: Center, first: date, first_time: time | None, last: date, last_time: time | None):
    """A closure's ``(start, end)`` from the staff form's local dates and times: from ``first_time``
    (midnight when empty) to ``last_time`` (the end of ``last`` when empty), in the center's zone."""
    tz = zone(center)
    start = datetime.combine(first, first_time or time(0), tzinfo=tz)
    if last_time:
        return start, datetime.combine(last, last_time, tzinfo=tz)
    return start, datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz)


def close(
    center: Center,
    start: datetime,
    end: datetime,
    kind: str,
    reason: dict | str,
    room: Room | None,
    user,
    cancel_meetings: bool = False,
) -> Closure:
    """Add a closure; with ``cancel_meetings`` every meeting it hits is cancelled (both firms are
    told, with the closure's reason)."""
    from ..meetings.services import cancel

    conflicts = overlapping_meetings(center, start, end, room) if cancel_meetings else []
    closure = add_closure(center, start, end, kind, reason, room, user)
    for meeting in conflicts:
        cancel(meeting, user, closure.why)
    return closure


def remove_closure(closure: Closure) -> None:
    db.session.delete(closure)
    db.session.flush()


def get_closure(closure_id: int) -> Closure | None:
    return db.session.get(Closure, closure_id) if valid_id(closure_id) else None


def overlapping_meetings(center: Center, start: datetime, end: datetime, room: Room | None = None):
    """Active meetings that a new closure from ``start`` to ``end`` would hit (the conflict warning)."""
    from ..meetings.models import Meeting

    q = (
        select(Meeting)
        .join(Room, Room.id == Meeting.room_id)
        .where(
            Room.center_id == center.id,
            Meeting.active.is_(True),
            Meeting.start_at < end,
            Meeting.end_at > start,
        )
    )
    if room is not None:
        q = q.where(Meeting.room_id == room.id)
    return list(db.session.scalars(q.order_by(Meeting.start_at)))


# centers and rooms -----------------------------------------------------------------------------
TEXT_LIMITS = {"name": 200, "city": 100, "address": 300}


def save_center(center: Center, data: dict) -> Center:
    """The staff's edit of a center's texts: ``data`` maps name, city, address, description to
    ``{"az", "ru", "en"}``. Name and city need the Azerbaijani text (the others fall back to it)."""
    for name in ("name", "city", "address", "description"):
        values = as_texts(data.get(name) or {})
        if name in ("name", "city") and not values["az"]:
            raise DomainError(str(_l("This field is required.")), field=f"{name}_az")
        set_texts(center, name, values)
    db.session.flush()
    return center


def _check_room_names(center: Center, names: dict, room: Room | None) -> None:
    """The Azerbaijani name is given, and no other room of the center has any of the names (in
    that language, ignoring case: compared here, as SQLite's lower() knows only ASCII)."""
    if not names["az"]:
        raise DomainError(str(_l("This field is required.")), field="name_az")
    others = db.session.scalars(select(Room).where(Room.center_id == center.id))
    for other in others:
        if room is not None and other.id == room.id:
            continue
        for lang in LANGS:
            theirs = getattr(other, f"name_{lang}")
            if names[lang] and theirs and theirs.casefold() == names[lang].casefold():
                raise DomainError(
                    str(_l("This center already has a room with this name.")), field=f"name_{lang}"
                )


def save_room(center: Center, data: dict, room: Room | None = None) -> Room:
    """Create or edit a room. ``data``: names and descriptions (``{"az", "ru", "en"}``), kind,
    floor, capacity, equipment (keys of :class:`Equipment`), bookable, active."""
    names = as_texts(data.get("names") or {})
    if data.get("kind") not in tuple(RoomKind):
        raise DomainError(str(_l("Unknown kind.")), field="kind")
    unknown = [e for e in data.get("equipment", []) if e not in tuple(Equipment)]
    if unknown:
        raise DomainError(
            str(_l("Unknown equipment: %(items)s.", items=", ".join(unknown))), field="equipment"
        )
    _check_room_names(center, names, room)
    if room is None:
        room = Room(center_id=center.id)
        db.session.add(room)
    elif data["capacity"] < room.capacity:
        _check_shrink(room, data["capacity"])
    set_texts(room, "name", names)
    set_texts(room, "description", as_texts(data.get("descriptions") or {}))
    room.kind = RoomKind(data["kind"])
    room.floor = data.get("floor")
    room.capacity = data["capacity"]
    room.equipment = [e.value for e in Equipment if e in data.get("equipment", [])]
    room.bookable = bool(data.get("bookable"))
    room.active = bool(data.get("active", True))
    try:
        with db.session.begin_nested():
            db.session.flush()
    except IntegrityError:  # a booking for more people, or a room of the same name, arrived meanwhile
        raise DomainError(
            str(_l("Meetings for more people are booked in this room.")), field="capacity"
        ) from None
    return room


def _check_shrink(room: Room, capacity: int) -> None:
    from ..meetings.models import Meeting

    biggest = db.session.scalar(
        select(Meeting.attendees)
        .where(Meeting.room_id == room.id, Meeting.active.is_(True), Meeting.attendees > capacity)
        .order_by(Meeting.attendees.desc())
        .limit(1)
    )
    if biggest:
        raise DomainError(
            str(
                _l(
                    "Active meetings in this room are booked for up to %(n)s people: cancel or move "
                    "them first.",
                    n=biggest,
                )
            ),
            field="capacity",
        )


# availability -----------------------------------------------------------------------------------
@dataclass
class Slot:
    start: datetime
    end: datetime
    kind: str = "free"  # free | meeting | closure
    status: str = ""
    label: str = ""
    meeting: object = None
    closure: object = None


@dataclass
class DayView:
    room: Room
    day: date
    tz: ZoneInfo
    open: list[tuple[datetime, datetime]] = field(default_factory=list)
    free: list[Slot] = field(default_factory=list)
    taken: list[Slot] = field(default_factory=list)

    @property
    def timeline(self) -> list[Slot]:
        return sorted(self.free + self.taken, key=lambda s: (s.start, s.end))


def room_day(room: Room, day: date, now: datetime | None = None) -> DayView:
    """Free and taken intervals of ``room`` on the local date ``day`` (center's zone). Time before
    ``now`` (the present moment by default) is never free: it cannot be booked any more."""
    from ..meetings.models import Meeting

    now = now or utcnow()
    center = room.center
    tz = zone(center)
    day_start, day_end = timeslots.local_day_bounds(day, tz)
    open_ = timeslots.open_intervals(day, hours_for(room, day.weekday()), tz)
    view = DayView(room=room, day=day, tz=tz, open=open_)
    busy = []
    for c in closures_between(center.id, day_start, day_end, room_id=room.id):
        s, e = max(c.start_at, day_start), min(c.end_at, day_end)
        view.taken.append(Slot(s, e, "closure", c.kind, c.reason, closure=c))
        busy.append((s, e))
    meetings = db.session.scalars(
        select(Meeting)
        .where(
            Meeting.room_id == room.id,
            Meeting.live_at(now),
            Meeting.start_at < day_end,
            Meeting.end_at > day_start,
        )
        .order_by(Meeting.start_at)
    )
    for m in meetings:
        view.taken.append(Slot(m.start_at, m.end_at, "meeting", m.status, "", m))
        busy.append((m.start_at, m.end_at))
    if now > day_start:
        busy.append((day_start, min(now, day_end)))
    view.free = [Slot(s, e) for s, e in timeslots.subtract(open_, busy)]
    view.taken.sort(key=lambda s: s.start)
    return view


def room_week(room: Room, any_day: date, now: datetime | None = None) -> list[DayView]:
    monday = timeslots.week_start(any_day)
    return [room_day(room, monday + timedelta(days=i), now) for i in range(7)]


def bookable_window(room: Room, start: datetime, end: datetime) -> str | None:
    """``None`` when [start, end) lies within the room's opening hours and no closure; else why not."""
    tz = zone(room.center)
    local_start = start.astimezone(tz)
    open_ = timeslots.open_intervals(local_start.date(), hours_for(room, local_start.weekday()), tz)
    if not timeslots.covered((start, end), open_):
        if not open_:
            return str(_l("The center is closed that day."))
        spans = ", ".join(f"{s.astimezone(tz):%H:%M}–{e.astimezone(tz):%H:%M}" for s, e in open_)
        return str(
            _l(
                "Outside opening hours: that day the center is open %(spans)s (%(zone)s).",
                spans=spans,
                zone=timefmt.zone_name(room.center.timezone, start),
            )
        )
    closures = closures_between(room.center_id, start, end, room_id=room.id)
    if closures:
        return str(_l("The room is not available then: %(reason)s.", reason=closures[0].why))
    if room.kind == RoomKind.OFFICE:  # an office let to a firm is theirs on those days
        from ..offices.services import promised

        if promised(room.id, local_start.date(), end.astimezone(tz).date()):
            return str(_l("This office is let to a firm on that day."))
    return None
