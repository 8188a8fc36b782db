"""Company operations shared by views, CLI, import and API. They flush; the caller commits."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date

from blinker import Namespace
from flask_babel import gettext as _
from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from ..core.ids import valid_id
from ..core.places import matching_cities
from ..core.profiles import Problem, clean_company
from ..dbtypes import utcnow
from ..errors import DomainError
from ..extensions import db
from .models import Company, CompanySector

signals = Namespace()
#: sent with ``company`` after a profile's matching-relevant data changed (flushed, not committed)
company_changed = signals.signal("company-changed")
#: sent with a list of company ids after a bulk write (CSV import)
bulk_changed = signals.signal("companies-bulk-changed")
_batch: ContextVar[list[int] | None] = ContextVar("company_change_batch", default=None)


@contextmanager
def batch_changes() -> Iterator[list[int]]:
    """Collect profile changes and announce them once, as a bulk change, when the block succeeds."""
    ids: list[int] = []
    token = _batch.set(ids)
    try:
        yield ids
    finally:
        _batch.reset(token)
    if ids:
        bulk_changed.send(list(dict.fromkeys(ids)))


def _changed(company: Company) -> None:
    batch = _batch.get()
    if batch is not None:
        batch.append(company.id)
    else:
        company_changed.send(company)


def problems_to_error(problems: list[Problem]) -> DomainError:
    fields: dict[str, list[str]] = {}
    for p in problems:
        fields.setdefault(p.field, []).append(_(p.message, **p.params))
    first = next(iter(fields.values()))[0]
    return DomainError(first, fields=fields)


def create_company(**data) -> Company:
    clean, problems = clean_company(data, current_year=date.today().year)
    if problems:
        raise problems_to_error(problems)
    if clean.get("external_id") and get_by_external_id(clean["external_id"]) is not None:
        raise DomainError(_("A firm with this external id already exists."), field="external_id")
    company = Company()
    _assign(company, clean)
    db.session.add(company)
    db.session.flush()
    _changed(company)
    return company


def update_company(company: Company, data: dict) -> Company:
    clean, problems = clean_company(data, partial=True, current_year=date.today().year)
    if problems:
        raise problems_to_error(problems)
    if "external_id" in clean and clean["external_id"] != company.external_id and clean["external_id"]:
        other = get_by_external_id(clean["external_id"])
        if other is not None and other.id != company.id:
            raise DomainError(_("A firm with this external id already exists."), field="external_id")
    if _assign(company, clean):
        db.session.flush()
        _changed(company)
    return company


def differs(company: Company, key: str, value) -> bool:
    """Whether setting ``key`` to ``value`` would change the profile."""
    return getattr(company, key) != value


def _assign(company: Company, clean: dict) -> bool:
    """Set the given fields; True when anything changed (then ``updated_at`` moves too, since a
    change of sectors alone touches only child rows)."""
    changed = False
    for key, value in clean.items():
        if not differs(company, key, value):
            continue
        changed = True
        if key == "sectors":
            company.sectors = value
        else:
            setattr(company, key, value)
    if changed:
        company.updated_at = utcnow()
        company.verification_rejected_at = None  # a changed profile goes back to the staff's queue
    return changed


def set_verified(company: Company, verified: bool) -> None:
    company.verified = verified
    if verified:
        company.verification_rejected_at, company.verification_reason = None, ""
    company.updated_at = utcnow()
    db.session.flush()
    _changed(company)


def set_hidden(company: Company, hidden: bool) -> None:
    company.hidden = hidden
    company.updated_at = utcnow()
    db.session.flush()
    _changed(company)


def get_by_external_id(external_id: str) -> Company | None:
    return db.session.scalar(select(Company).where(Company.external_id == external_id))


def get_company(company_id: int) -> Company | None:
    return db.session.get(Company, company_id) if valid_id(company_id) else None


@dataclass
class DirectoryQuery:
    q: str = ""
    country: str = ""
    section: str = ""
    division: str = ""
    sector: str = ""
    city: str = ""
    verified: bool = False
    sort: str = ""
    page: int = 1
    per_page: int = 20
    include_hidden: bool = False


@dataclass
class DirectoryPage:
    items: list[Company]
    total: int
    page: int
    per_page: int
    suggestions: list[str] = field(default_factory=list)  # "did you mean …", when nothing matched

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def _filtered(query: DirectoryQuery) -> Select:
    stmt = select(Company)
    if not query.include_hidden:
        stmt = stmt.where(Company.hidden.is_(False))
    if query.country in ("AZ", "RU"):
        stmt = stmt.where(Company.country == query.country)
    if query.verified:
        stmt = stmt.where(Company.verified.is_(True))
    if query.city:
        cities = matching_cities(query.city, distinct_cities())
        stmt = stmt.where(Company.city.in_(cities or [query.city]))
    for column, value in (
        (CompanySector.code, query.sector),
        (CompanySector.division, query.division),
        (CompanySector.section, query.section),
    ):
        if value:
            stmt = stmt.where(Company.id.in_(select(CompanySector.company_id).where(column == value)))
    return stmt


def directory(query: DirectoryQuery) -> DirectoryPage:
    per_page = max(1, min(int(query.per_page or 20), 100))
    stmt = _filtered(query)
    if query.q.strip():
        from .search import find

        found = find(query.q, limit=300)
        if not found.hits:
            return DirectoryPage([], 0, 1, per_page, found.suggestions)
        ids = [cid for cid, _score in found.hits]
        allowed = set(db.session.scalars(stmt.with_only_columns(Company.id).where(Company.id.in_(ids))))
        ordered = [cid for cid in ids if cid in allowed]
        total = len(ordered)
        page = clamp_page(query.page, total, per_page)
        window = ordered[(page - 1) * per_page : page * per_page]
        rows = {
            c.id: c
            for c in db.session.scalars(
                select(Company).where(Company.id.in_(window)).options(selectinload(Company.sector_rows))
            )
        }
        return DirectoryPage([rows[i] for i in window if i in rows], total, page, per_page)
    total = db.session.scalar(stmt.with_only_columns(func.count(Company.id)).order_by(None)) or 0
    page = clamp_page(query.page, total, per_page)
    order = {
        "newest": (Company.created_at.desc(), Company.id.desc()),
        "updated": (Company.updated_at.desc(), Company.id.desc()),
        "country": (Company.country, Company.name, Company.id),
    }.get(query.sort, (Company.verified.desc(), Company.name, Company.id))
    items = list(
        db.session.scalars(
            stmt.options(selectinload(Company.sector_rows))
            .order_by(*order)
            .limit(per_page)
            .offset((page - 1) * per_page)
        )
    )
    return DirectoryPage(items, total, page, per_page)


def clamp_page(page, total: int, per_page: int) -> int:
    try:
        page = int(page)
    except (TypeError, ValueError):
        page = 1
    last = max(1, -(-total // per_page))
    return min(max(page, 1), last)


def distinct_cities() -> list[str]:
    """The cities of the listed firms, sorted (kept per worker until a firm changes)."""
    from .changes import kept_until_change

    return list(kept_until_change("cities", _distinct_cities))


def _distinct_cities() -> tuple[str, ...]:
    return tuple(
        db.session.scalars(
            select(Company.city)
            .where(Company.city != "", Company.hidden.is_(False))
            .distinct()
            .order_by(Company.city)
        )
    )


def verification_queue(limit: int = 100) -> list[Company]:
    """Listed firms not verified yet, newest first (the staff's verification page)."""
    return list(
        db.session.scalars(
            select(Company)
            .where(
                Company.verified.is_(False),
                Company.hidden.is_(False),
                Company.verification_rejected_at.is_(None),
            )
            .order_by(Company.created_at.desc())
            .limit(limit)
        )
    )
