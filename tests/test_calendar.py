"""iCalendar: one file per meeting, the private feed, stable UID, SEQUENCE, cancellations, zones."""

from __future__ import annotations

import re

from icalendar import Calendar

from matchmaker.extensions import db


def _event(body: bytes):
    cal = Calendar.from_ical(body)
    events = list(cal.walk("VEVENT"))
    return cal, events


def test_single_ics_keeps_uid_and_raises_sequence(w):
    m = w.book(topic="Hazelnuts").get_json()
    w.login(w.az_user)
    r = w.client.get(f"/meetings/{m['id']}.ics")
    assert r.status_code == 200
    assert r.mimetype == "text/calendar"
    text = r.get_data(as_text=True)
    assert f"DTSTART;TZID=Asia/Baku:{w.day:%Y%m%d}T100000" in text
    assert "BEGIN:VTIMEZONE" in text
    assert "TZID:Asia/Baku" in text
    assert "TZOFFSETTO:+0400" in text
    cal, (ev,) = _event(r.data)
    assert str(ev["uid"]) == m["uid"]
    assert int(ev["sequence"]) == 0
    assert str(ev["status"]) == "TENTATIVE"
    assert ev.decoded("dtstart").utcoffset().total_seconds() == 4 * 3600
    assert ev.decoded("dtstart").hour == 10
    assert str(cal["method"]) == "PUBLISH"
    assert str(ev["summary"]) == "Meeting with ООО Волга Агро (not yet confirmed)"
    assert str(ev["location"]) == "Kura meeting room, Astrakhan Business Center, Baku, Azerbaijan"
    assert "Topic: Hazelnuts" in str(ev["description"])
    cal, (ev,) = _event(w.client.get(f"/meetings/{m['id']}.ics?lang=az").data)  # the reader's language
    assert str(ev["summary"]) == "ООО Волга Агро ilə görüş (hələ təsdiqlənməyib)"
    assert str(ev["location"]) == "Kür danışıqlar otağı, Həştərxan Biznes Mərkəzi, Bakı, Azərbaycan"
    assert "Mövzu: Hazelnuts" in str(ev["description"])
    w.client.get("/?lang=en")

    w.call("POST", f"/api/v1/meetings/{m['id']}/accept", user=w.ru_user)
    cal, (ev,) = _event(w.client.get(f"/meetings/{m['id']}.ics").data)
    assert str(ev["uid"]) == m["uid"]
    assert int(ev["sequence"]) == 1
    assert str(ev["status"]) == "CONFIRMED"

    w.call("POST", f"/api/v1/meetings/{m['id']}/cancel", user=w.ru_user, json={"reason": "Strike"})
    cal, (ev,) = _event(w.client.get(f"/meetings/{m['id']}.ics").data)
    assert str(cal["method"]) == "CANCEL"
    assert str(ev["status"]) == "CANCELLED"
    assert str(ev["uid"]) == m["uid"]
    assert int(ev["sequence"]) == 2


def test_private_feed_issue_use_regenerate_revoke(w):
    m = w.book().get_json()
    w.login(w.ru_user)
    page = w.client.get("/account").get_data(as_text=True)
    assert "calendar-feed" in page
    page = w.client.post("/account/calendar-feed")
    assert page.status_code == 200
    url = re.search(r"(http://[^<\s]+/calendar/[^<\s]+\.ics)", page.get_data(as_text=True)).group(1)
    # stored as a hash only: the account page does not show it again
    assert "/calendar/" not in w.client.get("/account").get_data(as_text=True)
    db.session.refresh(w.ru_user)
    assert w.ru_user.calendar_token != url.rsplit("/", 1)[1][: -len(".ics")]
    path = url.split("localhost", 1)[1]
    w.client.post("/logout")
    r = w.client.get(path)  # no session needed: the token is the credential
    assert r.status_code == 200
    cal, events = _event(r.data)
    assert [str(e["uid"]) for e in events] == [m["uid"]]
    assert "TZID=Asia/Baku" in r.get_data(as_text=True)
    # read by a calendar program: in the owner's language (here their Russian firm's), not the caller's
    assert str(events[0]["summary"]) == "Встреча: Gəncə Aqro MMC (ещё не подтверждена)"
    assert str(events[0]["location"]) == "Переговорная «Кура», Астраханский бизнес-центр, Баку, Азербайджан"
    assert str(cal["x-wr-calname"]) == "Matchmaker: встречи"
    w.ru_user.locale = "az"
    db.session.commit()
    cal, events = _event(w.client.get(path, headers={"Accept-Language": "ru"}).data)
    assert str(events[0]["summary"]) == "Gəncə Aqro MMC ilə görüş (hələ təsdiqlənməyib)"
    # cancelled meetings stay in the feed as CANCELLED (calendars update instead of duplicating)
    w.call("POST", f"/api/v1/meetings/{m['id']}/cancel", user=w.az_user, json={"reason": "Ill"})
    cal, events = _event(w.client.get(path).data)
    assert str(events[0]["status"]) == "CANCELLED"
    assert int(events[0]["sequence"]) == 1

    w.login(w.ru_user)
    page = w.client.post("/account/calendar-feed")  # regenerate: the old address stops working
    assert w.client.get(path).status_code == 404
    new_url = re.search(r"(http://[^<\s]+/calendar/[^<\s]+\.ics)", page.get_data(as_text=True)).group(1)
    new_path = new_url.split("localhost", 1)[1]
    assert w.client.get(new_path).status_code == 200
    w.client.post("/account/calendar-feed/revoke")
    assert w.client.get(new_path).status_code == 404
    assert w.client.get("/calendar/.ics").status_code == 404
    assert w.client.get("/calendar/" + "x" * 300 + ".ics").status_code == 404


def test_feed_endpoints_need_login_and_post(w):
    assert w.client.post("/account/calendar-feed").status_code == 302  # to login
    w.login(w.az_user)
    assert w.client.get("/account/calendar-feed").status_code == 405
