"""Scoring and ranking the partners of one firm (pure core): the exact top k, tier by tier.

A contribution is ``(their confidence × our confidence) × (level × similarity)``, floored at the
next tier's weight; per partner ``best`` is the highest contribution over our items and ``more``
the sum of our other items' tier-0 contributions. Score (calibrated in bands, see
:mod:`.strength`): ``base(best) + 43·best + 5·min(1, more) + 7.5·sector + 3.5·language +
2.5·verified``, where ``base`` is 60 − 43·0.5 for a direct match (``best`` ≥ ``DIRECT_FLOOR``), 25
for related goods only and 0 for no product in common. Tiers are gathered one at a time until
the k-th best score cannot be reached by a firm of the next tier; too few partners (or none
above what sector, language and verification alone give): every firm of the other country is
scored on those. See docs/matching.md. Part of :class:`~matchmaker.core.matching.MatchEngine`.
"""

from __future__ import annotations

from typing import NamedTuple, TypeVar

import numpy as np
from numpy.typing import NDArray

from .matching_firms import Firm, FirmRegistry, Indexes
from .matching_index import DIRECT_FLOOR, N_TIERS, TIER_FLOOR, TIER_WEIGHT, PostingIndex
from .strength import BASE_DIRECT, BASE_RELATED, SLOPE

__all__ = ["W_SECONDARY", "Ranked", "Ranker", "SharedWork", "TierHits", "complementarity"]

W_COMP, W_MORE, W_SECTOR, W_LANG, W_VERIFIED = SLOPE, 5.0, 7.5, 3.5, 2.5
W_SECONDARY = W_SECTOR + W_LANG + W_VERIFIED  # what sector, language and verification add at most
_DIRECT_BASE = BASE_DIRECT - W_COMP * DIRECT_FLOOR  # a direct match's best DIRECT_FLOOR scores BASE_DIRECT

Scores = NDArray[np.float64]
_G = TypeVar("_G", bound=np.generic)
_NO_FIRMS: Indexes = np.zeros(0, dtype=np.int64)
_NO_SCORES: Scores = np.zeros(0)


class Ranked(NamedTuple):
    """Firms (engine indexes) and their raw scores, in the same order."""

    firms: Indexes
    scores: Scores


class TierHits(NamedTuple):
    """One tier's contributions to a firm's ranking, one per posted hit of theirs: their firm, the
    value, their item (when asked for) and our item's slot (a single number when one posting)."""

    firms: Indexes
    values: Scores
    items: Indexes | None
    slots: Indexes | int


class SharedWork:
    """A bulk ranking's exact-match (tier 0) work, shared by consecutive firms with the same
    lookups: ``keys`` numbers the firms by that work (equal numbers: equal work; a firm whose work
    no other firm shares is left out), and ``key``, ``cand``, ``comp`` are the last such work done:
    the candidates that can still reach a top k whatever a firm's sector, language and
    verification add, with their complementarity."""

    __slots__ = ("keys", "key", "cand", "comp")

    def __init__(self, keys: dict[int, int]):
        self.keys = keys
        self.key = -1
        self.cand = _NO_FIRMS
        self.comp = _NO_SCORES

    def keep(self, key: int, cand: Indexes, comp: Scores, k: int) -> None:
        if len(cand) > k:  # the rest are beaten by the k best on complementarity alone
            kth = -np.partition(-comp, k - 1)[k - 1]
            keep = comp + W_SECONDARY >= kth
            cand, comp = cand[keep], comp[keep]
        self.key, self.cand, self.comp = key, cand, comp


class _Lookups:
    """The non-empty postings one tier of a plan looks up, as parallel lists."""

    __slots__ = ("firms", "conf", "items", "ours", "levels", "slots")

    def __init__(self) -> None:
        self.firms: list[Indexes] = []
        self.conf: list[Scores] = []
        self.items: list[Indexes] = []
        self.ours: list[float] = []
        self.levels: list[float] = []
        self.slots: list[int] = []


def complementarity(best: Scores, rest: Scores | float) -> Scores:
    """The product part of a score: the band's base (direct match, related goods, nothing) plus
    ``W_COMP·best + W_MORE·min(1, more)``. Both directions of scoring call this, so a pair gets
    the same bits from either side."""
    base = np.where(best >= DIRECT_FLOOR, _DIRECT_BASE, np.where(best > 0.0, BASE_RELATED, 0.0))
    out: Scores = base + W_COMP * best + W_MORE * np.minimum(1.0, rest)
    return out


