"""Centers and rooms: seed, availability (API and pages), staff pages and their permissions."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from matchmaker.centers import services
from matchmaker.centers.models import Center, Closure, Room
from matchmaker.extensions import db
from matchmaker.meetings.models import Meeting
from tests.booking_support import at


def test_seed_is_idempotent_and_believable(app):
    first = services.seed_centers()
    again = services.seed_centers()
    db.session.commit()
    assert "centers: 2 new" in first
    assert again.startswith("centers: 0 new, rooms: 0 new, holiday closures: 0 new, stay rules: 0 new")
    baku, astra = services.list_centers()
    assert (baku.timezone, astra.timezone) == ("Asia/Baku", "Europe/Astrakhan")
    assert baku.texts("name") == {
        "az": "Həştərxan Biznes Mərkəzi",
        "ru": "Астраханский бизнес-центр",
        "en": "Astrakhan Business Center",
    }
    assert astra.texts("city") == {"az": "Həştərxan", "ru": "Астрахань", "en": "Astrakhan"}
    assert {r.name_ru for r in astra.rooms} >= {"Переговорная 1", "Выставочный зал", "Конференц-зал"}
    assert all(r.name_az and r.name_ru and r.name_en for c in (baku, astra) for r in c.rooms)
    kinds = {r.kind for r in astra.rooms}
    assert {"exhibition_hall", "conference", "office", "hotel_room"} <= kinds
    assert all(not r.bookable for r in astra.rooms if r.kind == "hotel_room")
    seats = sorted(r.capacity for r in baku.rooms if r.kind == "meeting_room")
    assert seats[0] == 4
    assert seats[-1] == 12
    hours = services.week_hours(baku.id)
    assert hours[0][0][0].hour == 9
    assert hours[5][0][1].hour == 14
    assert hours[6] == []

    def closed(center, day):
        start = at(day, "12:00", center.timezone)
        return bool(services.closures_between(center.id, start, start + timedelta(minutes=1)))

    assert closed(baku, date(2027, 3, 22))
    assert closed(baku, date(2026, 12, 31))
    assert not closed(baku, date(2027, 1, 5))
    assert closed(astra, date(2027, 1, 5))
    assert closed(astra, date(2027, 6, 12))
    assert not closed(astra, date(2027, 3, 22))
    start = at(date(2027, 3, 22), "12:00", baku.timezone)
    (novruz,) = services.closures_between(baku.id, start, start + timedelta(minutes=1))
    assert novruz.texts("reason") == {"az": "Novruz bayramı", "ru": "Новруз байрамы", "en": "Novruz"}


def test_seed_gives_old_english_rows_their_three_names(app):
    """A database seeded before names had languages (migration 0005 moved the English names to the
    _en columns): seed-demo gives the seeded rows their names, and leaves renamed ones alone."""
    from matchmaker.centers.seed import CENTERS

    for spec in CENTERS:
        center = Center(slug=spec["slug"], country=spec["country"], timezone=spec["timezone"])
        center.name = {"en": spec["legacy_name"]}
        center.city = {"en": spec["city"]["en"]}
        db.session.add(center)
        db.session.flush()
        for _names, legacy, kind, _floor, seats, _equipment, _bookable in spec["rooms"][:2]:
            db.session.add(Room(center_id=center.id, name={"en": legacy}, kind=kind, capacity=seats))
    renamed = Room(center_id=center.id, name={"en": "Our own room"}, kind="office", capacity=3)
    db.session.add(renamed)
    holiday = services.add_closure(
        center,
        at(date(2027, 6, 12), "00:00", center.timezone),
        at(date(2027, 6, 13), "00:00", center.timezone),
        "holiday",
        {"en": "Russia Day"},
    )
    db.session.commit()

    summary = services.seed_centers()
    db.session.commit()
    assert "seeded rows given their az, ru and en names" in summary
    baku, astra = services.list_centers()
    assert baku.texts("name")["az"] == "Həştərxan Biznes Mərkəzi"
    assert baku.texts("description")["ru"].startswith("Семиэтажное здание в Баку")
    assert astra.texts("address") == {
        "az": "Həştərxan, Rusiya",
        "ru": "Астрахань, Россия",
        "en": "Astrakhan, Russia",
    }
    by_en = {r.name_en: r for r in astra.rooms}
    assert by_en["Meeting room 1"].name_ru == "Переговорная 1"  # was "Negotiation room 1"
    assert "Negotiation room 1" not in by_en
    assert len(astra.rooms) == len(CENTERS[1]["rooms"]) + 1
    assert by_en["Our own room"].name_az is None  # not a seeded name: left alone
    db.session.refresh(holiday)
    assert holiday.texts("reason") == {"az": "Rusiya Günü", "ru": "День России", "en": "Russia Day"}
    assert (
        services.seed_centers() == "centers: 0 new, rooms: 0 new, holiday closures: 0 new, stay rules: 0 new"
    )


def test_api_centers_and_availability(w):
    r = w.call("GET", "/api/v1/centers")
    assert r.status_code == 200
    items = r.get_json()["items"]
    assert [c["timezone"] for c in items] == ["Asia/Baku", "Europe/Astrakhan"]
    assert any(room["name"] == "Exhibition hall" for room in items[1]["rooms"])
    assert items[0]["names"]["az"] == "Həştərxan Biznes Mərkəzi"
    assert items[0]["timezone_name"].startswith("Baku time")
    hall = next(room for room in items[1]["rooms"] if room["kind"] == "exhibition_hall")
    assert hall["names"] == {"az": "Sərgi zalı", "ru": "Выставочный зал", "en": "Exhibition hall"}
    assert set(hall["equipment"]) == {"sound_system", "stands", "wifi"}
    ru = w.call("GET", "/api/v1/centers?lang=ru").get_json()["items"]
    assert ru[0]["name"] == "Астраханский бизнес-центр"
    assert ru[0]["city"] == "Баку"
    assert "проектор" in ru[0]["rooms"][3]["equipment_labels"]
    assert w.client.get("/api/v1/centers").status_code == 401

    w.book()
    r = w.call("GET", f"/api/v1/rooms/{w.c['kur'].id}/availability?date={w.day.isoformat()}")
    body = r.get_json()
    d = w.day.isoformat()
    assert r.status_code == 200
    assert body["timezone"] == "Asia/Baku"
    assert body["utc_offset"] == "+04:00"
    assert body["taken"] == [
        {
            "start": f"{d}T10:00:00+04:00",
            "end": f"{d}T11:00:00+04:00",
            "kind": "meeting",
            "status": "requested",
            "reason": "",
        }
    ]
    assert [(f["start"], f["end"]) for f in body["free"]] == [
        (f"{d}T09:00:00+04:00", f"{d}T10:00:00+04:00"),
        (f"{d}T11:00:00+04:00", f"{d}T18:00:00+04:00"),
    ]
    r = w.call("GET", f"/api/v1/rooms/{w.c['neg1'].id}/availability?date={d}")
    assert r.get_json()["free"][0]["start"] == f"{d}T09:00:00+04:00"  # Astrakhan is UTC+4 as well
    r = w.call("GET", f"/api/v1/rooms/{w.c['kur'].id}/availability?date=2027-03-22")  # Novruz
    assert r.get_json()["free"] == []
    assert r.get_json()["taken"][0]["kind"] == "closure"
    assert r.get_json()["taken"][0]["reasons"]["az"] == "Novruz bayramı"


@pytest.mark.parametrize(
    "query", ["", "?date=", "?date=22.03.2027", "?date=2027-02-30", "?date=0001-01-01", "?date=99999-01-01"]
)
def test_availability_bad_dates_are_422(w, query):
    r = w.call("GET", f"/api/v1/rooms/{w.c['kur'].id}/availability{query}")
    assert r.status_code == 422
    assert "date" in r.get_json()["error"]["fields"]


def test_availability_unknown_room_is_404(w):
    r = w.call("GET", "/api/v1/rooms/424242/availability?date=2027-01-05")
    assert r.status_code == 404
    assert r.get_json()["error"]["code"] == "not_found"


def test_room_pages_label_the_zone(w):
    w.book()
    d = w.day.isoformat()
    text = w.client.get(f"/rooms/{w.c['kur'].id}?date={d}").get_data(as_text=True)
    assert "10:00–11:00, Baku time (UTC+4)" in text
    assert "09:00–10:00, Baku time (UTC+4)" in text
    assert "Asia/Baku" not in text.replace('"Asia/Baku"', "")
    az = w.client.get(f"/rooms/{w.c['kur'].id}?date={d}&lang=az").get_data(as_text=True)
    assert "10:00–11:00, Bakı vaxtı (UTC+4)" in az
    assert "Kür danışıqlar otağı" in az
    ru = w.client.get(f"/rooms/{w.c['kur'].id}?date={d}&lang=ru").get_data(as_text=True)
    assert "10:00–11:00, время Баку (UTC+4)" in ru
    assert "Переговорная «Кура»" in ru
    assert "8 мест" in ru
    w.client.get("/?lang=en")
    week = w.client.get(f"/rooms/{w.c['kur'].id}?date={d}&view=week").get_data(as_text=True)
    assert week.count("room-day") == 7
    assert w.client.get("/centers").status_code == 200
    for bad in ("?date=nonsense", "?date=2027-13-01", "?view=year"):
        assert w.client.get(f"/rooms/{w.c['kur'].id}{bad}").status_code == 200
    assert w.client.get("/rooms/999999").status_code == 404
    w.ru_user.timezone = "Europe/Moscow"
    db.session.commit()
    w.login(w.ru_user)
    text = w.client.get(f"/rooms/{w.c['kur'].id}?date={d}").get_data(as_text=True)
    assert "09:00–10:00, Moscow time (UTC+3)" in text
    text = w.client.get(f"/rooms/{w.c['kur'].id}?date={d}&lang=ru").get_data(as_text=True)
    assert "09:00–10:00, время Москвы (UTC+3)" in text


def staff_urls(w, center):
    room = next(r for r in center.rooms)
    return [
        f"/staff/centers/{center.id}",
        f"/staff/centers/{center.id}/rooms/new",
        f"/staff/rooms/{room.id}/edit",
        f"/staff/centers/{center.id}/hours",
        f"/staff/centers/{center.id}/closures",
        f"/staff/centers/{center.id}/occupancy",
        f"/staff/centers/{center.id}/bookings.csv",
    ]


def test_staff_permissions_matrix(w):
    baku_urls, astra_urls = staff_urls(w, w.c["baku"]), staff_urls(w, w.c["astrakhan"])
    for url in baku_urls:
        r = w.client.get(url)
        assert r.status_code == 302, url
        assert "/login" in r.headers["Location"], url
    for user, baku, astra in [
        (w.az_user, 403, 403),
        (w.staff_baku, 200, 403),
        (w.staff_astra, 403, 200),
        (w.admin, 200, 200),
    ]:
        w.login(user)
        for url in baku_urls:
            assert w.client.get(url).status_code == baku, (user.email, url)
        for url in astra_urls:
            assert w.client.get(url).status_code == astra, (user.email, url)
    w.login(w.staff_astra)
    r = w.client.post(
        f"/staff/centers/{w.c['baku'].id}/rooms/new", data={"name": "X", "kind": "office", "capacity": 3}
    )
    assert r.status_code == 403
    assert w.client.get("/staff/centers").status_code == 302  # straight to their one center


def test_rooms_crud_with_field_errors(w):
    w.login(w.staff_baku)
    url = f"/staff/centers/{w.c['baku'].id}/rooms/new"
    r = w.client.post(
        url,
        data={
            "name_az": "Yeni otaq",
            "name_ru": "переговорная «кура»",
            "kind": "meeting_room",
            "capacity": 5,
        },
    )
    assert r.status_code == 422
    assert "already has a room" in r.get_data(as_text=True)
    r = w.client.post(
        url, data={"name_az": "", "name_ru": "Без имени", "kind": "spaceship", "capacity": "lots"}
    )
    assert r.status_code == 422
    assert 'id="name_az-error"' in r.get_data(as_text=True)
    r = w.client.post(
        url, data={"name_az": "Şahdağ", "kind": "office", "capacity": 3, "equipment": "teleport"}
    )
    assert r.status_code == 422
    assert 'id="equipment-error"' in r.get_data(as_text=True)
    r = w.client.post(
        url,
        data={
            "name_az": "Şahdağ danışıqlar otağı",
            "name_ru": "Переговорная «Шахдаг»",
            "name_en": "",
            "description_ru": "Окна на море",
            "kind": "meeting_room",
            "capacity": 5,
            "equipment": ["wifi", "screen"],
            "bookable": "y",
            "active": "y",
        },
    )
    assert r.status_code == 302
    room = db.session.scalar(select(Room).where(Room.name_az == "Şahdağ danışıqlar otağı"))
    assert room.equipment == ["screen", "wifi"]
    assert room.bookable
    assert room.name_en is None
    assert room.texts("description") == {
        "az": None,
        "ru": "Окна на море",
        "en": None,
    }
    ru = w.client.get(f"/rooms/{room.id}?lang=ru").get_data(as_text=True)
    assert "Переговорная «Шахдаг»" in ru
    assert "экран, Wi-Fi" in ru
    assert "Окна на море" in ru
    en = w.client.get(f"/rooms/{room.id}?lang=en").get_data(as_text=True)
    assert "Şahdağ danışıqlar otağı" in en  # no English name: the Azerbaijani one
    form = w.client.get(f"/staff/rooms/{room.id}/edit").get_data(as_text=True)
    assert 'value="Переговорная «Шахдаг»"' in form
    checked = set(
        re.findall(r'<input checked id="equipment-\d+" name="equipment" type="checkbox" value="(\w+)">', form)
    )
    assert checked == {"screen", "wifi"}
    r = w.client.post(
        f"/staff/rooms/{room.id}/edit",
        data={"name_az": room.name_az, "kind": "office", "capacity": 7, "active": "y"},
    )
    assert r.status_code == 302
    db.session.refresh(room)
    assert room.capacity == 7
    assert not room.bookable
    assert room.name_ru is None
    assert room.equipment == []
    assert w.book(room=room).status_code == 422


def test_shrinking_a_room_below_a_booking_is_a_field_error(w):
    assert w.book(attendees=6).status_code == 201
    w.login(w.staff_baku)
    room = w.c["kur"]
    data = {"name_az": room.name_az, "kind": room.kind, "capacity": 4, "bookable": "y", "active": "y"}
    r = w.client.post(f"/staff/rooms/{room.id}/edit", data=data)
    assert r.status_code == 422
    assert "up to 6 people" in r.get_data(as_text=True)
    assert w.client.post(f"/staff/rooms/{room.id}/edit", data={**data, "capacity": 6}).status_code == 302


def test_hours_form(w):
    w.login(w.staff_baku)
    url = f"/staff/centers/{w.c['baku'].id}/hours"
    data = {f"day{d}_opens": "09:00" for d in range(5)} | {f"day{d}_closes": "17:00" for d in range(5)}
    assert w.client.post(url, data={**data, "day0_closes": ""}).status_code == 422
    assert w.client.post(url, data={**data, "day1_closes": "08:00"}).status_code == 422
    assert w.client.post(url, data={**data, "day2_opens": "25:99"}).status_code == 422
    assert w.client.post(url, data=data).status_code == 302
    assert w.book(start="17:00", end="17:30").status_code == 422  # closes at 17:00 now
    assert w.book(user=w.az_user, start="16:00", end="17:00").status_code == 201


def test_block_warns_about_meetings_and_can_cancel_them(w):
    mid = w.book().get_json()["id"]
    w.login(w.staff_baku)
    url = f"/staff/centers/{w.c['baku'].id}/closures"
    data = {
        "room_id": w.c["kur"].id,
        "start_date": w.day.isoformat(),
        "start_time": "09:30",
        "end_date": w.day.isoformat(),
        "end_time": "12:00",
        "kind": "maintenance",
        "reason_az": "Proyektorun təmiri",
        "reason_ru": "Ремонт проектора",
    }
    r = w.client.post(url, data=data)
    assert r.status_code == 409
    assert "ООО Волга Агро" in r.get_data(as_text=True)
    assert db.session.scalar(select(func.count(Closure.id)).where(Closure.kind == "maintenance")) == 0
    r = w.client.post(url, data={**data, "cancel_meetings": "y"})
    assert r.status_code == 302
    db.session.expire_all()
    assert db.session.get(Meeting, mid).status == "cancelled"
    r = w.book(user=w.az2_user, partner=w.ru2, start="11:00", end="12:00")
    assert r.status_code == 422
    assert "start" in r.get_json()["error"]["fields"]
    assert (
        w.book(user=w.az2_user, partner=w.ru2, room=w.c["volga"]).status_code == 201
    )  # other rooms are fine
    r = w.client.post(url, data={**data, "end_date": (w.day - timedelta(days=1)).isoformat()})
    assert r.status_code == 422
    closure = db.session.scalar(select(Closure).where(Closure.kind == "maintenance"))
    assert closure.texts("reason") == {"az": "Proyektorun təmiri", "ru": "Ремонт проектора", "en": None}
    ru = w.client.get(f"/staff/centers/{w.c['baku'].id}/closures?lang=ru").get_data(as_text=True)
    assert "Техническое обслуживание: Ремонт проектора" in ru
    assert (
        w.client.post(url, data={**data, "reason_az": "", "reason_ru": "Только по-русски"}).status_code == 422
    )
    w.client.get("/?lang=en")
    w.login(w.staff_astra)
    assert w.client.post(f"/staff/closures/{closure.id}/delete").status_code == 403
    w.login(w.staff_baku)
    assert w.client.post(f"/staff/closures/{closure.id}/delete").status_code == 302


def test_bookings_occupancy_and_csv(w):
    w.book(topic='=HYPERLINK("http://evil")')
    w.book(user=w.az2_user, partner=w.ru2, room=w.c["volga"], start="14:00", end="16:00")
    w.login(w.staff_baku)
    d = w.day.isoformat()
    text = w.client.get(f"/staff/centers/{w.c['baku'].id}?date={d}").get_data(as_text=True)
    assert "Gəncə Aqro MMC" in text
    assert "10:00–11:00, Baku time (UTC+4)" in text
    assert w.client.get(f"/staff/centers/{w.c['baku'].id}?date=bad").status_code == 422
    r = w.client.get(f"/staff/centers/{w.c['baku'].id}/occupancy?from={d}&to={d}")
    assert r.status_code == 200
    assert "22.2%" in r.get_data(as_text=True)
    assert (
        w.client.get(f"/staff/centers/{w.c['baku'].id}/occupancy?from={d}&to=2000-01-01").status_code == 422
    )
    r = w.client.get(f"/staff/centers/{w.c['baku'].id}/bookings.csv?from={d}&to={d}")
    assert r.status_code == 200
    assert r.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(r.get_data(as_text=True).lstrip("\ufeff"))))
    assert len(rows) == 2
    assert rows[0]["local_start"] == f"{d}T10:00+04:00"
    assert rows[0]["timezone"] == "Asia/Baku"
    assert rows[0]["topic"].startswith("'=")
    assert w.client.get(f"/staff/centers/{w.c['baku'].id}/bookings.csv?from=x").status_code == 400


def test_staff_of_a_center_cannot_manage_the_other(app, factory):
    services.seed_centers()
    baku, astra = db.session.scalars(select(Center).order_by(Center.id)).all()
    staff = factory.user(role="staff")
    staff.center_id = baku.id
    assert staff.can_manage_center(baku.id)
    assert not staff.can_manage_center(astra.id)


def test_staff_edit_the_center_names(w):
    w.login(w.staff_baku)
    url = f"/staff/centers/{w.c['baku'].id}/edit"
    form = w.client.get(url).get_data(as_text=True)
    assert 'value="Həştərxan Biznes Mərkəzi"' in form
    assert 'lang="ru"' in form
    data = {
        "name_az": "Həştərxan Biznes Mərkəzi (Bakı)",
        "name_ru": "Астраханский бизнес-центр в Баку",
        "name_en": "",
        "city_az": "Bakı",
        "city_ru": "Баку",
        "address_az": "Bakı, Nizami küçəsi 1",
    }
    assert w.client.post(url, data={**data, "city_az": ""}).status_code == 422
    assert w.client.post(url, data=data).status_code == 302
    db.session.expire_all()
    baku = db.session.get(Center, w.c["baku"].id)
    assert baku.texts("name") == {"az": data["name_az"], "ru": data["name_ru"], "en": None}
    assert baku.texts("city") == {"az": "Bakı", "ru": "Баку", "en": None}
    en = w.client.get("/centers?lang=en").get_data(as_text=True)
    assert "Həştərxan Biznes Mərkəzi (Bakı)" in en
    assert "Bakı, Nizami küçəsi 1" in en
    w.login(w.staff_astra)
    assert w.client.post(url, data=data).status_code == 403
