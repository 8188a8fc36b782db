"""The scheduling problem: input reading and checking, presence windows, locked meetings.

Firms become vertices ``0..n_firms-1`` (in order of first appearance), requests stay edges
``0..n_requests-1`` (a repeated pair is a second meeting). The requests must form a bipartite
graph (every meeting pairs an Azerbaijani and a Russian firm); the order inside a pair is not
trusted: the graph is 2-coloured by breadth-first search and an odd cycle is refused, naming its
firms. Bad input raises ``ValueError`` with a message naming the request, firm or slot.
"""

from __future__ import annotations

import operator
from collections import deque
from collections.abc import Hashable, Iterable, Mapping
from typing import SupportsIndex, TypeAlias, cast

FirmId: TypeAlias = Hashable
"""A firm as the caller names it (any hashable id)."""
FirmNo: TypeAlias = int
"""A firm's number inside a :class:`Problem` (index into ``Problem.firms``)."""
RequestNo: TypeAlias = int
"""A request's index in the caller's sequence of requests."""
Slot: TypeAlias = int
"""A time slot of the day, 0-based."""
Table: TypeAlias = int
"""A table (meeting place) inside a slot, 0-based."""
Placement: TypeAlias = tuple[Slot, Table]
Pair: TypeAlias = tuple[FirmId, FirmId]


def as_index(value: object, what: str) -> int:
    """``value`` as an int (anything with ``__index__`` but a bool), else ``ValueError`` naming ``what``."""
    if isinstance(value, bool) or not isinstance(value, SupportsIndex):
        raise ValueError(f"{what} must be an integer, got {value!r}")
    try:
        return operator.index(value)
    except TypeError:
        raise ValueError(f"{what} must be an integer, got {value!r}") from None