def _reach(tier: int) -> float:
    """The highest product part a firm first found in ``tier`` (≥ 1) can have: related goods at
    most (no direct match, so no other direct matches either); nothing after the last tier."""
    weight = TIER_WEIGHT[tier]
    return BASE_RELATED + W_COMP * weight if weight > 0.0 else 0.0


def _joined(parts: list[NDArray[_G]]) -> NDArray[_G]:
    return np.concatenate(parts) if len(parts) > 1 else parts[0]


class Ranker:
    """Ranks one firm's partners over the firm registry and the posting index.

    Holds only scratch space: ``_acc[firm, slot]`` (best contribution of their firm to our item)
    and ``_mark`` (firms found), all zero / False between two rankings; and, during a bulk ranking,
    the :class:`SharedWork` of the firm ranked last. Rankings are exact and deterministic: equal
    scores are ordered by the partner's id as text."""

    def __init__(self, registry: FirmRegistry, index: PostingIndex):
        self.registry = registry
        self.index = index
        self._acc: NDArray[np.float64] = np.zeros((registry.capacity, 1))
        self._mark: NDArray[np.bool_] = np.zeros(registry.capacity, dtype=bool)
        self.shared: SharedWork | None = None

    # ----------------------------------------------------------------------- contributions
    def _lookups(self, f: Firm, tier: int, with_items: bool) -> _Lookups:
        cc = int(self.registry.country[f.idx])
        others = [c for c in self.registry.countries.values() if c != cc]
        postings, neighbours = self.index.postings, self.index.free.neighbours
        found = _Lookups()
        firms, conf, items, ours, levels, slots = (
            found.firms,
            found.conf,
            found.items,
            found.ours,
            found.levels,
            found.slots,
        )
        for r in self.index.plan(f).tiers[tier]:
            targets = neighbours(r.value).items() if r.kind == "f" else ((r.value, 1.0),)
            for value, similarity in targets:
                for oc in others:
                    p = postings.get((r.kind, value, r.opposite, oc))
                    if p is None or not p.firms:
                        continue
                    arrays = p.get()
                    firms.append(arrays.firms)
                    conf.append(arrays.conf)
                    if with_items:
                        items.append(arrays.items)
                    ours.append(r.confidence)
                    levels.append(r.level * similarity)
                    slots.append(r.slot)
        return found

    def gather_tier(self, f: Firm, tier: int, with_items: bool = False) -> TierHits | None:
        """One tier's contributions (None: nothing posted). A value is ``(their conf × our conf) ×
        (level × free similarity)`` floored at the next tier's level; symmetric, so a pair scores
        the same bits from either side."""
        found = self._lookups(f, tier, with_items)
        if not found.firms:
            return None
        firms, conf = _joined(found.firms), _joined(found.conf)
        items = _joined(found.items) if with_items else None
        slots: Indexes | int
        if len(found.firms) == 1:
            v = (conf * found.ours[0]) * found.levels[0]
            slots = found.slots[0]
        else:
            lens = [len(x) for x in found.firms]
            v = (conf * np.repeat(np.asarray(found.ours), lens)) * np.repeat(np.asarray(found.levels), lens)
            slots = np.repeat(np.asarray(found.slots, dtype=np.int64), lens)
        np.maximum(v, TIER_FLOOR[tier], out=v)
        return TierHits(firms, v, items, slots)

    # ----------------------------------------------------------------------- secondary scores
    def secondary(self, a: int, cand: Indexes, row: NDArray[np.float32] | None = None) -> Scores:
        """Sector affinity, shared language and the candidates' verification, seen from ``a``."""
        reg = self.registry
        f = reg.firms[a]
        sec: NDArray[np.float32] | float = 0.0
        if f.codes:
            if row is None:
                row = reg.sectors.m[np.asarray(f.codes)].max(axis=0)
            sec = self.best_code(row, cand)
        lang = (reg.langmask[cand] & reg.langmask[a]) != 0
        out: Scores = W_SECTOR * sec + W_LANG * lang + W_VERIFIED * reg.verified[cand]
        return out

    def secondary_reverse(self, a: int, cand: Indexes) -> Scores:
        """The same as seen from each candidate: their sector affinity to us, our verification."""
        reg = self.registry
        f = reg.firms[a]
        if f.codes:
            col = reg.sectors.m[:, np.asarray(f.codes)].max(axis=1)
            sec: NDArray[np.float32] | Scores = self.best_code(col, cand)
        else:
            sec = np.zeros(len(cand))
        lang = (reg.langmask[cand] & reg.langmask[a]) != 0
        out: Scores = W_SECTOR * sec + W_LANG * lang + W_VERIFIED * reg.verified[a]
        return out

    def best_code(self, row: NDArray[np.float32], cand: Indexes) -> NDArray[np.float32]:
        """Best of ``row`` over each candidate's sector codes (0 = no code)."""
        codes = self.registry.codes
        sec = row[codes[0][cand]]
        for j in range(1, self.registry.code_width):
            np.maximum(sec, row[codes[j][cand]], out=sec)
        return sec

    # ----------------------------------------------------------------------- ranking
    def topk(self, cand: Indexes, score: Scores, k: int, part: Indexes | None = None) -> Ranked:
        """The best ``k`` of the candidates, ties by id as text (``part``: the best ``k``
        positions, if known)."""
        if len(cand) > k:
            if part is None:
                part = np.argpartition(-score, k - 1)[:k]
            kth = score[part].min()
            keep = score >= kth
            cand, score = cand[keep], score[keep]
        order = np.lexsort((self.registry.id_rank[cand], -score))[:k]
        return Ranked(cand[order], score[order])

    def rank(self, a: int, k: int) -> Ranked:
        """Exact top-k partners of firm ``a``, best first."""
        f = self.registry.firms[a]
        srow = self.registry.sectors.m[np.asarray(f.codes)].max(axis=0) if f.codes else None
        cand, score, part = _NO_FIRMS, _NO_SCORES, None
        if f.items:
            shared = self.shared
            key = shared.keys.get(a) if shared is not None else None
            if shared is not None and shared.key == key:
                settled = self._settled_by_shared(shared, a, k, srow)
                if settled is not None:
                    return settled
            cand, score, part = self._scan_tiers(f, k, srow, key)
        return self._with_fallback(a, k, srow, cand, score, part)

    def _settled_by_shared(
        self, shared: SharedWork, a: int, k: int, srow: NDArray[np.float32] | None
    ) -> Ranked | None:
        """The top k from the previous firm's exact-match work, when tier 0 settles it whatever
        the later tiers hold."""
        cand = shared.cand
        score = shared.comp + self.secondary(a, cand, srow)
        part = np.argpartition(-score, k - 1)[:k] if len(cand) > k else np.arange(len(cand))
        if len(cand) >= k and score[part].min() > _reach(1) + W_SECONDARY:
            return self.topk(cand, score, k, part)
        return None

    def _scan_tiers(
        self, f: Firm, k: int, srow: NDArray[np.float32] | None, key: int | None
    ) -> tuple[Indexes, Scores, Indexes | None]:
        """Gather tier after tier until the k-th best score cannot be beaten by the next tier:
        (candidates, scores, positions of the best k or None). ``key``: remember the tier-0 work
        for the next firm of a bulk ranking."""
        a, nslots = f.idx, len(f.items)
        acc = self._scratch(nslots)
        mark = self._mark
        width = acc.shape[1]  # firm-major: acc[firm, slot]
        flat = acc.reshape(-1)
        cand, score, part = _NO_FIRMS, _NO_SCORES, None
        exact: tuple[Indexes, Scores] | None = None  # tier 0: candidates, other exact matches
        for tier in range(N_TIERS):
            got = self.gather_tier(f, tier)
            if got is None:
                if tier == 0 and key is not None:
                    self._share(key, cand, score, k)
                continue
            np.maximum.at(flat, got.firms * width + got.slots, got.values)
            mark[got.firms] = True
            cand = np.flatnonzero(mark)
            part = None
            best, rest, exact = _best_and_more(acc, cand, nslots, tier, exact)
            comp = complementarity(best, rest)
            if tier == 0 and key is not None:
                self._share(key, cand, comp, k)
            score = comp + self.secondary(a, cand, srow)
            if len(cand) >= k:
                part = np.argpartition(-score, k - 1)[:k] if len(cand) > k else np.arange(len(cand))
                if score[part].min() > _reach(tier + 1) + W_SECONDARY:
                    break
        if len(cand):
            acc[cand, :nslots] = 0.0
            mark[cand] = False
        return cand, score, part

    def _share(self, key: int, cand: Indexes, comp: Scores, k: int) -> None:
        if self.shared is not None:
            self.shared.keep(key, cand, comp, k)

    def _with_fallback(
        self,
        a: int,
        k: int,
        srow: NDArray[np.float32] | None,
        cand: Indexes,
        score: Scores,
        part: Indexes | None,
    ) -> Ranked:
        """The top k of what the tiers found; too few, or none above what sector, language and
        verification alone give: every firm of the other country scored on those as well."""
        top = self.topk(cand, score, k, part) if len(cand) else Ranked(cand, score)
        if len(top.firms) >= k and not (len(top.scores) and top.scores[-1] <= W_SECONDARY):
            return top
        allc = self.registry.others(int(self.registry.country[a]))
        if not len(allc):
            return top
        sc = self.secondary(a, allc, srow)
        if len(cand):
            sc[np.searchsorted(allc, cand)] = score
        return self.topk(allc, sc, k)

    def _scratch(self, nslots: int) -> NDArray[np.float64]:
        n = self.registry.capacity
        if self._acc.shape[1] < nslots or self._acc.shape[0] < n:
            self._acc = np.zeros((n, max(nslots, self._acc.shape[1])))
        if self._mark.shape[0] < n:
            self._mark = np.zeros(n, dtype=bool)
        return self._acc

    # ----------------------------------------------------------------------- seen from the others
    def scores_from_others(self, a: int) -> Ranked:
        """Every firm of the other country, ascending, with the score of ``a`` seen from its side
        (bit-identical to that firm's own ranking)."""
        f = self.registry.firms[a]
        allc = self.registry.others(int(self.registry.country[a]))
        if len(allc) == 0:
            return Ranked(allc, np.zeros(0))
        sc = self.secondary_reverse(a, allc)
        tiers = ((t, self.gather_tier(f, t, True)) for t in range(N_TIERS))
        got = [(t, g) for t, g in tiers if g is not None]
        if got:
            cand, comp = self._complementarity_from_others(got)
            pos = np.searchsorted(allc, cand)
            sc[pos] = comp + sc[pos]
        return Ranked(allc, sc)

    def _complementarity_from_others(self, got: list[tuple[int, TierHits]]) -> tuple[Indexes, Scores]:
        """Per firm holding a hit: ``70·best + 8·min(1, more)`` from its side, where ``best`` is the
        best value over its items and ``more`` the sum of its other items' best tier-0 values."""
        items, v_item, strong = _best_per_item(got)
        firm_of = self.registry.item_firms(items)
        o = np.argsort(firm_of, kind="stable")
        fr, v, st = firm_of[o], v_item[o], strong[o]
        at = np.nonzero(np.r_[True, fr[1:] != fr[:-1]])[0]
        cand = fr[at]
        best = np.maximum.reduceat(v, at)
        rest = np.add.reduceat(st, at) - np.maximum.reduceat(st, at)
        firms = self.registry.firms
        many = np.asarray([len(firms[x].items) >= 8 for x in cand.tolist()], bool)
        rest[many] = np.round(rest[many], 9)
        return cand, complementarity(best, rest)


