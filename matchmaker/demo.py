"""A believable demo directory: firms of both countries with offers and needs in az, ru and en,
plus the two business centers (when the centers feature is installed). Deterministic."""

from __future__ import annotations

import random

from sqlalchemy import func, select

from .companies.models import Company
from .companies.services import batch_changes, create_company
from .extensions import db

AZ_PLACES = [
    "Bakı",
    "Gəncə",
    "Sumqayıt",
    "Şəki",
    "Quba",
    "Lənkəran",
    "Qəbələ",
    "Şamaxı",
    "Xaçmaz",
    "Mingəçevir",
    "Naxçıvan",
    "Göyçay",
    "Masallı",
    "İsmayıllı",
    "Zaqatala",
    "Astara",
    "Qusar",
]
AZ_BRANDS = [
    "Xəzər",
    "Kür",
    "Araz",
    "Qarabağ",
    "Muğan",
    "Şirvan",
    "Gilan",
    "Nar",
    "Göygöl",
    "Abşeron",
    "Talış",
    "Ulduz",
    "Savalan",
    "Azər",
    "Dağ",
    "Bulaq",
]
AZ_TRADES = {
    "Aqro": (
        "01.13",
        [["pomidor", "xiyar", "bibər"], ["fresh tomatoes", "cucumbers"], ["təzə tərəvəz"]],
        [["kənd təsərrüfatı texnikası"], ["mineral gübrələr"], ["тракторы", "удобрения"]],
    ),
    "Bağları": (
        "01.24",
        [["alma", "armud", "heyva"], ["persimmons", "pomegranates"], ["xurma", "nar"]],
        [["soyuducu anbar"], ["yük daşımaları"], ["packaging", "cardboard boxes"]],
    ),
    "Fındıq": (
        "01.25",
        [["fındıq", "qoz"], ["hazelnut kernels"], ["фундук"]],
        [["logistika xidmətləri"], ["freight forwarding"], ["gömrük rəsmiləşdirilməsi"]],
    ),
    "Çay": (
        "10.83",
        [["qara çay", "yaşıl çay"], ["Lankaran black tea"], ["чай чёрный"]],
        [["packaging materials"], ["qablaşdırma"], ["бумага", "картон"]],
    ),
    "Şərab": (
        "11.02",
        [["şərab", "konyak"], ["red wine", "brandy"], ["вино столовое"]],
        [["glass bottles"], ["şüşə qablar"], ["пробка", "стеклотара"]],
    ),
    "Konserv": (
        "10.39",
        [["tərəvəz konservləri", "pomidor pastası"], ["canned vegetables", "jams"]],
        [["sugar"], ["şəkər", "tin cans"], ["жесть", "сахар"]],
    ),
    "Şirə": (
        "10.32",
        [["meyvə şirəsi"], ["fruit juice", "nar şirəsi"], ["соки фруктовые"]],
        [["sugar"], ["şəkər"], ["PET preforms", "полиэтилен"]],
    ),
    "Ticarət": (
        "46.31",
        [["təzə meyvə", "tərəvəz"], ["citrus", "limon", "naringi"]],
        [["yük avtomobilləri"], ["refrigerated trucks"], ["рефрижераторы"]],
    ),
    "Tikinti": (
        "41.20",
        [["tikinti podratı"], ["construction contracting"]],
        [["armatur", "sement"], ["steel pipes", "rebar"], ["пиломатериалы", "цемент"]],
    ),
    "Mebel": (
        "31.09",
        [["mebel"], ["office furniture"]],
        [["taxta-şalban"], ["lumber", "plywood"], ["фанера", "доска"]],
    ),
    "Xalça": (
        "13.93",
        [["əl toxuması xalçalar"], ["handmade carpets"]],
        [["yun"], ["wool yarn"], ["шерсть"]],
    ),
    "Logistika": (
        "49.41",
        [["yük daşımaları", "ekspeditor xidmətləri"], ["freight transport"]],
        [["yük avtomobilləri", "ehtiyat hissələri"], ["auto parts", "tyres"], ["шины", "автозапчасти"]],
    ),
    "Balıq": (
        "03.11",
        [["nərə balığı", "kürü"], ["frozen fish"], ["рыба мороженая"]],
        [["soyuducu anbar"], ["cold storage"], ["холодильное оборудование"]],
    ),
    "Qida": (
        "10.51",
        [["pendir", "kərə yağı", "ayran"], ["cheese", "butter"]],
        [["süd tozu"], ["milk powder"], ["оборудование для молочной промышленности"]],
    ),
    "IT": (
        "62.01",
        [["proqram təminatının hazırlanması"], ["software development", "web development"]],
        [["IT outsourcing clients"], ["сотрудничество в IT"], ["elektron ticarət platforması"]],
    ),
    "Turizm": (
        "79.12",
        [["turizm xidmətləri"], ["tour operator services", "hotel booking"]],
        [["туристические группы"], ["tourist groups from Russia"]],
    ),
}
AZ_FORMS = ["MMC", "QSC", "ASC", ""]

