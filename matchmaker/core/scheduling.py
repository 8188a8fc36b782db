"""Brokerage-day scheduler: requested meetings -> (slot, table).

Pure Python (no Flask, no SQLAlchemy, no OR-Tools). See ``docs/scheduling.md``.

A meeting always pairs an Azerbaijani and a Russian firm, so the meeting graph is bipartite
(a multigraph: a repeated pair is a second meeting). A slot is a set of meetings in which no firm
appears twice, i.e. a matching, of at most ``tables`` meetings; a schedule is a partial edge
colouring with colour classes of size <= ``tables``.

* No presence windows, no locked meetings: König's theorem gives an edge colouring with D colours
  (D = most meetings of one firm), built by alternating-path (Kempe chain) recolouring; de Werra's
  balancing swaps colours along alternating paths until class sizes differ by at most one. With
  k = max(D, ceil(E / T)) colours every class then holds <= T meetings, and no schedule can use
  fewer slots: every request is scheduled in exactly k slots (provably optimal).
* Presence windows and/or locked meetings and/or too few slots: maximising the scheduled meetings
  is NP-hard. We build a scarcity-ordered greedy schedule and improve it by a tabu search over
  partial schedules (insert an unscheduled request, evict the meetings in its way, forbid them to
  return for a while; evicted meetings are re-inserted at once when a free place exists), stopping
  early when a max-flow upper bound is reached (proven optimal).
* Finally personal days are compacted (fewer idle slots between a firm's meetings) by Kempe-chain
  moves between two slots that never unschedule anything, and tables are numbered, keeping a firm
  at the same table across consecutive slots where that is free.
"""

from __future__ import annotations

import operator
import random
import time
from collections import deque
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

__all__ = ["Schedule", "schedule_meetings", "validate_schedule", "idle_slots", "min_slots"]


@dataclass
class Schedule:
    """Result of :func:`schedule_meetings`.

    ``assignments``: request index -> (slot, table), both 0-based. ``unscheduled``: request indices
    left out, ascending. ``slots_used``: highest used slot + 1. ``lower_bound``: max(D, ceil(E/T)),
    the fewest slots in which all requests could fit ignoring presence windows. ``upper_bound``: a
    proven upper bound on the number of requests any valid schedule can hold. ``optimal``: the
    schedule is proven optimal (all scheduled in ``lower_bound`` slots when unconstrained, or
    ``scheduled == upper_bound``). ``idle_slots``: total idle slots between a firm's first and last
    meeting, summed over firms. ``method``: "colouring" or "search".
    """

    assignments: dict[int, tuple[int, int]]
    unscheduled: list[int]
    slots_used: int = 0
    lower_bound: int = 0
    upper_bound: int = 0
    optimal: bool = False
    idle_slots: int = 0
    method: str = ""
    stats: dict = field(default_factory=dict, repr=False)

    @property
    def scheduled(self) -> int:
        return len(self.assignments)

    def by_slot(self) -> dict[int, list[int]]:
        """slot -> request indices in that slot, ordered by table."""
        out: dict[int, list[tuple[int, int]]] = {}
        for r, (s, t) in self.assignments.items():
            out.setdefault(s, []).append((t, r))
        return {s: [r for _, r in sorted(v)] for s, v in sorted(out.items())}


# --------------------------------------------------------------------------- input checking


def _int(value, what: str) -> int:
    if isinstance(value, bool):
        raise ValueError(f"{what} must be an integer, got {value!r}")
    try:
        return operator.index(value)
    except TypeError:
        raise ValueError(f"{what} must be an integer, got {value!r}") from None


