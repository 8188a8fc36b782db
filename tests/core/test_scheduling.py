"""Brokerage-day scheduler: validity, exact slot counts, locks, bad input, CP-SAT reference.

Plain pytest on seeded random instances (no hypothesis). Speed is measured in
bench/bench_scheduling.py, not here.
"""

from __future__ import annotations

import math
import random
from collections import Counter

import pytest

from matchmaker.core.scheduling import (
    Schedule,
    idle_slots,
    min_slots,
    schedule_meetings,
    validate_schedule,
)


def random_requests(rng, E, na, nb, skew=0.0, shuffle_sides=True):
    wa = [1 / (i + 1) ** skew for i in range(na)]
    wb = [1 / (i + 1) ** skew for i in range(nb)]
    reqs = []
    for a, b in zip(rng.choices(range(na), wa, k=E), rng.choices(range(nb), wb, k=E), strict=False):
        pair = (f"AZ{a}", f"RU{b}")
        reqs.append(pair[::-1] if shuffle_sides and rng.random() < 0.5 else pair)
    return reqs


def random_windows(rng, reqs, S, share=0.6):
    avail = {}
    for f in sorted({f for p in reqs for f in p}):
        if rng.random() < share:
            lo = rng.randrange(S - 1)
            hi = rng.randint(lo + 1, S)
            avail[f] = set(range(lo, hi))
    return avail


def lower_bound(reqs, T):
    deg = Counter(f for p in reqs for f in p)
    return max(max(deg.values()), math.ceil(len(reqs) / T))


def assert_valid(reqs, sch, T, S=None, avail=None, fixed=None):
    errors = validate_schedule(reqs, sch, T, S, avail, fixed)
    assert errors == []
    assert sorted(list(sch.assignments) + sch.unscheduled) == list(range(len(reqs)))


# ------------------------------------------------------------------ unconstrained: exact optimum

UNCONSTRAINED = [
    # (E, tables, AZ firms, RU firms, skew)
    (1, 1, 1, 1, 0.0),
    (30, 1, 5, 5, 0.0),
    (60, 4, 6, 9, 0.0),
    (200, 7, 20, 20, 1.0),
    (500, 500, 40, 40, 0.0),
    (1500, 100, 150, 150, 0.5),
    (4000, 500, 300, 300, 0.0),
    (4000, 500, 30, 1000, 1.0),
    (3000, 20, 200, 200, 0.0),
]


@pytest.mark.parametrize("E,T,na,nb,skew", UNCONSTRAINED)
def test_unconstrained_uses_exactly_the_minimum_slots(E, T, na, nb, skew):
    rng = random.Random(E * 31 + T)
    reqs = random_requests(rng, E, na, nb, skew)
    sch = schedule_meetings(reqs, tables=T)
    assert isinstance(sch, Schedule)
    assert_valid(reqs, sch, T)
    assert sch.unscheduled == []
    k = lower_bound(reqs, T)
    assert sch.lower_bound == k == min_slots(reqs, T)
    assert sch.slots_used == k
    assert sch.optimal
    assert sch.method == "colouring"
    sizes = Counter(s for s, _ in sch.assignments.values())
    assert max(sizes.values()) <= T


def test_duplicate_pairs_are_separate_meetings():
    reqs = [("a", "x")] * 5 + [("x", "b")] * 2
    sch = schedule_meetings(reqs, tables=3)
    assert_valid(reqs, sch, 3)
    assert sch.slots_used == 7  # firm x has 7 meetings
    assert len({sch.assignments[i][0] for i in range(5)}) == 5


def test_given_slots_at_least_minimum_schedules_everything():
    rng = random.Random(5)
    reqs = random_requests(rng, 300, 25, 25)
    k = lower_bound(reqs, 15)
    for S in (k, k + 3):
        sch = schedule_meetings(reqs, tables=15, slots=S)
        assert_valid(reqs, sch, 15, S)
        assert sch.unscheduled == []
        assert sch.slots_used == k


def test_compaction_never_loses_meetings_and_reduces_idle():
    rng = random.Random(11)
    reqs = random_requests(rng, 800, 60, 60)
    raw = schedule_meetings(reqs, tables=40, compact=False)
    tidy = schedule_meetings(reqs, tables=40)
    assert_valid(reqs, tidy, 40)
    assert tidy.scheduled == raw.scheduled == len(reqs)
    assert tidy.slots_used == raw.slots_used
    assert tidy.idle_slots == idle_slots(reqs, tidy) < raw.idle_slots


def test_empty_requests():
    sch = schedule_meetings([], tables=3)
    assert sch.assignments == {}
    assert sch.unscheduled == []
    assert sch.slots_used == 0
    sch = schedule_meetings([], tables=3, slots=4, availability={"a": [0]})
    assert sch.assignments == {}
    assert sch.unscheduled == []


