"""Stay pages: planning a visit from a meeting or a brokerage-day registration, the agenda and the
calendar feed with the stay, staff confirmation, occupancy and exports."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime, time, timedelta

import pytest
from icalendar import Calendar
from sqlalchemy import select

from matchmaker.centers.models import Room
from matchmaker.events import services as events
from matchmaker.extensions import db
from matchmaker.stays.models import Stay, StayStatus
from tests.booking_support import ASTRAKHAN, World


@pytest.fixture
def w(client, factory):
    world = World(factory, client)
    world.c["flat701"] = db.session.scalar(select(Room).where(Room.name_en == "Flat 701"))
    return world


def _input(page: str, name: str) -> str:
    match = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', page) or re.search(
        rf'<input[^>]*value="([^"]*)"[^>]*name="{name}"', page
    )
    assert match, name
    return match.group(1)


def _meeting(w, day, start, end, partner=None, user=None):
    r = w.book(user=user, partner=partner, room=w.c["neg1"], start=start, end=end, tz=ASTRAKHAN)
    assert r.status_code == 201, r.get_json()
    return r.get_json()["id"]


def test_plan_a_visit_from_a_meeting(w, client):
    day = w.day
    # a morning meeting (before the 14:00 check-in: arrive the evening before) and one the next
    # afternoon (after the 12:00 check-out: leave the morning after)
    first = _meeting(w, day, "10:00", "11:00")
    w.day = day + timedelta(days=1)
    _meeting(w, w.day, "16:00", "17:00", partner=w.ru2)
    w.login(w.az_user)
    page = client.get(f"/stays/new?meeting_id={first}&lang=az")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert _input(html, "check_in") == (day - timedelta(days=1)).isoformat()
    assert _input(html, "check_out") == (day + timedelta(days=2)).isoformat()
    assert w.ru.name in html
    assert w.ru2.name in html
    assert "Mini-otel otağı 1" in html  # the free rooms per night, in Azerbaijani
    # book it
    r = client.post(
        "/stays/new",
        data={
            "room_id": w.c["hotel"].id,
            "check_in": (day - timedelta(days=1)).isoformat(),
            "check_out": (day + timedelta(days=2)).isoformat(),
            "guests": "2",
            "arrival_time": "20:00",
            "notes": "",
        },
    )
    assert r.status_code == 302, r.get_data(as_text=True)
    stay = db.session.scalar(select(Stay))
    assert stay.company_id == w.az.id
    assert stay.status == StayStatus.REQUESTED
    assert stay.nights == 3
    # the list of meetings and the agenda show the meetings and the stay together
    listing = client.get("/meetings?lang=az").get_data(as_text=True)
    assert w.ru.name in listing
    assert "Mini-otel otağı 1" in listing
    agenda = client.get(f"/meetings/agenda?date={day.isoformat()}&lang=ru").get_data(as_text=True)
    assert w.ru.name in agenda
    assert "Номер мини-гостиницы 1" in agenda
    # the calendar feed carries the stay
    page = client.post("/account/calendar-feed").get_data(as_text=True)  # shown once, stored hashed
    address = re.search(r"https?://[^/<\s]+(/calendar/[^<\s]+\.ics)", page).group(1)
    feed = client.get(address)
    cal = Calendar.from_ical(feed.data)
    uids = {str(ev["uid"]) for ev in cal.walk("VEVENT")}
    assert stay.uid in uids
    assert len(uids) == 3
    ev = next(ev for ev in cal.walk("VEVENT") if str(ev["uid"]) == stay.uid)
    assert ev.decoded("dtstart").date() == stay.check_in
    assert ev.decoded("dtstart").hour == 14
    assert str(ev["status"]) == "TENTATIVE"
    # a meeting of another firm cannot be planned around
    w.login(w.az2_user)
    assert client.get(f"/stays/new?meeting_id={first}").status_code == 403


def test_plan_a_visit_from_a_brokerage_day_registration(w, client):
    day = w.day + timedelta(days=7)
    event = events.save_event(
        w.staff_astra,
        {
            "center_id": w.c["astrakhan"].id,
            "title": {"az": "Aqrar günü", "ru": "День агробизнеса", "en": "Agro day"},
            "description": {"az": "", "ru": "", "en": ""},
            "day": day,
            "sessions": [(time(10), time(13)), (time(14, 30), time(17, 30))],
            "slot_minutes": 20,
            "tables": 4,
            "room_ids": [],
            "max_meetings": 5,
            "request_deadline": datetime.combine(day - timedelta(days=2), time(12), tzinfo=UTC),
        },
    )
    events.change_status(event, "open")
    events.register(event, w.az_user)
    db.session.commit()
    w.login(w.az_user)
    detail = client.get(f"/events/{event.id}?lang=ru").get_data(as_text=True)
    assert f"/stays/new?event_id={event.id}" in detail
    html = client.get(f"/stays/new?event_id={event.id}").get_data(as_text=True)
    # 10:00–17:30: the night before and the night of the day
    assert _input(html, "check_in") == (day - timedelta(days=1)).isoformat()
    assert _input(html, "check_out") == (day + timedelta(days=1)).isoformat()
    # booked, the stay shows on the brokerage day's agenda once the schedule is published
    r = client.post(
        "/stays/new",
        data={
            "room_id": w.c["hotel"].id,
            "check_in": (day - timedelta(days=1)).isoformat(),
            "check_out": (day + timedelta(days=1)).isoformat(),
            "guests": "1",
        },
    )
    assert r.status_code == 302
    from matchmaker.events import scheduling

    scheduling.run_schedule(event)
    scheduling.publish(event)
    db.session.commit()
    agenda = client.get(f"/events/{event.id}/agenda?lang=az").get_data(as_text=True)
    assert "Mini-otel otağı 1" in agenda


def test_staff_book_for_a_firm_and_see_occupancy_and_exports(w, client):
    w.login(w.staff_baku)
    check_in = w.day
    r = client.post(
        f"/stays/new?center_id={w.c['baku'].id}",
        data={"company_id": "0", "room_id": w.c["flat701"].id, "check_in": check_in.isoformat()},
    )
    assert r.status_code == 422
    assert "company_id-error" in r.get_data(as_text=True)
    r = client.post(
        f"/stays/new?center_id={w.c['baku'].id}",
        data={
            "company_id": w.ru.id,
            "room_id": w.c["flat701"].id,
            "check_in": check_in.isoformat(),
            "check_out": (check_in + timedelta(days=1)).isoformat(),
            "guests": "2",
        },
    )
    assert r.status_code == 422  # Baku's flats: at least two nights
    assert "2" in r.get_data(as_text=True)
    r = client.post(
        f"/stays/new?center_id={w.c['baku'].id}",
        data={
            "company_id": w.ru.id,
            "room_id": w.c["flat701"].id,
            "check_in": check_in.isoformat(),
            "check_out": (check_in + timedelta(days=3)).isoformat(),
            "guests": "9",
        },
    )
    assert r.status_code == 422
    assert "guests-error" in r.get_data(as_text=True)
    r = client.post(
        f"/stays/new?center_id={w.c['baku'].id}",
        data={
            "company_id": w.ru.id,
            "room_id": w.c["flat701"].id,
            "check_in": check_in.isoformat(),
            "check_out": (check_in + timedelta(days=3)).isoformat(),
            "guests": "3",
            "arrival_time": "15:30",
        },
    )
    assert r.status_code == 302
    stay = db.session.scalar(select(Stay))
    assert stay.company_id == w.ru.id
    assert stay.status == StayStatus.CONFIRMED
    page = client.get(f"/staff/centers/{w.c['baku'].id}/stays?date={check_in.isoformat()}&lang=az")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert w.ru.name in html
    assert "15:30" in html
    csv = client.get(f"/staff/centers/{w.c['baku'].id}/stays.csv?from={check_in.isoformat()}")
    assert csv.status_code == 200
    assert stay.uid in csv.get_data(as_text=True)
    xlsx = client.get(f"/staff/centers/{w.c['baku'].id}/stays.xlsx?from={check_in.isoformat()}")
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(xlsx.data))
    assert book["stays"]["B2"].value == stay.uid
    assert book["occupancy"]["B2"].value == "confirmed"
    # another center's staff may not see it
    w.login(w.staff_astra)
    assert client.get(f"/staff/centers/{w.c['baku'].id}/stays").status_code == 403
    assert client.get(f"/stays/{stay.id}").status_code == 403
    # the firm cancels; the nights are free again
    w.login(w.ru_user)
    assert client.post(f"/stays/{stay.id}/cancel", data={"reason": "Рейс отменён"}).status_code == 302
    db.session.refresh(stay)
    assert stay.status == StayStatus.CANCELLED
    assert not stay.active


def test_staff_set_their_centers_stay_rules(w, client):
    astra = w.c["astrakhan"].id
    w.login(w.staff_baku)
    assert client.get(f"/staff/centers/{astra}/stays/rules").status_code == 403
    w.login(w.staff_astra)
    page = client.get(f"/staff/centers/{astra}/stays/rules?lang=ru")
    assert page.status_code == 200
    assert "Правила проживания" in page.get_data(as_text=True)
    rules = {"check_in_from": "15:00", "check_out_until": "11:00", "min_nights": "3", "max_nights": "2"}
    r = client.post(f"/staff/centers/{astra}/stays/rules", data=rules)
    assert r.status_code == 422
    assert "max_nights-error" in r.get_data(as_text=True)
    rules["max_nights"] = "14"  # and no confirmation any more (the box unticked)
    assert client.post(f"/staff/centers/{astra}/stays/rules", data=rules).status_code == 302
    body = {"room_id": w.c["hotel"].id, "guests": 1, "check_in": w.day.isoformat()}
    r = w.call("POST", "/api/v1/stays", json={**body, "check_out": (w.day + timedelta(days=2)).isoformat()})
    assert r.status_code == 422
    assert "check_out" in r.get_json()["error"]["fields"]
    r = w.call(
        "POST",
        "/api/v1/stays",
        json={**body, "check_out": (w.day + timedelta(days=3)).isoformat(), "arrival_time": "14:30"},
    )
    assert r.status_code == 422
    assert "arrival_time" in r.get_json()["error"]["fields"]
    r = w.call("POST", "/api/v1/stays", json={**body, "check_out": (w.day + timedelta(days=3)).isoformat()})
    assert r.status_code == 201
    assert r.get_json()["status"] == "confirmed"


def test_staff_book_for_any_firm_of_a_large_directory(w, client):
    """Not a list of the first 500 firms: the staff search a firm by name and book by its number."""
    from matchmaker.companies.models import Company

    db.session.add_all(
        Company(
            name=f"Aaa Firm {i:03d}",
            country="RU",
            city="Москва",
            sectors=[],
            offers=[],
            needs=[],
            languages=[],
        )
        for i in range(510)
    )
    last = Company(
        name="Zzz Last Firm", country="RU", city="Москва", sectors=[], offers=[], needs=[], languages=[]
    )
    db.session.add(last)
    db.session.commit()
    w.login(w.staff_baku)
    page = client.get(f"/stays/new?center_id={w.c['baku'].id}&firm=zzz last&lang=ru").get_data(as_text=True)
    assert "Zzz Last Firm" in page
    assert f"company_id={last.id}" in page
    assert "Aaa Firm" not in page
    page = client.get(f"/stays/new?center_id={w.c['baku'].id}&company_id={last.id}").get_data(as_text=True)
    assert f'value="{last.id}"' in page
    check_in = w.day
    data = {
        "room_id": w.c["flat701"].id,
        "check_in": check_in.isoformat(),
        "check_out": (check_in + timedelta(days=3)).isoformat(),
        "guests": "2",
    }
    for bad in ("abc", "99999999"):
        r = client.post(f"/stays/new?center_id={w.c['baku'].id}", data={**data, "company_id": bad})
        assert r.status_code == 422
        assert "company_id-error" in r.get_data(as_text=True)
    r = client.post(f"/stays/new?center_id={w.c['baku'].id}", data={**data, "company_id": str(last.id)})
    assert r.status_code == 302
    assert db.session.scalar(select(Stay)).company_id == last.id


def test_the_stay_exports_keep_formulas_as_text_and_carry_a_bom(w, client):
    from openpyxl import load_workbook

    w.c["flat701"].name_az = w.c["flat701"].name_ru = w.c["flat701"].name_en = "=SUM(A1:A9)"
    db.session.commit()
    w.login(w.staff_baku)
    check_in = w.day
    r = client.post(
        f"/stays/new?center_id={w.c['baku'].id}",
        data={
            "company_id": w.ru.id,
            "room_id": w.c["flat701"].id,
            "check_in": check_in.isoformat(),
            "check_out": (check_in + timedelta(days=3)).isoformat(),
            "guests": "2",
        },
    )
    assert r.status_code == 302
    body = client.get(f"/staff/centers/{w.c['baku'].id}/stays.csv?from={check_in.isoformat()}").data
    assert body.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0]["room"] == "'=SUM(A1:A9)"
    xlsx = client.get(f"/staff/centers/{w.c['baku'].id}/stays.xlsx?from={check_in.isoformat()}")
    book = load_workbook(io.BytesIO(xlsx.data))
    cell = book["stays"]["E2"]
    assert (cell.value, cell.data_type) == ("=SUM(A1:A9)", "s")
    assert any(c.value == "=SUM(A1:A9)" and c.data_type == "s" for c in book["occupancy"]["A"])


def test_a_draft_brokerage_day_plans_no_visit(w, client):
    day = w.day + timedelta(days=7)
    event = events.save_event(
        w.staff_astra,
        {
            "center_id": w.c["astrakhan"].id,
            "title": {"az": "Qaralama", "ru": "Черновик", "en": "Draft"},
            "description": {"az": "", "ru": "", "en": ""},
            "day": day,
            "sessions": [(time(10), time(13))],
            "slot_minutes": 20,
            "tables": 4,
            "room_ids": [],
            "max_meetings": 5,
            "request_deadline": datetime.combine(day - timedelta(days=2), time(12), tzinfo=UTC),
        },
    )
    db.session.commit()
    assert event.status == "draft"
    w.login(w.az_user)
    assert client.get(f"/stays/new?event_id={event.id}").status_code == 404
    assert client.get("/stays/new?event_id=99999999").status_code == 404
