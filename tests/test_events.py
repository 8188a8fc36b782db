"""Brokerage days (web): permissions, bad input, lapse at the deadline, per-firm cap, the database's
unique constraints. The full flow is in ``test_events_schedule.py``."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from matchmaker.events import scheduling, services
from matchmaker.events.models import Event, EventMeeting, EventRequest, EventSeat
from matchmaker.extensions import db
from matchmaker.notifications.models import Notification
from tests.events_support import DAY, login, make_event, make_world, meet, pass_deadline, register_all


@pytest.fixture
def world(factory):
    return make_world(factory)


# permissions ----------------------------------------------------------------------------------------
@pytest.fixture
def published(world):
    event = make_event(world)
    register_all(event, world)
    m = meet(event, world, "az1", "ru1")
    meet(event, world, "ru2", "az2")
    scheduling.run_schedule(event)
    scheduling.publish(event)
    db.session.commit()
    return SimpleNamespace(event=event, meeting=m)


ROLES = ("anonymous", "other_member", "member", "staff", "staff_other")
USERS = {"other_member": "m_az3", "member": "m_az1", "staff": "staff", "staff_other": "staff_other"}


def _as(client, world, role):
    client.post("/logout")
    if role != "anonymous":
        login(client, getattr(world, USERS[role]))


#           path template                      anon other member staff staff_other
GET_MATRIX = [
    ("/events", 302, 200, 200, 200, 200),
    ("/events/{e}", 302, 200, 200, 200, 200),
    ("/events/new", 302, 403, 403, 200, 200),
    ("/events/{e}/edit", 302, 403, 403, 302, 403),
    ("/events/{e}/presence", 302, 403, 200, 403, 403),
    ("/events/{e}/participants", 302, 403, 200, 403, 403),
    ("/events/{e}/requests", 302, 403, 200, 403, 403),
    ("/events/{e}/agenda", 302, 403, 200, 403, 403),
    ("/events/{e}/agenda.ics", 302, 403, 200, 403, 403),
    ("/events/{e}/agenda?company={c}", 302, 403, 200, 200, 403),
    ("/events/{e}/firms", 302, 403, 403, 200, 403),
    ("/events/{e}/schedule", 302, 403, 403, 200, 403),
    ("/events/{e}/plan", 302, 403, 403, 200, 403),
    ("/events/{e}/stats", 302, 403, 403, 200, 403),
    ("/events/{e}/meetings/{m}/feedback", 302, 403, 200, 403, 403),
]
POST_MATRIX = [
    ("/events/{e}/schedule/run", 302, 403, 403, 302, 403),
    ("/events/{e}/meetings/{m}/lock", 302, 403, 403, 302, 403),
    ("/events/{e}/meetings/{m}/cancel", 302, 403, 403, 302, 403),
    ("/events/{e}/close", 302, 403, 403, 302, 403),
]


def test_permissions_matrix(client, world, published):
    e, m = published.event.id, published.meeting.id
    for role_index, role in enumerate(ROLES):
        _as(client, world, role)
        for path, *expected in GET_MATRIX:
            url = path.format(e=e, m=m, c=world.az2.id)
            got = client.get(url).status_code
            assert got == expected[role_index], (role, "GET", url, got)
    for role_index, role in enumerate(ROLES):
        for path, *expected in POST_MATRIX:
            _as(client, world, role)
            url = path.format(e=e, m=m)
            got = client.post(url).status_code
            assert got == expected[role_index], (role, "POST", url, got)
            if got == 302 and role != "anonymous":  # staff did it: undo for the next role
                ev = db.session.get(Event, e)
                ev.status = "published"
                mt = db.session.get(EventMeeting, m)
                if mt.status == "cancelled":
                    mt.status = "active"
                db.session.commit()


def test_member_of_another_firm_cannot_answer_or_give_feedback(client, world):
    event = make_event(world)
    register_all(event, world, ("az1", "az2", "ru1"))
    req = services.send_request(event, world.m_az1, world.ru1.id, "Tomatoes")
    db.session.commit()
    login(client, world.m_az2)
    assert client.post(f"/events/{event.id}/requests/{req.id}/accept").status_code == 403
    login(client, world.m_az1)  # the requester cannot accept its own request either
    assert client.post(f"/events/{event.id}/requests/{req.id}/accept").status_code == 403
    db.session.refresh(req)
    assert req.status == "pending"


def test_drafts_are_seen_by_their_center_staff_only(client, world):
    event = make_event(world, status="draft")
    for user, code in ((world.m_az1, 404), (world.staff_other, 404), (world.staff, 200)):
        login(client, user)
        assert client.get(f"/events/{event.id}").status_code == code
        assert (event.title in client.get("/events").get_data(as_text=True)) == (code == 200)
    login(client, world.staff_other)
    assert client.post(f"/events/{event.id}/open").status_code == 404
    login(client, world.staff)
    assert client.post(f"/events/{event.id}/open").status_code == 302
    assert db.session.get(Event, event.id).status == "open"


def test_staff_cannot_create_an_event_at_the_other_center(client, world):
    login(client, world.staff_other)
    r = client.post("/events/new", data=_event_form(world, center_id=world.baku.id))
    assert r.status_code == 422
    assert db.session.scalar(select(func.count(Event.id))) == 0


# bad input -----------------------------------------------------------------------------------------
def _event_form(w, **over):
    data = {
        "center_id": w.baku.id,
        "title_az": "Aqrar gün",
        "title_ru": "День агробизнеса",
        "day": DAY.isoformat(),
        "sessions": "10:00-13:00, 14:30-17:30",
        "slot_minutes": "20",
        "tables": "12",
        "max_meetings": "8",
        "request_deadline": f"{(DAY - timedelta(days=3)).isoformat()}T18:00",
    }
    data.update(over)
    return data


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("sessions", "25:00-26:00", "is not a time of day"),
        ("sessions", "13:00-10:00", "must end after it starts"),
        ("sessions", "10:00-12:00, 11:00-13:00", "must not overlap"),
        ("sessions", "morning", "Write sessions like"),
        ("sessions", "10:00-10:10", "shorter than one slot"),
        ("slot_minutes", "17", "Not a valid choice"),
        ("tables", "abc", "Not a valid integer"),
        ("tables", "0", "Enter a number from 1"),
        ("tables", "", "number of tables or choose rooms"),
        ("max_meetings", "-3", "Enter a number from 1"),
        ("title_az", "", "This field is required"),
        ("day", "2026-13-45", "Not a valid date"),
        ("request_deadline", "yesterday", "Not a valid datetime"),
        ("request_deadline", f"{(DAY + timedelta(days=1)).isoformat()}T09:00", "before the first slot"),
        ("center_id", "999999", "Not a valid choice"),
        ("room_ids", "abc", "Invalid choice"),
        ("room_ids", "9" * 30, "is not a valid choice"),
        ("day", "0001-01-01", "between 2000 and 2100"),
        ("request_deadline", "0001-01-01T00:00", "between 2000 and 2100"),
    ],
)
def test_event_form_field_errors(client, world, field, value, message):
    login(client, world.staff)
    r = client.post("/events/new", data=_event_form(world, **{field: value}))
    html = r.get_data(as_text=True)
    assert r.status_code == 422, (field, value)
    assert message in html, (field, value, html[html.find('class="error"') - 200 :][:600])
    assert db.session.scalar(select(func.count(Event.id))) == 0


def test_event_created_from_rooms_counts_tables(client, world):
    from matchmaker.centers.models import Room

    hall = Room(center_id=world.baku.id, name={"az": "Zal", "en": "Hall"}, kind="conference", capacity=60)
    small = Room(center_id=world.baku.id, name={"az": "Xəzər"}, capacity=4)
    foreign = Room(center_id=world.astr.id, name={"az": "Volqa"}, capacity=8)
    db.session.add_all([hall, small, foreign])
    db.session.commit()
    login(client, world.staff)
    r = client.post("/events/new", data=_event_form(world, tables="", room_ids=[str(foreign.id)]))
    assert r.status_code == 422
    assert "is not a valid choice" in r.get_data(as_text=True)
    r = client.post("/events/new", data=_event_form(world, tables="", room_ids=[str(hall.id), str(small.id)]))
    assert r.status_code == 302
    event = db.session.scalar(select(Event))
    assert event.tables == 16
    assert event.status == "draft"
    assert event.slot_count == 18  # 3 h + 3 h of 20-minute slots
    assert event.slot_times()[9][0].strftime("%H:%M%z") == "14:30+0400"


def test_presence_and_request_bad_input(client, world):
    event = make_event(world)
    register_all(event, world, ("az1", "az2", "ru1"))
    login(client, world.m_az1)
    url = f"/events/{event.id}/presence"
    for data, message in (
        ({"mode": "range", "first": "4", "last": "2"}, "Leave after your arrival"),
        ({"mode": "slots"}, "Choose at least one slot"),
        ({"mode": "range", "first": "0", "last": "99"}, "Choose slots of this brokerage day"),
        ({"mode": "range", "first": "x", "last": "1"}, "Invalid Choice"),
        ({"mode": "sometimes"}, "Not a valid choice"),
    ):
        r = client.post(url, data=data)
        assert r.status_code == 422, (data, r.status_code)
        assert message in r.get_data(as_text=True), (data, r.status_code)
    assert client.post(url, data={"mode": "slots", "slots": ["1", "3"]}).status_code == 302
    assert services.registration_of(event, world.az1.id).present_slots == [1, 3]
    req_url = f"/events/{event.id}/requests"
    for data, status, message in (
        ({"partner_id": "abc"}, 422, "Choose a firm"),
        ({"partner_id": str(world.az2.id)}, 422, "pair an Azerbaijani and a Russian"),
        ({"partner_id": str(world.ru2.id)}, 422, "does not take part"),
        ({"partner_id": "9" * 40}, 422, "Choose a firm"),
        ({"partner_id": str(world.ru1.id), "note": "x" * 1001}, 422, "at most 1000"),
    ):
        r = client.post(req_url, data=data)
        assert r.status_code == status, (data, r.status_code)
        assert message in r.get_data(as_text=True), (data, r.status_code)
    assert client.post(req_url, data={"partner_id": str(world.ru1.id), "note": "Tomatoes"}).status_code == 302
    r = client.post(req_url, data={"partner_id": str(world.ru1.id)})
    assert r.status_code == 409
    assert "already a request" in r.get_data(as_text=True)
    assert client.get(f"/events/{event.id}/participants?page=abc&q=%25_").status_code == 200
    assert client.get(f"/events/{event.id}/agenda?company=abc").status_code == 200


# lapse and cap ----------------------------------------------------------------------------------------
def test_requests_lapse_at_the_deadline(client, world):
    event = make_event(world)
    register_all(event, world)
    req = services.send_request(event, world.m_az1, world.ru1.id, "")
    db.session.commit()
    login(client, world.m_ru1)
    assert "waiting for an answer" in client.get(f"/events/{event.id}/requests").get_data(as_text=True)
    pass_deadline(event)
    html = client.get(f"/events/{event.id}/requests").get_data(as_text=True)
    assert "lapsed at the deadline" in html
    assert "The request deadline has passed." in html
    r = client.post(f"/events/{event.id}/requests/{req.id}/accept", follow_redirects=True)
    assert r.status_code == 200
    assert "The request deadline has passed." in r.get_data(as_text=True)
    db.session.refresh(req)
    assert req.shown_status == "lapsed"  # read as lapsed at once ...
    assert req.status == "pending"  # ... while neither a read nor a refused answer writes
    result = client.application.test_cli_runner().invoke(args=["events", "lapse"])
    assert "lapsed 1 " in result.output  # the periodic job marks it
    db.session.refresh(req)
    assert req.status == "lapsed"
    assert db.session.scalar(select(func.count(EventMeeting.id))) == 0
    login(client, world.m_az1)  # no new requests either
    r = client.post(f"/events/{event.id}/requests", data={"partner_id": str(world.ru2.id)})
    assert r.status_code == 409
    r = client.post(f"/events/{event.id}/register")
    assert r.status_code == 302
    assert db.session.scalar(select(func.count(EventRequest.id))) == 1


def test_cap_of_accepted_meetings_per_firm(client, world, factory):
    event = make_event(world, max_meetings=1)
    register_all(event, world)
    r1 = services.send_request(event, world.m_az1, world.ru1.id, "")
    r2 = services.send_request(event, world.m_az1, world.ru2.id, "")
    db.session.commit()
    login(client, world.m_ru1)
    assert client.post(f"/events/{event.id}/requests/{r1.id}/accept").status_code == 302
    login(client, world.m_ru2)
    html = client.post(f"/events/{event.id}/requests/{r2.id}/accept", follow_redirects=True).get_data(
        as_text=True
    )
    assert "Gəncə Aqro has reached the limit of 1 meetings." in html
    db.session.refresh(r2)
    assert r2.status == "pending"
    assert services.accepted_count(event, world.az1.id) == 1
    login(client, world.m_az1)
    r = client.post(f"/events/{event.id}/requests", data={"partner_id": str(world.az2.id)})
    assert r.status_code == 422
    ru3 = factory.company(name="Каспий Рыба", country="RU", city="Астрахань")
    services.register(event, factory.user("ru3@firm.example", company=ru3))
    db.session.commit()
    r = client.post(f"/events/{event.id}/requests", data={"partner_id": str(ru3.id)})
    assert r.status_code == 422
    assert "Your firm has reached the limit of 1 meetings." in r.get_data(as_text=True)
    login(client, world.m_az2)
    r = client.post(f"/events/{event.id}/requests", data={"partner_id": str(world.ru1.id)})
    assert r.status_code == 422
    assert "Волга Агро has reached the limit of 1 meetings." in r.get_data(as_text=True)
    assert (
        client.post(f"/events/{event.id}/requests", data={"partner_id": str(world.ru2.id)}).status_code == 302
    )


# the database's unique constraints ------------------------------------------------------------------
def _scheduled(world):
    event = make_event(world)
    register_all(event, world)
    a = meet(event, world, "az1", "ru1")
    b = meet(event, world, "az1", "ru2")
    c = meet(event, world, "az2", "ru1")
    scheduling.run_schedule(event)
    db.session.commit()
    return event, a, b, c


def test_unique_constraints_hold_in_the_database(world):
    event, a, b, c = _scheduled(world)
    clash = EventMeeting(
        event_id=event.id,
        az_company_id=world.az2.id,
        ru_company_id=world.ru2.id,
        slot=a.slot,
        table_no=a.table_no,
    )
    db.session.add(clash)
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()
    free_table = 2 if a.table_no == 1 else 1
    other = EventMeeting(
        event_id=event.id,
        az_company_id=world.az1.id,
        ru_company_id=world.ru2.id,
        slot=a.slot,
        table_no=free_table,
    )
    db.session.add(other)
    db.session.flush()  # the table is free: the meetings table alone accepts it ...
    db.session.add(EventSeat(event_id=event.id, meeting_id=other.id, company_id=world.az1.id, slot=a.slot))
    with pytest.raises(IntegrityError):  # ... but az1 is already seated in that slot
        db.session.flush()
    db.session.rollback()
    seat = db.session.scalar(select(EventSeat).where(EventSeat.meeting_id == a.id).limit(1))
    seat.slot = (a.slot + 1) % event.slot_count  # a seat cannot drift away from its meeting
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_conflicting_moves_are_clean_errors(client, world):
    event, a, b, c = _scheduled(world)
    login(client, world.staff)
    url = f"/events/{event.id}/meetings/{c.id}/move"
    r = client.post(url, data={"slot": str(a.slot), "table_no": str(a.table_no)})  # a's table
    assert r.status_code == 409
    assert "That table is taken in that slot" in r.get_data(as_text=True)
    r = client.post(
        f"/events/{event.id}/meetings/{b.id}/move",
        data={"slot": str(a.slot), "table_no": "2" if a.table_no == 1 else "1"},
    )
    assert r.status_code == 409
    assert "A firm would have two meetings in the same slot" in r.get_data(as_text=True)
    for data in (
        {"slot": "99", "table_no": "1"},
        {"slot": "0", "table_no": "3"},
        {"slot": "x", "table_no": "1"},
        {"slot": "0", "table_no": "-1"},
        {},
    ):
        assert client.post(url, data=data).status_code == 422, data
    db.session.expire_all()
    placed = {m.id: (m.slot, m.table_no) for m in db.session.scalars(select(EventMeeting))}
    assert len(set(placed.values())) == 3
    assert not db.session.get(EventMeeting, c.id).locked
    assert (
        db.session.scalar(select(func.count(Notification.id)).where(Notification.kind == "schedule_changed"))
        == 0
    )


def test_absurd_ids_are_404_not_500(client, world, published):
    e, huge = published.event.id, "9" * 20
    for role in ("member", "staff"):
        _as(client, world, role)
        for url in (
            f"/events/{huge}",
            f"/events/{e}/meetings/{huge}/feedback",
            f"/events/{huge}/agenda.ics",
            f"/events/{e}/agenda?company={huge}",
        ):
            assert client.get(url).status_code in (200, 403, 404), (role, url)  # members: ?company is ignored
        for url in (
            f"/events/{e}/requests/{huge}/accept",
            f"/events/{e}/meetings/{huge}/lock",
            f"/events/{e}/meetings/{huge}/move",
        ):
            assert client.post(url, data={"slot": "0", "table_no": "1"}).status_code in (403, 404), (
                role,
                url,
            )
    r = client.post(
        f"/events/{e}/meetings/{published.meeting.id}/no-show", data={"company_id": huge, "absent": "1"}
    )
    assert r.status_code == 400
