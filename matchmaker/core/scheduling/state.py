"""A partial schedule: which requests sit in which slot (tables are numbered at the very end)."""

from __future__ import annotations

from .problem import Problem, RequestNo, Slot

UNSCHEDULED: Slot = -1


class PartialSchedule:
    """Requests placed in slots ``0..n_slots-1``; tables inside a slot are interchangeable.

    Invariants kept by :meth:`place` and :meth:`remove`: ``slot_of[r]`` is the slot of request
    ``r`` or ``UNSCHEDULED``; ``meeting_at[f]`` maps each slot in which firm ``f`` meets to that
    request; ``in_slot[s]`` is the set of requests in slot ``s`` and ``load[s]`` its size. Callers
    keep ``load[s] <= tables`` and one meeting per firm and slot (see :meth:`fits`).
    """

    def __init__(self, problem: Problem, n_slots: int) -> None:
        self.problem = problem
        self.n_slots = n_slots
        self.tables = problem.tables
        self.slot_of: list[Slot] = [UNSCHEDULED] * problem.n_requests
        self.meeting_at: list[dict[Slot, RequestNo]] = [{} for _ in range(problem.n_firms)]
        self.load = [0] * n_slots
        self.in_slot: list[set[RequestNo]] = [set() for _ in range(n_slots)]

    def place(self, r: RequestNo, s: Slot) -> None:
        self.slot_of[r] = s
        self.meeting_at[self.problem.firm_a[r]][s] = r
        self.meeting_at[self.problem.firm_b[r]][s] = r
        self.load[s] += 1
        self.in_slot[s].add(r)

    def remove(self, r: RequestNo) -> None:
        s = self.slot_of[r]
        self.slot_of[r] = UNSCHEDULED
        del self.meeting_at[self.problem.firm_a[r]][s]
        del self.meeting_at[self.problem.firm_b[r]][s]
        self.load[s] -= 1
        self.in_slot[s].discard(r)

    def fits(self, r: RequestNo, s: Slot) -> bool:
        """Slot ``s`` has a free table and both firms of ``r`` are free in it (presence not checked)."""
        return (
            self.load[s] < self.tables
            and s not in self.meeting_at[self.problem.firm_a[r]]
            and s not in self.meeting_at[self.problem.firm_b[r]]
        )

    def scheduled(self) -> int:
        return sum(1 for s in self.slot_of if s >= 0)

    def add_slots(self, k: int) -> None:
        """Append ``k`` empty slots at the end of the day."""
        self.n_slots += k
        self.load.extend([0] * k)
        self.in_slot.extend(set() for _ in range(k))

    def restore(self, slot_of: list[Slot]) -> None:
        """Go back to a saved ``slot_of`` (locked requests are in both and stay put)."""
        fixed = self.problem.fixed
        for r, s in enumerate(self.slot_of):
            if s >= 0 and r not in fixed:
                self.remove(r)
        for r, s in enumerate(slot_of):
            if s >= 0 and r not in fixed:
                self.place(r, s)
