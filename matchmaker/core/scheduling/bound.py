"""A proven upper bound on the meetings any valid schedule holds (for an early, proven stop).

The bound is the minimum of

* the number of requests with at least one feasible slot (both firms present);
* for each side X of the bipartition, a max flow source -> request [1] -> (its firm on side X,
  slot) [1] -> slot [T] -> sink: the other side's firms are relaxed, tables and side X kept;
* a b-matching bound: source -> side-0 firm [slots it could use] -> request [1] -> side-1 firm
  [slots it could use] -> sink: time alignment and tables relaxed.

Every valid schedule is a feasible flow in each network, so each max flow bounds the optimum.
On random instances the minimum is tight most of the time.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

from .problem import FirmNo, Problem, Slot

Node = int
Arc = int


class FlowNetwork:
    """A residual network for Dinic's max flow.

    Arc ``2i`` is the ``i``-th added arc and ``2i + 1`` its reverse: ``head[arc]`` is where it
    points, ``capacity[arc]`` its residual capacity, ``arcs_out[node]`` the arcs leaving a node.
    """

    def __init__(self, n_nodes: int = 0) -> None:
        self.arcs_out: list[list[Arc]] = [[] for _ in range(n_nodes)]
        self.head: list[Node] = []
        self.capacity: list[int] = []

    def add_node(self) -> Node:
        self.arcs_out.append([])
        return len(self.arcs_out) - 1

    def add_arc(self, x: Node, y: Node, capacity: int) -> None:
        self.arcs_out[x].append(len(self.head))
        self.head.append(y)
        self.capacity.append(capacity)
        self.arcs_out[y].append(len(self.head))
        self.head.append(x)
        self.capacity.append(0)

    def max_flow(self, source: Node, sink: Node) -> int:
        """Dinic's algorithm: BFS levels, then blocking flow by iterative DFS, until sink is cut off."""
        flow = 0
        while (level := self._levels(source))[sink] >= 0:
            next_arc = [0] * len(self.arcs_out)
            while path := self._augmenting_path(level, next_arc, source, sink):
                push = min(self.capacity[arc] for arc in path)
                for arc in path:
                    self.capacity[arc] -= push
                    self.capacity[arc ^ 1] += push
                flow += push
        return flow

    def _levels(self, source: Node) -> list[int]:
        """BFS distance from ``source`` in the residual network (-1: unreachable)."""
        level = [-1] * len(self.arcs_out)
        level[source] = 0
        queue = deque([source])
        while queue:
            x = queue.popleft()
            for arc in self.arcs_out[x]:
                y = self.head[arc]
                if self.capacity[arc] > 0 and level[y] < 0:
                    level[y] = level[x] + 1
                    queue.append(y)
        return level

    def _augmenting_path(self, level: list[int], next_arc: list[int], source: Node, sink: Node) -> list[Arc]:
        """Arcs of a source-sink path along increasing levels, or [] when the level graph is blocked.

        ``next_arc[x]`` skips arcs of ``x`` already found useless; a dead-end node gets level -1.
        """
        stack: list[Node] = [source]
        path: list[Arc] = []
        while stack:
            x = stack[-1]
            if x == sink:
                return path
            arc = self._admissible_arc(level, next_arc, x)
            if arc is not None:
                stack.append(self.head[arc])
                path.append(arc)
                continue
            level[x] = -1
            stack.pop()
            if path:
                path.pop()
                next_arc[stack[-1]] += 1
        return []

    def _admissible_arc(self, level: list[int], next_arc: list[int], x: Node) -> Arc | None:
        arcs = self.arcs_out[x]
        while next_arc[x] < len(arcs):
            arc = arcs[next_arc[x]]
            if self.capacity[arc] > 0 and level[self.head[arc]] == level[x] + 1:
                return arc
            next_arc[x] += 1
        return None


def upper_bound(problem: Problem, n_slots: int, feasible: Sequence[Sequence[Slot]]) -> int:
    """The bound above; ``feasible[r]``: the slots where request ``r`` may go (empty: nowhere)."""
    best = sum(1 for slots in feasible if slots)
    for side in (0, 1):
        best = min(best, _one_side_bound(problem, n_slots, feasible, side))
    return min(best, _b_matching_bound(problem, feasible))


def _one_side_bound(problem: Problem, n_slots: int, feasible: Sequence[Sequence[Slot]], side: int) -> int:
    """Max flow with firms of ``side`` and tables kept, the other side's firms relaxed."""
    source, sink = 0, 1  # then slots 2..2+n_slots-1, then firm-slot cells and requests
    net = FlowNetwork(2 + n_slots)
    cells: dict[tuple[FirmNo, Slot], Node] = {}
    for s in range(n_slots):
        net.add_arc(2 + s, sink, problem.tables)
    for r, slots in enumerate(feasible):
        if not slots:
            continue
        a = problem.firm_a[r]
        firm = a if problem.side[a] == side else problem.firm_b[r]
        request = net.add_node()
        net.add_arc(source, request, 1)
        for s in slots:
            cell = cells.get((firm, s))
            if cell is None:
                cell = cells[firm, s] = net.add_node()
                net.add_arc(cell, 2 + s, 1)
            net.add_arc(request, cell, 1)
    return net.max_flow(source, sink)


def _b_matching_bound(problem: Problem, feasible: Sequence[Sequence[Slot]]) -> int:
    """A firm holds at most as many meetings as it has usable slots (time alignment dropped)."""
    n = problem.n_firms
    usable: list[set[Slot]] = [set() for _ in range(n)]
    for r, slots in enumerate(feasible):
        usable[problem.firm_a[r]].update(slots)
        usable[problem.firm_b[r]].update(slots)
    source, sink = n, n + 1  # firms are nodes 0..n-1
    net = FlowNetwork(n + 2)
    for f in range(n):
        if usable[f]:
            x, y = (source, f) if problem.side[f] == 0 else (f, sink)
            net.add_arc(x, y, len(usable[f]))
    for r, slots in enumerate(feasible):
        if slots:
            a, b = problem.firm_a[r], problem.firm_b[r]
            x, y = (a, b) if problem.side[a] == 0 else (b, a)
            net.add_arc(x, y, 1)
    return net.max_flow(source, sink)
