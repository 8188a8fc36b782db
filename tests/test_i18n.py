"""Interface languages (az, ru, en): catalogs complete and compiled, locale selection, localised
messages and dates.

The rendering tests need the compiled catalogs: run ``make translations`` (``make test`` does).
When a catalog test fails after you added or changed a message: ``make extract-messages``, translate
the listed ids in ``matchmaker/translations/{az,ru}/LC_MESSAGES/messages.po``, ``make translations``.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import flask_babel
import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

import matchmaker
from matchmaker.core import profiles
from matchmaker.errors import DomainError
from matchmaker.messages import DYNAMIC_MESSAGES
from tests.support import DIRECTORY, HOME

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = Path(matchmaker.__file__).resolve().parent / "translations"
LANGS = ("az", "ru", "en")
TRANSLATED = ("az", "ru")  # en: msgids are English, msgstr stays empty
# Same as `make extract-messages` (Makefile): keep the two in step.
EXTRACT_ARGS = ["-F", "babel.cfg", "-k", "_l", "-k", "lazy_gettext", "-k", "N_", "-k", "lazy_ngettext:1,2"]
EXTRACT_INPUTS = ["matchmaker", "templates", "config.py"]

# One unmistakable string per language for each page (the page heading or the main button).
SIGN_IN = {"az": "Daxil ol", "ru": "Войти", "en": "Sign in"}
REQUIRED = {
    "az": "Bu sahə mütləq doldurulmalıdır.",
    "ru": "Это поле обязательно для заполнения.",
    "en": "This field is required.",
}
MISMATCH = {
    "az": "Şifrələr üst-üstə düşmür.",
    "ru": "Пароли не совпадают.",
    "en": "The passwords do not match.",
}


def _po_path(lang: str) -> Path:
    return TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po"


def _catalog(lang: str):
    with _po_path(lang).open("rb") as fh:
        return read_po(fh, locale=lang)


def _key(message) -> str:
    return message.id[0] if isinstance(message.id, (tuple, list)) else message.id


def _is_translated(message) -> bool:
    strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
    return bool(strings) and all(s and s.strip() for s in strings)


def _html(response) -> str:
    return response.get_data(as_text=True)


def _lang_attr(html: str) -> str | None:
    m = re.search(r'<html lang="([^"]*)"', html)
    return m.group(1) if m else None


@pytest.fixture(scope="module")
def compiled():
    """The rendering tests read the .mo files: fail clearly when they are missing or stale."""
    stale = []
    for lang in LANGS:
        po, mo = _po_path(lang), _po_path(lang).with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            stale.append(str(mo.relative_to(ROOT)))
    assert not stale, (
        f"compiled catalogs missing or older than the .po files, run `make translations`: {stale}"
    )


# --- catalogs -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_catalog_exists_with_the_right_plural_forms(lang):
    catalog = _catalog(lang)
    assert str(catalog.locale) == lang
    expected = {"az": 2, "ru": 3, "en": 2}[lang]  # CLDR: ru one/few/many, az and en one/other
    assert catalog.num_plurals == expected
    for message in catalog:
        if message.id and message.pluralizable and lang in TRANSLATED:
            assert len(message.string) == expected, _key(message)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated(lang):
    missing = [_key(m) for m in _catalog(lang) if m.id and not _is_translated(m)]
    assert not missing, (
        f"{len(missing)} message(s) without a translation in {_po_path(lang).relative_to(ROOT)}:\n"
        + "\n".join(f"  {mid!r}" for mid in missing)
    )


@pytest.mark.parametrize("lang", LANGS)
def test_no_fuzzy_entries(lang):
    catalog = _catalog(lang)
    fuzzy = [_key(m) for m in catalog if m.id and m.fuzzy]
    assert not catalog.fuzzy, f"the header of {lang} is marked fuzzy"
    assert not fuzzy, f"fuzzy (unreviewed) entries in {lang}: " + ", ".join(repr(f) for f in fuzzy)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_are_kept(lang):
    """Babel's checkers: every %(name)s / %(max)d of the msgid is in the msgstr, with its type."""
    problems = [f"{_key(m)!r}: {'; '.join(str(e) for e in errors)}" for m, errors in _catalog(lang).check()]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_plural_forms_keep_the_number(lang):
    for message in _catalog(lang):
        if message.id and message.pluralizable:
            placeholders = set(re.findall(r"%\(\w+\)[sd]", message.id[1]))
            for form in message.string:
                assert placeholders <= set(re.findall(r"%\(\w+\)[sd]", form)), (lang, form)


def test_catalogs_are_in_step_with_the_code(tmp_path, monkeypatch):
    """Every message id in the code and templates is in the catalogs (else: `make extract-messages`)."""
    monkeypatch.chdir(ROOT)
    pot = tmp_path / "messages.pot"
    CommandLineInterface().run(["pybabel", "-q", "extract", *EXTRACT_ARGS, "-o", str(pot), *EXTRACT_INPUTS])
    with pot.open("rb") as fh:
        in_code = {_key(m) for m in read_po(fh) if m.id}
    assert len(in_code) > 100
    for lang in LANGS:
        in_catalog = {_key(m) for m in _catalog(lang) if m.id}
        new = sorted(in_code - in_catalog)
        assert not new, (
            f"{len(new)} message(s) of the code are not in the {lang} catalog; run "
            "`make extract-messages` and translate them:\n" + "\n".join(f"  {n!r}" for n in new)
        )


