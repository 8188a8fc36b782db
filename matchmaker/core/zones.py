"""Time zones as people name them: "Bakı vaxtı (UTC+4)", "время Баку (UTC+4)", "Baku time (UTC+4)".

Pure Python over Babel's CLDR data (no Flask). The city comes from CLDR's exemplar cities
(``babel.dates.get_timezone_location(..., return_city=True)``: Bakı / Баку / Baku, Həştərxan /
Астрахань / Astrakhan). CLDR's own zone names are not used: its location format gives "Azərbaycan
Vaxtı" for Asia/Baku and, in Russian, "Россия (Астрахань), летнее время" (summer time, wrong all
year), and its metazone names call Astrakhan "Samara". The phrase around the city ("%(city)s time")
is a message of our catalogs; Russian puts the city in the genitive ("время Москвы"), which CLDR
does not give: :data:`RU_GENITIVE` is our own table for the zones people pick here.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import get_timezone_location

# The zones a member can choose on the account page, in this order (a browser's other zone is added).
COMMON_ZONES = (
    "Asia/Baku",
    "Europe/Moscow",
    "Europe/Astrakhan",
    "Europe/Volgograd",
    "Europe/Samara",
    "Asia/Yekaterinburg",
    "Asia/Tbilisi",
    "Europe/Istanbul",
)
DEFAULT_ZONE = {"AZ": "Asia/Baku", "RU": "Europe/Moscow"}  # a firm's country -> its usual zone

# Russian city names (CLDR exemplar cities) in the genitive, for "время Москвы".
RU_GENITIVE = {
    "Баку": "Баку",
    "Москва": "Москвы",
    "Астрахань": "Астрахани",
    "Волгоград": "Волгограда",
    "Самара": "Самары",
    "Екатеринбург": "Екатеринбурга",
    "Тбилиси": "Тбилиси",
    "Стамбул": "Стамбула",
    "Саратов": "Саратова",
    "Ульяновск": "Ульяновска",
    "Калининград": "Калининграда",
    "Омск": "Омска",
    "Новосибирск": "Новосибирска",
    "Ташкент": "Ташкента",
    "Алматы": "Алматы",
    "Минск": "Минска",
    "Ереван": "Еревана",
    "Тегеран": "Тегерана",
    "Дубай": "Дубая",
    "Лондон": "Лондона",
    "Берлин": "Берлина",
}


def is_zone(name: str | None) -> bool:
    """``name`` is an IANA zone this machine knows (``Asia/Baku``), not ``UTC``-like junk."""
    if not name or len(name) > 64 or "/" not in name or name.startswith(("Etc/", "posix/", "right/")):
        return False
    try:
        ZoneInfo(name)
    except (KeyError, ValueError):
        return False
    return True


def city(tz_name: str, locale: str) -> str:
    """CLDR's exemplar city of the zone in ``locale`` ("Bakı", "Баку", "Baku")."""
    return str(get_timezone_location(tz_name, locale=locale, return_city=True))


def city_for_phrase(tz_name: str, locale: str) -> tuple[str, bool]:
    """The city as it goes into "<city> time" in ``locale``, and whether that form is right.

    Only Russian declines it here; a Russian city we have no genitive for is ``(name, False)``.
    """
    name = city(tz_name, locale)
    if locale == "ru":
        genitive = RU_GENITIVE.get(name)
        return (genitive, True) if genitive else (name, False)
    return name, True


def offset_label(dt: datetime) -> str:
    """``UTC+4``, ``UTC+5:30``, ``UTC−3`` (true minus sign), ``UTC`` for an aware datetime."""
    offset = dt.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "\u2212"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
