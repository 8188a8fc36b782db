#!/usr/bin/env python3
"""Offline quality check of the partner-matching engine on the dev set (and a perturbed copy).

usage: .venv/bin/python bench/eval_matching_offline.py [--data DIR] [--k 10] [--out DIR]
                                                        [--seed 7] [--no-perturbed] [--baseline]

Loads ``companies_dev.csv``, runs ``MatchEngine.rebuild``, writes the top-k suggestions as JSONL
(the export format of CONTRACT.md, reasons rendered in English) and scores them with
``/work/shared/tools/eval_matching.py`` against ``truth_dev.json``.

The product is judged on held-out data with new spellings, typos and Azerbaijani typed without
its letters, so the script also builds a *perturbed* copy of the dev set (seeded; the truth stays
the same): Azerbaijani letters stripped from most items, a one-letter typo in ~30% of items, some
items swapped to another language or synonym of the same lexicon concept, some words inflected
(plural / case). Both runs are reported.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from matchmaker.core.concepts import default_lexicon
from matchmaker.core.matching import FirmProfile, MatchEngine, render_reason

DEFAULT_DATA = "/work/shared/data"
EVAL = "/work/shared/tools/eval_matching.py"

_AZ_STRIP = str.maketrans(
    {
        "ə": "e",
        "Ə": "E",
        "ş": "s",
        "Ş": "S",
        "ı": "i",
        "İ": "I",
        "ğ": "g",
        "Ğ": "G",
        "ç": "c",
        "Ç": "C",
        "ö": "o",
        "Ö": "O",
        "ü": "u",
        "Ü": "U",
    }
)
_LAT = "abcdefghijklmnopqrstuvwxyz"
_CYR = "абвгдежзийклмнопрстуфхцчшщыэюя"


def split(v: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in (v or "").split(";") if x.strip())


def load_rows(path: str) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def profiles(rows) -> list[FirmProfile]:
    return [
        FirmProfile(
            r["external_id"],
            r["country"].strip().upper(),
            split(r["sectors"]),
            split(r["offers"]),
            split(r["needs"]),
            split(r["languages"]),
            name=r.get("name", ""),
        )
        for r in rows
    ]


# --------------------------------------------------------------------------- perturbation
def typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    alpha = _CYR if any("\u0400" <= c <= "\u04ff" for c in word) else _LAT
    i = rng.randrange(1, len(word))
    op = rng.choice(("del", "sub", "swap", "ins"))
    if op == "del":
        return word[:i] + word[i + 1 :]
    if op == "sub":
        return word[:i] + rng.choice(alpha) + word[i + 1 :]
    if op == "swap" and i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + rng.choice(alpha) + word[i:]


_INFLECTED = re.compile(
    r"(ы|и|ов|ев|ами|ями|ах|ей|ой|ую|ых|их|lar|lər|ları|ləri|dan|dən|"
    r"s|ies)$",
    re.IGNORECASE,
)


def inflect(word: str, rng: random.Random) -> str:
    """A plural or case form of a word that looks like a lemma (others stay as they are)."""
    w = word
    if len(w) < 3 or not w.isalpha() or _INFLECTED.search(w):
        return w
    if any("\u0400" <= c <= "\u04ff" for c in w):
        if w.endswith(("ый", "ий", "ой", "ая", "ое", "ые")):
            return w[:-2] + rng.choice(("ых", "ые", "ого", "ую"))
        if w.endswith("а"):
            return (
                w[:-1] + rng.choice(("ы", "у", "ой"))
                if w[-2] not in "гкхжшчщ"
                else w[:-1] + rng.choice(("и", "у", "ой"))
            )
        if w.endswith(("ь", "я", "й")):
            return w[:-1] + rng.choice(("и", "ей", "ям"))
        if w.endswith(("о", "е")):
            return w[:-1] + rng.choice(("а", "ом"))
        return (
            w + rng.choice(("ы", "ов", "ами", "а"))
            if w[-1] not in "гкхжшчщ"
            else w + rng.choice(("и", "ов", "ами"))
        )
    back = any(c in "aıouAIOU" for c in w[-3:]) and not any(c in "əeiöüƏEİÖÜ" for c in w[-2:])
    az = any(c in "əğışçöüƏĞIŞÇÖÜ" for c in w) or rng.random() < 0.5
    if az:
        suf = rng.choice((("lar", "lər"), ("ları", "ləri"), ("lardan", "lərdən")))
        return w + (suf[0] if back else suf[1])
    if w.endswith("y") and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    if w.endswith(("s", "x", "ch", "sh", "o")):
        return w + "es"
    return w + "s"


def perturb_item(item: str, rng: random.Random, lex) -> str:
    s = item
    r = rng.random()
    if r < 0.2:
        # another language or synonym of the concept the lexicon finds (exact hits only)
        hits = [h for h in lex.analyze(s) if h.how == "exact"]
        if hits:
            c = lex.concepts.get(hits[0].concept)
            if c is not None:
                terms = [t for lg in ("en", "ru", "az") for t in c.names.get(lg, ()) if t != s]
                if terms:
                    s = rng.choice(terms)
    words = s.split()
    if rng.random() < 0.35 and words:
        j = rng.randrange(len(words))
        words[j] = inflect(words[j], rng)
    if rng.random() < 0.3 and words:
        cand = [j for j, w in enumerate(words) if len(w) >= 4]
        if cand:
            j = rng.choice(cand)
            words[j] = typo(words[j], rng)
    s = " ".join(words)
    if rng.random() < 0.7:
        s = s.translate(_AZ_STRIP)
    if rng.random() < 0.2:
        s = s.capitalize() if rng.random() < 0.5 else s.upper()
    return s


def perturb_rows(rows, seed: int, lex) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for r in rows:
        r = dict(r)
        for col in ("offers", "needs"):
            r[col] = ";".join(perturb_item(x, rng, lex) for x in split(r[col]))
        out.append(r)
    return out


# ------------------------------------------------------------------------------------ run
def baseline(rows, k: int, out_path: str, truth: str, label: str) -> str:
    """The brute-force reference: token_set_ratio of offers vs needs, both ways, all pairs."""
    import numpy as np
    from rapidfuzz import fuzz, process

    az = [r for r in rows if r["country"] == "AZ"]
    ru = [r for r in rows if r["country"] == "RU"]
    txt = lambda rs, col: [" ".join(split(r[col])) for r in rs]  # noqa: E731
    m = np.maximum(
        process.cdist(
            txt(az, "offers"), txt(ru, "needs"), scorer=fuzz.token_set_ratio, processor=str.lower, workers=-1
        ),
        process.cdist(
            txt(az, "needs"), txt(ru, "offers"), scorer=fuzz.token_set_ratio, processor=str.lower, workers=-1
        ),
    )
    with open(out_path, "w", encoding="utf-8") as fh:
        for side, others, mat in ((az, ru, m), (ru, az, m.T)):
            for i, r in enumerate(side):
                for rank, j in enumerate(np.argsort(-mat[i], kind="stable")[:k], start=1):
                    fh.write(
                        json.dumps(
                            {
                                "company": r["external_id"],
                                "partner": others[j]["external_id"],
                                "rank": rank,
                                "score": float(mat[i, j]),
                            }
                        )
                        + "\n"
                    )
    rep = subprocess.run(
        [sys.executable, EVAL, truth, out_path], capture_output=True, text=True, check=True
    ).stdout.strip()
    print(f"== baseline token_set_ratio, {label}")
    print(rep)
    return rep


def run(rows, k: int, out_path: str, truth: str, label: str) -> str:
    eng = MatchEngine()
    for p in profiles(rows):
        eng.add(p)
    t0 = time.perf_counter()
    res = eng.rebuild(k=k)
    dt = time.perf_counter() - t0
    with open(out_path, "w", encoding="utf-8") as fh:
        for fid, lst in res.items():
            for s in lst:
                fh.write(
                    json.dumps(
                        {
                            "company": fid,
                            "partner": s.partner_id,
                            "rank": s.rank,
                            "score": s.score,
                            "reasons": [render_reason(x, "en") for x in s.reasons],
                        },
                        ensure_ascii=False,
                    )
                    + "\n"
                )
    rep = subprocess.run(
        [sys.executable, EVAL, truth, out_path], capture_output=True, text=True, check=True
    ).stdout.strip()
    print(f"== {label}: {len(rows)} firms, rebuild {dt:.2f} s -> {out_path}")
    print(rep)
    return rep


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--out", default="/tmp")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-perturbed", action="store_true")
    ap.add_argument("--dump-perturbed", help="write the perturbed CSV here")
    ap.add_argument(
        "--baseline", action="store_true", help="also score the token_set_ratio baseline on both sets"
    )
    a = ap.parse_args(argv)
    rows = load_rows(os.path.join(a.data, "companies_dev.csv"))
    truth = os.path.join(a.data, "truth_dev.json")
    reps = [run(rows, a.k, os.path.join(a.out, "matching_dev.jsonl"), truth, "dev")]
    if a.baseline:
        baseline(rows, a.k, os.path.join(a.out, "baseline_dev.jsonl"), truth, "dev")
    if not a.no_perturbed:
        prow = perturb_rows(rows, a.seed, default_lexicon())
        if a.dump_perturbed:
            with open(a.dump_perturbed, "w", encoding="utf-8", newline="") as fh:
                w = csv.DictWriter(fh, fieldnames=list(rows[0].keys()))
                w.writeheader()
                w.writerows(prow)
        reps.append(
            run(
                prow,
                a.k,
                os.path.join(a.out, "matching_dev_perturbed.jsonl"),
                truth,
                f"perturbed (seed {a.seed})",
            )
        )
        if a.baseline:
            baseline(
                prow,
                a.k,
                os.path.join(a.out, "baseline_dev_perturbed.jsonl"),
                truth,
                f"perturbed (seed {a.seed})",
            )
    ok = True
    for rep in reps:
        m = dict(re.findall(r"(\S+)=([0-9.]+)", rep))
        ok &= (
            float(m.get("nDCG@10", 0)) >= 0.90
            and float(m.get("P@5", 0)) >= 0.90
            and float(m.get("coverage", 0)) == 1.0
            and m.get("same_country") == "0"
        )
    print("targets (nDCG@10 >= 0.90, P@5 >= 0.90, coverage 1, same_country 0):", "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
