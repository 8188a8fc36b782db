"""``/api/v1/meetings``: book, list, answer, cancel and reschedule meetings."""

from __future__ import annotations

from flask.views import MethodView
from marshmallow import Schema, fields, validate

from ..errors import Forbidden
from ..meetings import services
from ..meetings.models import MeetingStatus
from . import Blueprint, api_user
from .centers_api import TextsSchema, iso_local
from .fields import NONBLANK_PATTERN, Choice, DateTime, Id, Text

blp = Blueprint("api_meetings", __name__, url_prefix="/api/v1/meetings", description="Meetings between firms")


def _rules(*parts: str) -> str:
    """The rules of a meeting's time and place that no JSON schema can state, as a description."""
    return "\n\nRefused with 422 naming the field when " + "; ".join(parts) + "."


_TIME_RULES = (
    f"the start is not in the future or more than {services.MAX_DAYS_AHEAD} days ahead (`start`)",
    f"the end is not after the start, or the meeting lasts less than {services.MIN_MINUTES} or more "
    f"than {services.MAX_MINUTES} minutes (`end`)",
    "the time is outside the center's opening hours or in a closure (`start`)",
    "more people attend than the room holds (`attendees`)",
)
BOOKING_RULES = _rules(
    "the partner is unknown or of the caller's own country (`partner_id`)",
    "neither `room_id` nor `center_id` is given, or the room is unknown, not bookable for meetings or in "
    "another center (`room_id`, `center_id`)",
    *_TIME_RULES,
)
RESCHEDULE_RULES = _rules("the room is unknown or not bookable for meetings (`room_id`)", *_TIME_RULES)

_REASON = "Shown to the other firm"


class MeetingCreateSchema(Schema):
    partner_id = Id(required=True, metadata={"description": "A firm of the other country"})
    room_id = Id(
        load_default=None, allow_none=True, metadata={"description": "null: any free room of center_id"}
    )
    center_id = Id(load_default=None, allow_none=True)
    start = DateTime(required=True)
    end = DateTime(required=True)
    topic = Text(200, load_default="")
    attendees = fields.Int(strict=True, load_default=2, validate=validate.Range(min=1, max=2000))
    interpreter = fields.Bool(load_default=False)


class DeclineSchema(Schema):
    reason = Text(2000, load_default="", metadata={"description": _REASON})


class CancelSchema(Schema):
    reason = Text(
        2000,
        required=True,
        pattern=NONBLANK_PATTERN,
        error="Give a reason: the other side will see it.",
        metadata={"description": _REASON},
    )


class RescheduleSchema(Schema):
    start = DateTime(required=True)
    end = DateTime(required=True)
    reason = Text(
        2000,
        required=True,
        pattern=NONBLANK_PATTERN,
        error="Give a reason: the other side will see it.",
        metadata={"description": _REASON},
    )
    room_id = Id(load_default=None, allow_none=True, metadata={"description": "null: the same room"})


class ListArgs(Schema):
    scope = Choice(("all", "upcoming", "past"), load_default="all")


class FirmSchema(Schema):
    id = fields.Int(required=True)
    name = fields.Str(required=True)
    country = fields.Str(required=True)


class PlaceSchema(Schema):
    id = fields.Int(required=True)
    name = fields.Str(required=True, metadata={"description": "In the caller's language"})
    names = fields.Nested(TextsSchema, required=True, metadata={"description": "The name per language"})


_LOCAL_TIME = {"description": "ISO 8601 in the center's zone", "format": "date-time"}


class MeetingSchema(Schema):
    id = fields.Int(required=True)
    uid = fields.Str(required=True, metadata={"description": "The iCalendar UID"})
    status = fields.Str(required=True, validate=validate.OneOf(list(MeetingStatus)))
    start = fields.Str(required=True, metadata=_LOCAL_TIME)
    end = fields.Str(required=True, metadata=_LOCAL_TIME)
    timezone = fields.Str(required=True)
    center = fields.Nested(PlaceSchema, required=True)
    room = fields.Nested(PlaceSchema, required=True)
    requester = fields.Nested(FirmSchema, required=True)
    partner = fields.Nested(FirmSchema, required=True)
    awaiting_company_id = fields.Int(
        required=True, allow_none=True, metadata={"description": "The firm that is to answer a request"}
    )
    topic = fields.Str(required=True)
    attendees = fields.Int(required=True)
    interpreter = fields.Bool(required=True)
    note = fields.Str(required=True, metadata={"description": "The last reason given"})
    sequence = fields.Int(required=True)
    expires_at = fields.Str(required=True, allow_none=True, metadata=_LOCAL_TIME)
    ics_url = fields.Str(required=True)


