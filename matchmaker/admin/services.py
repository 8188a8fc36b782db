"""The staff's verification queue: the firms waiting (or turned down), searched and filtered; verify
several at once; turn one down with a reason the firm is told in its own language; put it back.

Turning down leaves the firm listed and unverified, out of the queue until it changes its profile
(:func:`matchmaker.companies.services.update_company` puts it back). The firm's members read the
reason in a notification (there is no e-mail of that kind); the staff's words go as they wrote them.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select

from ..auth.models import User
from ..companies import services as company_services
from ..companies.models import Company
from ..core.ids import valid_id
from ..dbtypes import utcnow
from ..errors import DomainError
from ..extensions import db
from ..notifications.services import notify

WAITING, REJECTED = "waiting", "rejected"
STATUSES = (WAITING, REJECTED)
PER_PAGE = 50
REASON_MAX = 1000


@dataclass
class QueueRow:
    company: Company
    contact: User | None  # the member who registered the firm (the first one)


@dataclass
class QueuePage:
    rows: list[QueueRow]
    total: int
    page: int
    pages: int


def _contacts(company_ids: list[int]) -> dict[int, User]:
    """Each firm's first member (by registration): its contact person."""
    found: dict[int, User] = {}
    if company_ids:
        for user in db.session.scalars(
            select(User).where(User.company_id.in_(company_ids)).order_by(User.created_at, User.id)
        ):
            found.setdefault(user.company_id, user)
    return found


def queue(q: str = "", country: str = "", status: str = WAITING, page: int = 1) -> QueuePage:
    """Unverified listed firms, oldest request first (first come, first served)."""
    where = [Company.verified.is_(False), Company.hidden.is_(False)]
    if status == REJECTED:
        where.append(Company.verification_rejected_at.is_not(None))
    else:
        where.append(Company.verification_rejected_at.is_(None))
    if country in ("AZ", "RU"):
        where.append(Company.country == country)
    q = " ".join(q.split())[:100]
    if q:
        like = f"%{q.lower()}%"
        members = select(User.company_id).where(
            or_(func.lower(User.email).like(like), func.lower(User.full_name).like(like))
        )
        where.append(
            or_(
                func.lower(Company.name).like(like),
                func.lower(Company.city).like(like),
                func.lower(Company.email).like(like),
                func.lower(Company.website).like(like),
                Company.id.in_(members),
            )
        )
    total = db.session.scalar(select(func.count(Company.id)).where(*where)) or 0
    page = company_services.clamp_page(page, total, PER_PAGE)
    companies = list(
        db.session.scalars(
            select(Company)
            .where(*where)
            .order_by(Company.created_at, Company.id)
            .offset((page - 1) * PER_PAGE)
            .limit(PER_PAGE)
        )
    )
    contacts = _contacts([c.id for c in companies])
    rows = [QueueRow(c, contacts.get(c.id)) for c in companies]
    return QueuePage(rows, total, page, max(1, -(-total // PER_PAGE)))


def waiting_count() -> int:
    return queue().total


def _companies(ids) -> list[Company]:
    ids = sorted({i for i in ids if valid_id(i)})
    if not ids:
        return []
    return list(db.session.scalars(select(Company).where(Company.id.in_(ids)).order_by(Company.id)))


def verify_many(ids) -> list[Company]:
    """Verify the chosen firms (those verified already are left as they are); each is told."""
    done = []
    for company in _companies(ids):
        if company.verified:
            continue
        company_services.set_verified(company, True)
        notify(company.id, "verification_granted", f"/companies/{company.id}")
        done.append(company)
    if not done:
        raise DomainError(str(_l("Choose at least one firm to verify.")), field="company_ids")
    return done


def reject(company: Company, reason: str) -> None:
    """Turn the verification down: the firm leaves the queue and is told why."""
    reason = reason.strip()
    if not reason:
        raise DomainError(str(_l("Tell the firm why (it reads this).")), field="reason")
    if len(reason) > REASON_MAX:
        raise DomainError(
            str(_l("At most %(n)d characters.", n=REASON_MAX)),
            field="reason",
        )
    if company.verified:
        raise DomainError(str(_l("This firm is verified already.")), field="reason")
    company.verification_rejected_at, company.verification_reason = utcnow(), reason
    db.session.flush()
    notify(company.id, "verification_rejected", f"/companies/{company.id}/edit", reason=reason)


def reopen(company: Company) -> None:
    """Undo a rejection: the firm is back in the queue (it was told already; nothing more is sent)."""
    company.verification_rejected_at, company.verification_reason = None, ""
    db.session.flush()


def queue_contact(company: Company) -> User | None:
    return _contacts([company.id]).get(company.id)