class _Problem:
    """Validated, integer-indexed instance."""

    def __init__(self, requests, tables, slots, availability, fixed):
        self.T = _int(tables, "tables")
        if self.T < 1:
            raise ValueError(f"tables must be >= 1, got {self.T}")
        self.S = None if slots is None else _int(slots, "slots")
        if self.S is not None and self.S < 1:
            raise ValueError(f"slots must be >= 1 or None, got {self.S}")
        try:
            reqs = list(requests)
        except TypeError:
            raise ValueError("requests must be a sequence of (firm_a, firm_b) pairs") from None
        self.requests = reqs
        idx: dict[Hashable, int] = {}
        self.firms: list[Hashable] = []
        eu, ev = [], []
        for i, pair in enumerate(reqs):
            try:
                a, b = pair
                hash(a), hash(b)
            except (TypeError, ValueError):
                raise ValueError(
                    f"request {i}: expected a pair (firm_a, firm_b) of hashable firm ids, got {pair!r}"
                ) from None
            if a == b:
                raise ValueError(f"request {i}: firm {a!r} cannot meet itself")
            for f in (a, b):
                if f not in idx:
                    idx[f] = len(self.firms)
                    self.firms.append(f)
            eu.append(idx[a])
            ev.append(idx[b])
        self.idx, self.eu, self.ev = idx, eu, ev
        self.E, self.n = len(reqs), len(self.firms)
        self.side = self._two_colour()
        self.deg = [0] * self.n
        for r in range(self.E):
            self.deg[eu[r]] += 1
            self.deg[ev[r]] += 1
        self.D = max(self.deg, default=0)
        self.avail: list[frozenset[int] | None] = [None] * self.n
        self.restricted = False
        if availability is not None:
            self._read_availability(availability)
        self.fixed: dict[int, tuple[int, int]] = {}
        if fixed:
            self._read_fixed(fixed)

    def _two_colour(self) -> list[int]:
        adj: list[list[tuple[int, int]]] = [[] for _ in range(self.n)]
        for r in range(self.E):
            adj[self.eu[r]].append((self.ev[r], r))
            adj[self.ev[r]].append((self.eu[r], r))
        side = [-1] * self.n
        parent = [-1] * self.n
        for root in range(self.n):
            if side[root] >= 0:
                continue
            side[root] = 0
            queue = deque([root])
            while queue:
                x = queue.popleft()
                for y, _ in adj[x]:
                    if side[y] < 0:
                        side[y] = 1 - side[x]
                        parent[y] = x
                        queue.append(y)
                    elif side[y] == side[x]:
                        raise ValueError(self._odd_cycle_message(parent, x, y))
        return side

    def _odd_cycle_message(self, parent, x, y) -> str:
        def up(v):
            path = [v]
            while parent[v] >= 0:
                v = parent[v]
                path.append(v)
            return path

        px, py = up(x), up(y)
        common = set(px) & set(py)
        cx = px[: next(i for i, v in enumerate(px) if v in common) + 1]
        cy = py[: next(i for i, v in enumerate(py) if v in common)]
        cycle = cx + cy[::-1] + [x]
        names = " - ".join(repr(self.firms[v]) for v in cycle)
        return (
            "requests do not form a bipartite graph (every meeting must pair an Azerbaijani and a "
            f"Russian firm); odd cycle of meetings: {names}"
        )

    def _read_availability(self, availability) -> None:
        if not isinstance(availability, Mapping):
            raise ValueError("availability must be a mapping firm -> collection of slot indices")
        for firm, present in availability.items():
            if isinstance(present, (str, bytes)) or not isinstance(present, Iterable):
                raise ValueError(
                    f"availability[{firm!r}] must be a collection of slot indices, got {present!r}"
                )
            got = set()
            for s in present:
                s = _int(s, f"availability[{firm!r}] slot index")
                if s < 0 or (self.S is not None and s >= self.S):
                    rng = f"0..{self.S - 1}" if self.S is not None else ">= 0"
                    raise ValueError(f"availability[{firm!r}]: slot index {s} is out of range {rng}")
                got.add(s)
            f = self.idx.get(firm)
            if f is not None:
                self.avail[f] = frozenset(got)
                self.restricted = True

    def _read_fixed(self, fixed) -> None:
        if not isinstance(fixed, Mapping):
            raise ValueError("fixed must be a mapping request index -> (slot, table)")
        seen_table: dict[tuple[int, int], int] = {}
        seen_firm: dict[tuple[int, int], int] = {}
        for key, value in fixed.items():
            r = _int(key, "fixed request index")
            if not 0 <= r < self.E:
                raise ValueError(f"fixed: request index {r} is out of range 0..{self.E - 1}")
            try:
                s, t = value
            except (TypeError, ValueError):
                raise ValueError(f"fixed[{r}] must be a (slot, table) pair, got {value!r}") from None
            s, t = _int(s, f"fixed[{r}] slot"), _int(t, f"fixed[{r}] table")
            if s < 0 or (self.S is not None and s >= self.S):
                rng = f"0..{self.S - 1}" if self.S is not None else ">= 0"
                raise ValueError(f"fixed[{r}]: slot {s} is out of range {rng}")
            if not 0 <= t < self.T:
                raise ValueError(f"fixed[{r}]: table {t} is out of range 0..{self.T - 1}")
            if (s, t) in seen_table:
                raise ValueError(f"fixed[{r}] and fixed[{seen_table[s, t]}] both use slot {s}, table {t}")
            seen_table[s, t] = r
            for f in (self.eu[r], self.ev[r]):
                if (f, s) in seen_firm:
                    raise ValueError(
                        f"fixed[{r}] and fixed[{seen_firm[f, s]}] put firm {self.firms[f]!r} "
                        f"twice in slot {s}"
                    )
                seen_firm[f, s] = r
                if self.avail[f] is not None and s not in self.avail[f]:
                    raise ValueError(f"fixed[{r}]: firm {self.firms[f]!r} is not present in slot {s}")
            self.fixed[r] = (s, t)

    def ok(self, r: int, s: int) -> bool:
        a, b = self.avail[self.eu[r]], self.avail[self.ev[r]]
        return (a is None or s in a) and (b is None or s in b)


