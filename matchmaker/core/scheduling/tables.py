"""Table numbers, given at the very end (tables inside a slot are interchangeable).

Slot by slot: locked meetings keep their table; a meeting takes the table one of its firms had
in the previous slot when that table is free (firms do not walk between consecutive meetings);
the others take the lowest free tables.
"""

from __future__ import annotations

from .problem import FirmNo, Placement, Problem, RequestNo, Slot, Table
from .state import PartialSchedule


def number_tables(problem: Problem, state: PartialSchedule) -> dict[RequestNo, Placement]:
    """Request -> (slot, table) for every scheduled request."""
    placement: dict[RequestNo, Placement] = {}
    last_seat: dict[FirmNo, Placement] = {}  # firm -> where it sat last
    for s in range(state.n_slots):
        members = sorted(state.in_slot[s])
        if not members:
            continue
        used: set[Table] = set()
        for r in members:
            if r in problem.fixed:
                placement[r] = (s, problem.fixed[r][1])
                used.add(problem.fixed[r][1])
        rest: list[RequestNo] = []
        for r in members:
            if r not in problem.fixed and not _keep_table(problem, r, s, last_seat, used, placement):
                rest.append(r)
        t = 0
        for r in rest:
            while t in used:
                t += 1
            placement[r] = (s, t)
            used.add(t)
        for r in members:
            last_seat[problem.firm_a[r]] = last_seat[problem.firm_b[r]] = placement[r]
    return placement


def _keep_table(
    problem: Problem,
    r: RequestNo,
    s: Slot,
    last_seat: dict[FirmNo, Placement],
    used: set[Table],
    placement: dict[RequestNo, Placement],
) -> bool:
    """Seat r at a table one of its firms had in slot s - 1, if free; True when seated."""
    for f in (problem.firm_a[r], problem.firm_b[r]):
        seat = last_seat.get(f)
        if seat is not None and seat[0] == s - 1 and seat[1] not in used:
            placement[r] = (s, seat[1])
            used.add(seat[1])
            return True
    return False