def test_dynamic_message_ids_are_listed_for_extraction():
    """core.profiles messages reach gettext through a variable: matchmaker/messages.py lists them."""
    constants = {name: value for name, value in vars(profiles).items() if name.startswith("M_")}
    assert constants
    missing = {name: value for name, value in constants.items() if value not in DYNAMIC_MESSAGES}
    assert not missing, f"add these to matchmaker/messages.py: {missing}"


# --- locale selection and rendering ---------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_pages_render_in_the_chosen_language(client, compiled, lang):
    for path, expected in (("/login", SIGN_IN), ("/companies", DIRECTORY), ("/", HOME)):
        response = client.get(f"{path}?lang={lang}")
        assert response.status_code == 200, path
        html = _html(response)
        assert expected[lang] in html, (path, lang)
        assert _lang_attr(html) == lang
        for other in LANGS:
            if other != lang:
                assert expected[other] not in html, (path, lang, other)


def test_lang_parameter_sets_a_cookie_that_sticks(client, compiled):
    response = client.get("/?lang=az")
    assert "lang=az" in response.headers.get("Set-Cookie", "")
    assert client.get_cookie("lang").value == "az"
    html = _html(client.get("/companies"))  # no parameter: the cookie decides
    assert DIRECTORY["az"] in html
    assert _lang_attr(html) == "az"
    client.get("/login?lang=ru")  # a new choice replaces the old one
    html = _html(client.get("/", headers={"Accept-Language": "az"}))
    assert HOME["ru"] in html
    assert _lang_attr(html) == "ru"


def test_unknown_lang_parameter_is_ignored(client, compiled):
    response = client.get("/?lang=xx", headers={"Accept-Language": "ru"})
    assert "lang=" not in response.headers.get("Set-Cookie", "")
    assert HOME["ru"] in _html(response)


@pytest.mark.parametrize(
    "header, lang",
    [
        ("az", "az"),
        ("az-AZ,az;q=0.9,en;q=0.5", "az"),
        ("ru-RU,ru;q=0.9,en-US;q=0.8", "ru"),
        ("en-GB,en;q=0.9", "en"),
        ("de-DE,de;q=0.9,ru;q=0.5", "ru"),
        ("fr-FR", "en"),
    ],
)
def test_accept_language_is_honoured_when_nothing_else_is_set(client, compiled, header, lang):
    html = _html(client.get("/login", headers={"Accept-Language": header}))
    assert SIGN_IN[lang] in html
    assert _lang_attr(html) == lang


def test_account_language_applies_after_sign_in(client, auth, factory, compiled):
    factory.user(email="ru.member@example.com", locale="ru")
    auth.login(email="ru.member@example.com")
    html = _html(client.get("/companies", headers={"Accept-Language": "en"}))
    assert DIRECTORY["ru"] in html
    assert _lang_attr(html) == "ru"


@pytest.mark.parametrize("lang", LANGS)
def test_registration_errors_in_the_chosen_language(client, compiled, lang):
    """WTForms ships no az catalog: the validators carry our own (translated) messages."""
    client.set_cookie("lang", lang)
    response = client.post(
        "/register",
        data={
            "full_name": "",
            "email": "someone@example.com",
            "password": "correct horse battery",
            "confirm": "correct horse staple",
            "firm_choice": "join",
            "consent": "y",
        },
    )
    assert response.status_code == 200
    html = _html(response)
    assert REQUIRED[lang] in html
    assert MISMATCH[lang] in html
    assert SIGN_IN[lang] in html  # the page around the form is in the same language


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("az", "Ölkə AZ və ya RU olmalıdır."),
        ("ru", "Страна должна быть AZ или RU."),
        ("en", "Country must be AZ or RU."),
    ],
)
def test_core_validation_messages_are_translated(app, compiled, lang, expected):
    """The ids of core.profiles reach gettext at run time (listed in matchmaker/messages.py)."""
    from matchmaker.companies.services import create_company

    with app.test_request_context(f"/?lang={lang}"):
        flask_babel.refresh()
        with pytest.raises(DomainError) as err:
            create_company(name="Xəzər Logistika", country="FR", city="Bakı")
    assert err.value.fields["country"] == [expected]


@pytest.mark.parametrize(
    "lang, month, long_date",
    [
        ("az", "sentyabr", "15 sentyabr 2026"),
        ("ru", "сентября", "15 сентября 2026"),
        ("en", "September", "September 15, 2026"),
    ],
)
def test_dates_are_formatted_in_the_locale(app, lang, month, long_date):
    with app.test_request_context(f"/?lang={lang}"):
        flask_babel.refresh()
        assert str(flask_babel.get_locale()) == lang
        assert long_date in flask_babel.format_date(date(2026, 9, 15), "long")
        stamp = datetime(2026, 9, 15, 8, 30, tzinfo=UTC)
        assert month in flask_babel.format_datetime(stamp, "long")
        rendered = app.jinja_env.from_string("{{ when|datetime('long') }}").render(when=stamp)
        assert month in rendered


def test_plural_messages_follow_the_language_rules(app, compiled):
    cases = {
        "ru": {1: "1 компания", 3: "3 компании", 5: "5 компаний", 21: "21 компания", 12: "12 компаний"},
        "az": {1: "1 şirkət", 5: "5 şirkət"},
        "en": {1: "1 firm", 5: "5 firms"},
    }
    for lang, expected in cases.items():
        with app.test_request_context(f"/?lang={lang}"):
            flask_babel.refresh()
            for n, text in expected.items():
                assert flask_babel.ngettext("%(num)s firm", "%(num)s firms", n) == text, (lang, n)
