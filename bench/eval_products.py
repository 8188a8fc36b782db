"""Product-word precision of the directory search (no web server), and empty answers for nonsense.

usage: .venv/bin/python bench/eval_products.py [--dev-dir DIR] [--firms N] [--seed S] [-v]

A *product word* query names goods or a service ("ковры", "pomidor", "tomatoes", "şərab"); the firms
relevant to it are those whose offers or needs contain that product (``strict``), or also those whose
sectors are that product's activity (``lenient``). Two directories:

1. **Generated** (``--firms``, default 1,500): firm names from ``bench_search.generate_firms`` (which
   put product words into names: "Quba Xalça", "Kür Şərab" trade anything), offers and needs drawn
   from the product table below: its own words, written as firms write them (plural, case forms,
   modifiers "свежие", "təzə", "premium", with or without Azerbaijani letters, any of the three
   languages); decoys that look like other products ("twine" next to "wine", "kəndir", "шпагат").
   The truth is the generator's. This table is not the packaged lexicon.
2. **Dev** (``../shared/data``): ``companies_dev.csv`` with ``truth_dev.json`` (offer/need items
   aligned with the truth's concepts by position); the queries are the items as written, without
   Azerbaijani letters, and in a regular case form. The free-text variant
   (``companies_freetext_dev.csv``, products in the description) is scored with the same queries.

Per query: ``P@10`` = relevant among the results shown (at most 10) / results shown (an empty answer
to a query with relevant firms counts 0); ``capped`` = relevant in the first 10 / min(10, relevant).
Nonsense: random Latin and Cyrillic strings, and keyboard mashes; the share answered with nothing.

It runs against whatever ``matchmaker`` is on ``PYTHONPATH`` (the directory's floor included:
``SearchIndex.find`` where it exists, else ``search`` with the web layer's former cut at half the
best score), so the same script gives the before and after numbers.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import sys
import time
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

from bench_search import generate_firms  # noqa: E402

from matchmaker.core.search import SearchDoc, SearchIndex  # noqa: E402

SHARED = next(
    (
        p
        for p in (
            os.path.join(os.path.dirname(os.path.dirname(HERE)), "shared", "data"),
            "/work/shared/data",
        )
        if os.path.isdir(p)
    ),
    "",
)

# (concept, NACE class (the generator's), az forms, ru forms, en forms). The first form of each
# language is the base word; the rest are inflected forms and phrases firms write.
PRODUCTS = [
    (
        "carpet",
        "13.93",
        "xalça;xalçalar;əl toxuması xalçalar;xalçaların",
        "ковёр;ковры;ковры ручной работы;коврами",
        "carpet;carpets;handmade carpets;rugs",
    ),
    (
        "tomato",
        "01.13",
        "pomidor;pomidorlar;təzə pomidor;pomidorları",
        "помидор;помидоры;томаты;свежие томаты;томатов",
        "tomato;tomatoes;fresh tomatoes",
    ),
    (
        "wine",
        "11.02",
        "şərab;şərablar;qırmızı şərab;süfrə şərabı",
        "вино;вина;красное вино;сухие вина",
        "wine;wines;red wine;table wine",
    ),
    (
        "twine",
        "13.94",
        "kəndir;kəndirlər;sintetik kəndir",
        "шпагат;шпагаты;бечёвка",
        "twine;baler twine;sisal twine",
    ),
    (
        "hazelnut",
        "01.25",
        "fındıq;fındıqlar;fındıq ləpəsi;fındığı",
        "фундук;ядро фундука;фундука",
        "hazelnut;hazelnuts;hazelnut kernels",
    ),
    (
        "walnut",
        "01.25",
        "qoz;qozlar;qoz ləpəsi",
        "грецкий орех;грецкие орехи;орехи грецкие",
        "walnut;walnuts;walnut kernels",
    ),
    ("persimmon", "01.25", "xurma;xurmalar;təzə xurma", "хурма;хурмы;хурма королёк", "persimmon;persimmons"),
    ("pomegranate", "01.25", "nar;narlar;nar şirəsi", "гранат;гранаты;гранатов", "pomegranate;pomegranates"),
    (
        "apple",
        "01.24",
        "alma;almalar;qırmızı alma",
        "яблоко;яблоки;яблок;свежие яблоки",
        "apple;apples;fresh apples",
    ),
    ("cherry", "01.24", "gilas;gilaslar", "черешня;черешни;черешню", "sweet cherry;sweet cherries"),
    (
        "grape",
        "01.21",
        "üzüm;üzümlər;süfrə üzümü",
        "виноград;столовый виноград;винограда",
        "grapes;table grapes",
    ),
    ("cucumber", "01.13", "xiyar;xiyarlar", "огурец;огурцы;огурцов", "cucumber;cucumbers"),
    ("potato", "01.13", "kartof;kartoflar;təzə kartof", "картофель;картошка;картофеля", "potato;potatoes"),
    ("onion", "01.13", "soğan;soğanlar", "лук;лук репчатый;лука", "onion;onions"),
    (
        "tea",
        "10.83",
        "çay;qara çay;yaşıl çay;çaylar",
        "чай;чёрный чай;зелёный чай;чая",
        "tea;black tea;green tea",
    ),
    ("coffee", "10.83", "qəhvə;qəhvə dənələri", "кофе;кофе в зёрнах", "coffee;coffee beans"),
    (
        "caviar",
        "10.20",
        "kürü;qara kürü;nərə kürüsü",
        "икра;чёрная икра;икры осетровых",
        "caviar;black caviar",
    ),
    ("sturgeon", "03.11", "nərə balığı;nərə balıqları", "осётр;осетрина;осетры", "sturgeon"),
    ("flour", "10.61", "un;buğda unu;unlar", "мука;мука пшеничная;пшеничной муки", "flour;wheat flour"),
    (
        "wheat",
        "01.11",
        "buğda;buğdalar;ərzaq buğdası",
        "пшеница;продовольственная пшеница;пшеницы",
        "wheat;milling wheat",
    ),
    ("barley", "01.11", "arpa;arpalar", "ячмень;ячменя;ячмень фуражный", "barley;feed barley"),
    (
        "sunflower_oil",
        "10.41",
        "günəbaxan yağı;günəbaxan yağları",
        "подсолнечное масло;масло подсолнечное;подсолнечного масла",
        "sunflower oil",
    ),
    ("butter", "10.51", "kərə yağı", "сливочное масло;масло сливочное", "butter"),
    ("cheese", "10.51", "pendir;pendirlər;ağ pendir", "сыр;сыры;сыров", "cheese;cheeses"),
    ("honey", "01.49", "bal;dağ balı;təbii bal", "мёд;мед;мёда;натуральный мёд", "honey;natural honey"),
    (
        "cement",
        "23.51",
        "sement;portland sement;sementlər",
        "цемент;цемента;портландцемент",
        "cement;portland cement",
    ),
    ("glass", "23.11", "şüşə;təbəqə şüşə;şüşələr", "стекло;листовое стекло;стёкла", "glass;sheet glass"),
    (
        "steel_pipe",
        "24.20",
        "polad borular;polad boru;borular",
        "стальные трубы;трубы стальные;труб",
        "steel pipes;steel pipe;pipes",
    ),
    (
        "timber",
        "16.10",
        "taxta-şalban;taxta;mişar materialları",
        "пиломатериалы;пиломатериалов;доска обрезная",
        "sawn timber;timber;lumber",
    ),
    (
        "furniture",
        "31.09",
        "mebel;mebellər;ofis mebeli",
        "мебель;мебели;офисная мебель",
        "furniture;office furniture",
    ),
    (
        "fertilizer",
        "20.15",
        "mineral gübrələr;gübrə;gübrələr",
        "минеральные удобрения;удобрения;удобрений",
        "fertilizers;mineral fertilizers;fertiliser",
    ),
    ("tractor", "28.30", "traktor;traktorlar", "трактор;тракторы;тракторов", "tractor;tractors"),
    (
        "truck",
        "29.10",
        "yük avtomobilləri;yük maşını",
        "грузовые автомобили;грузовики;грузовиков",
        "trucks;lorries",
    ),
    ("cotton", "01.16", "pambıq;pambıq lifi", "хлопок;хлопка;хлопковое волокно", "cotton;cotton fibre"),
    ("wool", "13.10", "yun;yunlar;qoyun yunu", "шерсть;шерсти;овечья шерсть", "wool;sheep wool"),
    ("silk", "13.20", "ipək;ipək parça;ipəklər", "шёлк;шелк;шёлковые ткани", "silk;silk fabric"),
    (
        "mineral_water",
        "11.07",
        "mineral su;mineral sular",
        "минеральная вода;минеральной воды",
        "mineral water",
    ),
    (
        "juice",
        "10.32",
        "meyvə şirəsi;şirələr;alma şirəsi",
        "сок;соки;фруктовые соки",
        "juice;fruit juice;juices",
    ),
    ("brandy", "11.01", "konyak;konyaklar", "коньяк;коньяки;коньяка", "brandy;cognac"),
    (
        "polyethylene",
        "20.16",
        "polietilen;polietilen qranulları",
        "полиэтилен;полиэтилена;гранулы полиэтилена",
        "polyethylene;pe granules",
    ),
    (
        "customs",
        "52.29",
        "gömrük rəsmiləşdirilməsi;gömrük xidmətləri",
        "таможенное оформление;таможенные услуги",
        "customs clearance;customs brokerage",
    ),
    (
        "freight",
        "49.41",
        "yük daşımaları;yükdaşıma",
        "грузоперевозки;перевозка грузов",
        "freight transport;trucking",
    ),
    (
        "cold_storage",
        "52.10",
        "soyuducu anbar;soyuducu anbarlar",
        "холодильные склады;холодильный склад",
        "cold storage;cold stores",
    ),
    (
        "software",
        "62.01",
        "proqram təminatı;proqram təminatının hazırlanması",
        "разработка программного обеспечения;программное обеспечение",
        "software development;software",
    ),
]

# Russian case forms are written out above; these queries are what people type.
NONSENSE_LATIN = ["qwxzv plorf", "zzkq vbnm", "xqjz", "plorfin gwarth", "asdfgh", "qqqq wwww", "brtzk"]
NONSENSE_CYR = ["ывапр жщзх", "йцукен", "щшзх ъфыв", "фывапролд", "жжжж ыыыы", "кщзшгн", "ъхзщ"]


def _ascii_az(s: str) -> str:
    return s.translate(str.maketrans("əşçğıöüƏŞÇĞİÖÜ", "escgiouESCGIOU"))


def load_products() -> list[dict]:
    out = []
    for cid, nace, az, ru, en in PRODUCTS:
        out.append({"id": cid, "nace": nace, "az": az.split(";"), "ru": ru.split(";"), "en": en.split(";")})
    return out


# -- directories ------------------------------------------------------------------------------
def generated_directory(n: int, seed: int) -> tuple[list[dict], list[dict]]:
    """Firms with offers/needs/sectors and their truth; the products."""
    rng = random.Random(seed)
    products = load_products()
    firms = generate_firms(n, seed=seed + 11)
    out = []
    for i, f in enumerate(firms):
        offers, needs, truth_o, truth_n = [], [], [], []
        for items, truth, k in (
            (offers, truth_o, rng.choice((0, 1, 1, 2, 3))),
            (needs, truth_n, rng.choice((0, 0, 1, 2))),
        ):
            for p in rng.sample(products, k):
                lang = rng.choice(("az", "ru", "en"))
                form = rng.choice(p[lang])
                if lang == "az" and rng.random() < 0.4:
                    form = _ascii_az(form)
                if rng.random() < 0.15:
                    form = {"az": "təzə ", "ru": "оптом ", "en": "premium "}[lang] + form
                items.append(form)
                truth.append(p["id"])
        sectors = []
        if truth_o and rng.random() < 0.5:
            sectors.append(next(p["nace"] for p in products if p["id"] == truth_o[0]))
        out.append(
            {
                "id": i,
                "name": f["name"],
                "city": f["city"],
                "offers": offers,
                "needs": needs,
                "sectors": sectors,
                "description": "",
                "truth": set(truth_o + truth_n),
            }
        )
    return out, products


def generated_queries(products: list[dict]) -> list[tuple[str, str]]:
    qs = []
    for p in products:
        forms = set()
        for lang in ("az", "ru", "en"):
            for f in p[lang]:
                if len(f.split()) <= 2:
                    forms.add(f)
                    if lang == "az":
                        forms.add(_ascii_az(f))
        qs += [(f, p["id"]) for f in sorted(forms)]
    return qs


def _ru_instrumental(w: str) -> str | None:
    """A regular instrumental plural of a Russian plural noun (огурцы → огурцами)."""
    if len(w) > 4 and w[-1] in "ыи" and all("а" <= c <= "я" or c == "ё" for c in w):
        return w[:-1] + ("ями" if w[-2] in "ьй" else "ами")
    return None


def dev_directory(csv_path: str, truth_path: str) -> tuple[list[dict], dict[str, set[str]]]:
    """Firms and, per truth concept, the items written for it (aligned by position)."""
    with open(csv_path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    with open(truth_path, encoding="utf-8") as fh:
        truth = json.load(fh)
    surface: dict[str, set[str]] = defaultdict(set)
    firms = []
    for i, r in enumerate(rows):
        t = truth[r["external_id"]]
        offers = [x.strip() for x in r["offers"].split(";") if x.strip()]
        needs = [x.strip() for x in r["needs"].split(";") if x.strip()]
        for items, cs in ((offers, t["offers"]), (needs, t["needs"])):
            if len(items) == len(cs):
                for item, c in zip(items, cs, strict=True):
                    surface[c].add(item)
        firms.append(
            {
                "id": i,
                "name": r["name"],
                "city": r["city"],
                "offers": offers,
                "needs": needs,
                "sectors": [s for s in r["sectors"].split(";") if s],
                "description": r.get("description", ""),
                "truth": set(t["offers"]) | set(t["needs"]),
            }
        )
    return firms, surface


def dev_queries(surface: dict[str, set[str]]) -> list[tuple[str, str]]:
    qs = set()
    for c, forms in surface.items():
        for f in forms:
            qs.add((f, c))
            if _ascii_az(f) != f:
                qs.add((_ascii_az(f), c))
            if " " not in f:
                inst = _ru_instrumental(f)
                if inst:
                    qs.add((inst, c))
    return sorted(qs)


# -- scoring ------------------------------------------------------------------------------------
def build(firms: list[dict]) -> SearchIndex:
    docs = []
    for f in firms:
        texts = (
            tuple(f["offers"]) + tuple(f["needs"]) + ((f["description"][:500],) if f["description"] else ())
        )
        try:
            docs.append(SearchDoc(f["id"], f["name"], f["city"], texts, sectors=tuple(f["sectors"])))
        except TypeError:  # a tree without sectors in the index
            docs.append(SearchDoc(f["id"], f["name"], f["city"], texts))
    return SearchIndex(docs)


def answer(index: SearchIndex, q: str, limit: int = 10) -> list[int]:
    find = getattr(index, "find", None)
    if find is not None:
        return [d for d, _ in find(q, limit=limit).hits]
    hits = index.search(q, limit=300)
    if hits:
        floor = hits[0][1] * 0.5
        hits = [h for h in hits if h[1] >= floor]
    return [d for d, _ in hits[:limit]]


def precision(index, firms, queries, products=None, verbose=False, label=""):
    by_id = {f["id"]: f for f in firms}
    nace = {p["id"]: p["nace"] for p in products or ()}
    p_strict, p_len, capped, lat = [], [], [], []
    empty_with_rel = 0
    worst: list[tuple[float, str, str, list[str]]] = []
    for q, c in queries:
        rel = {f["id"] for f in firms if c in f["truth"]}
        rel_len = rel | {f["id"] for f in firms if c in nace and nace[c] in f["sectors"]}
        if not rel:
            continue
        t0 = time.perf_counter()
        got = answer(index, q)
        lat.append((time.perf_counter() - t0) * 1000)
        if not got:
            empty_with_rel += 1
        n_rel = sum(1 for d in got if d in rel)
        p = n_rel / len(got) if got else 0.0
        p_strict.append(p)
        p_len.append(sum(1 for d in got if d in rel_len) / len(got) if got else 0.0)
        capped.append(n_rel / min(10, len(rel)))
        if p < 1:
            worst.append(
                (
                    p,
                    q,
                    c,
                    [
                        by_id[d]["name"] + " | " + "; ".join(by_id[d]["offers"] + by_id[d]["needs"])
                        for d in got
                        if d not in rel
                    ][:3],
                )
            )
    lat.sort()
    print(
        f"{label}: queries={len(p_strict)} P@10={statistics.mean(p_strict):.3f} "
        f"P@10_lenient={statistics.mean(p_len):.3f} capped={statistics.mean(capped):.3f} "
        f"empty_answers={empty_with_rel} p95_ms={lat[int(0.95 * (len(lat) - 1))]:.1f}"
    )
    if verbose:
        for p, q, c, bad in sorted(worst)[:40]:
            print(f"   {p:.2f} {q!r} [{c}] wrong: {bad}")
    return statistics.mean(p_strict)


def nonsense(index, extra_seed: int = 5) -> None:
    rng = random.Random(extra_seed)
    lat_letters = "bcdfghjklmnpqrstvwxz"
    cyr_letters = "бвгджзклмнпрстфхцчшщыъь"
    qs = list(NONSENSE_LATIN) + list(NONSENSE_CYR)
    for letters in (lat_letters + "aeiou", cyr_letters + "аеиоуя"):
        for _ in range(40):
            qs.append(
                " ".join(
                    "".join(rng.choice(letters) for _ in range(rng.randint(4, 7)))
                    for _ in range(rng.randint(1, 2))
                )
            )
    answered = [q for q in qs if answer(index, q)]
    print(f"nonsense: {len(qs) - len(answered)}/{len(qs)} empty; answered: {answered[:8]}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev-dir", default=SHARED)
    ap.add_argument("--firms", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    firms, products = generated_directory(args.firms, args.seed)
    index = build(firms)
    precision(
        index, firms, generated_queries(products), products, args.verbose, f"generated ({len(firms)} firms)"
    )
    nonsense(index)
    if args.dev_dir:
        firms, surface = dev_directory(
            os.path.join(args.dev_dir, "companies_dev.csv"), os.path.join(args.dev_dir, "truth_dev.json")
        )
        queries = dev_queries(surface)
        index = build(firms)
        precision(index, firms, queries, None, args.verbose, "dev")
        nonsense(index)
        ff, _ = dev_directory(
            os.path.join(args.dev_dir, "companies_freetext_dev.csv"),
            os.path.join(args.dev_dir, "truth_freetext_dev.json"),
        )
        precision(build(ff), ff, queries, None, args.verbose, "dev free-text")


if __name__ == "__main__":
    main()
