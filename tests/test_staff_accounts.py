"""Accounts in the browser: administrators make and deactivate accounts, staff invite a listed
firm's contact person, who claims the account from the letter's link."""

from __future__ import annotations

import re

from sqlalchemy import select

from matchmaker.accounts.models import AuditAction, AuditEntry
from matchmaker.auth.models import User
from matchmaker.extensions import db
from matchmaker.mail.models import OutboxMessage
from tests.support import PASSWORD


def _letter(to: str) -> OutboxMessage:
    return db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.to_address == to).order_by(OutboxMessage.id.desc())
    ).first()


def _claim_path(letter: OutboxMessage) -> str:
    return re.search(r"https?://[^/\s]+(/claim/[A-Za-z0-9_\-]+)", letter.text_body).group(1)


def test_an_admin_makes_a_staff_account_that_its_owner_claims(w, app):
    w.login(w.admin)
    page = w.client.get("/staff/accounts")
    assert page.status_code == 200
    assert "staff@baku.example" in page.get_data(as_text=True)
    r = w.client.post(
        "/staff/accounts",
        data={
            "email": "nigar@abc.example",
            "full_name": "Nigar",
            "role": "staff",
            "center_id": w.c["baku"].id,
            "locale": "az",
        },
    )
    assert r.status_code == 302, r.get_data(as_text=True)[:500]
    user = db.session.scalar(select(User).where(User.email == "nigar@abc.example"))
    assert user.role == "staff"
    assert user.center_id == w.c["baku"].id
    assert user.privacy_version is None
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == AuditAction.ACCOUNT))
    assert entry.actor_id == w.admin.id
    assert entry.after["role"] == "staff"
    letter = _letter("nigar@abc.example")
    assert letter.kind == "account_created"
    assert letter.locale == "az"
    # nobody can sign in before the owner chose a password
    owner = app.test_client()
    path = _claim_path(letter)
    r = owner.post(path, data={"full_name": "Nigar Əliyeva", "password": PASSWORD, "confirm": PASSWORD})
    assert r.status_code == 422
    assert "consent" in r.get_data(as_text=True)
    r = owner.post(
        path, data={"full_name": "Nigar Əliyeva", "password": PASSWORD, "confirm": PASSWORD, "consent": "y"}
    )
    assert r.status_code == 302
    db.session.refresh(user)
    assert user.full_name == "Nigar Əliyeva"
    assert user.privacy_version
    assert user.email_confirmed_at
    assert owner.get("/staff/verification").status_code == 200
    assert owner.get(path).status_code == 400  # used once


def test_staff_needs_a_center_and_a_member_a_real_firm(w):
    w.login(w.admin)
    r = w.client.post(
        "/staff/accounts",
        data={"email": "x@abc.example", "full_name": "X", "role": "staff", "center_id": 0, "locale": "ru"},
    )
    assert r.status_code == 422
    assert "Choose the center" in r.get_data(as_text=True)
    r = w.client.post(
        "/staff/accounts",
        data={
            "email": "y@abc.example",
            "full_name": "Y",
            "role": "member",
            "company_id": 999999,
            "center_id": 0,
            "locale": "ru",
        },
    )
    assert r.status_code == 422
    assert "No firm has this number" in r.get_data(as_text=True)
    r = w.client.post(
        "/staff/accounts",
        data={"email": w.az_user.email, "full_name": "Z", "role": "member", "center_id": 0, "locale": "ru"},
    )
    assert r.status_code == 422
    assert "already exists" in r.get_data(as_text=True)
    assert db.session.scalar(select(User).where(User.email.in_(["x@abc.example", "y@abc.example"]))) is None


def test_deactivating_ends_sessions_and_refuses_sign_in(w, app):
    member = app.test_client()
    member.post("/login", data={"email": w.az_user.email, "password": PASSWORD})
    w.login(w.admin)
    assert w.client.post(f"/staff/accounts/{w.az_user.id}/deactivate").status_code == 302
    assert member.get("/account").status_code == 302
    r = member.post("/login", data={"email": w.az_user.email, "password": PASSWORD})
    assert r.status_code == 200  # refused
    w.client.post(f"/staff/accounts/{w.admin.id}/deactivate")
    db.session.refresh(w.admin)
    assert w.admin.is_active_flag  # never oneself
    assert w.client.post(f"/staff/accounts/{w.az_user.id}/activate").status_code == 302
    assert member.post("/login", data={"email": w.az_user.email, "password": PASSWORD}).status_code == 302


def test_only_admins_manage_accounts(w):
    w.login(w.staff_baku)
    assert w.client.get("/staff/accounts").status_code == 403
    assert w.client.post(f"/staff/accounts/{w.az_user.id}/deactivate").status_code == 403


def test_staff_invite_a_listed_firms_contact_who_claims_it(w, app, factory):
    listed = factory.company(name="Lənkəran Çay", city="Lənkəran")
    w.login(w.staff_baku)
    r = w.client.post(f"/staff/companies/{listed.id}/invite", data={"email": "boss@lenkeran.example"})
    assert r.status_code == 302
    letter = _letter("boss@lenkeran.example")
    assert letter.kind == "claim_invite"
    assert "Lənkəran Çay" in letter.text_body
    again = w.client.post(f"/staff/companies/{listed.id}/invite", data={"email": w.ru_user.email})
    assert again.status_code == 422
    assert "already has an account" in again.get_data(as_text=True)
    boss = app.test_client()
    r = boss.post(
        _claim_path(letter),
        data={"full_name": "Rəşad", "password": PASSWORD, "confirm": PASSWORD, "consent": "y"},
    )
    assert r.status_code == 302
    assert r.headers["Location"].endswith(f"/companies/{listed.id}/edit")
    user = db.session.scalar(select(User).where(User.email == "boss@lenkeran.example"))
    assert user.active_company_id == listed.id
    assert boss.get(f"/companies/{listed.id}/edit").status_code == 200
    w.login(w.az_user)
    assert (
        w.client.post(f"/staff/companies/{listed.id}/invite", data={"email": "a@b.example"}).status_code
        == 403
    )
