"""Staff act for a firm: the firm's own operations, marked "by staff" to both firms and audited."""

from __future__ import annotations

from sqlalchemy import select

from matchmaker.accounts.models import AuditAction, AuditEntry
from matchmaker.events import services as events
from matchmaker.events.models import EventMeeting, EventRegistration, RequestStatus
from matchmaker.extensions import db
from matchmaker.meetings.models import Meeting, MeetingStatus
from matchmaker.notifications.models import Notification
from matchmaker.notifications.services import render
from tests.events_support import make_event, make_world
from tests.support import PASSWORD


def _by_staff(company_id):
    return list(
        db.session.scalars(
            select(Notification).where(Notification.company_id == company_id, Notification.kind == "by_staff")
        )
    )


def test_staff_request_a_meeting_for_a_firm_and_answer_one_for_the_other(w):
    w.login(w.staff_baku)
    page = w.client.get(f"/staff/companies/{w.az.id}/act")
    assert page.status_code == 200
    r = w.client.post(
        f"/staff/companies/{w.az.id}/act/meeting",
        data={
            "partner_id": w.ru.id,
            "room_id": w.c["kur"].id,
            "date": w.day.isoformat(),
            "start": "10:00",
            "duration": 60,
            "topic": "Pomidor",
        },
    )
    assert r.status_code == 302, r.get_data(as_text=True)[:400]
    meeting = db.session.scalar(select(Meeting))
    assert meeting.requester_id == w.az.id
    assert meeting.created_by_id == w.staff_baku.id
    assert meeting.status == MeetingStatus.REQUESTED
    # both firms are told the staff did it
    for firm in (w.az, w.ru):
        (note,) = _by_staff(firm.id)
        assert "requested a meeting" in render(note)
        assert "Gəncə Aqro MMC" in render(note)
    # the Russian firm's answer, given by the staff
    page = w.client.get(f"/staff/companies/{w.ru.id}/act").get_data(as_text=True)
    assert f"/act/meetings/{meeting.id}/accept" in page
    assert w.client.post(f"/staff/companies/{w.ru.id}/act/meetings/{meeting.id}/accept").status_code == 302
    db.session.refresh(meeting)
    assert meeting.status == MeetingStatus.ACCEPTED
    entries = list(
        db.session.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.ACT_FOR_FIRM))
    )
    assert [(e.company_id, e.after["action"]) for e in entries] == [
        (w.az.id, "meeting_requested"),
        (w.ru.id, "meeting_accepted"),
    ]
    assert all(e.actor_id == w.staff_baku.id for e in entries)


def test_the_firms_rules_still_hold_and_other_centers_rooms_are_refused(w):
    w.login(w.staff_baku)
    data = {
        "partner_id": w.az2.id,
        "room_id": w.c["kur"].id,
        "date": w.day.isoformat(),
        "start": "10:00",
        "duration": 60,
    }
    r = w.client.post(f"/staff/companies/{w.az.id}/act/meeting", data=data)
    assert r.status_code == 422
    assert "other country" in r.get_data(as_text=True)
    data.update(partner_id=w.ru.id, room_id=w.c["neg1"].id)
    r = w.client.post(f"/staff/companies/{w.az.id}/act/meeting", data=data)
    assert r.status_code in (403, 422)
    assert db.session.scalar(select(Meeting)) is None
    assert _by_staff(w.az.id) == []
    w.login(w.az_user)
    assert w.client.get(f"/staff/companies/{w.az.id}/act").status_code == 403


def test_staff_register_a_firm_and_answer_its_brokerage_day_request(client, factory):
    world = make_world(factory)
    event = make_event(world)
    client.post("/login", data={"email": world.staff.email, "password": PASSWORD})
    r = client.post(f"/staff/companies/{world.az1.id}/act/register", data={"event_id": event.id})
    assert r.status_code == 302
    reg = db.session.scalar(select(EventRegistration).where(EventRegistration.company_id == world.az1.id))
    assert reg.registered_by_id == world.staff.id
    assert "registered it for a brokerage day" in render(_by_staff(world.az1.id)[0])
    events.register(event, world.m_ru1)
    req = events.send_request(event, world.m_ru1, world.az1.id, "")
    db.session.commit()
    r = client.post(f"/staff/companies/{world.az1.id}/act/requests/{req.id}/accept")
    assert r.status_code == 302
    db.session.refresh(req)
    assert req.status == RequestStatus.ACCEPTED
    assert db.session.scalar(select(EventMeeting)) is not None
    assert len(_by_staff(world.ru1.id)) == 1  # the requesting firm is told the staff answered
    # staff of the other center may not act on this center's day
    client.post("/logout")
    client.post("/login", data={"email": world.staff_other.email, "password": PASSWORD})
    r = client.post(f"/staff/companies/{world.az2.id}/act/register", data={"event_id": event.id})
    assert r.status_code == 404


def test_staff_of_another_center_cannot_answer_a_meeting_for_a_firm(w):
    w.login(w.staff_baku)
    data = {
        "partner_id": w.ru.id,
        "room_id": w.c["kur"].id,
        "date": w.day.isoformat(),
        "start": "10:00",
        "duration": 60,
    }
    assert w.client.post(f"/staff/companies/{w.az.id}/act/meeting", data=data).status_code == 302
    meeting = db.session.scalar(select(Meeting))
    assert meeting.room.center_id == w.c["baku"].id
    w.login(w.staff_astra)
    for answer in ("decline", "accept"):
        r = w.client.post(f"/staff/companies/{w.ru.id}/act/meetings/{meeting.id}/{answer}")
        assert r.status_code in (403, 404)
    db.session.refresh(meeting)
    assert meeting.status == MeetingStatus.REQUESTED
    assert not db.session.scalars(select(AuditEntry).where(AuditEntry.actor_id == w.staff_astra.id)).all()


def test_acting_on_a_missing_or_draft_brokerage_day_is_a_clean_404(client, factory):
    import warnings

    world = make_world(factory)
    draft = make_event(world, status="draft")
    client.post("/login", data={"email": world.staff.email, "password": PASSWORD})
    firm = world.az1
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for data in ({}, {"event_id": "99999999"}):
            assert client.post(f"/staff/companies/{firm.id}/act/register", data=data).status_code == 404
        r = client.post(f"/staff/companies/{firm.id}/act/requests/99999999/accept")
        assert r.status_code == 404
    # another center's staff do not see this center's draft day
    client.post("/logout")
    client.post("/login", data={"email": world.staff_other.email, "password": PASSWORD})
    r = client.post(f"/staff/companies/{firm.id}/act/register", data={"event_id": draft.id})
    assert r.status_code == 404
