"""A meeting named in one line, in the reader's language: with whom, when (with the zone's name)
and where: "with ООО Волга Агро, 15 dek 2026, 10:00–11:00, Bakı vaxtı (UTC+4), Kür danışıqlar
otağı, Həştərxan Biznes Mərkəzi". Confirmations, flashes and notifications use it, so that a
member always knows which meeting changed."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_login import current_user

from .. import timefmt
from ..companies.models import Company
from ..extensions import db


def when(meeting) -> str:
    """``15 dek 2026, 10:00–11:00, Bakı vaxtı (UTC+4)``."""
    tz = meeting.room.center.timezone
    start, end = meeting.start_at, meeting.end_at
    return f"{timefmt.local_date(start, tz)}, {timefmt.span_label(start, end, tz)}"


def place(meeting) -> str:
    """``Kür danışıqlar otağı, Həştərxan Biznes Mərkəzi``."""
    return f"{meeting.room.name}, {meeting.room.center.name}"


def counterpart(meeting, company_id: int | None = None) -> str:
    """The other firm's name for a member of ``company_id`` (the signed-in member's firm); both
    names for the staff."""
    if company_id is None and current_user and current_user.is_authenticated:
        company_id = current_user.active_company_id
    if meeting.involves(company_id):
        other = db.session.get(Company, meeting.other_company_id(company_id))
        return other.name if other else ""
    return f"{meeting.requester.name} – {meeting.partner.name}"


def describe(meeting, company_id: int | None = None) -> str:
    """The meeting as the member of ``company_id`` (the signed-in member's firm) names it."""
    name = counterpart(meeting, company_id)
    # Translators: one meeting named in a sentence: "with <firm>, <date, time and zone>, <room, center>"
    return _("with %(name)s, %(when)s, %(place)s", name=name, when=when(meeting), place=place(meeting))
