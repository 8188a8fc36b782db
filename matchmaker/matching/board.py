"""A firm's partners page as tabs: suggested (not answered yet), interested (ours, not mutual yet),
mutual and declined, with the count of each. Read in a fixed number of queries (three), whatever
the number of rows; the reasons come from the worker's engine (no query per row)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Row, select

from ..companies.models import Company
from ..core.matching import Band, band_of
from ..extensions import db
from .models import Decision, Interest, Suggestion
from .services import theirs_interested

__all__ = ["TABS", "Board", "BoardRow", "board_of"]

TABS = ("suggested", "interested", "mutual", "declined")


@dataclass(slots=True)
class BoardRow:
    """One partner on a tab: the firm, its stored suggestion (None when no longer in the list), our
    decision (None: not answered) and whether they said "interested" in us."""

    company: Company
    suggestion: Suggestion | None
    interest: Interest | None
    interested_in_me: bool

    @property
    def score(self) -> float | None:
        if self.suggestion is not None:
            return self.suggestion.score
        return self.interest.score if self.interest is not None else None

    @property
    def band(self) -> Band | None:
        score = self.score
        return None if score is None else band_of(score)


@dataclass(slots=True)
class Board:
    tab: str
    rows: list[BoardRow]
    counts: dict[str, int] = field(default_factory=dict)


def board_of(company_id: int, tab: str, keep: int | None = None, before: int | None = None) -> Board:
    """The rows of ``tab`` (best first on "suggested", newest decision first elsewhere) and the
    count of every tab. ``keep``: a partner just answered stays on the "suggested" tab (shown as
    answered, with its undo) so the page does not jump under the reader; one just declined has
    left the stored list, so it is shown before the partner ``before`` (its next row), or last."""
    tab = tab if tab in TABS else TABS[0]
    stored = db.session.execute(
        select(Suggestion, Company)
        .join(Company, Company.id == Suggestion.partner_id)
        .where(Suggestion.company_id == company_id, Company.hidden.is_(False))
        .order_by(Suggestion.score.desc(), Suggestion.partner_id)
    ).all()
    decided = db.session.execute(
        select(Interest, Company)
        .join(Company, Company.id == Interest.partner_id)
        .where(Interest.company_id == company_id, Company.hidden.is_(False))
        .order_by(Interest.decided_at.desc(), Interest.id.desc())
    ).all()
    fans = theirs_interested(company_id)
    mine = {i.partner_id: i for i, _c in decided}
    by_partner = {s.partner_id: s for s, _c in stored}

    def row(company: Company, suggestion: Suggestion | None, interest: Interest | None) -> BoardRow:
        return BoardRow(company, suggestion, interest, company.id in fans)

    tabs: dict[str, list[BoardRow]] = {t: [] for t in TABS}
    for s, c in stored:
        if c.id not in mine or c.id == keep:
            tabs["suggested"].append(row(c, s, mine.get(c.id)))
    for i, c in decided:
        if i.decision == Decision.DECLINED:
            tabs["declined"].append(row(c, by_partner.get(c.id), i))
        elif c.id in fans:
            tabs["mutual"].append(row(c, by_partner.get(c.id), i))
        else:
            tabs["interested"].append(row(c, by_partner.get(c.id), i))
    counts = {t: len(rows) for t, rows in tabs.items()}
    if keep is not None and keep in mine:
        if keep in by_partner:
            counts["suggested"] -= 1  # shown as answered, counted on its own tab
        else:  # declined: out of the stored list
            _put_back(tabs["suggested"], row(_company(decided, keep), None, mine[keep]), before)
    return Board(tab, tabs[tab], counts)


def _company(decided: Sequence[Row[tuple[Interest, Company]]], partner_id: int) -> Company:
    return next(c for _i, c in decided if c.id == partner_id)


def _put_back(rows: list[BoardRow], note: BoardRow, before: int | None) -> None:
    at = next((n for n, r in enumerate(rows) if r.company.id == before), len(rows))
    rows.insert(at, note)
