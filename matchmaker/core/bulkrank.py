"""Ranking every firm at once (pure core): the bulk part of
:class:`~matchmaker.core.matching.MatchEngine`.

A rebuild ranks every firm, optionally in forked worker processes that send back flat arrays
(:class:`Ranking`), chunk by chunk so that the caller writes one while the next is ranked. Firms that
list the same goods after analysis look up the same postings; they are ranked one after another
and share that work (:class:`~matchmaker.core.matching_rank.SharedWork`, docs/matching.md,
"Rebuild").
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from operator import attrgetter

import numpy as np

from .matching_firms import FirmRegistry, Indexes
from .matching_index import PostingIndex
from .matching_rank import Ranked, Ranker, Scores, SharedWork
from .toplists import TopLists, depth_for

__all__ = ["BulkRanker", "Ranking", "paused_gc"]


_FORKED: tuple[Ranker, int, dict[int, int]] | None = None  # what forked rebuild workers rank with


@dataclass(slots=True, eq=False)
class Ranking:
    """Lists of many firms as flat arrays: ``firms`` (engine indexes), ``lens``, then the rows of
    each list in turn, best first: ``partners`` (indexes) and raw ``scores``."""

    firms: Indexes
    lens: Indexes
    partners: Indexes
    scores: Scores

    def positions(self) -> Indexes:
        """Each row's place in its list (0 = best)."""
        ends = np.cumsum(self.lens)
        out: Indexes = np.arange(len(self.partners)) - np.repeat(ends - self.lens, self.lens)
        return out

    def cut(self, k: int) -> Ranking:
        """The first ``k`` rows of each list (kept lists are ranked deeper, with a margin)."""
        if not len(self.lens) or self.lens.max() <= k:
            return self
        short = self.positions() < k
        return Ranking(self.firms, np.minimum(self.lens, k), self.partners[short], self.scores[short])

    def lists(self) -> Iterator[tuple[int, Ranked]]:
        """Each firm with its list."""
        ends = np.cumsum(self.lens)
        starts = ends - self.lens
        for a, b, e in zip(self.firms.tolist(), starts.tolist(), ends.tolist(), strict=False):
            yield a, Ranked(self.partners[b:e], self.scores[b:e])

    @classmethod
    def join(cls, parts: list[Ranking]) -> Ranking:
        if not parts:
            z = np.zeros(0, dtype=np.int64)
            return cls(z, z, z, np.zeros(0))
        return cls(
            np.concatenate([p.firms for p in parts]),
            np.concatenate([p.lens for p in parts]),
            np.concatenate([p.partners for p in parts]),
            np.concatenate([p.scores for p in parts]),
        )


