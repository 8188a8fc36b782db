"""Benchmark of the brokerage-day scheduler (matchmaker.core.scheduling).

Run:  .venv/bin/python bench/bench_scheduling.py [--quick] [--cpsat-limit 15] [--n 30]

(a) unconstrained instances up to 4,000 requests / 500 tables: seconds, slots used against the
    lower bound max(D, ceil(E/T)) (must be equal);
(b) presence-window instances (<= 400 requests, fixed slot count): scheduled meetings against an
    OR-Tools CP-SAT model (time-limited; whether it proved optimality is reported), seconds, and a
    first-fit greedy for comparison;
(c) idle slots between a firm's meetings before/after the compaction pass.
OR-Tools is a dev dependency used here only, never by matchmaker/.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from matchmaker.core.scheduling import schedule_meetings, validate_schedule


def unconstrained_instance(rng: random.Random, E: int, T: int, na: int, nb: int, skew: float = 0.0):
    """Random AZ-RU requests; skew > 0 makes some firms far more popular (Zipf-like)."""
    wa = [1 / (i + 1) ** skew for i in range(na)]
    wb = [1 / (i + 1) ** skew for i in range(nb)]
    az = rng.choices(range(na), weights=wa, k=E)
    ru = rng.choices(range(nb), weights=wb, k=E)
    reqs = []
    for a, b in zip(az, ru, strict=False):
        pair = (f"AZ{a}", f"RU{b}")
        reqs.append(pair if rng.random() < 0.5 else pair[::-1])
    return reqs


def windows_instance(rng: random.Random, tight: bool = False):
    """40-120 firms per side, 100-400 requests, 5-30 tables, 8-24 slots, presence windows.

    Default: 40% of firms all day, the others arrive late, leave early or both. ``tight``: 80% of
    firms present in a random window of 2..S slots and more skewed popularity.
    """
    na, nb = rng.randint(40, 120), rng.randint(40, 120)
    E = rng.randint(100, 400)
    T = rng.randint(5, 30)
    S = rng.randint(8, 24)
    skew = rng.choice([0.5, 1.0] if tight else [0.0, 0.5, 1.0])
    reqs = unconstrained_instance(rng, E, T, na, nb, skew=skew)
    avail = {}
    for f in sorted({f for p in reqs for f in p}):
        kind = rng.random()
        if tight:
            if kind < 0.2:
                continue
            length = rng.randint(2, S)
            lo = rng.randrange(S - length + 1)
            avail[f] = range(lo, lo + length)
            continue
        if kind < 0.4:
            continue  # all day
        lo, hi = 0, S
        if kind < 0.65:
            lo = rng.randrange(S // 2 + 1)  # arrives late
        elif kind < 0.85:
            hi = rng.randint(S // 2, S)  # leaves early
        else:
            lo = rng.randrange(S // 2)
            hi = rng.randint(lo + 1, S)
        avail[f] = range(lo, max(hi, lo + 1))
    return reqs, T, S, avail


def first_fit(reqs, T, S, avail) -> int:
    """Requests in the given order, each in the first slot where both firms are free and present."""
    busy, load, n = set(), [0] * S, 0
    for a, b in reqs:
        for s in range(S):
            present = (a not in avail or s in avail[a]) and (b not in avail or s in avail[b])
            if present and load[s] < T and (a, s) not in busy and (b, s) not in busy:
                busy.update(((a, s), (b, s)))
                load[s] += 1
                n += 1
                break
    return n


def cpsat_max(reqs, T, S, avail, fixed=None, time_limit=15.0, workers=2):
    """CP-SAT: maximise scheduled requests. Returns (value, proved_optimal, bound, seconds)."""
    from ortools.sat.python import cp_model

    m = cp_model.CpModel()
    x = {}
    for r, (a, b) in enumerate(reqs):
        for s in range(S):
            if (a not in avail or s in avail[a]) and (b not in avail or s in avail[b]):
                x[r, s] = m.NewBoolVar(f"x{r}_{s}")
    for r in range(len(reqs)):
        m.Add(sum(x[r, s] for s in range(S) if (r, s) in x) <= 1)
    per_firm_slot: dict = {}
    for (r, s), v in x.items():
        for f in reqs[r]:
            per_firm_slot.setdefault((f, s), []).append(v)
    for vs in per_firm_slot.values():
        if len(vs) > 1:
            m.Add(sum(vs) <= 1)
    for s in range(S):
        vs = [v for (r, s2), v in x.items() if s2 == s]
        if len(vs) > T:
            m.Add(sum(vs) <= T)
    for r, (s, _t) in (fixed or {}).items():
        m.Add(x[r, s] == 1)
    m.Maximize(sum(x.values()))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    t = time.perf_counter()
    status = solver.Solve(m)
    dt = time.perf_counter() - t
    proved = status == cp_model.OPTIMAL
    return int(solver.ObjectiveValue()), proved, int(solver.BestObjectiveBound()), dt


def bench_unconstrained(quick: bool) -> list[dict]:
    sizes = [
        (100, 10, 20, 20, 0.0),
        (500, 25, 60, 60, 0.5),
        (1500, 100, 150, 150, 0.0),
        (1500, 20, 100, 100, 1.0),
        (4000, 500, 300, 300, 0.0),
        (4000, 500, 60, 600, 1.0),
        (4000, 100, 200, 200, 0.5),
        (4000, 20, 400, 400, 0.0),
        (4000, 500, 500, 500, 0.0),
    ]
    if quick:
        sizes = sizes[::2]
    rows = []
    for i, (E, T, na, nb, skew) in enumerate(sizes):
        reqs = unconstrained_instance(random.Random(i), E, T, na, nb, skew)
        D = max(Counter(f for p in reqs for f in p).values())
        t = time.perf_counter()
        sch = schedule_meetings(reqs, tables=T)
        dt = time.perf_counter() - t
        raw = schedule_meetings(reqs, tables=T, compact=False)
        assert not validate_schedule(reqs, sch, T)
        assert not sch.unscheduled
        rows.append(
            {
                "E": E,
                "T": T,
                "firms": na + nb,
                "D": D,
                "lb": max(D, math.ceil(E / T)),
                "used": sch.slots_used,
                "sec": dt,
                "raw_sec": raw.stats["seconds"],
                "idle0": raw.idle_slots,
                "idle1": sch.idle_slots,
            }
        )
    return rows


def bench_windows(n: int, cpsat_limit: float, tight: bool, time_limit: float) -> list[dict]:
    rows = []
    for i in range(n):
        rng = random.Random((20_000 if tight else 10_000) + i)
        reqs, T, S, avail = windows_instance(rng, tight)
        t = time.perf_counter()
        sch = schedule_meetings(reqs, tables=T, slots=S, availability=avail, time_limit=time_limit)
        dt = time.perf_counter() - t
        errors = validate_schedule(reqs, sch, T, S, avail)
        assert not errors, errors
        raw = schedule_meetings(
            reqs, tables=T, slots=S, availability=avail, compact=False, time_limit=time_limit
        )
        opt, proved, bound, cdt = cpsat_max(reqs, T, S, avail, time_limit=cpsat_limit)
        rows.append(
            {
                "E": len(reqs),
                "T": T,
                "S": S,
                "ours": sch.scheduled,
                "ub": sch.upper_bound,
                "own_proof": sch.optimal,
                "cp": opt,
                "cp_proved": proved,
                "cp_bound": bound,
                "cp_sec": cdt,
                "sec": dt,
                "ff": first_fit(reqs, T, S, avail),
                "greedy": sch.stats.get("greedy", sch.scheduled),
                "idle0": raw.idle_slots,
                "idle1": sch.idle_slots,
            }
        )
        print(
            f"  #{i:02d} E={len(reqs):3d} T={T:2d} S={S:2d} ours={sch.scheduled:3d} "
            f"cp={opt:3d}{'*' if proved else '?'} ff={rows[-1]['ff']:3d} {dt:.2f}s "
            f"cp {cdt:.1f}s",
            flush=True,
        )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer instances")
    ap.add_argument("--n", type=int, default=30, help="window instances per family")
    ap.add_argument("--cpsat-limit", type=float, default=15.0, help="CP-SAT seconds per instance")
    ap.add_argument("--time-limit", type=float, default=1.0, help="our search budget (s)")
    args = ap.parse_args()
    n = 8 if args.quick else args.n

    print("(a) no presence windows: slots used vs max(D, ceil(E/T))")
    print(
        f"{'E':>5} {'T':>4} {'firms':>5} {'D':>5} {'bound':>5} {'used':>5} {'sec':>6} "
        f"{'sec(no compaction)':>18}"
    )
    rows = bench_unconstrained(args.quick)
    for r in rows:
        print(
            f"{r['E']:5d} {r['T']:4d} {r['firms']:5d} {r['D']:5d} {r['lb']:5d} {r['used']:5d} "
            f"{r['sec']:6.3f} {r['raw_sec']:18.3f}"
        )
    print(f"all optimal: {all(r['used'] == r['lb'] for r in rows)}; max {max(r['sec'] for r in rows):.3f} s")

    fams = {}
    for tight in (False, True):
        name = "tight windows" if tight else "windows"
        print(f"\n(b) {name}: {n} instances, CP-SAT limit {args.cpsat_limit:g} s")
        fams[name] = bench_windows(n, args.cpsat_limit, tight, args.time_limit)
    print(
        f"\n{'family':<14} {'ours/CP':>8} {'greedy/CP':>9} {'firstfit/CP':>11} "
        f"{'ours=CP':>7} {'CP proved':>9} {'own proof':>9} {'mean s':>6} {'max s':>6} "
        f"{'CP mean s':>9}"
    )
    for name, rs in fams.items():
        cp = sum(r["cp"] for r in rs)
        print(
            f"{name:<14} {sum(r['ours'] for r in rs) / cp:8.4f} "
            f"{sum(r['greedy'] for r in rs) / cp:9.4f} {sum(r['ff'] for r in rs) / cp:11.4f} "
            f"{sum(r['ours'] >= r['cp'] for r in rs):4d}/{len(rs):<2d} "
            f"{sum(r['cp_proved'] for r in rs):6d}/{len(rs):<2d} "
            f"{sum(r['own_proof'] for r in rs):6d}/{len(rs):<2d} "
            f"{statistics.mean(r['sec'] for r in rs):6.2f} {max(r['sec'] for r in rs):6.2f} "
            f"{statistics.mean(r['cp_sec'] for r in rs):9.2f}"
        )

    print("\n(c) idle slots between a firm's first and last meeting (sum over firms)")
    print(f"{'family':<14} {'meetings':>8} {'idle before':>11} {'idle after':>10} {'per meeting':>11}")
    groups = [("no windows", rows)] + list(fams.items())
    for name, rs in groups:
        m = sum(r.get("ours", r["E"]) for r in rs)
        i0, i1 = sum(r["idle0"] for r in rs), sum(r["idle1"] for r in rs)
        print(f"{name:<14} {m:8d} {i0:11d} {i1:10d} {i1 / m:11.3f}")


if __name__ == "__main__":
    main()
