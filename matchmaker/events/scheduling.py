"""Brokerage-day schedule: "schedule all", locks, moves, cancellations, publishing, no-shows, feedback.

Placements are written in two steps (drop the seats of the meetings that move and clear their
places, then set the new places and insert the seats), so the database's unique constraints are
checked on every intermediate state and any concurrent edit that would break the schedule ends in
an ``IntegrityError``, reported as a clean ``Conflict``. After publishing, each change raises the
meeting's iCalendar SEQUENCE and notifies both firms (``schedule_changed``).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError

from ..core.ids import valid_id
from ..core.scheduling import schedule_meetings, validate_schedule
from ..dbtypes import utcnow
from ..errors import Conflict, DomainError, Forbidden, NotFound
from ..extensions import db
from ..notifications.services import notify
from .models import (
    Event,
    EventFeedback,
    EventMeeting,
    EventMeetingStatus,
    EventRegistration,
    EventRequest,
    EventSeat,
    EventStatus,
    RequestStatus,
)
from .services import apply_lapses

Placement = tuple[int, int] | None  # (slot, table_no) or unscheduled


@dataclass
class RunResult:
    meetings: int
    scheduled: int
    unscheduled: int
    locked: int
    changed: int
    optimal: bool
    idle_slots: int


def active_meetings(event: Event) -> list[EventMeeting]:
    return list(
        db.session.scalars(
            select(EventMeeting)
            .where(EventMeeting.event_id == event.id, EventMeeting.status == EventMeetingStatus.ACTIVE)
            .order_by(EventMeeting.id)
        )
    )


def get_meeting(event: Event, meeting_id: int) -> EventMeeting:
    meeting = db.session.get(EventMeeting, meeting_id) if valid_id(meeting_id) else None
    if meeting is None or meeting.event_id != event.id:
        raise NotFound(str(_l("No such meeting.")))
    return meeting


def _conflict_message(exc: IntegrityError) -> str:
    text = str(exc.orig)
    if "event_seats" in text:
        return str(_l("A firm would have two meetings in the same slot; the schedule was not changed."))
    if "event_meetings" in text:
        return str(_l("That table is taken in that slot; the schedule was not changed."))
    return str(_l("The schedule was changed by someone else meanwhile; please try again."))


def _place(event: Event, changes: dict[EventMeeting, Placement]) -> None:
    """Write new placements. Raises ``Conflict`` when the database refuses them."""
    if not changes:
        return
    ids = [m.id for m in changes]
    try:
        with db.session.begin_nested():
            db.session.execute(delete(EventSeat).where(EventSeat.meeting_id.in_(ids)))
            for meeting in changes:
                meeting.slot = meeting.table_no = None
            db.session.flush()
            seats = []
            for meeting, where in changes.items():
                if where is not None:
                    meeting.slot, meeting.table_no = where
                    seats += [
                        {"event_id": event.id, "meeting_id": meeting.id, "company_id": cid, "slot": where[0]}
                        for cid in meeting.company_ids
                    ]
                meeting.sequence += 1
            db.session.flush()
            if seats:
                db.session.execute(insert(EventSeat), seats)
    except IntegrityError as exc:
        raise Conflict(_conflict_message(exc)) from None


def _notify_changed(event: Event, meetings, kind: str = "schedule_changed") -> None:
    """Once published, each firm whose agenda changed is told (with an e-mail naming the meetings
    that moved); publishing itself tells every firm with a meeting that its agenda is ready."""
    if event.status != EventStatus.PUBLISHED:
        return
    meetings = list(meetings)
    for company_id in sorted({cid for m in meetings for cid in m.company_ids}):
        about = (
            event
            if kind == "schedule_published"
            else (event, [m for m in meetings if company_id in m.company_ids])
        )
        notify(company_id, kind, f"/events/{event.id}/agenda", about=about, event_id=event.id)


def _presence(event: Event) -> dict[int, list[int]]:
    return {
        r.company_id: list(r.present_slots)
        for r in db.session.scalars(
            select(EventRegistration).where(
                EventRegistration.event_id == event.id, EventRegistration.present_slots.is_not(None)
            )
        )
    }


def run_schedule(event: Event, time_limit: float = 1.0) -> RunResult:
    """ "Schedule all": locked meetings stay where they are; every other accepted meeting is placed
    anew by :func:`matchmaker.core.scheduling.schedule_meetings` (as many as fit, compact days)."""
    if not event.schedulable:
        raise Conflict(str(_l("Not possible in the event's current state.")))
    apply_lapses(event)
    meetings = active_meetings(event)
    slots, tables = event.slot_count, event.tables
    requests = [m.company_ids for m in meetings]
    fixed = {i: (m.slot, m.table_no - 1) for i, m in enumerate(meetings) if m.locked and m.slot is not None}
    availability = _presence(event)
    try:
        result = schedule_meetings(
            requests, tables, slots=slots, availability=availability, fixed=fixed, time_limit=time_limit
        )
        validate_schedule(requests, result, tables, slots, availability, fixed, raise_errors=True)
    except ValueError as exc:
        raise DomainError(
            str(_l("The locked meetings cannot be kept: %(detail)s", detail=str(exc)))
        ) from None
    changes: dict[EventMeeting, Placement] = {}
    for i, meeting in enumerate(meetings):
        s_t = result.assignments.get(i)
        new = None if s_t is None else (s_t[0], s_t[1] + 1)
        old = None if meeting.slot is None else (meeting.slot, meeting.table_no)
        if new != old:
            changes[meeting] = new
    _place(event, changes)
    if event.status == EventStatus.OPEN:
        event.status = EventStatus.SCHEDULED
    db.session.flush()
    _notify_changed(event, changes)
    return RunResult(
        meetings=len(meetings),
        scheduled=result.scheduled,
        unscheduled=len(result.unscheduled),
        locked=len(fixed),
        changed=len(changes),
        optimal=result.optimal,
        idle_slots=result.idle_slots,
    )


def _editable(event: Event) -> None:
    if not event.schedule_editable:
        raise Conflict(str(_l("Not possible in the event's current state.")))


def set_locked(event: Event, meeting: EventMeeting, locked: bool) -> None:
    _editable(event)
    if locked and not meeting.scheduled:
        raise Conflict(str(_l("Only a scheduled meeting can be locked.")))
    meeting.locked = locked
    db.session.flush()


def move_meeting(event: Event, meeting: EventMeeting, slot: int, table_no: int) -> None:
    """Staff reschedule one meeting by hand; the meeting is then locked (kept by later runs)."""
    _editable(event)
    if meeting.status != EventMeetingStatus.ACTIVE:
        raise Conflict(str(_l("This meeting is cancelled.")))
    if not 0 <= slot < event.slot_count:
        raise DomainError(str(_l("Choose a slot of this brokerage day.")), field="slot")
    if not 1 <= table_no <= event.tables:
        raise DomainError(str(_l("Choose a table from 1 to %(n)d.", n=event.tables)), field="table_no")
    for reg in db.session.scalars(
        select(EventRegistration).where(
            EventRegistration.event_id == event.id, EventRegistration.company_id.in_(meeting.company_ids)
        )
    ):
        if not reg.present_in(slot):
            raise DomainError(
                str(_l("%(name)s is not present in that slot.", name=reg.company.name)), field="slot"
            )
    if (meeting.slot, meeting.table_no) == (slot, table_no):
        return
    _place(event, {meeting: (slot, table_no)})
    meeting.locked = True
    db.session.flush()
    _notify_changed(event, [meeting])


def cancel_meeting(event: Event, meeting: EventMeeting) -> None:
    _editable(event)
    if meeting.status != EventMeetingStatus.ACTIVE:
        return
    was_placed = meeting.slot is not None
    _place(event, {meeting: None})
    meeting.status, meeting.locked = EventMeetingStatus.CANCELLED, False
    if meeting.request_id:
        req = db.session.get(EventRequest, meeting.request_id)
        req.status = RequestStatus.CANCELLED
    db.session.flush()
    if was_placed:
        _notify_changed(event, [meeting])


def restore_meeting(
    event: Event, meeting: EventMeeting, slot: int | None = None, table_no: int | None = None, locked=False
) -> bool:
    """Undo a cancellation: the meeting is on again, back at ``(slot, table_no)`` when that place
    is still free (True; the two firms are told again), else waiting for the next "schedule all"
    (False)."""
    _editable(event)
    if meeting.status != EventMeetingStatus.CANCELLED:
        return meeting.slot is not None
    meeting.status = EventMeetingStatus.ACTIVE
    if meeting.request_id:
        req = db.session.get(EventRequest, meeting.request_id)
        if req is not None:
            req.status = RequestStatus.ACCEPTED
    db.session.flush()
    if (
        slot is None
        or table_no is None
        or not (0 <= slot < event.slot_count and 1 <= table_no <= event.tables)
    ):
        return False
    try:
        _place(event, {meeting: (slot, table_no)})
    except Conflict:
        return False
    meeting.locked = bool(locked)
    db.session.flush()
    _notify_changed(event, [meeting])
    return True


def publish(event: Event) -> None:
    """Publish the schedule: every firm with a meeting is told its agenda is ready."""
    if event.status != EventStatus.SCHEDULED:
        raise Conflict(str(_l("Not possible in the event's current state.")))
    event.status = EventStatus.PUBLISHED
    event.published_at = utcnow()
    db.session.flush()
    _notify_changed(event, [m for m in active_meetings(event) if m.slot is not None], "schedule_published")


# no-shows and feedback ----------------------------------------------------------------------------
def _feedback_row(meeting: EventMeeting, company_id: int) -> EventFeedback:
    row = meeting.feedback_of(company_id)
    if row is None:
        row = EventFeedback(meeting_id=meeting.id, company_id=company_id)
        meeting.feedback.append(row)
    return row


def mark_no_show(event: Event, meeting: EventMeeting, company_id: int, absent: bool) -> None:
    """Staff mark a firm absent (or present again). Not a schedule change: nobody is notified."""
    if not event.schedule_visible:
        raise Conflict(str(_l("Not possible in the event's current state.")))
    if company_id not in meeting.company_ids or not meeting.scheduled:  # (any int is safe here)
        raise NotFound(str(_l("No such meeting.")))
    _feedback_row(meeting, company_id).no_show = absent
    db.session.flush()


def feedback_open(event: Event, meeting: EventMeeting) -> bool:
    if not meeting.scheduled or not event.schedule_visible:
        return False
    return event.status == EventStatus.CLOSED or utcnow() >= event.slot_times()[meeting.slot][1]


def save_feedback(event: Event, meeting: EventMeeting, user, data: dict) -> EventFeedback:
    company_id = user.active_company_id
    if company_id not in meeting.company_ids:
        raise Forbidden(str(_l("Only the firms of this meeting can give feedback.")))
    if not feedback_open(event, meeting):
        raise Conflict(str(_l("Feedback opens when the meeting is over.")))
    row = _feedback_row(meeting, company_id)
    row.took_place = data["took_place"]
    row.usefulness = data["usefulness"] if data["took_place"] else None
    row.follow_up = data["follow_up"]
    row.comment = (data.get("comment") or "").strip()
    row.submitted_at = utcnow()
    db.session.flush()
    return row
