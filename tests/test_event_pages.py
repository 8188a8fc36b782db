"""Brokerage days as people read them: the public page (linked from the home page), the staff's
slots × tables grid, cancelling a meeting (asked first, told afterwards, undone), the printed table
plan without empty slots, "held" only after the day, and agendas that name the room and center."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta

import pytest
from icalendar import Calendar
from sqlalchemy import func, select

from matchmaker.centers.models import Room
from matchmaker.events import reports, scheduling
from matchmaker.events.models import EventMeeting, EventMeetingStatus, EventStatus
from matchmaker.extensions import db
from matchmaker.notifications.models import Notification
from tests.events_support import login, make_event, make_world, meet, register_all


@pytest.fixture
def world(factory):
    return make_world(factory)


def _rooms(w):
    kur = Room(center_id=w.baku.id, name={"az": "Kür zalı", "ru": "Зал «Кура»", "en": "Kur hall"}, capacity=8)
    xezer = Room(
        center_id=w.baku.id, name={"az": "Xəzər zalı", "ru": "Зал «Каспий»", "en": "Caspian hall"}, capacity=4
    )
    db.session.add_all([kur, xezer])
    db.session.commit()
    return kur, xezer


def _published(w, **over):
    event = make_event(w, **over)
    register_all(event, w)
    meetings = [meet(event, w, "az1", "ru1"), meet(event, w, "az2", "ru2")]
    scheduling.run_schedule(event)
    scheduling.publish(event)
    db.session.commit()
    return event, meetings


def test_public_page_linked_from_the_home_page(client, world):
    event = make_event(world, title={"az": "Aqrar gün", "ru": "Аграрный день", "en": "Agro Day"})
    draft = make_event(world, status="draft", title={"az": "Qaralama", "ru": "Черновик", "en": "Draft"})
    home = client.get("/?lang=ru").get_data(as_text=True)
    assert f'href="/events/{event.id}/about"' in home
    assert "Аграрный день" in home
    assert "Черновик" not in home
    page = client.get(f"/events/{event.id}/about")
    html = page.get_data(as_text=True)
    assert page.status_code == 200  # no sign-in needed
    for text in (
        "Аграрный день",
        "Астраханский бизнес-центр",
        "Где и когда",
        "Кто может участвовать",
        "Как зарегистрироваться",
        "10:00–11:00",
        "/register",
        "Регистрация открыта",
    ):
        assert text in html, text
    assert client.get(f"/events/{draft.id}/about").status_code == 404
    # a member of a firm registers from the page
    login(client, world.m_az1)
    html = client.get(f"/events/{event.id}/about").get_data(as_text=True)
    assert f'action="/events/{event.id}/register"' in html
    client.post(f"/events/{event.id}/register")
    assert f'href="/events/{event.id}"' in client.get(f"/events/{event.id}/about").get_data(as_text=True)


def test_schedule_is_a_grid_of_slots_and_tables(client, world):
    kur, _xezer = _rooms(world)
    event, meetings = _published(world, tables=3, room_ids=[kur.id])
    login(client, world.staff)
    html = client.get(f"/events/{event.id}/schedule?lang=az").get_data(as_text=True)
    grid = html[html.index("schedule-grid") :]
    head = grid[: grid.index("</thead>")]
    assert [int(n) for n in re.findall(r"Masa (\d+)", head)] == [1, 2, 3]
    assert "Kür zalı" in head  # each table's room
    rows = re.findall(r'<tr id="slot-(\d+)">', grid)
    assert len(rows) == event.slot_count
    for m in meetings:
        db.session.refresh(m)
        row = grid[grid.index(f'<tr id="slot-{m.slot}">') :]
        row = row[: row.index("</tr>")]
        cells = re.findall(r"<td[^>]*>", row)
        assert f'id="meeting-{m.id}"' in cells[m.table_no - 1]


def test_cancel_asks_first_says_so_and_can_be_undone(client, world):
    event, (m, other) = _published(world)
    login(client, world.staff)
    grid = client.get(f"/events/{event.id}/schedule").get_data(as_text=True)
    assert f'href="/events/{event.id}/meetings/{m.id}/cancel"' in grid
    ask = client.get(f"/events/{event.id}/meetings/{m.id}/cancel?lang=ru").get_data(as_text=True)
    assert "Отменить встречу Gəncə Aqro – Волга Агро?" in ask
    assert "обеим компаниям сообщат" in ask
    db.session.refresh(m)
    place = (m.slot, m.table_no)
    assert m.status == EventMeetingStatus.ACTIVE  # asking changes nothing
    before = db.session.scalar(select(func.count(Notification.id)))
    html = client.post(f"/events/{event.id}/meetings/{m.id}/cancel", follow_redirects=True).get_data(
        as_text=True
    )
    assert "Встреча Gəncə Aqro – Волга Агро отменена; обеим компаниям сообщили." in html
    assert db.session.scalar(select(func.count(Notification.id))) == before + 2
    undo = re.search(r'alert-undo.*?action="([^"]+)"(.*?)</form>', html, re.S)
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', undo.group(2)))
    assert undo.group(1) == f"/events/{event.id}/meetings/{m.id}/restore"
    r = client.post(undo.group(1), data=fields, follow_redirects=True)
    assert "Встреча возвращена на своё место." in r.get_data(as_text=True)
    db.session.expire_all()
    m = db.session.get(EventMeeting, m.id)
    assert m.status == EventMeetingStatus.ACTIVE
    assert (m.slot, m.table_no) == place
    # cancelled again, its place taken meanwhile: it comes back waiting to be scheduled
    client.post(f"/events/{event.id}/meetings/{m.id}/cancel")
    scheduling.move_meeting(event, db.session.get(EventMeeting, other.id), *place)
    db.session.commit()
    r = client.post(undo.group(1), data=fields, follow_redirects=True)
    assert "ждёт места в расписании" in r.get_data(as_text=True)
    db.session.expire_all()
    m = db.session.get(EventMeeting, m.id)
    assert m.status == EventMeetingStatus.ACTIVE
    assert m.slot is None
    # nonsense in the undo: no 500
    r = client.post(f"/events/{event.id}/meetings/{m.id}/restore", data={"slot": "x", "table_no": "-1"})
    assert r.status_code == 302


def test_printed_plan_skips_empty_slots(client, world):
    event, meetings = _published(world, tables=1)
    login(client, world.staff)
    html = client.get(f"/events/{event.id}/plan?lang=ru").get_data(as_text=True)
    used = {db.session.get(EventMeeting, m.id).slot for m in meetings}
    assert {int(s) for s in re.findall(r'id="slot-(\d+)"', html)} == used
    assert len(used) < event.slot_count
    assert "без встреч не показан" in html


def test_statistics_count_meetings_held_only_after_the_day(client, world, monkeypatch):
    event, _meetings = _published(world)
    login(client, world.staff)
    html = client.get(f"/events/{event.id}/stats").get_data(as_text=True)
    assert re.search(r'stat-held">–<', html)
    assert re.search(r'stat-scheduled">2<', html)
    assert not reports.day_over(event)
    after = event.slot_times()[-1][1] + timedelta(minutes=1)
    assert reports.day_over(event, now=after)
    event.status = EventStatus.CLOSED
    db.session.commit()
    assert re.search(r'stat-held">2<', client.get(f"/events/{event.id}/stats").get_data(as_text=True))


def test_agendas_name_the_room_and_the_center(client, world):
    kur, xezer = _rooms(world)  # kur: tables 1–2, xezer: table 3
    event, meetings = _published(world, tables=3, room_ids=[xezer.id, kur.id])
    rooms = reports.table_rooms(event)
    assert [rooms[t].id for t in (1, 2, 3)] == [kur.id, kur.id, xezer.id]
    m = db.session.get(EventMeeting, meetings[0].id)
    room = rooms[m.table_no]
    login(client, world.m_az1)
    html = client.get(f"/events/{event.id}/agenda?lang=ru").get_data(as_text=True)
    assert room.name_ru in html
    assert "Стол и помещение" in html
    assert "Астраханский бизнес-центр" in html
    printed = client.get(f"/events/{event.id}/agenda?print=1&lang=az").get_data(as_text=True)
    assert room.name_az in printed
    cal = Calendar.from_ical(client.get(f"/events/{event.id}/agenda.ics?lang=ru").data)
    (vevent,) = cal.walk("VEVENT")
    assert room.name_ru in str(vevent["location"])
    assert "бизнес-центр" in str(vevent["location"])


def test_upcoming_events_skip_drafts_and_past_days(world):
    past = make_event(
        world,
        day=datetime.now(UTC).date() - timedelta(days=10),
        request_deadline=datetime.combine(
            datetime.now(UTC).date() - timedelta(days=12), time(12), tzinfo=UTC
        ),
    )
    soon = make_event(world)
    from matchmaker.events.services import upcoming_public

    assert [e.id for e in upcoming_public()] == [soon.id]
    assert past.id not in [e.id for e in upcoming_public()]
