"""``/api/v1/centers`` and ``/api/v1/rooms/<id>/availability``."""

from __future__ import annotations

from datetime import date

from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from ..centers import services
from ..centers.models import Equipment
from ..core.timeslots import utc_offset_label
from ..errors import DomainError, NotFound
from ..timefmt import zone_name
from .auth import protect

blp = Blueprint("api_centers", __name__, url_prefix="/api/v1", description="Business centers and rooms")
protect(blp)


def iso_local(dt, tz) -> str:
    """ISO 8601 with the center's offset: ``2026-06-10T10:00:00+04:00``."""
    return dt.astimezone(tz).isoformat(timespec="seconds")


def _texts(description: str):
    return fields.Dict(
        keys=fields.Str(),
        values=fields.Str(allow_none=True),
        metadata={"description": description + ' per language: {"az", "ru", "en"}; null where not given'},
    )


IN_LANGUAGE = "in the caller's language (?lang=, the account's language, Accept-Language), else a fallback"


class RoomSchema(Schema):
    id = fields.Int()
    name = fields.Str(metadata={"description": "The name " + IN_LANGUAGE})
    names = _texts("The name")
    description = fields.Str(metadata={"description": "The description " + IN_LANGUAGE})
    descriptions = _texts("The description")
    kind = fields.Str(
        metadata={"description": "meeting_room, conference, exhibition_hall, office or hotel_room"}
    )
    kind_label = fields.Str(metadata={"description": "The kind " + IN_LANGUAGE})
    floor = fields.Int(allow_none=True)
    capacity = fields.Int()
    equipment = fields.List(
        fields.Str(),
        metadata={"description": "Keys: " + ", ".join(e.value for e in Equipment)},
    )
    equipment_labels = fields.List(fields.Str(), metadata={"description": "The equipment " + IN_LANGUAGE})
    bookable = fields.Bool()


class HoursSchema(Schema):
    weekday = fields.Int(metadata={"description": "0 = Monday"})
    opens = fields.Str()
    closes = fields.Str()


class CenterSchema(Schema):
    id = fields.Int()
    slug = fields.Str()
    name = fields.Str(metadata={"description": "The name " + IN_LANGUAGE})
    names = _texts("The name")
    city = fields.Str(metadata={"description": "The city " + IN_LANGUAGE})
    cities = _texts("The city")
    country = fields.Str()
    timezone = fields.Str(metadata={"description": "IANA time zone, e.g. Asia/Baku"})
    timezone_name = fields.Str(
        metadata={"description": "The zone by name, e.g. Baku time (UTC+4), " + IN_LANGUAGE}
    )
    address = fields.Str(metadata={"description": "The address " + IN_LANGUAGE})
    addresses = _texts("The address")
    description = fields.Str(metadata={"description": "The description " + IN_LANGUAGE})
    descriptions = _texts("The description")
    rooms = fields.List(fields.Nested(RoomSchema))
    opening_hours = fields.List(fields.Nested(HoursSchema))


class CentersSchema(Schema):
    items = fields.List(fields.Nested(CenterSchema))


class AvailabilityArgs(Schema):
    date = fields.Date(required=True, format="%Y-%m-%d")


class IntervalSchema(Schema):
    start = fields.Str()
    end = fields.Str()
    kind = fields.Str()
    status = fields.Str()
    reason = fields.Str(metadata={"description": "Why it is taken " + IN_LANGUAGE})
    reasons = _texts("A closure's reason")


class AvailabilitySchema(Schema):
    room = fields.Nested(RoomSchema)
    center_id = fields.Int()
    date = fields.Str()
    timezone = fields.Str()
    utc_offset = fields.Str()
    open = fields.List(fields.Nested(IntervalSchema))
    free = fields.List(fields.Nested(IntervalSchema))
    taken = fields.List(fields.Nested(IntervalSchema))


def _room(room) -> dict:
    return {
        "id": room.id,
        "name": room.name,
        "names": room.texts("name"),
        "description": room.description,
        "descriptions": room.texts("description"),
        "kind": room.kind.value,
        "kind_label": room.kind.label,
        "floor": room.floor,
        "capacity": room.capacity,
        "equipment": list(room.equipment or []),
        "equipment_labels": room.equipment_labels,
        "bookable": room.bookable,
    }


def _center(center) -> dict:
    return {
        "id": center.id,
        "slug": center.slug,
        "name": center.name,
        "names": center.texts("name"),
        "city": center.city,
        "cities": center.texts("city"),
        "country": center.country,
        "timezone": center.timezone,
        "timezone_name": zone_name(center.timezone),
        "address": center.address,
        "addresses": center.texts("address"),
        "description": center.description,
        "descriptions": center.texts("description"),
        "rooms": [_room(r) for r in center.rooms if r.active],
        "opening_hours": [
            {"weekday": h.weekday, "opens": h.opens.strftime("%H:%M"), "closes": h.closes.strftime("%H:%M")}
            for h in services.hours_rows(center.id)
        ],
    }


@blp.route("/centers")
class Centers(MethodView):
    @blp.response(200, CentersSchema)
    def get(self):
        """Business centers with their rooms and weekly opening hours (local time of the center)."""
        return {"items": [_center(c) for c in services.list_centers()]}


@blp.route("/rooms/<int:room_id>/availability")
class Availability(MethodView):
    @blp.arguments(AvailabilityArgs, location="query")
    @blp.response(200, AvailabilitySchema)
    def get(self, args, room_id):
        """Free and taken intervals of the room on a local date, ISO 8601 with the center's offset."""
        room = services.get_room(room_id)
        if room is None or not room.active:
            raise NotFound("No room with this id.", field="room_id")
        day: date = args["date"]
        if not 2000 <= day.year <= 2100:
            raise DomainError("Choose a date between 2000 and 2100.", field="date")
        view = services.room_day(room, day)
        tz = view.tz
        return {
            "room": _room(room),
            "center_id": room.center_id,
            "date": day.isoformat(),
            "timezone": room.center.timezone,
            "utc_offset": utc_offset_label(iso_noon(day, tz)).removeprefix("UTC"),
            "open": [{"start": iso_local(s, tz), "end": iso_local(e, tz)} for s, e in view.open],
            "free": [
                {"start": iso_local(s.start, tz), "end": iso_local(s.end, tz), "kind": "free"}
                for s in view.free
            ],
            "taken": [
                {
                    "start": iso_local(s.start, tz),
                    "end": iso_local(s.end, tz),
                    "kind": s.kind,
                    "status": s.status,
                    "reason": s.label,
                    **({"reasons": s.closure.texts("reason")} if s.closure is not None else {}),
                }
                for s in view.taken
            ],
        }


def iso_noon(day: date, tz):
    from datetime import datetime, time

    return datetime.combine(day, time(12), tzinfo=tz)
