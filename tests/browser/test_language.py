"""The header's language links switch the interface, and the choice sticks (cookie)."""

from __future__ import annotations

from tests.browser.support import BROWSER_MARKS, catalog_translation

pytestmark = BROWSER_MARKS

# Strings of the header and the directory page, in English (the message ids).
HEADER_IDS = ("Sign in", "Register", "Directory")
PAGE_IDS = ("Company directory", "Search", "Sign in")


def _sign_in_link(page):
    return page.locator("nav.mainnav a[href^='/login']")


def _expected(lang: str, msgids) -> dict[str, str]:
    """What the catalog promises for these message ids (untranslated ones are left out)."""
    return {m: t for m in msgids if (t := catalog_translation(lang, m))}


def _assert_language(page, lang: str) -> None:
    assert page.locator("html").get_attribute("lang") == lang
    active = page.locator("nav.langs a.active")
    assert active.count() == 1
    assert active.inner_text().strip() == lang.upper()
    assert active.get_attribute("aria-current") == "true"
    texts = _expected(lang, HEADER_IDS)
    if "Sign in" in texts:
        assert _sign_in_link(page).inner_text().strip() == texts["Sign in"]
    if "Directory" in texts:
        assert page.locator("nav.mainnav").inner_text().find(texts["Directory"]) >= 0
    if "Register" in texts:
        assert page.locator("nav.mainnav a.btn").inner_text().strip() == texts["Register"]


def _lang_cookie(context) -> str | None:
    return next((c["value"] for c in context.cookies() if c["name"] == "lang"), None)


def test_language_links_switch_and_persist(app, live_server, context, page):
    page.goto(live_server("/companies"))
    assert page.locator("html").get_attribute("lang") == "en"  # the browser asks for en-US
    assert _sign_in_link(page).inner_text().strip() == "Sign in"

    page.locator("nav.langs a[hreflang=az]").click()
    page.wait_for_url("**lang=az**")
    _assert_language(page, "az")
    assert _lang_cookie(context) == "az"
    heading = _expected("az", PAGE_IDS).get("Company directory")
    if heading:
        assert page.locator("h1").inner_text().strip() == heading

    # Next page, no query parameter: the cookie keeps Azerbaijani.
    _sign_in_link(page).click()
    page.wait_for_url("**/login")
    assert "lang=" not in page.url
    _assert_language(page, "az")

    page.locator("nav.langs a[hreflang=ru]").click()
    page.wait_for_url("**lang=ru**")
    _assert_language(page, "ru")
    assert _lang_cookie(context) == "ru"
    page.goto(live_server("/companies"))
    _assert_language(page, "ru")

    page.locator("nav.langs a[hreflang=en]").click()
    page.wait_for_url("**lang=en**")
    _assert_language(page, "en")
    assert _sign_in_link(page).inner_text().strip() == "Sign in"


def test_language_link_keeps_the_search(app, live_server, page):
    page.goto(live_server("/companies?q=%D0%B2%D0%B8%D0%BD%D0%BE&country=AZ"))
    page.locator("nav.langs a[hreflang=ru]").click()
    page.wait_for_url("**lang=ru**")
    assert page.locator("#q").input_value() == "вино"
    assert page.locator("#country").input_value() == "AZ"
