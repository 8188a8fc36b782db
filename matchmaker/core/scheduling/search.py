"""Presence windows, locked meetings or too few slots: maximise the scheduled meetings.

With windows (or precoloured, i.e. locked, edges) deciding whether everything fits is
NP-complete (precolouring extension of bipartite edge colouring; restricted timetabling), so the
number of scheduled requests is maximised heuristically, with a proof when it reaches the bound:

1. Feasible slots F(r): the slots of the horizon in which both firms of r are present. Locked
   requests are placed first and never moved.
2. An upper bound by max flow (:mod:`.bound`): reaching it proves the schedule optimal.
3. Without windows or locks (only too few slots), the classes of a balanced colouring with
   max(D, ceil(E / T)) colours that fit in the day are the starting point.
4. Greedy: requests by scarcity (fewest feasible slots, then busiest firms), each in the least
   loaded slot where both firms are free.
5. Tabu search (:mod:`.tabu`) until the bound, an iteration cap or the time limit.
6. With ``slots=None`` the horizon is max(k, last slot in availability or locks + 1); requests
   between two always-present firms still left are coloured (König + balancing) into extra slots
   appended at the end, so only requests whose windows cannot meet stay unscheduled.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence

from .bound import upper_bound
from .colouring import balanced_colouring
from .problem import Problem, Slot
from .state import PartialSchedule
from .tabu import TabuSearch

Stats = dict[str, float]


def schedule_by_search(
    problem: Problem, rng: random.Random, start: float, time_limit: float, stats: Stats
) -> tuple[PartialSchedule, int]:
    """The best schedule found and the proven upper bound on scheduled requests.

    ``start`` is when scheduling began (``time.perf_counter()``); the search ends by
    ``start + time_limit``. Fills ``stats``: greedy, iterations, last_gain, search_seconds.
    """
    n_slots = _horizon(problem)
    feasible = [[s for s in range(n_slots) if problem.present(r, s)] for r in range(problem.n_requests)]
    state = PartialSchedule(problem, n_slots)
    for r, (s, _table) in problem.fixed.items():
        state.place(r, s)
    open_day = problem.slot_limit is None
    # open-ended day: requests between always-present firms can always go into extra slots
    extra = [open_day and problem.always_present(r) for r in range(problem.n_requests)]
    if open_day:
        bound = upper_bound(problem, n_slots, [[] if extra[r] else slots for r, slots in enumerate(feasible)])
        bound += sum(extra)
    else:
        bound = upper_bound(problem, n_slots, feasible)
    if not problem.has_windows and not problem.fixed:
        # too few slots, no windows: the classes of an optimal balanced colouring that fit
        for r, colour in enumerate(balanced_colouring(problem, problem.min_slots)):
            if colour < n_slots:
                state.place(r, colour)
    greedy(problem, state, feasible, rng)
    stats["greedy"] = state.scheduled()
    search = TabuSearch(problem, state, feasible, rng)
    stats["iterations"], stats["last_gain"] = search.run(
        bound, start + time_limit, 400 * problem.n_requests + 20000
    )
    stats["search_seconds"] = time.perf_counter() - start
    if open_day:
        _append_leftovers(problem, state, extra)
    return state, bound


def _horizon(problem: Problem) -> int:
    """The slots searched: the given day, or max(k, last slot in availability or locks + 1)."""
    if problem.slot_limit is not None:
        return problem.slot_limit
    named = [s for window in problem.presence if window for s in window]
    named += [s for s, _table in problem.fixed.values()]
    return max([problem.min_slots] + [s + 1 for s in named])


def greedy(
    problem: Problem, state: PartialSchedule, feasible: Sequence[Sequence[Slot]], rng: random.Random
) -> None:
    """Scarcity first: fewest feasible slots, then busiest firms (ties at random); each request in
    the least loaded slot where it fits."""
    degree, firm_a, firm_b = problem.degree, problem.firm_a, problem.firm_b
    order = sorted(
        (r for r in range(problem.n_requests) if state.slot_of[r] < 0 and feasible[r]),
        key=lambda r: (len(feasible[r]), -(degree[firm_a[r]] + degree[firm_b[r]]), rng.random()),
    )
    load = state.load
    for r in order:
        best = -1
        for s in feasible[r]:
            if state.fits(r, s) and (best < 0 or load[s] < load[best]):
                best = s
        if best >= 0:
            state.place(r, best)


def _append_leftovers(problem: Problem, state: PartialSchedule, extra: Sequence[bool]) -> None:
    """Open-ended day: colour the leftover requests between always-present firms into new slots."""
    left = [r for r in range(problem.n_requests) if state.slot_of[r] < 0 and extra[r]]
    if not left:
        return
    leftovers = Problem([problem.requests[r] for r in left], problem.tables, None, None, None)
    k = leftovers.min_slots
    colours = balanced_colouring(leftovers, k)
    first_new = state.n_slots
    state.add_slots(k)
    for r, colour in zip(left, colours, strict=True):
        state.place(r, first_new + colour)