def test_deterministic_for_a_seed():
    rng = random.Random(3)
    reqs = random_requests(rng, 150, 20, 20)
    avail = random_windows(rng, reqs, 10)
    a = schedule_meetings(reqs, tables=8, slots=10, availability=avail, seed=4)
    b = schedule_meetings(reqs, tables=8, slots=10, availability=avail, seed=4)
    if a.optimal and b.optimal:  # not cut short by the time limit
        assert a.assignments == b.assignments


# ------------------------------------------------------------------ windows, too few slots


def test_windows_schedules_are_valid_and_bounded():
    for seed in range(6):
        rng = random.Random(100 + seed)
        S, T = rng.randint(6, 14), rng.randint(3, 12)
        reqs = random_requests(rng, rng.randint(60, 200), 25, 25, skew=0.5)
        avail = random_windows(rng, reqs, S)
        sch = schedule_meetings(reqs, tables=T, slots=S, availability=avail, time_limit=0.5)
        assert_valid(reqs, sch, T, S, avail)
        assert sch.scheduled <= sch.upper_bound <= min(len(reqs), S * T)
        assert sch.optimal == (sch.scheduled == sch.upper_bound)


def test_too_few_slots_fills_every_table():
    rng = random.Random(8)
    reqs = random_requests(rng, 400, 50, 50)
    sch = schedule_meetings(reqs, tables=20, slots=5)
    assert_valid(reqs, sch, 20, 5)
    assert sch.scheduled == 100
    assert sch.optimal


def test_request_without_common_presence_is_unscheduled():
    reqs = [("a", "x"), ("a", "y"), ("b", "x")]
    avail = {"a": [0, 1], "x": [2, 3]}
    sch = schedule_meetings(reqs, tables=2, slots=4, availability=avail)
    assert_valid(reqs, sch, 2, 4, avail)
    assert sch.unscheduled == [0]
    assert sch.assignments[1][0] in (0, 1)
    assert sch.assignments[2][0] in (2, 3)


def test_open_ended_day_with_windows_schedules_all_feasible():
    rng = random.Random(21)
    reqs = random_requests(rng, 200, 20, 20)
    avail = {"AZ0": range(0, 3), "RU1": range(2, 6)}
    sch = schedule_meetings(reqs, tables=6, availability=avail)
    assert_valid(reqs, sch, 6, None, avail)
    for i, pair in enumerate(reqs):
        if "AZ0" not in pair and "RU1" not in pair:
            assert i in sch.assignments  # always-present firms get extra slots as needed
    az0 = [i for i, pair in enumerate(reqs) if "AZ0" in pair]
    assert sum(i in sch.assignments for i in az0) == min(len(az0), 3)


# ------------------------------------------------------------------ locked meetings


def test_locked_meetings_are_kept_and_the_rest_rescheduled():
    rng = random.Random(9)
    reqs = random_requests(rng, 250, 30, 30)
    avail = random_windows(rng, reqs, 12, share=0.4)
    first = schedule_meetings(reqs, tables=12, slots=12, availability=avail, time_limit=0.5)
    locked = {r: first.assignments[r] for r in sorted(first.assignments)[::3]}
    again = schedule_meetings(reqs, tables=12, slots=12, availability=avail, fixed=locked, time_limit=0.5)
    assert_valid(reqs, again, 12, 12, avail, locked)
    for r, st in locked.items():
        assert again.assignments[r] == st


