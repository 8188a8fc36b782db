"""Undo a cancellation: within a few minutes, by the firm that cancelled, while the room and both
firms are still free at that time. The meeting returns to the state it had (requested or
accepted) and the other firm is told that it takes place after all (a calendar REQUEST again).

The state before the cancellation is not stored on the meeting: the view keeps it in the signed
session of the member who cancelled, so only they are offered the undo. The checks and the write
are those of a booking (:mod:`.services`): the database has the last word on a race.
"""

from __future__ import annotations

from datetime import timedelta

from flask_babel import lazy_gettext as _l

from ..companies.models import Company
from ..dbtypes import utcnow
from ..errors import Conflict, Forbidden
from ..extensions import db
from .models import ACTIVE_STATUSES, Meeting, MeetingStatus
from .services import (
    _busy,
    _check_firms_free,
    _expiry,
    _name,
    _room_ok,
    _set_status,
    _tell,
    _write,
    expire_due,
)

UNDO_MINUTES = 5


def undoable(meeting: Meeting, user, was: str | None) -> bool:
    """The cancellation of ``meeting`` may still be undone by ``user`` (who cancelled it from a
    state ``was``)."""
    return (
        was in tuple(ACTIVE_STATUSES)
        and meeting.status == MeetingStatus.CANCELLED
        and user.is_authenticated
        and meeting.involves(user.active_company_id)
        and utcnow() - meeting.updated_at <= timedelta(minutes=UNDO_MINUTES)
        and meeting.start_at > utcnow()
    )


def restore(meeting: Meeting, user, was: str) -> Meeting:
    """Undo the cancellation. Raises Forbidden when it is not the user's to undo, Conflict when it
    is too late or the time was taken meanwhile."""
    if not meeting.involves(getattr(user, "active_company_id", None)):
        raise Forbidden(str(_l("This is not your meeting.")))
    if not undoable(meeting, user, was):
        raise Conflict(str(_l("It is too late to undo this: book the meeting again if you need it.")))
    own = user.active_company_id
    other = meeting.other_company_id(own)
    start, end = meeting.start_at, meeting.end_at
    expire_due(room_id=meeting.room_id, companies=meeting.company_ids, start=start, end=end)
    _check_firms_free(db.session.get(Company, own), db.session.get(Company, other), start, end, meeting.id)
    why = _room_ok(meeting.room, start, end, meeting.attendees, exclude_id=meeting.id)
    if why:
        taken = _busy(("room", meeting.room_id), start, end, meeting.id)
        raise Conflict(why, field="room_id" if taken else "start")

    def change():
        _set_status(meeting, MeetingStatus(was), note="")
        if was == MeetingStatus.REQUESTED:
            meeting.expires_at = _expiry()

    _write(change)
    _tell(other, "meeting_restored", meeting, _name(own))
    return meeting
