"""The audit log: staff and admin actions with who, when, what, before and after; page and CSV."""

from __future__ import annotations

import csv
import io
import json

from sqlalchemy import select

from matchmaker.accounts.models import AuditAction, AuditEntry
from matchmaker.events import scheduling
from matchmaker.extensions import db
from tests.events_support import make_event, make_world, meet, register_all


def _entries(action=None):
    query = select(AuditEntry).order_by(AuditEntry.id)
    if action:
        query = query.where(AuditEntry.action == action)
    return list(db.session.scalars(query))


def test_verify_and_hide_are_logged_with_before_and_after(w):
    w.login(w.staff_baku)
    assert w.client.post(f"/companies/{w.az.id}/verify", data={"verified": "1"}).status_code == 302
    assert w.client.post(f"/companies/{w.ru.id}/hide", data={"hidden": "1"}).status_code == 302
    verify, hide = _entries()
    assert verify.action == AuditAction.VERIFY
    assert verify.actor_id == w.staff_baku.id
    assert verify.actor_role == "staff"
    assert verify.company_id == w.az.id
    assert verify.summary == w.az.name
    assert verify.before == {"verified": False}
    assert verify.after == {"verified": True}
    assert hide.action == AuditAction.HIDE
    assert hide.after == {"hidden": True}


def _edit_form(company, **changes):
    data = {
        "name": company.name,
        "country": company.country,
        "city": company.city,
        "offers": "",
        "needs": "",
        "languages": ["az"],
        "website": "",
        "email": "",
        "phone": "",
        "description": "",
        "size_band": "",
    }
    data.update(changes)
    return data


def test_editing_another_firm_is_logged_but_a_members_own_edit_is_not(w):
    w.login(w.az_user)
    r = w.client.post(f"/companies/{w.az.id}/edit", data=_edit_form(w.az, city="Şəki"))
    assert r.status_code == 302
    assert _entries() == []
    w.login(w.admin)
    r = w.client.post(f"/companies/{w.az.id}/edit", data=_edit_form(w.az, city="Gəncə", description="Fındıq"))
    assert r.status_code == 302, r.get_data(as_text=True)[:300]
    (entry,) = _entries()
    assert entry.action == AuditAction.EDIT_FIRM
    assert entry.actor_role == "admin"
    assert entry.before == {"city": "Şəki", "description": ""}
    assert entry.after == {"city": "Gəncə", "description": "Fındıq"}
    # through the API as well
    r = w.call("PATCH", f"/api/v1/companies/{w.ru.id}", user=w.staff_baku, json={"city": "Дербент"})
    assert r.status_code == 200, r.get_json()
    assert _entries(AuditAction.EDIT_FIRM)[-1].after == {"city": "Дербент"}


def test_a_refused_edit_leaves_no_entry(w):
    w.login(w.admin)
    r = w.client.post(f"/companies/{w.az.id}/edit", data=_edit_form(w.az, name=""))
    assert r.status_code == 422
    assert _entries() == []


def test_staff_cancelling_a_meeting_is_logged(w):
    mid = w.book().get_json()["id"]
    r = w.call("POST", f"/api/v1/meetings/{mid}/cancel", user=w.staff_baku, json={"reason": "Water leak"})
    assert r.status_code == 200
    (entry,) = _entries()
    assert entry.action == AuditAction.CANCEL
    assert entry.target_kind == "meeting"
    assert entry.target_id == mid
    assert entry.before == {"status": "requested"}
    assert entry.after == {"status": "cancelled", "reason": "Water leak"}
    # a firm cancelling its own meeting is not staff work
    mid2 = w.book(start="12:00", end="13:00").get_json()["id"]
    w.call("POST", f"/api/v1/meetings/{mid2}/cancel", user=w.az_user, json={"reason": "Ill"})
    assert len(_entries()) == 1


def test_schedule_changes_are_logged(client, factory):
    world = make_world(factory)
    event = make_event(world)
    register_all(event, world)
    meeting = meet(event, world, "az1", "ru1")
    client.post("/login", data={"email": world.staff.email, "password": "correct horse battery"})
    assert client.post(f"/events/{event.id}/schedule/run").status_code == 302
    db.session.refresh(meeting)
    assert meeting.slot is not None
    assert client.post(f"/events/{event.id}/meetings/{meeting.id}/lock").status_code == 302
    run, lock = _entries(AuditAction.SCHEDULE)
    assert run.target_kind == "event"
    assert run.after["scheduled"] == 1
    assert lock.target_kind == "event_meeting"
    assert lock.before == {"locked": False}
    assert lock.after == {"locked": True}
    assert scheduling.get_meeting(event, meeting.id).locked


def test_the_log_page_and_csv_are_for_administrators(w):
    w.az.name = '=HYPERLINK("http://evil.example")'
    db.session.commit()
    w.login(w.staff_baku)
    w.client.post(f"/companies/{w.az.id}/verify", data={"verified": "1"})
    assert w.client.get("/staff/audit").status_code == 403
    assert w.client.get("/staff/audit.csv").status_code == 403
    w.login(w.admin)
    page = w.client.get("/staff/audit?lang=ru")
    assert page.status_code == 200
    assert "Подтверждение" in page.get_data(as_text=True)  # the action, as the verification queue names it
    r = w.client.get("/staff/audit.csv?action=verify")
    assert r.status_code == 200
    assert r.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(r.data.decode("utf-8-sig"))))
    assert len(rows) == 1
    row = rows[0]
    assert row["actor_email"] == w.staff_baku.email
    assert row["action"] == "verify"
    assert json.loads(row["before"]) == {"verified": False}
    assert json.loads(row["after"]) == {"verified": True}
    assert row["summary"].startswith("'=")  # never a formula in a spreadsheet
    assert list(
        csv.reader(io.StringIO(w.client.get("/staff/audit.csv?action=hide").data.decode("utf-8-sig")))
    ) == [list(rows[0].keys())]


def test_the_log_csv_carries_a_bom_and_escapes_formula_like_emails(w):
    w.staff_baku.email = "-staff@center.example"
    db.session.commit()
    w.login(w.staff_baku)
    w.client.post(f"/companies/{w.az.id}/verify", data={"verified": "1"})
    w.login(w.admin)
    body = w.client.get("/staff/audit.csv?action=verify").data
    assert body.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0]["actor_email"] == "'-staff@center.example"
