"""Balanced edge colouring of a bipartite multigraph: the case without windows or locks.

Colours are slots. Two lower bounds are obvious: a firm with D meetings needs D slots, and E
meetings on T tables need ceil(E / T) slots, so no schedule uses fewer than
k = max(D, ceil(E / T)) slots. This module reaches k:

* **König**: a bipartite (multi)graph with maximum degree D has a proper edge colouring with D
  colours. Constructive proof, used as the algorithm: colour the edges one by one. For edge
  (u, v) take a = lowest colour free at u, b = lowest free at v. If a is free at v, use it; else
  if b is free at u, use it; else flip the a/b alternating (Kempe) path starting at v. It cannot
  reach u: vertices at odd distance from v are on u's side and are entered by an a-edge, but a is
  free at u. After the flip a is free at both ends.
* **de Werra's balancing**: in the union of two colour classes a, b every component is an
  alternating path or an even cycle; if |a| > |b| + 1, at least |a| - |b| paths have one more
  a-edge than b-edges, and swapping the colours on one of them moves one edge from a to b and keeps
  the colouring proper. Pairing the largest classes with the smallest, round after round, ends
  with class sizes within one of each other, i.e. at most ceil(E / k) <= T.

So every request is scheduled in exactly k slots and no slot exceeds T tables: provably optimal.
Parallel edges (repeated pairs) are covered by the same argument.
"""

from __future__ import annotations

from collections.abc import Sequence

from .problem import Problem
from .state import PartialSchedule

Vertex = int
Edge = int
Colour = int
NO_COLOUR: Colour = -1


