"""The two business centers, their rooms, opening hours and public holidays for 2026–2027.

Idempotent: centers are found by slug, rooms by name, holidays by start; nothing is duplicated.
Religious holidays (Ramazan and Qurban bayramı) follow the lunar calendar; their dates here are the
expected ones and are marked provisional: staff adjust them when the official dates are announced.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from ..extensions import db
from .models import Center, Closure, OpeningHours, Room

WEEK_HOURS = {
    0: (time(9), time(18)),
    1: (time(9), time(18)),
    2: (time(9), time(18)),
    3: (time(9), time(18)),
    4: (time(9), time(18)),
    5: (time(10), time(14)),
}

CENTERS = [
    {
        "slug": "abc-baku",
        "name": "Astrakhan Business Center",
        "city": "Baku",
        "country": "AZ",
        "timezone": "Asia/Baku",
        "address": "Baku, Azerbaijan",
        "description": "A seven-storey building in Baku: meeting rooms for 4 to 12 people, a conference "
        "room and business offices for Russian firms working with Azerbaijan.",
        "rooms": [
            ("Meeting room Xəzər", "meeting_room", 2, 4, ["screen", "Wi-Fi"], True),
            ("Meeting room Volga", "meeting_room", 2, 6, ["screen", "whiteboard", "Wi-Fi"], True),
            ("Meeting room Kür", "meeting_room", 3, 8, ["screen", "video conferencing", "Wi-Fi"], True),
            (
                "Meeting room Caspian",
                "meeting_room",
                4,
                12,
                ["projector", "video conferencing", "Wi-Fi"],
                True,
            ),
            (
                "Conference room",
                "conference",
                6,
                60,
                ["projector", "microphones", "interpretation booth", "Wi-Fi"],
                True,
            ),
            ("Business office 501", "office", 5, 6, ["desks", "Wi-Fi"], True),
            ("Business office 502", "office", 5, 4, ["desks", "Wi-Fi"], False),
        ],
    },
    {
        "slug": "azbc-astrakhan",
        "name": "Azerbaijan Business Center",
        "city": "Astrakhan",
        "country": "RU",
        "timezone": "Europe/Astrakhan",
        "address": "Astrakhan, Russia",
        "description": "Opened in 2018: 5,000 m² with an exhibition hall, offices, a conference room and "
        "a mini-hotel for Azerbaijani firms working with Russia.",
        "rooms": [
            ("Negotiation room 1", "meeting_room", 2, 6, ["screen", "Wi-Fi"], True),
            ("Negotiation room 2", "meeting_room", 2, 10, ["screen", "video conferencing", "Wi-Fi"], True),
            ("Conference room", "conference", 3, 40, ["projector", "microphones", "Wi-Fi"], True),
            ("Exhibition hall", "exhibition_hall", 1, 200, ["stands", "sound system", "Wi-Fi"], True),
            ("Office 301", "office", 3, 4, ["desks", "Wi-Fi"], True),
            ("Mini-hotel room 1", "hotel_room", 4, 2, ["bed", "Wi-Fi"], False),
            ("Mini-hotel room 2", "hotel_room", 4, 2, ["bed", "Wi-Fi"], False),
            ("Mini-hotel room 3", "hotel_room", 4, 3, ["beds", "Wi-Fi"], False),
        ],
    },
]


def _d(y, m, d) -> date:
    return date(y, m, d)


def _span(first: date, last: date | None = None) -> tuple[date, date]:
    return first, last or first


AZ_HOLIDAYS = []
for _y in (2026, 2027):
    AZ_HOLIDAYS += [
        (_span(_d(_y, 1, 1), _d(_y, 1, 2)), "New Year"),
        (_span(_d(_y, 1, 20)), "Day of National Mourning"),
        (_span(_d(_y, 3, 8)), "International Women's Day"),
        (_span(_d(_y, 3, 20), _d(_y, 3, 24)), "Novruz bayramı"),
        (_span(_d(_y, 5, 9)), "Victory Day over Fascism"),
        (_span(_d(_y, 5, 28)), "Independence Day"),
        (_span(_d(_y, 6, 15)), "National Salvation Day"),
        (_span(_d(_y, 6, 26)), "Armed Forces Day"),
        (_span(_d(_y, 11, 8)), "Victory Day"),
        (_span(_d(_y, 11, 9)), "State Flag Day"),
        (_span(_d(_y, 11, 12)), "Constitution Day"),
        (_span(_d(_y, 12, 31)), "Day of Solidarity of World Azerbaijanis"),
    ]
AZ_HOLIDAYS += [
    (_span(_d(2026, 3, 20), _d(2026, 3, 21)), "Ramazan bayramı (provisional)"),
    (_span(_d(2026, 5, 27), _d(2026, 5, 28)), "Qurban bayramı (provisional)"),
    (_span(_d(2027, 3, 10), _d(2027, 3, 11)), "Ramazan bayramı (provisional)"),
    (_span(_d(2027, 5, 17), _d(2027, 5, 18)), "Qurban bayramı (provisional)"),
]

RU_HOLIDAYS = []
for _y in (2026, 2027):
    RU_HOLIDAYS += [
        (_span(_d(_y, 1, 1), _d(_y, 1, 8)), "New Year holidays and Christmas"),
        (_span(_d(_y, 2, 23)), "Defender of the Fatherland Day"),
        (_span(_d(_y, 3, 8)), "International Women's Day"),
        (_span(_d(_y, 5, 1)), "Spring and Labour Day"),
        (_span(_d(_y, 5, 9)), "Victory Day"),
        (_span(_d(_y, 6, 12)), "Russia Day"),
        (_span(_d(_y, 11, 4)), "Unity Day"),
    ]

HOLIDAYS = {"AZ": AZ_HOLIDAYS, "RU": RU_HOLIDAYS}


def _merged_days(spans) -> list[tuple[date, date, str]]:
    """Overlapping or adjacent holidays become one closure (reasons joined)."""
    out: list[list] = []
    for (first, last), reason in sorted(spans):
        if out and first <= out[-1][1] + timedelta(days=1):
            out[-1][1] = max(out[-1][1], last)
            if reason not in out[-1][2]:
                out[-1][2] += f"; {reason}"
        else:
            out.append([first, last, reason])
    return [tuple(x) for x in out]


def seed_centers() -> str:
    created_centers = created_rooms = created_closures = 0
    for spec in CENTERS:
        center = db.session.scalar(select(Center).where(Center.slug == spec["slug"]))
        if center is None:
            center = Center(**{k: v for k, v in spec.items() if k != "rooms"})
            db.session.add(center)
            db.session.flush()
            created_centers += 1
            for weekday, (opens, closes) in WEEK_HOURS.items():
                db.session.add(OpeningHours(center_id=center.id, weekday=weekday, opens=opens, closes=closes))
        existing = {r.name for r in db.session.scalars(select(Room).where(Room.center_id == center.id))}
        for name, kind, floor, capacity, equipment, bookable in spec["rooms"]:
            if name not in existing:
                db.session.add(
                    Room(
                        center_id=center.id,
                        name=name,
                        kind=kind,
                        floor=floor,
                        capacity=capacity,
                        equipment=list(equipment),
                        bookable=bookable,
                    )
                )
                created_rooms += 1
        tz = ZoneInfo(center.timezone)
        starts = set(
            db.session.scalars(
                select(Closure.start_at).where(
                    Closure.center_id == center.id, Closure.kind == "holiday", Closure.room_id.is_(None)
                )
            )
        )
        for first, last, reason in _merged_days(HOLIDAYS[center.country]):
            start = datetime.combine(first, time(0), tzinfo=tz).astimezone(ZoneInfo("UTC"))
            end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz).astimezone(ZoneInfo("UTC"))
            if start not in starts:
                db.session.add(
                    Closure(center_id=center.id, start_at=start, end_at=end, kind="holiday", reason=reason)
                )
                created_closures += 1
    db.session.flush()
    return (
        f"centers: {created_centers} new, rooms: {created_rooms} new, "
        f"holiday closures: {created_closures} new"
    )
