"""The reschedule page uses the booking page's free-slot grid: the meeting's room and the other
bookable rooms of its center, the free starts of the chosen day (the meeting's own time counts as
free, the firms' other meetings do not), and the move itself goes through the service (a start
taken in between is refused with 409, never a double booking)."""

from __future__ import annotations

import re

from matchmaker.extensions import db
from matchmaker.meetings.models import Meeting
from tests.booking_support import at


def slots_of(html: str) -> list[str]:
    grid = html.split('class="slot-grid"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'class="slot[^"]*"[^>]*>(\d\d:\d\d)<', grid)


def test_the_page_shows_the_grid_of_the_meetings_room_and_the_centers_rooms(w):
    mid = w.book().get_json()["id"]  # 10:00–11:00 in Kür
    assert w.book(user=w.az2_user, partner=w.ru2, start="14:00", end="15:00").status_code == 201
    w.login(w.ru_user)
    html = w.client.get(f"/meetings/{mid}/reschedule?lang=ru").text
    assert "Kür" in html or "Кура" in html
    starts = slots_of(html)
    assert "10:00" in starts
    assert "10:30" in starts
    assert "14:00" not in starts
    assert "13:30" not in starts
    assert w.c["volga"].name_ru in html  # the other rooms of the center
    assert w.c["neg1"].name_ru not in html  # not another center's
    assert '<select id="start"' not in html  # no more time selects
    # another room of the same center: its own grid, 14:00 free there
    html = w.client.get(f"/meetings/{mid}/reschedule?room_id={w.c['volga'].id}&date={w.day}&lang=az").text
    assert "14:00" in slots_of(html)
    # another center's room is not offered: the meeting's room stays chosen
    html = w.client.get(f"/meetings/{mid}/reschedule?room_id={w.c['neg1'].id}&lang=az").text
    assert "14:00" not in slots_of(html)


def test_choosing_a_start_and_proposing_moves_the_meeting(w):
    mid = w.book().get_json()["id"]
    w.login(w.ru_user)
    url = f"/meetings/{mid}/reschedule?room_id={w.c['volga'].id}&date={w.day}&duration=30&start=16:00"
    html = w.client.get(url + "&lang=az").text
    assert 'id="request"' in html
    assert "16:00–16:30, Bakı vaxtı (UTC+4)" in html
    data = {"room_id": w.c["volga"].id, "date": w.day.isoformat(), "duration": 30, "start": "16:00"}
    r = w.client.post(f"/meetings/{mid}/reschedule", data={**data, "reason": ""})
    assert r.status_code == 422  # the reason is asked for; the grid is still there
    assert 'class="slot-grid"' in r.text
    r = w.client.post(f"/meetings/{mid}/reschedule", data={**data, "reason": "Позже"})
    assert r.status_code == 302
    db.session.expire_all()
    m = db.session.get(Meeting, mid)
    assert (m.room_id, m.start_at, m.end_at) == (w.c["volga"].id, at(w.day, "16:00"), at(w.day, "16:30"))
    assert m.status == "requested"


def test_a_start_taken_in_between_is_refused_by_the_service(w):
    mid = w.book().get_json()["id"]
    w.login(w.ru_user)
    html = w.client.get(f"/meetings/{mid}/reschedule?date={w.day}&start=15:00").text
    assert 'id="request"' in html  # 15:00 was free when the page was read
    other = w.book(user=w.az2_user, partner=w.ru2, start="15:00", end="16:00")  # someone is faster
    assert other.status_code == 201
    data = {"room_id": w.c["kur"].id, "date": w.day.isoformat(), "duration": 60, "start": "15:00"}
    r = w.client.post(f"/meetings/{mid}/reschedule", data={**data, "reason": "Later"})
    assert r.status_code == 409
    db.session.expire_all()
    assert db.session.get(Meeting, mid).start_at == at(w.day, "10:00")
    assert "15:00" not in slots_of(r.text)
