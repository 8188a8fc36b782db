"""Booking that shows what is free: the grid of free start times (opening hours, past times, taken
slots, the firms' own meetings, Sunday, holidays and closures with their reasons, the center's zone)
and the /meetings/new steps that use it, without JavaScript."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from matchmaker.centers import services as centers
from matchmaker.centers.models import Closure
from matchmaker.core import timeslots
from matchmaker.extensions import db
from matchmaker.meetings import slots
from matchmaker.meetings.models import Meeting
from tests.booking_support import ASTRAKHAN, BAKU, at


def clocks(grid) -> list[str]:
    return [s.astimezone(ZoneInfo(grid.tz_name)).strftime("%H:%M") for s in grid.starts]


def the_day_before(day: date, tz: str = BAKU) -> datetime:
    return at(day - timedelta(days=1), "12:00", tz)


def grid_on_page(text: str) -> list[str]:
    block = re.search(r'<ul class="slot-grid".*?</ul>', text, re.S)
    return re.findall(r">(\d\d:\d\d)</a>", block.group(0)) if block else []


# the pure core ----------------------------------------------------------------------------------
def test_start_times_fit_whole_meetings_on_the_half_hour():
    tz = ZoneInfo(BAKU)
    day = date(2030, 1, 8)
    free = [(datetime(2030, 1, 8, 9, tzinfo=tz), datetime(2030, 1, 8, 11, 10, tzinfo=tz))]
    starts = timeslots.start_times(free, 60, 30)
    assert [s.astimezone(tz).strftime("%H:%M") for s in starts] == ["09:00", "09:30", "10:00"]
    late = datetime(2030, 1, 8, 9, 41, tzinfo=tz)
    assert [s.astimezone(tz).strftime("%H:%M") for s in timeslots.start_times(free, 30, 30, late)] == [
        "10:00",
        "10:30",
    ]
    assert timeslots.start_times(free, 150, 30) == []
    assert timeslots.start_times([], 30) == []
    assert day.weekday() == 1


# the service ------------------------------------------------------------------------------------
def test_a_free_day_offers_every_start_within_the_opening_hours(w):
    grid = slots.day_grid(w.c["kur"], w.day, 60, now=the_day_before(w.day))
    assert grid.closed == ""
    assert clocks(grid)[0] == "09:00"
    assert clocks(grid)[-1] == "17:00"
    assert len(grid.starts) == 17  # 09:00 … 17:00 every half hour; the last one ends at closing time
    assert clocks(slots.day_grid(w.c["kur"], w.day, 120, now=the_day_before(w.day)))[-1] == "16:00"


def test_past_times_are_not_offered(w):
    grid = slots.day_grid(w.c["kur"], w.day, 30, now=at(w.day, "12:10"))
    assert clocks(grid)[0] == "12:30"
    assert clocks(grid)[-1] == "17:30"
    over = slots.day_grid(w.c["kur"], w.day, 30, now=at(w.day, "17:45"))
    assert over.starts == []
    assert over.closed == ""
    gone = slots.day_grid(w.c["kur"], w.day, 30, now=at(w.day + timedelta(days=1), "08:00"))
    assert gone.starts == []
    assert gone.closed == "This day is over."
    # the room page does not list past hours as free either
    view = centers.room_day(w.c["kur"], w.day, now=at(w.day, "12:10"))
    assert [(s.start, s.end) for s in view.free] == [(at(w.day, "12:10"), at(w.day, "18:00"))]


def test_taken_slots_and_the_firms_own_meetings_are_left_out(w):
    # (now: the real one, as requests are held for three days from now)
    assert w.book(start="10:00", end="11:00").status_code == 201  # az + ru in Kür
    assert (
        w.book(user=w.az2_user, partner=w.ru2, room=w.c["volga"], start="14:00", end="15:00").status_code
        == 201
    )
    kur = clocks(slots.day_grid(w.c["kur"], w.day, 60))
    assert "09:00" in kur
    assert "11:00" in kur
    assert not {"09:30", "10:00", "10:30"} & set(kur)
    volga = clocks(slots.day_grid(w.c["volga"], w.day, 60, (w.az.id, w.ru.id)))
    assert not {"09:30", "10:00", "10:30", "13:30", "14:00", "14:30"} & set(volga)  # az+ru busy; room taken
    other_firms = clocks(slots.day_grid(w.c["volga"], w.day, 60, (w.az2.id, w.ru.id)))
    assert "10:00" not in other_firms
    assert "14:00" not in other_firms
    assert "11:00" in other_firms


def test_the_centers_zone_sets_the_clock(w):
    astra = slots.day_grid(w.c["neg1"], w.day, 60, now=the_day_before(w.day, ASTRAKHAN))
    assert clocks(astra)[0] == "09:00"
    assert astra.starts[0] == at(w.day, "09:00", ASTRAKHAN)
    assert astra.starts[0].astimezone(UTC).hour == 5
    w.c["astrakhan"].timezone = "Europe/Moscow"  # UTC+3: the same wall clock is an hour later in UTC
    db.session.flush()
    moscow = slots.day_grid(w.c["neg1"], w.day, 60, now=the_day_before(w.day, ASTRAKHAN))
    assert clocks(moscow)[0] == "09:00"
    assert moscow.starts[0].astimezone(UTC).hour == 6
    db.session.rollback()


def _sunday(w) -> date:
    return w.day + timedelta(days=(6 - w.day.weekday()) % 7)


def _weekday_holiday(w, center="baku") -> Closure:
    soon = datetime.now(UTC) + timedelta(days=1)
    tz = ZoneInfo(w.c[center].timezone)
    holidays = db.session.scalars(
        select(Closure)
        .where(Closure.center_id == w.c[center].id, Closure.kind == "holiday", Closure.start_at > soon)
        .order_by(Closure.start_at)
    ).all()
    holiday = next((h for h in holidays if h.start_at.astimezone(tz).weekday() < 5), None)
    if holiday is None:
        pytest.skip("no seeded weekday holiday ahead")
    return holiday


@pytest.mark.parametrize(
    "lang, sunday, holiday_word",
    [
        ("az", "Mərkəz bazar günü işləmir.", "Bayram günü"),
        ("ru", "воскресенье", "Праздник"),
        ("en", "Sunday", "holiday"),
    ],
)
def test_a_closed_day_says_why_in_the_readers_language(w, app, lang, sunday, holiday_word):
    holiday = _weekday_holiday(w)
    holiday_day = holiday.start_at.astimezone(ZoneInfo(BAKU)).date()
    with app.test_request_context(f"/?lang={lang}"):
        from flask_babel import refresh

        refresh()
        grid = slots.day_grid(w.c["kur"], _sunday(w), 60)
        assert grid.starts == [], grid.closed
        assert sunday in grid.closed, grid.closed
        grid = slots.day_grid(w.c["kur"], holiday_day, 60)
        assert grid.starts == []
        assert holiday_word in grid.closed
        assert holiday.texts("reason")[lang].split(";")[0] in grid.closed


def test_a_closure_names_its_reason_and_a_partial_one_only_removes_its_hours(w):
    centers.add_closure(
        w.c["baku"],
        at(w.day, "00:00"),
        at(w.day + timedelta(days=1), "00:00"),
        "maintenance",
        {"az": "Təmir", "ru": "Ремонт", "en": "Repairs"},
        room=w.c["volga"],
    )
    centers.add_closure(
        w.c["baku"],
        at(w.day, "12:00"),
        at(w.day, "14:00"),
        "block",
        {"az": "Təlim", "ru": "Тренинг", "en": "Training"},
        room=w.c["kur"],
    )
    db.session.commit()
    before = the_day_before(w.day)
    volga = slots.day_grid(w.c["volga"], w.day, 60, now=before)
    assert volga.starts == []
    assert volga.closed == "Closed: Repairs."
    kur = slots.day_grid(w.c["kur"], w.day, 60, now=before)
    assert kur.closed == ""
    assert [c.reason for c in kur.closures] == ["Training"]
    assert "11:00" in clocks(kur)
    assert not {"11:30", "12:00", "13:00", "13:30"} & set(clocks(kur))
    assert "14:00" in clocks(kur)


def test_next_free_day_skips_sunday(w):
    sunday = _sunday(w)
    saturday = sunday - timedelta(days=1)
    found = slots.next_free_day(w.c["kur"], saturday, 60)
    assert found is not None
    assert found > sunday


# the page ---------------------------------------------------------------------------------------
def test_steps_without_javascript_book_a_meeting_from_the_grid(w):
    w.login(w.az_user)
    r = w.client.get(f"/meetings/new?partner_id={w.ru.id}")
    assert r.status_code == 200
    assert "Baku time (UTC+4)" in r.text
    assert "Astrakhan time (UTC+4)" in r.text
    assert 'class="slot-grid"' not in r.text  # a center first
    baku = w.c["baku"].id
    r = w.client.get(f"/meetings/new?partner_id={w.ru.id}&center_id={baku}")
    assert "Kür danışıqlar otağı" not in r.text  # the page is in English; the English names are shown
    names = [room.name_en for room in centers.bookable_rooms(w.c["baku"])]
    assert all(n in r.text for n in names)
    assert w.c["neg1"].name_en not in r.text
    assert w.c["office502"].name_en not in r.text  # not bookable
    kur = w.c["kur"].id
    url = f"/meetings/new?partner_id={w.ru.id}&center_id={baku}&room_id={kur}&date={w.day}&duration=30"
    r = w.client.get(url)
    grid = grid_on_page(r.text)
    assert grid[0] == "09:00"
    assert grid[-1] == "17:30"
    assert len(grid) == 18
    assert "Free start times on" in r.text
    assert "Baku time (UTC+4)" in r.text
    assert 'id="request"' not in r.text  # no time chosen yet
    r = w.client.get(url + "&start=10:00")
    assert 'id="request"' in r.text
    assert 'aria-current="true">10:00<' in r.text
    assert "10:00–10:30, Baku time (UTC+4)" in r.text
    assert 'name="start" value="10:00"' in r.text
    form = dict(
        re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', r.text.split('id="request"')[1])
    )
    r = w.client.post(f"/meetings/new?partner_id={w.ru.id}", data={**form, "attendees": 3, "topic": "Fındıq"})
    assert r.status_code == 302, r.text
    m = db.session.scalar(select(Meeting))
    assert m.start_at == at(w.day, "10:00")
    assert m.end_at == at(w.day, "10:30")
    assert m.room_id == w.c["kur"].id
    page = w.client.get(r.headers["Location"]).text
    assert "Meeting requested: with ООО Волга Агро" in page
    assert "Kür" not in page.split("Meeting requested")[0]
    r = w.client.get(url)
    assert "10:00" not in grid_on_page(r.text)
    assert "10:30" in grid_on_page(r.text)
    r = w.client.get(url + "&start=10:00")  # taken meanwhile: no request form, a warning
    assert 'id="request"' not in r.text
    assert "not free" in r.text


def test_the_room_pages_link_carries_room_date_and_time_into_a_partner_picker(w):
    w.login(w.az_user)
    r = w.client.get(f"/rooms/{w.c['kur'].id}?date={w.day}")
    link = re.search(r'href="(/meetings/new\?[^"]+)"', r.text).group(1).replace("&amp;", "&")
    assert f"room_id={w.c['kur'].id}" in link
    assert f"date={w.day}" in link
    assert "start=09:00" in link
    r = w.client.get(link)
    assert r.status_code == 200
    assert 'name="q"' in r.text
    picker = r.text.split('class="plain partner-choices"')[1].split("</ul>")[0]
    assert "ООО Волга Агро" in picker
    assert "АО Каспий" in picker
    assert "Şəki İpək" not in picker
    assert "Choose the partner firm above" in r.text
    assert 'aria-current="true">09:00<' in r.text
    chosen = re.search(r'href="([^"]+)">ООО Волга Агро<', picker).group(1).replace("&amp;", "&")
    assert "start=09:00" in chosen
    assert f"room_id={w.c['kur'].id}" in chosen
    r = w.client.get(chosen)
    assert 'id="request"' in r.text
    assert "Send the request" in r.text
    r = w.client.get(f"/meetings/new?room_id={w.c['kur'].id}&q=Волга")
    picker = r.text.split('class="plain partner-choices"')[1].split("</ul>")[0]
    assert "ООО Волга Агро" in picker
    assert "АО Каспий" not in picker
    r = w.client.get(f"/meetings/new?room_id={w.c['kur'].id}&q=zzzqqq")
    assert r.status_code == 200
    assert "No firm found" in r.text


def test_a_closed_day_on_the_page_says_why_and_offers_the_next_free_day(w):
    w.login(w.az_user)
    place = f"center_id={w.c['baku'].id}&room_id={w.c['kur'].id}"
    url = f"/meetings/new?partner_id={w.ru.id}&{place}&date={_sunday(w)}"
    r = w.client.get(url + "&lang=az")
    assert r.status_code == 200
    assert "Mərkəz bazar günü işləmir." in r.text
    assert 'class="slot-grid"' not in r.text
    assert "Növbəti boş gün" in r.text
    r = w.client.get(url + "&lang=ru")
    assert "воскресенье" in r.text
    assert "время Баку (UTC+4)" in r.text


def test_odd_input_never_500(w):
    w.login(w.az_user)
    for query in (
        "center_id=abc&room_id=x&date=garbage&duration=7&start=99:99",
        "center_id=99999999999999999999&room_id=99999999999999999999",
        f"room_id={w.c['office502'].id}&date=9999-12-31",
        f"center_id={w.c['astrakhan'].id}&room_id={w.c['kur'].id}",  # a room of the other center
        f"room_id={w.c['kur'].id}&date=2000-01-01&start=10:00",
        "partner_id=-1&q=" + "x" * 500,
    ):
        r = w.client.get(f"/meetings/new?{query}")
        assert r.status_code in (200, 422), (query, r.status_code)


def test_room_pages_do_not_offer_past_hours(w):
    kur = w.c["kur"]
    yesterday = slots.today_at(kur) - timedelta(days=1)
    w.login(w.az_user)
    for view in ("day", "week"):  # (the week of yesterday may still have free days ahead)
        r = w.client.get(f"/rooms/{kur.id}?date={yesterday}&view={view}")
        assert r.status_code == 200
    page = w.client.get(f"/rooms/{kur.id}?date={yesterday}").text
    assert 'class="slot-free"' not in page
    assert "/meetings/new?" not in page
    page = w.client.get(f"/rooms/{kur.id}?date={w.day}").text
    assert 'class="slot-free"' in page
    assert "/meetings/new?" in page
