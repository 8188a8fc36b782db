"""Members' destructive actions on meetings ask first, on a page that names the meeting (works
without JavaScript), say afterwards what happened, and the other firm's note names the meeting."""

from __future__ import annotations

import re

from sqlalchemy import select

from matchmaker.extensions import db
from matchmaker.meetings.models import Meeting
from matchmaker.notifications.models import Notification


def flashes(text: str) -> str:
    return " ".join(re.findall(r'class="alert alert-success"[^>]*>(.*?)<', text, re.S))


def test_cancelling_asks_first_naming_the_meeting_then_says_what_happened(w):
    mid = w.book().get_json()["id"]
    kur, baku = w.c["kur"], w.c["baku"]
    w.login(w.az_user)
    detail = w.client.get(f"/meetings/{mid}").text
    assert f'href="/meetings/{mid}/cancel"' in detail  # a link to the question, not a form that acts
    r = w.client.get(f"/meetings/{mid}/cancel")
    assert r.status_code == 200
    assert "Cancel the meeting?" in r.text
    for part in (
        "ООО Волга Агро",
        "10:00–11:00, Baku time (UTC+4)",
        kur.name_en,
        baku.name_en,
    ):
        assert part in r.text, part
    assert f'action="/meetings/{mid}/cancel"' in r.text
    assert f'href="/meetings/{mid}"' in r.text
    db.session.expire_all()
    assert db.session.get(Meeting, mid).status == "requested"  # asking changes nothing
    r = w.client.post(f"/meetings/{mid}/cancel", data={"reason": ""})
    assert r.status_code == 422
    assert "Cancel the meeting?" in r.text
    assert 'id="reason-error"' in r.text
    r = w.client.post(f"/meetings/{mid}/cancel", data={"reason": "Flight cancelled"}, follow_redirects=True)
    said = flashes(r.text)
    assert said.startswith("Meeting cancelled: with ООО Волга Агро, ")
    assert "10:00–11:00, Baku time (UTC+4)" in said
    assert kur.name_en in said
    assert baku.name_en in said
    db.session.expire_all()
    assert db.session.get(Meeting, mid).status == "cancelled"
    # the other firm's note names the meeting: time, room and center, in its reader's language
    w.login(w.ru_user)
    notes = w.client.get("/notifications?lang=ru").text
    assert "Gəncə Aqro MMC отменила встречу" in notes
    assert f"{kur.name_ru}, {baku.name_ru}" in notes
    # nothing left to cancel: the question is not asked again
    w.login(w.az_user)
    r = w.client.get(f"/meetings/{mid}/cancel")
    assert r.status_code == 302
    assert r.headers["Location"].endswith(f"/meetings/{mid}")


def test_declining_asks_first_in_the_readers_language(w):
    mid = w.book().get_json()["id"]
    w.login(w.ru_user)
    r = w.client.get(f"/meetings/{mid}/decline?lang=ru")
    assert r.status_code == 200
    assert "Отклонить запрос на встречу?" in r.text
    assert "Да, отклонить" in r.text
    assert "Gəncə Aqro MMC" in r.text
    assert "10:00–11:00, время Баку (UTC+4)" in r.text
    assert "Asia/Baku" not in r.text
    r = w.client.post(f"/meetings/{mid}/decline", data={"reason": ""}, follow_redirects=True)
    said = flashes(r.text)
    assert said.startswith("Запрос на встречу отклонён: с компанией Gəncə Aqro MMC, "), said
    assert "10:00–11:00, время Баку (UTC+4)" in said
    assert w.c["kur"].name_ru in said
    w.login(w.az_user)
    notes = w.client.get("/notifications?lang=az").text
    assert "ООО Волга Агро görüşü rədd etdi" in notes
    assert w.c["kur"].name_az in notes
    w.client.get("/?lang=en")


