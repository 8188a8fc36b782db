"""Ranking every firm at once (pure core): the bulk side of
:class:`~matchmaker.core.matching.MatchEngine`, mixed into it.

A rebuild ranks every firm, optionally in forked worker processes that send back flat arrays
(:class:`Ranking`), chunk by chunk so that the caller writes one while the next is ranked. Firms that
list the same goods after analysis look up the same postings; they are ranked one after another
and share that work (see ``MatchEngine._rank`` and docs/matching.md, "Rebuild").
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np

from .toplists import depth_for

__all__ = ["BulkRanking", "Ranking", "paused_gc"]


_FORKED = None  # (engine, k) seen by forked rebuild workers


def _rank_chunk(firms: list[int], engine_k=None):
    """Rank a chunk of firms: (firms, list lengths, partners, raw scores) as flat arrays. Without
    ``engine_k``: in a forked worker, on the engine it inherited."""
    if engine_k is None:
        gc.disable()  # a short-lived worker process
    eng, k = engine_k if engine_k is not None else _FORKED
    res = [(a, *eng._rank(a, k)) for a in firms]
    lens = np.fromiter((len(c) for _, c, _ in res), dtype=np.int64, count=len(res))
    cat_c = np.concatenate([c for _, c, _ in res]) if res else np.zeros(0, dtype=np.int64)
    cat_s = np.concatenate([s for _, _, s in res]) if res else np.zeros(0)
    return np.asarray([a for a, _, _ in res], dtype=np.int64), lens, cat_c, cat_s


class Ranking:
    """Lists of many firms as flat arrays: ``firms`` (engine indexes), ``lens``, then the rows of
    each list in turn, best first: ``partners`` (indexes) and raw ``scores``."""

    def __init__(self, firms, lens, partners, scores):
        self.firms, self.lens, self.partners, self.scores = firms, lens, partners, scores

    def positions(self) -> np.ndarray:
        """Each row's place in its list (0 = best)."""
        ends = np.cumsum(self.lens)
        return np.arange(len(self.partners)) - np.repeat(ends - self.lens, self.lens)

    def cut(self, k: int) -> Ranking:
        """The first ``k`` rows of each list (kept lists are ranked deeper, with a margin)."""
        if not len(self.lens) or self.lens.max() <= k:
            return self
        short = self.positions() < k
        return Ranking(self.firms, np.minimum(self.lens, k), self.partners[short], self.scores[short])

    @classmethod
    def join(cls, parts: list[Ranking]) -> Ranking:
        if not parts:
            z = np.zeros(0, dtype=np.int64)
            return cls(z, z, z, np.zeros(0))
        return cls(
            *(np.concatenate([getattr(p, a) for p in parts]) for a in ("firms", "lens", "partners", "scores"))
        )


def _unpack(packed):
    ids, lens, cat_c, cat_s = packed
    ends = np.cumsum(lens)
    starts = ends - lens
    return [
        (a, cat_c[b:e], cat_s[b:e])
        for a, b, e in zip(ids.tolist(), starts.tolist(), ends.tolist(), strict=False)
    ]


@contextmanager
def paused_gc():
    """The cyclic collector paused: the engine makes and keeps many small objects with no cycles,
    and a full collection would rescan the whole (large) heap again and again. Nests."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class BulkRanking:
    """Mixed into the engine: ranks every firm (needs its ``_rank``, firms, plans and kept lists)."""

    def rank_all(
        self,
        k: int = 20,
        progress: Callable[[int, int], None] | None = None,
        workers: int = 1,
        keep: bool = True,
    ) -> Ranking:
        """Every firm's best ``k`` partners as flat arrays (no per-suggestion objects: what a bulk
        write needs). ``keep``: also keep the lists (with their margin) for later edits."""
        parts = list(self.rank_parts(k, progress, workers, keep))
        return Ranking.join(parts)

    def rank_parts(
        self,
        k: int = 20,
        progress: Callable[[int, int], None] | None = None,
        workers: int = 1,
        keep: bool = True,
    ) -> Iterator[Ranking]:
        """:meth:`rank_all` chunk by chunk, as the chunks are ranked: a writer can store one while
        the worker processes rank the next."""
        with paused_gc():
            self._ensure_index()
            # firms with the same exact-match lookups one after another: they share that work
            self._tier0_keys()
            firms = sorted(self._firms, key=lambda a: (self._firms[a].t0key, a))
            total, done = len(firms), 0
            cap = depth_for(k) if keep else k
            sid = self._sid
            self._memo = (-1, None)
            try:
                for packed in self._ranked_chunks(firms, cap, workers):
                    if keep:
                        for a, top_c, top_s in _unpack(packed):
                            rows = [
                                (-s, sid[b], b) for b, s in zip(top_c.tolist(), top_s.tolist(), strict=False)
                            ]
                            self._tops.set(a, rows, k, cap)
                    done += len(packed[0])
                    if progress is not None:
                        progress(done, total)
                    yield Ranking(*packed).cut(k)
            finally:
                self._memo = None
            if keep:
                self._default_k = k

    def _ranked_chunks(self, firms: list[int], k: int, workers: int):
        n = (os.cpu_count() or 1) if workers == -1 else max(1, workers)
        if n > 1 and len(firms) >= 2000 and "fork" in mp.get_all_start_methods():
            global _FORKED
            _FORKED = (self, k)
            size = max(200, len(firms) // (n * 16))  # small enough to even out the tail
            chunks = [firms[i : i + size] for i in range(0, len(firms), size)]
            try:
                with mp.get_context("fork").Pool(n) as pool:
                    yield from pool.imap(_rank_chunk, chunks)
            finally:
                _FORKED = None
            return
        for i in range(0, len(firms), 500):
            yield _rank_chunk(firms[i : i + 500], (self, k))

    def _tier0_keys(self) -> None:
        """Number every firm by what its exact-match (tier 0) work depends on: its country, item
        count and lookups. Firms that list the same goods (after analysis, whatever the spelling)
        get the same number and share that work in a bulk ranking."""
        seen: dict[tuple, int] = {}
        for f in self._firms.values():
            sig = (f.country, len(f.items), tuple(r[1:7] for r in self._plan(f) if r[0] == 0))
            f.t0key = seen.setdefault(sig, len(seen))