RU_CITIES = [
    "Астрахань",
    "Москва",
    "Санкт-Петербург",
    "Волгоград",
    "Махачкала",
    "Ростов-на-Дону",
    "Казань",
    "Самара",
    "Краснодар",
    "Дербент",
    "Ставрополь",
    "Саратов",
    "Нижний Новгород",
    "Екатеринбург",
]
RU_BRANDS = [
    "Волга",
    "Каспий",
    "Ахтуба",
    "Дельта",
    "Меридиан",
    "Прикаспий",
    "Урал",
    "Степь",
    "Север",
    "Альфа",
    "Вектор",
    "Гранит",
    "Родник",
    "Дон",
    "Кубань",
    "Заречье",
    "Жигули",
    "Астра",
]
RU_TRADES = {
    "Агро": (
        "01.11",
        [["пшеница", "ячмень"], ["milling wheat"], ["зерно фуражное"]],
        [["фрукты", "хурма"], ["fresh fruit"], ["гранаты", "мандарины"]],
    ),
    "Мельница": (
        "10.61",
        [["мука пшеничная"], ["wheat flour"], ["отруби"]],
        [["упаковка"], ["polypropylene bags"], ["логистика"]],
    ),
    "Масло": (
        "10.41",
        [["подсолнечное масло"], ["sunflower oil"], ["шрот"]],
        [["стеклотара"], ["PET bottles"], ["грузоперевозки"]],
    ),
    "Лес": (
        "16.10",
        [["пиломатериалы", "доска обрезная"], ["lumber", "plywood"], ["фанера"]],
        [["мебель"], ["furniture buyers"], ["строительный подряд"]],
    ),
    "Металл": (
        "24.10",
        [["арматура", "стальные трубы"], ["rebar", "steel pipes"], ["металлопрокат"]],
        [["строительство"], ["construction projects"], ["металлолом"]],
    ),
    "Техника": (
        "28.30",
        [["тракторы", "комбайны"], ["agricultural machinery"], ["сельхозтехника"]],
        [["дилеры сельхозтехники"], ["spare parts distribution"], ["сервисное обслуживание"]],
    ),
    "Продукт": (
        "46.31",
        [["логистика"], ["fresh produce distribution"]],
        [["хурма", "гранаты", "фундук"], ["persimmons", "tomatoes"], ["мандарины", "яблоки"]],
    ),
    "Фрукт": (
        "46.31",
        [["складские услуги"], ["cold storage"]],
        [["томаты", "огурцы"], ["fresh vegetables"], ["черешня", "абрикосы"]],
    ),
    "Напитки": (
        "46.34",
        [["дистрибуция напитков"], ["beverage distribution"]],
        [["вино", "коньяк"], ["mineral water"], ["соки"]],
    ),
    "Чай": ("46.37", [["кофе"], ["coffee"]], [["чай чёрный"], ["black tea"], ["qara çay"]]),
    "Логистик": (
        "52.29",
        [["экспедирование грузов", "таможенное оформление"], ["freight forwarding", "customs clearance"]],
        [["грузы на Баку"], ["партнёры в Азербайджане"], ["cargo owners"]],
    ),
    "Транс": (
        "49.41",
        [["грузоперевозки", "рефрижераторные перевозки"], ["road freight"]],
        [["грузы из Азербайджана"], ["fruit exporters"]],
    ),
    "Химпром": (
        "20.15",
        [["минеральные удобрения", "карбамид"], ["fertilizers"]],
        [["фермерские хозяйства"], ["agricultural distributors"]],
    ),
    "Пласт": (
        "20.16",
        [["полиэтилен", "ПВХ"], ["polyethylene"]],
        [["переработчики пластмасс"], ["plastic packaging plants"]],
    ),
    "Фиш": (
        "10.20",
        [["рыба мороженая", "икра"], ["frozen fish"]],
        [["осётр"], ["sturgeon fry"], ["холодильные склады"]],
    ),
    "Фарм": ("21.20", [["лекарственные препараты"], ["medicines"]], [["дистрибьюторы"], ["pharmacy chains"]]),
    "Авто": (
        "29.10",
        [["грузовые автомобили", "автозапчасти"], ["trucks", "auto parts"]],
        [["дилеры"], ["service stations"]],
    ),
    "Строй": (
        "23.51",
        [["цемент", "стекло листовое"], ["cement", "float glass"]],
        [["строительный подряд"], ["construction contracts"]],
    ),
}
RU_FORMS = ["ООО", "АО", "", "ООО"]


