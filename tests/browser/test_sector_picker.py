"""The profile's sector field: a searchable picker with the script, a plain multi-select without."""

from __future__ import annotations

import re

from tests.browser.support import BROWSER_MARKS, catalog_translation
from tests.factories import Factory

pytestmark = BROWSER_MARKS

PASSWORD = "correct horse battery"


def _member_with_firm(app) -> int:
    with app.app_context():
        f = Factory()
        firm = f.company(name="Şirvan Bağları", city="Şamaxı", sectors=["01.21"], offers=["üzüm"])
        f.user(email="member@az.example", company=firm, full_name="Elnur", password=PASSWORD)
        return firm.id


def _sign_in(page, live_server, lang: str = "en") -> None:
    page.goto(live_server(f"/login?lang={lang}"))
    page.fill("#email", "member@az.example")
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert not page.url.endswith("/login")


def test_search_choose_with_keyboard_and_mouse_remove_and_save(app, live_server, page):
    firm_id = _member_with_firm(app)
    _sign_in(page, live_server, "ru")
    page.goto(live_server(f"/companies/{firm_id}/edit"))

    # the long list is replaced by a search box its label points to, in the reader's language
    assert page.locator("select#sectors").is_hidden()
    label = catalog_translation("ru", "Sectors (NACE Rev. 2)") or "Sectors (NACE Rev. 2)"
    search = page.get_by_role("combobox", name=label)
    assert search.is_visible()
    chosen = page.locator(".sector-chosen .sector-chip")
    assert chosen.all_inner_texts()[0].startswith("01.21")

    # a product word in Azerbaijani finds wine making, titled in Russian; Enter chooses it
    search.fill("şərab")
    first = page.locator("#sectors-results [role=option]").first
    first.wait_for()
    assert first.get_attribute("data-code") == "11.02"
    assert "вин" in first.inner_text().lower()
    assert search.get_attribute("aria-expanded") == "true"
    search.press("Enter")
    assert page.locator("#sectors-results").is_hidden()
    assert search.input_value() == ""
    assert [t.split()[0] for t in chosen.all_inner_texts()] == ["01.21", "11.02"]
    assert page.locator("[role=status]").filter(has_text="11.02").count() == 1

    # the same in Russian, chosen with the arrows and the mouse; Escape closes the list
    search.fill("вино")
    page.locator("#sectors-results [role=option][data-code='11.03']").wait_for()
    search.press("ArrowDown")
    active = search.get_attribute("aria-activedescendant")
    assert active
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    search.press("Escape")
    assert page.locator("#sectors-results").is_hidden()
    search.fill("вино")
    page.locator("#sectors-results [role=option][data-code='11.03']").click()
    assert [t.split()[0] for t in chosen.all_inner_texts()] == ["01.21", "11.02", "11.03"]

    # remove one with its button
    remove = catalog_translation("ru", "Remove") or "Remove"
    page.get_by_role("button", name=re.compile(re.escape(remove) + r": 01\.21")).click()
    assert [t.split()[0] for t in chosen.all_inner_texts()] == ["11.02", "11.03"]

    # nothing matches: it says so
    search.fill("qwxzv")
    none = catalog_translation("ru", "No activity matches.") or "No activity matches."
    page.locator("#sectors-results").filter(has_text=none).wait_for()

    page.locator("main form.profile-form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/companies/{firm_id}$"))
    body = page.locator("main").inner_text()
    assert "11.02" in body
    assert "11.03" in body
    assert "01.21" not in body


def test_without_javascript_the_field_is_a_plain_multi_select(app, live_server, browser):
    firm_id = _member_with_firm(app)
    context = browser.new_context(java_script_enabled=False, locale="en-US")
    try:
        page = context.new_page()
        _sign_in(page, live_server)
        page.goto(live_server(f"/companies/{firm_id}/edit"))
        select = page.locator("select#sectors")
        assert select.is_visible()
        assert page.locator(".sector-search").count() == 0
        select.select_option(["01.21", "11.02"])
        page.locator("main form.profile-form button[type=submit]").click()
        page.wait_for_url(re.compile(rf"/companies/{firm_id}$"))
        body = page.locator("main").inner_text()
        assert "01.21" in body
        assert "11.02" in body
    finally:
        context.close()
