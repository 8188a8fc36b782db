"""Why a partner is suggested (pure core): the reasons of one pair, worked out from the same
values the ranking scores, when a suggestion's reasons are first read.

Part of :class:`~matchmaker.core.matching.MatchEngine`; the wording is :mod:`.reasons`'.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NamedTuple

from .matching_firms import OFFER, Firm, FirmRegistry, Item
from .matching_index import TIER_FLOOR, Plan, PlanRow, PostingIndex
from .reasons import Reason

__all__ = ["Explainer"]

_RELATED = ("heading", "group", "chapter")


class _PlanKeys(NamedTuple):
    """A plan's rows by the side they look up and the key they look up there: ``side`` ->
    ``(kind, value)`` -> ``(row number, slot, confidence, level, floor)``, and the rows of free
    concepts (looked up through their neighbours)."""

    plan: Plan
    sides: dict[int, dict[tuple[str, str], list[tuple[int, int, float, float, float]]]]
    free: list[int]


class _Memo:
    """What one firm's list explained in one pass shares: the firm's plan keys, each partner item
    text's best rows per slot (``(slot, value, -row)``), the reasons already made (the same
    :class:`Reason` objects are shared by the pairs that have them: they are read, never changed)
    and each partner's reasons."""

    __slots__ = ("keys", "items", "sectors", "profiles", "reasons", "pairs")

    def __init__(self, keys: _PlanKeys):
        self.keys = keys
        self.items: dict[tuple[int, str], list[tuple[int, float, int]]] = {}
        self.sectors: dict[tuple[int, ...], list[Reason]] = {}
        self.profiles: dict[tuple[tuple[str, ...], bool], list[Reason]] = {}
        self.reasons: dict[tuple[int, int, str, int, float], Reason] = {}
        self.pairs: dict[int, list[Reason]] = {}  # partner's engine index -> its reasons


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
        self._shared: dict[tuple[object, ...], _Memo] | None = None  # see :meth:`sharing`
        self._made: dict[tuple[object, ...], list[Reason]] = {}  # see :meth:`_once`

    @contextmanager
    def sharing(self) -> Iterator[None]:
        """Within: firms whose reasons depend on the same things (plan, own items as written and
        quoted, sector codes, languages) share one memo, their partners' reasons included, as
        firms of one trade listing the same goods do. For explaining many lists while the firms do
        not change (an export); the memos are dropped at the end."""
        self._shared = {}
        try:
            yield
        finally:
            self._shared = None

    def forget(self, idx: int) -> None:
        self._keys.pop(idx, None)

    def why(self, f: Firm, bf: Firm) -> list[Reason]:
        """Reasons of one pair, best first: up to three item reasons, then sector, language and
        verification."""
        return self._why(f, bf, _Memo(self._plan_keys(f)))

    def why_many(self, f: Firm, partners: list[Firm]) -> list[list[Reason]]:
        """:meth:`why` of ``f`` with each of ``partners``: a whole list in one pass, ``f``'s plan
        keys, the contributions of each partner item text (partners often write the same goods)
        and the sector reasons of each set of codes worked out once."""
        memo = self._memo(f)
        pairs, out = memo.pairs, []
        for bf in partners:
            got = pairs.get(bf.idx)
            if got is None:
                got = pairs[bf.idx] = self._why(f, bf, memo)
            out.append(got)
        return out

    def _memo(self, f: Firm) -> _Memo:
        """A memo for ``f``'s list: a fresh one, or while :meth:`sharing`, the one of the firms
        whose reasons depend on the same things."""
        if self._shared is None:
            return _Memo(self._plan_keys(f))
        items = self.registry.items
        own = tuple((it.side, it.text, it.quote) for it in map(items.__getitem__, f.items))
        key = (tuple(self.index.plan(f).rows), own, tuple(f.codes), f.langs)
        memo = self._shared.get(key)
        if memo is None:
            memo = self._shared[key] = _Memo(self._plan_keys(f))
        return memo

    def _why(self, f: Firm, bf: Firm, memo: _Memo) -> list[Reason]:
        best: dict[int, _Best] = {}
        items, by_text = self.registry.items, memo.items
        sides, free = memo.keys.sides, memo.keys.free
        for g in bf.items:
            it = items[g]
            if not free:  # most of a partner's items meet none of our keys
                rows = sides.get(it.side)
                if rows is None or rows.keys().isdisjoint(it.keymap):
                    continue
            # an item's best row per slot depends on its side and text only (what it was analysed
            # from); merged with the item id, the order is the ranking's: (value, -item, -row)
            found = by_text.get((it.side, it.text))
            if found is None:
                found = by_text[(it.side, it.text)] = self._item_rows(memo.keys, it)
            for slot, v, nr in found:
                cur = (v, -g, nr)
                old = best.get(slot)
                if old is None or cur > old:
                    best[slot] = cur
        codes = tuple(bf.codes)
        sector = memo.sectors.get(codes)
        if sector is None:
            sector = memo.sectors[codes] = self._sector_reasons(f, bf)
        profile = memo.profiles.get((bf.langs, bf.profile.verified))
        if profile is None:
            profile = memo.profiles[(bf.langs, bf.profile.verified)] = self._profile_reasons(f, bf)
        if not best:
            return [*sector, *profile]
        return [*self._item_reasons(f, memo, best), *sector, *profile]

    def _item_rows(self, keys: _PlanKeys, it: Item) -> list[tuple[int, float, int]]:
        """Their item's best contribution to each of our items: ``(slot, value, -row)``."""
        own: dict[int, tuple[float, int]] = {}
        rows = keys.sides.get(it.side)
        keymap = it.keymap
        if rows:
            for kv in rows.keys() & keymap.keys():  # the keys it is posted under that we look up
                confidence = keymap[kv].confidence
                for i, slot, conf, level, floor in rows[kv]:
                    v = (confidence * conf) * level
                    cur = (v if v >= floor else floor, -i)
                    old = own.get(slot)
                    if old is None or cur > old:
                        own[slot] = cur
        if keys.free:
            self._by_free_concept(keys, it, own)
        return [(slot, v, nr) for slot, (v, nr) in own.items()]

    def _plan_keys(self, f: Firm) -> _PlanKeys:
        plan = self.index.plan(f)
        got = self._keys.get(f.idx)
        if got is None or got.plan is not plan:
            sides: dict[int, dict[tuple[str, str], list[tuple[int, int, float, float, float]]]] = {}
            free: list[int] = []
            for i, r in enumerate(plan.rows):
                if r.kind == "f":
                    free.append(i)
                else:
                    row = (i, r.slot, r.confidence, r.level, TIER_FLOOR[r.tier])
                    sides.setdefault(r.opposite, {}).setdefault((r.kind, r.value), []).append(row)
            got = self._keys[f.idx] = _PlanKeys(plan, sides, free)
        return got

    def _by_free_concept(self, keys: _PlanKeys, it: Item, own: dict[int, tuple[float, int]]) -> None:
        """Their item's free concepts against our free concepts' neighbours."""
        plan, neighbours = keys.plan.rows, self.index.free.neighbours
        for h in it.hits:
            if not h.free:
                continue
            for i in keys.free:
                r = plan[i]
                sim = neighbours(r.value).get(h.key) if r.opposite == it.side else None
                if sim is None:
                    continue
                cur = (max((h.confidence * r.confidence) * (r.level * sim), TIER_FLOOR[r.tier]), -i)
                old = own.get(r.slot)
                if old is None or cur > old:
                    own[r.slot] = cur

    def _item_reasons(self, f: Firm, memo: _Memo, best: dict[int, _Best]) -> list[Reason]:
        """The three best contributions (by value, then our item's slot) as reasons (a pair of
        texts once)."""
        items, rows = self.registry.items, memo.keys.plan.rows
        reasons: list[Reason] = []
        seen = set()
        for slot, (value, ng, nr) in sorted(best.items(), key=_by_value)[:3]:
            own, other = items[f.items[slot]], items[-ng]
            if (own.text, other.text) in seen:
                continue
            seen.add((own.text, other.text))
            key = (slot, other.side, other.text, -nr, value)
            reason = memo.reasons.get(key)
            if reason is None:
                reason = memo.reasons[key] = _item_reason(own, other, rows[-nr], value)
            reasons.append(reason)
        return reasons

    def _once(self, key: tuple[object, ...], make: Callable[[], list[Reason]]) -> list[Reason]:
        """The same list of sector, language and verification reasons for every pair that has it
        (they name no firm's words: a handful of values), so that their wording is done once."""
        got = self._made.get(key)
        if got is None:
            got = self._made[key] = make()
        return got

    def _sector_reasons(self, f: Firm, bf: Firm) -> list[Reason]:
        if not (f.codes and bf.codes):
            return []
        sectors = self.registry.sectors
        m = sectors.m
        aff, x, y = max((float(m[x, y]), -x, -y) for x in f.codes for y in bf.codes)
        if aff < 0.5:
            return []
        pair, weight = (sectors.codes[-x], sectors.codes[-y]), round(aff, 3)
        return self._once(("sector", pair, weight), lambda: [Reason("sector", sectors=pair, weight=weight)])

    def _profile_reasons(self, f: Firm, bf: Firm) -> list[Reason]:
        shared = tuple(lg for lg in f.langs if lg in bf.langs)
        verified = bf.profile.verified
        return self._once(("profile", shared, verified), lambda: _profile_reasons(shared, verified))


def _by_value(slot_best: tuple[int, _Best]) -> tuple[float, int]:
    """A contribution's place: by value, best first, then by our item's slot."""
    slot, (value, _ng, _nr) = slot_best
    return (-value, slot)


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
            own_quote=own.quote,
            partner_quote=other.quote,
        )
    return Reason(
        direction,
        own.text,
        other.text,
        row.concept,
        partner_concept,
        row.relation,
        weight=weight,
        own_quote=own.quote,
        partner_quote=other.quote,
    )


def _profile_reasons(shared: tuple[str, ...], verified: bool) -> list[Reason]:
    reasons = []
    if shared:
        reasons.append(Reason("language", languages=shared))
    if verified:
        reasons.append(Reason("verified"))
    return reasons
