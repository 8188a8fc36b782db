"""Tabu search over partial schedules (PartialCol, Blöchliger & Zufferey 2008, adapted).

A move puts a waiting request r (unscheduled, with a feasible slot) into a feasible slot s and
unschedules what is in the way: the meetings of r's firms in s and, if s is then still full, one
more meeting of s (preferably one that has a free place elsewhere, so that it is re-inserted
next). Cost = meetings lost - 1. The cheapest non-tabu move is made (ties at random with the
seeded RNG); evicted meetings may not return to s for rand(0..9) + 0.6 * |waiting| iterations
unless that gives a new best (aspiration). Moves that free a place by a chain of evictions thus
appear as a sequence of cheap moves, like an augmenting path in matching.

A move changes only its slot s, so move costs are cached in buckets by cost and only the pairs
(r', s) are evaluated again after a move. After 2,000 + 10 * E iterations without a gain the
search returns to the best schedule, unschedules 2 % of it at random and goes on. It stops at the
upper bound, after ``max_iter`` iterations or at the deadline; the best schedule seen is kept.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence

from .problem import Problem, RequestNo, Slot
from .state import PartialSchedule

MoveKey = int
"""A move "request r into slot s", encoded as ``r * n_slots + s``."""
N_COSTS = 4  # costs -1 (a gain) .. 2 (two meetings lost for one)


class MoveCosts:
    """The cost of every candidate move, filed by cost: O(1) update, delete and random choice.

    ``buckets[c + 1]`` lists the keys of the moves of cost ``c`` (-1..2); invariant:
    ``position[key] == (i, j)`` exactly when ``buckets[i][j] == key``. A move that is not allowed
    (it would unschedule a locked meeting, or empty a full slot of locked meetings) is not filed.
    ``movable[s]`` counts the unlocked meetings in slot ``s``; the search keeps it up to date.
    """

    __slots__ = (
        "buckets",
        "position",
        "movable",
        "n_slots",
        "tables",
        "firm_a",
        "firm_b",
        "fixed",
        "meeting_at",
        "load",
    )

    def __init__(self, problem: Problem, state: PartialSchedule) -> None:
        self.buckets: list[list[MoveKey]] = [[] for _ in range(N_COSTS)]
        self.position: dict[MoveKey, tuple[int, int]] = {}
        self.n_slots, self.tables = state.n_slots, state.tables
        self.firm_a, self.firm_b, self.fixed = problem.firm_a, problem.firm_b, problem.fixed
        self.meeting_at, self.load = state.meeting_at, state.load
        self.movable = self.count_movable(state)

    def count_movable(self, state: PartialSchedule) -> list[int]:
        movable = [0] * self.n_slots
        for r, s in enumerate(state.slot_of):
            if s >= 0 and r not in self.fixed:
                movable[s] += 1
        return movable

    def evaluate(self, r: RequestNo, s: Slot) -> None:
        """File move (r, s) under its cost: meetings it unschedules - 1.

        In the way are the meetings of r's firms in s (one, if it is a repeated pair) and, if s
        would still be full, one more unlocked meeting of s. (The hottest code of the search:
        written out, no helper calls.)
        """
        meeting_at = self.meeting_at
        first = meeting_at[self.firm_a[r]].get(s)
        second = meeting_at[self.firm_b[r]].get(s)
        cost, in_way = -1, 0
        if first is not None:
            cost, in_way = 0, 1
        if second is not None and second != first:
            cost += 1
            in_way += 1
        fixed = self.fixed
        bucket_no: int | None = cost + 1
        if (first is not None and first in fixed) or (second is not None and second in fixed):
            bucket_no = None
        elif self.load[s] - in_way >= self.tables:
            bucket_no = cost + 2 if self.movable[s] - in_way > 0 else None
        key = r * self.n_slots + s
        where = self.position.get(key)
        if where is not None:
            if where[0] == bucket_no:
                return
            self.drop(key)
        if bucket_no is not None:
            bucket = self.buckets[bucket_no]
            self.position[key] = (bucket_no, len(bucket))
            bucket.append(key)

    def drop(self, key: MoveKey) -> None:
        """Forget a move (if filed): the bucket's last key takes its place."""
        where = self.position.pop(key, None)
        if where is not None:
            bucket, i = self.buckets[where[0]], where[1]
            last = bucket.pop()
            if last != key:
                bucket[i] = last
                self.position[last] = (where[0], i)

    def clear(self) -> None:
        for bucket in self.buckets:
            bucket.clear()
        self.position.clear()