def _pick(rng: random.Random, groups: list[list[str]]) -> list[str]:
    chosen = rng.sample(groups, k=min(len(groups), rng.choice((1, 2, 2, 3))))
    items = [rng.choice(g) if rng.random() < 0.5 else g[0] for g in chosen]
    return list(dict.fromkeys(items))


def _firms(rng: random.Random, n_each: int):
    seen: set[str] = set()
    az_trades, ru_trades = list(AZ_TRADES.items()), list(RU_TRADES.items())
    for i in range(n_each * 2):
        if i % 2 == 0:
            trade, (sector, offers, needs) = rng.choice(az_trades)
            brand = rng.choice(AZ_BRANDS + AZ_PLACES)
            name = f"{brand} {trade} {rng.choice(AZ_FORMS)}".strip()
            city = brand if brand in AZ_PLACES else rng.choice(AZ_PLACES)  # "Gəncə Şərab" is in Gəncə
            country, langs = "AZ", rng.choice((["az", "ru"], ["az", "ru", "en"], ["az", "en"], ["az"]))
        else:
            trade, (sector, offers, needs) = rng.choice(ru_trades)
            name = f"{rng.choice(RU_BRANDS)} {trade}"
            form = rng.choice(RU_FORMS)
            name = f"{form} {name}".strip()
            country, city, langs = (
                "RU",
                rng.choice(RU_CITIES),
                rng.choice((["ru"], ["ru", "en"], ["ru", "az"])),
            )
        if name in seen:
            continue
        seen.add(name)
        slug = f"demo-{len(seen):04d}"
        yield {
            "external_id": slug,
            "name": name,
            "country": country,
            "city": city,
            "sectors": [sector],
            "offers": _pick(rng, offers),
            "needs": _pick(rng, needs),
            "languages": langs,
            "website": f"https://{slug}.example",
            "email": f"info@{slug}.example",
            "description": "",
            "verified": rng.random() < 0.35,
        }


def load_demo(force: bool = False, n_each: int = 150) -> str:
    """Load the demo directory unless the database already has firms (or ``force``)."""
    existing = db.session.scalar(select(func.count(Company.id))) or 0
    parts = []
    if existing and not force:
        parts.append(f"directory has {existing} firms; demo firms not loaded")
    else:
        rng = random.Random(2018)
        count = 0
        with batch_changes():  # one rebuild of the suggestions at the end, not one per firm
            for data in _firms(rng, n_each):
                verified = data.pop("verified")
                company = create_company(**data)
                company.verified = verified
                count += 1
            db.session.flush()
        parts.append(f"loaded {count} demo firms")
    from .centers.services import seed_centers

    parts.append(seed_centers())
    from .exhibitions.seed import seed_exhibition

    parts.append(seed_exhibition())
    return "; ".join(parts)
