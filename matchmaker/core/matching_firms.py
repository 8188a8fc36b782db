"""The firms a matching engine knows (pure core): profiles, their offers and needs, and the columns
of per-firm values the ranking reads as numpy arrays.

Part of :class:`~matchmaker.core.matching.MatchEngine`; see docs/matching.md.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from .concepts import ConceptHit
    from .matching_index import Plan

__all__ = ["NEED", "OFFER", "Firm", "FirmProfile", "FirmRegistry", "Item", "SectorMatrix"]

OFFER, NEED = 0, 1  # an item's side
MAX_SECTORS = 8  # sector codes of a firm that count

Indexes = NDArray[np.int64]
_A = TypeVar("_A", bound=np.generic)


@dataclass(slots=True)
class FirmProfile:
    """What a firm tells about itself: the engine's input."""

    id: Hashable
    country: str
    sectors: tuple[str, ...] = ()
    offers: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    verified: bool = False
    name: str = ""
    description: str = ""  # free text; what it names counts with a lower confidence


class Item:
    """One offer or need of a firm, as written (stripped). Once analysed: ``hits``, the concepts
    found in it, and ``keymap``, for each posting key (kind, value) it was posted under, the best
    hit behind that key. An item read in the firm's description keeps its ``quote`` (the sentence
    it was read in; "" for a listed item). A plain class: a directory load makes 50,000+ of them."""

    __slots__ = ("firm", "side", "text", "hits", "keymap", "quote")

    def __init__(self, firm: int, side: int, text: str, quote: str = ""):
        self.firm, self.side, self.text, self.quote = firm, side, text, quote
        self.hits: tuple[ConceptHit, ...] = ()
        self.keymap: dict[tuple[str, str], ConceptHit] = {}


class Firm:
    """One present firm: its engine index and profile, its items (global item ids, offers then
    needs), its sector codes (indexes into :class:`SectorMatrix`) and working languages (lower case,
    first mention kept). ``plan`` caches the posting index's lookups of this firm (None: not worked
    out since the firm was last posted); a replaced profile gets a new :class:`Firm`."""

    __slots__ = ("idx", "profile", "country", "items", "plan", "codes", "langs", "described")

    def __init__(self, idx: int, profile: FirmProfile):
        self.idx = idx
        self.profile = profile
        self.country = profile.country
        self.items: list[int] = []
        self.plan: Plan | None = None
        self.described = False  # the items of its description are among ``items``
        self.codes: list[int] = []
        self.langs: tuple[str, ...] = tuple(
            dict.fromkeys(lg.strip().lower() for lg in profile.languages if lg and lg.strip())
        )


class SectorMatrix:
    """Affinity between the NACE codes seen so far, as a dense matrix that grows by doubling.
    Invariant: ``m[index[a], index[b]] == affinity(a, b)`` for every pair of codes seen; code 0
    is "no code" and has affinity 0 with everything."""

    def __init__(self, affinity: Callable[[str, str], float]):
        self.affinity = affinity
        self.index: dict[str, int] = {"": 0}
        self.codes: list[str] = [""]
        self.m: NDArray[np.float32] = np.zeros((8, 8), dtype=np.float32)

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


def _grown(a: NDArray[_A], new: int, fill: int = 0) -> NDArray[_A]:
    b = np.full((new,) + a.shape[1:], fill, dtype=a.dtype)
    b[: a.shape[0]] = a
    return b


