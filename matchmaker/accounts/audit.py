"""The audit log of staff and admin actions: who, when, what, and the values before and after.

The web layer records an action right after the service call that made it, in the same
transaction (:func:`record` only adds and flushes), so a refused or rolled-back action leaves no
entry and a committed one always has its entry. Members acting for their own firm are not
audited; staff and administrators are, whatever they act on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from ..extensions import db
from .models import AuditAction, AuditEntry

#: the fields of a firm whose change is shown in an edit's before/after
FIRM_FIELDS = (
    "name",
    "country",
    "city",
    "sectors",
    "offers",
    "needs",
    "languages",
    "website",
    "email",
    "phone",
    "description",
    "size_band",
    "year_founded",
    "verified",
    "hidden",
    "external_id",
)


def firm_snapshot(company) -> dict[str, Any]:
    return {key: getattr(company, key) for key in FIRM_FIELDS}


def changed(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the keys whose value differs, on both sides."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}


def record(
    actor,
    action: AuditAction,
    target_kind: str,
    target_id: int | None,
    *,
    company_id: int | None = None,
    summary: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry | None:
    """Log a staff or admin action; a member's own doing is not logged (``None``)."""
    if actor is None or not getattr(actor, "is_staff", False):
        return None
    entry = AuditEntry(
        actor_id=actor.id,
        actor_role=str(actor.role),
        action=AuditAction(action),
        target_kind=target_kind[:20],
        target_id=target_id,
        company_id=company_id,
        summary=(summary or "")[:300],
        before=_jsonable(before or {}),
        after=_jsonable(after or {}),
    )
    db.session.add(entry)
    db.session.flush()
    return entry


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    from .privacy import _plain

    return {k: _plain(v) for k, v in values.items()}


@dataclass
class AuditPage:
    entries: list[AuditEntry]
    total: int
    page: int
    pages: int


def _filtered(action: str | None, company_id: int | None):
    query = select(AuditEntry)
    if action in tuple(AuditAction):
        query = query.where(AuditEntry.action == action)
    if company_id is not None:
        query = query.where(AuditEntry.company_id == company_id)
    return query


def listing(action: str | None = None, company_id: int | None = None, page: int = 1, per_page: int = 50):
    query = _filtered(action, company_id)
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    pages = max(1, -(-total // per_page))
    page = min(max(1, page), pages)
    entries = db.session.scalars(
        query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    return AuditPage(list(entries), total, page, pages)


def actors(entries: Iterable[AuditEntry]) -> dict[int, Any]:
    from ..auth.models import User

    ids = {e.actor_id for e in entries if e.actor_id is not None}
    if not ids:
        return {}
    return {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(ids)))}


CSV_HEADER = [
    "id",
    "at",
    "actor_id",
    "actor_email",
    "actor_role",
    "action",
    "target_kind",
    "target_id",
    "company_id",
    "summary",
    "before",
    "after",
]


def to_table(action: str | None = None, company_id: int | None = None):
    """The whole log (or the filtered part), oldest first, as a :class:`matchmaker.exports.Table`;
    before and after as JSON objects."""
    import json

    from ..exports import Table

    entries = db.session.scalars(_filtered(action, company_id).order_by(AuditEntry.id)).all()
    who = actors(entries)
    table = Table("audit", CSV_HEADER)
    for e in entries:
        actor = who.get(e.actor_id) if e.actor_id is not None else None
        table.rows.append(
            [
                e.id,
                e.at.isoformat(),
                e.actor_id or "",
                actor.email if actor else "",
                e.actor_role,
                e.action.value,
                e.target_kind,
                e.target_id if e.target_id is not None else "",
                e.company_id if e.company_id is not None else "",
                e.summary,
                json.dumps(e.before, ensure_ascii=False, sort_keys=True),
                json.dumps(e.after, ensure_ascii=False, sort_keys=True),
            ]
        )
    return table


def record_firm_edit(actor, company, before: dict[str, Any] | None = None, **after: Any) -> None:
    """Someone edited a firm that is not theirs (staff, admins): the changed fields since ``before``
    (a :func:`firm_snapshot`), or what ``after`` names; a member's edit of their own firm is not
    logged."""
    if actor.belongs_to(company.id):
        return
    old, new = changed(before, firm_snapshot(company)) if before is not None else (None, after)
    record(
        actor,
        AuditAction.EDIT_FIRM,
        "company",
        company.id,
        company_id=company.id,
        summary=company.name,
        before=old,
        after=new,
    )


def record_cancel(actor, meeting, was, reason: str) -> None:
    """Staff cancelled a meeting of two firms."""
    record(
        actor,
        AuditAction.CANCEL,
        "meeting",
        meeting.id,
        company_id=meeting.requester_id,
        summary=f"{meeting.requester_id} ↔ {meeting.partner_id}",
        before={"status": str(was)},
        after={"status": str(meeting.status), "reason": reason},
    )


def field_labels() -> dict[str, str]:
    """How the audit page names the fields in before/after (the CSV keeps the keys)."""
    from flask_babel import lazy_gettext as _l

    return {
        "name": _l("Firm name"),
        "country": _l("Country"),
        "city": _l("City"),
        "sectors": _l("Sectors (NACE Rev. 2)"),
        "offers": _l("What you offer"),
        "needs": _l("What you are looking for"),
        "languages": _l("Working languages"),
        "website": _l("Website"),
        "email": _l("E-mail"),
        "phone": _l("Phone"),
        "description": _l("About the firm"),
        "size_band": _l("Size"),
        "year_founded": _l("Year founded"),
        "verified": _l("Verified"),
        "hidden": _l("Hidden"),
        "logo": _l("Logo"),
        "status": _l("Status"),
        "reason": _l("Reason"),
        "slot": _l("Slot"),
        "table": _l("Table"),
        "locked": _l("Locked"),
        "role": _l("Role"),
        "center_id": _l("Business center"),
        "company_id": _l("Firm"),
        "partner_id": _l("Partner"),
        "active": _l("Active"),
        "action": _l("Action"),
    }
