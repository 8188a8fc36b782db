"""Accounts: registration, login, logout, sessions, passwords, tokens, rate limits."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from matchmaker.auth.models import ApiToken, User
from matchmaker.auth.services import needs_rehash
from matchmaker.extensions import db
from tests.support import PASSWORD


def register(client, **overrides):
    data = {
        "full_name": "Aysel Məmmədova",
        "email": "aysel@gence.example",
        "password": PASSWORD,
        "confirm": PASSWORD,
        "firm_choice": "new",
        "consent": "y",
        "company_name": "Gəncə Aqro",
        "country": "AZ",
        "city": "Gəncə",
    }
    data.update(overrides)
    return client.post("/register", data=data)


def test_register_creates_user_and_firm_and_signs_in(client):
    response = register(client)
    assert response.status_code == 302
    assert "/companies/" in response.headers["Location"]
    assert response.headers["Location"].endswith("/edit")
    user = db.session.scalar(select(User).where(User.email == "aysel@gence.example"))
    assert user.company.name == "Gəncə Aqro"
    assert user.company.country == "AZ"
    assert user.membership == "active"
    assert client.get("/account").status_code == 200


def test_register_rejects_duplicates_weak_passwords_and_missing_firm_name(client, factory):
    factory.user(email="taken@example.com")
    r = register(client, email="TAKEN@example.com")
    assert r.status_code == 200
    assert "already exists" in r.get_data(as_text=True)
    r = register(client, email="new@example.com", password="1234567890", confirm="1234567890")
    assert "too easy" in r.get_data(as_text=True)
    r = register(client, email="new2@example.com", company_name="")
    assert "Give the name of your firm" in r.get_data(as_text=True)
    r = register(client, email="new3@example.com", confirm="different password")
    assert "do not match" in r.get_data(as_text=True)
    assert db.session.scalar(select(User).where(User.email.like("new%"))) is None


def test_login_logout_and_safe_next(client, auth, factory):
    factory.user(email="member@az.example")
    r = client.post(
        "/login?next=https://evil.example/x", data={"email": "member@az.example", "password": PASSWORD}
    )
    assert r.status_code == 302
    assert r.headers["Location"] == "/home"
    auth.logout()
    r = client.post(
        "/login?next=/companies?country=RU", data={"email": "member@az.example", "password": PASSWORD}
    )
    assert r.headers["Location"] == "/companies?country=RU"
    auth.logout()
    for bad in ("//evil.example", "/\\evil.example", "javascript:alert(1)", "http:/x"):
        r = client.post("/login?next=" + bad, data={"email": "member@az.example", "password": PASSWORD})
        assert r.headers["Location"] == "/home", bad
        auth.logout()


def test_wrong_password_is_a_form_error(client, factory):
    factory.user(email="member@az.example")
    r = client.post("/login", data={"email": "member@az.example", "password": "wrong password!"})
    assert r.status_code == 200
    assert "not right" in r.get_data(as_text=True)
    assert client.get("/account").status_code == 302


def test_logout_ends_copied_sessions(app, factory):
    factory.user(email="member@az.example")
    c1 = app.test_client()
    c1.post("/login", data={"email": "member@az.example", "password": PASSWORD})
    cookie = c1.get_cookie("session")
    c2 = app.test_client()
    c2.set_cookie("session", cookie.value)
    assert c2.get("/account").status_code == 200
    c1.post("/logout")
    assert c2.get("/account").status_code == 302  # the copied cookie no longer works


def test_password_change_ends_other_sessions_but_keeps_this_one(app, factory):
    factory.user(email="member@az.example")
    c1, c2 = app.test_client(), app.test_client()
    for c in (c1, c2):
        c.post("/login", data={"email": "member@az.example", "password": PASSWORD})
    new = "a much better passphrase"
    r = c1.post("/account/password", data={"current_password": PASSWORD, "new_password": new, "confirm": new})
    assert r.status_code == 302
    assert c1.get("/account").status_code == 200
    assert c2.get("/account").status_code == 302
    r = c1.post(
        "/account/password", data={"current_password": "nope nope nope", "new_password": new, "confirm": new}
    )
    assert r.status_code == 422
    assert "not right" in r.get_data(as_text=True)


def test_remember_cookie_is_invalidated_by_logout(app, factory):
    factory.user(email="member@az.example")
    c1 = app.test_client()
    c1.post("/login", data={"email": "member@az.example", "password": PASSWORD, "remember": "y"})
    remember = c1.get_cookie("remember_token")
    assert remember is not None
    c2 = app.test_client()
    c2.set_cookie("remember_token", remember.value)
    assert c2.get("/account").status_code == 200
    c1.post("/logout")
    c3 = app.test_client()
    c3.set_cookie("remember_token", remember.value)
    assert c3.get("/account").status_code == 302


def test_login_rate_limit_per_account_and_address(make_app, factory):
    app = make_app()
    with app.app_context():
        factory.user(email="member@az.example")
        client = app.test_client()
        codes = [
            client.post(
                "/login", data={"email": "member@az.example", "password": "bad password!"}
            ).status_code
            for _ in range(6)
        ]
        assert codes[:5] == [200] * 5
        assert codes[5] == 429
        # another address, same account: still limited (per-account limit)
        other = app.test_client()
        r = other.post(
            "/login",
            data={"email": "member@az.example", "password": PASSWORD},
            environ_base={"REMOTE_ADDR": "10.9.9.9"},
        )
        assert r.status_code == 429


def test_successful_logins_do_not_count_against_the_limit(make_app, factory):
    app = make_app()
    with app.app_context():
        factory.user(email="member@az.example")
        client = app.test_client()
        for _ in range(7):
            assert (
                client.post("/login", data={"email": "member@az.example", "password": PASSWORD}).status_code
                == 302
            )
            client.post("/logout")


def test_password_hash_strength_and_rehash(app, factory):
    from config import ProductionConfig

    assert ProductionConfig.PASSWORD_HASH_METHOD == "scrypt:32768:8:3"
    with app.test_request_context():
        app.config["PASSWORD_HASH_METHOD"] = "scrypt:32768:8:3"
        assert needs_rehash("scrypt:32768:8:1$salt$hash")
        assert needs_rehash("pbkdf2:sha256:260000$salt$hash")
        assert not needs_rehash("scrypt:32768:8:3$salt$hash")
    app.config["PASSWORD_HASH_METHOD"] = "scrypt:1024:8:1"
    user = factory.user(email="old@example.com")
    assert user.password_hash.startswith("scrypt:1024:8:1$")
    app.config["PASSWORD_HASH_METHOD"] = "scrypt:2048:8:2"
    client = app.test_client()
    assert client.post("/login", data={"email": "old@example.com", "password": PASSWORD}).status_code == 302
    db.session.refresh(user)
    assert user.password_hash.startswith("scrypt:2048:8:2$")


def test_tokens_are_hashed_and_revocable(client, auth, factory):
    user = factory.user(email="member@az.example")
    auth.login()
    r = client.post("/account/tokens", data={"name": "erp"})
    html = r.get_data(as_text=True)
    token = html.split('<code class="token">')[1].split("<")[0]
    stored = db.session.scalar(select(ApiToken).where(ApiToken.user_id == user.id))
    assert stored.token_hash != token
    assert token not in stored.token_hash
    assert client.get("/api/v1/companies", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert client.post(f"/account/tokens/{stored.id}/revoke").status_code == 302
    r = client.get("/api/v1/companies", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 401
    assert r.get_json()["error"]["code"] == "unauthorized"


def test_cannot_revoke_someone_elses_token(client, auth, factory):
    other = factory.user(email="other@example.com")
    factory.token(other)
    factory.user(email="member@az.example")
    auth.login()
    token_id = db.session.scalar(select(ApiToken.id).where(ApiToken.user_id == other.id))
    assert client.post(f"/account/tokens/{token_id}/revoke").status_code == 404


@pytest.mark.parametrize("lang,text", [("az", "Daxil ol"), ("ru", "Войти"), ("en", "Sign in")])
def test_language_choice_is_remembered_for_the_account(client, auth, factory, lang, text):
    user = factory.user(email="member@az.example")
    auth.login()
    r = client.get(f"/companies?lang={lang}")
    assert r.status_code == 200
    db.session.refresh(user)
    assert user.locale == lang
    assert client.get_cookie("lang").value == lang
