"""Brokerage-day exports for the staff: the participants (presence windows and contact persons),
the schedule per table and per firm, as tables for CSV or XLSX (:mod:`matchmaker.exports`)."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from ..auth.models import Membership, User
from ..core.phones import national
from ..exports import Table
from ..extensions import db
from . import reports
from .models import Event, EventMeetingStatus


def _hhmm(value) -> str:
    return value.strftime("%H:%M")


def presence_windows(event: Event, present_slots: list[int] | None) -> str:
    """ "10:00–10:40, 14:30–15:30" from the slots a firm is present in (consecutive slots joined)."""
    times = event.slot_times()
    if present_slots is None:
        return _("all day")
    windows: list[list] = []
    for slot in sorted(s for s in present_slots if 0 <= s < len(times)):
        start, end = times[slot]
        if windows and windows[-1][1] == start:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    return ", ".join(f"{_hhmm(s)}–{_hhmm(e)}" for s, e in windows) or _("not present")


def _contacts(company_ids: list[int]) -> dict[int, list[User]]:
    found: dict[int, list[User]] = {}
    if company_ids:
        for user in db.session.scalars(
            select(User)
            .where(
                User.company_id.in_(company_ids), User.membership == Membership.ACTIVE, User.is_active_flag
            )
            .order_by(User.full_name, User.id)
        ):
            found.setdefault(user.company_id, []).append(user)
    return found


def participants(event: Event) -> Table:
    from .services import registrations

    regs = registrations(event)
    contacts = _contacts([r.company_id for r in regs])
    counts: dict[int, int] = {}
    for m in reports.table_plan(event):
        for meeting in m.meetings:
            for cid in meeting.company_ids:
                counts[cid] = counts.get(cid, 0) + 1
    table = Table(
        _("Participants"),
        [
            _("Firm"),
            _("Country"),
            _("City"),
            _("Present"),
            _("Contact persons"),
            _("Contact e-mails"),
            _("Firm's e-mail"),
            _("Phone"),
            _("Scheduled meetings"),
        ],
    )
    for reg in regs:
        firm = reg.company
        people = contacts.get(firm.id, [])
        table.rows.append(
            [
                firm.name,
                firm.country,
                firm.city,
                presence_windows(event, reg.present_slots),
                "; ".join(p.full_name or p.email for p in people),
                "; ".join(p.email for p in people),
                firm.email,
                national(firm.phone) if firm.phone else "",
                counts.get(firm.id, 0),
            ]
        )
    return table


def by_table(event: Event) -> Table:
    table = Table(
        _("Schedule by table"), [_("Table"), _("Start"), _("End"), _("Azerbaijani firm"), _("Russian firm")]
    )
    rows = []
    for plan in reports.table_plan(event):
        for m in plan.meetings:
            rows.append(
                (
                    m.table_no,
                    plan.slot,
                    [m.table_no, _hhmm(plan.start), _hhmm(plan.end), m.az_company.name, m.ru_company.name],
                )
            )
    table.rows = [r for *_k, r in sorted(rows, key=lambda x: (x[0], x[1]))]
    return table


def by_firm(event: Event) -> Table:
    table = Table(_("Schedule by firm"), [_("Firm"), _("Start"), _("End"), _("Table"), _("Partner")])
    rows = []
    for plan in reports.table_plan(event):
        for m in plan.meetings:
            if m.status != EventMeetingStatus.ACTIVE:
                continue
            for firm, partner in ((m.az_company, m.ru_company), (m.ru_company, m.az_company)):
                rows.append(
                    (
                        (firm.name.casefold(), plan.slot),
                        [firm.name, _hhmm(plan.start), _hhmm(plan.end), m.table_no, partner.name],
                    )
                )
    table.rows = [r for _k, r in sorted(rows, key=lambda x: x[0])]
    return table


KINDS = {"participants": participants, "tables": by_table, "firms": by_firm}