class EdgeColouring:
    """A proper (partial) edge colouring of a bipartite multigraph.

    Edge ``e`` joins ``edge_u[e]`` and ``edge_v[e]``. Invariants: ``colour_of_edge[e]`` is the
    colour of ``e`` or ``NO_COLOUR``; ``edge_at[x][c]`` is the one edge of colour ``c`` at vertex
    ``x`` (absent when ``c`` is free at ``x``), and holds exactly the coloured edges.
    """

    def __init__(self, n_vertices: int, edge_u: Sequence[Vertex], edge_v: Sequence[Vertex]) -> None:
        self.edge_u = edge_u
        self.edge_v = edge_v
        self.colour_of_edge: list[Colour] = [NO_COLOUR] * len(edge_u)
        self.edge_at: list[dict[Colour, Edge]] = [{} for _ in range(n_vertices)]

    # ------------------------------------------------------------------ Kempe chains

    def alternating_path(
        self, start: Vertex, first: Colour, second: Colour
    ) -> tuple[list[Edge], Vertex, Colour]:
        """The path from ``start`` whose colours go first, second, first, ...

        Returns its edges, its far end and the colour it would continue with (free at that end).
        """
        edge_u, edge_v, edge_at = self.edge_u, self.edge_v, self.edge_at
        path: list[Edge] = []
        x, colour = start, first
        while True:
            e = edge_at[x].get(colour)
            if e is None:
                return path, x, colour
            path.append(e)
            x = edge_u[e] if edge_v[e] == x else edge_v[e]
            colour = second if colour == first else first

    def swap(self, path: Sequence[Edge], a: Colour, b: Colour) -> None:
        """Exchange colours a and b on the edges of an alternating path (stays proper)."""
        edge_u, edge_v, colour_of, edge_at = self.edge_u, self.edge_v, self.colour_of_edge, self.edge_at
        for e in path:
            c = colour_of[e]
            del edge_at[edge_u[e]][c]
            del edge_at[edge_v[e]][c]
        for e in path:
            c = b if colour_of[e] == a else a
            colour_of[e] = c
            edge_at[edge_u[e]][c] = e
            edge_at[edge_v[e]][c] = e

    # ------------------------------------------------------------------ König

    def colour_all(self) -> None:
        """Colour every edge with at most D colours (the König construction above)."""
        lowest_free = [0] * len(self.edge_at)  # invariant: colours below it are all used at x
        for e in range(len(self.edge_u)):
            self._colour_edge(e, lowest_free)

    def _colour_edge(self, e: Edge, lowest_free: list[Colour]) -> None:
        u, v = self.edge_u[e], self.edge_v[e]
        at_u, at_v = self.edge_at[u], self.edge_at[v]
        a = _first_free(at_u, lowest_free[u])
        lowest_free[u] = a
        b = _first_free(at_v, lowest_free[v])
        lowest_free[v] = b
        if a not in at_v:
            colour = a
        elif b not in at_u:
            colour = b
        else:
            path, end, missing = self.alternating_path(v, a, b)
            self.swap(path, a, b)
            freed = b if missing == a else a  # the last edge's old colour is free at the far end
            if freed < lowest_free[end]:
                lowest_free[end] = freed
            if a < lowest_free[v]:
                lowest_free[v] = a
            colour = a
        self.colour_of_edge[e] = colour
        at_u[colour] = e
        at_v[colour] = e

    # ------------------------------------------------------------------ de Werra

    def balance(self, k: int) -> None:
        """Make the sizes of colour classes ``0..k-1`` differ by at most one (de Werra)."""
        size = [0] * k
        for c in self.colour_of_edge:
            size[c] += 1
        while pairs := _uneven_pairs(size):
            members: dict[Colour, list[Edge]] = {big: [] for big, _ in pairs}
            for e, c in enumerate(self.colour_of_edge):
                if c in members:
                    members[c].append(e)
            for big, small in pairs:
                self._shift(big, small, members[big], size)

    def _shift(self, a: Colour, b: Colour, a_edges: list[Edge], size: list[int]) -> None:
        """Move (|a| - |b|) // 2 edges from class a to class b by swapping odd a/b paths.

        A path is walked from an end (a vertex with an a-edge and b free), so it is a whole
        component of the a/b union; its ends are remembered and never walked again.
        """
        need = (size[a] - size[b]) // 2
        walked: set[Vertex] = set()
        for e in a_edges:
            if need == 0:
                break
            if self.colour_of_edge[e] != a:
                continue
            path = self._component_from(e, a, b, walked)
            if path is not None and len(path) % 2 == 1:  # a ... a: one more a-edge than b-edges
                self.swap(path, a, b)
                size[a] -= 1
                size[b] += 1
                need -= 1

    def _component_from(self, e: Edge, a: Colour, b: Colour, walked: set[Vertex]) -> list[Edge] | None:
        """The a/b path that a-edge ``e`` ends, from an end of ``e`` not walked yet, or None."""
        for x in (self.edge_u[e], self.edge_v[e]):
            if x in walked or b in self.edge_at[x]:
                continue
            path, end, _ = self.alternating_path(x, a, b)
            walked.add(x)
            walked.add(end)
            return path
        return None


def _first_free(at: dict[Colour, Edge], colour: Colour) -> Colour:
    while colour in at:
        colour += 1
    return colour


def _uneven_pairs(size: list[int]) -> list[tuple[Colour, Colour]]:
    """(larger, smaller) class pairs, largest with smallest, while they differ by more than one."""
    order = sorted(range(len(size)), key=size.__getitem__)
    pairs = []
    i, j = 0, len(size) - 1
    while i < j and size[order[j]] - size[order[i]] > 1:
        pairs.append((order[j], order[i]))
        i += 1
        j -= 1
    return pairs


def balanced_colouring(problem: Problem, k: int) -> list[Colour]:
    """Colour per request: a proper colouring of the requests with ``k >= D`` balanced colours."""
    colouring = EdgeColouring(problem.n_firms, problem.firm_a, problem.firm_b)
    colouring.colour_all()
    colouring.balance(k)
    return colouring.colour_of_edge


def schedule_by_colouring(problem: Problem) -> PartialSchedule:
    """Every request in one of k = max(D, ceil(E / T)) slots, at most T a slot (optimal)."""
    k = problem.min_slots
    state = PartialSchedule(problem, k)
    for r, colour in enumerate(balanced_colouring(problem, k)):
        state.place(r, colour)
    return state
