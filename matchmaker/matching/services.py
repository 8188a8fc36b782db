"""Partner suggestions as the views, the API and the command line read them, and the firms'
decisions on them ("interested", "no thanks") and the matches those make.

The stored lists are written by :mod:`.refresh` (kept in step with every profile change) from the
worker's engine (:mod:`.engine_cache`); the reasons of a suggestion come from that engine.
"""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import delete, func, select

from ..companies.models import Company
from ..core.matching import Reason, band_label, band_of, render_reason, strength_label
from ..errors import DomainError, NotFound
from ..extensions import db
from ..notifications.models import Notification
from ..notifications.services import notify
from .engine_cache import engine
from .models import Decision, Interest, Suggestion
from .refresh import refill

__all__ = [
    "decide",
    "explain",
    "is_match",
    "matches_of",
    "reasons_text",
    "strength_text",
    "suggestions_for",
    "theirs_interested",
    "undo",
]

# ---- reading --------------------------------------------------------------------------------


def reasons_text(suggestion: Suggestion, lang: str) -> list[str]:
    """The reasons of a stored suggestion, in ``lang``, from the worker's engine."""
    return [render_reason(r, lang) for r in explain(suggestion.company_id, suggestion.partner_id)]


def strength_text(suggestion: Suggestion | None, score: float | None, lang: str) -> str:
    """The words for a suggestion's strength in ``lang`` ("Direct match", "Мало общего" …); a
    partner no longer in the stored list (``suggestion`` None) by the band of ``score``."""
    if score is None:
        return ""
    if suggestion is None:
        return band_label(band_of(score), lang)
    kinds = {r.kind for r in explain(suggestion.company_id, suggestion.partner_id)}
    return strength_label(score, "sector" in kinds, lang)


def explain(company_id: int, partner_id: int) -> list[Reason]:
    eng = engine()
    if company_id not in eng or partner_id not in eng:
        return []
    for lists in (eng.stored(company_id) or [], eng.ranked(company_id, k=200)):
        for found in lists:
            if found.partner_id == partner_id:
                return found.reasons  # worked out lazily by the engine, for this pair only
    return []


def suggestions_for(
    company_id: int, limit: int | None = None
) -> list[tuple[Suggestion, Company, Interest | None]]:
    stmt = (
        select(Suggestion, Company)
        .join(Company, Company.id == Suggestion.partner_id)
        .where(Suggestion.company_id == company_id, Company.hidden.is_(False))
        .order_by(Suggestion.score.desc(), Suggestion.partner_id)
    )
    if limit:
        stmt = stmt.limit(limit)
    pairs = db.session.execute(stmt).all()
    mine = {
        i.partner_id: i for i in db.session.scalars(select(Interest).where(Interest.company_id == company_id))
    }
    return [
        (s, c, mine.get(c.id))
        for s, c in pairs
        if not (mine.get(c.id) and mine[c.id].decision == Decision.DECLINED)
    ]


def theirs_interested(company_id: int) -> set[int]:
    """Firms that said "interested" in this one."""
    return set(
        db.session.scalars(
            select(Interest.company_id).where(
                Interest.partner_id == company_id, Interest.decision == Decision.INTERESTED
            )
        )
    )


def is_match(a: int, b: int) -> bool:
    n = db.session.scalar(
        select(func.count(Interest.id)).where(
            Interest.decision == Decision.INTERESTED,
            ((Interest.company_id == a) & (Interest.partner_id == b))
            | ((Interest.company_id == b) & (Interest.partner_id == a)),
        )
    )
    return n == 2


def matches_of(company_id: int) -> list[Company]:
    mine = select(Interest.partner_id).where(
        Interest.company_id == company_id, Interest.decision == Decision.INTERESTED
    )
    theirs = select(Interest.company_id).where(
        Interest.partner_id == company_id, Interest.decision == Decision.INTERESTED
    )
    return list(
        db.session.scalars(
            select(Company).where(Company.id.in_(mine), Company.id.in_(theirs)).order_by(Company.name)
        )
    )


# ---- deciding -------------------------------------------------------------------------------


def decide(user, company_id: int, partner_id: int, decision: str) -> bool:
    """Record a :class:`Decision` ("interested" or "declined"). Returns True when this made a match.
    Flushes only."""
    try:
        decision = Decision(decision)
    except ValueError:
        raise DomainError(_("Unknown decision."), field="decision") from None
    if not user.belongs_to(company_id):
        raise NotFound(_("No such firm."))
    me, partner = db.session.get(Company, company_id), db.session.get(Company, partner_id)
    if partner is None or partner.hidden or me is None:
        raise NotFound(_("No such firm."))
    if partner.country == me.country:
        raise DomainError(_("Partners are firms of the other country."), field="partner_id")
    was = _record(user, company_id, partner_id, decision)
    if decision == Decision.DECLINED:
        db.session.execute(
            delete(Suggestion).where(Suggestion.company_id == company_id, Suggestion.partner_id == partner_id)
        )
        refill(company_id)
        return False
    if was == Decision.DECLINED:  # changed its mind: the partner may come back into the list
        refill(company_id)
    if was == Decision.INTERESTED:
        return False
    if is_match(company_id, partner_id):
        notify(partner_id, "match", link=f"/companies/{company_id}", about=me, name=me.name)
        notify(company_id, "match", link=f"/companies/{partner_id}", about=partner, name=partner.name)
        return True
    if not _told(partner_id, "interest", f"/companies/{company_id}"):  # once, however often undone
        notify(partner_id, "interest", link=f"/companies/{company_id}", name=me.name)
    return False


def _told(company_id: int, kind: str, link: str) -> bool:
    """Whether this firm was already told this news (an interest taken back and given again is not
    news twice)."""
    return (
        db.session.scalar(
            select(Notification.id)
            .where(
                Notification.company_id == company_id, Notification.kind == kind, Notification.link == link
            )
            .limit(1)
        )
        is not None
    )


def undo(user, company_id: int, partner_id: int) -> str | None:
    """Take back this firm's answer to a partner ("interested" or "no thanks"): the partner is
    suggested again as if never answered (a declined one comes back into the stored list at its
    place). Returns the decision taken back (None: there was none). Flushes only."""
    if not user.belongs_to(company_id):
        raise NotFound(_("No such firm."))
    interest = db.session.scalar(
        select(Interest).where(Interest.company_id == company_id, Interest.partner_id == partner_id)
    )
    if interest is None:
        return None
    was = interest.decision
    db.session.delete(interest)
    db.session.flush()
    if was == Decision.DECLINED:
        refill(company_id)
    return was


def _record(user, company_id: int, partner_id: int, decision: Decision) -> str | None:
    """Store the decision (with the suggestion's score at the time); returns the one it replaced."""
    interest = db.session.scalar(
        select(Interest).where(Interest.company_id == company_id, Interest.partner_id == partner_id)
    )
    if interest is None:
        interest = Interest(company_id=company_id, partner_id=partner_id)
        db.session.add(interest)
    was = interest.decision
    interest.decision = decision
    interest.decided_by = user.id
    interest.score = db.session.scalar(
        select(Suggestion.score).where(
            Suggestion.company_id == company_id, Suggestion.partner_id == partner_id
        )
    )
    db.session.flush()
    return was
