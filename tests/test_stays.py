"""Stays by the night: the API, the centers' rules, and the database's own guarantee."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from matchmaker.centers.models import Closure, ClosureKind, Room
from matchmaker.extensions import db
from matchmaker.stays.models import Stay, StayStatus
from tests.booking_support import ASTRAKHAN, World
from tests.databases import ON_PG


@pytest.fixture
def w(client, factory):
    world = World(factory, client)
    world.c["flat701"] = db.session.scalar(select(Room).where(Room.name_en == "Flat 701"))
    world.c["hotel3"] = db.session.scalar(select(Room).where(Room.name_en == "Mini-hotel room 3"))
    return world


def _day(days: int):
    return datetime.now(ZoneInfo(ASTRAKHAN)).date() + timedelta(days=days)


def book(w, room=None, first=20, nights=2, guests=2, user=None, **extra):
    body = {
        "room_id": (room or w.c["hotel"]).id,
        "guests": guests,
        "check_in": _day(first).isoformat(),
        "check_out": _day(first + nights).isoformat(),
        **extra,
    }
    return w.call("POST", "/api/v1/stays", user=user, json=body)


def test_a_member_books_nights_and_the_staff_confirm(w):
    r = book(w, arrival_time="18:30", notes="Üç nəfərlik nümayəndə heyəti")
    assert r.status_code == 201, r.get_json()
    body = r.get_json()
    # Astrakhan's mini-hotel asks its staff to confirm each request; the nights are held meanwhile
    assert body["status"] == "requested"
    assert body["nights"] == 2
    assert body["arrival_time"] == "18:30"
    assert body["room"]["kind"] == "hotel_room"
    assert body["room"]["beds"] == 2
    stay = db.session.get(Stay, body["id"])
    w.login(w.staff_astra)
    page = w.client.get(f"/staff/centers/{w.c['astrakhan'].id}/stays?lang=ru")
    assert page.status_code == 200
    assert w.az.name in page.get_data(as_text=True)
    r = w.client.post(f"/stays/{stay.id}/confirm")
    assert r.status_code == 302
    db.session.refresh(stay)
    assert stay.status == StayStatus.CONFIRMED
    # the firm is told, in its reader's language
    w.login(w.az_user)
    notes = w.client.get("/notifications?lang=ru").get_data(as_text=True)
    assert "Азербайджанский бизнес-центр подтвердил" in notes or "подтвердил ваше проживание" in notes


def test_overlaps_back_to_back_and_cancellation(w):
    assert book(w, first=20, nights=3).status_code == 201  # nights 20, 21, 22
    for first, nights in ((21, 1), (19, 2), (22, 4), (18, 10)):  # partial and full overlaps
        r = book(w, first=first, nights=nights, user=w.az2_user)
        assert r.status_code == 409, (first, nights, r.get_json())
        assert r.get_json()["error"]["fields"] == {"check_in": [r.get_json()["error"]["message"]]}
    # back to back: check-out day 23 is the next guest's check-in day, and 18 -> 20 ends on 20
    assert book(w, first=23, nights=2, user=w.az2_user).status_code == 201
    assert book(w, first=18, nights=2, user=w.ru_user).status_code == 201
    # another room the same nights is free
    assert book(w, room=w.c["hotel3"], first=20, nights=3, user=w.ru2_user).status_code == 201
    # cancelling frees the nights
    first = db.session.scalar(select(Stay).where(Stay.company_id == w.az.id))
    r = w.call("POST", f"/api/v1/stays/{first.id}/cancel", json={"reason": "Plans changed"})
    assert r.status_code == 200
    assert r.get_json()["status"] == "cancelled"
    assert book(w, first=21, nights=1, user=w.az2_user).status_code == 201
    # availability shows it per night
    r = w.call(
        "GET",
        f"/api/v1/centers/{w.c['astrakhan'].id}/stays/availability"
        f"?from={_day(20).isoformat()}&to={_day(23).isoformat()}",
    )
    assert r.status_code == 200, r.get_json()
    nights = {n["date"]: n for n in r.get_json()["nights"]}
    hotel, hotel3 = w.c["hotel"].id, w.c["hotel3"].id
    assert hotel in nights[_day(20).isoformat()]["free_room_ids"]
    assert hotel in nights[_day(21).isoformat()]["taken_room_ids"]
    assert all(hotel3 in n["taken_room_ids"] for n in nights.values())
    assert r.get_json()["rules"]["needs_confirmation"] is True


def test_field_errors(w):
    cases = [
        ({"check_out": _day(20).isoformat()}, "check_out"),  # check-out not after check-in
        ({"check_out": _day(19).isoformat()}, "check_out"),
        ({"guests": 3}, "guests"),  # two beds
        ({"arrival_time": "09:00"}, "arrival_time"),  # check-in from 14:00
        ({"check_in": _day(-3).isoformat(), "check_out": _day(-1).isoformat()}, "check_in"),
    ]
    for extra, field in cases:
        r = book(w, **extra)
        assert r.status_code == 422, (extra, r.get_json())
        assert field in r.get_json()["error"]["fields"], (extra, r.get_json())
    r = book(w, room=w.c["kur"])  # a meeting room is not let by the night
    assert r.status_code == 422
    assert "room_id" in r.get_json()["error"]["fields"]
    # Baku's flats: at least two nights
    r = book(w, room=w.c["flat701"], nights=1)
    assert r.status_code == 422
    assert "check_out" in r.get_json()["error"]["fields"]
    r = book(w, room=w.c["flat701"], nights=2, guests=4)
    assert r.status_code == 201
    assert r.get_json()["status"] == "confirmed"
    r = w.call("POST", "/api/v1/stays", json={"room_id": w.c["hotel"].id})
    assert r.status_code == 422
    assert {"guests", "check_in", "check_out"} <= set(r.get_json()["error"]["fields"])
    assert not db.session.scalars(select(Stay).where(Stay.room_id == w.c["hotel"].id)).all()


def test_closed_nights(w):
    center = w.c["astrakhan"]
    tz = ZoneInfo(center.timezone)
    day = _day(30)
    start = datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)
    db.session.add(
        Closure(
            center_id=center.id,
            start_at=start,
            end_at=start + timedelta(days=1),
            kind=ClosureKind.MAINTENANCE,
            reason_en="Water off",
            reason_ru="Отключение воды",
        )
    )
    db.session.commit()
    r = book(w, first=29, nights=3)
    assert r.status_code == 422
    assert "check_in" in r.get_json()["error"]["fields"]
    # the night before the closure ends at check-out time on the closed day: closed too
    assert book(w, first=28, nights=2).status_code == 422
    assert book(w, first=31, nights=2).status_code == 201
    r = w.call(
        "GET",
        f"/api/v1/centers/{center.id}/stays/availability?from={day.isoformat()}"
        f"&to={(day + timedelta(days=1)).isoformat()}&lang=ru",
    )
    night = r.get_json()["nights"][0]
    assert night["free_room_ids"] == []
    assert night["closed"][0]["reason"] == "Отключение воды"


def test_who_may_book_for_a_firm(w):
    assert book(w, user=w.nofirm_user).status_code == 403
    assert book(w, user=w.az_user, company_id=w.az2.id).status_code == 403  # another firm
    assert book(w, user=w.staff_baku, company_id=w.az.id).status_code == 403  # another center's staff
    r = book(w, user=w.staff_astra, company_id=w.az.id)
    assert r.status_code == 201
    assert r.get_json()["status"] == "confirmed"
    assert r.get_json()["company"]["id"] == w.az.id
    # the firm sees it; another firm does not
    assert w.call("GET", f"/api/v1/stays/{r.get_json()['id']}").status_code == 200
    assert w.call("GET", f"/api/v1/stays/{r.get_json()['id']}", user=w.ru_user).status_code == 403
    assert [s["id"] for s in w.call("GET", "/api/v1/stays").get_json()["items"]] == [r.get_json()["id"]]


def test_availability_input(w):
    base = f"/api/v1/centers/{w.c['astrakhan'].id}/stays/availability"
    assert w.call("GET", f"{base}?from={_day(5)}&to={_day(5)}").status_code == 422
    assert w.call("GET", f"{base}?from={_day(5)}&to={_day(100)}").status_code == 422
    assert w.call("GET", f"{base}?from=2026-02-30&to={_day(5)}").status_code == 422
    assert (
        w.call("GET", f"/api/v1/centers/999/stays/availability?from={_day(5)}&to={_day(6)}").status_code
        == 404
    )


def _stay(w, company, room, first, nights, guests=1, status="confirmed"):
    return Stay(
        company_id=company.id,
        room_id=room.id,
        room_capacity=room.capacity,
        check_in=_day(first),
        check_out=_day(first + nights),
        guests=guests,
        status=status,
        active=status in ("requested", "confirmed"),
    )


def test_the_database_refuses_double_sold_nights_without_the_service(w):
    room = w.c["hotel"]
    db.session.add(_stay(w, w.az, room, 20, 3))
    db.session.commit()
    for first, nights in ((20, 1), (21, 1), (19, 2), (22, 5)):  # same start, and overlaps
        db.session.add(_stay(w, w.az2, room, first, nights))
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()
    db.session.add(_stay(w, w.az2, room, 23, 1))  # back to back
    db.session.add(_stay(w, w.az2, room, 19, 1))
    db.session.add(_stay(w, w.az2, room, 21, 1, status="cancelled"))  # inactive rows never block
    db.session.commit()
    # reviving a cancelled stay over taken nights is refused too
    revived = db.session.scalar(select(Stay).where(Stay.status == "cancelled"))
    revived.status, revived.active = "confirmed", True
    with pytest.raises(IntegrityError, match="ex_stays_room_nights" if ON_PG else "room is taken"):
        db.session.commit()
    db.session.rollback()
    # beds: more guests than the room sleeps, or shrinking the room under a stay
    db.session.add(_stay(w, w.az2, room, 40, 1, guests=3))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
    db.session.add(_stay(w, w.az2, room, 50, 1, guests=2))
    db.session.commit()
    room.capacity = 1
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_staff_confirm_and_decline_through_the_api(w):
    first = book(w).get_json()["id"]
    second = book(w, first=30, user=w.az2_user).get_json()["id"]
    assert w.call("POST", f"/api/v1/stays/{first}/confirm", json={}).status_code == 403  # the firm itself
    assert w.call("POST", f"/api/v1/stays/{first}/confirm", user=w.staff_baku, json={}).status_code == 403
    r = w.call("POST", f"/api/v1/stays/{first}/confirm", user=w.staff_astra, json={})
    assert r.status_code == 200
    assert r.get_json()["status"] == "confirmed"
    assert w.call("POST", f"/api/v1/stays/{first}/confirm", user=w.staff_astra, json={}).status_code == 409
    r = w.call("POST", f"/api/v1/stays/{second}/decline", user=w.staff_astra, json={"reason": "Ремонт"})
    assert r.status_code == 200
    assert r.get_json()["status"] == "declined"
    assert book(w, first=30, user=w.ru_user).status_code == 201  # the declined nights are free


def test_a_firm_cannot_cancel_a_stay_that_has_begun_the_staff_can(w):
    room = w.c["hotel"]
    past, today, ahead = _stay(w, w.az, room, -10, 3), _stay(w, w.az, room, 0, 2), _stay(w, w.az, room, 5, 2)
    db.session.add_all([past, today, ahead])
    db.session.commit()
    for stay in (past, today):
        r = w.call("POST", f"/api/v1/stays/{stay.id}/cancel", json={"reason": ""})
        assert r.status_code == 409
        assert r.get_json()["error"]["message"] in {
            "This stay has already begun: only the center can cancel it now.",
            "Проживание уже началось: отменить его теперь может только центр.",
            "Bu qalma artıq başlayıb: indi onu yalnız mərkəz ləğv edə bilər.",
        }
        w.login(w.az_user)
        page = w.client.get(f"/stays/{stay.id}?lang=ru").get_data(as_text=True)
        assert f"/stays/{stay.id}/cancel" not in page
        assert w.client.post(f"/stays/{stay.id}/cancel", data={"reason": ""}).status_code in (302, 409)
        db.session.refresh(stay)
        assert stay.status == StayStatus.CONFIRMED
    w.login(w.az_user)
    assert f"/stays/{ahead.id}/cancel" in w.client.get(f"/stays/{ahead.id}").get_data(as_text=True)
    assert w.call("POST", f"/api/v1/stays/{ahead.id}/cancel", json={}).status_code == 200
    # the center's staff may still cancel a stay that has begun
    w.login(w.staff_astra)
    assert f"/stays/{today.id}/cancel" in w.client.get(f"/stays/{today.id}").get_data(as_text=True)
    assert w.call("POST", f"/api/v1/stays/{today.id}/cancel", user=w.staff_astra, json={}).status_code == 200
    db.session.refresh(today)
    assert today.status == StayStatus.CANCELLED
