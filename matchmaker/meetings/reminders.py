"""Letters the clock causes: the day-before reminder of an accepted meeting (both firms: on the day
before, in the center's calendar, or within 24 hours of the start, whichever comes first) and the
warning that a request waiting for an answer expires within 24 hours (the firm that must answer).

Each is keyed (:func:`matchmaker.mail.outbox.queue_mail`): the reminder by meeting and start time
(a meeting moved to another time is reminded again), the warning by meeting and version, so
running the tick twice, or on two workers, sends each once."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from ..extensions import db
from ..mail.letters import mail_members
from .models import Meeting, MeetingStatus

AHEAD = timedelta(hours=24)


def reminder_due(meeting: Meeting, now: datetime) -> bool:
    """The day before: once it is the day before the meeting in the center's calendar, or the
    meeting starts within 24 hours, whichever comes first."""
    zone = ZoneInfo(meeting.room.center.timezone)
    day_before = meeting.start_at.astimezone(zone).date() - timedelta(days=1)
    return meeting.start_at - now <= AHEAD or now.astimezone(zone).date() >= day_before


def remind_due(now: datetime) -> int:
    """Accepted meetings of tomorrow (or of the next 24 hours): a reminder to each firm's members."""
    meetings = db.session.scalars(
        select(Meeting)
        .where(
            Meeting.status == MeetingStatus.ACCEPTED,
            Meeting.start_at > now,
            Meeting.start_at <= now + 2 * AHEAD,
        )
        .order_by(Meeting.start_at, Meeting.id)
    )
    count = 0
    for meeting in (m for m in meetings if reminder_due(m, now)):
        stamp = int(meeting.start_at.timestamp())
        for company_id in meeting.company_ids:
            count += mail_members(
                company_id,
                "meeting_reminder",
                meeting,
                key=f"reminder:m{meeting.id}:{stamp}",
                link=f"/meetings/{meeting.id}",
            )
    return count


def warn_expiring(now: datetime) -> int:
    """Requests that expire within the next 24 hours: the firm that must answer is told."""
    meetings = db.session.scalars(
        select(Meeting)
        .where(
            Meeting.status == MeetingStatus.REQUESTED,
            Meeting.expires_at > now,
            Meeting.expires_at <= now + AHEAD,
        )
        .order_by(Meeting.expires_at, Meeting.id)
    )
    count = 0
    for meeting in meetings:
        waiting = meeting.other_company_id(meeting.proposed_by_id)
        count += mail_members(
            waiting,
            "meeting_expiring",
            meeting,
            key=f"expiring:m{meeting.id}:s{meeting.sequence}",
            link=f"/meetings/{meeting.id}",
            name=meeting.requester.name if waiting == meeting.partner_id else meeting.partner.name,
        )
    return count