def _best_and_more(
    acc: NDArray[np.float64], cand: Indexes, nslots: int, tier: int, exact: tuple[Indexes, Scores] | None
) -> tuple[Scores, Scores | float, tuple[Indexes, Scores] | None]:
    """Per candidate: its best contribution over our items and the sum of the others (from tier
    0: a later tier adds no bonus), summed column by column in slot order (fast, and the same bits
    as the reverse scoring). Returns the tier-0 candidates and sums for the later tiers."""
    if nslots == 1:
        return acc[cand, 0], 0.0, exact
    m = acc[cand, :nslots]
    best = m[:, 0].copy()
    tot = m[:, 0].copy()
    for j in range(1, nslots):
        np.maximum(best, m[:, j], out=best)
        tot += m[:, j]
    if tier == 0:
        # rounded for 8+ items, where numpy's pairwise sums in the reverse scoring may differ in
        # the last bit
        rest0 = tot - best if nslots < 8 else np.round(tot - best, 9)
        return best, rest0, (cand, rest0)
    rest = np.zeros(len(cand))
    if exact is not None:
        rest[np.searchsorted(cand, exact[0])] = exact[1]
    return best, rest, exact


def _best_per_item(got: list[tuple[int, TierHits]]) -> tuple[Indexes, Scores, Scores]:
    """Their items hit, ascending, with the best value and the best tier-0 value of each."""
    items = np.concatenate([g.items for _t, g in got if g.items is not None])
    vals = np.concatenate([g.values for _t, g in got])
    tier0 = np.concatenate([np.full(len(g.firms), t == 0) for t, g in got])
    order = np.lexsort((-vals, items))
    its = items[order]
    first = np.r_[True, its[1:] != its[:-1]]
    uitems = its[first]
    v_item = vals[order][first]
    strong = np.zeros(len(uitems))
    if tier0.any():
        o0 = np.lexsort((-vals[tier0], items[tier0]))
        i0 = items[tier0][o0]
        f0 = np.r_[True, i0[1:] != i0[:-1]]
        strong[np.searchsorted(uitems, i0[f0])] = vals[tier0][o0][f0]
    return uitems, v_item, strong
