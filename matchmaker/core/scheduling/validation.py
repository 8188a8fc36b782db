"""Checking a schedule against its requests, and counting idle slots.

:func:`validate_schedule` checks that every request is assigned or unscheduled exactly once,
slots and tables are in range, no firm and no table is used twice in a slot, firms are present
and locks are kept. It trusts nothing in the schedule (it may come from storage or from staff
edits) and runs in linear time, so the web layer runs it on every schedule it stores.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence

from .problem import FirmId, Pair, Placement, RequestNo, Slot
from .result import Schedule


def idle_between(slots: Collection[Slot]) -> int:
    """Idle slots of one firm's day: free slots between its first and last meeting."""
    n = len(slots)
    return max(slots) - min(slots) + 1 - n if n > 1 else 0


def idle_slots(requests: Sequence[Pair], schedule: Schedule) -> int:
    """Total idle slots between each firm's first and last meeting."""
    days: dict[Hashable, list[Slot]] = {}
    for r, (s, _table) in schedule.assignments.items():
        for f in requests[r]:
            days.setdefault(f, []).append(s)
    return sum(idle_between(day) for day in days.values())


def validate_schedule(
    requests: Sequence[Pair],
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
    requests = list(requests)
    assigned = schedule.assignments
    errors = _bookkeeping_errors(len(requests), assigned, list(schedule.unscheduled))
    errors += _placement_errors(requests, assigned, tables, slots, availability)
    for r, where in (fixed or {}).items():
        if tuple(assigned.get(r, ())) != tuple(where):
            errors.append(f"locked request {r} must stay at {tuple(where)}, got {assigned.get(r)}")
    if errors and raise_errors:
        raise ValueError("invalid schedule: " + "; ".join(errors))
    return errors


def _known(r: object, n_requests: int) -> bool:
    return isinstance(r, int) and 0 <= r < n_requests


def _bookkeeping_errors(
    n_requests: int, assigned: Mapping[RequestNo, Placement], unscheduled: list[RequestNo]
) -> list[str]:
    """Every request assigned or unscheduled, exactly once, and no unknown request."""
    errors = [f"assignment for unknown request index {r!r}" for r in assigned if not _known(r, n_requests)]
    for r in unscheduled:
        if not _known(r, n_requests):
            errors.append(f"unscheduled lists unknown request index {r!r}")
        elif r in assigned:
            errors.append(f"request {r} is both assigned and unscheduled")
    if len(set(unscheduled)) != len(unscheduled):
        errors.append("unscheduled lists a request twice")
    listed = set(unscheduled)
    missing = [r for r in range(n_requests) if r not in assigned and r not in listed]
    if missing:
        errors.append(f"requests neither assigned nor unscheduled: {missing[:10]}")
    return errors


class _Occupancy:
    """Who holds each (slot, table) and each (firm, slot) so far, while assignments are read."""

    def __init__(self, requests: Sequence[Pair], availability: Mapping[Hashable, Iterable[int]] | None):
        self.requests = requests
        self.presence = {f: set(v) for f, v in availability.items()} if availability else {}
        self.table_at: dict[tuple[object, object], RequestNo] = {}
        self.firm_at: dict[tuple[FirmId, object], RequestNo] = {}

    def add(self, r: RequestNo, s: object, t: object) -> list[str]:
        """Record request r at (s, t); the clashes and absences that causes."""
        errors = []
        if (s, t) in self.table_at:
            errors.append(f"requests {self.table_at[s, t]} and {r} share slot {s}, table {t}")
        self.table_at[s, t] = r
        for f in self.requests[r]:
            if (f, s) in self.firm_at:
                errors.append(f"firm {f!r} has requests {self.firm_at[f, s]} and {r} in slot {s}")
            self.firm_at[f, s] = r
            if f in self.presence and s not in self.presence[f]:
                errors.append(f"request {r}: firm {f!r} is not present in slot {s}")
        return errors


def _placement_errors(
    requests: Sequence[Pair],
    assigned: Mapping[RequestNo, Placement],
    tables: int,
    slots: int | None,
    availability: Mapping[Hashable, Iterable[int]] | None,
) -> list[str]:
    """Slots and tables in range, one meeting per table and per firm in a slot, firms present."""
    errors: list[str] = []
    occupancy = _Occupancy(requests, availability)
    n_requests = len(requests)
    known = sorted((r, where) for r, where in assigned.items() if _known(r, n_requests))
    for r, where in known:
        try:
            s, t = where
        except (TypeError, ValueError):
            errors.append(f"request {r}: assignment {where!r} is not a (slot, table) pair")
            continue
        if not isinstance(s, int) or s < 0 or (slots is not None and s >= slots):
            errors.append(f"request {r}: slot {s!r} out of range")
        if not isinstance(t, int) or not 0 <= t < tables:
            errors.append(f"request {r}: table {t!r} out of range 0..{tables - 1}")
        errors += occupancy.add(r, s, t)
    return errors
