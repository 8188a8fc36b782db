"""Meeting requests through the API and the pages: rules, field errors, conflicts, permissions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from matchmaker.extensions import db
from matchmaker.meetings.models import Meeting
from matchmaker.notifications.models import Notification
from tests.booking_support import ASTRAKHAN, at, iso


def test_book_returns_201_with_local_times_and_holds_the_room(w):
    r = w.book(topic="Fresh tomatoes", attendees=3, interpreter=True)
    assert r.status_code == 201, r.get_json()
    m = r.get_json()
    assert m["start"] == f"{w.day.isoformat()}T10:00:00+04:00"
    assert m["end"].endswith("T11:00:00+04:00")
    assert m["timezone"] == "Asia/Baku"
    assert m["status"] == "requested"
    assert m["awaiting_company_id"] == w.ru.id
    assert m["requester"]["id"] == w.az.id
    assert m["partner"]["id"] == w.ru.id
    assert m["interpreter"] is True
    assert m["uid"].endswith("@matchmaker")
    assert m["sequence"] == 0
    listing = w.call("GET", "/api/v1/meetings", user=w.ru_user).get_json()["items"]
    assert [x["id"] for x in listing] == [m["id"]]
    assert w.call("GET", "/api/v1/meetings", user=w.nofirm_user).get_json() == {"items": []}
    # both sides are told in-app: the partner now, the requester on the answer
    assert (
        db.session.scalar(
            select(func.count())
            .select_from(Notification)
            .where(Notification.company_id == w.ru.id, Notification.kind == "meeting_requested")
        )
        == 1
    )


def test_offset_in_another_zone_is_the_same_instant(w):
    # 09:00 Moscow (UTC+3) == 10:00 Baku (UTC+4)
    r = w.call(
        "POST",
        "/api/v1/meetings",
        json={
            "partner_id": w.ru.id,
            "room_id": w.c["kur"].id,
            "start": iso(w.day, "09:00", "Europe/Moscow"),
            "end": iso(w.day, "10:00", "Europe/Moscow"),
        },
    )
    assert r.status_code == 201
    assert r.get_json()["start"].endswith("T10:00:00+04:00")
    r = w.book(user=w.az2_user, partner=w.ru2, start="10:30", end="11:00")
    assert r.status_code == 409


BAD_INPUTS = [
    ("end before start", {"start": "11:00", "end": "10:00"}, "end"),
    ("too short", {"start": "10:00", "end": "10:15"}, "end"),
    ("too long", {"start": "10:00", "end": "12:30"}, "end"),
    ("outside hours (early)", {"start": "07:00", "end": "08:00"}, "start"),
    ("outside hours (late)", {"start": "17:30", "end": "18:30"}, "start"),
    ("in the past", {"past": True}, "start"),
    ("unknown room", {"room_id": 999999}, "room_id"),
    ("unbookable room", {"room": "office502"}, "room_id"),
    ("unknown partner", {"partner_id": 999999}, "partner_id"),
    ("same-country partner", {"partner": "az2"}, "partner_id"),
    ("partner as text", {"partner_id": "abc"}, "partner_id"),
    ("bad datetime", {"start_raw": "tomorrow at ten"}, "start"),
    ("naive datetime", {"start_raw": "2030-01-01T10:00:00"}, "start"),
    ("bad end format", {"end_raw": "2030-13-45T99:00+04:00"}, "end"),
    ("too many people", {"attendees": 9}, "attendees"),
    ("no people", {"attendees": 0}, "attendees"),
    ("unknown field", {"color": "red"}, "color"),
    ("missing start", {"drop": "start"}, "start"),
    ("missing partner", {"drop": "partner_id"}, "partner_id"),
]


@pytest.mark.parametrize("label,change,field", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_422_with_the_field(w, label, change, field):
    body = {
        "partner_id": w.ru.id,
        "room_id": w.c["kur"].id,
        "start": iso(w.day, change.get("start", "10:00")),
        "end": iso(w.day, change.get("end", "11:00")),
    }
    if change.get("past"):
        past = datetime.now(UTC) - timedelta(days=2)
        body["start"], body["end"] = past.isoformat(), (past + timedelta(hours=1)).isoformat()
    for key in ("room_id", "partner_id", "attendees", "color"):
        if key in change:
            body[key] = change[key]
    if "room" in change:
        body["room_id"] = w.c[change["room"]].id
    if "partner" in change:
        body["partner_id"] = getattr(w, change["partner"]).id
    if "start_raw" in change:
        body["start"] = change["start_raw"]
    if "end_raw" in change:
        body["end"] = change["end_raw"]
    body.pop(change.get("drop", ""), None)
    r = w.call("POST", "/api/v1/meetings", json=body)
    assert r.status_code == 422, (label, r.get_json())
    err = r.get_json()["error"]
    assert err["code"] == "invalid", (label, err)
    assert field in err["fields"], (label, err)
    assert db.session.scalar(select(func.count(Meeting.id))) == 0


def test_holiday_is_refused(w):
    from matchmaker.centers.models import Closure

    soon = datetime.now(UTC) + timedelta(days=1)
    holidays = db.session.scalars(
        select(Closure)
        .where(
            Closure.center_id == w.c["baku"].id,
            Closure.kind == "holiday",
            Closure.start_at > soon,
            Closure.start_at < soon + timedelta(days=360),
        )
        .order_by(Closure.start_at)
    ).all()
    holiday = next((h for h in holidays if h.start_at.astimezone(ZoneInfo("Asia/Baku")).weekday() < 5), None)
    if holiday is None:
        pytest.skip("no seeded weekday holiday in the coming year")
    start = holiday.start_at.astimezone(ZoneInfo("Asia/Baku")).replace(hour=10)
    r = w.call(
        "POST",
        "/api/v1/meetings",
        json={
            "partner_id": w.ru.id,
            "room_id": w.c["kur"].id,
            "start": start.isoformat(),
            "end": (start + timedelta(hours=1)).isoformat(),
        },
    )
    assert r.status_code == 422, r.get_json()
    assert "start" in r.get_json()["error"]["fields"], r.get_json()
    assert holiday.reason in r.get_json()["error"]["fields"]["start"][0]


def test_bad_bodies_are_json_errors(w):
    r = w.call("POST", "/api/v1/meetings", data="{nope", content_type="application/json")
    assert r.status_code in (400, 422)
    assert "error" in r.get_json()
    r = w.call("POST", "/api/v1/meetings", json=[1, 2])
    assert r.status_code == 422
    assert "error" in r.get_json()


def test_403_without_an_active_firm(w):
    r = w.book(user=w.nofirm_user)
    assert r.status_code == 403
    assert r.get_json()["error"]["code"] == "forbidden"
    assert w.book(user=w.staff_baku).status_code == 403


def test_conflicts_room_and_both_firms(w):
    assert w.book().status_code == 201
    r = w.book(user=w.az2_user, partner=w.ru2, start="10:30", end="11:30")  # same room, other firms
    assert r.status_code == 409
    assert "room_id" in r.get_json()["error"]["fields"]
    r = w.book(user=w.az_user, partner=w.ru2, room=w.c["volga"])  # requester busy elsewhere
    assert r.status_code == 409
    assert r.get_json()["error"]["code"] == "conflict"
    r = w.book(user=w.az2_user, partner=w.ru, room=w.c["volga"])  # partner busy elsewhere
    assert r.status_code == 409
    assert "partner_id" in r.get_json()["error"]["fields"]
    r = w.book(user=w.ru_user, partner=w.az2, room=w.c["volga"])  # partner firm books for itself
    assert r.status_code == 409
    assert (
        w.book(user=w.az2_user, partner=w.ru2, start="11:00", end="12:00").status_code == 201
    )  # back to back


def test_any_free_room_picks_one_that_fits(w):
    body = {
        "partner_id": w.ru.id,
        "room_id": None,
        "center_id": w.c["baku"].id,
        "attendees": 10,
        "start": iso(w.day, "14:00"),
        "end": iso(w.day, "15:00"),
    }
    r = w.call("POST", "/api/v1/meetings", json=body)
    room = r.get_json()["room"]
    assert r.status_code == 201
    assert room["id"] == w.c["absheron"].id
    assert room["names"]["az"] == "Abşeron danışıqlar otağı"
    assert room["names"]["ru"] == "Переговорная «Апшерон»"


def test_answer_cancel_and_permissions(w):
    mid = w.book().get_json()["id"]
    assert w.call("POST", f"/api/v1/meetings/{mid}/accept", user=w.az2_user).status_code == 403
    assert w.call("GET", f"/api/v1/meetings/{mid}", user=w.ru2_user).status_code == 403
    assert w.call("POST", f"/api/v1/meetings/{mid}/accept", user=w.az_user).status_code == 409  # own request
    r = w.call("POST", f"/api/v1/meetings/{mid}/accept", user=w.ru_user)
    assert r.status_code == 200
    assert r.get_json()["status"] == "accepted"
    assert r.get_json()["sequence"] == 1
    assert (
        w.call("POST", f"/api/v1/meetings/{mid}/cancel", user=w.staff_astra, json={"reason": "x"}).status_code
        == 403
    )
    r = w.call("POST", f"/api/v1/meetings/{mid}/cancel", user=w.az_user, json={})
    assert r.status_code == 422
    assert "reason" in r.get_json()["error"]["fields"]
    r = w.call("POST", f"/api/v1/meetings/{mid}/cancel", user=w.staff_baku, json={"reason": "Water leak"})
    assert r.status_code == 200
    assert r.get_json()["status"] == "cancelled"
    assert r.get_json()["note"] == "Water leak"
    kinds = set(db.session.scalars(select(Notification.kind).where(Notification.company_id == w.az.id)))
    assert {"meeting_accepted", "meeting_cancelled_by_center"} <= kinds  # the staff cancelled it
    assert w.call("GET", "/api/v1/meetings/999999").status_code == 404
    # cancelled frees the slot for everybody
    assert w.book(user=w.az2_user, partner=w.ru2).status_code == 201


def test_decline_frees_the_room(w):
    mid = w.book().get_json()["id"]
    r = w.call("POST", f"/api/v1/meetings/{mid}/decline", user=w.ru_user, json={"reason": "Busy that week"})
    assert r.status_code == 200
    assert r.get_json()["status"] == "declined"
    assert w.book(user=w.az2_user, partner=w.ru2).status_code == 201


def test_reschedule_moves_and_asks_the_other_side(w):
    mid = w.book().get_json()["id"]
    body = {"start": iso(w.day, "15:00"), "end": iso(w.day, "16:00"), "reason": "Our flight lands at 13:00"}
    assert w.call("POST", f"/api/v1/meetings/{mid}/reschedule", user=w.az2_user, json=body).status_code == 403
    r = w.call("POST", f"/api/v1/meetings/{mid}/reschedule", user=w.ru_user, json=body)
    m = r.get_json()
    assert r.status_code == 200
    assert m["start"].endswith("T15:00:00+04:00")
    assert m["status"] == "requested"
    assert m["awaiting_company_id"] == w.az.id
    assert m["sequence"] == 1
    assert w.book(user=w.az2_user, partner=w.ru2).status_code == 201  # 10:00 is free again
    r = w.call(
        "POST",
        f"/api/v1/meetings/{mid}/reschedule",
        user=w.az_user,
        json={"start": iso(w.day, "10:00"), "end": iso(w.day, "11:00"), "reason": "back"},
    )
    assert r.status_code == 409
    r = w.call("POST", f"/api/v1/meetings/{mid}/reschedule", user=w.az_user, json={"start": "x", "end": "y"})
    assert r.status_code == 422
    assert {"start", "end", "reason"} <= set(r.get_json()["error"]["fields"])
    assert w.call("POST", f"/api/v1/meetings/{mid}/accept", user=w.az_user).get_json()["status"] == "accepted"


def test_requests_read_as_expired_at_once_and_the_periodic_job_marks_them(w, app):
    first = w.book().get_json()["id"]
    second = w.book(user=w.az2_user, partner=w.ru2, room=w.c["volga"]).get_json()["id"]
    for mid in (first, second):
        db.session.get(Meeting, mid).expires_at = datetime.now(UTC) - timedelta(minutes=1)
    db.session.commit()
    assert w.call("GET", f"/api/v1/meetings/{first}").get_json()["status"] == "expired"  # read as expired
    db.session.expire_all()
    assert db.session.get(Meeting, first).status == "requested"  # ... but a read writes nothing
    result = app.test_cli_runner().invoke(args=["meetings", "expire"])
    assert result.exit_code == 0
    assert "expired 2 " in result.output
    db.session.expire_all()
    assert db.session.get(Meeting, first).status == "expired"
    assert db.session.get(Meeting, second).status == "expired"
    assert w.book(user=w.az2_user, partner=w.ru2).status_code == 201  # the held room is free again
    assert (
        db.session.scalar(
            select(func.count()).select_from(Notification).where(Notification.kind == "meeting_expired")
        )
        == 4
    )


def test_request_page_shows_zone_and_field_errors(w):
    w.login(w.az_user)
    r = w.client.get(f"/meetings/new?partner_id={w.ru.id}")
    assert r.status_code == 200
    assert "Baku time (UTC+4)" in r.text
    assert "Astrakhan time (UTC+4)" in r.text
    assert "Asia/Baku" not in r.text
    assert "Europe/Astrakhan" not in r.text
    data = {
        "partner_id": w.ru.id,
        "center_id": w.c["baku"].id,
        "room_id": w.c["kur"].id,
        "date": w.day.isoformat(),
        "start": "10:00",
        "duration": 60,
        "attendees": 2,
        "topic": "Tea",
    }
    r = w.client.post(f"/meetings/new?partner_id={w.ru.id}", data={**data, "start": "07:00"})
    assert r.status_code == 422
    assert "Outside opening hours" in r.text
    assert 'id="booking-errors"' in r.text
    r = w.client.post(
        f"/meetings/new?partner_id={w.ru.id}", data={**data, "date": "31.02.2030", "attendees": "x"}
    )
    assert r.status_code == 422
    r = w.client.post(f"/meetings/new?partner_id={w.ru.id}", data=data)
    assert r.status_code == 302
    r = w.client.get(r.headers["Location"])
    assert "10:00–11:00, Baku time (UTC+4)" in r.text
    r = w.client.post(f"/meetings/new?partner_id={w.ru2.id}", data={**data, "partner_id": w.ru2.id})
    assert r.status_code == 409
    assert "already has a meeting" in r.text
    assert w.client.get(f"/meetings/new?partner_id={w.az2.id}").status_code == 422
    assert w.client.get("/meetings/new?partner_id=99999999999999999999").status_code in (200, 422)


def test_moscow_user_sees_both_clocks(w):
    mid = w.book().get_json()["id"]
    w.ru_user.timezone = "Europe/Moscow"
    db.session.commit()
    w.login(w.ru_user)
    text = w.client.get(f"/meetings/{mid}").text
    assert "10:00–11:00, Baku time (UTC+4)" in text
    assert "09:00–10:00, Moscow time (UTC+3)" in text
    assert "09:00–10:00, Moscow time (UTC+3)" in w.client.get("/meetings").text
    text = w.client.get(f"/meetings/{mid}?lang=ru").text
    assert "10:00–11:00, время Баку (UTC+4)" in text
    assert "09:00–10:00, время Москвы (UTC+3)" in text
    assert "(UTC+4) –" not in text  # the span names the zone once


@pytest.mark.parametrize(
    ("lang", "span"), [("az", "10:00–11:00, Bakı vaxtı (UTC+4)"), ("ru", "10:00–11:00, время Баку (UTC+4)")]
)
def test_a_meeting_names_its_zone_once(w, lang, span):
    mid = w.book().get_json()["id"]
    w.login(w.ru_user)  # the partner, who is asked to answer
    for url in (f"/meetings/{mid}", "/meetings", f"/meetings/agenda?date={w.day.isoformat()}", "/home"):
        text = w.client.get(f"{url}{'&' if '?' in url else '?'}lang={lang}").text
        assert span in text, url
        assert "(UTC+4) –" not in text, url


def test_page_permissions_matrix(w):
    mid = w.book().get_json()["id"]
    pages = [f"/meetings/{mid}", f"/meetings/{mid}.ics", f"/meetings/{mid}/reschedule"]
    for url in pages + ["/meetings", "/meetings/agenda", f"/meetings/new?partner_id={w.ru.id}"]:
        r = w.client.get(url)
        assert r.status_code == 302, url
        assert "/login" in r.headers["Location"], url
    expected = [
        (w.az_user, 200),
        (w.ru_user, 200),
        (w.ru2_user, 403),
        (w.staff_baku, 200),
        (w.staff_astra, 403),
    ]
    for user, status in expected:
        w.login(user)
        assert w.client.get(f"/meetings/{mid}").status_code == status, user.email
        assert w.client.get(f"/meetings/{mid}.ics").status_code == status, user.email
        assert w.client.post(f"/meetings/{mid}/accept").status_code in (
            (302, 409) if status == 200 else (403,)
        )
    w.login(w.ru2_user)
    assert w.client.post(f"/meetings/{mid}/cancel", data={"reason": "no"}).status_code == 403
    w.login(w.ru_user)
    assert w.client.get(f"/meetings/{mid}/reschedule").status_code == 200
    assert w.client.get("/meetings/987654/").status_code == 404
    assert w.client.get("/meetings/987654").status_code == 404


def test_web_accept_reschedule_and_cancel(w):
    mid = w.book().get_json()["id"]
    w.login(w.ru_user)
    assert w.client.post(f"/meetings/{mid}/accept").status_code == 302
    r = w.client.post(
        f"/meetings/{mid}/reschedule",
        data={
            "room_id": w.c["kur"].id,
            "date": w.day.isoformat(),
            "start": "16:00",
            "duration": 30,
            "reason": "",
        },
    )
    assert r.status_code == 422
    r = w.client.post(
        f"/meetings/{mid}/reschedule",
        data={
            "room_id": w.c["kur"].id,
            "date": w.day.isoformat(),
            "start": "16:00",
            "duration": 30,
            "reason": "Later",
        },
    )
    assert r.status_code == 302
    db.session.expire_all()
    m = db.session.get(Meeting, mid)
    assert m.status == "requested"
    assert m.start_at == at(w.day, "16:00")
    assert m.sequence == 2
    r = w.client.post(f"/meetings/{mid}/cancel", data={"reason": ""})
    assert r.status_code == 422
    assert w.client.post(f"/meetings/{mid}/cancel", data={"reason": "Plans changed"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Meeting, mid).status == "cancelled"


def test_agenda_and_index(w):
    w.book(topic="Persimmons")
    w.book(user=w.az_user, partner=w.ru2, room=w.c["neg1"], start="15:00", end="16:00", tz=ASTRAKHAN)
    w.login(w.az_user)
    r = w.client.get(f"/meetings/agenda?date={w.day.isoformat()}")
    assert r.status_code == 200
    assert "Persimmons" in r.text
    assert "15:00–16:00, Astrakhan time (UTC+4)" in r.text
    assert w.client.get("/meetings/agenda?date=garbage").status_code == 422
    assert "ООО Волга Агро" in w.client.get("/meetings").text
    w.login(w.nofirm_user)
    assert w.client.get("/meetings").status_code == 200
    assert w.client.get(f"/meetings/new?partner_id={w.ru.id}").status_code == 403


EXTREME = [
    {"start": "9999-12-31T23:00:00-05:00", "end": "9999-12-31T23:59:00-05:00"},
    {"start": "0001-01-01T00:00:00+14:00", "end": "0001-01-01T01:00:00+14:00"},
    {"start": "2027-01-05T10:00:00+99:00"},
    {"start": None, "end": 123},
    {"partner_id": 2**70, "room_id": 2**70},
    {"partner_id": True},
    {"room_id": None, "center_id": None},
    {"attendees": 2**40},
]


@pytest.mark.parametrize("change", EXTREME)
def test_extreme_api_inputs_are_422_never_500(w, change):
    body = {
        "partner_id": w.ru.id,
        "room_id": w.c["kur"].id,
        "start": iso(w.day, "10:00"),
        "end": iso(w.day, "11:00"),
        **change,
    }
    r = w.call("POST", "/api/v1/meetings", json=body)
    assert r.status_code == 422, r.get_json()
    assert r.get_json()["error"]["fields"], r.get_json()


def test_extreme_urls_and_forms_never_500(w):
    for url in (
        "/api/v1/rooms/99999999999999999999/availability?date=2027-01-05",
        "/api/v1/meetings/99999999999999999999",
        "/api/v1/rooms/1/availability?date=9999-12-31",
    ):
        assert w.call("GET", url).status_code in (404, 422), url
    w.login(w.az_user)
    for url in (
        "/rooms/1?date=9999-12-31&view=week",
        "/meetings/agenda?date=9999-12-31",
        "/meetings/99999999999999999999",
    ):
        assert w.client.get(url).status_code < 500, url
    for data in (
        {"center_id": "abc", "room_id": "x", "date": "9999-12-31", "start": "23:45", "duration": "999"},
        {
            "center_id": w.c["baku"].id,
            "room_id": 0,
            "date": "9999-12-31",
            "start": "20:45",
            "duration": "120",
            "attendees": "3",
            "partner_id": w.ru.id,
        },
        {
            "center_id": w.c["baku"].id,
            "room_id": 0,
            "date": "2000-01-01",
            "start": "10:00",
            "duration": "60",
            "attendees": "99999999999999999999",
            "partner_id": w.ru.id,
        },
    ):
        assert w.client.post(f"/meetings/new?partner_id={w.ru.id}", data=data).status_code == 422
    w.login(w.staff_baku)
    r = w.client.post(
        f"/staff/centers/{w.c['baku'].id}/closures",
        data={
            "room_id": 0,
            "start_date": "9999-12-31",
            "end_date": "9999-12-31",
            "kind": "block",
            "reason": "x",
        },
    )
    assert r.status_code == 422
    for url in (
        f"/staff/centers/{w.c['baku'].id}/occupancy?from=9999-12-25&to=9999-12-31",
        f"/staff/centers/{w.c['baku'].id}?date=9999-12-31",
    ):
        assert w.client.get(url).status_code == 422