def min_slots(requests: Sequence[tuple[Hashable, Hashable]], tables: int) -> int:
    """max(D, ceil(E / tables)): the fewest slots that can hold all requests (no windows)."""
    p = _Problem(requests, tables, None, None, None)
    return max(p.D, -(-p.E // p.T))


# --------------------------------------------------------------------------- König colouring


def _edge_colouring(n: int, eu: list[int], ev: list[int], k: int) -> tuple[list[int], list[dict]]:
    """Proper edge colouring of a bipartite multigraph with k >= max degree colours.

    For each edge (u, v): a = lowest colour free at u, b = lowest free at v. If a is free at v use
    it; else if b is free at u use it; else flip the a/b alternating path starting at v (it cannot
    reach u: in a bipartite graph it would arrive there by an a-edge, and a is free at u), after
    which a is free at both ends.
    """
    E = len(eu)
    at: list[dict[int, int]] = [{} for _ in range(n)]
    low = [0] * n
    col = [-1] * E
    for e in range(E):
        u, v = eu[e], ev[e]
        au, av = at[u], at[v]
        a = low[u]
        while a in au:
            a += 1
        low[u] = a
        b = low[v]
        while b in av:
            b += 1
        low[v] = b
        if a not in av:
            c = a
        elif b not in au:
            c = b
        else:
            path = []
            x, c1 = v, a
            while True:
                f = at[x].get(c1)
                if f is None:
                    break
                path.append(f)
                x = eu[f] if ev[f] == x else ev[f]
                c1 = b if c1 == a else a
            _swap_colours(path, a, b, eu, ev, col, at)
            freed = b if c1 == a else a  # colour freed at the far end x
            if freed < low[x]:
                low[x] = freed
            if a < low[v]:
                low[v] = a
            c = a
        col[e] = c
        au[c] = e
        av[c] = e
    return col, at


def _swap_colours(path, a, b, eu, ev, col, at) -> None:
    for f in path:
        c = col[f]
        del at[eu[f]][c]
        del at[ev[f]][c]
    for f in path:
        c = b if col[f] == a else a
        col[f] = c
        at[eu[f]][c] = f
        at[ev[f]][c] = f


def _balance(eu, ev, col, at, k) -> None:
    """de Werra: make colour class sizes differ by at most one.

    In the union of classes a and b every component is an alternating path or even cycle; if
    |a| > |b| there are at least |a| - |b| paths with one more a-edge than b-edges, and swapping the
    colours on one of them moves one edge from a to b and keeps the colouring proper.
    """
    size = [0] * k
    for c in col:
        size[c] += 1
    while True:
        order = sorted(range(k), key=size.__getitem__)
        if not order or size[order[-1]] - size[order[0]] <= 1:
            return
        classes: dict[int, list[int]] = {}
        i, j = 0, k - 1
        pairs = []
        while i < j and size[order[j]] - size[order[i]] > 1:
            pairs.append((order[j], order[i]))
            classes[order[j]] = []
            i += 1
            j -= 1
        for e, c in enumerate(col):
            if c in classes:
                classes[c].append(e)
        for a, b in pairs:
            need = (size[a] - size[b]) // 2
            done: set[int] = set()
            for e in classes[a]:
                if need == 0:
                    break
                if col[e] != a:
                    continue
                for x in (eu[e], ev[e]):
                    if x in done or b in at[x]:
                        continue
                    path, y, c1 = [], x, a
                    while True:
                        f = at[y].get(c1)
                        if f is None:
                            break
                        path.append(f)
                        y = eu[f] if ev[f] == y else ev[f]
                        c1 = b if c1 == a else a
                    done.add(x)
                    done.add(y)
                    if len(path) % 2 == 1:
                        _swap_colours(path, a, b, eu, ev, col, at)
                        size[a] -= 1
                        size[b] += 1
                        need -= 1
                    break


# --------------------------------------------------------------------------- search state


class _State:
    """A partial schedule: slot per request, firm -> {slot: request}, load and members per slot."""

    def __init__(self, p: _Problem, S: int):
        self.p, self.S, self.T = p, S, p.T
        self.slot_of = [-1] * p.E
        self.busy: list[dict[int, int]] = [{} for _ in range(p.n)]
        self.load = [0] * S
        self.members: list[set[int]] = [set() for _ in range(S)]

    def place(self, r: int, s: int) -> None:
        self.slot_of[r] = s
        self.busy[self.p.eu[r]][s] = r
        self.busy[self.p.ev[r]][s] = r
        self.load[s] += 1
        self.members[s].add(r)

    def remove(self, r: int) -> None:
        s = self.slot_of[r]
        self.slot_of[r] = -1
        del self.busy[self.p.eu[r]][s]
        del self.busy[self.p.ev[r]][s]
        self.load[s] -= 1
        self.members[s].discard(r)

    def free(self, r: int, s: int) -> bool:
        return self.load[s] < self.T and s not in self.busy[self.p.eu[r]] and s not in self.busy[self.p.ev[r]]


def _upper_bound(p: _Problem, S: int, feas: list[list[int]]) -> int:
    """Max flow bound: drop the constraint of one side's firms, keep the other side and tables.

    source -> request (1) -> (its firm on side X, slot) (1) -> slot (T) -> sink. Any valid
    schedule is such a flow, so min over X of the max flow bounds the optimum.
    """
    best = sum(1 for r in range(p.E) if feas[r])
    for side in (0, 1):
        # nodes: 0 source, 1 sink, 2..2+S slots, then cells, then requests
        cells: dict[tuple[int, int], int] = {}
        head: list[int] = []
        cap: list[int] = []
        adj: list[list[int]] = [[], []] + [[] for _ in range(S)]

        def node() -> int:
            adj.append([])
            return len(adj) - 1

        def edge(x: int, y: int, c: int) -> None:
            adj[x].append(len(head))
            head.append(y)
            cap.append(c)
            adj[y].append(len(head))
            head.append(x)
            cap.append(0)

        for s in range(S):
            edge(2 + s, 1, p.T)
        for r in range(p.E):
            if not feas[r]:
                continue
            f = p.eu[r] if p.side[p.eu[r]] == side else p.ev[r]
            rn = node()
            edge(0, rn, 1)
            for s in feas[r]:
                c = cells.get((f, s))
                if c is None:
                    c = cells[f, s] = node()
                    edge(c, 2 + s, 1)
                edge(rn, c, 1)
        best = min(best, _max_flow(adj, head, cap, 0, 1))
    # b-matching bound: firm f holds at most |slots usable by f| meetings (time alignment and
    # tables dropped, both sides kept): source -> side-0 firm -> request -> side-1 firm -> sink.
    usable: list[set[int]] = [set() for _ in range(p.n)]
    for r in range(p.E):
        usable[p.eu[r]].update(feas[r])
        usable[p.ev[r]].update(feas[r])
    adj, head, cap = [[] for _ in range(p.n + 2)], [], []
    for f in range(p.n):
        if usable[f]:
            x, y = (p.n, f) if p.side[f] == 0 else (f, p.n + 1)
            adj[x].append(len(head))
            head.append(y)
            cap.append(len(usable[f]))
            adj[y].append(len(head))
            head.append(x)
            cap.append(0)
    for r in range(p.E):
        if feas[r]:
            x, y = (p.eu[r], p.ev[r]) if p.side[p.eu[r]] == 0 else (p.ev[r], p.eu[r])
            adj[x].append(len(head))
            head.append(y)
            cap.append(1)
            adj[y].append(len(head))
            head.append(x)
            cap.append(0)
    return min(best, _max_flow(adj, head, cap, p.n, p.n + 1))


def _max_flow(adj, head, cap, src, dst) -> int:
    """Dinic's algorithm on unit-ish capacities (iterative DFS)."""
    flow, N = 0, len(adj)
    while True:
        level = [-1] * N
        level[src] = 0
        q = deque([src])
        while q:
            x = q.popleft()
            for e in adj[x]:
                if cap[e] > 0 and level[head[e]] < 0:
                    level[head[e]] = level[x] + 1
                    q.append(head[e])
        if level[dst] < 0:
            return flow
        it = [0] * N
        while True:
            stack, path = [src], []
            while stack:
                x = stack[-1]
                if x == dst:
                    break
                advanced = False
                while it[x] < len(adj[x]):
                    e = adj[x][it[x]]
                    y = head[e]
                    if cap[e] > 0 and level[y] == level[x] + 1:
                        stack.append(y)
                        path.append(e)
                        advanced = True
                        break
                    it[x] += 1
                if not advanced:
                    level[x] = -1
                    stack.pop()
                    if path:
                        path.pop()
                        it[stack[-1]] += 1
            if not stack:
                break
            push = min(cap[e] for e in path)
            for e in path:
                cap[e] -= push
                cap[e ^ 1] += push
            flow += push


# --------------------------------------------------------------------------- maximisation search


def _greedy(p: _Problem, st: _State, feas: list[list[int]], rng: random.Random) -> None:
    """Scarcity first: fewest feasible slots, then busiest firms; least loaded free slot."""
    deg = p.deg
    order = sorted(
        (r for r in range(p.E) if st.slot_of[r] < 0 and feas[r]),
        key=lambda r: (len(feas[r]), -(deg[p.eu[r]] + deg[p.ev[r]]), rng.random()),
    )
    load = st.load
    for r in order:
        best = -1
        for s in feas[r]:
            if st.free(r, s) and (best < 0 or load[s] < load[best]):
                best = s
        if best >= 0:
            st.place(r, best)


def _tabu_search(p, st, feas, ub, deadline, max_iter, rng) -> tuple[int, int]:
    """PartialCol-style tabu search on partial schedules; returns (iterations, last gain).

    A move inserts an unscheduled request r into slot s and unschedules what is in the way: the
    meetings of r's firms in s and, if s is then still full, one more meeting of s (preferably one
    that has a free place elsewhere). Cost = meetings lost - 1; the cheapest non-tabu move is made
    (ties at random); evicted meetings may not return to s for a random tenure + 0.6 * |U|.
    A move only changes slot s, so move costs are cached in buckets by cost and only the pairs
    (r', s) are re-evaluated. The best schedule met is restored at the end.
    """
    fixed, eu, ev, T, S = p.fixed, p.eu, p.ev, p.T, st.S
    busy, load, slot_of, members = st.busy, st.load, st.slot_of, st.members
    movable = [0] * S
    for r in range(p.E):
        if slot_of[r] >= 0 and r not in fixed:
            movable[slot_of[r]] += 1
    users: list[list[int]] = [[] for _ in range(S)]  # requests feasible in each slot
    for r in range(p.E):
        for s in feas[r]:
            users[s].append(r)
    in_u: list[bool] = []
    U: list[int] = []
    # buckets[d + 1]: moves of cost d as keys r * S + s, list + position map for O(1) ops
    buckets: list[list[int]] = [[], [], [], []]
    where: dict[int, tuple[int, int]] = {}

    def drop(key: int) -> None:
        w = where.pop(key, None)
        if w is not None:
            b, i = buckets[w[0]], w[1]
            last = b.pop()
            if last != key:
                b[i] = last
                where[last] = (w[0], i)

    def evaluate(r: int, s: int) -> None:
        key = r * S + s
        c1, c2 = busy[eu[r]].get(s), busy[ev[r]].get(s)
        d, out = -1, 0
        if c1 is not None:
            d, out = 0, 1
        if c2 is not None and c2 != c1:
            d += 1
            out += 1
        if (c1 is not None and c1 in fixed) or (c2 is not None and c2 in fixed):
            d = 9
        elif load[s] - out >= T:
            d = d + 1 if movable[s] - out > 0 else 9
        w = where.get(key)
        if w is not None:
            if w[0] == d + 1:
                return
            drop(key)
        if d < 9:
            b = buckets[d + 1]
            where[key] = (d + 1, len(b))
            b.append(key)

    def restart() -> None:
        in_u[:] = [slot_of[r] < 0 and bool(feas[r]) for r in range(p.E)]
        U[:] = [r for r in range(p.E) if in_u[r]]
        for b in buckets:
            b.clear()
        where.clear()
        tabu.clear()
        for r in U:
            for s in feas[r]:
                evaluate(r, s)

    tabu: dict[int, int] = {}
    restart()
    count = sum(1 for s in slot_of if s >= 0)
    best_count, best = count, list(slot_of)
    it = last_gain = last_kick = 0
    stall = 2000 + 10 * p.E
    while U and count < ub and it < max_iter:
        if it & 63 == 0 and time.perf_counter() > deadline:
            break
        it += 1
        if it - max(last_gain, last_kick) > stall:
            # stagnation: back to the best schedule, unschedule a few random meetings, go on
            last_kick = it
            _restore(st, best, fixed)
            placed = [r for r in range(p.E) if slot_of[r] >= 0 and r not in fixed]
            for r in rng.sample(placed, min(len(placed), 1 + len(placed) // 50)):
                st.remove(r)
            movable[:] = [0] * S
            for r in placed:
                if slot_of[r] >= 0:
                    movable[slot_of[r]] += 1
            count = sum(1 for x in slot_of if x >= 0)
            restart()
            continue
        key = -1
        for d in range(4):
            b = buckets[d]
            if not b:
                continue
            if d == 0 and count == best_count:  # aspiration: a new best is always allowed
                key = b[rng.randrange(len(b))]
                break
            for _ in range(min(len(b), 16)):
                k = b[rng.randrange(len(b))]
                if tabu.get(k, 0) <= it:
                    key = k
                    break
            else:
                ok = [k for k in b if tabu.get(k, 0) <= it]
                if ok:
                    key = ok[rng.randrange(len(ok))]
            if key >= 0:
                break
        if key < 0:
            continue
        r, s = divmod(key, S)
        evicted = []
        for c in (busy[eu[r]].get(s), busy[ev[r]].get(s)):
            if c is not None and c not in evicted:
                evicted.append(c)
        for c in evicted:
            st.remove(c)
            movable[s] -= 1
        if load[s] >= T:
            pool = sorted(m for m in members[s] if m not in fixed)
            reloc = [m for m in pool if any(s2 != s and st.free(m, s2) for s2 in feas[m])]
            pick = reloc or [m for m in pool if tabu.get(m * S + s, 0) <= it] or pool
            v = pick[rng.randrange(len(pick))]
            st.remove(v)
            movable[s] -= 1
            evicted.append(v)
        st.place(r, s)
        movable[s] += 1
        U.remove(r)
        in_u[r] = False
        for s2 in feas[r]:
            drop(r * S + s2)
        U.extend(evicted)
        count += 1 - len(evicted)
        tenure = it + rng.randrange(10) + int(0.6 * len(U)) + 1
        for c in evicted:
            in_u[c] = True
            tabu[c * S + s] = tenure
            for s2 in feas[c]:
                if s2 != s:
                    evaluate(c, s2)
        for r2 in users[s]:
            if in_u[r2]:
                evaluate(r2, s)
        if count > best_count:
            best_count, best = count, list(slot_of)
            last_gain = it
    if count < best_count:
        _restore(st, best, fixed)
    return it, last_gain


def _restore(st: _State, best: list[int], fixed) -> None:
    for r, s in enumerate(st.slot_of):
        if s >= 0 and r not in fixed:
            st.remove(r)
    for r, s in enumerate(best):
        if s >= 0 and r not in fixed:
            st.place(r, s)


# --------------------------------------------------------------------------- compaction, tables


def _idle(slots_of_firm) -> int:
    n = len(slots_of_firm)
    return max(slots_of_firm) - min(slots_of_firm) + 1 - n if n > 1 else 0


def _compact(p: _Problem, st: _State, deadline: float, max_path: int = 64) -> None:
    """Reduce idle slots by Kempe-chain moves; the set of scheduled requests never changes.

    For a firm f with a gap t inside its day, take its first or last meeting (slot s) and swap
    slots s <-> t along the alternating chain of meetings in s and t starting there. Firms inside
    the chain keep meetings in both slots; only the chain's two end firms change their days, so the
    move is accepted when their idle total drops (presence, tables and locks checked).
    """
    busy, fixed, eu, ev = st.busy, p.fixed, p.eu, p.ev
    firms = [f for f in range(p.n) if len(busy[f]) > 1]
    improved = True
    while improved:
        improved = False
        for f in firms:
            if time.perf_counter() > deadline:
                return
            bf = busy[f]
            lo, hi = min(bf), max(bf)
            if hi - lo + 1 == len(bf):
                continue
            gaps = [t for t in range(lo + 1, hi) if t not in bf]
            for s in (lo, hi):
                for t in gaps if s == hi else gaps[::-1]:
                    if _kempe_move(p, st, f, s, t, max_path):
                        improved = True
                        break
                else:
                    continue
                break


def _kempe_move(p, st, f, s, t, max_path) -> bool:
    busy, eu, ev = st.busy, p.eu, p.ev
    path, x, cur = [], f, s
    while True:
        r = busy[x].get(cur)
        if r is None:
            break
        if r in p.fixed or len(path) >= max_path:
            return False
        new = t if cur == s else s
        if not p.ok(r, new):
            return False
        path.append(r)
        x = eu[r] if ev[r] == x else ev[r]
        cur = new
    odd = len(path) % 2 == 1
    if odd and st.load[t] >= st.T:
        return False
    w = x
    lose, gain = (s, t) if odd else (t, s)
    bf, bw = set(busy[f]), set(busy[w])
    before = _idle(bf) + _idle(bw)
    after = _idle((bf - {s}) | {t}) + _idle((bw - {lose}) | {gain})
    if after >= before:
        return False
    for r in path:
        st.remove(r)
    for i, r in enumerate(path):
        st.place(r, t if i % 2 == 0 else s)
    return True


def _tables(p: _Problem, st: _State) -> dict[int, tuple[int, int]]:
    """Number tables in each slot; a firm keeps its table from the previous slot when free."""
    out: dict[int, tuple[int, int]] = {}
    last: dict[int, tuple[int, int]] = {}
    eu, ev = p.eu, p.ev
    for s in range(st.S):
        mem = sorted(st.members[s])
        if not mem:
            continue
        used: set[int] = set()
        rest = []
        for r in mem:
            if r in p.fixed:
                out[r] = (s, p.fixed[r][1])
                used.add(p.fixed[r][1])
        for r in mem:
            if r in p.fixed:
                continue
            for f in (eu[r], ev[r]):
                prev = last.get(f)
                if prev is not None and prev[0] == s - 1 and prev[1] not in used:
                    out[r] = (s, prev[1])
                    used.add(prev[1])
                    break
            else:
                rest.append(r)
        t = 0
        for r in rest:
            while t in used:
                t += 1
            out[r] = (s, t)
            used.add(t)
        for r in mem:
            last[eu[r]] = last[ev[r]] = out[r]
    return out


# --------------------------------------------------------------------------- entry point


def schedule_meetings(
    requests: Sequence[tuple[Hashable, Hashable]],
    tables: int,
    slots: int | None = None,
    availability: Mapping[Hashable, Iterable[int]] | None = None,
    *,
    fixed: Mapping[int, tuple[int, int]] | None = None,
    time_limit: float = 1.0,
    seed: int = 0,
    compact: bool | float = True,
) -> Schedule:
    """Assign requested meetings to (slot, table); see the module docstring.

    ``fixed`` locks request index -> (slot, table) (staff decisions; kept as given and checked).
    ``time_limit`` bounds the improvement search (seconds) in the constrained case; ``seed`` makes
    it reproducible (the result depends on time only if the limit cuts the search short).
    ``compact``: compact personal days afterwards (True: up to 0.25 s; a number: that many
    seconds; False: skip). Compaction never unschedules a meeting.
    Raises ``ValueError`` on bad input (self-pairs, non-bipartite requests, tables < 1, slot
    indices out of range, conflicting locks).
    """
    start = time.perf_counter()
    p = _Problem(requests, tables, slots, availability, fixed)
    rng = random.Random(seed)
    lb = max(p.D, -(-p.E // p.T))
    stats: dict = {}
    if p.E == 0:
        return Schedule({}, [], 0, 0, 0, True, 0, "colouring", stats)
    if not p.restricted and not p.fixed and (p.S is None or lb <= p.S):
        col, at = _edge_colouring(p.n, p.eu, p.ev, lb)
        _balance(p.eu, p.ev, col, at, lb)
        st = _State(p, lb)
        for r, c in enumerate(col):
            st.place(r, c)
        method, ub, optimal = "colouring", p.E, True
    else:
        method = "search"
        S = p.S
        if S is None:
            top = [s for a in p.avail if a for s in a] + [s for s, _ in p.fixed.values()]
            S = max([lb] + [s + 1 for s in top])
        feas = [[s for s in range(S) if p.ok(r, s)] for r in range(p.E)]
        st = _State(p, S)
        for r, (s, _t) in p.fixed.items():
            st.place(r, s)
        free_pair = [
            p.S is None and p.avail[p.eu[r]] is None and p.avail[p.ev[r]] is None for r in range(p.E)
        ]
        if p.S is None:
            ub = _upper_bound(p, S, [[] if free_pair[r] else feas[r] for r in range(p.E)])
            ub += sum(free_pair)
        else:
            ub = _upper_bound(p, S, feas)
        if not p.restricted and not p.fixed:
            # too few slots, no windows: keep the S largest classes of an optimal colouring
            col, at = _edge_colouring(p.n, p.eu, p.ev, lb)
            _balance(p.eu, p.ev, col, at, lb)
            for r, c in enumerate(col):
                if c < S:
                    st.place(r, c)
        _greedy(p, st, feas, rng)
        count = sum(1 for s in st.slot_of if s >= 0)
        stats["greedy"] = count
        deadline = start + time_limit
        stats["iterations"], stats["last_gain"] = _tabu_search(
            p, st, feas, ub, deadline, 400 * p.E + 20000, rng
        )
        stats["search_seconds"] = time.perf_counter() - start
        if p.S is None:
            _append_leftovers(p, st, free_pair)
        count = sum(1 for s in st.slot_of if s >= 0)
        optimal = count >= ub
    if compact:
        budget = 0.25 if compact is True else float(compact)
        _compact(p, st, time.perf_counter() + budget)
    assignments = _tables(p, st)
    unscheduled = [r for r in range(p.E) if r not in assignments]
    used = max((s for s, _ in assignments.values()), default=-1) + 1
    idle = sum(_idle(b) for b in st.busy)
    stats["seconds"] = time.perf_counter() - start
    return Schedule(assignments, unscheduled, used, lb, ub, optimal, idle, method, stats)


def _append_leftovers(p: _Problem, st: _State, free_pair: list[bool]) -> None:
    """slots=None: colour leftover requests between always-present firms into extra slots."""
    left = [r for r in range(p.E) if st.slot_of[r] < 0 and free_pair[r]]
    if not left:
        return
    sub = _Problem([p.requests[r] for r in left], p.T, None, None, None)
    k = max(sub.D, -(-sub.E // sub.T))
    col, at = _edge_colouring(sub.n, sub.eu, sub.ev, k)
    _balance(sub.eu, sub.ev, col, at, k)
    S0 = st.S
    st.S = S0 + k
    st.load.extend([0] * k)
    st.members.extend(set() for _ in range(k))
    for r, c in zip(left, col, strict=False):
        st.place(r, S0 + c)


# --------------------------------------------------------------------------- checking


def idle_slots(requests: Sequence[tuple[Hashable, Hashable]], schedule: Schedule) -> int:
    """Total idle slots between each firm's first and last meeting."""
    days: dict[Hashable, list[int]] = {}
    for r, (s, _t) in schedule.assignments.items():
        for f in requests[r]:
            days.setdefault(f, []).append(s)
    return sum(_idle(v) for v in days.values())


def validate_schedule(
    requests: Sequence[tuple[Hashable, Hashable]],
    schedule: Schedule,
    tables: int,
    slots: int | None = None,
    availability: Mapping[Hashable, Iterable[int]] | None = None,
    fixed: Mapping[int, tuple[int, int]] | None = None,
    *,
    raise_errors: bool = False,
) -> list[str]:
    """Check a schedule; return the list of problems (empty when valid).

    Every request is either assigned or listed unscheduled (exactly once), slots and tables are in
    range, no firm and no table is used twice in a slot, firms are present, locks are kept. With
    ``raise_errors`` a non-empty list raises ``ValueError``.
    """
    errors: list[str] = []
    requests = list(requests)
    E = len(requests)
    assigned = schedule.assignments
    unsched = list(schedule.unscheduled)
    for r in assigned:
        if not isinstance(r, int) or not 0 <= r < E:
            errors.append(f"assignment for unknown request index {r!r}")
    for r in unsched:
        if not isinstance(r, int) or not 0 <= r < E:
            errors.append(f"unscheduled lists unknown request index {r!r}")
        elif r in assigned:
            errors.append(f"request {r} is both assigned and unscheduled")
    if len(set(unsched)) != len(unsched):
        errors.append("unscheduled lists a request twice")
    listed = set(unsched)
    missing = [r for r in range(E) if r not in assigned and r not in listed]
    if missing:
        errors.append(f"requests neither assigned nor unscheduled: {missing[:10]}")
    table_at: dict[tuple[int, int], int] = {}
    firm_at: dict[tuple[Hashable, int], int] = {}
    avail = {f: set(v) for f, v in availability.items()} if availability else {}
    valid = sorted((r, v) for r, v in assigned.items() if isinstance(r, int) and 0 <= r < E)
    for r, where in valid:
        try:
            s, t = where
        except (TypeError, ValueError):
            errors.append(f"request {r}: assignment {where!r} is not a (slot, table) pair")
            continue
        if not isinstance(s, int) or s < 0 or (slots is not None and s >= slots):
            errors.append(f"request {r}: slot {s!r} out of range")
        if not isinstance(t, int) or not 0 <= t < tables:
            errors.append(f"request {r}: table {t!r} out of range 0..{tables - 1}")
        if (s, t) in table_at:
            errors.append(f"requests {table_at[s, t]} and {r} share slot {s}, table {t}")
        table_at[s, t] = r
        for f in requests[r]:
            if (f, s) in firm_at:
                errors.append(f"firm {f!r} has requests {firm_at[f, s]} and {r} in slot {s}")
            firm_at[f, s] = r
            if f in avail and s not in avail[f]:
                errors.append(f"request {r}: firm {f!r} is not present in slot {s}")
    for r, where in (fixed or {}).items():
        if tuple(assigned.get(r, ())) != tuple(where):
            errors.append(f"locked request {r} must stay at {tuple(where)}, got {assigned.get(r)}")
    if errors and raise_errors:
        raise ValueError("invalid schedule: " + "; ".join(errors))
    return errors
