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
from .descriptions import read_descriptions
from .matching_firms import NEED, OFFER, Firm, FirmRegistry, Indexes, Item

__all__ = [
    "DIRECT_FLOOR",
    "LEVEL",
    "N_TIERS",
    "TIER_FLOOR",
    "TIER_WEIGHT",
    "Plan",
    "PlanRow",
    "Posting",
    "PostingIndex",
]

LEVEL = {"exact": 1.0, "broader": 0.7, "narrower": 0.7, "heading": 0.45, "group": 0.35, "chapter": 0.25}
TIER_WEIGHT = (1.0, 0.45, 0.35, 0.25, 0.0)  # best possible item score per tier; tier 4: none
# a tier's values are floored at the next tier's weight, except tier 0 (the same product: a direct
# match), floored at DIRECT_FLOOR, strictly above every value of the later tiers: an item value of
# DIRECT_FLOOR or more is a direct match and nothing else is
DIRECT_FLOOR = 0.5
TIER_FLOOR = (DIRECT_FLOOR, *TIER_WEIGHT[2:])
N_TIERS = 4

Key = tuple[str, str, int, int]  # (kind, value, side, country code)


class PlanRow(NamedTuple):
    """One lookup of a firm's plan."""

    tier: int
    kind: str  # c, a, h, g, ch or f (see the module docstring)
    value: str  # concept, ancestor, heading, group, chapter or free key looked up
    opposite: int  # the side looked up: their needs for our offer, their offers for our need
    confidence: float  # of our hit
    level: float  # the tier's level (LEVEL); free concepts 1.0 (their similarity is applied at lookup)
    slot: int  # our item's place among the firm's items
    relation: str  # how their concept relates to ours: exact, narrower, broader, free, heading …
    concept: str  # our concept


HitRows = tuple[tuple[PlanRow, ...], ...]  # the lookups of one hit, by tier (free concepts: tier 0 only)


class Plan:
    """A firm's lookups: ``tiers``, the rows of each tier (within a tier as its items and hits
    come), and ``rows``, all of them ordered by tier (a reason's tie-break uses a row's place
    there; made when first asked for)."""

    __slots__ = ("tiers", "_rows")

    def __init__(self, tiers: tuple[list[PlanRow], ...]):
        self.tiers = tiers
        self._rows: list[PlanRow] | None = None

    @property
    def rows(self) -> list[PlanRow]:
        if self._rows is None:
            self._rows = [r for rows in self.tiers for r in rows]
        return self._rows


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
        # plan rows of a hit in a slot, shared by every firm with that hit there (rows are immutable)
        self._hit_rows: dict[tuple[str, str, str, float, int, int], HitRows] = {}

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
        self._add_described([firms[i] for i in pending])
        for i in pending:
            self._post(firms[i])

    def _add_described(self, firms: list[Firm]) -> None:
        """The items read in the firms' descriptions, after their listed ones: a concept the firm
        lists on the same side is not repeated (the listed item wins)."""
        todo = [f for f in firms if not f.described and f.profile.description.strip()]
        if not todo:
            return
        items = self.registry.items
        readings = read_descriptions(self.lexicon, (f.profile.description for f in todo))
        for f, reading in zip(todo, readings, strict=True):
            f.described = True
            listed = {(items[g].side, h.concept) for g in f.items for h in items[g].hits}
            for d in reading.items:
                side = OFFER if d.side == "offer" else NEED
                if (side, d.concept) in listed:
                    continue
                it = Item(f.idx, side, d.text, d.quote)
                it.hits = (ConceptHit(d.concept, d.confidence, d.text, "exact"),)
                f.items.append(len(items))
                items.append(it)

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
        exact, heading, group, chapter = tiers
        items, cached = self.registry.items, self._hit_rows
        for slot, g in enumerate(f.items):
            it = items[g]
            opp = NEED if it.side == OFFER else OFFER
            for h in it.hits:
                key = (h.how, h.concept, h.key, h.confidence, opp, slot)
                rows = cached.get(key)
                if rows is None:
                    rows = cached[key] = self._hit_rows_of(h, opp, slot)
                exact += rows[0]
                if len(rows) > 1:
                    heading += rows[1]
                    group += rows[2]
                    chapter += rows[3]
        plan = f.plan = Plan(tiers)
        return plan

    def _hit_rows_of(self, h: ConceptHit, opp: int, slot: int) -> HitRows:
        """The lookups of one hit of the item in ``slot``, by tier."""
        q, cid = h.confidence, h.concept
        if h.free:
            return ((PlanRow(0, "f", h.key, opp, q, 1.0, slot, "free", cid),),)
        c = self.lexicon.concept(cid)
        exact = [
            PlanRow(0, "c", cid, opp, q, LEVEL["exact"], slot, "exact", cid),
            PlanRow(0, "a", cid, opp, q, LEVEL["narrower"], slot, "narrower", cid),
        ]
        exact += [PlanRow(0, "c", a, opp, q, LEVEL["broader"], slot, "broader", cid) for a in c.ancestors]
        related = [
            () if not value else (PlanRow(tier, kind, value, opp, q, LEVEL[rel], slot, rel, cid),)
            for tier, kind, rel, value in (
                (1, "h", "heading", c.heading),
                (2, "g", "group", c.group),
                (3, "ch", "chapter", c.chapter),
            )
        ]
        return (tuple(exact), *related)
