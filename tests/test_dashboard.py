"""The dashboard a person lands on after signing in: a member's requests to answer (expiry in the
reader's time), coming meetings, mutual interest, new suggestions and profile hints; the staff's
verification queue, today's bookings at their center and coming brokerage days, without member-only
menu items; a bounded number of queries."""

from __future__ import annotations

import re

from sqlalchemy import event

from matchmaker.extensions import db
from tests.booking_support import World
from tests.support import PASSWORD


def _nav(page: str) -> str:
    return re.search(r'<nav class="mainnav".*?</nav>', page, re.S).group(0)


def test_a_member_lands_on_the_dashboard_and_sees_the_firms_day(client, factory):
    w = World(factory, client)
    w.ru_user.timezone = "Europe/Moscow"
    db.session.commit()
    first = w.book(topic="Pomidor tədarükü")
    assert first.status_code == 201
    client.post("/logout")
    r = client.post("/login", data={"email": w.ru_user.email, "password": PASSWORD})
    assert r.headers["Location"] == "/home"
    page = client.get("/home?lang=en").get_data(as_text=True)
    waiting = re.search(r'id="awaiting-answer".*?</section>', page, re.S).group(0)
    assert "Gəncə Aqro MMC" in waiting
    assert "Moscow time (UTC+3)" in waiting  # the expiry in the reader's own clock
    assert 'id="profile-completeness"' in page
    assert "Add what you need to get better suggestions." in page
    nav = _nav(page)
    assert "/partners" in nav
    assert "/meetings" in nav
    # the requester waits for the answer
    w.login(w.az_user)
    page = client.get("/home?lang=en").get_data(as_text=True)
    assert "Your requests awaiting their answer" in page
    assert "ООО Волга Агро" in page
    # accepted: a coming meeting for both
    w.call("POST", f"/api/v1/meetings/{first.get_json()['id']}/accept", user=w.ru_user)
    page = client.get("/home?lang=en").get_data(as_text=True)
    coming = re.search(r'id="upcoming-meetings".*?</section>', page, re.S).group(0)
    assert "ООО Волга Агро" in coming
    assert "Nothing to answer." in page


def test_mutual_interest_and_new_suggestions_on_the_dashboard(client, factory):
    az = factory.company(name="Gəncə Aqro", offers=["pomidor"], needs=["traktor"], sectors=["01.13"])
    ru = factory.company(name="Волга Овощ", country="RU", needs=["томаты"], languages=["ru"])
    factory.company(name="Урал Техника", country="RU", offers=["тракторы"], languages=["ru"])
    factory.user(email="az@example.com", company=az)
    factory.user(email="ru@example.com", company=ru)
    client.post("/login", data={"email": "ru@example.com", "password": PASSWORD})
    client.post(f"/partners/{az.id}/interested")
    client.post("/logout")
    client.post("/login", data={"email": "az@example.com", "password": PASSWORD})
    page = client.get("/home?lang=en").get_data(as_text=True)
    new = re.search(r'id="new-suggestions".*?</section>', page, re.S).group(0)
    assert "Волга Овощ" in new
    assert "Урал Техника" in new
    assert "Direct match" in new
    client.post(f"/partners/{ru.id}/interested")
    page = client.get("/home?lang=en").get_data(as_text=True)
    mutual = re.search(r'id="mutual-interest".*?</section>', page, re.S).group(0)
    assert "Волга Овощ" in mutual
    assert f"/meetings/new?partner_id={ru.id}" in mutual
    assert "Волга Овощ" not in re.search(r'id="new-suggestions".*?</section>', page, re.S).group(0)


def test_staff_and_admin_dashboards_without_member_items(client, factory):
    w = World(factory, client)
    w.book()
    astrakhan = "Europe/Astrakhan"
    w.book(user=w.az2_user, partner=w.ru2, room=w.c["neg1"], start="15:00", end="16:00", tz=astrakhan)
    client.post("/logout")
    r = client.post("/login", data={"email": w.staff_baku.email, "password": PASSWORD})
    assert r.headers["Location"] == "/home"
    page = client.get("/home?lang=en").get_data(as_text=True)
    queue = re.search(r'id="verification-queue".*?</div>', page, re.S).group(0)
    assert re.search(r'class="figure">4<', queue)  # four firms, none verified
    assert "Today at" in page
    assert 'id="coming-events"' in page
    assert page.count('class="card center-day"') == 1  # their own center only
    nav = _nav(page)
    assert "/partners" not in nav
    assert "/meetings" not in nav
    assert "/notifications" not in nav
    assert "/staff/verification" in nav
    assert "/home" in nav
    w.login(w.admin)
    page = client.get("/home?lang=en").get_data(as_text=True)
    assert page.count('class="card center-day"') == 2  # every center
    assert "/partners" not in _nav(page)


def test_dashboards_read_in_a_bounded_number_of_queries(client, factory):
    w = World(factory, client)

    def count(user):
        w.login(user)
        client.get("/home")  # warm: the engine loaded
        seen = []
        listener = lambda *a, **k: seen.append(1)  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            assert client.get("/home").status_code == 200
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        return len(seen)

    member_few, staff_few = count(w.ru_user), count(w.admin)
    for n, start in enumerate(("09:00", "10:00", "11:00", "12:00", "14:00")):
        partner = factory.company(name=f"Firma {n}", languages=["ru"])
        factory.user(email=f"m{n}@example.com", company=partner)
        assert w.book(user=w.ru_user, partner=partner, start=start, end=start[:3] + "45").status_code == 201
    assert count(w.ru_user) <= member_few
    assert count(w.admin) <= staff_few


def test_a_brokerage_day_request_awaits_the_answer_on_the_dashboard(client, factory):
    from datetime import UTC, datetime, time, timedelta

    from matchmaker.events import services as events
    from tests.booking_support import open_day

    w = World(factory, client)
    day = open_day(20)
    event = events.save_event(
        w.staff_baku,
        {
            "center_id": w.c["baku"].id,
            "title": {"az": "Aqrar biznes günü", "ru": "День агробизнеса", "en": "Agribusiness Day"},
            "description": {"az": "", "ru": "", "en": ""},
            "day": day,
            "sessions": [(time(10), time(12))],
            "slot_minutes": 20,
            "tables": 4,
            "room_ids": [],
            "max_meetings": 5,
            "request_deadline": datetime.combine(day - timedelta(days=2), time(12), tzinfo=UTC),
        },
    )
    events.change_status(event, "open")
    for user in (w.az_user, w.ru_user):
        events.register(event, user)
    events.send_request(event, w.ru_user, w.az.id, "")
    db.session.commit()
    w.login(w.az_user)
    page = client.get("/home?lang=ru").get_data(as_text=True)
    waiting = re.search(r'id="awaiting-answer".*?</section>', page, re.S).group(0)
    assert "ООО Волга Агро" in waiting
    assert "День агробизнеса" in waiting
    assert f"/events/{event.id}/requests" in waiting