def test_locked_meetings_without_windows_or_slot_count():
    reqs = [("a", "x"), ("a", "y"), ("b", "x"), ("b", "y")]
    fixed = {0: (5, 1)}
    sch = schedule_meetings(reqs, tables=2, fixed=fixed)
    assert_valid(reqs, sch, 2, None, None, fixed)
    assert sch.unscheduled == []
    assert sch.assignments[0] == (5, 1)


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({"requests": [("a", "x"), ("x", "b"), ("b", "a")], "tables": 2}, "bipartite"),
        ({"requests": [("a", "a")], "tables": 2}, "itself"),
        ({"requests": [("a", "x", "y")], "tables": 2}, "pair"),
        ({"requests": [(["a"], "x")], "tables": 2}, "hashable"),
        ({"requests": [("a", "x")], "tables": 0}, "tables"),
        ({"requests": [("a", "x")], "tables": "3"}, "tables"),
        ({"requests": [("a", "x")], "tables": True}, "tables"),
        ({"requests": [("a", "x")], "tables": 2, "slots": 0}, "slots"),
        ({"requests": [("a", "x")], "tables": 2, "slots": 3, "availability": {"a": [3]}}, "out of range"),
        ({"requests": [("a", "x")], "tables": 2, "slots": 3, "availability": {"a": [-1]}}, "out of range"),
        ({"requests": [("a", "x")], "tables": 2, "availability": {"a": ["1"]}}, "integer"),
        ({"requests": [("a", "x")], "tables": 2, "availability": {"a": 1}}, "collection"),
        ({"requests": [("a", "x")], "tables": 2, "availability": [("a", 1)]}, "mapping"),
        ({"requests": [("a", "x")], "tables": 2, "fixed": {1: (0, 0)}}, "out of range"),
        ({"requests": [("a", "x")], "tables": 2, "fixed": {0: (0, 2)}}, "table 2"),
        ({"requests": [("a", "x")], "tables": 2, "slots": 2, "fixed": {0: (2, 0)}}, "slot 2"),
        ({"requests": [("a", "x")], "tables": 2, "fixed": {0: 3}}, "(slot, table)"),
        (
            {"requests": [("a", "x"), ("b", "y")], "tables": 2, "fixed": {0: (0, 1), 1: (0, 1)}},
            "slot 0, table 1",
        ),
        (
            {"requests": [("a", "x"), ("a", "y")], "tables": 2, "fixed": {0: (1, 0), 1: (1, 1)}},
            "twice in slot 1",
        ),
        (
            {
                "requests": [("a", "x")],
                "tables": 2,
                "slots": 4,
                "availability": {"x": [2, 3]},
                "fixed": {0: (1, 0)},
            },
            "not present",
        ),
    ],
)
def test_bad_input_raises_clear_value_error(kwargs, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        schedule_meetings(**kwargs)


def test_odd_cycle_message_names_the_firms():
    with pytest.raises(ValueError) as err:
        schedule_meetings([("a", "x"), ("x", "b"), ("b", "y"), ("y", "a"), ("a", "b")], tables=3)
    text = str(err.value)
    assert "odd cycle" in text
    assert "'a'" in text
    assert "'b'" in text


def test_validate_schedule_reports_problems():
    reqs = [("a", "x"), ("a", "y"), ("b", "y")]
    bad = Schedule(assignments={0: (0, 0), 1: (0, 1), 2: (1, 3)}, unscheduled=[2])
    errors = validate_schedule(reqs, bad, tables=2, availability={"b": [0]})
    text = " | ".join(errors)
    assert "firm 'a'" in text
    assert "table 3" in text
    assert "both assigned and unscheduled" in text
    assert "not present" in text
    with pytest.raises(ValueError, match="invalid schedule"):
        validate_schedule(reqs, bad, tables=2, raise_errors=True)
    missing = Schedule(assignments={0: (0, 0)}, unscheduled=[])
    assert any("neither" in e for e in validate_schedule(reqs, missing, tables=2))
    clash = Schedule(assignments={0: (0, 0), 2: (0, 0)}, unscheduled=[1])
    assert any("share slot 0, table 0" in e for e in validate_schedule(reqs, clash, tables=2))
    moved = Schedule(assignments={0: (1, 0), 1: (0, 0), 2: (1, 1)}, unscheduled=[])
    assert validate_schedule(reqs, moved, tables=2, fixed={0: (0, 1)})


# ------------------------------------------------------------------ CP-SAT reference (small)


def cpsat_optimum(reqs, T, S, avail, fixed=None):
    cp_model = pytest.importorskip("ortools.sat.python.cp_model")
    m = cp_model.CpModel()
    x = {}
    for r, (a, b) in enumerate(reqs):
        for s in range(S):
            if all(f not in avail or s in avail[f] for f in (a, b)):
                x[r, s] = m.NewBoolVar(f"x{r}_{s}")
    for r in range(len(reqs)):
        m.Add(sum(v for (r2, _), v in x.items() if r2 == r) <= 1)
    cell = {}
    for (r, s), v in x.items():
        for f in reqs[r]:
            cell.setdefault((f, s), []).append(v)
    for vs in cell.values():
        m.Add(sum(vs) <= 1)
    for s in range(S):
        m.Add(sum(v for (_, s2), v in x.items() if s2 == s) <= T)
    for r, (s, _) in (fixed or {}).items():
        m.Add(x[r, s] == 1)
    m.Maximize(sum(x.values()))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = 10
    solver.parameters.num_workers = 2
    assert solver.Solve(m) == cp_model.OPTIMAL
    return int(solver.ObjectiveValue())


def test_near_cpsat_optimum_on_small_window_instances():
    ours = best = 0
    for seed in range(8):
        rng = random.Random(2000 + seed)
        S, T = rng.randint(6, 12), rng.randint(3, 10)
        reqs = random_requests(rng, rng.randint(40, 120), rng.randint(10, 25), 20, skew=0.7)
        avail = random_windows(rng, reqs, S, share=0.7)
        fixed = None
        if seed % 3 == 2:  # lock a few meetings from a first run
            first = schedule_meetings(reqs, tables=T, slots=S, availability=avail)
            fixed = {r: first.assignments[r] for r in sorted(first.assignments)[:5]}
        sch = schedule_meetings(reqs, tables=T, slots=S, availability=avail, fixed=fixed)
        assert_valid(reqs, sch, T, S, avail, fixed)
        opt = cpsat_optimum(reqs, T, S, avail, fixed)
        assert sch.scheduled <= opt <= sch.upper_bound
        ours += sch.scheduled
        best += opt
    assert ours >= 0.99 * best
