"""``/api/v1/centers`` and ``/api/v1/rooms/<id>/availability``."""

from __future__ import annotations

from datetime import date

from flask.views import MethodView
from marshmallow import Schema, fields, validate

from ..centers import services
from ..centers.models import ClosureKind, Equipment, RoomKind
from ..core.timeslots import utc_offset_label
from ..errors import DomainError, NotFound
from ..meetings.models import ACTIVE_STATUSES
from ..timefmt import zone_name
from . import Blueprint
from .fields import Date

blp = Blueprint("api_centers", __name__, url_prefix="/api/v1", description="Business centers and rooms")

_LOCAL_TIME = {"description": "ISO 8601 with the center's offset", "format": "date-time"}


def iso_local(dt, tz) -> str:
    """ISO 8601 with the center's offset: ``2026-06-10T10:00:00+04:00``."""
    return dt.astimezone(tz).isoformat(timespec="seconds")


IN_LANGUAGE = "in the caller's language (?lang=, the account's language, Accept-Language), else a fallback"


class TextsSchema(Schema):
    """A text per language; null where not given."""

    az = fields.Str(required=True, allow_none=True)
    ru = fields.Str(required=True, allow_none=True)
    en = fields.Str(required=True, allow_none=True)


def _texts(description: str) -> fields.Nested:
    return fields.Nested(TextsSchema, required=True, metadata={"description": description + " per language"})


class RoomSchema(Schema):
    id = fields.Int(required=True)
    name = fields.Str(required=True, metadata={"description": "The name " + IN_LANGUAGE})
    names = _texts("The name")
    description = fields.Str(required=True, metadata={"description": "The description " + IN_LANGUAGE})
    descriptions = _texts("The description")
    kind = fields.Str(required=True, validate=validate.OneOf([k.value for k in RoomKind]))
    kind_label = fields.Str(required=True, metadata={"description": "The kind " + IN_LANGUAGE})
    floor = fields.Int(required=True, allow_none=True)
    capacity = fields.Int(required=True)
    equipment = fields.List(
        fields.Str(validate=validate.OneOf([e.value for e in Equipment])),
        required=True,
        metadata={"description": "Keys of the equipment vocabulary"},
    )
    equipment_labels = fields.List(
        fields.Str(), required=True, metadata={"description": "The equipment " + IN_LANGUAGE}
    )
    bookable = fields.Bool(required=True, metadata={"description": "false: not bookable for meetings"})


class HoursSchema(Schema):
    weekday = fields.Int(
        required=True, validate=validate.Range(min=0, max=6), metadata={"description": "0 = Monday"}
    )
    opens = fields.Str(
        required=True, metadata={"description": "HH:MM, local time", "pattern": r"^[0-2][0-9]:[0-5][0-9]$"}
    )
    closes = fields.Str(
        required=True, metadata={"description": "HH:MM, local time", "pattern": r"^[0-2][0-9]:[0-5][0-9]$"}
    )


class CenterSchema(Schema):
    id = fields.Int(required=True)
    slug = fields.Str(required=True)
    name = fields.Str(required=True, metadata={"description": "The name " + IN_LANGUAGE})
    names = _texts("The name")
    city = fields.Str(required=True, metadata={"description": "The city " + IN_LANGUAGE})
    cities = _texts("The city")
    country = fields.Str(required=True)
    timezone = fields.Str(required=True, metadata={"description": "IANA time zone, e.g. Asia/Baku"})
    timezone_name = fields.Str(
        required=True, metadata={"description": "The zone by name, e.g. Baku time (UTC+4), " + IN_LANGUAGE}
    )
    address = fields.Str(required=True, metadata={"description": "The address " + IN_LANGUAGE})
    addresses = _texts("The address")
    description = fields.Str(required=True, metadata={"description": "The description " + IN_LANGUAGE})
    descriptions = _texts("The description")
    rooms = fields.List(fields.Nested(RoomSchema), required=True)
    opening_hours = fields.List(fields.Nested(HoursSchema), required=True)


class CentersSchema(Schema):
    items = fields.List(fields.Nested(CenterSchema), required=True)


class AvailabilityArgs(Schema):
    date = Date(
        required=True, metadata={"description": "The local date at the center, 2000-01-01 to 2100-12-31"}
    )


class OpenIntervalSchema(Schema):
    start = fields.Str(required=True, metadata=_LOCAL_TIME)
    end = fields.Str(required=True, metadata=_LOCAL_TIME)


class FreeIntervalSchema(OpenIntervalSchema):
    kind = fields.Str(required=True, validate=validate.OneOf(["free"]))


class TakenIntervalSchema(OpenIntervalSchema):
    kind = fields.Str(required=True, validate=validate.OneOf(["meeting", "closure"]))
    status = fields.Str(
        required=True,
        validate=validate.OneOf([*ACTIVE_STATUSES, *(k.value for k in ClosureKind)]),
        metadata={"description": "A meeting's status, or a closure's kind"},
    )
    reason = fields.Str(
        required=True, metadata={"description": "A closure's reason (empty for meetings) " + IN_LANGUAGE}
    )
    reasons = fields.Nested(TextsSchema, metadata={"description": "A closure's reason per language"})


class AvailabilitySchema(Schema):
    room = fields.Nested(RoomSchema, required=True)
    center_id = fields.Int(required=True)
    date = fields.Str(required=True, metadata={"format": "date"})
    timezone = fields.Str(required=True)
    utc_offset = fields.Str(required=True, metadata={"description": "e.g. +04:00"})
    open = fields.List(fields.Nested(OpenIntervalSchema), required=True)
    free = fields.List(fields.Nested(FreeIntervalSchema), required=True)
    taken = fields.List(fields.Nested(TakenIntervalSchema), required=True)


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
    @blp.errors(404)
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
