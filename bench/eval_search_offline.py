"""Offline quality check of the directory search (no web server).

usage: .venv/bin/python bench/eval_search_offline.py [COMPANIES.csv QUERIES.jsonl] [--heldout N] [-v]

1. Dev set: loads the companies CSV into a ``SearchIndex`` (row index as id), runs the queries and
   prints per-kind top-3 results in the same format as ``../shared/tools/eval_search.py``.
2. Held-out style check (``--heldout N``, default 600): a *different* synthetic directory from
   ``bench_search.generate_firms`` (other words and towns than the dev set) and queries generated
   from its names with a fixed seed: Russian-convention renderings of Azerbaijani names,
   Latin transliterations of Russian names (several systems), typos, prefix truncation, folding.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

from matchmaker.core.search import LEGAL_FORMS, SearchDoc, SearchIndex  # noqa: E402
from matchmaker.core.text import fold  # noqa: E402

SHARED = next(
    (
        p
        for p in (os.path.join(os.path.dirname(os.path.dirname(HERE)), "shared", "data"), "/work/shared/data")
        if os.path.isdir(p)
    ),
    "",
)


def load_csv(path: str) -> tuple[SearchIndex, list[dict]]:
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    docs = []
    for i, r in enumerate(rows):
        texts = tuple(t for f in ("offers", "needs") for t in r[f].split(";") if t.strip())
        if r.get("description"):
            texts += (r["description"],)
        docs.append(SearchDoc(i, r["name"], r.get("city", ""), texts))
    return SearchIndex(docs), rows


def run(index: SearchIndex, queries: list[dict], id_of, verbose: bool = False) -> float:
    ok, tot, lat = Counter(), Counter(), []
    for q in queries:
        t0 = time.perf_counter()
        res = index.find(q["q"], limit=10).hits if hasattr(index, "find") else index.search(q["q"], limit=10)
        lat.append(time.perf_counter() - t0)
        tot[q["kind"]] += 1
        hit = any(id_of(d) == q["expect"] for d, _ in res[:3])
        ok[q["kind"]] += hit
        if verbose and not hit:
            print(
                f"  MISS [{q['kind']}] {q['q']!r} -> want {q.get('name')!r}; got",
                [(q_name(d), s) for d, s in res[:3]] if q_name else res[:3],
            )
    lat.sort()
    p95 = lat[int(0.95 * (len(lat) - 1))] * 1000 if lat else 0
    print(" ".join(f"{k}={ok[k]}/{tot[k]}" for k in sorted(tot)))
    top3 = sum(ok.values()) / max(1, sum(tot.values()))
    print(f"top3={top3:.3f} p95_ms={p95:.1f}")
    worst = min((ok[k] / tot[k] for k in tot), default=0)
    print(f"worst_kind={worst:.3f}")
    return top3


q_name = None  # set by main for verbose output


# -- held-out query generation -----------------------------------------------------------
# Azerbaijani Latin → Russian Cyrillic as Russian texts render place and firm names
# (ə → я after г/к, else е or а; q → г word-initially, г/к inside; c → дж; ğ → г, or х at the end …).
_AZ_RU = {
    "a": ["а"],
    "b": ["б"],
    "c": ["дж"],
    "ç": ["ч"],
    "d": ["д"],
    "e": ["е", "э"],
    "f": ["ф"],
    "g": ["г"],
    "h": ["х", "г"],
    "i": ["и"],
    "j": ["ж"],
    "k": ["к"],
    "l": ["л"],
    "m": ["м"],
    "n": ["н"],
    "o": ["о"],
    "p": ["п"],
    "r": ["р"],
    "s": ["с"],
    "ş": ["ш"],
    "t": ["т"],
    "u": ["у"],
    "v": ["в"],
    "x": ["х"],
    "y": ["й"],
    "z": ["з"],
    "ı": ["ы", "и"],
    "ö": ["ё", "о"],
    "ü": ["ю", "у"],
    "ğ": ["г"],
    "q": ["г", "к"],
    "ə": ["е", "а"],
}
_RU_VOWELS = set("аеёиоуыэюя")


def az_to_ru(word: str, rng: random.Random) -> str:
    w = word.replace("İ", "i").replace("I", "ı").lower()
    out: list[str] = []
    for i, ch in enumerate(w):
        prev = w[i - 1] if i else ""
        if ch == "ə" and prev in ("g", "k"):
            out.append("я")
        elif ch == "ə" and i == 0:
            out.append("а")
        elif ch == "q" and i == 0:
            out.append("г")
        elif ch == "ğ" and i == len(w) - 1:
            out.append(rng.choice(["г", "х"]))
        elif ch == "y" and i + 1 < len(w) and w[i + 1] in "aeuə":
            nxt = w[i + 1]
            out.append({"a": "я", "e": "е", "u": "ю", "ə": "я"}[nxt])
            w = w[: i + 1] + "\0" + w[i + 2 :]  # consume the vowel
        elif ch == "\0":
            continue
        elif ch == "ü" and prev in ("k", "g"):
            out.append("ю")
        else:
            out.append(rng.choice(_AZ_RU.get(ch, [ch])))
    s = "".join(out)
    if s[-1:] == "л" and rng.random() < 0.5:
        s += "ь"
    return s[:1].upper() + s[1:]


_RU_LAT_VARIANTS = {
    "ж": ["zh", "j"],
    "х": ["kh", "h", "x"],
    "ц": ["ts", "c", "tz"],
    "ч": ["ch"],
    "ш": ["sh"],
    "щ": ["shch", "sch"],
    "й": ["y", "i", "j"],
    "ы": ["y", "i"],
    "ю": ["yu", "iu", "ju"],
    "я": ["ya", "ia", "ja"],
    "ё": ["yo", "e"],
    "э": ["e"],
    "ь": ["", "'"],
    "ъ": [""],
    "е": ["e"],
    "а": ["a"],
    "б": ["b"],
    "в": ["v"],
    "г": ["g"],
    "д": ["d"],
    "з": ["z"],
    "и": ["i"],
    "к": ["k"],
    "л": ["l"],
    "м": ["m"],
    "н": ["n"],
    "о": ["o"],
    "п": ["p"],
    "р": ["r"],
    "с": ["s"],
    "т": ["t"],
    "у": ["u"],
    "ф": ["f"],
}


def ru_to_lat(word: str, rng: random.Random) -> str:
    sysno = rng.random()
    out = []
    for ch in word.lower():
        opts = _RU_LAT_VARIANTS.get(ch, [ch])
        out.append(opts[0] if sysno < 0.6 else rng.choice(opts))
    s = "".join(out)
    return s[:1].upper() + s[1:]


# Russian words as Azerbaijanis write them in Latin (Volqa, Xoldinq, Çayka, Jiquli).
_RU_AZ = {
    "г": "q",
    "х": "x",
    "ч": "ç",
    "ш": "ş",
    "щ": "ş",
    "ж": "j",
    "й": "y",
    "ы": "ı",
    "ц": "s",
    "ю": "yu",
    "я": "ya",
    "ё": "yo",
    "э": "e",
    "ь": "",
    "ъ": "",
    "е": "e",
}


def ru_to_az(word: str, rng: random.Random) -> str:
    out = []
    for ch in word.lower():
        if ch in _RU_AZ and (ch != "г" or rng.random() < 0.7):
            out.append(_RU_AZ[ch])
        else:
            out.append(_RU_LAT_VARIANTS.get(ch, [ch])[0])
    s = "".join(out)
    return s[:1].upper() + s[1:]


def vowel_noise(word: str, rng: random.Random) -> str:
    """Russian renderings differ in vowels (Füzuli → Физули, Lənkəran → Ленкорань)."""
    vs = [i for i, c in enumerate(word) if c in "аеиоуыэяюё"]
    if not vs or rng.random() < 0.5:
        return word
    i = rng.choice(vs)
    return word[:i] + rng.choice("аеиоя") + word[i + 1 :]


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice(["del", "ins", "swap", "dup", "sub"])
    if op == "del":
        return word[:i] + word[i + 1 :]
    if op == "dup":
        return word[:i] + word[i] + word[i:]
    if op == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    alphabet = "абвгдеиклмнопрстуя" if any("а" <= c <= "я" for c in word.lower()) else "abcdeiklmnoprstu"
    if op == "ins":
        return word[:i] + rng.choice(alphabet) + word[i:]
    return word[:i] + rng.choice(alphabet) + word[i + 1 :]


_FOLD_AZ = str.maketrans(
    {
        "ə": "e",
        "Ə": "E",
        "ş": "s",
        "Ş": "S",
        "ğ": "g",
        "ı": "i",
        "İ": "I",
        "ç": "c",
        "Ç": "C",
        "ö": "o",
        "Ö": "O",
        "ü": "u",
        "Ü": "U",
    }
)


def _latin(words, name, country, rng):
    if country != "RU":
        return None
    conv = ru_to_az if rng.random() < 0.3 else ru_to_lat
    q = " ".join(conv(w, rng) for w in words)
    legal = [w for w in name.split() if fold(w) in LEGAL_FORMS]
    if legal and rng.random() < 0.3:
        q = ru_to_lat(legal[0], rng).upper() + " " + q
    return q


def _cyrillic(words, name, country, rng):
    return " ".join(vowel_noise(az_to_ru(w, rng), rng) for w in words) if country == "AZ" else None


def _typo(words, name, country, rng):
    j = rng.randrange(len(words))
    ws = list(words)
    if rng.random() < 0.35:  # a typo in a cross-script query
        ws = [az_to_ru(w, rng) if country == "AZ" else ru_to_lat(w, rng) for w in ws]
    before = list(ws)
    ws[j] = typo(ws[j], rng)
    if len(ws[j]) >= 8 and rng.random() < 0.3:
        ws[j] = typo(ws[j], rng)
    return None if ws == before else " ".join(ws)


def _prefix(words, name, country, rng):
    last = words[-1]
    if len(words) < 2 or len(last) < 5:
        return None
    return " ".join(words[:-1] + [last[: rng.randint(3, min(len(last) - 1, 5))]])


def _folded(words, name, country, rng):
    if country != "AZ":
        return None
    q = " ".join(words).translate(_FOLD_AZ)
    return None if q == " ".join(words) else q


QUERY_KINDS = {"latin": _latin, "cyrillic": _cyrillic, "typo": _typo, "prefix": _prefix, "folded": _folded}


def make_queries(names: list[tuple[int, str, str]], n: int, seed: int = 7) -> list[dict]:
    """names: (id, name, country). Returns queries with kind/expect like the dev set."""
    rng = random.Random(seed)
    out = []
    kinds = list(QUERY_KINDS)
    while len(out) < n:
        did, name, country = rng.choice(names)
        words = [w for w in name.split() if fold(w) not in LEGAL_FORMS and not w.isdigit()]
        if not words:
            continue
        kind = kinds[len(out) % len(kinds)]
        q = QUERY_KINDS[kind](words, name, country, rng)
        if q is not None:
            out.append({"q": q, "kind": kind, "expect": did, "name": name})
    return out


def main() -> None:
    global q_name
    ap = argparse.ArgumentParser()
    ap.add_argument("companies", nargs="?", default=os.path.join(SHARED, "companies_dev.csv"))
    ap.add_argument("queries", nargs="?", default=os.path.join(SHARED, "search_dev.jsonl"))
    ap.add_argument("--heldout", type=int, default=600)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    print(f"== dev set: {args.companies} / {args.queries}")
    index, rows = load_csv(args.companies)
    with open(args.queries, encoding="utf-8") as fh:
        queries = [json.loads(line) for line in fh if line.strip()]
    q_name = lambda d: rows[d]["name"]  # noqa: E731
    run(index, queries, lambda d: rows[d]["external_id"], args.verbose)

    if args.heldout:
        from bench_search import generate_firms

        firms = generate_firms(3000, seed=20240611)
        print(
            f"== held-out style: {len(firms)} synthetic firms (other words/towns), "
            f"{args.heldout} generated queries, seed 7"
        )
        hindex = SearchIndex(
            SearchDoc(i, f["name"], f["city"], tuple(f["texts"])) for i, f in enumerate(firms)
        )
        hq = make_queries([(i, f["name"], f["country"]) for i, f in enumerate(firms)], args.heldout)
        q_name = lambda d: firms[d]["name"]  # noqa: E731
        run(hindex, hq, lambda d: d, args.verbose)


if __name__ == "__main__":
    main()
