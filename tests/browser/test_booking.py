"""In a real browser, in Azerbaijani and Russian, on a desktop and on a 390 px phone, with and
without JavaScript: a member finds the partner firm, chooses a center, a room, a day, and a free
start time from the grid, sends the request, then cancels the meeting after a confirmation page
that names it. axe-core checks each page of the journey (WCAG 2.1 AA).

With SCREENSHOTS=1, the journey's pages are written to docs/screenshots/booking-*.png."""

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
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

WORDS = {
    "az": {
        "search": "Axtar",
        "center": "Həştərxan Biznes Mərkəzi",
        "room": "Kür danışıqlar otağı",
        "show": "Boş vaxtları göstər",
        "send": "Sorğunu göndər",
        "requested": "Görüş sorğusu göndərildi: ООО Волга Агро ilə, ",
        "span": "10:00–11:00, Bakı vaxtı (UTC+4)",
        "cancel": "Görüşü ləğv et",
        "sure": "Bəli, görüşü ləğv et",
        "cancelled": "Görüş ləğv edildi: ООО Волга Агро ilə, ",
        "sunday": "Mərkəz bazar günü işləmir.",
    },
    "ru": {
        "search": "Найти",
        "center": "Астраханский бизнес-центр",
        "room": "Переговорная «Кура»",
        "show": "Показать свободное время",
        "send": "Отправить запрос",
        "requested": "Запрос на встречу отправлен: с компанией ООО Волга Агро, ",
        "span": "10:00–11:00, время Баку (UTC+4)",
        "cancel": "Отменить встречу",
        "sure": "Да, отменить встречу",
        "cancelled": "Встреча отменена: с компанией ООО Волга Агро, ",
        "sunday": "воскресенье — выходной",
    },
}


def _world(app) -> dict:
    from datetime import timedelta

    from matchmaker.centers.services import seed_centers
    from matchmaker.extensions import db
    from tests.booking_support import open_day

    with app.app_context():
        seed_centers()
        db.session.commit()
        f = Factory()
        az = f.company(name="Gəncə Aqro MMC", city="Gəncə")
        f.company(name="ООО Волга Агро", country="RU", city="Астрахань")
        f.company(name="АО Каспий", country="RU", city="Махачкала")
        user = f.user(email="aynur@gence.example", company=az, full_name="Aynur Məmmədova")
        user.timezone = "Asia/Baku"
        db.session.commit()
        day = open_day(7)
        sunday = day + timedelta(days=(6 - day.weekday()) % 7)
        return {"day": day, "sunday": sunday, "email": user.email}


def _axe(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=WCAG)
    return [f"{v['id']}: {len(v['nodes'])}" for v in results.response["violations"]]


def _no_sideways_scroll(page) -> None:
    width = page.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1] + 1, width


def _check_page(page, script: bool, phone: bool) -> None:
    """axe-core finds nothing, and a phone does not scroll sideways (both run a script in the
    page: only where JavaScript is on; the no-JS run reads the same HTML)."""
    if script:
        assert _axe(page) == []
        if phone:
            _no_sideways_scroll(page)


def _sign_in(page, live_server, email: str, lang: str) -> None:
    page.goto(live_server(f"/login?lang={lang}"))
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def _shot(page, name: str) -> None:
    if os.environ.get("SCREENSHOTS") == "1":
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"booking-{name}.png"), full_page=True)


@pytest.mark.parametrize(
    "lang, viewport, script",
    [("az", DESKTOP, True), ("ru", PHONE, True), ("az", PHONE, False)],
    ids=["az-desktop", "ru-phone", "az-phone-no-js"],
)
def test_book_through_the_grid_and_cancel_after_confirming(app, live_server, browser, lang, viewport, script):
    world = _world(app)
    words = WORDS[lang]
    phone = viewport == PHONE
    ctx = browser.new_context(
        viewport=viewport,
        is_mobile=phone,
        has_touch=phone,
        locale={"az": "az-AZ", "ru": "ru-RU"}[lang],
        timezone_id="Asia/Baku",
        java_script_enabled=script,
    )
    ctx.set_default_timeout(10_000)
    errors: list[str] = []
    try:
        page = ctx.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        _sign_in(page, live_server, world["email"], lang)
        suffix = "-".join(p for p in (lang, "phone" if phone else "", "" if script else "nojs") if p)

        # the partner: searched by name, only firms of the other country
        page.goto(live_server("/meetings/new"))
        page.fill("#partner-q", "Волга")
        page.get_by_role("button", name=words["search"], exact=True).click()
        page.get_by_role("link", name="ООО Волга Агро").click()
        page.wait_for_url(re.compile(r"partner_id=\d+"))

        # the center, then only its rooms
        page.get_by_role("link", name=re.compile(re.escape(words["center"]))).click()
        page.get_by_role("link", name=re.compile(re.escape(words["room"]))).click()
        page.wait_for_url(re.compile(r"room_id=\d+"))

        # a Sunday says why it is closed
        page.fill("#day", world["sunday"].isoformat())
        if not script:
            page.get_by_role("button", name=words["show"]).click()
        page.wait_for_url(re.compile(f"date={world['sunday'].isoformat()}"))
        assert words["sunday"] in page.locator(".day-closed").inner_text()
        assert page.locator(".slot-grid").count() == 0

        # an open day: the grid of free start times
        page.fill("#day", world["day"].isoformat())
        if not script:
            page.get_by_role("button", name=words["show"]).click()
        page.wait_for_url(re.compile(f"date={world['day'].isoformat()}"))
        slots = page.locator(".slot-grid a").all_inner_texts()
        assert slots[0] == "09:00", slots
        assert slots[-1] == "17:00", slots
        _shot(page, f"grid-{suffix}")
        _check_page(page, script, phone)
        page.get_by_role("link", name="10:00", exact=True).click()
        page.wait_for_url(re.compile(r"start=10(:|%3A)00"))
        request = page.locator("#request").inner_text()
        assert words["span"] in request
        assert words["room"] in request
        page.fill("#topic", "Fındıq / Фундук")
        page.fill("#attendees", "3")
        page.get_by_role("button", name=words["send"]).click()
        page.wait_for_url(re.compile(r"/meetings/\d+$"))
        said = page.locator(".alert-success").inner_text()
        assert said.startswith(words["requested"]), said
        assert words["span"] in said, said
        assert words["room"] in said, said
        _shot(page, f"requested-{suffix}")

        from matchmaker.extensions import db
        from matchmaker.meetings.models import Meeting
        from tests.booking_support import at

        with app.app_context():
            meeting = db.session.scalar(select(Meeting))
            assert meeting.start_at == at(world["day"], "10:00")
            assert meeting.attendees == 3

        # cancelling asks first, naming the meeting, then says what happened
        page.get_by_role("link", name=words["cancel"]).click()
        page.wait_for_url(re.compile(r"/meetings/\d+/cancel$"))
        main = page.locator("main").inner_text()
        assert "ООО Волга Агро" in main
        assert words["span"] in main
        assert words["room"] in main
        _check_page(page, script, phone)
        _shot(page, f"confirm-{suffix}")
        page.fill("#reason", "Reys ləğv olundu")
        page.get_by_role("button", name=words["sure"]).click()
        page.wait_for_url(re.compile(r"/meetings/\d+$"))
        said = page.locator(".alert-success").inner_text()
        assert said.startswith(words["cancelled"]), said
        assert words["span"] in said, said
        with app.app_context():
            assert db.session.scalar(select(Meeting)).status == "cancelled"
    finally:
        ctx.close()
    assert not errors, errors
