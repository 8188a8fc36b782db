"""Password reset end to end, e-mail confirmation and e-mail change, and bad input on these pages:
the same answer for unknown addresses, single-use hashed links that expire and die with a password
change, every session ended, rate limits, and nothing sent for bad input."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from flask import current_app
from sqlalchemy import select, update

from matchmaker.auth.models import PasswordResetToken, User
from matchmaker.dbtypes import utcnow
from matchmaker.extensions import db
from tests.mail_support import parse, text_of
from tests.support import PASSWORD, csrf_token

NEW = "a brand new passphrase"


def outbox():
    return [parse(m) for m in getattr(current_app.extensions["mailman"], "outbox", [])]


def link_in(mail, pattern=r"http://127\.0\.0\.1:5000(/password/reset/[\w-]+)"):
    return re.search(pattern, text_of(mail)).group(1)


@pytest.fixture
def member(factory):
    firm = factory.company(name="ООО Волга", country="RU")
    return factory.user(email="member@ru.example", company=firm, full_name="Ирина")


def ask(client, email):
    return client.post("/password/forgot", data={"email": email})


def page_without_token(response) -> str:
    return re.sub(r'name="csrf_token"[^>]*value="[^"]+"', "", response.get_data(as_text=True))


def test_reset_end_to_end(client, auth, member):
    other_session = current_app.test_client()
    assert other_session.post("/login", data={"email": member.email, "password": PASSWORD}).status_code == 302
    assert other_session.get("/account").status_code == 200

    r = ask(client, "Member@RU.example ")
    assert r.status_code == 200
    assert r.headers["Cache-Control"] == "no-store"
    (mail,) = outbox()
    assert str(mail["To"]) == member.email
    assert str(mail["Subject"]) == "Сброс пароля"
    path = link_in(mail)
    raw = path.rsplit("/", 1)[1]
    stored = db.session.scalars(select(PasswordResetToken.token_hash)).all()
    assert len(stored) == 1
    assert raw not in stored[0]

    assert client.get(path).status_code == 200
    r = client.post(path, data={"password": NEW, "confirm": NEW})
    assert r.status_code == 302
    assert r.headers["Location"].endswith("/login")
    assert auth.login(password=PASSWORD, email=member.email).status_code == 200  # the old one fails
    assert auth.login(password=NEW, email=member.email).status_code == 302
    assert other_session.get("/account").status_code == 302  # every other session ended
    # single use
    assert client.get(path).status_code == 400
    assert (
        client.post(
            path, data={"password": "another passphrase", "confirm": "another passphrase"}
        ).status_code
        == 400
    )
    # the member is told the password changed (no unsubscribe on account letters)
    changed = outbox()[-1]
    assert str(changed["Subject"]) == "Ваш пароль изменён"
    assert changed["List-Unsubscribe"] is None


def test_unknown_address_is_indistinguishable_and_gets_nothing(client, member):
    known = ask(client, member.email)
    unknown = ask(client, "nobody@ru.example")
    assert known.status_code == unknown.status_code == 200
    assert page_without_token(known) == page_without_token(unknown)
    assert [str(m["To"]) for m in outbox()] == [member.email]


def test_links_expire_and_die_with_a_password_change(client, auth, member):
    ask(client, member.email)
    ask(client, member.email)
    first, second = (link_in(m) for m in outbox())
    db.session.execute(
        update(PasswordResetToken)
        .where(PasswordResetToken.id == 1)
        .values(expires_at=utcnow() - timedelta(seconds=1))
    )
    db.session.commit()
    assert client.get(first).status_code == 400  # older than an hour
    assert client.get(second).status_code == 200
    auth.login(email=member.email)
    r = client.post(
        "/account/password", data={"current_password": PASSWORD, "new_password": NEW, "confirm": NEW}
    )
    assert r.status_code == 302
    page = client.get(second)
    assert page.status_code == 400
    assert "Ask for a new link" in page.get_data(as_text=True)
    tampered = second[:-2] + ("AA" if not second.endswith("AA") else "BB")
    assert client.get(tampered).status_code == 400


def test_weak_or_mismatched_new_password_is_shown_on_the_form(client, member):
    ask(client, member.email)
    path = link_in(outbox()[0])
    r = client.post(path, data={"password": "1234567890", "confirm": "1234567890"})
    assert r.status_code == 422
    assert "too easy" in r.get_data(as_text=True)
    r = client.post(path, data={"password": NEW, "confirm": NEW + "x"})
    assert r.status_code == 422
    assert "do not match" in r.get_data(as_text=True)
    assert client.get(path).status_code == 200  # still usable


@pytest.mark.parametrize(
    "email",
    [
        "not-an-address",
        "a@b",
        "member@ru.example\nBcc: evil@example.com",
        "member@ru.example\r\n",
        "x" * 300 + "@a.az",
        "",
    ],
)
def test_bad_addresses_get_a_clear_message_and_nothing_is_sent(client, member, email):
    r = ask(client, email)
    assert r.status_code == 422
    assert 'class="error"' in r.get_data(as_text=True)
    assert outbox() == []


def test_a_ten_megabyte_body_is_refused_cleanly(client, member):
    r = client.post("/password/forgot", data={"email": member.email, "junk": "x" * (10 * 1024 * 1024)})
    assert r.status_code == 413
    assert "Too large" in r.get_data(as_text=True)
    assert outbox() == []
    r = client.post("/password/reset/whatever", data={"password": "x" * (10 * 1024 * 1024)})
    assert r.status_code == 413


def test_forms_need_their_csrf_token(make_app, factory):
    app = make_app(WTF_CSRF_ENABLED=True)
    with app.app_context():
        client = app.test_client()
        firm = factory.company(name="X", country="AZ")
        factory.user(email="m@az.example", company=firm)
        assert client.post("/password/forgot", data={"email": "m@az.example"}).status_code == 400
        token = csrf_token(client.get("/password/forgot").get_data(as_text=True))
        r = client.post("/password/forgot", data={"email": "m@az.example", "csrf_token": token})
        assert r.status_code == 200
        assert len(app.extensions["mailman"].outbox) == 1


def test_rate_limited_per_address_and_per_client(make_app, factory):
    app = make_app(PASSWORD_RESET_RATE_LIMIT="3 per hour", PASSWORD_RESET_CLIENT_RATE_LIMIT="5 per hour")
    with app.app_context():
        firm = factory.company(name="X", country="AZ")
        factory.user(email="m@az.example", company=firm)
        client = app.test_client()
        codes = [ask(client, "m@az.example").status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        assert len(app.extensions["mailman"].outbox) == 3
        other = app.test_client()
        codes = [ask(other, f"n{i}@az.example").status_code for i in range(3)]
        assert codes[-1] == 429
        assert codes.count(200) <= 2


def test_registration_sends_a_confirmation_that_signs_nobody_in(client):
    r = client.post(
        "/register",
        data={
            "full_name": "Aysel",
            "email": "aysel@az.example",
            "password": PASSWORD,
            "confirm": PASSWORD,
            "firm_choice": "new",
            "consent": "y",
            "company_name": "Aysel MMC",
            "country": "AZ",
        },
        headers={"Accept-Language": "az"},
    )
    assert r.status_code == 302
    (mail,) = outbox()
    assert str(mail["Subject"]) == "E-poçt ünvanınızı təsdiqləyin"
    assert mail["List-Unsubscribe"] is None
    path = link_in(mail, r"http://127\.0\.0\.1:5000(/email/confirm/[\w.-]+)")
    client.post("/logout")
    fresh = current_app.test_client()
    r = fresh.get(path)
    assert r.status_code == 200
    assert fresh.get("/account").status_code == 302  # confirmed, but not signed in
    user = db.session.scalar(select(User).where(User.email == "aysel@az.example"))
    assert user.email_confirmed_at is not None
    assert fresh.get(path[:-3] + "xyz").status_code == 400


def test_email_change_tells_both_addresses(client, auth, member):
    auth.login(email=member.email)
    r = client.post("/account/email", data={"email": "new@ru.example", "password": "wrong one"})
    assert r.status_code == 422
    assert outbox() == []
    r = client.post("/account/email", data={"email": "bad\naddress@ru.example", "password": PASSWORD})
    assert r.status_code == 422
    assert outbox() == []
    r = client.post("/account/email", data={"email": "new@ru.example", "password": PASSWORD})
    assert r.status_code == 302
    letters = {str(m["To"]): m for m in outbox()}
    assert set(letters) == {"member@ru.example", "new@ru.example"}
    assert "member@ru.example" in text_of(letters["member@ru.example"])
    confirm = link_in(letters["new@ru.example"], r"http://127\.0\.0\.1:5000(/email/confirm/[\w.-]+)")
    assert client.get(confirm).status_code == 200
    db.session.expire_all()
    assert db.session.get(User, member.id).email == "new@ru.example"
    assert db.session.get(User, member.id).email_confirmed_at is not None
