"""Partner matching between Azerbaijani and Russian firms (pure core: rapidfuzz + numpy).

Offers and needs are analysed into lexicon concepts (:mod:`matchmaker.core.concepts`) and posted
in an inverted index per side and country under tiered keys: tier 0 same concept (1.0), broader /
narrower concept (0.7) or same free concept (its similarity); tier 1 same HS heading (0.5);
tier 2 same product group (0.35); tier 3 same HS chapter (0.25). Offers are looked up among the
other country's needs and vice versa, tier by tier, until the k-th best score cannot be beaten by
a later tier (values of tier t are floored at tier t+1's weight, so the top-k is exact). Too few
partners: a vectorised scan of sector affinity, shared language and verification over the other
country. Score: ``70·best + 8·min(1, other exact matches) + 12·sector + 6·language + 4·verified``.
See docs/matching.md.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from functools import partial

import numpy as np

from .bulkrank import BulkRanking, Ranking, paused_gc
from .concepts import ConceptHit, FreeConceptIndex, Lexicon, default_lexicon
from .reasons import Reason, render_reason
from .sectors import sector_affinity
from .toplists import TopLists, depth_for

__all__ = [
    "FirmProfile",
    "MatchEngine",
    "Ranking",
    "Suggestion",
    "Reason",
    "paused_gc",
    "render_reason",
    "shown_scores",
]

W_COMP, W_MORE, W_SECTOR, W_LANG, W_VERIFIED = 70.0, 8.0, 12.0, 6.0, 4.0
W_SECONDARY = W_SECTOR + W_LANG + W_VERIFIED
LEVEL = {"exact": 1.0, "broader": 0.7, "narrower": 0.7, "heading": 0.5, "group": 0.35, "chapter": 0.25}
TIER_WEIGHT = (1.0, 0.5, 0.35, 0.25, 0.0)  # best possible item score per tier; tier 4: none
TIER_FLOOR = TIER_WEIGHT[1:]
N_TIERS = 4
_MAX_SECTORS = 8
OFFER, NEED = 0, 1


@dataclass(slots=True)
class FirmProfile:
    id: Hashable
    country: str
    sectors: tuple[str, ...] = ()
    offers: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    verified: bool = False
    name: str = ""


class Suggestion:
    """``partner_id``, ``score`` (0–100, one decimal), ``rank`` (1 = best), ``reasons`` (list of
    :class:`Reason`, best first; the engine works them out when first read)."""

    __slots__ = ("partner_id", "score", "rank", "_reasons", "_make")

    def __init__(
        self,
        partner_id: Hashable,
        score: float,
        rank: int,
        reasons: list[Reason] | None = None,
        _make: Callable[[], list] | None = None,
    ):
        self.partner_id = partner_id
        self.score = score
        self.rank = rank
        self._reasons = reasons
        self._make = _make

    @property
    def reasons(self) -> list[Reason]:
        if self._reasons is None:
            self._reasons = self._make() if self._make is not None else []
            self._make = None
        return self._reasons

    def __eq__(self, other) -> bool:
        return isinstance(other, Suggestion) and (self.partner_id, self.score, self.rank, self.reasons) == (
            other.partner_id,
            other.score,
            other.rank,
            other.reasons,
        )

    def __repr__(self) -> str:
        return f"Suggestion({self.partner_id!r}, {self.score!r}, {self.rank!r}, {self.reasons!r})"


def _contenders(cand: np.ndarray, comp: np.ndarray, k: int):
    """The candidates that can still be among the best ``k`` whatever a firm's sector, language and
    verification add to their complementarity ``comp`` (0 to W_SECONDARY): the rest are beaten by
    the k best on complementarity alone."""
    if len(cand) <= k:
        return cand, comp
    kth = -np.partition(-comp, k - 1)[k - 1]
    keep = comp + W_SECONDARY >= kth
    return cand[keep], comp[keep]


def shown_scores(raw: np.ndarray) -> np.ndarray:
    """Scores as shown and stored: clipped to 0–100, one decimal."""
    return np.round(np.clip(raw, 0.0, 100.0), 1)


def _shown(raw: np.ndarray) -> list[float]:
    return shown_scores(raw).tolist()


def _shown_one(raw: float) -> float:
    """:func:`shown_scores` for one score, bit for bit (numpy rounds x·10 half to even, then
    divides), without the cost of an array for a list of twenty."""
    return round(min(max(raw, 0.0), 100.0) * 10.0) / 10.0


# ------------------------------------------------------------------------------------ sectors
class _Sectors:
    """Affinity between NACE codes, cached as a growing dense matrix over the codes seen."""

    def __init__(self, affinity):
        self.affinity = affinity
        self.index: dict[str, int] = {"": 0}
        self.codes: list[str] = [""]
        self.m = np.zeros((8, 8), dtype=np.float32)

    def idx(self, code: str) -> int:
        i = self.index.get(code)
        if i is not None:
            return i
        i = len(self.codes)
        if i >= self.m.shape[0]:
            n = self.m.shape[0] * 2
            m = np.zeros((n, n), dtype=np.float32)
            m[:i, :i] = self.m[:i, :i]
            self.m = m
        self.index[code] = i
        self.codes.append(code)
        for j in range(1, i + 1):
            other = self.codes[j]
            self.m[i, j] = float(self.affinity(code, other))
            self.m[j, i] = float(self.affinity(other, code))
        return i


# --------------------------------------------------------------------------------- postings
class _Posting:
    __slots__ = ("firms", "conf", "items", "arrays")

    def __init__(self):
        self.firms: list[int] = []
        self.conf: list[float] = []
        self.items: list[int] = []
        self.arrays = None

    def discard_firm(self, firm: int) -> None:
        keep = [i for i, f in enumerate(self.firms) if f != firm]
        self.firms, self.conf, self.items = (
            [x[i] for i in keep] for x in (self.firms, self.conf, self.items)
        )
        self.arrays = None

    def get(self):
        if self.arrays is None:
            self.arrays = (
                np.asarray(self.firms, dtype=np.int64),
                np.asarray(self.conf, dtype=np.float64),
                np.asarray(self.items, dtype=np.int64),
            )
        return self.arrays


class _Item:
    """One offer or need of a firm (a plain class: a directory load makes 50,000+ of them)."""

    __slots__ = ("firm", "side", "text", "hits", "keymap")

    def __init__(self, firm: int, side: int, text: str):
        self.firm, self.side, self.text = firm, side, text
        self.hits: tuple[ConceptHit, ...] = ()
        # posting key -> (concept, confidence) of the best hit behind it
        self.keymap: dict = {}


class _Firm:
    __slots__ = ("idx", "profile", "country", "items", "posted", "plan", "codes", "langs", "pindex", "t0key")

    def __init__(self, idx: int, profile: FirmProfile):
        self.idx = idx
        self.profile = profile
        self.country = profile.country
        self.items: list[int] = []  # global item ids, offers then needs
        self.posted: list[tuple] = []  # posting keys this firm was added to
        self.plan: list[tuple] | None = None
        self.pindex: tuple | None = None
        self.t0key = -1  # see MatchEngine._tier0_keys
        self.codes: list[int] = []
        self.langs: tuple[str, ...] = tuple(
            dict.fromkeys(lg.strip().lower() for lg in profile.languages if lg and lg.strip())
        )


# ------------------------------------------------------------------------------------ engine
class MatchEngine(BulkRanking):
    """Incremental partner-suggestion engine. See the module docstring."""

    def __init__(self, lexicon: Lexicon | None = None):
        self.lexicon = lexicon if lexicon is not None else default_lexicon()
        self._sectors = _Sectors(sector_affinity)
        self._firms: dict[int, _Firm] = {}
        self._idx: dict[Hashable, int] = {}
        self._ids: list[Hashable] = []
        self._items: list[_Item] = []
        self._postings: dict[tuple, _Posting] = {}
        self._free = FreeConceptIndex()
        self._pending: list[int] = []
        self._langs: dict[str, int] = {}
        self._countries: dict[str, int] = {}
        cap = 64
        self._active = np.zeros(cap, dtype=bool)
        self._country = np.full(cap, -1, dtype=np.int16)
        self._langmask = np.zeros(cap, dtype=np.int64)
        self._verified = np.zeros(cap, dtype=np.float64)
        self._codes = [np.zeros(cap, dtype=np.int32) for _ in range(_MAX_SECTORS)]
        self._id_rank = np.zeros(cap, dtype=np.int64)
        self._rank_dirty = True
        self._tops = TopLists(cap)
        self._sid: list[str] = []  # ids as text: the tie-break order of equal scores
        self._keys_cache: dict[str, tuple] = {}
        self._others_cache: dict[int, np.ndarray] = {}
        self._code_width = 1
        self._acc = np.zeros((cap, 1))
        self._mark = np.zeros(cap, dtype=bool)
        self._default_k = 20
        # a bulk ranking remembers the last firm's tier-0 work: (key, arrays); None: off
        self._memo: tuple | None = None

    def __len__(self) -> int:
        return len(self._firms)

    def __contains__(self, firm_id) -> bool:
        i = self._idx.get(firm_id)
        return i is not None and i in self._firms

    def _grow(self, n: int) -> None:
        cap = self._active.shape[0]
        if n < cap:
            return
        new = max(n + 1, cap * 2)

        def g(a, fill=0):
            shape = (new,) + a.shape[1:]
            b = np.full(shape, fill, dtype=a.dtype)
            b[:cap] = a
            return b

        self._active = g(self._active)
        self._country = g(self._country, -1)
        self._langmask = g(self._langmask)
        self._verified = g(self._verified)
        self._codes = [g(c) for c in self._codes]
        self._id_rank = g(self._id_rank)
        self._tops.grow(new)

    def add(self, profile: FirmProfile) -> None:
        """Add or replace a firm's profile (analysis happens lazily, batched)."""
        if profile.id in self._idx and self._idx[profile.id] in self._firms:
            self._unpost(self._idx[profile.id])
            idx = self._idx[profile.id]
        else:
            idx = len(self._ids)
            self._ids.append(profile.id)
            self._sid.append(str(profile.id))
            self._idx[profile.id] = idx
            if idx >= self._active.shape[0]:
                self._grow(idx)
            self._rank_dirty = True
        f = _Firm(idx, profile)
        self._firms[idx] = f
        self._active[idx] = True
        self._country[idx] = self._countries.setdefault(profile.country, len(self._countries))
        mask = 0
        for lg in profile.languages:
            lg = (lg or "").strip().lower()
            if lg:
                bit = self._langs.setdefault(lg, len(self._langs))
                mask |= 1 << min(bit, 62)
        self._langmask[idx] = mask
        self._verified[idx] = 1.0 if profile.verified else 0.0
        codes = [c.strip() for c in profile.sectors if c and c.strip()][:_MAX_SECTORS]
        f.codes = [self._sectors.idx(c) for c in codes]
        self._code_width = max(self._code_width, len(f.codes))
        self._others_cache.clear()
        for j, col in enumerate(self._codes):
            if j < len(f.codes):
                col[idx] = f.codes[j]
            elif col[idx]:  # a replaced profile had more codes
                col[idx] = 0
        for side, texts in ((OFFER, profile.offers), (NEED, profile.needs)):
            for t in texts:
                if t and t.strip():
                    f.items.append(len(self._items))
                    self._items.append(_Item(idx, side, t.strip()))
        self._pending.append(idx)

    def remove(self, firm_id) -> set:
        """Remove a firm; returns the ids of firms whose kept lists held it (already updated)."""
        idx = self._idx.get(firm_id)
        if idx is None or idx not in self._firms:
            return set()
        tops = self._tops
        holders = set(tops.holders(idx)) - {idx}
        self._unpost(idx)
        del self._firms[idx]
        self._active[idx] = False
        self._others_cache.clear()
        tops.forget(idx)
        for x in holders:
            if tops.place(x, idx, None)[1]:
                self._store(x, tops.want[x])
        tops.drop_partner(idx)
        return {self._ids[h] for h in holders}

    def _unpost(self, idx: int) -> None:
        f = self._firms[idx]
        for key in f.posted:
            self._postings[key].discard_firm(idx)
        f.posted = []
        f.plan = None
        if idx in self._pending:
            self._pending.remove(idx)

    def _ensure_index(self) -> None:
        if self._rank_dirty:
            order = sorted(range(len(self._ids)), key=lambda i: str(self._ids[i]))
            self._id_rank[np.asarray(order, dtype=np.int64)] = np.arange(len(order))
            self._rank_dirty = False
        if not self._pending:
            return
        with paused_gc():
            self._index_pending()

    def _index_pending(self) -> None:
        pending = [i for i in dict.fromkeys(self._pending) if i in self._firms]
        self._pending = []
        item_ids = [g for i in pending for g in self._firms[i].items]
        analysed = self.lexicon.analyze_many(self._items[g].text for g in item_ids)
        for g, hits in zip(item_ids, analysed, strict=False):
            self._items[g].hits = hits
            for h in hits:
                if h.free:
                    self._free.add(h.key, h.phon)
        self._free.flush()
        for i in pending:
            self._post(self._firms[i])

    def _keys_of(self, hit: ConceptHit):
        """Posting keys of one hit: (kind, value)."""
        if hit.free:
            return (("f", hit.key),)
        keys = self._keys_cache.get(hit.concept)
        if keys is None:
            c = self.lexicon.concept(hit.concept)
            keys = [("c", c.id)] + [("a", a) for a in c.ancestors]
            if c.heading:
                keys.append(("h", c.heading))
            if c.group:
                keys.append(("g", c.group))
            if c.chapter:
                keys.append(("ch", c.chapter))
            keys = self._keys_cache[hit.concept] = tuple(keys)
        return keys

    def _post(self, f: _Firm) -> None:
        cc = self._country[f.idx]
        for g in f.items:
            it = self._items[g]
            keymap = {}
            for h in it.hits:
                for kind, val in self._keys_of(h):
                    key = (kind, val, it.side, cc)
                    p = self._postings.get(key)
                    if p is None:
                        p = self._postings[key] = _Posting()
                    p.firms.append(f.idx)  # inlined: a directory load makes 250,000 of these
                    p.conf.append(h.confidence)
                    p.items.append(g)
                    p.arrays = None
                    f.posted.append(key)
                    if (kind, val) not in keymap or keymap[(kind, val)][1] < h.confidence:
                        keymap[(kind, val)] = (h.concept, h.confidence)
            it.keymap = keymap
        f.plan = None

    def _plan(self, f: _Firm) -> list[tuple]:
        """Lookups of one firm, by tier: (tier, kind, value, opposite side, own confidence,
        level weight, slot, relation, own concept)."""
        if f.plan is not None:
            return f.plan
        plan = []
        for slot, g in enumerate(f.items):
            it = self._items[g]
            opp = NEED if it.side == OFFER else OFFER
            for h in it.hits:
                q = h.confidence
                cid = h.concept
                if h.free:
                    plan.append((0, "f", h.key, opp, q, 1.0, slot, "free", cid))
                    continue
                c = self.lexicon.concept(cid)
                plan.append((0, "c", cid, opp, q, LEVEL["exact"], slot, "exact", cid))
                plan.append((0, "a", cid, opp, q, LEVEL["narrower"], slot, "narrower", cid))
                for a in c.ancestors:
                    plan.append((0, "c", a, opp, q, LEVEL["broader"], slot, "broader", cid))
                if c.heading:
                    plan.append((1, "h", c.heading, opp, q, LEVEL["heading"], slot, "heading", cid))
                if c.group:
                    plan.append((2, "g", c.group, opp, q, LEVEL["group"], slot, "group", cid))
                if c.chapter:
                    plan.append((3, "ch", c.chapter, opp, q, LEVEL["chapter"], slot, "chapter", cid))
        plan.sort(key=lambda r: r[0])
        f.plan = plan
        return plan

    # ----------------------------------------------------------------------- scoring
    def _other_firms(self, cc: int) -> np.ndarray:  # active, other countries, ascending
        got = self._others_cache.get(cc)
        if got is None:
            n = len(self._ids)
            mask = self._active[:n] & (self._country[:n] != cc) & (self._country[:n] >= 0)
            got = self._others_cache[cc] = np.nonzero(mask)[0].astype(np.int64)
        return got

    def _tier_arrays(self, f: _Firm, tier: int, with_items: bool):
        """The postings one tier of a firm's plan looks up: (their firms, their confidences, their
        items, our confidence, level × free similarity, our slot) per non-empty posting."""
        cc = self._country[f.idx]
        others = [c for c in self._countries.values() if c != cc]
        for t, kind, val, opp, q, lvl, slot, _rel, _cid in self._plan(f):
            if t != tier:
                continue
            targets = self._free.neighbours(val).items() if kind == "f" else ((val, 1.0),)
            for tval, s in targets:
                for oc in others:
                    p = self._postings.get((kind, tval, opp, oc))
                    if p is None or not p.firms:
                        continue
                    firms, conf, items = p.get()
                    yield firms, conf, items, q, lvl * s, slot

    def _gather_tier(self, f: _Firm, tier: int, with_items: bool = False):
        """One tier's contributions: (firms, values, their items if asked, our slots). A value is
        ``(their conf × our conf) × (level × free similarity)`` floored at the next tier's level;
        symmetric, so a pair scores the same bits from either side."""
        fl, cl, il, ql, ll, sl = [], [], [], [], [], []
        for firms, conf, items, q, lvl, slot in self._tier_arrays(f, tier, with_items):
            fl.append(firms)
            cl.append(conf)
            if with_items:
                il.append(items)
            ql.append(q)
            ll.append(lvl)
            sl.append(slot)
        if not fl:
            return None
        lens = [len(x) for x in fl]
        firms = np.concatenate(fl) if len(fl) > 1 else fl[0]
        conf = np.concatenate(cl) if len(cl) > 1 else cl[0]
        items = (np.concatenate(il) if len(il) > 1 else il[0]) if with_items else None
        if len(fl) == 1:
            v = (conf * ql[0]) * ll[0]
            slots = sl[0]
        else:
            v = (conf * np.repeat(np.asarray(ql), lens)) * np.repeat(np.asarray(ll), lens)
            slots = np.repeat(np.asarray(sl, dtype=np.int64), lens)
        np.maximum(v, TIER_FLOOR[tier], out=v)
        return firms, v, items, slots

    def _scratch(self, nslots: int) -> np.ndarray:
        n = self._active.shape[0]
        if self._acc.shape[1] < nslots or self._acc.shape[0] < n:
            self._acc = np.zeros((n, max(nslots, self._acc.shape[1])))
        if self._mark.shape[0] < n:
            self._mark = np.zeros(n, dtype=bool)
        return self._acc

    def _secondary(self, a: int, cand: np.ndarray, row: np.ndarray | None = None) -> np.ndarray:
        f = self._firms[a]
        if f.codes:
            if row is None:
                row = self._sectors.m[np.asarray(f.codes)].max(axis=0)
            sec = self._best_code(row, cand)
        else:
            sec = 0.0
        lang = (self._langmask[cand] & self._langmask[a]) != 0
        return W_SECTOR * sec + W_LANG * lang + W_VERIFIED * self._verified[cand]

    def _best_code(self, row: np.ndarray, cand: np.ndarray) -> np.ndarray:
        """Best of ``row`` over each candidate's sector codes (0 = no code)."""
        sec = row[self._codes[0][cand]]
        for j in range(1, self._code_width):
            np.maximum(sec, row[self._codes[j][cand]], out=sec)
        return sec

    def _topk(self, cand, score, k, part=None):
        if len(cand) > k:
            if part is None:
                part = np.argpartition(-score, k - 1)[:k]
            kth = score[part].min()
            keep = score >= kth
            cand, score = cand[keep], score[keep]
        order = np.lexsort((self._id_rank[cand], -score))[:k]
        return cand[order], score[order]

    def _rank(self, a: int, k: int):
        """Exact top-k partners of firm ``a``: (firm indexes, raw scores), best first."""
        f = self._firms[a]
        nslots = len(f.items)
        acc = self._scratch(nslots)
        mark = self._mark
        width = acc.shape[1]  # firm-major: acc[firm, slot]
        flat = acc.reshape(-1)
        srow = self._sectors.m[np.asarray(f.codes)].max(axis=0) if f.codes else None
        cand = np.zeros(0, dtype=np.int64)
        score = np.zeros(0)
        cand0 = rest0 = None
        part = None
        memo = self._memo if self._memo is not None and nslots else None
        for tier in range(N_TIERS if nslots else 0):
            if memo is not None and tier == 0:
                key = f.t0key
                if memo[0] == key:  # the same exact-match work as the firm before: share it
                    cand, comp = memo[1]
                    score = comp + self._secondary(a, cand, srow)
                    part = np.argpartition(-score, k - 1)[:k] if len(cand) > k else np.arange(len(cand))
                    if len(cand) >= k and score[part].min() > W_COMP * TIER_WEIGHT[1] + W_SECONDARY:
                        return self._topk(cand, score, k, part)
                memo = None  # rank this firm in full (and remember its tier 0 below)
            else:
                key = None
            got = self._gather_tier(f, tier)
            if got is None:
                if key is not None:
                    self._memo = (key, (cand, score))
                continue
            firms, v, _items, slots = got
            np.maximum.at(flat, firms * width + slots, v)
            mark[firms] = True
            cand = np.flatnonzero(mark)
            part = None
            if nslots == 1:
                best = acc[cand, 0]
                rest = 0.0
            else:
                m = acc[cand, :nslots]
                best = m[:, 0].copy()
                tot = m[:, 0].copy()
                for j in range(1, nslots):  # column by column: fast, and summed in slot order
                    np.maximum(best, m[:, j], out=best)
                    tot += m[:, j]
                if tier == 0:
                    # other exact matches: a bonus from tier-0 values (rounded for 8+ items,
                    # where numpy's pairwise sums in _entering may differ in the last bit)
                    cand0, rest0 = cand, (tot - best if nslots < 8 else np.round(tot - best, 9))
                    rest = rest0
                else:
                    rest = np.zeros(len(cand))
                    if cand0 is not None:
                        rest[np.searchsorted(cand, cand0)] = rest0
            comp = W_COMP * best + W_MORE * np.minimum(1.0, rest)
            if key is not None:
                self._memo = (key, _contenders(cand, comp, k))
            score = comp + self._secondary(a, cand, srow)
            if len(cand) >= k:
                part = np.argpartition(-score, k - 1)[:k] if len(cand) > k else np.arange(len(cand))
                if score[part].min() > W_COMP * TIER_WEIGHT[tier + 1] + W_SECONDARY:
                    break
        if len(cand):
            acc[cand, :nslots] = 0.0
            mark[cand] = False
        top_c, top_s = self._topk(cand, score, k, part) if len(cand) else (cand, score)
        if len(top_c) < k or (len(top_s) and top_s[-1] <= W_SECONDARY):
            # fallback: every firm of the other country, by sector / language / verification
            allc = self._other_firms(self._country[a])
            if len(allc):
                sc = self._secondary(a, allc, srow)
                if len(cand):
                    sc[np.searchsorted(allc, cand)] = score
                top_c, top_s = self._topk(allc, sc, k)
        return top_c, top_s

    # ----------------------------------------------------------------------- reasons
    def _why(self, f: _Firm, bf: _Firm) -> list[Reason]:
        """Reasons of one pair, worked out when first read (same values as the scoring)."""
        plan = self._plan(f)
        index, free_rows = self._plan_index(f)
        best: dict[int, tuple] = {}
        for g in bf.items:
            it = self._items[g]
            side = it.side
            for (kind, val), (_cid, conf) in it.keymap.items():
                for row in index.get((kind, val, side), ()):
                    t, _k, _v, _o, q, lvl, slot, _r, _c = plan[row]
                    cur = (max((conf * q) * lvl, TIER_FLOOR[t]), -g, -row)
                    old = best.get(slot)
                    if old is None or cur > old:
                        best[slot] = cur
            if free_rows:
                for h in it.hits:
                    if not h.free:
                        continue
                    for row in free_rows:
                        t, _k, val, opp, q, lvl, slot, _r, _c = plan[row]
                        sim = self._free.neighbours(val).get(h.key) if opp == side else None
                        if sim is None:
                            continue
                        cur = (max((h.confidence * q) * (lvl * sim), TIER_FLOOR[t]), -g, -row)
                        old = best.get(slot)
                        if old is None or cur > old:
                            best[slot] = cur
        contribs = [(v, slot, -ng, -nr) for slot, (v, ng, nr) in best.items()]
        return self._reasons(f, plan, bf, contribs)

    def _plan_index(self, f: _Firm):
        """Plan rows by looked-up key, for reasons: {(kind, value, side): [row, …]}, free rows."""
        plan = self._plan(f)
        if f.pindex is None or f.pindex[0] is not plan:
            index: dict[tuple, list[int]] = {}
            free_rows = []
            for row, r in enumerate(plan):
                if r[1] == "f":
                    free_rows.append(row)
                else:
                    index.setdefault((r[1], r[2], r[3]), []).append(row)
            f.pindex = (plan, index, free_rows)
        return f.pindex[1], f.pindex[2]

    def _reasons(self, f, plan, bf, contribs) -> list[Reason]:
        reasons: list[Reason] = []
        seen = set()
        for v, slot, item, row in sorted(contribs, key=lambda t: (-t[0], t[1], t[2]))[:3]:
            own = self._items[f.items[slot]]
            other = self._items[item]
            if (own.text, other.text) in seen:
                continue
            seen.add((own.text, other.text))
            _t, kind, val, _opp, _q, _l, _slot, rel, own_concept = plan[row]
            partner_concept = (other.keymap.get((kind, val)) or ("",))[0]
            if kind == "f":
                partner_concept = next((h.concept for h in other.hits if h.free), "")
            direction = "offer_need" if own.side == OFFER else "need_offer"
            if rel in ("heading", "group", "chapter"):
                reasons.append(
                    Reason(
                        "related_product",
                        own.text,
                        other.text,
                        own_concept,
                        partner_concept,
                        rel,
                        direction,
                        str(val),
                        (),
                        (),
                        round(v, 3),
                    )
                )
            else:
                reasons.append(
                    Reason(
                        direction,
                        own.text,
                        other.text,
                        own_concept,
                        partner_concept,
                        rel,
                        "",
                        "",
                        (),
                        (),
                        round(v, 3),
                    )
                )
        if f.codes and bf.codes:
            m = self._sectors.m
            aff, x, y = max((float(m[x, y]), -x, -y) for x in f.codes for y in bf.codes)
            if aff >= 0.5:
                reasons.append(
                    Reason(
                        "sector",
                        sectors=(self._sectors.codes[-x], self._sectors.codes[-y]),
                        weight=round(aff, 3),
                    )
                )
        if f.langs and bf.langs:
            shared = tuple(lg for lg in f.langs if lg in bf.langs)
            if shared:
                reasons.append(Reason("language", languages=shared))
        if bf.profile.verified:
            reasons.append(Reason("verified"))
        return reasons

    # ----------------------------------------------------------------------- lists
    def _ranked_rows(self, a: int, cap: int) -> list[tuple]:
        top_c, top_s = self._rank(a, cap)
        sid = self._sid
        return [(-s, sid[b], b) for b, s in zip(top_c.tolist(), top_s.tolist(), strict=False)]

    def _store(self, a: int, want: int) -> None:
        """Rank firm ``a`` again and keep its list (``want`` shown, a margin below)."""
        cap = depth_for(want)
        self._tops.set(a, self._ranked_rows(a, cap), want, cap)
        self._default_k = want

    def _shown_rows(self, a: int) -> list[tuple] | None:
        """The rows a kept list shows (None when never computed)."""
        rows = self._tops.rows.get(a)
        return None if rows is None else rows[: self._tops.want.get(a, len(rows))]

    def _suggestions(self, a: int, partners: list[int], scores: list[float]) -> list[Suggestion]:
        """Suggestions of firm ``a``, best first (reasons worked out when first read)."""
        f, firms, ids, why = self._firms.get(a), self._firms, self._ids, self._why
        return [
            Suggestion(
                ids[b], s, rank, None, partial(why, f, firms[b]) if f is not None and b in firms else None
            )
            for rank, (b, s) in enumerate(zip(partners, scores, strict=False), start=1)
        ]

    def _served(self, a: int) -> list[Suggestion]:
        """The shown part of a kept list as suggestions."""
        top = self._shown_rows(a)
        return self._suggestions(a, [r[2] for r in top], [_shown_one(-r[0]) for r in top])

    def stored_scores(self, firm_id) -> list[tuple] | None:
        """(partner id, shown score) of a kept list's shown part, best first (None when never
        computed): what a writer compares, without suggestion objects."""
        top = self._shown_rows(self._idx.get(firm_id, -1))
        ids = self._ids
        return None if top is None else [(ids[r[2]], _shown_one(-r[0])) for r in top]

    def _known(self, firm_id) -> int:
        self._ensure_index()
        a = self._idx[firm_id]
        if a not in self._firms:
            raise KeyError(firm_id)
        return a

    def suggestions_for(self, firm_id, k: int = 20) -> list[Suggestion]:
        """Best ``k`` partners for one firm, kept for :meth:`update` and :meth:`affected_by`."""
        a = self._known(firm_id)
        self._store(a, k)
        return self._served(a)

    def ranked(self, firm_id, k: int) -> list[Suggestion]:
        """Best ``k`` partners for one firm, without keeping them (e.g. to explain a deeper pair)."""
        a = self._known(firm_id)
        top_c, top_s = self._rank(a, k)
        return self._suggestions(a, top_c.tolist(), _shown(top_s))

    def rebuild(
        self, k: int = 20, progress: Callable[[int, int], None] | None = None, workers: int = 1
    ) -> dict[Hashable, list[Suggestion]]:
        """Suggestions for every firm, kept; ``progress(done, total)`` is called along the way.
        ``workers`` > 1 (-1: one per CPU) ranks in forked processes (POSIX, 2,000+ firms; same
        results) — for the command line, not inside a threaded web worker."""
        got = self.rank_all(k, progress, workers, keep=True)
        with paused_gc():  # 400,000 suggestions on a large heap
            return {self._ids[a]: self._served(a) for a in got.firms.tolist()}

    def _scores_from_others(self, a: int):
        """Every firm of the other country, ascending, with the score of ``a`` seen from its side
        (bit-identical to that firm's own ranking)."""
        f = self._firms[a]
        allc = self._other_firms(self._country[a])
        if len(allc) == 0:
            return allc, np.zeros(0)
        sc = self._secondary_reverse(a, allc)
        got = [
            (t, g) for t, g in ((t, self._gather_tier(f, t, True)) for t in range(N_TIERS)) if g is not None
        ]
        if got:
            items = np.concatenate([g[2] for _t, g in got])
            vals = np.concatenate([g[1] for _t, g in got])
            tier0 = np.concatenate([np.full(len(g[0]), t == 0) for t, g in got])
            # per item of theirs: best value and best tier-0 value
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
            firm_of = self._item_firm(uitems)
            o = np.argsort(firm_of, kind="stable")
            fr, v, st = firm_of[o], v_item[o], strong[o]
            at = np.nonzero(np.r_[True, fr[1:] != fr[:-1]])[0]
            cand = fr[at]
            best = np.maximum.reduceat(v, at)
            rest = np.add.reduceat(st, at) - np.maximum.reduceat(st, at)
            many = np.asarray([len(self._firms[x].items) >= 8 for x in cand.tolist()], bool)
            rest[many] = np.round(rest[many], 9)
            comp = W_COMP * best + W_MORE * np.minimum(1.0, rest)
            pos = np.searchsorted(allc, cand)
            sc[pos] = comp + sc[pos]
        return allc, sc

    def affected_by(self, firm_id) -> set:
        """Firms whose lists may change because of this firm's (new) profile.

        Its own list, the firms whose stored list holds it, and the firms whose stored list it
        may now enter (its score from their side reaches their last row). Lists never computed
        in this engine are computed first (once, with the last k used, default 20)."""
        self._ensure_index()
        a = self._idx.get(firm_id)
        if a is None or a not in self._firms:
            return set()
        self._fill_lists(skip=a)
        allc, sc = self._scores_from_others(a)
        out = {a} | self._tops.holders(a) | set(allc[sc >= self._tops.kth[allc]].tolist())
        return {self._ids[i] for i in out if i in self._firms}

    def _fill_lists(self, skip: int, k: int | None = None) -> bool:
        """Compute the lists not computed yet (a fresh engine, firms only added): without them
        every firm would count as affected. Returns whether there were any."""
        k = k or self._default_k
        missing = [x for x in self._firms if x not in self._tops and x != skip]
        if not missing:
            return False
        with paused_gc():
            for x in missing:
                self._store(x, k)
        return True

    def _item_firm(self, items: np.ndarray) -> np.ndarray:
        return np.asarray([self._items[i].firm for i in items.tolist()], dtype=np.int64)

    def _secondary_reverse(self, a: int, cand: np.ndarray) -> np.ndarray:
        f = self._firms[a]
        if f.codes:
            col = self._sectors.m[:, np.asarray(f.codes)].max(axis=1)
            sec = self._best_code(col, cand)
        else:
            sec = np.zeros(len(cand))
        lang = (self._langmask[cand] & self._langmask[a]) != 0
        return W_SECTOR * sec + W_LANG * lang + W_VERIFIED * self._verified[a]

    def update(self, profile: FirmProfile, k: int = 20) -> dict[Hashable, list[Suggestion]]:
        """:meth:`apply_change`, returning the lists whose shown part changed, by id."""
        return {fid: self.stored(fid) for fid in self.apply_change(profile, k)}

    def apply_change(self, profile: FirmProfile, k: int = 20) -> list[Hashable]:
        """Add or change one firm and bring every kept list it affects up to date: its own is
        ranked again; in the others it takes its new place, enters or leaves (see
        :mod:`matchmaker.core.toplists`). Returns the ids of the lists whose shown part changed
        (after a fresh engine computed its lists with the new profile already in: every list that
        holds it or may hold it)."""
        with paused_gc():
            self.add(profile)
            self._ensure_index()
            a = self._idx[profile.id]
            filled = self._fill_lists(skip=a, k=k)
            self._store(a, self._tops.want.get(a, k))
            out = {a}
            allc, sc = self._scores_from_others(a)
            tops = self._tops
            touched = dict.fromkeys(tops.holders(a))
            touched.update(dict.fromkeys(allc[sc >= tops.kth[allc]].tolist()))
            touched.pop(a, None)
            pos = np.searchsorted(allc, np.fromiter(touched, dtype=np.int64, count=len(touched)))
            pos = np.minimum(pos, max(len(allc) - 1, 0)).tolist()
            scores, tie = sc.tolist(), self._sid[a]
            for x, i in zip(touched, pos, strict=False):
                if x not in tops or x not in self._firms:
                    continue
                key = (-scores[i], tie) if len(allc) and allc[i] == x else None
                changed, short = tops.place(x, a, key)
                if short:
                    self._store(x, tops.want[x])
                if changed or short or filled:
                    out.add(x)
            return [self._ids[x] for x in out]

    def ids_of(self, idx: np.ndarray) -> np.ndarray:
        """Firm ids of engine indexes (e.g. of a :class:`Ranking`)."""
        return np.asarray(self._ids)[idx] if len(idx) else np.zeros(0, dtype=np.int64)

    def fill(self, k: int = 20) -> None:
        """Compute every list not computed yet (e.g. once a worker has loaded the directory)."""
        self._ensure_index()
        self._fill_lists(skip=-1, k=k)

    def holders_of(self, firm_id) -> set:
        """Ids of the firms whose kept lists hold this one."""
        a = self._idx.get(firm_id)
        return set() if a is None else {self._ids[x] for x in self._tops.holders(a)}

    def refresh(self, firm_ids: Iterable, k: int = 20) -> dict[Hashable, list[Suggestion]]:
        return {fid: self.suggestions_for(fid, k) for fid in firm_ids if fid in self}

    def stored(self, firm_id) -> list[Suggestion] | None:
        """The kept list of a firm (None when never computed)."""
        a = self._idx.get(firm_id, -1)
        return None if a not in self._tops else self._served(a)
