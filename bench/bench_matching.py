#!/usr/bin/env python3
"""Benchmark: MatchEngine on 20,000 firms against the brute-force rapidfuzz baseline.

usage: .venv/bin/python bench/bench_matching.py [--firms 20000] [--k 20] [--seed 11]
                                                [--updates 25] [--workers 1,2]
                                                [--no-baseline] [--tracemalloc]

Generates believable trilingual firms (seeded): half Azerbaijani, half Russian, 0–3 offers and
0–3 needs each, drawn with a Zipf-like popularity from the lexicon's concepts, written in the
firm's languages with random inflection, one-letter typos and Azerbaijani typed without its
letters; NACE sectors and working languages.

Times, in one run:
* ours: ``MatchEngine`` build (add + analysis + index) and ``rebuild(k)`` for every firm, in
  one process and with ``rebuild(workers=2)`` (forked; the baseline uses every core too);
  then the time to work out every suggestion's reasons (lazy in the engine);
* one incremental update (a firm changes its offers / needs; its list and every affected list
  are recomputed), repeated ``--updates`` times: median and max;
* baseline: ``process.cdist(az_offers_text, ru_needs_text, scorer=fuzz.token_set_ratio,
  workers=-1, dtype=np.uint8)`` over all 10^8 pairs (one direction only!).
Peak memory: ``resource.getrusage`` maxrss after our part (before the baseline) and at the end;
``--tracemalloc`` adds a traced rebuild (slower) for Python-level peak allocation.
A side check of quality on planted concepts: share of the top 5 that really complement
(an offered concept of one is a needed concept of the other), ours vs baseline.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from rapidfuzz import fuzz, process

from matchmaker.core.concepts import default_lexicon
from matchmaker.core.matching import FirmProfile, MatchEngine

try:  # the eval script's perturbation helpers (typos, inflection)
    from eval_matching_offline import _AZ_STRIP, inflect, typo
except ImportError:  # pragma: no cover
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from eval_matching_offline import _AZ_STRIP, inflect, typo

SECTORS = [
    "01.11",
    "01.13",
    "01.21",
    "01.24",
    "01.25",
    "01.41",
    "01.47",
    "03.11",
    "10.11",
    "10.31",
    "10.32",
    "10.39",
    "10.41",
    "10.51",
    "10.61",
    "10.71",
    "10.83",
    "11.01",
    "11.02",
    "11.07",
    "13.10",
    "13.20",
    "16.10",
    "17.21",
    "20.15",
    "20.16",
    "21.20",
    "22.22",
    "23.51",
    "24.10",
    "24.20",
    "25.11",
    "28.30",
    "29.32",
    "31.01",
    "41.20",
    "45.31",
    "46.17",
    "46.21",
    "46.31",
    "46.33",
    "46.34",
    "46.37",
    "46.38",
    "46.71",
    "46.72",
    "47.11",
    "49.41",
    "50.20",
    "52.10",
    "52.24",
    "52.29",
    "55.10",
    "62.01",
    "70.22",
    "79.11",
    "82.92",
]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def make_firms(n: int, seed: int, lex):
    rng = random.Random(seed)
    concepts = [
        c
        for c in lex.concepts.values()
        if not c.id.startswith("hs") and all(c.names.get(lg) for lg in ("en", "ru", "az"))
    ]
    rng.shuffle(concepts)
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(concepts))]
    firms, planted = [], {}
    for i in range(n):
        country = "AZ" if i < n // 2 else "RU"
        if country == "AZ":
            langs = rng.choice([("az",), ("az", "ru"), ("az", "ru", "en"), ("az", "en")])
            write = ["az"] * 5 + ["ru"] * 3 + ["en"] * 2
        else:
            langs = rng.choice([("ru",), ("ru",), ("ru", "en"), ("az", "ru")])
            write = ["ru"] * 7 + ["en"] * 2 + ["az"]
        o_c = rng.choices(concepts, weights, k=rng.choice((0, 1, 1, 2, 2, 3)))
        n_c = rng.choices(concepts, weights, k=rng.choice((0, 1, 1, 2, 3)))

        def spell(c, write=write):
            lg = rng.choice(write)
            s = rng.choice(c.names[lg])
            words = s.split()
            if rng.random() < 0.4:
                j = rng.randrange(len(words))
                words[j] = inflect(words[j], rng)
            if rng.random() < 0.2:
                cand = [j for j, w in enumerate(words) if len(w) >= 4]
                if cand:
                    j = rng.choice(cand)
                    words[j] = typo(words[j], rng)
            s = " ".join(words)
            if rng.random() < 0.5:
                s = s.translate(_AZ_STRIP)
            if rng.random() < 0.3:
                s = s.capitalize()
            return s

        fid = f"{country.lower()}{i:05d}"
        firms.append(
            FirmProfile(
                fid,
                country,
                tuple(rng.sample(SECTORS, rng.choice((0, 1, 1, 2)))),
                tuple(dict.fromkeys(spell(c) for c in o_c)),
                tuple(dict.fromkeys(spell(c) for c in n_c)),
                langs,
                verified=rng.random() < 0.15,
                name=f"Firm {i}",
            )
        )
        planted[fid] = ({c.id for c in o_c}, {c.id for c in n_c})
    return firms, planted


def complements(planted, a, b) -> bool:
    (ao, an), (bo, bn) = planted[a], planted[b]
    return bool(ao & bn or an & bo)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--firms", type=int, default=20000)
    ap.add_argument("--k", type=int, default=20)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--updates", type=int, default=25)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--tracemalloc", action="store_true")
    ap.add_argument(
        "--workers",
        type=lambda v: [int(x) for x in v.split(",")],
        default=[1, 2],
        help="rebuild worker processes to time, comma-separated (default 1,2)",
    )
    a = ap.parse_args(argv)

    lex = default_lexicon()
    t = time.perf_counter()
    firms, planted = make_firms(a.firms, a.seed, lex)
    print(
        f"generated {len(firms)} firms from {len(lex.concepts)} lexicon concepts "
        f"in {time.perf_counter() - t:.2f} s; rss {rss_mb():.0f} MB"
    )

    # ---------------------------------------------------------------- ours
    runs = {}
    for workers in a.workers:
        t0 = time.perf_counter()
        c0 = time.process_time()
        eng = MatchEngine(lex)
        for f in firms:
            eng.add(f)
        eng.ensure_index()  # analysis + postings (otherwise done lazily by rebuild)
        t_build = time.perf_counter() - t0
        t1 = time.perf_counter()
        res = eng.rebuild(k=a.k, workers=workers)
        t_rebuild = time.perf_counter() - t1
        cpu = time.process_time() - c0
        runs[workers] = t_build + t_rebuild
        print(
            f"ours (workers={workers}): build {t_build:.2f} s + rebuild(k={a.k}) "
            f"{t_rebuild:.2f} s = {t_build + t_rebuild:.2f} s wall "
            f"(main-process CPU {cpu:.2f} s); maxrss {rss_mb():.0f} MB"
        )
        n_sugg = sum(len(v) for v in res.values())
        short = sum(1 for v in res.values() if len(v) < a.k)
        same = sum(1 for fid, v in res.items() for s in v if s.partner_id[:2] == fid[:2])
        print(f"      {n_sugg} suggestions, firms with < k: {short}, same-country: {same}")
    ours = min(runs.values())
    rss_ours = rss_mb()
    t = time.perf_counter()
    n_reasons = sum(len(s.reasons) for v in res.values() for s in v)
    print(
        f"      working out all {n_reasons} reasons of all suggestions (lazy, on first "
        f"read): {time.perf_counter() - t:.2f} s"
    )

    # ---------------------------------------------------------------- incremental
    rng = random.Random(a.seed + 1)
    times, sizes = [], []
    donors = rng.sample(firms, a.updates)
    for f in rng.sample(firms, a.updates):
        d = donors.pop()
        changed = FirmProfile(f.id, f.country, d.sectors, d.offers, d.needs, f.languages, f.verified, f.name)
        ts = time.perf_counter()
        out = eng.update(changed, k=a.k)
        times.append(time.perf_counter() - ts)
        sizes.append(len(out))
        planted[f.id] = planted[d.id]
    print(
        f"incremental update: median {statistics.median(times) * 1000:.1f} ms, "
        f"max {max(times) * 1000:.1f} ms over {len(times)} updates "
        f"(lists recomputed: median {statistics.median(sizes):.0f}, max {max(sizes)})"
    )

    if a.tracemalloc:
        import tracemalloc

        tracemalloc.start()
        e2 = MatchEngine(lex)
        for f in firms:
            e2.add(f)
        e2.rebuild(k=a.k)
        cur, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"tracemalloc: build+rebuild peak {peak / 2**20:.0f} MB (current {cur / 2**20:.0f} MB)")
        del e2

    # ---------------------------------------------------------------- quality side check
    az = [f for f in firms if f.country == "AZ" and (planted[f.id][0] or planted[f.id][1])]
    sample = random.Random(a.seed + 2).sample(az, min(500, len(az)))
    ours_p5 = statistics.mean(
        sum(complements(planted, f.id, s.partner_id) for s in eng.stored(f.id)[:5]) / 5 for f in sample
    )
    print(f"quality on {len(sample)} AZ firms: complementary share of top 5, ours {ours_p5:.3f}")

    if a.no_baseline:
        return 0
    # ---------------------------------------------------------------- baseline
    az_f = [f for f in firms if f.country == "AZ"]
    ru_f = [f for f in firms if f.country == "RU"]
    az_offers = ["; ".join(f.offers) for f in az_f]
    ru_needs = ["; ".join(f.needs) for f in ru_f]
    tb = time.perf_counter()
    m = process.cdist(az_offers, ru_needs, scorer=fuzz.token_set_ratio, workers=-1, dtype=np.uint8)
    t_base = time.perf_counter() - tb
    print(
        f"baseline: cdist token_set_ratio {len(az_offers)} x {len(ru_needs)} = "
        f"{len(az_offers) * len(ru_needs):,} pairs in {t_base:.2f} s; maxrss {rss_mb():.0f} MB"
    )
    pos = {f.id: i for i, f in enumerate(az_f)}
    base_p5 = []
    for f in sample:
        row = m[pos[f.id]]
        top = np.argsort(-row.astype(np.int16), kind="stable")[:5]
        base_p5.append(sum(complements(planted, f.id, ru_f[j].id) for j in top) / 5)
    print(
        f"quality: complementary share of top 5, baseline {statistics.mean(base_p5):.3f} "
        f"(offers vs needs only)"
    )
    serial = runs.get(1, ours)
    print(
        f"SUMMARY firms={len(firms)} ours={ours:.2f}s ours_1proc={serial:.2f}s "
        f"baseline={t_base:.2f}s ratio={ours / t_base:.3f} (target <= 0.2) "
        f"ratio_1proc={serial / t_base:.3f} update_median_ms="
        f"{statistics.median(times) * 1000:.1f} update_max_ms={max(times) * 1000:.1f} "
        f"maxrss_ours_mb={rss_ours:.0f} maxrss_end_mb={rss_mb():.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
