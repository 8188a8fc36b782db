"""Partner suggestions as the views, the API and the command line read them, and the firms'
decisions on them ("interested", "no thanks") and the matches those make.

The stored lists are written by :mod:`.refresh` (kept in step with every profile change) from the
worker's engine (:mod:`.engine_cache`); the reasons of a suggestion come from that engine.
"""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import gettext as _
from sqlalchemy import delete, func, select
from sqlalchemy.orm import load_only

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
    "interests_around",
    "is_match",
    "matches_of",
    "reasons_text",
    "strength_text",
    "reasons_of",
    "reasons_texts",
    "suggestions_for",
    "theirs_interested",
    "undo",
]

# ---- reading --------------------------------------------------------------------------------


def reasons_text(suggestion: Suggestion, lang: str) -> list[str]:
    """The reasons of a stored suggestion, in ``lang``, from the worker's engine."""
    return [render_reason(r, lang) for r in explain(suggestion.company_id, suggestion.partner_id)]


def strength_text(
    suggestion: Suggestion | None, score: float | None, lang: str, kinds: set[str] | None = None
) -> str:
    """The words for a suggestion's strength in ``lang`` ("Direct match", "Мало общего" …); a
    partner no longer in the stored list (``suggestion`` None) by the band of ``score``. ``kinds``:
    the kinds of its reasons when the list was explained already (else explained here)."""
    if score is None:
        return ""
    if suggestion is None:
        return band_label(band_of(score), lang)
    if kinds is None:
        kinds = {r.kind for r in explain(suggestion.company_id, suggestion.partner_id)}
    return strength_label(score, "sector" in kinds, lang)


def reasons_of(company_id: int, partner_ids: Iterable[int]) -> dict[int, list[Reason]]:
    """The reasons of one firm's suggestions, by partner: the whole list explained in one pass from
    the profiles (no ranking; a partner the engine does not hold has none)."""
    return engine().reasons(company_id, partner_ids)


def reasons_texts(company_id: int, partner_ids: Iterable[int], lang: str) -> dict[int, list[str]]:
    """:func:`reasons_of` worded in ``lang``."""
    found = reasons_of(company_id, partner_ids)
    return {pid: [render_reason(r, lang) for r in reasons] for pid, reasons in found.items()}


def explain(company_id: int, partner_id: int) -> list[Reason]:
    """Why ``partner_id`` suits ``company_id``: worked out from the two profiles the engine holds
    (the same reasons as the ranking's suggestion of that pair would carry)."""
    return engine().reasons(company_id, [partner_id]).get(partner_id, [])


_LISTED = (
    Company.id,
    Company.external_id,
    Company.name,
    Company.country,
    Company.city,
    Company.verified,
    Company.hidden,
)


def suggestions_for(
    company_id: int, limit: int | None = None, mine: dict[int, Interest] | None = None
) -> list[tuple[Suggestion, Company, Interest | None]]:
    """The firm's stored list, best first, with its own decision on each partner (``mine``: those
    decisions when the caller has read them already), without the partners it declined."""
    stmt = (
        select(Suggestion, Company)
        .join(Company, Company.id == Suggestion.partner_id)
        .where(Suggestion.company_id == company_id, Company.hidden.is_(False))
        .order_by(Suggestion.score.desc(), Suggestion.partner_id)
        .options(load_only(*_LISTED, raiseload=False))  # what a list shows, not the whole profile
    )
    if limit:
        stmt = stmt.limit(limit)
    pairs = db.session.execute(stmt).all()
    if mine is None:
        mine = {
            i.partner_id: i
            for i in db.session.scalars(select(Interest).where(Interest.company_id == company_id))
        }
    return [
        (s, c, mine.get(c.id))
        for s, c in pairs
        if not (mine.get(c.id) and mine[c.id].decision == Decision.DECLINED)
    ]


def interests_around(company_id: int) -> tuple[dict[int, Interest], set[int]]:
    """In one query: the firm's own decisions by partner, and the firms that said "interested" in
    it (what the partners page shows besides the list)."""
    mine: dict[int, Interest] = {}
    theirs: set[int] = set()
    for i in db.session.scalars(
        select(Interest).where((Interest.company_id == company_id) | (Interest.partner_id == company_id))
    ):
        if i.company_id == company_id:
            mine[i.partner_id] = i
        elif i.decision == Decision.INTERESTED:
            theirs.add(i.company_id)
    return mine, theirs


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


def matches_of(company_id: int, around: tuple[dict[int, Interest], set[int]] | None = None) -> list[Company]:
    """The firms interested in each other with this one, by name (``around``: what
    :func:`interests_around` read, so that only the matched firms are read, and only if any)."""
    if around is not None:
        mine, theirs = around
        ids = [p for p, i in mine.items() if i.decision == Decision.INTERESTED and p in theirs]
        if not ids:
            return []
        return list(db.session.scalars(select(Company).where(Company.id.in_(ids)).order_by(Company.name)))
    mine_q = select(Interest.partner_id).where(
        Interest.company_id == company_id, Interest.decision == Decision.INTERESTED
    )
    theirs_q = select(Interest.company_id).where(
        Interest.partner_id == company_id, Interest.decision == Decision.INTERESTED
    )
    return list(
        db.session.scalars(
            select(Company).where(Company.id.in_(mine_q), Company.id.in_(theirs_q)).order_by(Company.name)
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
