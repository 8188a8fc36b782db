"""Every firm's stored top list, kept exact while one partner's score changes at a time (pure core).

A list holds ``cap`` rows, more than the ``want`` it shows, best first. A :class:`Row` is
``(neg_score, tie, partner)``: rows sort ascending, so by score descending and then by the tie key
(the partner id as text, as the engine's ranking breaks ties). The invariants: every firm *not* in
the list sorts after its last row; ``complete`` lists hold every possible partner; the reverse
index (who holds whom) and each list's entry threshold ``kth`` agree with the rows.

When one partner's score changes, the list is fixed in O(cap) without ranking again: a partner that
still sorts no later than the last row did takes its new place; one that does not leaves the list
(nobody knows what sorts between it and the rest), which costs one row of depth. A firm that sorts
before the last row enters. When fewer than ``want`` rows are left the owner must rank again
(:meth:`TopLists.place` says so), which the margin makes rare.
"""

from __future__ import annotations

import builtins
from bisect import bisect_left
from collections.abc import Iterable
from itertools import repeat
from operator import neg
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

__all__ = ["Row", "TopLists", "depth_for", "rows_of"]


class Row(NamedTuple):
    """One row of a kept list; rows sort ascending, i.e. best first."""

    neg_score: float  # the raw score, negated
    tie: str  # the partner's id as text
    partner: int  # the partner's engine index


SortKey = tuple[float, str]  # (-score, tie): where a partner sorts, whichever row it is in


def rows_of(partners: list[int], scores: list[float], tie: list[str]) -> list[Row]:
    """Rows of a ranked list (partners best first, their raw scores; ``tie``: ids as text by
    index), built without a Python call per row: a full ranking makes 600,000 of them."""
    fields = zip(map(neg, scores), map(tie.__getitem__, partners), partners, strict=True)
    return list(map(tuple.__new__, repeat(Row), fields))


def depth_for(want: int) -> int:
    """Rows kept for a list showing ``want``: a margin for partners that drop out."""
    return want + max(5, want // 2)


class TopLists:
    """Rows per owner index, the reverse index (who holds whom) and each list's entry threshold."""

    def __init__(self, capacity: int = 64):
        self.rows: dict[int, list[Row]] = {}
        self.want: dict[int, int] = {}
        self.cap: dict[int, int] = {}
        self.complete: builtins.set[int] = set()
        self._holders: dict[int, builtins.set[int]] = {}
        # score a newcomer must reach to be worth an exact look (-inf: anyone may enter)
        self.kth: NDArray[np.float64] = np.full(capacity, -np.inf)

    def grow(self, n: int) -> None:
        if n > self.kth.shape[0]:
            kth = np.full(max(n, 2 * self.kth.shape[0]), -np.inf)
            kth[: self.kth.shape[0]] = self.kth
            self.kth = kth

    def __contains__(self, x: int) -> bool:
        return x in self.rows

    def holders(self, b: int) -> builtins.set[int]:
        """Owners whose list holds ``b``."""
        return self._holders.get(b, set())

    def set(self, x: int, rows: list[Row], want: int, cap: int) -> None:
        """Store a freshly ranked list: ``rows`` are the best ``cap`` (fewer: all there are)."""
        self._swap(x, rows, len(rows) < cap)
        self.want[x] = want
        self.cap[x] = cap

    def forget(self, x: int) -> None:
        for b in self._partners(self.rows.pop(x, ())):
            self._holders.get(b, set()).discard(x)
        self.want.pop(x, None)
        self.cap.pop(x, None)
        self.complete.discard(x)
        self.kth[x] = -np.inf

    def drop_partner(self, b: int) -> None:
        self._holders.pop(b, None)

    def place(self, x: int, b: int, key: SortKey | None) -> tuple[bool, bool]:
        """Partner ``b`` of owner ``x`` now sorts by ``key`` = (-score, tie) (None: it is no longer a
        possible partner). Returns (whether the shown rows changed, whether ``x`` must rank again)."""
        rows = self.rows[x]
        complete = x in self.complete
        held = x in self._holders.get(b, ())
        rest = [r for r in rows if r.partner != b] if held else rows
        new, dropped = rest, None
        if key is not None:
            # it may stay or enter if it sorts no later than the last row did: everyone outside
            # sorts after that row (a held last row whose score did not fall keeps its place). A key
            # compares with a row as with the row's own (-score, tie), just before it when equal.
            if complete or (rows and key <= rows[-1]):
                new = rest.copy()
                new.insert(bisect_left(new, key), Row(key[0], key[1], b))
                if len(new) > self.cap[x]:
                    dropped = new.pop().partner
                    complete = False
            elif not held:
                return False, False  # sorts after the last row: stays outside
        want = self.want[x]
        changed = new[:want] != rows[:want]
        now_held = new is not rest and dropped != b
        if held and not now_held:
            self._holders.get(b, set()).discard(x)
        elif now_held and not held:
            self._holders.setdefault(b, set()).add(x)
        if dropped is not None and dropped != b:
            self._holders.get(dropped, set()).discard(x)
        self._keep(x, new, complete)
        return changed, not complete and len(new) < want

    def _swap(self, x: int, rows: list[Row], complete: bool) -> None:
        old = self._partners(self.rows.get(x, ()))
        now = self._partners(rows)
        for b in old - now:
            self._holders.get(b, set()).discard(x)
        for b in now - old:
            self._holders.setdefault(b, set()).add(x)
        self._keep(x, rows, complete)

    def _keep(self, x: int, rows: list[Row], complete: bool) -> None:
        self.rows[x] = rows
        if complete:
            self.complete.add(x)
            self.kth[x] = -np.inf
        else:
            self.complete.discard(x)
            self.kth[x] = -rows[-1].neg_score if rows else np.inf

    @staticmethod
    def _partners(rows: Iterable[Row]) -> builtins.set[int]:
        return {r.partner for r in rows}
