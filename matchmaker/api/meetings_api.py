"""``/api/v1/meetings``: book, list, answer, cancel and reschedule meetings."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from ..core.ids import MAX_ID
from ..errors import Forbidden
from ..meetings import services
from . import api_user
from .auth import protect
from .centers_api import iso_local

blp = Blueprint("api_meetings", __name__, url_prefix="/api/v1/meetings", description="Meetings between firms")
protect(blp)

DT_ERRORS = {
    "invalid": "Not a valid ISO 8601 date and time (e.g. 2026-06-10T10:00:00+04:00).",
    "invalid_awareness": "Give the time with its UTC offset, e.g. 2026-06-10T10:00:00+04:00.",
}

ID = validate.Range(min=1, max=MAX_ID, error="Unknown id.")


def _dt(**kw):
    return fields.AwareDateTime(format="iso", error_messages=DT_ERRORS, **kw)


class MeetingCreateSchema(Schema):
    partner_id = fields.Int(required=True, strict=True, validate=ID)
    room_id = fields.Int(
        strict=True,
        load_default=None,
        allow_none=True,
        validate=ID,
        metadata={"description": "null: any free room of center_id"},
    )
    center_id = fields.Int(strict=True, load_default=None, allow_none=True, validate=ID)
    start = _dt(required=True)
    end = _dt(required=True)
    topic = fields.Str(load_default="", validate=validate.Length(max=200))
    attendees = fields.Int(strict=True, load_default=2, validate=validate.Range(min=1, max=2000))
    interpreter = fields.Bool(load_default=False)


class ReasonSchema(Schema):
    reason = fields.Str(load_default="", validate=validate.Length(max=2000))


class RescheduleSchema(Schema):
    start = _dt(required=True)
    end = _dt(required=True)
    reason = fields.Str(required=True, validate=validate.Length(min=1, max=2000))
    room_id = fields.Int(strict=True, load_default=None, allow_none=True, validate=ID)


class ListArgs(Schema):
    scope = fields.Str(load_default="all", validate=validate.OneOf(["all", "upcoming", "past"]))


class FirmSchema(Schema):
    id = fields.Int()
    name = fields.Str()
    country = fields.Str()


class MeetingSchema(Schema):
    id = fields.Int()
    uid = fields.Str()
    status = fields.Str()
    start = fields.Str(metadata={"description": "ISO 8601 in the center's zone"})
    end = fields.Str()
    timezone = fields.Str()
    center = fields.Dict(
        metadata={"description": 'id, name (the caller\'s language), names {"az", "ru", "en"}'}
    )
    room = fields.Dict(
        metadata={"description": 'id, name (the caller\'s language), names {"az", "ru", "en"}'}
    )
    requester = fields.Nested(FirmSchema)
    partner = fields.Nested(FirmSchema)
    awaiting_company_id = fields.Int(allow_none=True)
    topic = fields.Str()
    attendees = fields.Int()
    interpreter = fields.Bool()
    note = fields.Str()
    sequence = fields.Int()
    expires_at = fields.Str(allow_none=True)
    ics_url = fields.Str()


class MeetingListSchema(Schema):
    items = fields.List(fields.Nested(MeetingSchema))


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
    @blp.alt_response(409, description="The room or either firm is taken at that time")
    @blp.alt_response(403, description="The caller has no active firm to book for")
    def post(self, data):
        """Request a meeting with a firm of the other country; the room is held until answered."""
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


@blp.route("/<int:meeting_id>")
class MeetingById(MethodView):
    @blp.response(200, MeetingSchema)
    def get(self, meeting_id):
        """One meeting of the caller's firm (staff: of their center)."""
        meeting = _visible(meeting_id)
        return dump(meeting)


def _action(name, fn, schema=ReasonSchema):
    @blp.route(f"/<int:meeting_id>/{name}", endpoint=f"meeting_{name}", methods=["POST"])
    @blp.arguments(schema)
    @blp.response(200, MeetingSchema)
    def view(data, meeting_id):
        meeting = _visible(meeting_id)
        fn(meeting, api_user(), data)
        return dump(meeting)

    view.__name__ = f"meeting_{name}"
    view.__doc__ = f"{name.capitalize()} the meeting (403 for others' meetings)."
    return view


accept = _action("accept", lambda m, u, d: services.accept(m, u))
decline = _action("decline", lambda m, u, d: services.decline(m, u, d["reason"]))
cancel = _action("cancel", lambda m, u, d: services.cancel(m, u, d["reason"]))
reschedule = _action(
    "reschedule",
    lambda m, u, d: services.reschedule(m, u, d["start"], d["end"], d["reason"], room_id=d["room_id"]),
    RescheduleSchema,
)