class MeetingListSchema(Schema):
    items = fields.List(fields.Nested(MeetingSchema), required=True)


def dump(m) -> dict:
    center = m.room.center
    tz = services.ZoneInfo(center.timezone)
    return {
        "id": m.id,
        "uid": m.uid,
        "status": m.shown_status,
        "start": iso_local(m.start_at, tz),
        "end": iso_local(m.end_at, tz),
        "timezone": center.timezone,
        "center": {"id": center.id, "name": center.name, "names": center.texts("name")},
        "room": {"id": m.room.id, "name": m.room.name, "names": m.room.texts("name")},
        "requester": m.requester,
        "partner": m.partner,
        "awaiting_company_id": m.awaiting_company_id(),
        "topic": m.topic,
        "attendees": m.attendees,
        "interpreter": m.interpreter,
        "note": m.note,
        "sequence": m.sequence,
        "expires_at": iso_local(m.expires_at, tz) if m.expires_at else None,
        "ics_url": f"/meetings/{m.id}.ics",
    }


def _visible(meeting_id: int):
    meeting = services.get_meeting(meeting_id)
    if not meeting.can_view(api_user()):
        raise Forbidden("This is not your meeting.")
    return meeting


@blp.route("")
class Meetings(MethodView):
    @blp.arguments(ListArgs, location="query")
    @blp.response(200, MeetingListSchema)
    def get(self, args):
        """The caller's firm's meetings (empty for an account without an active firm)."""
        user = api_user()
        if user.active_company_id is None:
            return {"items": []}
        return {"items": [dump(m) for m in services.for_company(user.active_company_id, args["scope"])]}

    @blp.arguments(MeetingCreateSchema)
    @blp.response(201, MeetingSchema)
    @blp.errors(
        400,
        (403, "The caller has no active firm to book for"),
        (409, "The room or either firm is taken at that time"),
    )
    def post(self, data):
        """Request a meeting with a firm of the other country; the room is held until answered.

        Times are ISO 8601 with their UTC offset; the meeting is in the room's center.
        """
        meeting = services.request_meeting(
            api_user(),
            data["partner_id"],
            data["start"],
            data["end"],
            room_id=data["room_id"],
            center_id=data["center_id"],
            topic=data["topic"],
            attendees=data["attendees"],
            interpreter=data["interpreter"],
        )
        return dump(meeting)

    post.__doc__ = (post.__doc__ or "") + BOOKING_RULES


@blp.route("/<int:meeting_id>")
class MeetingById(MethodView):
    @blp.response(200, MeetingSchema)
    @blp.errors((403, "Not a meeting of the caller's firm (staff: of their center)"), 404)
    def get(self, meeting_id):
        """One meeting of the caller's firm (staff: of their center)."""
        meeting = _visible(meeting_id)
        return dump(meeting)


class AcceptSchema(Schema):
    """No fields."""


def _action(name, fn, schema, doc):
    def view(data, meeting_id):
        meeting = _visible(meeting_id)
        fn(meeting, api_user(), data)
        return dump(meeting)

    view.__name__ = f"meeting_{name}"
    view.__doc__ = doc  # before the decorators below: the route reads it into the document
    documented = blp.errors(
        400,
        (403, "Not a meeting of the caller's firm (staff: of their center)"),
        404,
        (409, "Not possible in the meeting's current state, or (reschedule) the new time is taken"),
    )(view)
    documented = blp.arguments(schema)(blp.response(200, MeetingSchema)(documented))
    return blp.route(f"/<int:meeting_id>/{name}", endpoint=f"meeting_{name}", methods=["POST"])(documented)


accept = _action(
    "accept",
    lambda m, u, d: services.accept(m, u),
    AcceptSchema,
    "Accept a requested meeting (the firm that did not propose the time).",
)
decline = _action(
    "decline",
    lambda m, u, d: services.decline(m, u, d["reason"]),
    DeclineSchema,
    "Decline a requested meeting (the firm that did not propose the time); the room is freed.",
)
cancel = _action(
    "cancel",
    lambda m, u, d: services.cancel(m, u, d["reason"]),
    CancelSchema,
    "Cancel a requested or accepted meeting (either firm, or staff of its center); the room is freed.",
)
reschedule = _action(
    "reschedule",
    lambda m, u, d: services.reschedule(m, u, d["start"], d["end"], d["reason"], room_id=d["room_id"]),
    RescheduleSchema,
    "Propose another time (and room) for a meeting: it is requested again and the other firm answers."
    + RESCHEDULE_RULES,
)
