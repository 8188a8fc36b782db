"""Phone-size screens: no page scrolls sideways."""

from __future__ import annotations

import pytest

from tests.browser.support import BROWSER_MARKS
from tests.factories import Factory

pytestmark = BROWSER_MARKS

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser):
    ctx = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="ru-RU"
    )
    ctx.set_default_timeout(10_000)
    yield ctx.new_page()
    ctx.close()


def _overflow(page) -> dict:
    return page.evaluate("""() => {
        const se = document.scrollingElement;
        const wide = [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
        return {scrollWidth: se.scrollWidth, innerWidth: window.innerWidth, wide};
    }""")


def _seed(app):
    with app.app_context():
        f = Factory()
        f.company(
            name="Gəncə Aqro MMC",
            city="Gəncə",
            sectors=["01.13", "46.31", "10.39"],
            offers=["pomidor", "xiyar", "bibər", "fresh tomatoes", "cucumbers"],
            needs=["kənd təsərrüfatı texnikası", "mineral gübrələr", "тракторы", "удобрения"],
        )
        f.company(
            name="ООО «Прикаспийская Логистическая Компания»",
            country="RU",
            city="Ростов-на-Дону",
            sectors=["49.41", "52.29"],
            offers=["экспедирование грузов", "таможенное оформление"],
            needs=["грузы из Азербайджана"],
        )
        f.company(
            name="Lənkəran Çay ASC",
            city="Lənkəran",
            sectors=["10.83"],
            offers=["qara çay"],
            needs=["qablaşdırma materialları"],
        )


@pytest.mark.parametrize(
    "path",
    [
        "/companies",
        "/companies?q=%D0%93%D1%8F%D0%BD%D0%B4%D0%B6%D0%B0&section=A",
        "/login",
        "/register",
    ],
)
def test_no_horizontal_scroll_on_a_phone(app, live_server, phone, path):
    _seed(app)
    response = phone.goto(live_server(path))
    assert response.status == 200
    m = _overflow(phone)
    assert m["scrollWidth"] <= m["innerWidth"], f"{path} scrolls sideways: {m}"


def test_no_horizontal_scroll_for_a_signed_in_member(app, live_server, phone):
    _seed(app)
    with app.app_context():
        f = Factory()
        company = f.company(name="Şəki Fındıq", city="Şəki", sectors=["01.25"], offers=["fındıq"])
        f.user(email="member@az.example", company=company, full_name="Elnur")
        company_id = company.id
    phone.goto(live_server("/login"))
    phone.fill("#email", "member@az.example")
    phone.fill("#password", "correct horse battery")
    with phone.expect_navigation():
        phone.locator("main form button[type=submit]").click()
    assert not phone.url.endswith("/login")
    paths = ["/companies", f"/companies/{company_id}", f"/companies/{company_id}/edit", "/account"]
    if "matching.suggestions" in app.view_functions:
        paths.append("/partners")
    for path in paths:
        response = phone.goto(live_server(path))
        assert response.status == 200, path
        assert response.url == live_server(path), path
        m = _overflow(phone)
        assert m["scrollWidth"] <= m["innerWidth"], f"{path} scrolls sideways: {m}"


@pytest.mark.parametrize(("javascript", "lang"), [(True, "az"), (False, "ru")])
def test_phone_menu_is_one_button(app, live_server, browser, javascript, lang):
    """390 px: the header is one row (brand, languages, a menu button); the button opens the menu,
    with or without JavaScript. A wide screen shows the menu and no button."""
    _seed(app)
    ctx = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=javascript)
    try:
        page = ctx.new_page()
        page.goto(live_server(f"/companies?lang={lang}"))
        header = page.locator("header.topbar").bounding_box()
        assert header["height"] < 70, header
        m = _overflow(page)
        assert m["scrollWidth"] <= m["innerWidth"], m
        sign_in = page.locator(".mainnav a[href='/login']")
        assert not sign_in.is_visible()
        page.locator("summary.menu-button").click()
        assert sign_in.is_visible()
        m = _overflow(page)
        assert m["scrollWidth"] <= m["innerWidth"], m
        with page.expect_navigation():
            sign_in.click()
        assert page.url.endswith("/login")
    finally:
        ctx.close()
    wide = browser.new_context(viewport={"width": 1280, "height": 800}, java_script_enabled=javascript)
    try:
        page = wide.new_page()
        page.goto(live_server("/companies?lang=az"))
        assert page.locator(".mainnav a[href='/login']").is_visible()
        assert not page.locator("summary.menu-button").is_visible()
        assert page.locator("#country").is_visible()  # the directory's filters, unfolded
    finally:
        wide.close()


def test_directory_filters_fold_on_a_phone(app, live_server, phone):
    _seed(app)
    phone.goto(live_server("/companies"))
    assert phone.locator("#q").is_visible()
    assert not phone.locator("#country").is_visible()
    phone.locator(".more-filters > summary").click()
    phone.select_option("#country", "RU")
    with phone.expect_navigation():
        phone.locator("form.filters button[type=submit]").click()
    assert "country=RU" in phone.url
    # a filter in use: the filters stay unfolded, the summary counts them
    assert phone.locator("#country").is_visible()
    assert "(1)" in phone.locator(".more-filters > summary").inner_text()
