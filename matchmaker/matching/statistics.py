"""Matching statistics for staff: how many suggestions, how they were answered, how many matches,
by country direction and by pair of sector sections."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, func, select

from ..companies.models import Company, CompanySector
from ..extensions import db
from .models import Decision, Interest, Suggestion

__all__ = ["statistics"]


def statistics() -> dict[str, Any]:
    total = db.session.scalar(select(func.count()).select_from(Suggestion)) or 0
    firms_with = db.session.scalar(select(func.count(func.distinct(Suggestion.company_id)))) or 0
    decided = dict(
        db.session.execute(
            select(Interest.decision, func.count(Interest.id)).group_by(Interest.decision)
        ).all()
    )
    mutual = _mutual_matches()
    interested = decided.get(Decision.INTERESTED, 0)
    return {
        "suggestions": total,
        "firms_with_suggestions": firms_with,
        "interested": interested,
        "declined": decided.get(Decision.DECLINED, 0),
        "matches": mutual,
        "interest_rate": interested / total if total else 0.0,
        "match_rate": mutual / interested if interested else 0.0,
        "directions": _by_direction(),
        "sectors": _by_sector_pair(),
    }


def _mutual_matches() -> int:
    """Pairs of firms interested in each other."""
    a, b = Interest.__table__.alias("a"), Interest.__table__.alias("b")
    return (
        db.session.scalar(
            select(func.count())
            .select_from(a)
            .join(b, and_(a.c.company_id == b.c.partner_id, a.c.partner_id == b.c.company_id))
            .where(
                a.c.decision == Decision.INTERESTED,
                b.c.decision == Decision.INTERESTED,
                a.c.company_id < a.c.partner_id,
            )
        )
        or 0
    )


def _by_direction() -> dict[str, dict[str, int]]:
    """Decisions by the country of the firm that decided: {"AZ→RU": {decision: count}, …}."""
    me = Company.__table__.alias("me")
    rows = db.session.execute(
        select(me.c.country, Interest.decision, func.count(Interest.id))
        .join(me, me.c.id == Interest.company_id)
        .group_by(me.c.country, Interest.decision)
    ).all()
    directions: dict[str, dict[str, int]] = {}
    for country, decision, n in rows:
        directions.setdefault(f"{country}→{'RU' if country == 'AZ' else 'AZ'}", {})[decision] = n
    return directions


def _by_sector_pair() -> list[tuple[tuple[str, str], dict[str, int]]]:
    """Decisions by the sections of the two firms' first sectors, the 30 most decided pairs."""
    s1, s2 = CompanySector.__table__.alias("s1"), CompanySector.__table__.alias("s2")
    rows = db.session.execute(
        select(s1.c.section, s2.c.section, Interest.decision, func.count(Interest.id))
        .join(s1, and_(s1.c.company_id == Interest.company_id, s1.c.position == 0))
        .join(s2, and_(s2.c.company_id == Interest.partner_id, s2.c.position == 0))
        .group_by(s1.c.section, s2.c.section, Interest.decision)
    ).all()
    sectors: dict[tuple[str, str], dict[str, int]] = {}
    for sa, sb, decision, n in rows:
        sectors.setdefault((sa, sb), {})[decision] = n
    return sorted(sectors.items(), key=lambda kv: -sum(kv[1].values()))[:30]
