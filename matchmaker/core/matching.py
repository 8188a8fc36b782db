"""Partner matching between Azerbaijani and Russian firms (pure core: rapidfuzz + numpy).

A firm's offers and needs are analysed into lexicon concepts (:mod:`matchmaker.core.concepts`).
Every concept hit is *posted* under a few keys in an inverted index, per side (offer / need) and
per country:

======  =================================  ======  ===========================================
tier    key                                weight  meaning
======  =================================  ======  ===========================================
0       ``c:<concept>``                    1.0     same concept ("хурма" ↔ "persimmons")
0       ``a:<ancestor>`` / ``c:<ancestor>``  0.7     one side is broader ("fruit" ↔ "persimmon")
0       ``f:<free key>``                   ≤1.0    same unknown product in any script
1       ``h:<HS heading>``                 0.5     same 4-digit HS heading
2       ``g:<group>``                      0.35    same product group
3       ``ch:<HS chapter>``                0.25    same 2-digit HS chapter
======  =================================  ======  ===========================================

A firm's offers are looked up among the *needs* of firms of the other country and vice versa, so
work grows with plausible pairs, not with N×M. Tiers are visited in order and the search stops as
soon as the k-th best score found cannot be beaten by any firm of a later tier (exact top-k;
contributions of tier t are floored at the weight of tier t+1, so a later tier never improves a
firm already found). Firms without enough complementary partners fall back to a vectorised scan
of sector affinity, shared language and verification over all firms of the other country: every
firm gets suggestions.

Score (0–100): ``70·best + 8·min(1, other exact matches) + 12·sector + 6·language + 4·verified``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Hashable, Iterable

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from .concepts import ConceptHit, Lexicon, _free_sim, default_lexicon

__all__ = ["FirmProfile", "MatchEngine", "Suggestion", "Reason", "render_reason"]

W_COMP, W_MORE, W_SECTOR, W_LANG, W_VERIFIED = 70.0, 8.0, 12.0, 6.0, 4.0
W_SECONDARY = W_SECTOR + W_LANG + W_VERIFIED
LEVEL = {"exact": 1.0, "broader": 0.7, "narrower": 0.7, "heading": 0.5, "group": 0.35,
         "chapter": 0.25}
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


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a partner is suggested; :func:`render_reason` turns it into en / ru / az text.

    ``kind``: offer_need (you offer, they need), need_offer (you need, they offer),
    related_product (same HS heading / product group / HS chapter, see ``relation`` and
    ``direction``), sector, language, verified."""

    kind: str
    own_item: str = ""
    partner_item: str = ""
    concept: str = ""
    partner_concept: str = ""
    # how the partner's concept relates to ours: exact | broader | narrower | free | heading |
    # group | chapter
    relation: str = ""
    direction: str = ""  # related_product: offer_need | need_offer
    detail: str = ""  # related_product: the shared HS heading, group id or HS chapter
    sectors: tuple[str, ...] = ()  # sector: (own code, partner code)
    languages: tuple[str, ...] = ()
    weight: float = 0.0


@dataclass(slots=True)
class Suggestion:
    partner_id: Hashable
    score: float
    rank: int
    reasons: list[Reason] = field(default_factory=list)


# ------------------------------------------------------------------------------------ sectors
def _fallback_affinity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if a[:4] == b[:4] and len(a) >= 4:
        return 0.8
    if a[:2] == b[:2]:
        return 0.6
    return 0.0


def _sector_functions():
    try:  # written in parallel; guard so the engine works before it lands
        from . import sectors as _s

        return _s.sector_affinity, getattr(_s, "affinity_reason", None)
    except Exception:  # pragma: no cover - depends on the tree
        return _fallback_affinity, None


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
            m[: i, : i] = self.m[: i, : i]
            self.m = m
        self.index[code] = i
        self.codes.append(code)
        for j in range(1, i + 1):
            other = self.codes[j]
            try:
                self.m[i, j] = float(self.affinity(code, other))
                self.m[j, i] = float(self.affinity(other, code))
            except Exception:
                self.m[i, j] = self.m[j, i] = _fallback_affinity(code, other)
        return i


