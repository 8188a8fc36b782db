"""Staff actions in a real browser with JavaScript off: hide a firm (asked first, told afterwards,
undone), and the verification queue (bulk verify, turn down with a reason) staying where it was."""

from __future__ import annotations

import pytest

from tests.browser.support import BROWSER_MARKS
from tests.factories import Factory
from tests.support import PASSWORD

pytestmark = BROWSER_MARKS


@pytest.fixture
def staff_page(app, live_server, browser):
    with app.app_context():
        f = Factory()
        f.user(email="staff@baku.example", role="staff", full_name="Rəşad Quliyev")
        ids = {
            "az": f.company(name="Gəncə Aqro MMC", city="Gəncə").id,
            "az2": f.company(name="Şəki İpək", city="Şəki").id,
            "ru": f.company(name="ООО Волга Агро", country="RU", city="Астрахань").id,
        }
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, java_script_enabled=False)
    ctx.set_default_timeout(10_000)
    page = ctx.new_page()
    page.goto(live_server("/login?lang=ru"))
    page.fill("#email", "staff@baku.example")
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    yield page, ids
    ctx.close()


def test_hide_asks_tells_and_undoes_without_javascript(app, live_server, staff_page):
    page, ids = staff_page
    page.goto(live_server(f"/companies/{ids['az']}"))
    page.get_by_role("link", name="Скрыть").click()
    assert page.locator("h1").inner_text() == "Скрыть компанию «Gəncə Aqro MMC»?"
    page.get_by_role("button", name="Скрыть компанию").click()
    assert "Компания «Gəncə Aqro MMC» скрыта из каталога." in page.locator(".alert-undo").inner_text()
    assert page.url.endswith(f"/companies/{ids['az']}")
    page.get_by_role("button", name="Показать снова").click()
    assert "снова видна в каталоге" in page.locator(".alert").inner_text()
    page.goto(live_server("/companies"))
    assert page.get_by_text("Gəncə Aqro MMC").count() == 1


def test_queue_verify_and_turn_down_stay_in_the_filtered_queue(app, live_server, staff_page):
    page, ids = staff_page
    page.goto(live_server("/staff/verification"))
    page.select_option("#vcountry", "AZ")
    page.get_by_role("button", name="Показать").click()
    filtered = page.url
    assert "country=AZ" in filtered
    assert page.locator("tbody tr").count() == 2
    page.check(f"#pick-{ids['az']}")
    page.get_by_role("button", name="Подтвердить выбранные компании").click()
    assert page.url == filtered
    assert "Gəncə Aqro MMC" in page.locator(".alert-undo").inner_text()
    assert page.locator("tbody tr").count() == 1
    page.get_by_role("link", name="Отказать…").click()
    page.get_by_role("button", name="Отказать и сообщить компании").click()  # no reason: refused
    assert page.locator("#reason").get_attribute("aria-invalid") == "true"
    page.fill("#reason", "Не указан сайт компании.")
    page.get_by_role("button", name="Отказать и сообщить компании").click()
    assert page.url == filtered
    assert "Şəki İpək" in page.locator(".alert-undo").inner_text()
    assert page.get_by_text("Ожидающих нет.").is_visible()
    page.get_by_role("button", name="Вернуть как было").click()
    assert page.url == filtered
    assert page.locator("tbody tr").count() == 1
