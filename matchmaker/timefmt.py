"""Times, dates and durations as the reader says them, in the reader's language.

Every time a person reads carries its zone by name: "11:00–12:00, Bakı vaxtı (UTC+4)",
"11:00–12:00, время Баку (UTC+4)", "11:00–12:00, Baku time (UTC+4)"; never a tz id such as
``Asia/Baku``. Dates go through Babel (``format_date``), durations through CLDR's units ("30
dəqiqə", "30 минут", "30 minutes"). Templates reach these through the filters registered in
:func:`register` (``zone_name``, ``zone_time``, ``span``, ``local_date``, ``duration``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from babel.units import format_unit
from flask_babel import format_date, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from .core import zones
from .i18n import reader_lang

UTC_NAME = _l("Coordinated Universal Time")


def _zone(tz_name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(tz_name or "UTC")
    except (KeyError, ValueError):
        return ZoneInfo("UTC")


def zone_name(tz_name: str | None, at: datetime | None = None, offset: bool = True) -> str:
    """ "Bakı vaxtı (UTC+4)": the zone named after its city, with its offset at ``at`` (now)."""
    local = (at or datetime.now(UTC)).astimezone(_zone(tz_name))
    if not zones.is_zone(tz_name):
        return f"{UTC_NAME} (UTC)" if offset else str(UTC_NAME)
    lang = reader_lang()
    city, declined = zones.city_for_phrase(tz_name, lang)
    # Translators: a time zone named after its city: "Bakı vaxtı", "время Москвы" (the city comes
    # in the genitive), "Baku time".
    name = _("%(city)s time", city=city) if declined else _("local time, %(city)s", city=city)
    return f"{name} ({zones.offset_label(local)})" if offset else name


def clock(dt: datetime | None, tz_name: str | None) -> str:
    """``11:00``: the wall clock in the zone (24 hours in all three languages)."""
    return dt.astimezone(_zone(tz_name)).strftime("%H:%M") if dt else ""


def time_label(dt: datetime | None, tz_name: str | None) -> str:
    """``11:00, Bakı vaxtı (UTC+4)``."""
    return f"{clock(dt, tz_name)}, {zone_name(tz_name, dt)}" if dt else ""


def span_label(start: datetime, end: datetime, tz_name: str | None) -> str:
    """``11:00–12:00, Bakı vaxtı (UTC+4)``."""
    return f"{clock(start, tz_name)}–{clock(end, tz_name)}, {zone_name(tz_name, start)}"


def local_date(dt: datetime | None, tz_name: str | None, fmt: str = "medium") -> str:
    """The date of ``dt`` in the zone, in the reader's language ("15 sen 2026", "15 сент. 2026 г.")."""
    return format_date(dt.astimezone(_zone(tz_name)).date(), fmt) if dt else ""


def when_label(dt: datetime, tz_name: str | None, fmt: str = "medium") -> str:
    """``15 sen 2026, 11:00, Bakı vaxtı (UTC+4)``."""
    return f"{local_date(dt, tz_name, fmt)}, {time_label(dt, tz_name)}"


def day_label(day: date | None, fmt: str = "medium") -> str:
    return format_date(day, fmt) if day else ""


def duration(minutes: int, length: str = "long") -> str:
    """``30 dəqiqə``, ``30 минут``, ``30 minutes`` (CLDR units; plural forms included)."""
    return format_unit(minutes, "duration-minute", length=length, locale=str(get_locale() or "en"))


def register(app) -> None:
    """The template filters: ``dt|zone_time(tz)``, ``start|span(end, tz)``, ``tz|zone_name``,
    ``dt|local_date(tz, fmt)``, ``dt|clock(tz)`` (alias ``hm``), ``minutes|duration``."""
    app.jinja_env.filters.update(
        zone_name=lambda tz, at=None: zone_name(tz, at),
        zone_time=time_label,
        span=lambda start, end, tz: span_label(start, end, tz),
        local_date=local_date,
        clock=clock,
        hm=clock,
        duration=duration,
    )
    app.jinja_env.globals["weekday_name"] = weekday_name


def weekday_name(weekday: int) -> str:
    """``Bazar ertəsi``, ``Понедельник``, ``Monday`` for 0 (Babel's names, first letter capital)."""
    from babel.dates import get_day_names

    name = get_day_names("wide", "stand-alone", locale=str(get_locale() or "en"))[weekday]
    return name[:1].upper() + name[1:]