# --------------------------------------------------------------------------------- postings
class _Posting:
    __slots__ = ("firms", "conf", "items", "arrays")

    def __init__(self):
        self.firms: list[int] = []
        self.conf: list[float] = []
        self.items: list[int] = []
        self.arrays = None

    def add(self, firm: int, conf: float, item: int) -> None:
        self.firms.append(firm)
        self.conf.append(conf)
        self.items.append(item)
        self.arrays = None

    def discard_firm(self, firm: int) -> None:
        keep = [i for i, f in enumerate(self.firms) if f != firm]
        self.firms = [self.firms[i] for i in keep]
        self.conf = [self.conf[i] for i in keep]
        self.items = [self.items[i] for i in keep]
        self.arrays = None

    def get(self):
        if self.arrays is None:
            self.arrays = (np.asarray(self.firms, dtype=np.int64),
                           np.asarray(self.conf, dtype=np.float64),
                           np.asarray(self.items, dtype=np.int64))
        return self.arrays


class _FreeIndex:
    """Neighbourhood of free (unknown) concepts: pairwise, hence independent of insertion order."""

    def __init__(self):
        self.keys: dict[str, str] = {}  # key -> phon
        self.neigh: dict[str, dict[str, float]] = {}
        self._pending: list[str] = []

    def add(self, key: str, phon: str) -> None:
        if key not in self.keys:
            self.keys[key] = phon
            self.neigh[key] = {key: 1.0}
            self._pending.append(key)

    def flush(self) -> None:
        if not self._pending:
            return
        new = self._pending
        self._pending = []
        allk = list(self.keys)
        if len(allk) > 1:
            # vectorised: edit distance on the Latin keys and on the phonetic keys
            d = process.cdist(new, allk, scorer=OSA.distance, score_cutoff=3, dtype=np.uint8,
                              workers=-1)
            ph = [self.keys[k] for k in allk]
            dp = process.cdist([self.keys[k] for k in new], ph, scorer=OSA.distance,
                               score_cutoff=1, dtype=np.uint8, workers=-1)
            for i, a in enumerate(new):
                for j in np.nonzero((d[i] <= 3) | (dp[i] <= 1))[0]:
                    b = allk[j]
                    if a == b:
                        continue
                    s = _free_sim(a, self.keys[a], b, self.keys[b])
                    if s > 0:
                        self.neigh[a][b] = s
                        self.neigh[b][a] = s

    def neighbours(self, key: str) -> dict[str, float]:
        return self.neigh.get(key, {key: 1.0})


@dataclass(slots=True)
class _Item:
    firm: int
    side: int
    text: str
    hits: tuple[ConceptHit, ...] = ()


class _Firm:
    __slots__ = ("idx", "profile", "country", "items", "posted", "plan", "codes")

    def __init__(self, idx: int, profile: FirmProfile):
        self.idx = idx
        self.profile = profile
        self.country = profile.country
        self.items: list[int] = []  # global item ids, offers then needs
        self.posted: list[tuple] = []  # posting keys this firm was added to
        self.plan: list[tuple] | None = None
        self.codes: list[int] = []


