"""The concept posting index of a matching engine (pure core): every analysed offer and need posted
under tiered keys, and each firm's plan of lookups into it.

An item's concept hits are posted under ``(kind, value, side, country code)``: ``c:<concept>``,
``a:<ancestor>`` for each ancestor, ``h:<HS heading>``, ``g:<group>``, ``ch:<HS chapter>``, or
``f:<free key>``. A firm's plan looks its offers up among the other countries' needs and its needs
among their offers, tier by tier (see :data:`LEVEL` and :data:`TIER_WEIGHT`, docs/matching.md).
Part of :class:`~matchmaker.core.matching.MatchEngine`.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from .concepts import ConceptHit, FreeConceptIndex, Lexicon
from .matching_firms import NEED, OFFER, Firm, FirmRegistry, Indexes

__all__ = ["LEVEL", "N_TIERS", "TIER_FLOOR", "TIER_WEIGHT", "Plan", "PlanRow", "Posting", "PostingIndex"]

LEVEL = {"exact": 1.0, "broader": 0.7, "narrower": 0.7, "heading": 0.5, "group": 0.35, "chapter": 0.25}
TIER_WEIGHT = (1.0, 0.5, 0.35, 0.25, 0.0)  # best possible item score per tier; tier 4: none
TIER_FLOOR = TIER_WEIGHT[1:]  # a tier's values are floored at the next tier's weight
N_TIERS = 4

Key = tuple[str, str, int, int]  # (kind, value, side, country code)


class PlanRow(NamedTuple):
    """One lookup of a firm's plan."""

    tier: int
    kind: str  # c, a, h, g, ch or f (see the module docstring)
    value: str  # concept, ancestor, heading, group, chapter or free key looked up
    opposite: int  # the side looked up: their needs for our offer, their offers for our need
    confidence: float  # of our hit
    level: float  # the tier's level (LEVEL); free concepts: 1.0, times their similarity
    slot: int  # our item's place among the firm's items
    relation: str  # how their concept relates to ours: exact, narrower, broader, free, heading …
    concept: str  # our concept


class Plan:
    """A firm's lookups: ``rows`` ordered by tier (within a tier as its items and hits come; a
    reason's tie-break uses a row's place here) and ``tiers``, the same rows split by tier."""

    __slots__ = ("rows", "tiers")

    def __init__(self, tiers: tuple[list[PlanRow], ...]):
        self.tiers = tiers
        self.rows: list[PlanRow] = [r for rows in tiers for r in rows]


class PostingArrays(NamedTuple):
    firms: Indexes
    conf: NDArray[np.float64]
    items: Indexes


class Posting:
    """The hits posted under one key: parallel lists (firm, hit confidence, item), and their arrays,
    made when first looked up after a change."""

    __slots__ = ("firms", "conf", "items", "arrays")

    def __init__(self) -> None:
        self.firms: list[int] = []
        self.conf: list[float] = []
        self.items: list[int] = []
        self.arrays: PostingArrays | None = None

    def discard_firm(self, firm: int) -> None:
        keep = [i for i, f in enumerate(self.firms) if f != firm]
        self.firms = [self.firms[i] for i in keep]
        self.conf = [self.conf[i] for i in keep]
        self.items = [self.items[i] for i in keep]
        self.arrays = None

    def get(self) -> PostingArrays:
        if self.arrays is None:
            self.arrays = PostingArrays(
                np.asarray(self.firms, dtype=np.int64),
                np.asarray(self.conf, dtype=np.float64),
                np.asarray(self.items, dtype=np.int64),
            )
        return self.arrays


