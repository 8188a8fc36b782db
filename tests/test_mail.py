"""E-mail decided with the change that causes it: meeting letters with iTIP invitations in the
recipient's language, matches, brokerage days, preferences, one-click unsubscribe, the periodic tick
(reminders, expiry warnings, expiry, digests), and bad input. Messages are kept in memory here
(Flask-Mailman's locmem backend); tests/test_mail_smtp.py sends them through a real SMTP server."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlsplit

from flask import current_app
from sqlalchemy import func, select

from matchmaker.extensions import db
from matchmaker.mail.models import OutboxMessage, OutboxStatus
from matchmaker.meetings.models import Meeting
from matchmaker.notifications.models import Category, Notification
from matchmaker.notifications.services import set_preference
from tests.booking_support import World
from tests.mail_support import calendar_parts, html_of, invitation, parse, text_of


def outbox():
    """What the in-memory backend has received, as mail programs see it."""
    return [parse(m) for m in getattr(current_app.extensions["mailman"], "outbox", [])]


def to(address):
    return [m for m in outbox() if str(m["To"]) == address]


def rows(**where):
    stmt = select(OutboxMessage).order_by(OutboxMessage.id)
    for name, value in where.items():
        stmt = stmt.where(getattr(OutboxMessage, name) == value)
    return list(db.session.scalars(stmt))


def tick(runner, now=None):
    args = ["jobs", "tick"] + (["--now", now.isoformat()] if now else [])
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    return result.output


CYRILLIC = re.compile("[а-яА-ЯёЁ]")


def test_meeting_request_reaches_the_russian_partner_in_russian_with_an_itip_request(w):
    r = w.book(topic="Свежие томаты")
    assert r.status_code == 201, r.get_json()
    meeting = db.session.get(Meeting, r.get_json()["id"])
    assert [str(m["To"]) for m in outbox()] == ["member@ru.example"]  # the requester is not told
    mail = to("member@ru.example")[0]
    assert str(mail["Subject"]) == "Запрос на встречу от Gəncə Aqro MMC"
    text, html = text_of(mail), html_of(mail)
    assert text.startswith("Здравствуйте!")
    for english in (
        "Hello",
        "When:",
        "Where:",
        "Open the meeting",
        "calendar",
        "Please",
    ):  # (room names are data)
        assert english not in text, english
        assert english not in html, english
    assert "Когда:" in text
    assert "10:00–11:00, время Баку (UTC+4)" in text  # the zone named once for the span
    assert text.count("UTC+4") == 1
    assert "Свежие томаты" in text
    assert f"http://127.0.0.1:5000/meetings/{meeting.id}" in text
    assert "<html" in html
    method, cal, event = invitation(mail)
    assert method == "REQUEST"
    assert str(cal["METHOD"]) == "REQUEST"
    assert str(event["UID"]) == meeting.uid
    assert int(event["SEQUENCE"]) == 0
    assert event.decoded("DTSTART") == meeting.start_at
    assert event.decoded("DTEND") == meeting.end_at
    assert str(event["STATUS"]) == "TENTATIVE"
    assert "mailto:member@ru.example" in str(event["ATTENDEE"])
    assert CYRILLIC.search(str(event["SUMMARY"]))  # "Встреча с Gəncə Aqro MMC"
    # a notification letter: one-click unsubscribe (RFC 8058) and a stable Message-ID from the outbox
    assert str(mail["List-Unsubscribe"]).startswith("<http://127.0.0.1:5000/unsubscribe/")
    assert str(mail["List-Unsubscribe-Post"]) == "List-Unsubscribe=One-Click"
    row = rows(to_address="member@ru.example")[0]
    assert row.status == OutboxStatus.SENT
    assert str(mail["Message-ID"]) == row.message_id("matchmaker.localhost")


def test_accept_then_cancel_updates_the_same_calendar_event(w):
    mid = w.book().get_json()["id"]
    assert w.call("POST", f"/api/v1/meetings/{mid}/accept", user=w.ru_user).status_code == 200
    accepted = to("member@az.example")[-1]
    assert str(accepted["Subject"]).startswith("Görüş təsdiqləndi")  # the AZ firm reads Azerbaijani
    r = w.call("POST", f"/api/v1/meetings/{mid}/cancel", user=w.az_user, json={"reason": "Рейс отменён"})
    assert r.status_code == 200
    cancelled = to("member@ru.example")[-1]
    assert "Рейс отменён" in text_of(cancelled)
    request_uid = invitation(to("member@ru.example")[0])[2]["UID"]
    sequences = []
    for mail in (to("member@ru.example")[0], accepted, cancelled):
        method, _cal, event = invitation(mail)
        assert str(event["UID"]) == str(request_uid)
        sequences.append((method, int(event["SEQUENCE"])))
    assert sequences == [("REQUEST", 0), ("REQUEST", 1), ("CANCEL", 2)]
    assert str(invitation(cancelled)[2]["STATUS"]) == "CANCELLED"
    # the firm that acted is not written to about its own action
    assert len(to("member@az.example")) == 1
    assert len(to("member@ru.example")) == 2


def test_decline_and_reschedule_letters(w):
    mid = w.book().get_json()["id"]
    start, end = (w.day.isoformat() + "T14:00:00+04:00", w.day.isoformat() + "T15:00:00+04:00")
    r = w.call(
        "POST",
        f"/api/v1/meetings/{mid}/reschedule",
        user=w.ru_user,
        json={"start": start, "end": end, "reason": "Утром занято"},
    )
    assert r.status_code == 200, r.get_json()
    moved = to("member@az.example")[-1]
    assert "yeni vaxt" in str(moved["Subject"])
    assert "Утром занято" in text_of(moved)
    assert invitation(moved)[0] == "REQUEST"
    assert "14:00" in text_of(moved)
    r = w.call("POST", f"/api/v1/meetings/{mid}/decline", user=w.az_user, json={"reason": "Нет"})
    assert r.status_code == 200
    declined = to("member@ru.example")[-1]
    assert invitation(declined)[0] == "CANCEL"
    assert "отклонили" in text_of(declined)


def test_times_in_the_recipients_zone_and_the_centers(w):
    w.ru_user.timezone = "Europe/Moscow"
    db.session.commit()
    w.book()
    text = text_of(to("member@ru.example")[0])
    assert "10:00–11:00, время Баку (UTC+4)" in text
    assert "Ваше время:" in text
    assert "09:00–10:00, время Москвы (UTC+3)" in text


def test_a_refused_request_decides_no_mail(w):
    assert w.book().status_code == 201
    assert w.book(user=w.az2_user, partner=w.ru2).status_code == 409  # the room is taken then
    assert w.book(start="11:00", end="10:00").status_code == 422
    assert [str(m["To"]) for m in outbox()] == ["member@ru.example"]
    assert len(rows()) == 1


def test_every_active_member_gets_a_copy_unless_they_turned_meetings_off(w, factory):
    colleague = factory.user(email="second@ru.example", company=w.ru, locale="en")
    assert colleague.locale == "en"
    pending = factory.user(email="pending@ru.example", company=w.ru, membership="pending")
    set_preference(w.ru_user.id, Category.MEETINGS, email=False)
    db.session.commit()
    w.book()
    assert [str(m["To"]) for m in outbox()] == ["second@ru.example"]
    assert str(outbox()[0]["Subject"]) == "Meeting request from Gəncə Aqro MMC"  # the colleague's English
    assert pending.email not in str([m["To"] for m in outbox()])


def test_preferences_page_turns_kinds_off_in_the_app_and_by_mail(w):
    w.login(w.ru_user)
    page = w.client.get("/account/notifications")
    assert page.status_code == 200
    assert "meetings_email" in page.get_data(as_text=True)
    # digest is off by default, the others on
    assert 'name="digest_email"' in page.get_data(as_text=True)
    assert 'id="digest_email" name="digest_email" type="checkbox" value="y">' in page.get_data(as_text=True)
    form = {"matches_in_app": "y", "matches_email": "y", "events_in_app": "y", "digest_email": "y"}
    assert w.client.post("/account/notifications", data=form).status_code == 302
    w.book()
    assert outbox() == []  # meetings by e-mail: off
    assert (
        db.session.scalar(select(func.count(Notification.id)).where(Notification.company_id == w.ru.id)) == 1
    )
    listing = w.client.get("/notifications").get_data(as_text=True)
    assert "Gəncə Aqro MMC" not in listing  # meetings in the application: off for this member


def test_one_click_unsubscribe_without_signing_in(make_app, factory):
    app = make_app(WTF_CSRF_ENABLED=True)  # the one-click POST carries no form token
    with app.app_context():
        client = app.test_client()
        from tests.factories import Factory

        world = World(Factory(), client)
        world.book()
        mail = to("member@ru.example")[0]
        url = str(mail["List-Unsubscribe"]).strip("<>")
        path = urlsplit(url).path
        page = client.get(path)
        assert page.status_code == 200
        assert "Отписаться" in page.get_data(as_text=True)
        r = client.post(
            path, data="List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        )
        assert r.status_code == 200
        assert "member@ru.example" in r.get_data(as_text=True)
        world.book(start="12:00", end="13:00")
        assert len(to("member@ru.example")) == 1  # meetings by e-mail are now off
        assert client.post(path[:-3] + "abc").status_code == 400  # a tampered link changes nothing
        assert client.get("/unsubscribe/" + "x" * 500).status_code == 400


def test_mutual_match_mails_both_firms(w):
    w.login(w.az_user)
    assert w.client.post(f"/partners/{w.ru.id}/interested").status_code in (200, 302)
    assert outbox() == []  # interest alone is an in-app note
    w.login(w.ru_user)
    assert w.client.post(f"/partners/{w.az.id}/interested").status_code in (200, 302)
    subjects = {str(m["To"]): str(m["Subject"]) for m in outbox()}
    assert subjects == {
        "member@az.example": "Qarşılıqlı maraq: ООО Волга Агро",
        "member@ru.example": "Взаимный интерес: Gəncə Aqro MMC",
    }


def test_day_before_reminder_reaches_each_side_once(w, runner):
    mid = w.book().get_json()["id"]
    assert w.call("POST", f"/api/v1/meetings/{mid}/accept", user=w.ru_user).status_code == 200
    start = db.session.get(Meeting, mid).start_at
    before = len(outbox())
    tick(runner, start - timedelta(hours=50))
    assert len(outbox()) == before  # two days ahead: nothing yet
    output = tick(runner, start - timedelta(hours=26))  # the day before, 08:00 in Baku (10:00 meeting)
    assert "meeting reminders: 2" in output
    reminders = [m for m in outbox() if "inder" in str(m["Subject"]) or "Напоминание" in str(m["Subject"])]
    reminders = outbox()[before:]
    assert sorted(str(m["To"]) for m in reminders) == ["member@az.example", "member@ru.example"]
    assert {str(m["Subject"]) for m in reminders} == {
        "Xatırlatma: ООО Волга Агро ilə görüş",
        "Напоминание: встреча с Gəncə Aqro MMC",
    }
    assert all(invitation(m)[0] == "REQUEST" for m in reminders)
    tick(runner, start - timedelta(hours=19))
    tick(runner, start - timedelta(hours=2))
    assert len(outbox()) == before + 2  # once, however often the tick runs


def test_expiry_warning_then_expiry_through_the_tick(w, runner):
    mid = w.book().get_json()["id"]
    meeting = db.session.get(Meeting, mid)
    expires = meeting.expires_at
    tick(runner, expires - timedelta(hours=30))
    assert len(outbox()) == 1
    tick(runner, expires - timedelta(hours=10))
    warning = outbox()[-1]
    assert str(warning["To"]) == "member@ru.example"
    assert "Ответьте до завтра" in str(warning["Subject"])
    tick(runner, expires - timedelta(hours=5))
    assert len(outbox()) == 2
    output = tick(runner, expires + timedelta(minutes=1))
    assert "meeting requests expired: 1" in output
    expired = outbox()[2:]
    assert sorted(str(m["To"]) for m in expired) == ["member@az.example", "member@ru.example"]
    assert all(invitation(m)[0] == "CANCEL" for m in expired)
    tick(runner, expires + timedelta(minutes=2))
    assert len(outbox()) == 4


def test_weekly_digest_is_opt_in_and_weekly(w, runner):
    from sqlalchemy import delete

    from matchmaker.matching.models import Suggestion

    db.session.execute(delete(Suggestion))
    db.session.add(Suggestion(company_id=w.az.id, partner_id=w.ru.id, score=81.0))
    db.session.add(Suggestion(company_id=w.az.id, partner_id=w.ru2.id, score=77.0))
    db.session.commit()
    monday = db.session.scalar(select(func.max(Suggestion.created_at)))
    monday = (monday + timedelta(days=(7 - monday.weekday()) % 7 or 7)).replace(hour=9)
    tick(runner, monday)
    assert outbox() == []  # off by default
    set_preference(w.az_user.id, Category.DIGEST, email=True)
    db.session.commit()
    tick(runner, monday - timedelta(days=3))
    digest = outbox()
    assert len(digest) == 1
    assert str(digest[0]["To"]) == "member@az.example"
    text = text_of(digest[0])
    assert text.index("ООО Волга Агро") < text.index("АО Каспий")
    tick(runner, monday - timedelta(days=2))
    assert len(outbox()) == 1  # once a week


def test_account_letters_carry_no_unsubscribe(w):
    r = w.client.post("/password/forgot", data={"email": "member@ru.example"})
    assert r.status_code == 200
    (mail,) = outbox()
    assert mail["List-Unsubscribe"] is None
    assert str(mail["Subject"]) == "Сброс пароля"
    assert "/password/reset/" in text_of(mail)


def test_firm_names_cannot_inject_headers(w, factory):
    evil = factory.company(name="Evil\r\nBcc: victim@example.com", country="RU")
    factory.user(email="evil@ru.example", company=evil)
    r = w.book(partner=evil)
    assert r.status_code == 201
    w.login(w.ru_user)
    mail = outbox()[-1]
    assert mail["Bcc"] is None
    assert "victim" not in str(mail.get_all("To"))
    assert "\n" not in str(mail["Subject"])


def test_users_create_sets_the_locale_from_the_firm(runner, factory):
    ru = factory.company(name="ООО Север", country="RU", external_id="ru-1")
    az = factory.company(name="Xəzər MMC", country="AZ", external_id="az-1")
    result = runner.invoke(
        args=["users", "create", "a@ru.example", "--password", "x" * 4 + "yz12345", "--company", "ru-1"]
    )
    assert result.exit_code == 0
    assert "ru)" in result.output
    result = runner.invoke(
        args=["users", "create", "b@az.example", "--password", "x9y8z7w6v5", "--company", "az-1"]
    )
    assert result.exit_code == 0
    assert "az)" in result.output
    result = runner.invoke(
        args=[
            "users",
            "create",
            "c@az.example",
            "--password",
            "x9y8z7w6v5",
            "--company",
            "az-1",
            "--locale",
            "en",
        ]
    )
    assert result.exit_code == 0
    assert "en)" in result.output
    bad = runner.invoke(
        args=["users", "create", "c@az.example", "--password", "x9y8z7w6v5", "--locale", "de"]
    )
    assert bad.exit_code != 0
    bad = runner.invoke(args=["users", "create", "d@az.example\nBcc: x@y.z", "--password", "x9y8z7w6v5"])
    assert bad.exit_code != 0
    assert "not a usable e-mail address" in bad.output
    assert {u.locale for u in ru.members} == {"ru"}
    assert {u.locale for u in az.members} == {"az", "en"}


def test_brokerage_day_registration_publication_and_change(client, factory):
    from matchmaker.events import scheduling
    from tests.events_support import login, make_event, make_world, meet, register_all

    world = make_world(factory)
    event = make_event(world)
    register_all(event, world)
    registered = rows(kind="event_registered")
    assert len(registered) == 4
    assert all(r.status == OutboxStatus.PENDING for r in registered)
    m1 = meet(event, world, "az1", "ru1")
    meet(event, world, "az2", "ru2")
    login(client, world.staff)
    assert client.post(f"/events/{event.id}/schedule/run").status_code == 302
    assert client.post(f"/events/{event.id}/publish").status_code == 302
    published = [
        m for m in outbox() if calendar_parts(m) and "agenda.ics" in str([p.get_filename() for p in m.walk()])
    ]
    assert len(published) == 4
    db.session.expire_all()
    last = db.session.get(type(event), event.id).slot_count - 1
    r = client.post(f"/events/{event.id}/meetings/{m1.id}/move", data={"slot": last, "table_no": 2})
    assert r.status_code == 302, r.status_code
    changed = outbox()[-2:]
    assert sorted(str(m["To"]) for m in changed) == sorted([world.m_az1.email, world.m_ru1.email])
    for mail in changed:
        body = text_of(mail)
        assert "15:10" in body, body
        assert world.ru1.name in body or world.az1.name in body, body
    assert scheduling  # the module the staff pages use


def test_firm_names_are_escaped_in_the_html_part(w, factory):
    from matchmaker import uow
    from matchmaker.meetings import services as meetings
    from tests.booking_support import at

    tricky = factory.company(name='Ltd <img src=x onerror="alert(1)"> & Co', country="AZ")
    booker = factory.user(email="tricky@az.example", company=tricky)
    meetings.request_meeting(booker, w.ru.id, at(w.day, "15:00"), at(w.day, "16:00"), room_id=w.c["kur"].id)
    uow.commit()
    (mail,) = to("member@ru.example")
    html = html_of(mail)
    assert "<img" not in html
    assert "Ltd &lt;img src=x onerror=&#34;alert(1)&#34;&gt; &amp; Co" in html
    assert 'Ltd <img src=x onerror="alert(1)"> & Co' in text_of(mail)  # plain text stays plain
