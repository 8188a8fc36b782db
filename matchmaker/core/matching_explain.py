"""Why a partner is suggested (pure core): the reasons of one pair, worked out from the same
values the ranking scores, when a suggestion's reasons are first read.

Part of :class:`~matchmaker.core.matching.MatchEngine`; the wording is :mod:`.reasons`'.
"""

from __future__ import annotations

from typing import NamedTuple

from .matching_firms import OFFER, Firm, FirmRegistry, Item
from .matching_index import TIER_FLOOR, Plan, PlanRow, PostingIndex
from .reasons import Reason

__all__ = ["Explainer"]

_RELATED = ("heading", "group", "chapter")


class Contribution(NamedTuple):
    """The best contribution to one of our items: its value, our item's slot, their item (global
    id) and the plan row that found it."""

    value: float
    slot: int
    item: int
    row: int


class _PlanKeys(NamedTuple):
    """A plan's rows by the key they look up, ``(kind, value, side)`` -> row numbers, and the rows
    of free concepts (looked up through their neighbours)."""

    plan: Plan
    rows: dict[tuple[str, str, int], list[int]]
    free: list[int]


# best contribution per slot as a comparison key: (value, -their item, -row): ties go to the
# first item and row, as in the ranking's order
_Best = tuple[float, int, int]


class Explainer:
    """Reasons of a pair of firms. Holds per firm its plan's rows by key, valid while the firm's
    plan is the one it was made from (a firm posted again has a new plan)."""

    def __init__(self, registry: FirmRegistry, index: PostingIndex):
        self.registry = registry
        self.index = index
        self._keys: dict[int, _PlanKeys] = {}

    def forget(self, idx: int) -> None:
        self._keys.pop(idx, None)

    def why(self, f: Firm, bf: Firm) -> list[Reason]:
        """Reasons of one pair, best first: up to three item reasons, then sector, language and
        verification."""
        return self._why(f, bf, self._plan_keys(f), {})

    def why_many(self, f: Firm, partners: list[Firm]) -> list[list[Reason]]:
        """:meth:`why` of ``f`` with each of ``partners`` (a whole list in one pass: ``f``'s plan
        keys and the sector reasons of each pair of codes worked out once)."""
        keys = self._plan_keys(f)
        sectors: dict[tuple[int, ...], list[Reason]] = {}
        return [self._why(f, bf, keys, sectors) for bf in partners]

    def _why(
        self, f: Firm, bf: Firm, keys: _PlanKeys, sector_memo: dict[tuple[int, ...], list[Reason]]
    ) -> list[Reason]:
        best: dict[int, _Best] = {}
        items = self.registry.items
        for g in bf.items:
            it = items[g]
            self._by_key(keys, g, it, best)
            if keys.free:
                self._by_free_concept(keys, g, it, best)
        contribs = [Contribution(v, slot, -ng, -nr) for slot, (v, ng, nr) in best.items()]
        codes = tuple(bf.codes)
        sector = sector_memo.get(codes)
        if sector is None:
            sector = sector_memo[codes] = self._sector_reasons(f, bf)
        return [
            *self._item_reasons(f, keys.plan, contribs),
            *[Reason(r.kind, sectors=r.sectors, weight=r.weight) for r in sector],
            *_profile_reasons(f, bf),
        ]

    def _plan_keys(self, f: Firm) -> _PlanKeys:
        plan = self.index.plan(f)
        got = self._keys.get(f.idx)
        if got is None or got.plan is not plan:
            rows: dict[tuple[str, str, int], list[int]] = {}
            free: list[int] = []
            for i, r in enumerate(plan.rows):
                if r.kind == "f":
                    free.append(i)
                else:
                    rows.setdefault((r.kind, r.value, r.opposite), []).append(i)
            got = self._keys[f.idx] = _PlanKeys(plan, rows, free)
        return got

    @staticmethod
    def _by_key(keys: _PlanKeys, g: int, it: Item, best: dict[int, _Best]) -> None:
        """Their item ``g`` against our rows that look up a key it is posted under."""
        plan, side = keys.plan.rows, it.side
        for (kind, value), hit in it.keymap.items():
            for i in keys.rows.get((kind, value, side), ()):
                r = plan[i]
                v = max((hit.confidence * r.confidence) * r.level, TIER_FLOOR[r.tier])
                _better(best, r.slot, (v, -g, -i))

    def _by_free_concept(self, keys: _PlanKeys, g: int, it: Item, best: dict[int, _Best]) -> None:
        """Their item ``g``'s free concepts against our free concepts' neighbours."""
        plan, neighbours = keys.plan.rows, self.index.free.neighbours
        for h in it.hits:
            if not h.free:
                continue
            for i in keys.free:
                r = plan[i]
                sim = neighbours(r.value).get(h.key) if r.opposite == it.side else None
                if sim is None:
                    continue
                value = max((h.confidence * r.confidence) * (r.level * sim), TIER_FLOOR[r.tier])
                _better(best, r.slot, (value, -g, -i))

    def _item_reasons(self, f: Firm, plan: Plan, contribs: list[Contribution]) -> list[Reason]:
        """The three best contributions as reasons (a pair of texts once)."""
        items = self.registry.items
        reasons: list[Reason] = []
        seen = set()
        for c in sorted(contribs, key=lambda c: (-c.value, c.slot, c.item))[:3]:
            own, other = items[f.items[c.slot]], items[c.item]
            if (own.text, other.text) in seen:
                continue
            seen.add((own.text, other.text))
            reasons.append(_item_reason(own, other, plan.rows[c.row], c.value))
        return reasons

    def _sector_reasons(self, f: Firm, bf: Firm) -> list[Reason]:
        if not (f.codes and bf.codes):
            return []
        sectors = self.registry.sectors
        m = sectors.m
        aff, x, y = max((float(m[x, y]), -x, -y) for x in f.codes for y in bf.codes)
        if aff < 0.5:
            return []
        return [Reason("sector", sectors=(sectors.codes[-x], sectors.codes[-y]), weight=round(aff, 3))]


def _better(best: dict[int, _Best], slot: int, cur: _Best) -> None:
    old = best.get(slot)
    if old is None or cur > old:
        best[slot] = cur


def _item_reason(own: Item, other: Item, row: PlanRow, value: float) -> Reason:
    hit = other.keymap.get((row.kind, row.value))
    partner_concept = hit.concept if hit is not None else ""
    if row.kind == "f":
        partner_concept = next((h.concept for h in other.hits if h.free), "")
    direction = "offer_need" if own.side == OFFER else "need_offer"
    weight = round(value, 3)
    if row.relation in _RELATED:
        return Reason(
            "related_product",
            own.text,
            other.text,
            row.concept,
            partner_concept,
            row.relation,
            direction,
            str(row.value),
            weight=weight,
        )
    return Reason(direction, own.text, other.text, row.concept, partner_concept, row.relation, weight=weight)


def _profile_reasons(f: Firm, bf: Firm) -> list[Reason]:
    reasons = []
    if f.langs and bf.langs:
        shared = tuple(lg for lg in f.langs if lg in bf.langs)
        if shared:
            reasons.append(Reason("language", languages=shared))
    if bf.profile.verified:
        reasons.append(Reason("verified"))
    return reasons
