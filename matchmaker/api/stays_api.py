"""``/api/v1/stays`` and ``/api/v1/centers/<id>/stays/availability``: rooms by the night."""

from __future__ import annotations

from datetime import time

from flask.views import MethodView
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from ..centers import services as centers
from ..errors import DomainError, Forbidden
from ..stays import services
from ..stays.models import StayStatus
from . import Blueprint, api_user
from .centers_api import TextsSchema
from .fields import Choice, Date, Id, Text
from .meetings_api import FirmSchema

blp = Blueprint("api_stays", __name__, url_prefix="/api/v1", description="Stays by the night")

MAX_SPAN = 62
HHMM = r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$"

STAY_RULES = (
    "\n\nRefused with 422 naming the field when the room is unknown or not let by the night (`room_id`); "
    "check-in is in the past or more than "
    f"{services.MAX_DAYS_AHEAD} days ahead, or one of the nights is closed (`check_in`); check-out is not "
    "after check-in, or the stay is shorter or longer than the center allows (`check_out`); more guests "
    "than the room's beds (`guests`); the arrival is before the center's check-in hour (`arrival_time`)."
)


class AvailabilityArgs(Schema):
    first = Date(required=True, data_key="from", metadata={"description": "The first night (local date)"})
    last = Date(
        required=True,
        data_key="to",
        metadata={"description": "The check-out day: nights up to the day before"},
    )

    @validates_schema
    def _span(self, data, **_kwargs):
        if "first" in data and "last" in data:
            nights = (data["last"] - data["first"]).days
            if nights < 1:
                raise ValidationError("`to` must be after `from`.", field_name="to")
            if nights > MAX_SPAN:
                raise ValidationError(f"At most {MAX_SPAN} nights at a time.", field_name="to")


class StayRoomSchema(Schema):
    id = fields.Int(required=True)
    name = fields.Str(required=True, metadata={"description": "In the caller's language"})
    names = fields.Nested(TextsSchema, required=True)
    kind = fields.Str(required=True, validate=validate.OneOf(["hotel_room", "flat"]))
    beds = fields.Int(required=True)
    floor = fields.Int(required=True, allow_none=True)


class ClosedRoomSchema(Schema):
    room_id = fields.Int(required=True)
    reason = fields.Str(required=True, metadata={"description": "In the caller's language"})


class NightSchema(Schema):
    date = fields.Str(required=True, metadata={"format": "date", "description": "The night's local date"})
    free_room_ids = fields.List(fields.Int(), required=True)
    taken_room_ids = fields.List(fields.Int(), required=True)
    closed = fields.List(fields.Nested(ClosedRoomSchema), required=True)


class PolicySchema(Schema):
    check_in_from = fields.Str(required=True, metadata={"description": "HH:MM, local time", "pattern": HHMM})
    check_out_until = fields.Str(
        required=True, metadata={"description": "HH:MM, local time", "pattern": HHMM}
    )
    min_nights = fields.Int(required=True)
    max_nights = fields.Int(required=True)
    needs_confirmation = fields.Bool(
        required=True, metadata={"description": "true: a member's request waits for the staff"}
    )


class StayAvailabilitySchema(Schema):
    center_id = fields.Int(required=True)
    timezone = fields.Str(required=True)
    rules = fields.Nested(PolicySchema, required=True)
    rooms = fields.List(fields.Nested(StayRoomSchema), required=True)
    nights = fields.List(fields.Nested(NightSchema), required=True)


class StayCreateSchema(Schema):
    room_id = Id(required=True, metadata={"description": "A mini-hotel room or residential flat"})
    guests = fields.Int(strict=True, required=True, validate=validate.Range(min=1, max=services.MAX_GUESTS))
    check_in = Date(required=True, metadata={"description": "The first night (local date)"})
    check_out = Date(required=True, metadata={"description": "The day of departure (local date)"})
    arrival_time = Text(
        5,
        pattern=HHMM,
        error="Give the time as HH:MM.",
        load_default=None,
        allow_none=True,
        metadata={"description": "Expected arrival, HH:MM local time"},
    )
    notes = Text(2000, load_default="")
    company_id = Id(
        load_default=None,
        allow_none=True,
        metadata={"description": "Staff of the room's center book for any firm; members only for their own"},
    )


class StaySchema(Schema):
    id = fields.Int(required=True)
    uid = fields.Str(required=True, metadata={"description": "The iCalendar UID"})
    status = fields.Str(required=True, validate=validate.OneOf(list(StayStatus)))
    status_label = fields.Str(required=True, metadata={"description": "In the caller's language"})
    check_in = fields.Str(required=True, metadata={"format": "date"})
    check_out = fields.Str(required=True, metadata={"format": "date"})
    nights = fields.Int(required=True)
    guests = fields.Int(required=True)
    arrival_time = fields.Str(required=True, allow_none=True, metadata={"pattern": HHMM})
    notes = fields.Str(required=True)
    center_id = fields.Int(required=True)
    timezone = fields.Str(required=True)
    room = fields.Nested(StayRoomSchema, required=True)
    company = fields.Nested(FirmSchema, required=True)
    ics_url = fields.Str(required=True)


class StayListSchema(Schema):
    items = fields.List(fields.Nested(StaySchema), required=True)


class ListArgs(Schema):
    scope = Choice(("all", "upcoming", "past"), load_default="upcoming")


class StayCancelSchema(Schema):
    reason = Text(2000, load_default="")


def _room(room) -> dict:
    return {
        "id": room.id,
        "name": room.name,
        "names": room.texts("name"),
        "kind": room.kind.value,
        "beds": room.capacity,
        "floor": room.floor,
    }


