"""Partner matching between Azerbaijani and Russian firms (pure core: rapidfuzz + numpy).

Offers and needs are analysed into lexicon concepts (:mod:`matchmaker.core.concepts`) and posted
in an inverted index per side and country under tiered keys: tier 0 same concept (1.0), broader /
narrower concept (0.7) or same free concept (its similarity); tier 1 same HS heading (0.5);
tier 2 same product group (0.35); tier 3 same HS chapter (0.25). Offers are looked up among the
other country's needs and vice versa, tier by tier, until the k-th best score cannot be beaten by
a later tier (values of tier t are floored at tier t+1's weight, so the top-k is exact). Too few
partners: a vectorised scan of sector affinity, shared language and verification over the other
country. Score: calibrated in bands (:mod:`.strength`): a direct match (60–100) above related goods
(25–60) above no product in common (0–25); within a band ``43·best + 5·min(1, other exact
matches) + 7.5·sector + 3.5·language + 2.5·verified``.

:class:`MatchEngine` is composed of small parts, each in its own module: the firms and their
columns (:mod:`.matching_firms`), the posting index and plans (:mod:`.matching_index`), the ranker
of one firm (:mod:`.matching_rank`), the reasons of a pair (:mod:`.matching_explain`), the kept
top lists (:mod:`.toplists`) and the ranking of every firm (:mod:`.bulkrank`). See docs/matching.md.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import AbstractContextManager
from functools import partial

import numpy as np
from numpy.typing import NDArray

from .bulkrank import BulkRanker, Ranking, paused_gc
from .concepts import Lexicon, default_lexicon
from .matching_explain import Explainer
from .matching_firms import FirmProfile, FirmRegistry, Indexes
from .matching_index import PostingIndex
from .matching_rank import Ranker
from .reasons import Reason, render_reason
from .sectors import sector_affinity
from .strength import Band, band_label, band_of, strength_label
from .toplists import TopLists, depth_for

__all__ = [
    "Band",
    "FirmProfile",
    "MatchEngine",
    "Ranking",
    "Suggestion",
    "Reason",
    "band_label",
    "band_of",
    "paused_gc",
    "render_reason",
    "shown_scores",
    "strength_label",
]


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
        _make: Callable[[], list[Reason]] | None = None,
    ):
        self.partner_id = partner_id
        self.score = score
        self.rank = rank
        self._reasons = reasons
        self._make = _make

    @property
    def band(self) -> Band:
        """How strong the match is: direct match, related goods or same sector (:mod:`.strength`)."""
        return band_of(self.score)

    @property
    def reasons(self) -> list[Reason]:
        if self._reasons is None:
            self._reasons = self._make() if self._make is not None else []
            self._make = None
        return self._reasons

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Suggestion) and (self.partner_id, self.score, self.rank, self.reasons) == (
            other.partner_id,
            other.score,
            other.rank,
            other.reasons,
        )

    def __repr__(self) -> str:
        return f"Suggestion({self.partner_id!r}, {self.score!r}, {self.rank!r}, {self.reasons!r})"


def shown_scores(raw: NDArray[np.float64]) -> NDArray[np.float64]:
    """Scores as shown and stored: clipped to 0–100, one decimal."""
    return np.clip(raw, 0.0, 100.0).round(1)


def _shown_one(raw: float) -> float:
    """:func:`shown_scores` for one score, bit for bit (numpy rounds x·10 half to even, then
    divides), without the cost of an array for a list of twenty."""
    return round(min(max(raw, 0.0), 100.0) * 10.0) / 10.0


class MatchEngine:
    """Incremental partner-suggestion engine (see the module docstring), composed of:
    ``registry`` (the firms), ``index`` (their postings and plans), ``ranker`` (one firm's exact
    top k), ``explainer`` (reasons), ``tops`` (the kept lists) and ``bulk`` (every firm at once).

    Invariant of the kept lists: each is exactly the head of what ranking its firm again would give
    (see :mod:`.toplists`), whatever sequence of :meth:`add`, :meth:`update` /
    :meth:`apply_change` and :meth:`remove` came before. ``_default_k`` is the last list length
    asked for: lists computed on the engine's own initiative get it."""

    def __init__(self, lexicon: Lexicon | None = None):
        self.lexicon = lexicon if lexicon is not None else default_lexicon()
        self.registry = FirmRegistry(sector_affinity)
        self.index = PostingIndex(self.lexicon, self.registry)
        self.ranker = Ranker(self.registry, self.index)
        self.explainer = Explainer(self.registry, self.index)
        self.tops = TopLists(self.registry.capacity, self.registry.sid)
        self.bulk = BulkRanker(self.registry, self.index, self.ranker, self.tops)
        self._default_k = 20

    def __len__(self) -> int:
        return len(self.registry)

    def __contains__(self, firm_id: Hashable) -> bool:
        return firm_id in self.registry

    def profile_of(self, firm_id: Hashable) -> FirmProfile | None:
        """The profile the engine holds for a present firm (``None`` for any other)."""
        a = self.registry.index.get(firm_id)
        firm = self.registry.firms.get(a) if a is not None else None
        return None if firm is None else firm.profile

    # ----------------------------------------------------------------------- firms
    def add(self, profile: FirmProfile) -> None:
        """Add or replace a firm's profile (analysis happens lazily, batched)."""
        reg = self.registry
        old = reg.present(profile.id)
        if old is not None:
            self.index.unpost(reg.firms[old])
        f = reg.add(profile)
        self.tops.grow(reg.capacity)
        self.index.queue(f.idx)

    def remove(self, firm_id: Hashable) -> set[Hashable]:
        """Remove a firm; returns the ids of firms whose kept lists held it (already updated)."""
        reg = self.registry
        idx = reg.present(firm_id)
        if idx is None:
            return set()
        tops = self.tops
        holders = set(tops.holders(idx)) - {idx}
        self.index.unpost(reg.firms[idx])
        reg.remove(idx)
        self.explainer.forget(idx)
        tops.forget(idx)
        for x in holders:
            if tops.place(x, idx, None)[1]:
                self._store(x, tops.want[x])
        return {reg.ids[h] for h in holders}

    def ensure_index(self) -> None:
        """Analyse and post the firms added since (done lazily by the methods that rank)."""
        self.registry.ensure_id_rank()
        if not self.index.pending:
            return
        with paused_gc():
            self.index.index_pending()

    def ids_of(self, idx: Indexes) -> NDArray[np.generic]:
        """Firm ids of engine indexes (e.g. of a :class:`Ranking`)."""
        return np.asarray(self.registry.ids)[idx] if len(idx) else np.zeros(0, dtype=np.int64)

    def _known(self, firm_id: Hashable) -> int:
        self.ensure_index()
        a = self.registry.index[firm_id]
        if a not in self.registry.firms:
            raise KeyError(firm_id)
        return a

    # ----------------------------------------------------------------------- kept lists
    def _store(self, a: int, want: int) -> None:
        """Rank firm ``a`` again and keep its list (``want`` shown, a margin below)."""
        cap = depth_for(want)
        got = self.ranker.rank(a, cap)
        self.tops.set_ranked(a, got.firms, got.scores, want, cap)
        self._default_k = want

    def _suggestions(self, a: int, partners: list[int], scores: list[float]) -> list[Suggestion]:
        """Suggestions of firm ``a``, best first (reasons worked out when first read)."""
        firms, ids, why = self.registry.firms, self.registry.ids, self.explainer.why
        f = firms.get(a)
        return [
            Suggestion(
                ids[b], s, rank, None, partial(why, f, firms[b]) if f is not None and b in firms else None
            )
            for rank, (b, s) in enumerate(zip(partners, scores, strict=False), start=1)
        ]

    def _served(self, a: int) -> list[Suggestion]:
        """The shown part of a kept list as suggestions."""
        partners, negs = self.tops.shown(a) or ([], [])
        return self._suggestions(a, partners, [_shown_one(-s) for s in negs])

    def stored(self, firm_id: Hashable) -> list[Suggestion] | None:
        """The kept list of a firm (None when never computed)."""
        a = self.registry.index.get(firm_id, -1)
        return None if a not in self.tops else self._served(a)

    def stored_scores(self, firm_id: Hashable) -> list[tuple[Hashable, float]] | None:
        """(partner id, shown score) of a kept list's shown part, best first (None when never
        computed): what a writer compares, without suggestion objects."""
        top = self.tops.shown(self.registry.index.get(firm_id, -1))
        if top is None:
            return None
        ids = self.registry.ids
        return [(ids[b], _shown_one(-s)) for b, s in zip(*top, strict=True)]

    def reasons(self, firm_id: Hashable, partner_ids: Iterable[Hashable]) -> dict[Hashable, list[Reason]]:
        """The reasons of one firm's pairs with ``partner_ids``, each worked out directly from the
        two profiles (what a suggestion's lazy ``reasons`` give, without ranking anything); absent
        firms are left out. One firm's whole list is explained in one pass."""
        self.ensure_index()
        reg = self.registry
        a = reg.present(firm_id)
        if a is None:
            return {}
        found = [(pid, b) for pid in partner_ids if (b := reg.present(pid)) is not None]
        why = self.explainer.why_many(reg.firms[a], [reg.firms[b] for _pid, b in found])
        return {pid: reasons for (pid, _b), reasons in zip(found, why, strict=True)}

    def sharing_reasons(self) -> AbstractContextManager[None]:
        """Within: :meth:`reasons` of firms whose reasons depend on the same things are worked out
        once (see :meth:`.Explainer.sharing`); for many lists while no firm changes."""
        return self.explainer.sharing()

    def holders_of(self, firm_id: Hashable) -> set[Hashable]:
        """Ids of the firms whose kept lists hold this one."""
        a = self.registry.index.get(firm_id)
        return set() if a is None else {self.registry.ids[x] for x in self.tops.holders(a)}

    def _fill_lists(self, skip: int, k: int | None = None) -> bool:
        """Compute the lists not computed yet (a fresh engine, firms only added): without them
        every firm would count as affected. Returns whether there were any."""
        k = k or self._default_k
        kept = self.tops.want
        missing = [x for x in self.registry.firms if x not in kept and x != skip]
        if not missing:
            return False
        with paused_gc():
            for x in missing:
                self._store(x, k)
        return True

    def fill(self, k: int = 20) -> None:
        """Compute every list not computed yet (e.g. once a worker has loaded the directory)."""
        self.ensure_index()
        self._fill_lists(skip=-1, k=k)

    # ----------------------------------------------------------------------- one firm
    def suggestions_for(self, firm_id: Hashable, k: int = 20) -> list[Suggestion]:
        """Best ``k`` partners for one firm, kept for :meth:`update` and :meth:`affected_by`."""
        a = self._known(firm_id)
        self._store(a, k)
        return self._served(a)

    def ranked(self, firm_id: Hashable, k: int) -> list[Suggestion]:
        """Best ``k`` partners for one firm, without keeping them (e.g. to explain a deeper pair)."""
        a = self._known(firm_id)
        got = self.ranker.rank(a, k)
        return self._suggestions(a, got.firms.tolist(), shown_scores(got.scores).tolist())

    def refresh(self, firm_ids: Iterable[Hashable], k: int = 20) -> dict[Hashable, list[Suggestion]]:
        return {fid: self.suggestions_for(fid, k) for fid in firm_ids if fid in self}

    # ----------------------------------------------------------------------- every firm
    def rank_all(
        self,
        k: int = 20,
        progress: Callable[[int, int], None] | None = None,
        workers: int = 1,
        keep: bool = True,
    ) -> Ranking:
        """Every firm's best ``k`` partners as flat arrays (no per-suggestion objects: what a bulk
        write needs). ``keep``: also keep the lists (with their margin) for later edits."""
        return Ranking.join(list(self.rank_parts(k, progress, workers, keep)))

    def rank_parts(
        self,
        k: int = 20,
        progress: Callable[[int, int], None] | None = None,
        workers: int = 1,
        keep: bool = True,
    ) -> Iterator[Ranking]:
        """:meth:`rank_all` chunk by chunk, as the chunks are ranked: a writer can store one while
        the worker processes rank the next. ``workers`` > 1 (-1: one per CPU) ranks in forked
        processes (POSIX, 2,000+ firms; same results): for the command line, not inside a
        threaded web worker."""
        with paused_gc():
            self.ensure_index()
            yield from self.bulk.parts(k, progress, workers, keep)
            if keep:
                self._default_k = k

    def rebuild(
        self, k: int = 20, progress: Callable[[int, int], None] | None = None, workers: int = 1
    ) -> dict[Hashable, list[Suggestion]]:
        """Suggestions for every firm, kept; ``progress(done, total)`` is called along the way.
        ``workers``: as for :meth:`rank_parts`."""
        got = self.rank_all(k, progress, workers, keep=True)
        with paused_gc():  # 400,000 suggestions on a large heap
            return {self.registry.ids[a]: self._served(a) for a in got.firms.tolist()}

    # ----------------------------------------------------------------------- changes
    def affected_by(self, firm_id: Hashable) -> set[Hashable]:
        """Firms whose lists may change because of this firm's (new) profile.

        Its own list, the firms whose stored list holds it, and the firms whose stored list it
        may now enter (its score from their side reaches their last row). Lists never computed
        in this engine are computed first (once, with the last k used, default 20)."""
        self.ensure_index()
        a = self.registry.present(firm_id)
        if a is None:
            return set()
        self._fill_lists(skip=a)
        seen = self.ranker.scores_from_others(a)
        entering = seen.firms[seen.scores >= self.tops.kth[seen.firms]].tolist()
        out = {a} | self.tops.holders(a) | set(entering)
        return {self.registry.ids[i] for i in out if i in self.registry.firms}

    def update(self, profile: FirmProfile, k: int = 20) -> dict[Hashable, list[Suggestion] | None]:
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
            self.ensure_index()
            a = self.registry.index[profile.id]
            filled = self._fill_lists(skip=a, k=k)
            self._store(a, self.tops.want.get(a, k))
            out = {a}
            self._place_in_others(a, filled, out)
            return [self.registry.ids[x] for x in out]

    def _place_in_others(self, a: int, filled: bool, out: set[int]) -> None:
        """Give firm ``a`` its new place in every kept list that holds it or that it may enter;
        adds to ``out`` the owners whose shown part changed (all of them after ``filled``)."""
        seen = self.ranker.scores_from_others(a)
        allc, tops, firms = seen.firms, self.tops, self.registry.firms
        touched = dict.fromkeys(tops.holders(a))
        touched.update(dict.fromkeys(allc[seen.scores >= tops.kth[allc]].tolist()))
        touched.pop(a, None)
        pos = np.searchsorted(allc, np.fromiter(touched, dtype=np.int64, count=len(touched)))
        at = np.minimum(pos, max(len(allc) - 1, 0)).tolist()
        scores, tie = seen.scores.tolist(), self.registry.sid[a]
        for x, i in zip(touched, at, strict=False):
            if x not in tops or x not in firms:
                continue
            key = (-scores[i], tie) if len(allc) and allc[i] == x else None
            changed, short = tops.place(x, a, key)
            if short:
                self._store(x, tops.want[x])
            if changed or short or filled:
                out.add(x)
