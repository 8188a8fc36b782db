"""Compaction of personal days: fewer idle slots, never fewer scheduled meetings.

A firm's idle slots are the free slots between its first and last meeting. For a firm f with a
gap t inside its day, take its first or last meeting (slot s) and swap slots s <-> t along the
alternating (Kempe) chain of meetings in s and t that starts there. Firms inside the chain keep
one meeting in each of the two slots; only the chain's two end firms change their day, so the
idle change is computed from those two firms only. The move is made when it lowers their idle
total and respects presence, tables and locks. Time-boxed by the caller.
"""

from __future__ import annotations

import time

from .problem import FirmNo, Problem, RequestNo, Slot
from .state import PartialSchedule
from .validation import idle_between


def compact_days(problem: Problem, state: PartialSchedule, deadline: float, max_path: int = 64) -> None:
    """Kempe moves until no firm's day improves or ``deadline`` (``time.perf_counter()``) passes."""
    firms = [f for f in range(problem.n_firms) if len(state.meeting_at[f]) > 1]
    improved = True
    while improved:
        improved = False
        for f in firms:
            if time.perf_counter() > deadline:
                return
            if _close_a_gap(problem, state, f, max_path):
                improved = True


def _close_a_gap(problem: Problem, state: PartialSchedule, f: FirmNo, max_path: int) -> bool:
    """Make at most one improving move of firm f's first or last meeting into one of its gaps."""
    day = state.meeting_at[f]
    first, last = min(day), max(day)
    if last - first + 1 == len(day):
        return False
    gaps = [t for t in range(first + 1, last) if t not in day]
    for s, targets in ((first, gaps[::-1]), (last, gaps)):
        for t in targets:
            if _kempe_move(problem, state, f, s, t, max_path):
                return True
    return False


def _kempe_move(problem: Problem, state: PartialSchedule, f: FirmNo, s: Slot, t: Slot, max_path: int) -> bool:
    """Swap slots s and t along the chain from firm f's meeting in s, if that lowers idle slots.

    The chain: the meetings alternating s, t, s, ... from firm f. Refused when a meeting on it is
    locked, the chain is longer than ``max_path``, a meeting would land in a slot where one of its
    firms is absent, or slot t would need a table it does not have. (Written out: it runs millions
    of times, and most attempts stop at the first or second meeting.)
    """
    meeting_at, firm_a, firm_b = state.meeting_at, problem.firm_a, problem.firm_b
    path: list[RequestNo] = []
    end, slot = f, s
    while (r := meeting_at[end].get(slot)) is not None:
        if r in problem.fixed or len(path) >= max_path:
            return False
        slot = t if slot == s else s
        if not problem.present(r, slot):
            return False
        path.append(r)
        end = firm_a[r] if firm_b[r] == end else firm_b[r]
    odd = len(path) % 2 == 1  # odd: the chain ends on an s-meeting, so slot t gains one meeting
    if odd and state.load[t] >= state.tables:
        return False
    if not _lowers_idle(state, f, end, s, t, odd):
        return False
    for r in path:
        state.remove(r)
    for i, r in enumerate(path):
        state.place(r, t if i % 2 == 0 else s)
    return True


def _lowers_idle(state: PartialSchedule, f: FirmNo, end: FirmNo, s: Slot, t: Slot, odd: bool) -> bool:
    """The swap lowers the idle total of the chain's two end firms (the only days it changes).

    Firm f moves from s to t; the far end firm moves from s to t (odd chain) or from t to s.
    """
    lose, gain = (s, t) if odd else (t, s)
    day_f, day_end = set(state.meeting_at[f]), set(state.meeting_at[end])
    before = idle_between(day_f) + idle_between(day_end)
    after = idle_between((day_f - {s}) | {t}) + idle_between((day_end - {lose}) | {gain})
    return after < before