def dump(stay) -> dict:
    return {
        "id": stay.id,
        "uid": stay.uid,
        "status": stay.status,
        "status_label": stay.status.label,
        "check_in": stay.check_in.isoformat(),
        "check_out": stay.check_out.isoformat(),
        "nights": stay.nights,
        "guests": stay.guests,
        "arrival_time": stay.arrival_time.strftime("%H:%M") if stay.arrival_time else None,
        "notes": stay.notes,
        "center_id": stay.room.center_id,
        "timezone": stay.room.center.timezone,
        "room": _room(stay.room),
        "company": stay.company,
        "ics_url": f"/stays/{stay.id}.ics",
    }


@blp.route("/centers/<int:center_id>/stays/availability")
class StayAvailability(MethodView):
    @blp.arguments(AvailabilityArgs, location="query")
    @blp.response(200, StayAvailabilitySchema)
    @blp.errors(404)
    def get(self, args, center_id):
        """Free, taken and closed mini-hotel rooms and flats per night, from `from` to the night
        before `to` (dates at the center).

        Refused with 422 naming `to` when `to` is not after `from` or more than 62 nights later."""
        center = centers.center_or_404(center_id)
        policy = services.policy_for(center)
        nights = services.availability(center, args["first"], args["last"])
        return {
            "center_id": center.id,
            "timezone": center.timezone,
            "rules": {
                "check_in_from": policy.check_in_from.strftime("%H:%M"),
                "check_out_until": policy.check_out_until.strftime("%H:%M"),
                "min_nights": policy.min_nights,
                "max_nights": policy.max_nights,
                "needs_confirmation": policy.needs_confirmation,
            },
            "rooms": [_room(r) for r in services.stay_rooms(center)],
            "nights": [
                {
                    "date": n.night.isoformat(),
                    "free_room_ids": [r.id for r in n.free],
                    "taken_room_ids": sorted(n.taken),
                    "closed": [{"room_id": rid, "reason": c.why} for rid, c in sorted(n.closed.items())],
                }
                for n in nights
            ],
        }


def _time(value: str | None) -> time | None:
    if not value:
        return None
    hours, minutes = (int(x) for x in value.split(":"))
    return time(hours, minutes)


@blp.route("/stays")
class Stays(MethodView):
    @blp.arguments(ListArgs, location="query")
    @blp.response(200, StayListSchema)
    def get(self, args):
        """The caller's firm's stays (empty for an account without an active firm)."""
        user = api_user()
        if user.active_company_id is None:
            return {"items": []}
        return {"items": [dump(s) for s in services.for_company(user.active_company_id, args["scope"])]}

    @blp.arguments(StayCreateSchema)
    @blp.response(201, StaySchema)
    @blp.errors(
        400,
        (403, "The caller may not book for this firm (or has no active firm)"),
        (409, "The room is taken for one of the nights"),
    )
    def post(self, data):
        """Book a room's nights from check-in to the night before check-out.

        Where the center confirms requests, a member's stay is `requested` (the nights are held) until
        the staff confirm or decline it; otherwise, and when staff book, it is `confirmed`.
        """
        if data["check_out"] <= data["check_in"]:
            raise DomainError("Check-out must be after check-in.", field="check_out")
        stay = services.request_stay(
            api_user(),
            data["room_id"],
            data["check_in"],
            data["check_out"],
            guests=data["guests"],
            arrival_time=_time(data["arrival_time"]),
            notes=data["notes"],
            company_id=data["company_id"],
        )
        return dump(stay)

    post.__doc__ = (post.__doc__ or "") + STAY_RULES


def _visible(stay_id: int):
    stay = services.get_stay(stay_id)
    if not stay.can_view(api_user()):
        raise Forbidden("This is not your stay.")
    return stay


@blp.route("/stays/<int:stay_id>")
class StayById(MethodView):
    @blp.response(200, StaySchema)
    @blp.errors((403, "Not a stay of the caller's firm (staff: of their center)"), 404)
    def get(self, stay_id):
        """One stay of the caller's firm (staff: of their center)."""
        return dump(_visible(stay_id))


@blp.route("/stays/<int:stay_id>/cancel")
class StayCancel(MethodView):
    @blp.arguments(StayCancelSchema)
    @blp.response(200, StaySchema)
    @blp.errors(400, (403, "Not a stay of the caller's firm (staff: of their center)"), 404, 409)
    def post(self, data, stay_id):
        """Cancel a requested or confirmed stay: its nights are free again."""
        stay = _visible(stay_id)
        services.cancel(stay, api_user(), data["reason"])
        return dump(stay)


@blp.route("/stays/<int:stay_id>/confirm")
class StayConfirm(MethodView):
    @blp.arguments(StayCancelSchema)
    @blp.response(200, StaySchema)
    @blp.errors(400, (403, "Not a stay of the caller's firm (staff: of their center)"), 404, 409)
    def post(self, data, stay_id):
        """Confirm a requested stay (staff of its center); 409 when it is not awaiting confirmation."""
        stay = _visible(stay_id)
        services.confirm(stay, api_user())
        return dump(stay)


@blp.route("/stays/<int:stay_id>/decline")
class StayDecline(MethodView):
    @blp.arguments(StayCancelSchema)
    @blp.response(200, StaySchema)
    @blp.errors(400, (403, "Not a stay of the caller's firm (staff: of their center)"), 404, 409)
    def post(self, data, stay_id):
        """Decline a requested stay (staff of its center), with a reason the firm sees; the nights
        are free again. 409 when it is not awaiting confirmation."""
        stay = _visible(stay_id)
        services.decline(stay, api_user(), data["reason"])
        return dump(stay)