class Problem:
    """A checked, integer-indexed instance.

    ``firm_a[r]``, ``firm_b[r]``: the two firm numbers of request ``r`` (in the caller's order);
    ``side[f]``: 0 or 1, the firm's side of the bipartition; ``degree[f]``: its meetings.
    ``presence[f]``: the slots in which firm ``f`` is present, ``None`` for "every slot";
    ``has_windows``: some requested firm has a presence window. ``fixed``: locked request ->
    (slot, table), checked against ranges, each other and presence.
    """

    def __init__(
        self,
        requests: Iterable[Pair],
        tables: int,
        slots: int | None,
        availability: Mapping[FirmId, Iterable[int]] | None,
        fixed: Mapping[int, tuple[int, int]] | None,
    ) -> None:
        """Read and check the input (its types are checked too: it may come from anywhere)."""
        self.tables: int = as_index(tables, "tables")
        if self.tables < 1:
            raise ValueError(f"tables must be >= 1, got {self.tables}")
        self.slot_limit: int | None = None if slots is None else as_index(slots, "slots")
        if self.slot_limit is not None and self.slot_limit < 1:
            raise ValueError(f"slots must be >= 1 or None, got {self.slot_limit}")
        try:
            self.requests: list[Pair] = list(requests)
        except TypeError:
            raise ValueError("requests must be a sequence of (firm_a, firm_b) pairs") from None
        self.firms: list[FirmId] = []
        self.firm_no: dict[FirmId, FirmNo] = {}
        self.firm_a: list[FirmNo] = []
        self.firm_b: list[FirmNo] = []
        self._read_requests()
        self.n_requests = len(self.requests)
        self.n_firms = len(self.firms)
        self.side = self._two_colour()
        self.degree = [0] * self.n_firms
        for a, b in zip(self.firm_a, self.firm_b, strict=True):
            self.degree[a] += 1
            self.degree[b] += 1
        self.max_degree = max(self.degree, default=0)
        self.presence: list[frozenset[Slot] | None] = [None] * self.n_firms
        self.has_windows = False
        if availability is not None:
            self._read_availability(availability)
        self.fixed: dict[RequestNo, Placement] = {}
        if fixed:
            self._read_fixed(fixed)

    @property
    def min_slots(self) -> int:
        """max(D, ceil(E / T)): the fewest slots that can hold every request (windows ignored)."""
        return max(self.max_degree, -(-self.n_requests // self.tables))

    def present(self, r: RequestNo, s: Slot) -> bool:
        """Both firms of request ``r`` are present in slot ``s``."""
        a, b = self.presence[self.firm_a[r]], self.presence[self.firm_b[r]]
        return (a is None or s in a) and (b is None or s in b)

    def always_present(self, r: RequestNo) -> bool:
        """Neither firm of request ``r`` has a presence window."""
        return self.presence[self.firm_a[r]] is None and self.presence[self.firm_b[r]] is None

    # ------------------------------------------------------------------ requests and bipartition

    def _read_requests(self) -> None:
        for i, pair in enumerate(self.requests):
            try:
                a, b = pair
                hash(a), hash(b)
            except (TypeError, ValueError):
                raise ValueError(
                    f"request {i}: expected a pair (firm_a, firm_b) of hashable firm ids, got {pair!r}"
                ) from None
            if a == b:
                raise ValueError(f"request {i}: firm {a!r} cannot meet itself")
            self.firm_a.append(self._number(a))
            self.firm_b.append(self._number(b))

    def _number(self, firm: FirmId) -> FirmNo:
        number = self.firm_no.get(firm)
        if number is None:
            number = self.firm_no[firm] = len(self.firms)
            self.firms.append(firm)
        return number

    def _two_colour(self) -> list[int]:
        """Side 0/1 of every firm by BFS from each unvisited firm; an odd cycle raises."""
        neighbours: list[list[FirmNo]] = [[] for _ in range(self.n_firms)]
        for a, b in zip(self.firm_a, self.firm_b, strict=True):
            neighbours[a].append(b)
            neighbours[b].append(a)
        side = [-1] * self.n_firms
        parent = [-1] * self.n_firms
        for root in range(self.n_firms):
            if side[root] >= 0:
                continue
            side[root] = 0
            queue = deque([root])
            while queue:
                x = queue.popleft()
                for y in neighbours[x]:
                    if side[y] < 0:
                        side[y] = 1 - side[x]
                        parent[y] = x
                        queue.append(y)
                    elif side[y] == side[x]:
                        raise ValueError(self._odd_cycle_message(parent, x, y))
        return side

    def _odd_cycle_message(self, parent: list[FirmNo], x: FirmNo, y: FirmNo) -> str:
        """x and y are adjacent and on one side: their BFS-tree paths and the edge x-y close a cycle."""

        def to_root(v: FirmNo) -> list[FirmNo]:
            path = [v]
            while parent[v] >= 0:
                v = parent[v]
                path.append(v)
            return path

        from_x, from_y = to_root(x), to_root(y)
        common = set(from_x) & set(from_y)
        up_x = from_x[: next(i for i, v in enumerate(from_x) if v in common) + 1]
        up_y = from_y[: next(i for i, v in enumerate(from_y) if v in common)]
        cycle = up_x + up_y[::-1] + [x]
        names = " - ".join(repr(self.firms[v]) for v in cycle)
        return (
            "requests do not form a bipartite graph (every meeting must pair an Azerbaijani and a "
            f"Russian firm); odd cycle of meetings: {names}"
        )

    # ------------------------------------------------------------------ windows and locks

    def _slot_range(self) -> str:
        return f"0..{self.slot_limit - 1}" if self.slot_limit is not None else ">= 0"

    def _in_day(self, s: Slot) -> bool:
        return s >= 0 and (self.slot_limit is None or s < self.slot_limit)

    def _read_availability(self, availability: object) -> None:
        if not isinstance(availability, Mapping):
            raise ValueError("availability must be a mapping firm -> collection of slot indices")
        for firm, present in availability.items():
            if isinstance(present, (str, bytes)) or not isinstance(present, Iterable):
                raise ValueError(
                    f"availability[{firm!r}] must be a collection of slot indices, got {present!r}"
                )
            window: set[Slot] = set()
            for value in present:
                s = as_index(value, f"availability[{firm!r}] slot index")
                if not self._in_day(s):
                    raise ValueError(
                        f"availability[{firm!r}]: slot index {s} is out of range {self._slot_range()}"
                    )
                window.add(s)
            f = self.firm_no.get(firm)
            if f is not None:  # a firm without requests has nothing to schedule
                self.presence[f] = frozenset(window)
                self.has_windows = True

    def _read_fixed(self, fixed: object) -> None:
        if not isinstance(fixed, Mapping):
            raise ValueError("fixed must be a mapping request index -> (slot, table)")
        table_taken: dict[Placement, RequestNo] = {}
        firm_taken: dict[tuple[FirmNo, Slot], RequestNo] = {}
        for key, value in fixed.items():
            r, s, t = self._read_lock(key, value)
            if (s, t) in table_taken:
                raise ValueError(f"fixed[{r}] and fixed[{table_taken[s, t]}] both use slot {s}, table {t}")
            table_taken[s, t] = r
            for f in (self.firm_a[r], self.firm_b[r]):
                if (f, s) in firm_taken:
                    raise ValueError(
                        f"fixed[{r}] and fixed[{firm_taken[f, s]}] put firm {self.firms[f]!r} "
                        f"twice in slot {s}"
                    )
                firm_taken[f, s] = r
                window = self.presence[f]
                if window is not None and s not in window:
                    raise ValueError(f"fixed[{r}]: firm {self.firms[f]!r} is not present in slot {s}")
            self.fixed[r] = (s, t)

    def _read_lock(self, key: object, value: object) -> tuple[RequestNo, Slot, Table]:
        """One lock, its ranges checked: (request, slot, table)."""
        r = as_index(key, "fixed request index")
        if not 0 <= r < self.n_requests:
            raise ValueError(f"fixed: request index {r} is out of range 0..{self.n_requests - 1}")
        try:
            slot, table = cast(tuple[object, object], value)  # any 2-iterable; else reported below
        except (TypeError, ValueError):
            raise ValueError(f"fixed[{r}] must be a (slot, table) pair, got {value!r}") from None
        s, t = as_index(slot, f"fixed[{r}] slot"), as_index(table, f"fixed[{r}] table")
        if not self._in_day(s):
            raise ValueError(f"fixed[{r}]: slot {s} is out of range {self._slot_range()}")
        if not 0 <= t < self.tables:
            raise ValueError(f"fixed[{r}]: table {t} is out of range 0..{self.tables - 1}")
        return r, s, t


def min_slots(requests: Iterable[Pair], tables: int) -> int:
    """max(D, ceil(E / tables)): the fewest slots that can hold all requests (no windows)."""
    return Problem(requests, tables, None, None, None).min_slots
