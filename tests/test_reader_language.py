"""What a reader reads is in their language: time zones by name, notifications written out when
read, the account's zone choice, a new account's zone, durations and fallbacks of missing texts."""

from __future__ import annotations

from datetime import UTC, datetime

import flask_babel
import pytest
from sqlalchemy import select

from matchmaker import timefmt
from matchmaker.auth.models import User
from matchmaker.core import zones
from matchmaker.extensions import db
from matchmaker.i18n import pick
from matchmaker.notifications.models import Notification
from matchmaker.notifications.services import render
from tests.support import PASSWORD


def _in(app, lang):
    ctx = app.test_request_context(f"/?lang={lang}")
    ctx.push()
    flask_babel.refresh()
    return ctx


@pytest.mark.parametrize(
    "lang, baku, astrakhan, moscow",
    [
        ("az", "Bakı vaxtı (UTC+4)", "Həştərxan vaxtı (UTC+4)", "Moskva vaxtı (UTC+3)"),
        ("ru", "время Баку (UTC+4)", "время Астрахани (UTC+4)", "время Москвы (UTC+3)"),
        ("en", "Baku time (UTC+4)", "Astrakhan time (UTC+4)", "Moscow time (UTC+3)"),
    ],
)
def test_zones_are_named_after_their_city(app, lang, baku, astrakhan, moscow):
    ctx = _in(app, lang)
    try:
        at = datetime(2026, 9, 15, 8, tzinfo=UTC)
        assert timefmt.zone_name("Asia/Baku", at) == baku
        assert timefmt.zone_name("Europe/Astrakhan", at) == astrakhan
        assert timefmt.zone_name("Europe/Moscow", at) == moscow
        assert timefmt.span_label(at, at.replace(hour=9), "Asia/Baku") == f"12:00–13:00, {baku}"
        for name in zones.COMMON_ZONES:
            label = timefmt.zone_name(name, at)
            assert "/" not in label, label
            assert "_" not in label, label
    finally:
        ctx.pop()


def test_offsets_and_unknown_russian_cities():
    assert zones.offset_label(datetime(2026, 1, 1, tzinfo=UTC)) == "UTC"
    from zoneinfo import ZoneInfo

    assert zones.offset_label(datetime(2026, 1, 1, tzinfo=ZoneInfo("Asia/Kolkata"))) == "UTC+5:30"
    assert zones.offset_label(datetime(2026, 1, 1, tzinfo=ZoneInfo("America/Sao_Paulo"))) == "UTC\u22123"
    assert zones.city_for_phrase("Europe/Moscow", "ru") == ("Москвы", True)
    assert zones.city_for_phrase("Asia/Tokyo", "ru") == ("Токио", False)  # no genitive of ours
    assert not zones.is_zone("Mars/Olympus")
    assert not zones.is_zone("UTC")
    assert zones.is_zone("Asia/Baku")


def test_durations_and_fallbacks(app):
    for lang, expected in (("az", "30 dəqiqə"), ("ru", "30 минут"), ("en", "30 minutes")):
        ctx = _in(app, lang)
        try:
            assert timefmt.duration(30) == expected
            assert timefmt.duration(21) == {"az": "21 dəqiqə", "ru": "21 минута", "en": "21 minutes"}[lang]
            assert (
                timefmt.weekday_name(0) == {"az": "Bazar ertəsi", "ru": "Понедельник", "en": "Monday"}[lang]
            )
        finally:
            ctx.pop()
    only_az = {"az": "Xəzər", "ru": None, "en": None}
    assert pick(only_az, "ru") == pick(only_az, "en") == "Xəzər"
    assert pick({"az": None, "ru": "Волга", "en": "Volga"}, "az") == "Волга"
    assert pick({"az": "Kür", "ru": None, "en": "Kura"}, "ru") == "Kura"
    assert pick({"az": None, "ru": None, "en": None}, "az") == ""