class PostingIndex:
    """Postings by key, the free concepts seen (and which of them name the same product), and the
    firms added or changed since the last :meth:`index_pending`.

    Invariants: a present firm's items are posted exactly once, under the keys in ``_posted``,
    unless it is pending; an item's ``hits`` and ``keymap`` are those it was posted with; a firm's
    cached plan was worked out from its current postings (posting a firm clears it)."""

    def __init__(self, lexicon: Lexicon, registry: FirmRegistry):
        self.lexicon = lexicon
        self.registry = registry
        self.postings: dict[Key, Posting] = {}
        # concepts.py is being typed separately: its constructor may still be unannotated
        self.free = FreeConceptIndex()  # type: ignore[no-untyped-call,unused-ignore]
        self._pending: list[int] = []
        self._posted: dict[int, list[Key]] = {}
        self._keys: dict[str, tuple[tuple[str, str], ...]] = {}

    @property
    def pending(self) -> bool:
        return bool(self._pending)

    def queue(self, idx: int) -> None:
        """The firm's (new) items wait for the next :meth:`index_pending`."""
        self._pending.append(idx)

    def unpost(self, f: Firm) -> None:
        """Take a firm's items out of the postings (before its profile is replaced or removed)."""
        idx = f.idx
        for key in self._posted.pop(idx, ()):
            self.postings[key].discard_firm(idx)
        f.plan = None
        if idx in self._pending:
            self._pending.remove(idx)

    def index_pending(self) -> None:
        """Analyse the items of the pending firms in one batch and post them."""
        firms, items = self.registry.firms, self.registry.items
        pending = [i for i in dict.fromkeys(self._pending) if i in firms]
        self._pending = []
        item_ids = [g for i in pending for g in firms[i].items]
        analysed = self.lexicon.analyze_many(items[g].text for g in item_ids)
        for g, hits in zip(item_ids, analysed, strict=False):
            items[g].hits = hits
            for h in hits:
                if h.free:
                    self.free.add(h.key, h.phon)
        self.free.flush()
        for i in pending:
            self._post(firms[i])

    def keys_of(self, hit: ConceptHit) -> tuple[tuple[str, str], ...]:
        """Posting keys of one hit: (kind, value)."""
        if hit.free:
            return (("f", hit.key),)
        keys = self._keys.get(hit.concept)
        if keys is None:
            c = self.lexicon.concept(hit.concept)
            found = [("c", c.id)] + [("a", a) for a in c.ancestors]
            if c.heading:
                found.append(("h", c.heading))
            if c.group:
                found.append(("g", c.group))
            if c.chapter:
                found.append(("ch", c.chapter))
            keys = self._keys[hit.concept] = tuple(found)
        return keys

    def _post(self, f: Firm) -> None:
        cc = int(self.registry.country[f.idx])
        postings, items = self.postings, self.registry.items
        posted = self._posted.setdefault(f.idx, [])
        for g in f.items:
            it = items[g]
            keymap: dict[tuple[str, str], ConceptHit] = {}
            for h in it.hits:
                for kv in self.keys_of(h):
                    key = (kv[0], kv[1], it.side, cc)
                    p = postings.get(key)
                    if p is None:
                        p = postings[key] = Posting()
                    p.firms.append(f.idx)  # inlined: a directory load makes 250,000 of these
                    p.conf.append(h.confidence)
                    p.items.append(g)
                    p.arrays = None
                    posted.append(key)
                    best = keymap.get(kv)
                    if best is None or best.confidence < h.confidence:
                        keymap[kv] = h
            it.keymap = keymap
        f.plan = None

    def plan(self, f: Firm) -> Plan:
        """The firm's lookups by tier (worked out once per posting of the firm)."""
        if f.plan is not None:
            return f.plan
        tiers: tuple[list[PlanRow], ...] = ([], [], [], [])
        exact, concept_of = tiers[0], self.lexicon.concept
        for slot, g in enumerate(f.items):
            it = self.registry.items[g]
            opp = NEED if it.side == OFFER else OFFER
            for h in it.hits:
                q, cid = h.confidence, h.concept
                if h.free:
                    exact.append(PlanRow(0, "f", h.key, opp, q, 1.0, slot, "free", cid))
                    continue
                c = concept_of(cid)
                exact.append(PlanRow(0, "c", cid, opp, q, LEVEL["exact"], slot, "exact", cid))
                exact.append(PlanRow(0, "a", cid, opp, q, LEVEL["narrower"], slot, "narrower", cid))
                for a in c.ancestors:
                    exact.append(PlanRow(0, "c", a, opp, q, LEVEL["broader"], slot, "broader", cid))
                for tier, kind, value in ((1, "h", c.heading), (2, "g", c.group), (3, "ch", c.chapter)):
                    if value:
                        rel = _RELATION[kind]
                        tiers[tier].append(PlanRow(tier, kind, value, opp, q, LEVEL[rel], slot, rel, cid))
        plan = f.plan = Plan(tiers)
        return plan


_RELATION = {"h": "heading", "g": "group", "ch": "chapter"}