class FirmRegistry:
    """Every firm ever added, by engine index, with the columns the ranking reads.

    Invariants: an index, once given to an id, stays its own (``ids[i]``, ``sid[i] == str(ids[i])``;
    ``index[id]`` is the id's latest index: a firm removed and added again gets a new one);
    ``firms`` holds the present firms and ``active[i]`` is true exactly for them; every column is
    at least as long as ``ids``; ``id_rank`` orders all indexes by id as text (the tie-break of
    equal scores) once :meth:`ensure_id_rank` has run since the last new id; ``items`` only grows
    (an item id stays valid for a replaced profile's old :class:`Firm`)."""

    def __init__(self, affinity: Callable[[str, str], float]):
        self.sectors = SectorMatrix(affinity)
        self.firms: dict[int, Firm] = {}
        self.index: dict[Hashable, int] = {}
        self.ids: list[Hashable] = []
        self.sid: list[str] = []  # ids as text: the tie-break order of equal scores
        self.items: list[Item] = []
        self.countries: dict[str, int] = {}
        self._langs: dict[str, int] = {}
        cap = 64
        self.active: NDArray[np.bool_] = np.zeros(cap, dtype=bool)
        self.country: NDArray[np.int16] = np.full(cap, -1, dtype=np.int16)
        self.langmask: NDArray[np.int64] = np.zeros(cap, dtype=np.int64)
        self.verified: NDArray[np.float64] = np.zeros(cap, dtype=np.float64)
        self.codes: list[NDArray[np.int32]] = [np.zeros(cap, dtype=np.int32) for _ in range(MAX_SECTORS)]
        self.code_width = 1  # how many of ``codes`` any firm uses
        self.id_rank: Indexes = np.zeros(cap, dtype=np.int64)
        self._rank_dirty = True
        self._others: dict[int, Indexes] = {}

    def __len__(self) -> int:
        return len(self.firms)

    def __contains__(self, firm_id: Hashable) -> bool:
        return self.present(firm_id) is not None

    @property
    def capacity(self) -> int:
        return int(self.active.shape[0])

    def present(self, firm_id: Hashable) -> int | None:
        """The index of a present firm (None: unknown or removed)."""
        i = self.index.get(firm_id)
        return i if i is not None and i in self.firms else None

    def add(self, profile: FirmProfile) -> Firm:
        """Register a profile: a present firm keeps its index, anyone else gets a new one. The
        caller has taken a replaced firm's items out of the posting index first."""
        idx = self.present(profile.id)
        if idx is None:
            idx = len(self.ids)
            self.ids.append(profile.id)
            self.sid.append(str(profile.id))
            self.index[profile.id] = idx
            if idx >= self.capacity:
                self._grow(idx)
            self._rank_dirty = True
        f = Firm(idx, profile)
        self.firms[idx] = f
        self.active[idx] = True
        self.country[idx] = self.countries.setdefault(profile.country, len(self.countries))
        self.langmask[idx] = self._language_mask(profile.languages)
        self.verified[idx] = 1.0 if profile.verified else 0.0
        self._set_codes(f, profile.sectors)
        self._others.clear()
        for side, texts in ((OFFER, profile.offers), (NEED, profile.needs)):
            for t in texts:
                if t and t.strip():
                    f.items.append(len(self.items))
                    self.items.append(Item(idx, side, t.strip()))
        return f

    def remove(self, idx: int) -> None:
        del self.firms[idx]
        self.active[idx] = False
        self._others.clear()

    def _grow(self, n: int) -> None:
        new = max(n + 1, self.capacity * 2)
        self.active = _grown(self.active, new)
        self.country = _grown(self.country, new, -1)
        self.langmask = _grown(self.langmask, new)
        self.verified = _grown(self.verified, new)
        self.codes = [_grown(c, new) for c in self.codes]
        self.id_rank = _grown(self.id_rank, new)

    def _language_mask(self, languages: tuple[str, ...]) -> int:
        mask = 0
        for lg in languages:
            lg = (lg or "").strip().lower()
            if lg:
                bit = self._langs.setdefault(lg, len(self._langs))
                mask |= 1 << min(bit, 62)
        return mask

    def _set_codes(self, f: Firm, sectors: tuple[str, ...]) -> None:
        codes = [c.strip() for c in sectors if c and c.strip()][:MAX_SECTORS]
        f.codes = [self.sectors.idx(c) for c in codes]
        self.code_width = max(self.code_width, len(f.codes))
        idx = f.idx
        for j, col in enumerate(self.codes):
            if j < len(f.codes):
                col[idx] = f.codes[j]
            elif col[idx]:  # a replaced profile had more codes
                col[idx] = 0

    def ensure_id_rank(self) -> None:
        if self._rank_dirty:
            sid = self.sid
            order = sorted(range(len(self.ids)), key=lambda i: sid[i])
            self.id_rank[np.asarray(order, dtype=np.int64)] = np.arange(len(order))
            self._rank_dirty = False

    def others(self, cc: int) -> Indexes:
        """Present firms of the countries other than country code ``cc``, ascending."""
        got = self._others.get(cc)
        if got is None:
            n = len(self.ids)
            mask = self.active[:n] & (self.country[:n] != cc) & (self.country[:n] >= 0)
            got = self._others[cc] = np.nonzero(mask)[0].astype(np.int64)
        return got

    def item_firms(self, items: Indexes) -> Indexes:
        """The firm of each item."""
        all_items = self.items
        return np.asarray([all_items[i].firm for i in items.tolist()], dtype=np.int64)