# ------------------------------------------------------------------------------------ engine
class MatchEngine:
    """Incremental partner-suggestion engine. See the module docstring."""

    def __init__(self, lexicon: Lexicon | None = None):
        self.lexicon = lexicon if lexicon is not None else default_lexicon()
        aff, reason_fn = _sector_functions()
        self._affinity_reason = reason_fn
        self._sectors = _Sectors(aff)
        self._firms: dict[int, _Firm] = {}
        self._idx: dict[Hashable, int] = {}
        self._ids: list[Hashable] = []
        self._items: list[_Item] = []
        self._postings: dict[tuple, _Posting] = {}
        self._free = _FreeIndex()
        self._pending: list[int] = []
        self._langs: dict[str, int] = {}
        self._countries: dict[str, int] = {}
        cap = 64
        self._active = np.zeros(cap, dtype=bool)
        self._country = np.full(cap, -1, dtype=np.int16)
        self._langmask = np.zeros(cap, dtype=np.int64)
        self._verified = np.zeros(cap, dtype=np.float64)
        self._codes = np.zeros((cap, _MAX_SECTORS), dtype=np.int32)
        self._id_rank = np.zeros(cap, dtype=np.int64)
        self._rank_dirty = True
        self._lists: dict[int, list[Suggestion]] = {}
        self._list_k: dict[int, int] = {}
        self._kth = np.full(cap, -np.inf)
        self._holders: dict[int, set[int]] = {}

    # ----------------------------------------------------------------------- profiles
    def __len__(self) -> int:
        return len(self._firms)

    def __contains__(self, firm_id) -> bool:
        i = self._idx.get(firm_id)
        return i is not None and i in self._firms

    def profile(self, firm_id) -> FirmProfile:
        return self._firms[self._idx[firm_id]].profile

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
        self._codes = g(self._codes)
        self._id_rank = g(self._id_rank)
        self._kth = g(self._kth, -np.inf)

    def add(self, profile: FirmProfile) -> None:
        """Add or replace a firm's profile (analysis happens lazily, batched)."""
        if profile.id in self._idx and self._idx[profile.id] in self._firms:
            self._unpost(self._idx[profile.id])
            idx = self._idx[profile.id]
        else:
            idx = len(self._ids)
            self._ids.append(profile.id)
            self._idx[profile.id] = idx
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
        self._codes[idx] = 0
        self._codes[idx, : len(f.codes)] = f.codes
        for side, texts in ((OFFER, profile.offers), (NEED, profile.needs)):
            for t in texts:
                if t and t.strip():
                    f.items.append(len(self._items))
                    self._items.append(_Item(idx, side, t.strip()))
        self._pending.append(idx)

    def remove(self, firm_id) -> set:
        """Remove a firm; returns the ids of firms whose stored lists contained it."""
        idx = self._idx.get(firm_id)
        if idx is None or idx not in self._firms:
            return set()
        holders = set(self._holders.get(idx, ()))
        self._unpost(idx)
        del self._firms[idx]
        self._active[idx] = False
        self._forget_list(idx)
        self._holders.pop(idx, None)
        holders.discard(idx)
        return {self._ids[h] for h in holders if h in self._firms}

    def _unpost(self, idx: int) -> None:
        f = self._firms[idx]
        for key in f.posted:
            self._postings[key].discard_firm(idx)
        f.posted = []
        f.plan = None
        if idx in self._pending:
            self._pending.remove(idx)

    # ----------------------------------------------------------------------- indexing
    def _ensure_index(self) -> None:
        if self._rank_dirty:
            order = sorted(range(len(self._ids)), key=lambda i: str(self._ids[i]))
            self._id_rank[np.asarray(order, dtype=np.int64)] = np.arange(len(order))
            self._rank_dirty = False
        if not self._pending:
            return
        pending = [i for i in dict.fromkeys(self._pending) if i in self._firms]
        self._pending = []
        item_ids = [g for i in pending for g in self._firms[i].items]
        analysed = self.lexicon.analyze_many(self._items[g].text for g in item_ids)
        for g, hits in zip(item_ids, analysed):
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
            return [("f", hit.key)]
        c = self.lexicon.concept(hit.concept)
        keys = [("c", c.id)] + [("a", a) for a in c.ancestors]
        if c.heading:
            keys.append(("h", c.heading))
        if c.group:
            keys.append(("g", c.group))
        if c.chapter:
            keys.append(("ch", c.chapter))
        return keys

    def _post(self, f: _Firm) -> None:
        cc = self._country[f.idx]
        for g in f.items:
            it = self._items[g]
            for h in it.hits:
                for kind, val in self._keys_of(h):
                    key = (kind, val, it.side, cc)
                    p = self._postings.get(key)
                    if p is None:
                        p = self._postings[key] = _Posting()
                    p.add(f.idx, h.confidence, g)
                    f.posted.append(key)
        f.plan = None

    def _plan(self, f: _Firm) -> list[tuple]:
        """Lookups of one firm: (tier, kind, value, opposite side, weight, slot, relation)."""
        if f.plan is not None:
            return f.plan
        plan = []
        for slot, g in enumerate(f.items):
            it = self._items[g]
            opp = NEED if it.side == OFFER else OFFER
            for h in it.hits:
                q = h.confidence
                if h.free:
                    plan.append((0, "f", h.key, opp, q, slot, "free"))
                    continue
                c = self.lexicon.concept(h.concept)
                plan.append((0, "c", c.id, opp, q, slot, "exact"))
                plan.append((0, "a", c.id, opp, LEVEL["narrower"] * q, slot, "narrower"))
                for a in c.ancestors:
                    plan.append((0, "c", a, opp, LEVEL["broader"] * q, slot, "broader"))
                if c.heading:
                    plan.append((1, "h", c.heading, opp, LEVEL["heading"] * q, slot, "heading"))
                if c.group:
                    plan.append((2, "g", c.group, opp, LEVEL["group"] * q, slot, "group"))
                if c.chapter:
                    plan.append((3, "ch", c.chapter, opp, LEVEL["chapter"] * q, slot, "chapter"))
        f.plan = plan
        return plan

    # ----------------------------------------------------------------------- scoring
    def _other_countries(self, cc: int) -> list[int]:
        return [c for c in self._countries.values() if c != cc]

    def _gather(self, f: _Firm, max_tier: int):
        """All contributions of tiers <= max_tier: arrays firm, slot, value, item, plan row."""
        others = self._other_countries(self._country[f.idx])
        parts = []
        for row, (tier, kind, val, opp, w, slot, _rel) in enumerate(self._plan(f)):
            if tier > max_tier:
                continue
            if kind == "f":
                targets = self._free.neighbours(val).items()
            else:
                targets = ((val, 1.0),)
            for tval, s in targets:
                for oc in others:
                    p = self._postings.get((kind, tval, opp, oc))
                    if p is None or not p.firms:
                        continue
                    firms, conf, items = p.get()
                    v = conf * (w * s)
                    np.maximum(v, TIER_FLOOR[tier], out=v)
                    parts.append((firms, v, items, slot, row, tier))
        if not parts:
            e = np.zeros(0, dtype=np.int64)
            return e, e, np.zeros(0), e, e, e
        firms = np.concatenate([p[0] for p in parts])
        vals = np.concatenate([p[1] for p in parts])
        items = np.concatenate([p[2] for p in parts])
        lens = [len(p[0]) for p in parts]
        slots = np.repeat(np.asarray([p[3] for p in parts], dtype=np.int64), lens)
        rows = np.repeat(np.asarray([p[4] for p in parts], dtype=np.int64), lens)
        tiers = np.repeat(np.asarray([p[5] for p in parts], dtype=np.int64), lens)
        return firms, slots, vals, items, rows, tiers

    @staticmethod
    def _reduce(firms, slots, vals, items, rows, tiers, nslots):
        """Best contribution per (firm, slot) then complementarity per firm."""
        key = firms * (nslots + 1) + slots
        order = np.lexsort((items, -vals, key))
        ks = key[order]
        first = np.empty(len(ks), dtype=bool)
        first[:1] = True
        np.not_equal(ks[1:], ks[:-1], out=first[1:])
        sel = order[first]
        f, v, t = firms[sel], vals[sel], tiers[sel]
        start = np.empty(len(f), dtype=bool)
        start[:1] = True
        np.not_equal(f[1:], f[:-1], out=start[1:])
        at = np.nonzero(start)[0]
        cand = f[at]
        best = np.maximum.reduceat(v, at)
        strong = np.where(t == 0, v, 0.0)
        rest = np.add.reduceat(strong, at) - np.maximum.reduceat(strong, at)
        comp = W_COMP * best + W_MORE * np.minimum(1.0, rest)
        return cand, comp, sel, at

    def _secondary(self, a: int, cand: np.ndarray) -> np.ndarray:
        f = self._firms[a]
        if f.codes:
            row = self._sectors.m[np.asarray(f.codes)].max(axis=0)
            sec = row[self._codes[cand]].max(axis=1).astype(np.float64)
        else:
            sec = np.zeros(len(cand))
        lang = ((self._langmask[cand] & self._langmask[a]) != 0).astype(np.float64)
        return W_SECTOR * sec + W_LANG * lang + W_VERIFIED * self._verified[cand]

    def _topk(self, cand, score, k):
        if len(cand) > k:
            part = np.argpartition(-score, k - 1)[:k]
            kth = score[part].min()
            keep = score >= kth
            cand, score = cand[keep], score[keep]
        order = np.lexsort((self._id_rank[cand], -score))[:k]
        return cand[order], score[order]

    def _compute(self, a: int, k: int) -> list[Suggestion]:
        f = self._firms[a]
        nslots = len(f.items)
        others = self._other_countries(self._country[a])
        cand = np.zeros(0, dtype=np.int64)
        score = np.zeros(0)
        gathered = None
        for tier in range(N_TIERS):
            gathered = self._gather(f, tier)
            if len(gathered[0]) == 0:
                continue
            cand, comp, sel, at = self._reduce(*gathered, nslots)
            score = comp + self._secondary(a, cand)
            if len(cand) >= k:
                kth = np.partition(score, len(score) - k)[len(score) - k]
                if kth > W_COMP * TIER_WEIGHT[tier + 1] + W_SECONDARY:
                    break
        top_c, top_s = self._topk(cand, score, k) if len(cand) else (cand, score)
        if len(top_c) < k or (len(top_s) and top_s[-1] <= W_SECONDARY):
            # fallback: every firm of the other country, by sector / language / verification
            allc = np.nonzero(self._active & np.isin(self._country, others))[0].astype(np.int64)
            if len(allc):
                sc = self._secondary(a, allc)
                if len(cand):
                    pos = np.searchsorted(allc, cand)
                    sc[pos] = score
                top_c, top_s = self._topk(allc, sc, k)
        return self._suggestions(a, top_c, top_s, gathered)

    # ----------------------------------------------------------------------- reasons
    def _suggestions(self, a, top_c, top_s, gathered) -> list[Suggestion]:
        f = self._firms[a]
        self._last_raw = float(top_s[-1]) if len(top_s) else -np.inf
        plan = self._plan(f)
        contrib: dict[int, list] = {}
        if gathered is not None and len(gathered[0]) and len(top_c):
            firms, slots, vals, items, rows, tiers = gathered
            wanted = np.isin(firms, top_c)
            idxs = np.nonzero(wanted)[0]
            if len(idxs):
                sub = idxs[np.lexsort((items[idxs], -vals[idxs], slots[idxs], firms[idxs]))]
                seen = set()
                for j in sub.tolist():
                    key = (int(firms[j]), int(slots[j]))
                    if key in seen:
                        continue
                    seen.add(key)
                    contrib.setdefault(key[0], []).append(
                        (float(vals[j]), int(slots[j]), int(items[j]), int(rows[j])))
        out = []
        a_codes = [self._sectors.codes[c] for c in f.codes]
        for rank, (b, s) in enumerate(zip(top_c.tolist(), top_s.tolist()), start=1):
            reasons = self._reasons(a, f, plan, b, contrib.get(b, ()), a_codes)
            out.append(Suggestion(self._ids[b], round(min(100.0, max(0.0, s)), 1), rank,
                                  reasons))
        return out

    def _reasons(self, a, f, plan, b, contribs, a_codes) -> list[Reason]:
        reasons: list[Reason] = []
        seen = set()
        for v, slot, item, row in sorted(contribs, key=lambda t: (-t[0], t[1], t[2]))[:3]:
            own = self._items[f.items[slot]]
            other = self._items[item]
            rel = plan[row][6]
            kind = "offer_need" if own.side == OFFER else "need_offer"
            concept = plan[row][2] if plan[row][1] != "f" else own.hits[0].concept
            own_concept = self._own_concept(own, plan[row])
            partner_concept = self._partner_concept(other, plan[row])
            key = (own.text, other.text)
            if key in seen:
                continue
            seen.add(key)
            if rel in ("heading", "group", "chapter"):
                reasons.append(Reason("related_product", own.text, other.text, own_concept,
                                      partner_concept, relation=rel, direction=kind,
                                      detail=str(concept), weight=round(v, 3)))
            else:
                reasons.append(Reason(kind, own.text, other.text, own_concept, partner_concept,
                                      relation=rel, weight=round(v, 3)))
        bf = self._firms[b]
        if f.codes and bf.codes:
            m = self._sectors.m
            best = max(((float(m[x, y]), x, y) for x in f.codes for y in bf.codes),
                       key=lambda t: (t[0], -t[1], -t[2]))
            if best[0] >= 0.5:
                sa, sb = self._sectors.codes[best[1]], self._sectors.codes[best[2]]
                reasons.append(Reason("sector", sectors=(sa, sb), weight=round(best[0], 3)))
        shared = [lg for lg in f.profile.languages
                  if lg and lg.strip().lower() in {x.strip().lower()
                                                   for x in bf.profile.languages}]
        if shared:
            reasons.append(Reason("language", languages=tuple(dict.fromkeys(
                lg.strip().lower() for lg in shared))))
        if bf.profile.verified:
            reasons.append(Reason("verified"))
        return reasons

    def _own_concept(self, item: _Item, plan_row) -> str:
        for h in item.hits:
            if h.free and plan_row[1] == "f" and h.key == plan_row[2]:
                return h.concept
            if not h.free and (h.concept == plan_row[2] or plan_row[1] != "c"):
                return h.concept
        return item.hits[0].concept if item.hits else ""

    def _partner_concept(self, item: _Item, plan_row) -> str:
        kind, val = plan_row[1], plan_row[2]
        for h in item.hits:
            if kind == "f" and h.free:
                return h.concept
            if h.free:
                continue
            keys = self._keys_of(h)
            want = {"c": ("c", "a"), "a": ("c",), "h": ("h",), "g": ("g",), "ch": ("ch",)}
            if any(k in want.get(kind, ()) and v == val for k, v in keys):
                return h.concept
        return item.hits[0].concept if item.hits else ""

    # ----------------------------------------------------------------------- lists
    def _store(self, a: int, lst: list[Suggestion], k: int) -> None:
        self._forget_list(a)
        self._lists[a] = lst
        self._list_k[a] = k
        for s in lst:
            self._holders.setdefault(self._idx[s.partner_id], set()).add(a)
        # raw k-th score (minus a hair: scores seen from the other side may differ in the
        # last bits); a full list only, else anyone may enter
        self._kth[a] = self._last_raw - 1e-6 if len(lst) >= k else -np.inf

    def _forget_list(self, a: int) -> None:
        old = self._lists.pop(a, None)
        self._list_k.pop(a, None)
        self._kth[a] = -np.inf
        if old:
            for s in old:
                h = self._holders.get(self._idx.get(s.partner_id))
                if h is not None:
                    h.discard(a)

    def suggestions_for(self, firm_id, k: int = 20) -> list[Suggestion]:
        """Best partners for one firm (and remember the list for :meth:`affected_by`)."""
        self._ensure_index()
        a = self._idx[firm_id]
        if a not in self._firms:
            raise KeyError(firm_id)
        lst = self._compute(a, k)
        self._store(a, lst, k)
        return lst

    def rebuild(self, k: int = 20, progress: Callable[[int, int], None] | None = None
                ) -> dict[Hashable, list[Suggestion]]:
        """Suggestions for every firm; ``progress(done, total)`` is called along the way."""
        self._ensure_index()
        firms = sorted(self._firms)
        total = len(firms)
        out = {}
        step = max(1, total // 200)
        for n, a in enumerate(firms, start=1):
            lst = self._compute(a, k)
            self._store(a, lst, k)
            out[self._ids[a]] = lst
            if progress is not None and (n % step == 0 or n == total):
                progress(n, total)
        return out

    def affected_by(self, firm_id) -> set:
        """Firms whose lists may change because of this firm's (new) profile.

        Its own list, the firms whose stored list holds it, and the firms whose stored list it
        now enters (its score from their side reaches their k-th score)."""
        self._ensure_index()
        a = self._idx.get(firm_id)
        if a is None or a not in self._firms:
            return set()
        out = {a} | set(self._holders.get(a, ()))
        f = self._firms[a]
        others = self._other_countries(self._country[a])
        allc = np.nonzero(self._active & np.isin(self._country, others))[0].astype(np.int64)
        if len(allc) == 0:
            return {self._ids[i] for i in out}
        # score of ``a`` from every other firm's side
        sc = self._secondary_reverse(a, allc)
        firms, slots, vals, items, rows, tiers = self._gather(f, N_TIERS - 1)
        if len(firms):
            # their slots are their items: reduce per (their firm, their item)
            key = items
            order = np.lexsort((-vals, key))
            ks = key[order]
            first = np.r_[True, ks[1:] != ks[:-1]]
            sel = order[first]
            sel = sel[np.argsort(firms[sel], kind="stable")]
            fr, v, t = firms[sel], vals[sel], tiers[sel]
            at = np.nonzero(np.r_[True, fr[1:] != fr[:-1]])[0]
            cand = fr[at]
            best = np.maximum.reduceat(v, at)
            strong = np.where(t == 0, v, 0.0)
            rest = np.add.reduceat(strong, at) - np.maximum.reduceat(strong, at)
            comp = W_COMP * best + W_MORE * np.minimum(1.0, rest)
            sc[np.searchsorted(allc, cand)] += comp
        enter = allc[sc >= self._kth[allc]]
        out.update(int(x) for x in enter)
        return {self._ids[i] for i in out if i in self._firms}

    def _secondary_reverse(self, a: int, cand: np.ndarray) -> np.ndarray:
        f = self._firms[a]
        if f.codes:
            col = self._sectors.m[:, np.asarray(f.codes)].max(axis=1)
            sec = col[self._codes[cand]].max(axis=1).astype(np.float64)
        else:
            sec = np.zeros(len(cand))
        lang = ((self._langmask[cand] & self._langmask[a]) != 0).astype(np.float64)
        return W_SECTOR * sec + W_LANG * lang + W_VERIFIED * self._verified[a]

    def update(self, profile: FirmProfile, k: int = 20) -> dict[Hashable, list[Suggestion]]:
        """Add or change one firm and refresh every list it affects; returns the new lists."""
        self.add(profile)
        return self.refresh(self.affected_by(profile.id), k)

    def refresh(self, firm_ids: Iterable, k: int = 20) -> dict[Hashable, list[Suggestion]]:
        return {fid: self.suggestions_for(fid, k) for fid in firm_ids if fid in self}

    def stored(self, firm_id) -> list[Suggestion] | None:
        """The last computed list of a firm (None when never computed)."""
        return self._lists.get(self._idx.get(firm_id, -1))


# ------------------------------------------------------------------------------- rendering
_Q = {"en": ("\u201c", "\u201d"), "ru": ("\u00ab", "\u00bb"), "az": ("\u00ab", "\u00bb")}
_LANG_NAMES = {
    "en": {"az": "Azerbaijani", "ru": "Russian", "en": "English", "tr": "Turkish"},
    "ru": {"az": "азербайджанский", "ru": "русский", "en": "английский", "tr": "турецкий"},
    "az": {"az": "Azərbaycan dili", "ru": "rus dili", "en": "ingilis dili", "tr": "türk dili"},
}
_TEMPLATES = {
    "en": {
        "offer_need": "You offer {own}; they seek {partner}",
        "need_offer": "You seek {own}; they offer {partner}",
        "related_offer_need": "Related products: you offer {own}; they seek {partner} ({why})",
        "related_need_offer": "Related products: you seek {own}; they offer {partner} ({why})",
        "heading": "same HS heading {d}", "chapter": "same HS chapter {d}",
        "group": "same product group: {d}",
        "sector_same": "Same activity: NACE {a}",
        "sector": "Related activities: NACE {a} and {b}",
        "language": "Common working language: {langs}",
        "verified": "Verified company",
    },
    "ru": {
        "offer_need": "Вы предлагаете {own}; они ищут {partner}",
        "need_offer": "Вы ищете {own}; они предлагают {partner}",
        "related_offer_need": "Смежные товары: вы предлагаете {own}; они ищут {partner} ({why})",
        "related_need_offer": "Смежные товары: вы ищете {own}; они предлагают {partner} ({why})",
        "heading": "одна товарная позиция ТН ВЭД {d}", "chapter": "одна группа ТН ВЭД {d}",
        "group": "одна товарная группа: {d}",
        "sector_same": "Тот же вид деятельности: ОКВЭД {a}",
        "sector": "Смежные виды деятельности: ОКВЭД {a} и {b}",
        "language": "Общий рабочий язык: {langs}",
        "verified": "Проверенная компания",
    },
    "az": {
        "offer_need": "Siz {own} təklif edirsiniz; onlar {partner} axtarır",
        "need_offer": "Siz {own} axtarırsınız; onlar {partner} təklif edir",
        "related_offer_need": "Əlaqəli məhsullar: siz {own} təklif edirsiniz; onlar {partner} "
                              "axtarır ({why})",
        "related_need_offer": "Əlaqəli məhsullar: siz {own} axtarırsınız; onlar {partner} "
                              "təklif edir ({why})",
        "heading": "eyni HS mövqeyi {d}", "chapter": "eyni HS fəsli {d}",
        "group": "eyni məhsul qrupu: {d}",
        "sector_same": "Eyni fəaliyyət sahəsi: NACE {a}",
        "sector": "Əlaqəli fəaliyyət sahələri: NACE {a} və {b}",
        "language": "Ortaq iş dili: {langs}",
        "verified": "Təsdiqlənmiş şirkət",
    },
}


def render_reason(reason: Reason, lang: str = "en", lexicon: Lexicon | None = None) -> str:
    """One reason as a sentence in ``lang`` (en, ru, az); the firms' own words stay quoted."""
    lang = lang if lang in _TEMPLATES else "en"
    t = _TEMPLATES[lang]
    qo, qc = _Q[lang]
    own, partner = f"{qo}{reason.own_item}{qc}", f"{qo}{reason.partner_item}{qc}"
    k = reason.kind
    if k in ("offer_need", "need_offer"):
        return t[k].format(own=own, partner=partner)
    if k == "related_product":
        d = reason.detail
        if reason.relation == "group":
            lex = lexicon if lexicon is not None else default_lexicon()
            d = lex.group_name(d, lang)
        why = t.get(reason.relation, t["group"]).format(d=d)
        direction = reason.direction if reason.direction in ("offer_need", "need_offer") \
            else "offer_need"
        return t["related_" + direction].format(own=own, partner=partner, why=why)
    if k == "sector":
        a, b = (tuple(reason.sectors) + ("", ""))[:2]
        _aff, fn = _sector_functions()
        if fn is not None:
            try:
                text = fn(a, b, lang)
                if text:
                    return text
            except Exception:
                pass
        return t["sector_same"].format(a=a) if a == b else t["sector"].format(a=a, b=b)
    if k == "language":
        names = _LANG_NAMES[lang]
        return t["language"].format(langs=", ".join(names.get(x, x) for x in reason.languages))
    if k == "verified":
        return t["verified"]
    return k
