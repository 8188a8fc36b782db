"""Speed and memory of the directory search index.

usage: .venv/bin/python bench/bench_search.py [--firms 20000] [--queries 500] [--seed 1]

Generates believable firm names (Azerbaijani and Russian patterns, both scripts, English-style
names too) with a fixed seed, builds a ``SearchIndex`` (build time, traced memory), runs mixed
queries (exact, Cyrillic renderings of Azerbaijani names, Latin renderings of Russian names, typos,
prefixes, folded, offers words) and prints p50/p95/max latency.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import tracemalloc

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

from matchmaker.core.search import SearchDoc, SearchIndex  # noqa: E402

AZ_PLACES = [
    "Şəmkir",
    "Tovuz",
    "Ağsu",
    "Salyan",
    "Lerik",
    "Yevlax",
    "Qazax",
    "Goranboy",
    "Ağcabədi",
    "Beyləqan",
    "Füzuli",
    "Tərtər",
    "Kürdəmir",
    "Saatlı",
    "Sabirabad",
    "Hacıqabul",
    "Zərdab",
    "Ucar",
    "Oğuz",
    "Balakən",
    "Qax",
    "Siyəzən",
    "Şabran",
    "Xızı",
    "Qobustan",
    "Cəlilabad",
    "Biləsuvar",
    "Neftçala",
    "Astara",
    "Gədəbəy",
    "Daşkəsən",
    "Ağstafa",
    "Samux",
    "Göygöl",
    "Naftalan",
    "Xırdalan",
    "Şuşa",
    "Laçın",
    "Kəlbəcər",
    "Ordubad",
    "Culfa",
    "Şərur",
    "Babək",
    "Yardımlı",
    "Xudat",
    "Nabran",
    "Göyçay",
    "Ağdam",
    "Cəbrayıl",
    "Zəngilan",
]
AZ_BRANDS = [
    "Yaşıl",
    "Günəş",
    "Ulduz",
    "Dalğa",
    "Çinar",
    "Palıd",
    "Sahil",
    "Körpü",
    "Bulaq",
    "Şəfəq",
    "Çıraq",
    "Mərmər",
    "Qızıl",
    "Gümüş",
    "Ləpə",
    "Nar",
    "Heyva",
    "Zirvə",
    "Bənövşə",
    "Ceyran",
    "Tural",
    "Aygün",
    "Elvin",
    "Vüqar",
    "Ləman",
    "Orxan",
    "Nərgiz",
    "İlkin",
    "Rəşad",
    "Cavid",
    "Kəpəz",
    "Şahdağ",
    "Savalan",
    "Xəzinə",
    "Məhsul",
    "Bərəkət",
    "Dövlət",
    "İnam",
    "Etibar",
    "Ümid",
    "Vətən",
    "Ərzaq",
    "Çörək",
]
AZ_ACTS = [
    "Aqro",
    "Tikinti",
    "Ticarət",
    "Logistika",
    "Nəqliyyat",
    "Enerji",
    "Kimya",
    "Dəmir",
    "Süd",
    "Balıq",
    "Un",
    "Taxıl",
    "Pambıq",
    "Xalça",
    "İpək",
    "Neft",
    "Sənaye",
    "Mebel",
    "Plast",
    "Dərman",
    "Şüşə",
    "Fındıq",
    "Tütün",
    "Meyvə",
    "Tərəvəz",
    "Bağları",
    "Konserv",
    "Qida",
    "İnşaat",
    "Servis",
    "Texnika",
    "Avto",
    "Turizm",
    "Xidmət",
    "Dizayn",
    "Mühəndislik",
    "Kənd",
    "Fermer",
    "Çay",
    "Şərab",
    "Su",
    "Qaz",
    "Holdinq",
    "İnvest",
    "Export",
    "Group",
    "Trans",
    "Maşınqayırma",
    "Təchizat",
]
AZ_LEGAL = ["MMC", "QSC", "ASC", "", "", ""]

RU_BRANDS = [
    "Восток",
    "Запад",
    "Енисей",
    "Кама",
    "Ока",
    "Байкал",
    "Алтай",
    "Жигули",
    "Чайка",
    "Ёлка",
    "Щит",
    "Сокол",
    "Беркут",
    "Кедр",
    "Янтарь",
    "Рубин",
    "Изумруд",
    "Орион",
    "Вега",
    "Полюс",
    "Меридиан",
    "Гранит",
    "Рассвет",
    "Заря",
    "Радуга",
    "Светлана",
    "Ладога",
    "Онега",
    "Печора",
    "Иртыш",
    "Амур",
    "Уссури",
    "Тайга",
    "Хибины",
    "Эльбрус",
    "Казбек",
    "Дагестан",
    "Терек",
    "Кавказ",
    "Ахтуба",
    "Жемчуг",
    "Дельфин",
    "Золотой",
    "Северный",
    "Южный",
    "Новый",
    "Русский",
    "Сибирский",
    "Уральский",
    "Волжский",
    "Каспийский",
    "Донской",
    "Кубанский",
    "Ростов",
    "Саратов",
    "Пенза",
    "Тула",
    "Калуга",
    "Тверь",
    "Омск",
    "Томск",
    "Чита",
    "Курган",
    "Елец",
    "Липецк",
    "Брянск",
    "Самара",
    "Казань",
]
RU_ACTS = [
    "Агро",
    "Строй",
    "Трейд",
    "Логистик",
    "Продукт",
    "Холдинг",
    "Лес",
    "Фиш",
    "Пром",
    "Снаб",
    "Маркет",
    "Торг",
    "Металл",
    "Импорт",
    "Экспорт",
    "Терминал",
    "Зерно",
    "Сервис",
    "Хлеб",
    "Молоко",
    "Мясо",
    "Электро",
    "Энерго",
    "Транс",
    "Авто",
    "Агрохим",
    "Химпром",
    "Сталь",
    "Стекло",
    "Бумага",
    "Мебель",
    "Текстиль",
    "Шёлк",
    "Нефть",
    "Газ",
    "Уголь",
    "Цемент",
    "Кирпич",
    "Техника",
    "Инвест",
    "Групп",
    "Консалт",
    "Пласт",
    "Фарм",
    "Медиа",
    "Софт",
    "Систем",
    "Проект",
    "Монтаж",
    "Ресурс",
    "Снабжение",
    "Комплект",
    "Поставка",
    "Дистрибуция",
]
RU_LEGAL = ["ООО", "АО", "ПАО", "ИП", "", "", ""]
RU_SURNAMES = [
    "Иванов",
    "Петров",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Васильев",
    "Соколов",
    "Михайлов",
    "Новиков",
    "Фёдоров",
    "Морозов",
    "Волков",
    "Алексеев",
    "Лебедев",
    "Семёнов",
    "Егоров",
    "Павлов",
    "Козлов",
    "Степанов",
    "Николаев",
    "Орлов",
    "Андреев",
    "Макаров",
    "Никитин",
    "Захаров",
    "Зайцев",
    "Соловьёв",
    "Борисов",
    "Яковлев",
    "Григорьев",
    "Романов",
    "Воробьёв",
    "Сергеев",
    "Кириллов",
]
EN_BRANDS = [
    "Caspian",
    "Silk",
    "Way",
    "Eurasia",
    "Pearl",
    "Global",
    "Baltic",
    "Delta",
    "Nord",
    "Orient",
    "Star",
    "Unity",
    "Atlas",
]
EN_ACTS = [
    "Trade",
    "Logistics",
    "Foods",
    "Energy",
    "Group",
    "Holding",
    "Partners",
    "Solutions",
    "Shipping",
    "Agro",
    "Invest",
]
EN_LEGAL = ["LLC", "Ltd", "JSC", ""]

OFFERS = """fındıq;фундук;hazelnuts;pomidor;помидоры;tomatoes;üzüm;виноград;grapes;pambıq;хлопок;
cotton;xalça;ковры;carpets;neft məhsulları;нефтепродукты;oil products;sement;цемент;cement;
balıq;рыба;frozen fish;kürü;икра;caviar;çay;чай;black tea;şərab;вино;wine;un;мука;flour;
taxıl;зерно;grain;mebel;мебель;furniture;yük daşımaları;грузоперевозки;freight transport;
soyuducu anbar;холодильные склады;cold storage;gömrük rəsmiləşdirilməsi;таможенное оформление;
customs clearance;alma;яблоки;apples;nar;гранаты;pomegranates;xurma;хурма;persimmons;
polietilen;полиэтилен;polyethylene;şüşə;стекло;glass;pendir;сыр;cheese;bal;мёд;honey""".replace(
    "\n", ""
).split(";")


def _pick(rng: random.Random, xs: list[str]) -> str:
    return rng.choice(xs)


def generate_firms(n: int, seed: int = 1, unique: bool = True) -> list[dict]:
    """``n`` firms as dicts with name, country, city, texts (offers/needs)."""
    rng = random.Random(seed)
    firms: list[dict] = []
    seen: set[str] = set()
    while len(firms) < n:
        r = rng.random()
        num = str(rng.randint(1, 99)) if rng.random() < 0.12 else ""
        if r < 0.45:
            country = "AZ"
            first = _pick(rng, AZ_PLACES) if rng.random() < 0.6 else _pick(rng, AZ_BRANDS)
            core = [first, _pick(rng, AZ_ACTS)]
            if rng.random() < 0.1:
                core.append(_pick(rng, AZ_ACTS))
            legal = _pick(rng, AZ_LEGAL)
            parts = core + [num, legal]
            city = _pick(rng, AZ_PLACES)
        elif r < 0.92:
            country = "RU"
            if rng.random() < 0.1:
                core = [_pick(rng, RU_SURNAMES), _pick(rng, RU_ACTS)]
            else:
                core = [_pick(rng, RU_BRANDS), _pick(rng, RU_ACTS)]
            legal = _pick(rng, RU_LEGAL)
            parts = [legal] + core + [num] if rng.random() < 0.8 else core + [num, legal]
            city = _pick(rng, RU_BRANDS[-15:])
        else:
            country = rng.choice(["AZ", "RU"])
            core = [_pick(rng, EN_BRANDS), _pick(rng, EN_ACTS)]
            parts = core + [num, _pick(rng, EN_LEGAL)]
            city = _pick(rng, AZ_PLACES) if country == "AZ" else _pick(rng, RU_BRANDS[-15:])
        name = " ".join(p for p in parts if p)
        key = " ".join(core).lower()
        if unique and key in seen:
            continue
        seen.add(key)
        texts = rng.sample(OFFERS, rng.randint(0, 4))
        firms.append({"name": name, "country": country, "city": city, "texts": texts})
    return firms


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--firms", type=int, default=20000)
    ap.add_argument("--queries", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--desc-vocab",
        type=int,
        default=0,
        help="give every firm a 15-word description drawn (Zipf-like) from this many "
        "pseudo-words, to test a large vocabulary",
    )
    args = ap.parse_args()

    from eval_search_offline import make_queries

    firms = generate_firms(args.firms, seed=args.seed, unique=False)
    if args.desc_vocab:
        drng = random.Random(args.seed + 2)
        letters = "abcdefgijklmnoprstuvxyzçşəğıöü"
        pool = [
            "".join(drng.choice(letters) for _ in range(drng.randint(4, 11))) for _ in range(args.desc_vocab)
        ]
        weights = [1 / (r + 1) for r in range(len(pool))]
        for f in firms:
            f["texts"] = list(f["texts"]) + [" ".join(drng.choices(pool, weights, k=15))]
    docs = [SearchDoc(i, f["name"], f["city"], tuple(f["texts"])) for i, f in enumerate(firms)]

    t0 = time.perf_counter()
    index = SearchIndex(docs)
    build = time.perf_counter() - t0
    # memory: a second build under tracemalloc (which slows building, hence not timed)
    tracemalloc.start()
    probe = SearchIndex(docs)
    cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del probe
    print(
        f"firms={len(index)} vocabulary={len(index._vocab)} build_s={build:.2f} "
        f"index_mem_MB={cur / 2**20:.1f} peak_MB={peak / 2**20:.1f} "
        f"load_avg={os.getloadavg()[0]:.1f}"
    )

    rng = random.Random(args.seed + 1)
    qs = [
        q["q"]
        for q in make_queries(
            [(i, f["name"], f["country"]) for i, f in enumerate(firms)],
            int(args.queries * 0.9),
            seed=args.seed,
        )
    ]
    qs += [rng.choice(OFFERS) for _ in range(args.queries - len(qs))]
    rng.shuffle(qs)
    for q in qs[:20]:  # warm-up (prefix caches)
        index.search(q)
    lat = []
    for q in qs:
        t0 = time.perf_counter()
        index.search(q, limit=50)
        lat.append((time.perf_counter() - t0) * 1000)
    lat.sort()
    p50 = statistics.median(lat)
    p95 = lat[int(0.95 * (len(lat) - 1))]
    print(f"queries={len(lat)} p50_ms={p50:.1f} p95_ms={p95:.1f} max_ms={lat[-1]:.1f}")

    # incremental updates
    t0 = time.perf_counter()
    for i in range(1000):
        f = firms[i]
        index.add(SearchDoc(i, f["name"] + " Plus", f["city"], tuple(f["texts"])))
    upd = (time.perf_counter() - t0) / 1000 * 1000
    t0 = time.perf_counter()
    for i in range(1000):
        index.remove(i)
    rem = (time.perf_counter() - t0) / 1000 * 1000
    print(f"replace_ms={upd:.3f} remove_ms={rem:.3f}")


if __name__ == "__main__":
    main()
