"""Shared test data of the core tests: a small trilingual lexicon and random firm profiles."""

import random

from matchmaker.core.matching import FirmProfile

P = FirmProfile

LEX = {
    "version": 1,
    "sources": ["test"],
    "groups": {
        "fruit": {"en": "Fruit", "ru": "Фрукты", "az": "Meyvələr"},
        "veg": {"en": "Vegetables", "ru": "Овощи", "az": "Tərəvəz"},
        "grain": {"en": "Grain", "ru": "Зерно", "az": "Taxıl"},
        "nuts": {"en": "Nuts", "ru": "Орехи", "az": "Qoz-fındıq"},
        "meat": {"en": "Meat", "ru": "Мясо", "az": "Ət"},
        "metal": {"en": "Metals", "ru": "Металлы", "az": "Metallar"},
        "svc_transport": {"en": "Transport", "ru": "Транспорт", "az": "Nəqliyyat"},
        "svc_it": {"en": "IT", "ru": "ИТ", "az": "İT"},
    },
    "concepts": [
        {
            "id": "hs08",
            "hs": "08",
            "group": "fruit",
            "en": ["fruit"],
            "ru": ["фрукты"],
            "az": ["meyvə"],
            "broader": None,
        },
        {
            "id": "persimmon",
            "hs": "0810.70",
            "group": "fruit",
            "en": ["persimmon"],
            "ru": ["хурма"],
            "az": ["xurma"],
            "broader": None,
        },
        {
            "id": "pomegranate",
            "hs": "0810.90",
            "group": "fruit",
            "en": ["pomegranate"],
            "ru": ["гранат"],
            "az": ["nar"],
            "broader": None,
        },
        {
            "id": "apple",
            "hs": "0808.10",
            "group": "fruit",
            "en": ["apple"],
            "ru": ["яблоко"],
            "az": ["alma"],
            "broader": None,
        },
        {
            "id": "tomato",
            "hs": "0702",
            "group": "veg",
            "en": ["tomato"],
            "ru": ["томат", "помидор"],
            "az": ["pomidor"],
            "broader": None,
        },
        {
            "id": "potato",
            "hs": "0701",
            "group": "veg",
            "en": ["potato"],
            "ru": ["картофель"],
            "az": ["kartof"],
            "broader": None,
        },
        {
            "id": "wheat",
            "hs": "1001",
            "group": "grain",
            "en": ["wheat", "milling wheat"],
            "ru": ["пшеница"],
            "az": ["buğda"],
            "broader": None,
        },
        {
            "id": "flour",
            "hs": "1101",
            "group": "grain",
            "en": ["flour", "wheat flour"],
            "ru": ["мука", "мука пшеничная", "пшеничная мука"],
            "az": ["un", "buğda unu"],
            "broader": None,
        },
        {
            "id": "nuts",
            "hs": "0802",
            "group": "nuts",
            "en": ["nuts"],
            "ru": ["орехи"],
            "az": ["qoz-fındıq"],
            "broader": None,
        },
        {
            "id": "hazelnut",
            "hs": "0802",
            "group": "nuts",
            "en": ["hazelnut", "hazelnut kernel"],
            "ru": ["фундук", "лесной орех"],
            "az": ["fındıq"],
            "broader": "nuts",
        },
        {
            "id": "walnut",
            "hs": "0802",
            "group": "nuts",
            "en": ["walnut"],
            "ru": ["грецкий орех"],
            "az": ["qoz"],
            "broader": "nuts",
        },
        {
            "id": "meat",
            "hs": "02",
            "group": "meat",
            "en": ["meat"],
            "ru": ["мясо"],
            "az": ["ət"],
            "broader": None,
        },
        {
            "id": "chicken",
            "hs": "0207",
            "group": "meat",
            "en": ["poultry meat", "chicken"],
            "ru": ["мясо птицы", "курица"],
            "az": ["toyuq əti"],
            "broader": None,
        },
        {
            "id": "steel_pipe",
            "hs": "7306",
            "group": "metal",
            "en": ["steel pipe"],
            "ru": ["стальная труба"],
            "az": ["polad boru"],
            "broader": None,
        },
        {
            "id": "logistics",
            "hs": None,
            "group": "svc_transport",
            "en": ["logistics services", "freight transport"],
            "ru": ["логистические услуги", "грузоперевозки"],
            "az": ["logistika xidmətləri", "yük daşımaları"],
            "broader": None,
        },
        {
            "id": "software",
            "hs": None,
            "group": "svc_it",
            "en": ["software development"],
            "ru": ["разработка программного обеспечения"],
            "az": ["proqram təminatının hazırlanması"],
            "broader": None,
        },
    ],
}


def random_firms(n, seed=1):
    rng = random.Random(seed)
    items = [
        "хурма",
        "xurma",
        "persimmons",
        "nar",
        "гранаты",
        "alma",
        "яблоки",
        "pomidor",
        "томаты",
        "kartof",
        "картофель",
        "wheat",
        "пшеница",
        "мука",
        "un",
        "fındıq",
        "фундук",
        "грецкие орехи",
        "qoz",
        "мясо птицы",
        "toyuq əti",
        "yük daşımaları",
        "грузоперевозки",
        "software development",
        "feijoa",
        "фейхоа",
        "cement",
        "sement",
    ]
    sectors = ["01.13", "01.24", "46.31", "10.61", "49.41", "62.01", "23.51", ""]
    langs = [("az",), ("ru",), ("az", "ru"), ("ru", "en"), ("en",)]
    firms = []
    for i in range(n):
        country = "AZ" if i % 2 else "RU"
        offers = tuple(rng.sample(items, rng.randint(0, 2)))
        needs = tuple(rng.sample(items, rng.randint(0, 2)))
        sec = tuple(x for x in rng.sample(sectors, rng.randint(0, 2)) if x)
        firms.append(
            P(f"f{i:03d}", country, sec, offers, needs, rng.choice(langs), verified=rng.random() < 0.2)
        )
    return firms


def snapshot(result):
    return {fid: [(s.partner_id, s.score, s.rank) for s in lst] for fid, lst in result.items()}
