"""In a real browser: a new account takes the browser's time zone (static/timezone.js), or its
firm's country's without JavaScript; the account page names zones in the reader's language; the
centers and a room read in Azerbaijani and Russian.

With SCREENSHOTS=1, ``test_language_screenshots`` rewrites docs/screenshots/lang-*.png (centers,
a room, the account page in az and ru)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.browser.support import BROWSER_MARKS
from tests.factories import Factory
from tests.support import PASSWORD

pytestmark = BROWSER_MARKS

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _register(page, live_server, email: str, country: str = "AZ") -> None:
    page.goto(live_server("/register?lang=az"))
    page.fill("#full_name", "Aynur Məmmədova")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.fill("#confirm", PASSWORD)
    page.check("input[name=firm_choice][value=new]")
    page.fill("#company_name", "Gəncə Aqro")
    page.select_option("#country", country)
    page.fill("#city", "Gəncə")
    page.check("#consent")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/companies/\d+/edit$"))


@pytest.mark.parametrize(
    "browser_zone, script, expected, label",
    [
        ("Europe/Samara", True, "Europe/Samara", "Samara vaxtı (UTC+4)"),
        ("Europe/Samara", False, "Asia/Baku", "Bakı vaxtı (UTC+4)"),  # no JavaScript: the firm's country
    ],
)
def test_a_new_account_takes_the_browsers_zone(
    app, live_server, browser, browser_zone, script, expected, label
):
    ctx = browser.new_context(locale="az-AZ", timezone_id=browser_zone, java_script_enabled=script)
    try:
        page = ctx.new_page()
        _register(page, live_server, "aynur@gence.example")
        from matchmaker.auth.models import User
        from matchmaker.extensions import db

        with app.app_context():
            user = db.session.scalar(select(User).where(User.email == "aynur@gence.example"))
            assert user.timezone == expected
        page.goto(live_server("/account?lang=az"))
        chosen = page.locator("#timezone option:checked")
        assert chosen.get_attribute("value") == expected
        assert chosen.inner_text().strip() == label
        options = page.locator("#timezone option").all_inner_texts()
        assert all("/" not in o for o in options), options  # names, not tz ids
    finally:
        ctx.close()


def _staffed_world(app) -> dict:
    """The seeded centers, a member of an Azerbaijani firm (own clock: Moscow) with a meeting."""
    from datetime import UTC, datetime, timedelta

    from matchmaker.centers.models import Room
    from matchmaker.centers.services import seed_centers
    from matchmaker.extensions import db
    from matchmaker.meetings.services import request_meeting
    from tests.booking_support import at, open_day

    with app.app_context():
        seed_centers()
        db.session.commit()
        f = Factory()
        az = f.company(name="Gəncə Aqro MMC", city="Gəncə")
        ru = f.company(name="ООО Волга Агро", country="RU", city="Астрахань")
        user = f.user(email="aynur@gence.example", company=az, full_name="Aynur Məmmədova")
        user.timezone = "Europe/Moscow"
        kur = db.session.scalar(select(Room).where(Room.name_az == "Kür danışıqlar otağı"))
        day = open_day(7)
        start = at(day, "11:00")
        assert start > datetime.now(UTC) + timedelta(days=1)
        request_meeting(user, ru.id, start, at(day, "12:00"), room_id=kur.id, topic="Fındıq")
        db.session.commit()
        return {"room": kur.id, "day": day.isoformat(), "email": user.email}


def _sign_in(page, live_server, email: str) -> None:
    page.goto(live_server("/login"))
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


@pytest.mark.parametrize(
    "lang, center, room_name, zone",
    [
        ("az", "Həştərxan Biznes Mərkəzi", "Kür danışıqlar otağı", "11:00–12:00, Bakı vaxtı (UTC+4)"),
        ("ru", "Астраханский бизнес-центр", "Переговорная «Кура»", "11:00–12:00, время Баку (UTC+4)"),
    ],
)
def test_centers_and_a_room_in_the_readers_language(app, live_server, page, lang, center, room_name, zone):
    world = _staffed_world(app)
    _sign_in(page, live_server, world["email"])
    page.goto(live_server(f"/centers?lang={lang}"))
    main = page.locator("main").inner_text()
    assert center in main
    assert {"az": "proyektor", "ru": "проектор"}[lang] in main
    assert "Asia/Baku" not in main
    assert "Europe/Astrakhan" not in main
    page.goto(live_server(f"/rooms/{world['room']}?date={world['day']}"))
    main = page.locator("main").inner_text()
    assert room_name in main
    assert zone in main
    assert {"az": "Moskva vaxtı (UTC+3)", "ru": "время Москвы (UTC+3)"}[lang] in main  # their own clock


@pytest.mark.skipif(
    os.environ.get("SCREENSHOTS") != "1", reason="set SCREENSHOTS=1 to rewrite docs/screenshots"
)
def test_language_screenshots(app, live_server, browser):
    world = _staffed_world(app)
    SHOTS.mkdir(parents=True, exist_ok=True)
    ctx = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="az-AZ", timezone_id="Asia/Baku"
    )
    try:
        page = ctx.new_page()
        _sign_in(page, live_server, world["email"])
        for lang in ("az", "ru"):
            pages = {
                "centers": "/centers",
                "room": f"/rooms/{world['room']}?date={world['day']}",
                "account": "/account",
            }
            for name, path in pages.items():
                sep = "&" if "?" in path else "?"
                page.goto(live_server(f"{path}{sep}lang={lang}"))
                page.screenshot(path=str(SHOTS / f"lang-{name}-{lang}.png"), full_page=True)
    finally:
        ctx.close()
