"""One realistic world for the page crawlers (tests/test_no_english.py, the browser's axe check):
the seeded centers, two firms of each country, members and staff, two booked meetings, and a
published brokerage day with a scheduled meeting. ``pages`` lists the main pages by who reads them.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from matchmaker.events import scheduling
from matchmaker.events import services as events
from matchmaker.exhibitions import services as exhibitions
from matchmaker.extensions import db
from matchmaker.offices import services as offices
from tests.booking_support import World, open_day

FIRMS = ("Gəncə Aqro MMC", "Şəki İpək", "ООО Волга Агро", "АО Каспий")
TOPIC = "Fındıq / Фундук"
PEOPLE = ("Aysel Məmmədova", "Rəşad Quliyev")  # names the people wrote themselves
CITIES = ("Bakı", "Астрахань", "Махачкала")  # the firms' cities, as the firms wrote them


# the world --------------------------------------------------------------------------------------
def journey_world(factory, client) -> tuple[World, dict]:
    w = World(factory, client)
    w.az_user.full_name, w.staff_baku.full_name = "Aysel Məmmədova", "Rəşad Quliyev"
    w.az_user.timezone = "Europe/Moscow"  # their own clock is shown next to the centers' times
    w.ru.offers = ["квазипродукт"]  # a gap on the staff's lexicon page, with its nearest concepts
    for token in w.az_user.tokens:
        token.name = "Интеграция"
    db.session.commit()
    first = w.book(topic=TOPIC).get_json()["id"]
    second = w.book(
        user=w.az_user, partner=w.ru2, room=w.c["neg1"], start="15:00", end="16:00", tz="Europe/Astrakhan"
    )
    assert second.status_code == 201, second.get_json()
    w.call("POST", f"/api/v1/meetings/{first}/accept", user=w.ru_user)
    day = open_day(20)
    data = {
        "center_id": w.c["baku"].id,
        "title": {"az": "Aqrar biznes günü", "ru": "День агробизнеса", "en": "Agribusiness Day"},
        "description": {
            "az": "Kənd təsərrüfatı şirkətləri üçün",
            "ru": "Для аграрных компаний",
            "en": "For farms",
        },
        "day": day,
        "sessions": [(time(10), time(12))],
        "slot_minutes": 20,
        "tables": 4,
        "room_ids": [w.c["kur"].id, w.c["volga"].id],
        "max_meetings": 5,
        "request_deadline": datetime.combine(day - timedelta(days=2), time(12), tzinfo=UTC),
    }
    event = events.save_event(w.staff_baku, data)
    events.change_status(event, "open")
    for user in (w.az_user, w.ru_user):
        events.register(event, user)
    req = events.send_request(event, w.ru_user, w.az.id, "")
    events.answer_request(event, w.az_user, req, accept=True)
    scheduling.run_schedule(event)
    scheduling.publish(event)
    db.session.commit()
    meeting_id = scheduling.active_meetings(event)[0].id
    d = w.day.isoformat()
    kur, baku = w.c["kur"].id, w.c["baku"].id
    sunday = (w.day + timedelta(days=6 - w.day.weekday())).isoformat()
    # a stay, a staff-booked flat, an office rental request and an exhibition with a stand request
    after = (w.day + timedelta(days=2)).isoformat()
    stay = w.call(
        "POST",
        "/api/v1/stays",
        json={"room_id": w.c["hotel"].id, "guests": 1, "check_in": d, "check_out": after},
    ).get_json()["id"]
    flat = next(r for r in w.c["baku"].rooms if r.kind == "flat")
    body = {"room_id": flat.id, "guests": 2, "check_in": d, "check_out": after, "company_id": w.ru.id}
    assert w.call("POST", "/api/v1/stays", user=w.staff_baku, json=body).status_code == 201
    office = next(r for r in w.c["baku"].rooms if r.kind == "office")
    rental = offices.request_rental(w.az_user, office.id, w.day, w.day + timedelta(days=90), 2, TOPIC)
    expo = exhibitions.create_exhibition(
        w.staff_baku,
        baku,
        {"az": "Xəzər sərgisi", "ru": "Каспийская выставка"},
        w.day,
        w.day,
        "A1 3x3\nA2 3x2",
    )
    exhibitions.request_stand(w.az_user, expo, 9, TOPIC)
    db.session.commit()
    pages = {
        "anonymous": [
            "/",
            "/companies",
            f"/companies?q={FIRMS[0]}",
            f"/companies/{w.az.id}",
            "/login",
            "/register",
            f"/events/{event.id}/about",
        ],
        "member": [
            "/",
            "/centers",
            f"/rooms/{kur}?date={d}",
            f"/rooms/{kur}?date={d}&view=week",
            f"/meetings/new?partner_id={w.ru2.id}&room_id={kur}&date={d}&start=14:00",
            f"/meetings/new?room_id={kur}&date={sunday}",  # the partner picker; a closed day's reason
            f"/meetings/{first}/cancel",
            "/meetings",
            f"/meetings/{first}",
            f"/meetings/{first}/reschedule?date={d}&start=15:30",  # the free-slot grid and the new time
            f"/meetings/agenda?date={d}",
            "/events",
            f"/events/{event.id}",
            f"/events/{event.id}/about",
            f"/events/{event.id}/agenda",
            f"/events/{event.id}/requests",
            f"/events/{event.id}/participants",
            "/stays",
            f"/stays/new?meeting_id={second.get_json()['id']}",
            f"/stays/{stay}",
            "/offices",
            f"/offices/{office.id}/request",
            f"/offices/rentals/{rental.id}",
            "/exhibitions",
            f"/exhibitions/{expo.id}",
            "/notifications",
            "/partners",
            "/partners?tab=interested",
            "/partners?tab=mutual",
            "/partners?tab=declined",
            "/home",
            f"/companies/{w.ru.id}",
            "/account",
        ],
        "staff": [
            "/home",
            f"/staff/centers/{baku}?date={d}",
            f"/staff/centers/{baku}/edit",
            f"/staff/centers/{baku}/rooms/new",
            f"/staff/rooms/{kur}/edit",
            f"/staff/centers/{baku}/hours",
            f"/staff/centers/{baku}/closures",
            f"/staff/centers/{baku}/occupancy?from={d}&to={d}",
            f"/events/{event.id}",
            f"/events/{event.id}/schedule",
            f"/events/{event.id}/meetings/{meeting_id}/cancel",
            f"/events/{event.id}/plan",
            f"/events/{event.id}/stats",
            f"/events/{event.id}/firms",
            "/events/new",
            f"/staff/centers/{baku}/stays?date={d}",
            f"/stays/new?center_id={baku}&check_in={d}&check_out={after}",
            f"/staff/centers/{baku}/offices",
            f"/staff/centers/{baku}/stays/rules",
            f"/offices/rentals/{rental.id}",
            f"/exhibitions/{expo.id}",
            "/exhibitions/new",
            "/staff/lexicon",
            "/staff/verification",
            f"/staff/verification/{w.az2.id}/reject",
            f"/companies/{w.az.id}/hide",
        ],
    }
    w.event = event
    return w, pages
