"""Staff acting for a firm: registering it for a brokerage day, requesting a meeting for it,
answering a meeting request or a brokerage-day request on its behalf.

The firm's own operations run unchanged, for an :class:`ActingFor` that reads as a member of the
firm to them (so every rule of the firm's own action holds) and carries the staff member's id
(``created_by_id``, ``registered_by_id``). Then both firms are told that the business center's
staff did it (a ``by_staff`` note), and the audit log records who did what for whom.
"""

from __future__ import annotations

from sqlalchemy import select

from ..errors import Forbidden, NotFound
from ..extensions import db
from ..notifications.services import notify
from . import audit
from .models import AuditAction

#: what the staff did, as the note names it (labels in notifications.services)
ACTIONS = (
    "event_registered",
    "meeting_requested",
    "meeting_accepted",
    "meeting_declined",
    "event_request_accepted",
    "event_request_declined",
)


class ActingFor:
    """A staff member as seen by the firm's own operations: a member of ``company``."""

    is_authenticated = True
    is_active = True
    is_staff = False
    is_admin = False
    role = "member"

    def __init__(self, staff, company) -> None:
        if not getattr(staff, "is_staff", False):
            raise Forbidden("staff only")
        self.staff, self.company = staff, company
        self.id = staff.id
        self.company_id = self.active_company_id = company.id
        self.active_company = company
        self.full_name, self.email = staff.full_name, staff.email
        self.locale, self.timezone = staff.locale, staff.timezone

    def belongs_to(self, company_id: int | None) -> bool:
        return company_id is not None and company_id == self.company.id

    def can_manage_center(self, center_id: int) -> bool:
        return False

    def can_edit_company(self, company) -> bool:
        return company.id == self.company.id


def _mark(staff, company, partner_id: int | None, what: str, kind: str, target_id: int, link: str) -> None:
    """Both firms are told the staff acted; the audit log keeps it."""
    for cid in (company.id, partner_id):
        if cid is not None:
            notify(cid, "by_staff", link, name=company.name, what=what, center_id=staff.center_id)
    audit.record(
        staff,
        AuditAction.ACT_FOR_FIRM,
        kind,
        target_id,
        company_id=company.id,
        summary=company.name,
        after={"action": what, "partner_id": partner_id},
    )


def register_for_event(staff, company, event):
    from ..events import services as events

    if not event.can_manage(staff):
        raise NotFound("no such event")
    reg = events.register(event, ActingFor(staff, company))
    _mark(staff, company, None, "event_registered", "event", event.id, f"/events/{event.id}")
    return reg


def request_meeting(staff, company, partner_id, room, start, end, topic: str = "", attendees: int = 2):
    """A meeting request of ``company`` in a room of a center the staff member manages."""
    from ..meetings import services as meetings

    if room is not None and not staff.can_manage_center(room.center_id):
        raise Forbidden("not this center")
    meeting = meetings.request_meeting(
        ActingFor(staff, company),
        partner_id,
        start,
        end,
        room_id=room.id if room is not None else None,
        topic=topic,
        attendees=attendees,
    )
    _mark(
        staff,
        company,
        meeting.partner_id,
        "meeting_requested",
        "meeting",
        meeting.id,
        f"/meetings/{meeting.id}",
    )
    return meeting


def answer_meeting(staff, company, meeting, accept: bool):
    from ..meetings import services as meetings

    room = meeting.room
    if room is not None and not staff.can_manage_center(room.center_id):
        raise Forbidden("not this center")
    proxy = ActingFor(staff, company)
    if accept:
        meetings.accept(meeting, proxy)
    else:
        meetings.decline(meeting, proxy)
    what = "meeting_accepted" if accept else "meeting_declined"
    other = meeting.other_company_id(company.id)
    _mark(staff, company, other, what, "meeting", meeting.id, f"/meetings/{meeting.id}")
    return meeting


def answer_event_request(staff, company, event, req, accept: bool):
    from ..events import services as events

    if not event.can_manage(staff):
        raise NotFound("no such event")
    result = events.answer_request(event, ActingFor(staff, company), req, accept)
    what = "event_request_accepted" if accept else "event_request_declined"
    _mark(staff, company, req.requester_id, what, "event_request", req.id, f"/events/{event.id}")
    return result


def waiting_for(company) -> dict:
    """What waits for the firm's answer: meeting requests and brokerage-day requests."""
    from ..events.models import EventRequest, RequestStatus
    from ..meetings.models import Meeting, MeetingStatus

    meetings = [
        m
        for m in db.session.scalars(
            select(Meeting)
            .where(
                Meeting.status == MeetingStatus.REQUESTED,
                (Meeting.requester_id == company.id) | (Meeting.partner_id == company.id),
            )
            .order_by(Meeting.start_at)
        )
        if m.awaiting_company_id() == company.id
    ]
    requests = list(
        db.session.scalars(
            select(EventRequest)
            .where(EventRequest.partner_id == company.id, EventRequest.status == RequestStatus.PENDING)
            .order_by(EventRequest.id)
        )
    )
    return {"meetings": meetings, "requests": requests}