def test_meeting_notes_are_written_out_in_the_readers_language(w):
    mid = w.book().get_json()["id"]
    note = db.session.scalar(select(Notification).where(Notification.company_id == w.ru.id))
    assert set(note.params) == {"name", "start", "tz", "room_id"}
    assert note.params["tz"] == "Asia/Baku"
    d = w.day
    w.login(w.ru_user)
    ru = w.client.get("/notifications?lang=ru").get_data(as_text=True)
    assert "Gəncə Aqro MMC запрашивает встречу" in ru
    assert "10:00, время Баку (UTC+4)" in ru
    # the note names the meeting's place too, in the reader's language
    assert f"(UTC+4), {w.c['kur'].name_ru}, {w.c['baku'].name_ru}." in ru
    az = w.client.get("/notifications?lang=az").get_data(as_text=True)
    assert "Gəncə Aqro MMC görüş sorğusu göndərdi" in az
    assert "10:00, Bakı vaxtı (UTC+4)" in az
    assert "Asia/Baku" not in ru + az
    assert d.isoformat() not in ru + az

    # the center's staff cancel: the center is named in the reader's language when read
    w.call("POST", f"/api/v1/meetings/{mid}/cancel", user=w.staff_baku, json={"reason": "Su sızması"})
    ru = w.client.get("/notifications?lang=ru").get_data(as_text=True)
    assert "Астраханский бизнес-центр отменил встречу: " in ru
    w.client.get("/?lang=en")


def test_old_notes_with_a_ready_label_still_read(app, factory):
    firm = factory.company()
    old = Notification(
        company_id=firm.id,
        kind="meeting_requested",
        params={"name": "ООО Волга", "when": "2026-06-10 10:00 (UTC+04:00) Asia/Baku"},
    )
    odd = Notification(company_id=firm.id, kind="meeting_accepted", params={"name": "X", "when": "soon"})
    db.session.add_all([old, odd])
    db.session.commit()
    ctx = _in(app, "az")
    try:
        assert render(old) == "ООО Волга görüş sorğusu göndərdi: 10 iyn 2026, 10:00, Bakı vaxtı (UTC+4)."
        assert render(odd).endswith("soon.")
    finally:
        ctx.pop()


def test_account_offers_zones_by_name(w):
    w.login(w.az_user)
    page = w.client.get("/account?lang=az").get_data(as_text=True)
    assert '<option selected value="Asia/Baku">Bakı vaxtı (UTC+4)</option>' in page
    assert ">Moskva vaxtı (UTC+3)</option>" in page
    assert ">Həştərxan vaxtı (UTC+4)</option>" in page
    assert "Europe/Moscow (" not in page
    assert ">UTC<" not in page
    r = w.client.post(
        "/account/preferences", data={"full_name": "Aysel", "locale": "az", "timezone": "Europe/Moscow"}
    )
    assert r.status_code == 302
    db.session.refresh(w.az_user)
    assert w.az_user.timezone == "Europe/Moscow"
    r = w.client.post(
        "/account/preferences", data={"full_name": "Aysel", "locale": "az", "timezone": "Mars/X"}
    )
    assert r.status_code == 422
    w.client.get("/?lang=en")


@pytest.mark.parametrize(
    "sent, country, firm_choice, expected",
    [
        ("Europe/Samara", "AZ", "new", "Europe/Samara"),  # the browser's, by the hidden field
        ("", "AZ", "new", "Asia/Baku"),  # no JavaScript: the firm's country
        ("", "RU", "new", "Europe/Moscow"),
        ("Not/AZone", "RU", "new", "Europe/Moscow"),
        ("UTC", "AZ", "new", "Asia/Baku"),  # never UTC
    ],
)
def test_a_new_accounts_zone(client, sent, country, firm_choice, expected):
    data = {
        "full_name": "Aysel Məmmədova",
        "email": "aysel@gence.example",
        "password": PASSWORD,
        "confirm": PASSWORD,
        "firm_choice": firm_choice,
        "company_name": "Gəncə Aqro",
        "country": country,
        "city": "Gəncə",
        "timezone": sent,
        "consent": "y",
    }
    assert client.post("/register", data=data).status_code == 302
    user = db.session.scalar(select(User).where(User.email == "aysel@gence.example"))
    assert user.timezone == expected


def test_joining_without_a_firm_takes_the_languages_zone(client):
    data = {
        "full_name": "Иван Петров",
        "email": "ivan@volga.example",
        "password": PASSWORD,
        "confirm": PASSWORD,
        "firm_choice": "join",
        "consent": "y",
    }
    client.get("/?lang=ru")
    assert client.post("/register", data=data).status_code == 302
    user = db.session.scalar(select(User).where(User.email == "ivan@volga.example"))
    assert user.timezone == "Europe/Moscow"
    assert user.locale == "ru"


def test_register_page_loads_the_zone_script(client):
    html = client.get("/register").get_data(as_text=True)
    assert 'name="timezone" type="hidden"' in html
    assert "/static/timezone.js" in html
    assert "<script>" not in html  # CSP script-src 'self': no inline script
    assert client.get("/static/timezone.js").status_code == 200
