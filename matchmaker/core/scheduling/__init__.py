"""Brokerage-day scheduler: requested meetings -> (slot, table).

Pure Python (no Flask, no SQLAlchemy, no OR-Tools). See ``docs/scheduling.md``.

A meeting always pairs an Azerbaijani and a Russian firm, so the meeting graph is bipartite
(a multigraph: a repeated pair is a second meeting). A slot is a set of meetings in which no firm
appears twice, i.e. a matching, of at most ``tables`` meetings; a schedule is a partial edge
colouring with colour classes of size <= ``tables``.

* No presence windows, no locked meetings (:mod:`.colouring`): König's theorem gives an edge
  colouring with D colours (D = most meetings of one firm), built by alternating-path (Kempe
  chain) recolouring; de Werra's balancing swaps colours along alternating paths until class
  sizes differ by at most one. With k = max(D, ceil(E / T)) colours every class then holds <= T
  meetings, and no schedule can use fewer slots: every request is scheduled in exactly k slots
  (provably optimal).
* Presence windows and/or locked meetings and/or too few slots (:mod:`.search`): maximising the
  scheduled meetings is NP-hard. A scarcity-ordered greedy schedule is improved by a tabu search
  over partial schedules (:mod:`.tabu`: insert an unscheduled request, evict the meetings in its
  way, forbid them to return for a while; evicted meetings are re-inserted at once when a free
  place exists), stopping early when a max-flow upper bound (:mod:`.bound`) is reached (proven
  optimal).
* Finally personal days are compacted (:mod:`.compaction`: fewer idle slots between a firm's
  meetings) by Kempe-chain moves between two slots that never unschedule anything, and tables
  are numbered (:mod:`.tables`), keeping a firm at the same table across consecutive slots where
  that is free.

Input is read and checked in :mod:`.problem`, results are checked by :mod:`.validation`.
"""

from __future__ import annotations

import random
import time
from collections.abc import Hashable, Iterable, Mapping, Sequence

from .colouring import schedule_by_colouring
from .compaction import compact_days
from .problem import Placement, Problem, RequestNo, min_slots
from .result import Schedule
from .search import Stats, schedule_by_search
from .tables import number_tables
from .validation import idle_between, idle_slots, validate_schedule

__all__ = ["Schedule", "schedule_meetings", "validate_schedule", "idle_slots", "min_slots"]

COMPACTION_SECONDS = 0.25  # the compaction budget for ``compact=True``


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
    problem = Problem(requests, tables, slots, availability, fixed)
    lower_bound = problem.min_slots
    stats: Stats = {}
    if problem.n_requests == 0:
        return Schedule({}, [], optimal=True, method="colouring", stats=stats)
    if _colouring_suffices(problem):
        state = schedule_by_colouring(problem)
        method, bound = "colouring", problem.n_requests
        optimal = True
    else:
        method = "search"
        state, bound = schedule_by_search(problem, random.Random(seed), start, time_limit, stats)
        optimal = state.scheduled() >= bound
    if compact:
        budget = COMPACTION_SECONDS if compact is True else float(compact)
        compact_days(problem, state, time.perf_counter() + budget)
    assignments = number_tables(problem, state)
    stats["seconds"] = time.perf_counter() - start
    return Schedule(
        assignments,
        unscheduled=[r for r in range(problem.n_requests) if r not in assignments],
        slots_used=_slots_used(assignments),
        lower_bound=lower_bound,
        upper_bound=bound,
        optimal=optimal,
        idle_slots=sum(idle_between(day) for day in state.meeting_at),
        method=method,
        stats=stats,
    )


def _colouring_suffices(problem: Problem) -> bool:
    """No windows, no locks and room for max(D, ceil(E / T)) slots: colouring is optimal."""
    return (
        not problem.has_windows
        and not problem.fixed
        and (problem.slot_limit is None or problem.min_slots <= problem.slot_limit)
    )


def _slots_used(assignments: Mapping[RequestNo, Placement]) -> int:
    return max((s for s, _table in assignments.values()), default=-1) + 1
