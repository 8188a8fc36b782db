"""Brokerage days end to end over HTTP: create → register AZ and RU firms → presence → requests →
accept → schedule → lock → reschedule → publish → agendas in local time → .ics → table plan →
no-show → feedback → statistics; and the ``flask events schedule`` command."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from icalendar import Calendar
from sqlalchemy import delete, func, select

from matchmaker.events import scheduling
from matchmaker.events.models import Event, EventMeeting, EventSeat
from matchmaker.extensions import db
from matchmaker.matching.models import Suggestion
from matchmaker.notifications.models import Notification
from tests.events_support import DAY, login, make_event, make_world, meet, register_all


@pytest.fixture
def world(factory):
    return make_world(factory)


def changed_notes(company_id=None, kind="schedule_changed") -> int:
    stmt = select(func.count(Notification.id)).where(Notification.kind == kind)
    if company_id is not None:
        stmt = stmt.where(Notification.company_id == company_id)
    return db.session.scalar(stmt)


def placements(event) -> dict[int, tuple[int, int]]:
    db.session.expire_all()
    return {
        m.id: (m.slot, m.table_no)
        for m in db.session.scalars(
            select(EventMeeting).where(EventMeeting.event_id == event.id, EventMeeting.status == "active")
        )
    }


def test_full_flow(client, world):
    w = world
    # staff create the day and open registration
    login(client, w.staff)
    r = client.post(
        "/events/new",
        data={
            "center_id": w.baku.id,
            "title_az": "Bakıda aqrar gün",
            "title_ru": "День агробизнеса в Баку",
            "title_en": "Agro Day Baku",
            "day": DAY.isoformat(),
            "sessions": "10:00-11:00; 14:30-15:30",
            "slot_minutes": "20",
            "tables": "2",
            "max_meetings": "3",
            "request_deadline": f"{(DAY - timedelta(days=2)).isoformat()}T18:00",
        },
    )
    assert r.status_code == 302
    event = db.session.scalar(select(Event))
    assert event.slot_count == 6
    assert event.request_deadline.hour == 14
    assert client.post(f"/events/{event.id}/open").status_code == 302

    # firms register and say when they are present; az1 arrives late (slot 1 on)
    for key in ("az1", "az2", "ru1", "ru2"):
        login(client, getattr(w, "m_" + key))
        assert "Register my firm" in client.get(f"/events/{event.id}").get_data(as_text=True)
        assert client.post(f"/events/{event.id}/register").status_code == 302
    login(client, w.m_az1)
    assert (
        client.post(
            f"/events/{event.id}/presence", data={"mode": "range", "first": "1", "last": "5"}
        ).status_code
        == 302
    )

    # participants of the other country, best stored match score first
    db.session.execute(delete(Suggestion).where(Suggestion.company_id == w.az1.id))
    db.session.add_all(
        [
            Suggestion(company_id=w.az1.id, partner_id=w.ru2.id, score=91.4),
            Suggestion(company_id=w.az1.id, partner_id=w.ru1.id, score=40.0),
        ]
    )
    db.session.commit()
    html = client.get(f"/events/{event.id}/participants").get_data(as_text=True)
    assert html.index("Жигули Трейд") < html.index("Волга Агро")
    assert ">91<" in html
    assert "Quba Bağları" not in html

    # requests with a note; accept
    for partner in (w.ru1, w.ru2):
        r = client.post(
            f"/events/{event.id}/requests", data={"partner_id": str(partner.id), "note": "Pomidor"}
        )
        assert r.status_code == 302
    login(client, w.m_az2)
    client.post(f"/events/{event.id}/requests", data={"partner_id": str(w.ru1.id)})
    login(client, w.m_ru2)
    client.post(f"/events/{event.id}/requests", data={"partner_id": str(w.az2.id)})
    html = client.get(f"/events/{event.id}/requests").get_data(as_text=True)
    assert "Pomidor" in html
    for user in (w.m_ru1, w.m_ru2, w.m_az2):
        login(client, user)
        html = client.get(f"/events/{event.id}/requests").get_data(as_text=True)
        for rid in re.findall(r"/requests/(\d+)/accept", html):
            assert client.post(f"/events/{event.id}/requests/{rid}/accept").status_code == 302
    assert db.session.scalar(select(func.count(EventMeeting.id))) == 4

    # firms do not see a schedule before it is published
    login(client, w.m_az1)
    assert "not published yet" in client.get(f"/events/{event.id}/agenda").get_data(as_text=True)

    # schedule all: everything fits, az1 is not placed before it arrives
    login(client, w.staff)
    r = client.post(f"/events/{event.id}/schedule/run", follow_redirects=True)
    assert "4 of 4 meetings scheduled" in r.get_data(as_text=True)
    first = placements(event)
    assert all(p[0] is not None for p in first.values())
    az1_meetings = [m for m in db.session.scalars(select(EventMeeting)) if w.az1.id in m.company_ids]
    assert all(m.slot >= 1 for m in az1_meetings)
    assert db.session.scalar(select(func.count(EventSeat.id))) == 8
    assert db.session.get(Event, event.id).status == "scheduled"

    # lock one, move another by hand (moved meetings are locked too), re-run: both stay
    keep, moved = (
        az1_meetings[0],
        next(m for m in db.session.scalars(select(EventMeeting)) if w.az1.id not in m.company_ids),
    )
    assert client.post(f"/events/{event.id}/meetings/{keep.id}/lock").status_code == 302
    target = next(
        (s, t)
        for s in range(6)
        for t in (1, 2)
        if (s, t) not in first.values()
        and s
        not in {
            first[m][0]
            for m in first
            if set(db.session.get(EventMeeting, m).company_ids) & set(moved.company_ids)
        }
    )
    r = client.post(
        f"/events/{event.id}/meetings/{moved.id}/move", data={"slot": target[0], "table_no": target[1]}
    )
    assert r.status_code == 302
    client.post(f"/events/{event.id}/schedule/run")
    after = placements(event)
    assert after[keep.id] == first[keep.id]
    assert after[moved.id] == target
    assert changed_notes() == 0  # nothing published yet

    # publish: every firm with meetings is told its agenda is published (not that it changed)
    assert client.post(f"/events/{event.id}/publish").status_code == 302
    assert changed_notes(kind="schedule_published") == 4
    assert changed_notes() == 0
    before = {c: changed_notes(c.id) for c in (w.az1, w.az2, w.ru1, w.ru2)}

    # agenda: slot times in the center's local time, with the zone
    login(client, w.m_az1)
    html = client.get(f"/events/{event.id}/agenda").get_data(as_text=True)
    assert "Baku time (UTC+4)" in html
    assert "Agro Day Baku" in html
    ru = client.get(f"/events/{event.id}/agenda?lang=ru").get_data(as_text=True)
    assert "время Баку (UTC+4)" in ru
    assert "День агробизнеса в Баку" in ru
    assert "Asia/Baku" not in ru
    ru_ics = client.get(f"/events/{event.id}/agenda.ics").get_data(as_text=True)
    assert "стол " in ru_ics
    assert "Астраханский бизнес-центр" in ru_ics
    assert "День агробизнеса в Баку" in ru_ics
    client.get("/?lang=en")
    times = event.slot_times()
    for m in az1_meetings:
        start, _end = times[after[m.id][0]]
        assert start.strftime("%H:%M") in html
    printed = client.get(f"/events/{event.id}/agenda?print=1").get_data(as_text=True)
    assert "print-large" in printed
    assert 'class="topbar"' not in printed

    # .ics: stable UIDs, SEQUENCE, the center's zone with its offset
    body = client.get(f"/events/{event.id}/agenda.ics")
    assert body.mimetype == "text/calendar"
    cal = Calendar.from_ical(body.data)
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    assert len(events) == 2
    assert "BEGIN:VTIMEZONE" in body.get_data(as_text=True)
    assert "TZID:Asia/Baku" in body.get_data(as_text=True)
    for e in events.values():
        assert e["dtstart"].dt.utcoffset() == timedelta(hours=4)
        assert e["dtstart"].params["TZID"] == "Asia/Baku"
    keep_uid = f"brokerage-{event.id}-meeting-{keep.id}@matchmaker"
    seq_before = int(events[keep_uid]["sequence"])

    # a change after publishing: both firms are told, the .ics SEQUENCE rises, the UID stays
    login(client, w.staff)
    s_now, t_now = after[keep.id]
    free = next(
        (s, t)
        for s in range(1, 6)
        for t in (1, 2)
        if (s, t) not in after.values()
        and all(
            after[m][0] != s
            for m in after
            if set(db.session.get(EventMeeting, m).company_ids) & set(keep.company_ids) and m != keep.id
        )
    )
    r = client.post(
        f"/events/{event.id}/meetings/{keep.id}/move", data={"slot": free[0], "table_no": free[1]}
    )
    assert r.status_code == 302
    notified = {c.id: changed_notes(c.id) - before[c] for c in (w.az1, w.az2, w.ru1, w.ru2)}
    assert {cid for cid, n in notified.items() if n} == set(keep.company_ids)
    login(client, w.m_az1)
    cal = Calendar.from_ical(client.get(f"/events/{event.id}/agenda.ics").data)
    again = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    assert set(again) == set(events)
    assert int(again[keep_uid]["sequence"]) > seq_before
    assert again[keep_uid]["dtstart"].dt == times[free[0]][0]

    # the hall's table plan; a no-show is marked without notifying anyone
    login(client, w.staff)
    plan = client.get(f"/events/{event.id}/plan").get_data(as_text=True)
    assert "print-large" in plan
    assert "Gəncə Aqro" in plan
    assert "Волга Агро" in plan
    notes = changed_notes()
    absent_meeting = moved
    r = client.post(
        f"/events/{event.id}/meetings/{absent_meeting.id}/no-show",
        data={"company_id": str(absent_meeting.ru_company_id), "absent": "1"},
    )
    assert r.status_code == 302
    assert changed_notes() == notes
    assert "no-show" in client.get(f"/events/{event.id}/plan").get_data(as_text=True)
    assert client.post(f"/events/{event.id}/close").status_code == 302

    # feedback after the meetings
    login(client, w.m_az1)
    url = f"/events/{event.id}/meetings/{keep.id}/feedback"
    assert client.post(url, data={"took_place": "yes", "follow_up": "no"}).status_code == 422
    assert (
        client.post(url, data={"took_place": "yes", "usefulness": "9", "follow_up": "no"}).status_code == 422
    )
    r = client.post(url, data={"took_place": "yes", "usefulness": "4", "follow_up": "yes", "comment": "Good"})
    assert r.status_code == 302
    other = next(m for m in az1_meetings if m.id != keep.id)
    assert (
        client.post(
            f"/events/{event.id}/meetings/{other.id}/feedback", data={"took_place": "no", "follow_up": "no"}
        ).status_code
        == 302
    )
    assert client.get(url).status_code == 200

    # statistics
    login(client, w.staff)
    html = client.get(f"/events/{event.id}/stats").get_data(as_text=True)
    assert re.search(r'stat-scheduled">4<', html)
    assert re.search(r'stat-held">2<', html)  # one no-show, one that did not take place
    assert "1 (12.5%)" in html
    assert 'stat-usefulness">4.0' in html
    assert re.search(r'stat-follow-ups">1 \(50%', html)


def test_feedback_waits_until_the_meeting_is_over(client, world):
    event = make_event(world)
    register_all(event, world)
    m = meet(event, world, "az1", "ru1")
    scheduling.run_schedule(event)
    scheduling.publish(event)
    db.session.commit()
    login(client, world.m_az1)
    url = f"/events/{event.id}/meetings/{m.id}/feedback"
    assert "Feedback opens when the meeting is over" in client.get(url).get_data(as_text=True)
    r = client.post(url, data={"took_place": "yes", "usefulness": "5", "follow_up": "yes"})
    assert r.status_code == 409


def test_cancellation_after_publishing_notifies_both_firms(client, world):
    event = make_event(world)
    register_all(event, world)
    m = meet(event, world, "az1", "ru1")
    meet(event, world, "az2", "ru2")
    scheduling.run_schedule(event)
    scheduling.publish(event)
    db.session.commit()
    before = changed_notes()
    login(client, world.staff)
    assert client.post(f"/events/{event.id}/meetings/{m.id}/cancel").status_code == 302
    assert changed_notes() == before + 2
    assert changed_notes(world.az2.id) == 0  # its own meeting did not move: not told
    db.session.expire_all()
    assert db.session.get(EventMeeting, m.id).slot is None
    assert db.session.scalar(select(func.count(EventSeat.id))) == 2
    login(client, world.m_az1)
    assert "BEGIN:VEVENT" not in client.get(f"/events/{event.id}/agenda.ics").get_data(as_text=True)


def test_presence_limits_leave_meetings_unscheduled(world):
    event = make_event(world, tables=1)
    register_all(event, world)
    from matchmaker.events import services

    services.set_presence(event, services.registration_of(event, world.az1.id), [0])
    services.set_presence(event, services.registration_of(event, world.ru1.id), [5])
    meet(event, world, "az1", "ru1")
    meet(event, world, "az2", "ru2")
    result = scheduling.run_schedule(event)
    db.session.commit()
    assert (result.scheduled, result.unscheduled) == (1, 1)


def test_cli_schedule_and_publish(runner, world):
    event = make_event(world)
    register_all(event, world)
    meet(event, world, "az1", "ru1")
    meet(event, world, "az1", "ru2")
    meet(event, world, "az2", "ru1")
    result = runner.invoke(args=["events", "schedule", str(event.id), "--publish"])
    assert result.exit_code == 0, result.output
    assert "3 of 3 meetings scheduled" in result.output
    assert "status published" in result.output
    db.session.expire_all()
    assert db.session.get(Event, event.id).status == "published"
    assert len(set(placements(event).values())) == 3
    assert changed_notes(kind="schedule_published") == 4
    again = runner.invoke(args=["events", "schedule", str(event.id), "--publish"])
    assert again.exit_code == 0
    assert "0 changed" in again.output
    assert changed_notes(kind="schedule_published") == 4
    assert changed_notes() == 0
    missing = runner.invoke(args=["events", "schedule", "999"])
    assert missing.exit_code == 1
    assert "No such brokerage day" in missing.output
