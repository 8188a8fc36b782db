"""A recipient's language and time zone, and times written for them."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time, get_timezone_location
from flask import current_app

COUNTRY_LOCALE = {"AZ": "az", "RU": "ru"}
COUNTRY_ZONE = {"AZ": "Asia/Baku", "RU": "Europe/Moscow"}


def locale_for_country(country: str | None) -> str:
    return COUNTRY_LOCALE.get((country or "").upper(), "en")


def locale_of(user) -> str:
    """The account's language; else the firm's country's (AZ: az, RU: ru); else English."""
    if user.locale in current_app.config["LANGUAGES"]:
        return user.locale
    company = user.company
    return locale_for_country(company.country if company is not None else None)


def zone_of(user, fallback: str = "UTC") -> str:
    """The account's time zone; else the usual one of the firm's country; else ``fallback``."""
    if user.timezone:
        try:
            ZoneInfo(user.timezone)
            return user.timezone
        except (ValueError, KeyError):
            pass
    company = user.company
    return COUNTRY_ZONE.get(company.country if company is not None else "", fallback)


def _offset(local: datetime) -> str:
    total = int(local.utcoffset().total_seconds() // 60)
    sign = "+" if total >= 0 else "-"
    hours, minutes = divmod(abs(total), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def moment(dt: datetime, tz_name: str, locale: str, weekday: bool = True) -> str:
    """``среда, 10 июня 2026 г., 10:00 (Баку, UTC+04:00)`` (without the weekday: after "before")."""
    zone = ZoneInfo(tz_name)
    local = dt.astimezone(zone)
    city = get_timezone_location(zone, locale=locale, return_city=True)
    day = format_date(local, "full" if weekday else "long", locale=locale)
    return f"{day}, {format_time(local, 'HH:mm', locale=locale)} ({city}, {_offset(local)})"


def clock(dt: datetime, tz_name: str, locale: str) -> str:
    """``10:00 (Баку)``: the time alone, for a second zone on the same line."""
    zone = ZoneInfo(tz_name)
    local = dt.astimezone(zone)
    city = get_timezone_location(zone, locale=locale, return_city=True)
    return f"{format_time(local, 'HH:mm', locale=locale)} ({city}, {_offset(local)})"


def span(start: datetime, end: datetime, tz_name: str, locale: str) -> str:
    """``среда, 10 июня 2026 г., 10:00–11:00, время Баку (UTC+4)``: the zone named once, as on
    the pages (:func:`matchmaker.timefmt.span_label` in the recipient's language)."""
    from flask_babel import force_locale

    from ..timefmt import span_label

    day = format_date(start.astimezone(ZoneInfo(tz_name)), "full", locale=locale)
    with force_locale(locale):
        return f"{day}, {span_label(start, end, tz_name)}"


def same_clock(dt: datetime, zone_a: str, zone_b: str) -> bool:
    a, b = dt.astimezone(ZoneInfo(zone_a)), dt.astimezone(ZoneInfo(zone_b))
    return a.utcoffset() == b.utcoffset()


def day_of(d, locale: str) -> str:
    return format_date(d, "full", locale=locale)
