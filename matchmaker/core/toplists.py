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

Storage: one numpy record per owner, its partners (-1: an empty slot) and their negated scores, 12
bytes a row instead of a Python tuple, float and int (about 130 bytes): 600,000 rows take 7 MB
instead of 80, in every worker. Who holds whom is read off the partners when asked (one vectorised
comparison per changed firm) instead of kept in sets. A list is written and read in one numpy call
each, so a reader in another thread sees a whole list, the old or the new.
"""

from __future__ import annotations

import builtins
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

__all__ = ["Row", "TopLists", "depth_for"]


def layout(width: int) -> np.dtype[np.void]:
    """An owner's record: ``width`` partners' engine indexes (-1: empty) and raw scores, negated."""
    return np.dtype([("p", np.int32, (width,)), ("s", np.float64, (width,))])


class Row(NamedTuple):
    """One row of a kept list; rows sort ascending, i.e. best first."""

    neg_score: float  # the raw score, negated
    tie: str  # the partner's id as text
    partner: int  # the partner's engine index


SortKey = tuple[float, str]  # (-score, tie): where a partner sorts, whichever row it is in


def depth_for(want: int) -> int:
    """Rows kept for a list showing ``want``: a margin for partners that drop out."""
    return want + max(5, want // 2)


class TopLists:
    """Each owner's rows (a record of :func:`layout`), how many it shows (``want``) and keeps
    (``cap``), and each list's entry threshold. ``tie`` gives a partner's tie key by index (the
    engine's ids as text, a list that grows with the engine)."""

    def __init__(self, capacity: int = 64, tie: Sequence[str] = ()):
        self.tie = tie
        self.want: dict[int, int] = {}
        self.cap: dict[int, int] = {}
        self.complete: builtins.set[int] = set()
        self._lists = self._empty(capacity, 1)
        # score a newcomer must reach to be worth an exact look (-inf: anyone may enter)
        self.kth: NDArray[np.float64] = np.full(capacity, -np.inf)
        self.rows: Mapping[int, list[Row]] = _Rows(self)

    @staticmethod
    def _empty(n: int, width: int) -> NDArray[np.void]:
        lists = np.zeros(n, dtype=layout(width))
        lists["p"] = -1
        return lists

    def grow(self, n: int) -> None:
        if n > self.kth.shape[0]:
            size = max(n, 2 * self.kth.shape[0])
            kth = np.full(size, -np.inf)
            kth[: self.kth.shape[0]] = self.kth
            self.kth = kth
            self._resize(size, self._width)

    @property
    def _width(self) -> int:
        return int(self._lists["p"].shape[1])

    def _resize(self, n: int, width: int) -> None:
        lists, old, w = self._empty(n, width), self._lists, self._width
        lists["p"][: len(old), :w] = old["p"]
        lists["s"][: len(old), :w] = old["s"]
        self._lists = lists

    def __contains__(self, x: int) -> bool:
        return x in self.want

    def holders(self, b: int) -> builtins.set[int]:
        """Owners whose list holds ``b``."""
        return set(np.flatnonzero((self._lists["p"] == b).any(axis=1)).tolist())

    def shown(self, x: int) -> tuple[list[int], list[float]] | None:
        """(partners, negated scores) of the part of ``x``'s list it shows, best first (None: no
        list)."""
        want = self.want.get(x)
        return None if want is None else self._record(x, want)

    def _read(self, x: int) -> list[Row]:
        partners, negs = self._record(x)
        tie = self.tie
        return [Row(s, tie[b], b) for s, b in zip(negs, partners, strict=True)]

    def _record(self, x: int, upto: int | None = None) -> tuple[list[int], list[float]]:
        """(partners, negated scores) of ``x``'s list, best first, its first ``upto`` rows at most."""
        rec = self._lists[x : x + 1].copy()[0]  # one read: a whole list, old or new
        partners = rec["p"][:upto].tolist()
        n = _length(partners)
        return partners[:n], rec["s"][:n].tolist()

    def set(self, x: int, rows: list[Row], want: int, cap: int) -> None:
        """Store a freshly ranked list: ``rows`` are the best ``cap`` (fewer: all there are)."""
        self._write(x, [r.neg_score for r in rows], [r.partner for r in rows], len(rows) < cap)
        self.want[x] = want
        self.cap[x] = cap

    def set_ranked(
        self, x: int, partners: NDArray[np.integer], scores: NDArray[np.floating], want: int, cap: int
    ) -> None:
        """:meth:`set` from a ranking's arrays (partners best first, their raw scores)."""
        self._write(x, -scores, partners, len(partners) < cap)
        self.want[x] = want
        self.cap[x] = cap

    def forget(self, x: int) -> None:
        self.want.pop(x, None)
        self.cap.pop(x, None)
        self.complete.discard(x)
        self._lists[x : x + 1] = self._empty(1, self._width)
        self.kth[x] = -np.inf

    def place(self, x: int, b: int, key: SortKey | None) -> tuple[bool, bool]:
        """Partner ``b`` of owner ``x`` now sorts by ``key`` = (-score, tie) (None: it is no longer a
        possible partner). Returns (whether the shown rows changed, whether ``x`` must rank again).
        Works on the list's partners and scores as they are stored (a row's tie key is its
        partner's): a changed firm meets hundreds of lists, most of which it stays out of. Only
        the engine's writer calls it (under its lock): it reads the record in place."""
        partners = self._lists["p"][x].tolist()
        n = _length(partners)
        del partners[n:]
        complete, held, tie = x in self.complete, b in partners, self.tie
        if not held and not complete and key is not None:
            last = partners[n - 1] if n else -1
            if not n or key > (float(self._lists["s"][x, n - 1]), tie[last], last):
                return False, False  # sorts after the last row: stays outside
        negs = self._lists["s"][x, :n].tolist()
        rest_p, rest_s = partners, negs
        if held:
            i = partners.index(b)
            rest_p, rest_s = partners[:i] + partners[i + 1 :], negs[:i] + negs[i + 1 :]
        new_p, new_s = rest_p, rest_s
        if key is not None:
            # it may stay or enter if it sorts no later than the last row did: everyone outside
            # sorts after that row (a held last row whose score did not fall keeps its place). A key
            # compares with a row as with the row's own (-score, tie), just before it when equal.
            if complete or (n and key <= (negs[-1], tie[partners[-1]], partners[-1])):
                i = bisect_left(rest_s, key[0])
                while i < len(rest_s) and rest_s[i] == key[0] and tie[rest_p[i]] < key[1]:
                    i += 1
                new_p, new_s = [*rest_p[:i], b, *rest_p[i:]], [*rest_s[:i], key[0], *rest_s[i:]]
                if len(new_p) > self.cap[x]:
                    del new_p[-1], new_s[-1]
                    complete = False
            elif not held:
                return False, False  # sorts after the last row: stays outside
        elif not held:
            return False, not complete and n < self.want[x]  # not there: nothing to take out
        want = self.want[x]
        changed = new_p[:want] != partners[:want] or new_s[:want] != negs[:want]
        self._write(x, new_s, new_p, complete)
        return changed, not complete and len(new_p) < want

    def _write(
        self,
        x: int,
        negs: Sequence[float] | NDArray[np.floating],
        partners: Sequence[int] | NDArray[np.integer],
        complete: bool,
    ) -> None:
        n = len(partners)
        if n > self._width:
            self._resize(len(self._lists), n)
        rec = self._empty(1, self._width)
        rec["p"][0, :n] = partners
        rec["s"][0, :n] = negs
        self._lists[x : x + 1] = rec  # one write: a reader sees the old list or the new one
        if complete:
            self.complete.add(x)
            self.kth[x] = -np.inf
        else:
            self.complete.discard(x)
            self.kth[x] = -negs[-1] if n else np.inf


def _length(partners: list[int]) -> int:
    """Rows in a record's partners: up to the first empty slot (-1)."""
    return partners.index(-1) if -1 in partners else len(partners)


class _Rows(Mapping[int, list[Row]]):
    """``TopLists.rows``: each owner's rows as :class:`Row` tuples, made when asked."""

    def __init__(self, tops: TopLists):
        self._tops = tops

    def __getitem__(self, x: int) -> list[Row]:
        if x not in self._tops.want:
            raise KeyError(x)
        return self._tops._read(x)

    def __iter__(self) -> Iterator[int]:
        return iter(list(self._tops.want))

    def __len__(self) -> int:
        return len(self._tops.want)
