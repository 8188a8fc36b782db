"""In a real browser, in Azerbaijani and in Russian: a firm registered for a brokerage day in Astrakhan
presses "I need a stay", gets the nights that cover the day and its meetings there, books a free
mini-hotel room, and finds the stay next to its meetings in the day agenda."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import select

from tests.browser.support import BROWSER_MARKS
from tests.factories import Factory
from tests.support import PASSWORD

pytestmark = BROWSER_MARKS


def _world(app) -> dict:
    from matchmaker.centers.models import Center
    from matchmaker.centers.services import seed_centers
    from matchmaker.events import services as events
    from matchmaker.extensions import db
    from matchmaker.meetings.services import request_meeting
    from tests.booking_support import ASTRAKHAN, at, open_day

    with app.app_context():
        seed_centers()
        db.session.commit()
        f = Factory()
        az = f.company(name="Lənkəran Çay MMC", city="Lənkəran")
        ru = f.company(name="ООО Волга Агро", country="RU", city="Астрахань")
        user = f.user(email="elvin@lenkeran.example", company=az, full_name="Elvin Hüseynov")
        staff = f.user(email="staff@astrakhan.example", role="staff")
        astrakhan = db.session.scalar(select(Center).where(Center.slug == "azbc-astrakhan"))
        staff.center_id = astrakhan.id
        day = open_day(14)
        event = events.save_event(
            staff,
            {
                "center_id": astrakhan.id,
                "title": {"az": "Xəzər aqrar günü", "ru": "Каспийский агродень", "en": "Caspian agro day"},
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
        events.register(event, user)
        # and a meeting at the same center the afternoon after the brokerage day
        room = next(r for r in astrakhan.rooms if r.name_az == "Danışıqlar otağı 1")
        next_day = day + timedelta(days=1)
        request_meeting(
            user, ru.id, at(next_day, "15:00", ASTRAKHAN), at(next_day, "16:00", ASTRAKHAN), room_id=room.id
        )
        db.session.commit()
        return {"event": event.id, "day": day, "email": user.email}


@pytest.mark.parametrize(
    "lang, button, room, booked, agenda_room",
    [
        (
            "az",
            "Mənə yaşayış lazımdır",
            "Mini-otel otağı 1",
            "Yaşayış sorğusu göndərildi",
            "Mini-otel otağı 1",
        ),
        (
            "ru",
            "Мне нужно проживание",
            "Номер мини-гостиницы 1",
            "Запрос на проживание отправлен",
            "Номер мини-гостиницы 1",
        ),
    ],
)
def test_plan_a_visit_from_a_brokerage_day_registration(
    app, live_server, page, lang, button, room, booked, agenda_room
):
    world = _world(app)
    day = world["day"]
    page.goto(live_server(f"/login?lang={lang}"))
    page.fill("#email", world["email"])
    page.fill("#password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(live_server(f"/events/{world['event']}"))
    page.get_by_role("link", name=button).click()
    page.wait_for_url(lambda url: "/stays/new" in url)
    # 10:00 on the day (before the 14:00 check-in) to 16:00 the day after (after the 12:00 check-out)
    assert page.input_value("#check_in") == (day - timedelta(days=1)).isoformat()
    assert page.input_value("#check_out") == (day + timedelta(days=2)).isoformat()
    main = page.locator("main").inner_text()
    assert "ООО Волга Агро" in main
    assert {"az": "Xəzər aqrar günü", "ru": "Каспийский агродень"}[lang] in main
    assert (
        page.locator("#room_id option:checked")
        .inner_text()
        .endswith({"az": f"{room} (2 çarpayı)", "ru": f"{room} (2 спальных места)"}[lang])
    )
    page.fill("#guests", "2")
    page.select_option("#arrival_time", "21:00")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: "/stays/" in url and "/new" not in url)
    main = page.locator("main").inner_text()
    assert booked in page.content()
    assert room in main
    assert "21:00" in main
    # the agenda of the brokerage day shows the stay
    page.goto(live_server(f"/meetings/agenda?date={day.isoformat()}"))
    assert agenda_room in page.locator("main").inner_text()
    page.goto(live_server(f"/meetings/agenda?date={(day + timedelta(days=1)).isoformat()}"))
    main = page.locator("main").inner_text()
    assert "ООО Волга Агро" in main
    assert agenda_room in main