class TabuSearch:
    """The search on a :class:`PartialSchedule` whose locked requests are already placed.

    Invariants between iterations: ``waiting[r]`` says that ``r`` is unscheduled and has a
    feasible slot, ``n_waiting`` counts those; ``count`` is the number of scheduled requests;
    ``moves`` files every allowed move of a waiting request into one of its feasible slots, and
    counts the unlocked meetings per slot; ``tabu[key]`` is the first iteration at which that move
    is allowed again; ``best`` is the best ``slot_of`` met, holding ``best_count`` requests.
    """

    __slots__ = (
        "problem",
        "state",
        "feasible",
        "rng",
        "n_slots",
        "candidates",
        "moves",
        "waiting",
        "n_waiting",
        "tabu",
        "iteration",
        "last_gain",
        "last_kick",
        "count",
        "best_count",
        "best",
    )

    def __init__(
        self,
        problem: Problem,
        state: PartialSchedule,
        feasible: Sequence[Sequence[Slot]],
        rng: random.Random,
    ) -> None:
        self.problem, self.state, self.feasible, self.rng = problem, state, feasible, rng
        self.n_slots = state.n_slots
        self.candidates: list[list[RequestNo]] = [[] for _ in range(self.n_slots)]  # by slot
        for r, slots in enumerate(feasible):
            for s in slots:
                self.candidates[s].append(r)
        self.moves = MoveCosts(problem, state)
        self.waiting: list[bool] = []
        self.n_waiting = 0
        self.tabu: dict[MoveKey, int] = {}
        self.iteration = self.last_gain = self.last_kick = 0
        self._restart()
        self.count = state.scheduled()
        self.best_count, self.best = self.count, list(state.slot_of)

    def run(self, upper_bound: int, deadline: float, max_iter: int) -> tuple[int, int]:
        """Search until the bound, ``max_iter`` or the deadline; returns (iterations, last gain)."""
        stall = 2000 + 10 * self.problem.n_requests
        while self.n_waiting and self.count < upper_bound and self.iteration < max_iter:
            if self.iteration & 63 == 0 and time.perf_counter() > deadline:
                break
            self.iteration += 1
            if self.iteration - max(self.last_gain, self.last_kick) > stall:
                self._kick()
                continue
            key = self._choose_move()
            if key is None:
                continue
            self._make_move(key)
            if self.count > self.best_count:
                self.best_count, self.best = self.count, list(self.state.slot_of)
                self.last_gain = self.iteration
        if self.count < self.best_count:
            self.state.restore(self.best)
        return self.iteration, self.last_gain

    def _restart(self) -> None:
        """Waiting requests, move costs and the tabu list from scratch."""
        slot_of, feasible, evaluate = self.state.slot_of, self.feasible, self.moves.evaluate
        self.waiting = [slot_of[r] < 0 and bool(feasible[r]) for r in range(self.problem.n_requests)]
        self.n_waiting = sum(self.waiting)
        self.moves.clear()
        self.tabu.clear()
        for r, waiting in enumerate(self.waiting):
            if waiting:
                for s in feasible[r]:
                    evaluate(r, s)

    # ------------------------------------------------------------------ one iteration

    def _choose_move(self) -> MoveKey | None:
        """The cheapest allowed move, at random among equals; a new best is always allowed.

        A move is allowed when it is not tabu: ``tabu.get(key, 0) <= iteration``.
        """
        rng, tabu, iteration = self.rng, self.tabu, self.iteration
        for bucket_no, bucket in enumerate(self.moves.buckets):
            if not bucket:
                continue
            if bucket_no == 0 and self.count == self.best_count:  # aspiration
                return bucket[rng.randrange(len(bucket))]
            for _ in range(min(len(bucket), 16)):  # a few random tries, then a full scan
                key = bucket[rng.randrange(len(bucket))]
                if tabu.get(key, 0) <= iteration:
                    return key
            allowed = [key for key in bucket if tabu.get(key, 0) <= iteration]
            if allowed:
                return allowed[rng.randrange(len(allowed))]
        return None

    def _make_move(self, key: MoveKey) -> None:
        """Insert r into s, unschedule what is in the way, make its return to s tabu, and
        re-file the moves that changed: the evicted requests' and every waiting move into s."""
        n_slots = self.n_slots
        r, s = divmod(key, n_slots)
        state, feasible, moves = self.state, self.feasible, self.moves
        evicted = self._unschedule_in_way(r, s)
        if state.load[s] >= state.tables:
            evicted.append(self._evict_from_full(s))
        state.place(r, s)
        moves.movable[s] += 1
        self.waiting[r] = False
        for s2 in feasible[r]:
            moves.drop(r * n_slots + s2)
        self.n_waiting += len(evicted) - 1
        self.count += 1 - len(evicted)
        tenure = self.iteration + self.rng.randrange(10) + int(0.6 * self.n_waiting) + 1
        waiting = self.waiting
        for c in evicted:
            waiting[c] = True
            self.tabu[c * n_slots + s] = tenure
            for s2 in feasible[c]:
                if s2 != s:
                    moves.evaluate(c, s2)
        for r2 in self.candidates[s]:
            if waiting[r2]:
                moves.evaluate(r2, s)

    def _unschedule_in_way(self, r: RequestNo, s: Slot) -> list[RequestNo]:
        """Unschedule the meetings of r's firms in slot s; returns them."""
        meeting_at, problem = self.state.meeting_at, self.problem
        evicted: list[RequestNo] = []
        for c in (meeting_at[problem.firm_a[r]].get(s), meeting_at[problem.firm_b[r]].get(s)):
            if c is not None and c not in evicted:
                evicted.append(c)
        for c in evicted:
            self.state.remove(c)
            self.moves.movable[s] -= 1
        return evicted

    def _evict_from_full(self, s: Slot) -> RequestNo:
        """Unschedule one unlocked meeting of full slot s: one that fits elsewhere if any, else a
        non-tabu one if any, else any."""
        state, fixed, rng = self.state, self.problem.fixed, self.rng
        pool = sorted(m for m in state.in_slot[s] if m not in fixed)
        relocatable = [m for m in pool if any(s2 != s and state.fits(m, s2) for s2 in self.feasible[m])]
        tabu, iteration, n_slots = self.tabu, self.iteration, self.n_slots
        pick = relocatable or [m for m in pool if tabu.get(m * n_slots + s, 0) <= iteration] or pool
        victim = pick[rng.randrange(len(pick))]
        state.remove(victim)
        self.moves.movable[s] -= 1
        return victim

    def _kick(self) -> None:
        """Stagnation: back to the best schedule, unschedule ~2 % of it at random, go on."""
        self.last_kick = self.iteration
        state, fixed = self.state, self.problem.fixed
        state.restore(self.best)
        placed = [r for r, s in enumerate(state.slot_of) if s >= 0 and r not in fixed]
        for r in self.rng.sample(placed, min(len(placed), 1 + len(placed) // 50)):
            state.remove(r)
        self.moves.movable = self.moves.count_movable(state)
        self.count = state.scheduled()
        self._restart()
