"""Public holidays of Azerbaijan and Russia from the ``holidays`` package, named in az, ru and en.

The package knows each year's days off (moved and extra days included) and estimates the lunar
holidays (Ramazan and Qurban bayramı) until they are announced; such days read "date to be
confirmed". The centers' holiday closures are made from it for this year and the next two
(:func:`matchmaker.centers.seed.seed_holidays`, run by ``seed-demo`` and by the periodic job), so
the calendars never run out; the staff still add and change closures by hand.
"""

from __future__ import annotations

import re
from datetime import date

import holidays as holiday_data


def T(az: str, ru: str, en: str) -> dict[str, str]:
    return {"az": az, "ru": ru, "en": en}


# the package's English names (without "(observed)", "(estimated)") -> our names in three languages
NAMES: dict[str, dict[str, dict[str, str]]] = {
    "AZ": {
        "New Year's Day": T("Yeni il", "Новый год", "New Year"),
        "Martyrs' Day": T("Ümumxalq Hüzn Günü", "День всенародной скорби", "Day of National Mourning"),
        "Women's Day": T(
            "Beynəlxalq Qadınlar Günü", "Международный женский день", "International Women's Day"
        ),
        "Spring Festival": T("Novruz bayramı", "Новруз байрамы", "Novruz"),
        "Eid al-Fitr": T("Ramazan bayramı", "Рамазан байрамы", "Ramazan Bayram"),
        "Eid al-Adha": T("Qurban bayramı", "Гурбан байрамы", "Qurban Bayram"),
        "Victory over Fascism Day": T(
            "Faşizm üzərində Qələbə Günü", "День Победы над фашизмом", "Victory Day over Fascism"
        ),
        "Independence Day": T("Müstəqillik Günü", "День Независимости", "Independence Day"),
        "National Liberation Day": T(
            "Milli Qurtuluş Günü", "День национального спасения", "National Salvation Day"
        ),
        "Armed Forces Day": T("Silahlı Qüvvələr Günü", "День Вооружённых сил", "Armed Forces Day"),
        "Victory Day": T("Zəfər Günü", "День Победы", "Victory Day"),
        "National Flag Day": T("Dövlət Bayrağı Günü", "День Государственного флага", "State Flag Day"),
        "Constitution Day": T("Konstitusiya Günü", "День Конституции", "Constitution Day"),
        "International Azerbaijanis Solidarity Day": T(
            "Dünya Azərbaycanlılarının Həmrəyliyi Günü",
            "День солидарности азербайджанцев мира",
            "Day of Solidarity of World Azerbaijanis",
        ),
    },
    "RU": {
        "New Year Holidays": T("Yeni il tətili", "Новогодние каникулы", "New Year holidays"),
        "Christmas Day": T("Milad", "Рождество Христово", "Christmas"),
        "Defender of the Fatherland Day": T(
            "Vətən Müdafiəçiləri Günü", "День защитника Отечества", "Defender of the Fatherland Day"
        ),
        "International Women's Day": T(
            "Beynəlxalq Qadınlar Günü", "Международный женский день", "International Women's Day"
        ),
        "Holiday of Spring and Labor": T(
            "Bahar və Əmək Bayramı", "Праздник Весны и Труда", "Spring and Labour Day"
        ),
        "Victory Day": T("Qələbə Günü", "День Победы", "Victory Day"),
        "Russia Day": T("Rusiya Günü", "День России", "Russia Day"),
        "Unity Day": T("Xalq Birliyi Günü", "День народного единства", "National Unity Day"),
        "Day off": T(
            "Köçürülmüş istirahət günü", "Перенесённый выходной день", "Day off moved from another day"
        ),
    },
}
TO_BE_CONFIRMED = T("tarix dəqiqləşdiriləcək", "дата уточняется", "date to be confirmed")
# the languages the package names each country's holidays in, for a name missing above
OWN = {"AZ": ("az", "en_US", "en_US"), "RU": ("en_US", "ru", "en_US")}
_PART = re.compile(r"^(?P<base>.*?)(?: \((?P<flags>[^)]*)\))?$")


def _named(country: str, english: str, fallback: dict[str, str]) -> dict[str, str]:
    """Our three names of a day the package calls ``english`` (parts joined by "; ")."""
    parts = []
    for part in english.split("; "):
        match = _PART.match(part)
        base = match["base"] if match else part
        flags = (match["flags"] or "") if match else ""
        if base.startswith("Day off"):
            base = "Day off"
        names = NAMES[country].get(base) or fallback
        if "estimated" in flags:
            names = {lang: f"{names[lang]} ({TO_BE_CONFIRMED[lang]})" for lang in names}
        if names not in parts:
            parts.append(names)
    return {lang: "; ".join(p[lang] for p in parts) for lang in ("az", "ru", "en")}


def public_holidays(country: str, years: range) -> list[tuple[date, dict[str, str]]]:
    """``[(day, names)]`` of the country's public holidays and days off in ``years``."""
    english = holiday_data.country_holidays(country, years=list(years), language="en_US")
    az_lang, ru_lang, _en = OWN[country]
    az = holiday_data.country_holidays(country, years=list(years), language=az_lang)
    ru = holiday_data.country_holidays(country, years=list(years), language=ru_lang)
    return [
        (day, _named(country, name, {"az": az.get(day, name), "ru": ru.get(day, name), "en": name}))
        for day, name in sorted(english.items())
    ]


def all_names() -> list[dict[str, str]]:
    """Every holiday name we give, in three languages."""
    return [names for table in NAMES.values() for names in table.values()] + [TO_BE_CONFIRMED]
