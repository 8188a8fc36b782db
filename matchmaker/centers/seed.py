"""The two business centers, their rooms, opening hours and public holidays (from the ``holidays``
package, this year and the next two: :mod:`matchmaker.centers.holidays`), with their names in
Azerbaijani, Russian and English.

Idempotent: centers are found by slug, rooms by their Azerbaijani name, holidays by start; nothing
is duplicated. A database seeded before names had languages (migration 0005 moved the old English
names to the ``_en`` columns) is brought up to date here: a seeded center, room or holiday that
still carries its old English name and no Azerbaijani one gets its three names. Anything the staff
renamed since is left alone. Religious holidays (Ramazan and Qurban bayramı) follow the lunar
calendar; until they are announced the package estimates them and their names say "date to be
confirmed": staff adjust them when the official dates are announced.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from ..extensions import db
from ..i18n import LANGS, set_texts
from .holidays import public_holidays
from .models import Center, Closure, ClosureKind, OpeningHours, Room, RoomKind

WEEK_HOURS = {
    0: (time(9), time(18)),
    1: (time(9), time(18)),
    2: (time(9), time(18)),
    3: (time(9), time(18)),
    4: (time(9), time(18)),
    5: (time(10), time(14)),
}


def T(az: str, ru: str, en: str) -> dict[str, str]:  # a text in three languages
    return {"az": az, "ru": ru, "en": en}


MR, CONF, HALL, OFFICE, HOTEL, FLAT = (
    RoomKind.MEETING_ROOM,
    RoomKind.CONFERENCE,
    RoomKind.EXHIBITION_HALL,
    RoomKind.OFFICE,
    RoomKind.HOTEL_ROOM,
    RoomKind.FLAT,
)

# Each room: (names, the English name it had before names had languages, kind, floor, seats,
# equipment keys, bookable).
CENTERS = [
    {
        "slug": "abc-baku",
        "legacy_name": "Astrakhan Business Center",
        "country": "AZ",
        "timezone": "Asia/Baku",
        "name": T("Həştərxan Biznes Mərkəzi", "Астраханский бизнес-центр", "Astrakhan Business Center"),
        "city": T("Bakı", "Баку", "Baku"),
        "address": T("Bakı, Azərbaycan", "Баку, Азербайджан", "Baku, Azerbaijan"),
        "description": T(
            "Bakıda yeddimərtəbəli bina: 4–12 nəfərlik danışıqlar otaqları, konfrans zalı və "
            "Azərbaycanla işləyən Rusiya şirkətləri üçün biznes ofislər.",
            "Семиэтажное здание в Баку: переговорные на 4–12 человек, конференц-зал и бизнес-офисы "
            "для российских компаний, работающих с Азербайджаном.",
            "A seven-storey building in Baku: meeting rooms for 4 to 12 people, a conference room "
            "and business offices for Russian firms working with Azerbaijan.",
        ),
        "rooms": [
            (
                T("Xəzər danışıqlar otağı", "Переговорная «Каспий»", "Caspian meeting room"),
                "Meeting room Xəzər",
                MR,
                2,
                4,
                ["screen", "wifi"],
                True,
            ),
            (
                T("Volqa danışıqlar otağı", "Переговорная «Волга»", "Volga meeting room"),
                "Meeting room Volga",
                MR,
                2,
                6,
                ["screen", "whiteboard", "wifi"],
                True,
            ),
            (
                T("Kür danışıqlar otağı", "Переговорная «Кура»", "Kura meeting room"),
                "Meeting room Kür",
                MR,
                3,
                8,
                ["screen", "video_conferencing", "wifi"],
                True,
            ),
            (
                T("Abşeron danışıqlar otağı", "Переговорная «Апшерон»", "Absheron meeting room"),
                "Meeting room Caspian",
                MR,
                4,
                12,
                ["projector", "video_conferencing", "wifi"],
                True,
            ),
            (
                T("Konfrans zalı", "Конференц-зал", "Conference room"),
                "Conference room",
                CONF,
                6,
                60,
                ["projector", "microphones", "interpretation_booth", "wifi"],
                True,
            ),
            (
                T("Biznes ofis 501", "Бизнес-офис 501", "Business office 501"),
                "Business office 501",
                OFFICE,
                5,
                6,
                ["desks", "wifi"],
                True,
            ),
            (
                T("Biznes ofis 502", "Бизнес-офис 502", "Business office 502"),
                "Business office 502",
                OFFICE,
                5,
                4,
                ["desks", "wifi"],
                False,
            ),
            (
                T("Yaşayış mənzili 701", "Квартира 701", "Flat 701"),
                "Flat 701",
                FLAT,
                7,
                4,
                ["bed", "wifi"],
                False,
            ),
            (
                T("Yaşayış mənzili 702", "Квартира 702", "Flat 702"),
                "Flat 702",
                FLAT,
                7,
                2,
                ["bed", "wifi"],
                False,
            ),
        ],
    },
    {
        "slug": "azbc-astrakhan",
        "legacy_name": "Azerbaijan Business Center",
        "country": "RU",
        "timezone": "Europe/Astrakhan",
        "name": T("Azərbaycan Biznes Mərkəzi", "Азербайджанский бизнес-центр", "Azerbaijan Business Center"),
        "city": T("Həştərxan", "Астрахань", "Astrakhan"),
        "address": T("Həştərxan, Rusiya", "Астрахань, Россия", "Astrakhan, Russia"),
        "description": T(
            "2018-ci ildə açılıb: 5000 m² sahədə sərgi zalı, ofislər, konfrans zalı və Rusiya ilə "
            "işləyən Azərbaycan şirkətləri üçün mini-otel.",
            "Открыт в 2018 году: 5000 м², выставочный зал, офисы, конференц-зал и мини-гостиница "
            "для азербайджанских компаний, работающих с Россией.",
            "Opened in 2018: 5,000 m² with an exhibition hall, offices, a conference room and a "
            "mini-hotel for Azerbaijani firms working with Russia.",
        ),
        "rooms": [
            (
                T("Danışıqlar otağı 1", "Переговорная 1", "Meeting room 1"),
                "Negotiation room 1",
                MR,
                2,
                6,
                ["screen", "wifi"],
                True,
            ),
            (
                T("Danışıqlar otağı 2", "Переговорная 2", "Meeting room 2"),
                "Negotiation room 2",
                MR,
                2,
                10,
                ["screen", "video_conferencing", "wifi"],
                True,
            ),
            (
                T("Konfrans zalı", "Конференц-зал", "Conference room"),
                "Conference room",
                CONF,
                3,
                40,
                ["projector", "microphones", "wifi"],
                True,
            ),
            (
                T("Sərgi zalı", "Выставочный зал", "Exhibition hall"),
                "Exhibition hall",
                HALL,
                1,
                200,
                ["stands", "sound_system", "wifi"],
                True,
            ),
            (T("Ofis 301", "Офис 301", "Office 301"), "Office 301", OFFICE, 3, 4, ["desks", "wifi"], True),
            (
                T("Mini-otel otağı 1", "Номер мини-гостиницы 1", "Mini-hotel room 1"),
                "Mini-hotel room 1",
                HOTEL,
                4,
                2,
                ["bed", "wifi"],
                False,
            ),
            (
                T("Mini-otel otağı 2", "Номер мини-гостиницы 2", "Mini-hotel room 2"),
                "Mini-hotel room 2",
                HOTEL,
                4,
                2,
                ["bed", "wifi"],
                False,
            ),
            (
                T("Mini-otel otağı 3", "Номер мини-гостиницы 3", "Mini-hotel room 3"),
                "Mini-hotel room 3",
                HOTEL,
                4,
                3,
                ["bed", "wifi"],
                False,
            ),
        ],
    },
]
TEXT_FIELDS = ("name", "city", "address", "description")
# floor areas (m²) of the offices and flats, by English name
AREAS = {
    "Business office 501": 36,
    "Business office 502": 24,
    "Office 301": 28,
    "Flat 701": 64,
    "Flat 702": 38,
}


def _span(first: date, last: date | None = None) -> tuple[date, date]:
    return first, last or first


# the English names holidays were seeded with before names had languages (and before they came
# from the ``holidays`` package): such a row, not renamed since, is given its three names
LEGACY_REASONS = frozenset(
    {
        "New Year",
        "Day of National Mourning",
        "International Women's Day",
        "Novruz bayramı",
        "Victory Day over Fascism",
        "Independence Day",
        "National Salvation Day",
        "Armed Forces Day",
        "Victory Day",
        "State Flag Day",
        "Constitution Day",
        "Day of Solidarity of World Azerbaijanis",
        "Ramazan bayramı (provisional)",
        "Qurban bayramı (provisional)",
        "New Year holidays and Christmas",
        "Defender of the Fatherland Day",
        "Spring and Labour Day",
        "Russia Day",
        "Unity Day",
    }
)
#: holidays are kept this many years ahead (this year included)
HOLIDAY_YEARS = 3


def holiday_spans(country: str, today: date | None = None):
    """``[((first, last), names, "")]``: one entry a day off, from the ``holidays`` package."""
    year = (today or date.today()).year
    return [
        ((day, day), names, "") for day, names in public_holidays(country, range(year, year + HOLIDAY_YEARS))
    ]


def _merged_days(spans) -> list[tuple[date, date, dict[str, str], str]]:
    """Overlapping or adjacent holidays become one closure (reasons joined, in every language)."""
    out: list[list] = []
    for (first, last), names, legacy in sorted(spans, key=lambda h: h[0]):
        if out and first <= out[-1][1] + timedelta(days=1):
            out[-1][1] = max(out[-1][1], last)
            if names["en"] not in out[-1][2]["en"]:
                out[-1][2] = {lang: f"{out[-1][2][lang]}; {names[lang]}" for lang in LANGS}
            if legacy not in out[-1][3]:
                out[-1][3] += f"; {legacy}"
        else:
            out.append([first, last, dict(names), legacy])
    return [tuple(x) for x in out]


def _is_legacy(row, field: str, legacy: str) -> bool:
    """Seeded before names had languages and not renamed since."""
    return getattr(row, f"{field}_az") is None and getattr(row, f"{field}_en") == legacy


def _is_legacy_holiday(row) -> bool:
    parts = (row.reason_en or "").split("; ")
    return row.reason_az is None and all(p in LEGACY_REASONS for p in parts)


def _center(spec) -> tuple[Center, int, int]:
    """The center of ``spec`` (created, or given its three names): (center, new, upgraded)."""
    center = db.session.scalar(select(Center).where(Center.slug == spec["slug"]))
    if center is not None:
        if not _is_legacy(center, "name", spec["legacy_name"]):
            return center, 0, 0
        for field in TEXT_FIELDS:
            set_texts(center, field, spec[field])
        return center, 0, 1
    center = Center(slug=spec["slug"], country=spec["country"], timezone=spec["timezone"])
    for field in TEXT_FIELDS:
        set_texts(center, field, spec[field])
    db.session.add(center)
    db.session.flush()
    for weekday, (opens, closes) in WEEK_HOURS.items():
        db.session.add(OpeningHours(center_id=center.id, weekday=weekday, opens=opens, closes=closes))
    return center, 1, 0


def _rooms(center: Center, specs) -> tuple[int, int]:
    rooms = list(db.session.scalars(select(Room).where(Room.center_id == center.id)))
    created = upgraded = 0
    for names, legacy, kind, floor, capacity, equipment, bookable in specs:
        if any(r.name_az == names["az"] for r in rooms):
            continue
        old = next((r for r in rooms if _is_legacy(r, "name", legacy)), None)
        if old is not None:
            set_texts(old, "name", names)
            upgraded += 1
            continue
        room = Room(center_id=center.id, kind=kind, floor=floor, capacity=capacity, equipment=list(equipment))
        room.bookable = bookable
        room.area_m2 = AREAS.get(names["en"])
        set_texts(room, "name", names)
        db.session.add(room)
        rooms.append(room)
        created += 1
    return created, upgraded


def _holidays(center: Center, today: date | None = None) -> tuple[int, int]:
    """Holiday closures of the years that have none yet (so a holiday the staff moved or removed
    stays so), and their three names for rows seeded before names had languages."""
    tz = ZoneInfo(center.timezone)
    existing = {
        c.start_at: c
        for c in db.session.scalars(
            select(Closure).where(
                Closure.center_id == center.id, Closure.kind == ClosureKind.HOLIDAY, Closure.room_id.is_(None)
            )
        )
    }
    seeded_years = {start.astimezone(tz).year for start in existing}
    created = upgraded = 0
    for old in existing.values():
        if _is_legacy_holiday(old):
            names = _names_on(center.country, old.start_at.astimezone(tz).date())
            if names is not None:
                set_texts(old, "reason", names)
                upgraded += 1
    spans = holiday_spans(center.country, today)
    for year in sorted({first.year for (first, _last), _n, _l in spans} - seeded_years):
        for first, last, names, _legacy in _merged_days([s for s in spans if s[0][0].year == year]):
            start = datetime.combine(first, time(0), tzinfo=tz).astimezone(ZoneInfo("UTC"))
            end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz).astimezone(ZoneInfo("UTC"))
            closure = Closure(center_id=center.id, start_at=start, end_at=end, kind=ClosureKind.HOLIDAY)
            set_texts(closure, "reason", names)
            db.session.add(closure)
            created += 1
    return created, upgraded


def _names_on(country: str, day: date) -> dict[str, str] | None:
    """The names of the holiday on ``day`` (a legacy row's first day), from the package."""
    for on, names in public_holidays(country, range(day.year, day.year + 1)):
        if on == day:
            return names
    return None


def seed_holidays(today: date | None = None) -> int:
    """Holiday closures for this year and the next ones (:data:`HOLIDAY_YEARS`), for every center;
    the number of closures added (the periodic job runs it, so the calendars never run out)."""
    added = 0
    for center in db.session.scalars(select(Center).order_by(Center.id)):
        added += _holidays(center, today)[0]
    db.session.flush()
    return added


def seed_centers() -> str:
    counts = {"centers": 0, "rooms": 0, "holiday closures": 0}
    upgraded = 0
    for spec in CENTERS:
        center, new, up = _center(spec)
        counts["centers"] += new
        upgraded += up
        for key, (new, up) in (
            ("rooms", _rooms(center, spec["rooms"])),
            ("holiday closures", _holidays(center)),
        ):
            counts[key] += new
            upgraded += up
    db.session.flush()
    from ..stays.seed import seed_policies  # stays build on centers: imported when seeding

    counts["stay rules"] = seed_policies()
    summary = ", ".join(f"{key}: {n} new" for key, n in counts.items())
    return summary + (f"; {upgraded} seeded rows given their az, ru and en names" if upgraded else "")