def _rank_chunk(firms: list[int], job: tuple[Ranker, int, dict[int, int]] | None = None) -> Ranking:
    """Rank a chunk of firms with ``job`` = (ranker, k, each firm's :meth:`BulkRanker._alike`
    number): a firm numbered as the one before it gets that firm's list. Without ``job``: in a
    forked worker, with the job it inherited."""
    if job is None:
        gc.disable()  # a short-lived worker process
        assert _FORKED is not None
        job = _FORKED
    ranker, k, alike = job
    res: list[Ranked] = []
    last = -1
    for a in firms:
        if alike[a] != last or not res:
            last = alike[a]
            res.append(ranker.rank(a, k))
        else:
            res.append(res[-1])
    lens = np.fromiter((len(r.firms) for r in res), dtype=np.int64, count=len(res))
    partners = np.concatenate([r.firms for r in res]) if res else np.zeros(0, dtype=np.int64)
    scores = np.concatenate([r.scores for r in res]) if res else np.zeros(0)
    return Ranking(np.asarray(firms, dtype=np.int64), lens, partners, scores)


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic collector paused: the engine makes and keeps many small objects with no cycles,
    and a full collection would rescan the whole (large) heap again and again. Nests."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class BulkRanker:
    """Ranks every present firm with the engine's ranker, in an order that lets consecutive firms
    share their exact-match work, and keeps the lists if asked. Holds no state between rankings
    (the ranker's shared work is cleared when a ranking ends, however it ends)."""

    def __init__(self, registry: FirmRegistry, index: PostingIndex, ranker: Ranker, tops: TopLists):
        self.registry = registry
        self.index = index
        self.ranker = ranker
        self.tops = tops

    def parts(
        self,
        k: int,
        progress: Callable[[int, int], None] | None,
        workers: int,
        keep: bool,
    ) -> Iterator[Ranking]:
        """Every firm's best ``k`` partners chunk by chunk, as the chunks are ranked (the posting
        index is up to date). ``keep``: also keep the lists, with their margin, in the top lists."""
        keys = self._tier0_keys()
        firms_of = Counter(keys.values())
        alike = self._alike(keys, firms_of)
        firms = sorted(self.registry.firms, key=lambda a: (keys[a], alike[a], a))
        total, done = len(firms), 0
        cap = depth_for(k) if keep else k
        # only a firm whose tier-0 work another firm shares keeps it for the next one
        self.ranker.shared = SharedWork({a: key for a, key in keys.items() if firms_of[key] > 1})
        try:
            for part in self._ranked_chunks(firms, cap, workers, alike):
                if keep:
                    for a, got in part.lists():
                        self.tops.set_ranked(a, got.firms, got.scores, k, cap)
                done += len(part.firms)
                if progress is not None:
                    progress(done, total)
                yield part.cut(k)
        finally:
            self.ranker.shared = None

    def _ranked_chunks(
        self, firms: list[int], k: int, workers: int, alike: dict[int, int]
    ) -> Iterator[Ranking]:
        n = (os.cpu_count() or 1) if workers == -1 else max(1, workers)
        if n > 1 and len(firms) >= 2000 and "fork" in mp.get_all_start_methods():
            global _FORKED
            _FORKED = (self.ranker, k, alike)
            size = max(200, len(firms) // (n * 16))  # small enough to even out the tail
            chunks = [firms[i : i + size] for i in range(0, len(firms), size)]
            try:
                with mp.get_context("fork").Pool(n) as pool:
                    yield from pool.imap(_rank_chunk, chunks)
            finally:
                _FORKED = None
            return
        for i in range(0, len(firms), 500):
            yield _rank_chunk(firms[i : i + 500], (self.ranker, k, alike))

    def _tier0_keys(self) -> dict[int, int]:
        """Number every firm by what its exact-match (tier 0) work depends on: its country, item
        count and lookups. Firms that list the same goods (after analysis, whatever the spelling)
        get the same number and share that work in a bulk ranking."""
        seen: dict[tuple[object, ...], int] = {}
        keys: dict[int, int] = {}
        plan = self.index.plan
        for a, f in self.registry.firms.items():
            lookups = tuple(map(_LOOKUP, plan(f).tiers[0]))
            keys[a] = seen.setdefault((f.country, len(f.items), lookups), len(seen))
        return keys

    def _alike(self, keys: dict[int, int], firms_of: Counter[int]) -> dict[int, int]:
        """Number every firm by all a ranking of it depends on: its tier-0 work (``keys``), the
        lookups of the later tiers, and what its side of the secondary scores depends on (sector
        codes, languages). Firms numbered alike get the same list (the firms of one trade that list
        the same goods, in the same sectors and languages). ``firms_of``: how many firms have
        each tier-0 number (a firm alone with its own is alike to none)."""
        seen: dict[tuple[object, ...], int] = {}
        alike: dict[int, int] = {}
        plan, langs = self.index.plan, self.registry.langmask.tolist()
        for a, f in self.registry.firms.items():
            if firms_of[keys[a]] == 1:
                alike[a] = seen.setdefault((keys[a],), len(seen))
                continue
            later = tuple(tuple(map(_LOOKUP, rows)) for rows in plan(f).tiers[1:])
            alike[a] = seen.setdefault((keys[a], later, tuple(f.codes), langs[a]), len(seen))
        return alike


# what a plan row's work depends on (its relation and concept only word the reasons)
_LOOKUP = attrgetter("kind", "value", "opposite", "confidence", "level", "slot")
