"""The result of :func:`~matchmaker.core.scheduling.schedule_meetings`."""

from __future__ import annotations

from dataclasses import dataclass, field

from .problem import Placement, RequestNo, Slot


@dataclass
class Schedule:
    """Result of :func:`schedule_meetings`.

    ``assignments``: request index -> (slot, table), both 0-based. ``unscheduled``: request indices
    left out, ascending. ``slots_used``: highest used slot + 1. ``lower_bound``: max(D, ceil(E/T)),
    the fewest slots in which all requests could fit ignoring presence windows. ``upper_bound``: a
    proven upper bound on the number of requests any valid schedule can hold. ``optimal``: the
    schedule is proven optimal (all scheduled in ``lower_bound`` slots when unconstrained, or
    ``scheduled == upper_bound``). ``idle_slots``: total idle slots between a firm's first and last
    meeting, summed over firms. ``method``: "colouring" or "search". ``stats``: seconds and, for
    the search, greedy count, iterations and the iteration of the last gain.
    """

    assignments: dict[RequestNo, Placement]
    unscheduled: list[RequestNo]
    slots_used: int = 0
    lower_bound: int = 0
    upper_bound: int = 0
    optimal: bool = False
    idle_slots: int = 0
    method: str = ""
    stats: dict[str, float] = field(default_factory=dict, repr=False)

    @property
    def scheduled(self) -> int:
        return len(self.assignments)

    def by_slot(self) -> dict[Slot, list[RequestNo]]:
        """slot -> request indices in that slot, ordered by table."""
        by_table: dict[Slot, list[tuple[int, RequestNo]]] = {}
        for r, (s, t) in self.assignments.items():
            by_table.setdefault(s, []).append((t, r))
        return {s: [r for _, r in sorted(seats)] for s, seats in sorted(by_table.items())}