def test_who_may_be_asked(w):
    mid = w.book().get_json()["id"]
    for user, cancel, decline in (
        (w.az_user, 200, 302),  # the requester cancels; there is nothing for them to decline
        (w.ru_user, 200, 200),
        (w.ru2_user, 403, 403),
        (w.staff_baku, 200, 302),  # the center's staff may cancel
        (w.staff_astra, 403, 403),
    ):
        w.login(user)
        assert w.client.get(f"/meetings/{mid}/cancel").status_code == cancel, user.email
        assert w.client.get(f"/meetings/{mid}/decline").status_code == decline, user.email
    w.client.post("/logout")
    r = w.client.get(f"/meetings/{mid}/cancel")
    assert r.status_code == 302
    assert "/login" in r.headers["Location"]
    assert db.session.scalar(select(Notification).where(Notification.kind == "meeting_cancelled")) is None


def test_a_cancellation_can_be_undone_for_a_few_minutes_while_the_time_is_free(w):
    from datetime import timedelta

    from matchmaker.mail.models import OutboxMessage

    mid = w.book().get_json()["id"]
    w.call("POST", f"/api/v1/meetings/{mid}/accept", user=w.ru_user)
    w.login(w.az_user)
    r = w.client.post(f"/meetings/{mid}/cancel", data={"reason": "Oops"}, follow_redirects=True)
    assert "Undo the cancellation" in r.text
    assert f'action="/meetings/{mid}/restore"' in r.text
    # only the member who cancelled is offered the undo
    w.login(w.ru_user)
    assert "Undo the cancellation" not in w.client.get(f"/meetings/{mid}").text
    assert w.client.post(f"/meetings/{mid}/restore").status_code == 302
    db.session.expire_all()
    assert db.session.get(Meeting, mid).status == "cancelled"
    w.login(w.az_user)
    r = w.client.post(f"/meetings/{mid}/cancel", data={"reason": "x"})  # nothing to cancel any more
    assert r.status_code == 409

    # again, in one session: cancel, then undo
    mid2 = w.book(start="14:00", end="15:00").get_json()["id"]
    w.client.post(f"/meetings/{mid2}/cancel", data={"reason": "Oops"})
    r = w.client.post(f"/meetings/{mid2}/restore", follow_redirects=True)
    assert "Cancellation undone: with ООО Волга Агро, " in r.text
    assert "14:00–15:00, Baku time (UTC+4)" in r.text
    db.session.expire_all()
    m = db.session.get(Meeting, mid2)
    assert m.status == "requested"
    assert m.active
    assert m.note == ""
    assert m.expires_at is not None
    assert all(p.active for p in m.participants)
    note = db.session.scalar(
        select(Notification).where(
            Notification.kind == "meeting_restored", Notification.company_id == w.ru.id
        )
    )
    assert note is not None
    w.login(w.ru_user)
    notes = w.client.get("/notifications?lang=ru").text
    assert "Gəncə Aqro MMC" in notes
    assert "14:00, время Баку (UTC+4)" in notes
    w.client.get("/?lang=en")
    letter = db.session.scalar(select(OutboxMessage).where(OutboxMessage.kind == "meeting_restored"))
    assert letter is not None
    assert letter.to_address == w.ru_user.email
    assert "METHOD:REQUEST" in str(letter.attachments)
    assert "Gəncə Aqro MMC" in letter.subject

    # too late, or the time was taken meanwhile: refused, nothing changes
    w.login(w.az_user)
    w.client.post(f"/meetings/{mid2}/cancel", data={"reason": "Really"})
    assert w.book(user=w.az2_user, partner=w.ru2, start="14:00", end="15:00").status_code == 201
    r = w.client.post(f"/meetings/{mid2}/restore", follow_redirects=True)
    assert "already booked" in r.text or "already has a meeting" in r.text, r.text[-3000:]
    db.session.expire_all()
    assert db.session.get(Meeting, mid2).status == "cancelled"
    mid3 = w.book(start="16:00", end="17:00").get_json()["id"]
    w.client.post(f"/meetings/{mid3}/cancel", data={"reason": "Oops"})
    db.session.get(Meeting, mid3).updated_at -= timedelta(minutes=6)
    db.session.commit()
    r = w.client.post(f"/meetings/{mid3}/restore", follow_redirects=True)
    assert "too late to undo" in r.text
    db.session.expire_all()
    assert db.session.get(Meeting, mid3).status == "cancelled"
