"""The member's journey in a real browser, in az and ru, on a desktop and a 390 px phone: sign in →
the dashboard → partners → "Interested" and "No thanks" without losing the place in the list
(fetch in place), and the same without JavaScript (a plain POST back to the row's anchor).

With SCREENSHOTS=1 the walk also rewrites docs/screenshots/journey-{home,partners}-{az,ru}[-phone].png.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.support import BROWSER_MARKS, catalog_translation
from tests.factories import Factory
from tests.support import PASSWORD

pytestmark = BROWSER_MARKS

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
EMAIL = "aysel@lenkeran.example"
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _shot(page, name: str, lang: str, viewport: dict) -> None:
    if os.environ.get("SCREENSHOTS") == "1":
        SHOTS.mkdir(parents=True, exist_ok=True)
        suffix = "-phone" if viewport == PHONE else ""
        page.screenshot(path=str(SHOTS / f"journey-{name}-{lang}{suffix}.png"))


def _seed(app, lang):
    with app.app_context():
        f = Factory()
        tea = f.company(
            name="Lənkəran Çay ASC",
            city="Lənkəran",
            sectors=["10.83"],
            offers=["qara çay", "yaşıl çay"],
            needs=["qablaşdırma"],
        )
        cities = ["Москва", "Астрахань", "Казань", "Самара", "Саратов", "Волгоград"]
        for n in range(14):
            f.company(
                name=f"ООО Чайный дом {n + 1}",
                country="RU",
                city=cities[n % len(cities)],
                sectors=["46.37"],
                needs=["чай чёрный" if n % 2 else "зелёный чай"],
                languages=["ru"],
            )
        f.user(email=EMAIL, company=tea, locale=lang, full_name="Aysel Məmmədova")


def _context(browser, viewport, lang, js=True):
    phone = viewport == PHONE
    ctx = browser.new_context(
        viewport=viewport,
        locale={"az": "az-AZ", "ru": "ru-RU"}[lang],
        is_mobile=phone,
        has_touch=phone,
        java_script_enabled=js,
    )
    ctx.set_default_timeout(10_000)
    return ctx


def _sign_in(page, live_server, lang):
    page.goto(live_server(f"/login?lang={lang}"))
    page.fill("#email", EMAIL)
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.url.endswith("/home"), page.url
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").inner_text() == catalog_translation(lang, "My page")
    assert page.locator("#new-suggestions li").count() == 3  # the best new suggestions


def _top(page, selector):
    return page.evaluate(f"document.querySelector('{selector}').getBoundingClientRect().top")


def _axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.1 AA violations on the page (empty when axe is not installed)."""
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:  # pragma: no cover - dev extras not installed
        return []
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    found = Axe().run(page, options=options).response["violations"]
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in found]


def _no_sideways_scroll(page):
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("lang", ["az", "ru"])
def test_interested_and_no_thanks_keep_the_place(app, live_server, browser, lang, viewport):
    _seed(app, lang)
    ctx = _context(browser, viewport, lang)
    errors: list[str] = []
    try:
        page = ctx.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on(  # a blocked inline style or script shows as a console error
            "console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None
        )
        _sign_in(page, live_server, lang)
        _no_sideways_scroll(page)
        assert _axe_violations(page) == []
        _shot(page, "home", lang, viewport)
        with page.expect_navigation():
            page.locator("#new-suggestions a.btn").click()  # "All suggestions"
        assert "/partners" in page.url
        rows = page.locator("#partner-list > li")
        assert rows.count() >= 10
        _no_sideways_scroll(page)
        assert _axe_violations(page) == []
        direct = {"az": "Birbaşa uyğunluq", "ru": "Прямое совпадение"}[lang]
        assert page.locator(".strength .band-name").first.inner_text() == direct

        row = rows.nth(3)  # rows below it: the page can keep its place when the answered row shrinks
        row_id = row.get_attribute("id")
        row.scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, 120)")
        button = row.locator("form[action$='/interested'] button")
        button.hover()  # where the pointer clicks: the browser may scroll to bring it there first
        before_scroll, before_top = page.evaluate("window.scrollY"), _top(page, f"#{row_id}")
        url = page.url
        button.click()
        answered = page.locator(f"#{row_id}.answered")
        answered.wait_for()
        assert page.url == url  # answered in place, no page load
        assert abs(page.evaluate("window.scrollY") - before_scroll) < 2
        assert abs(_top(page, f"#{row_id}") - before_top) < 2
        note = catalog_translation(lang, "You are interested: %(name)s will see it.")
        assert note.split("%(name)s")[0].strip() in answered.inner_text()
        counts = page.locator("#partner-tabs .tab-count").all_inner_texts()
        assert counts[1] == "1"  # one firm on the "interested" tab now
        _shot(page, "partners", lang, viewport)

        # "No thanks" on the next row, then undo: the row comes back with its buttons
        nxt = page.locator(f"#{row_id} + li")
        nxt_id = nxt.get_attribute("id")
        decline = nxt.locator("form[action$='/declined'] button")
        decline.hover()
        before_scroll = page.evaluate("window.scrollY")
        decline.click()
        page.locator(f"#{nxt_id}.answered").wait_for()
        assert abs(page.evaluate("window.scrollY") - before_scroll) < 2
        page.locator(f"#{nxt_id} form[action$='/undo'] button").click()
        page.locator(f"#{nxt_id}:not(.answered) form[action$='/declined']").wait_for()
        assert page.url == url
        assert not errors, errors
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_without_javascript_the_answer_comes_back_to_the_row(app, live_server, browser, lang):
    _seed(app, lang)
    ctx = _context(browser, PHONE, lang, js=False)
    try:
        page = ctx.new_page()
        _sign_in(page, live_server, lang)
        page.goto(live_server("/partners"))
        row = page.locator("#partner-list > li").nth(9)
        row_id = row.get_attribute("id")
        row.scroll_into_view_if_needed()
        with page.expect_navigation():
            row.locator("form[action$='/interested'] button").click()
        assert page.url.endswith(f"#{row_id}")
        top = _top(page, f"#{row_id}")
        assert -2 <= top < PHONE["height"] / 2  # the answered row is where the reader looks
        assert page.locator(f"#{row_id}.answered").count() == 1
    finally:
        ctx.close()
