"""Security: CSRF, headers, cookies, production settings, access control over every route."""

from __future__ import annotations

import pytest

from config import ConfigError, ProductionConfig, load_config
from tests.support import PASSWORD, csrf_token


def test_csrf_is_enforced_on_every_form_post(make_app, factory):
    app = make_app(WTF_CSRF_ENABLED=True)
    with app.app_context():
        factory.user(email="member@az.example")
        client = app.test_client()
        r = client.post("/login", data={"email": "member@az.example", "password": PASSWORD})
        assert r.status_code == 400
        token = csrf_token(client.get("/login").get_data(as_text=True))
        r = client.post(
            "/login", data={"email": "member@az.example", "password": PASSWORD, "csrf_token": token}
        )
        assert r.status_code == 302
        assert client.post("/logout").status_code == 400  # token-less POST on a route without a form


def test_security_headers(client):
    r = client.get("/companies")
    csp = r.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "base-uri 'self'" in csp
    assert "script-src 'self'" in csp
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Referrer-Policy"]
    assert "Strict-Transport-Security" not in r.headers  # only in production


def test_production_requires_secret_and_secures_cookies(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("DATABASE_URL", "sqlite://")
    with pytest.raises(ConfigError):
        load_config("production")
    monkeypatch.setenv("SECRET_KEY", "x" * 64)
    cfg = load_config("production")
    assert cfg.SESSION_COOKIE_NAME == "__Host-session"
    assert cfg.SESSION_COOKIE_SECURE
    assert cfg.REMEMBER_COOKIE_SECURE
    assert cfg.SECURITY_HSTS
    assert cfg.SESSION_COOKIE_SAMESITE == "Lax"
    assert ProductionConfig.MAX_CONTENT_LENGTH


def test_production_app_sends_hsts_and_host_cookie(monkeypatch, make_app, factory):
    monkeypatch.setenv("SECRET_KEY", "y" * 64)
    app = make_app(
        MATCHMAKER_ENV="production",
        WTF_CSRF_ENABLED=False,
        SQLALCHEMY_DATABASE_URI=make_app().config["SQLALCHEMY_DATABASE_URI"],
    )
    with app.app_context():
        from matchmaker.extensions import db

        db.create_all()
        factory.user(email="member@az.example")
        client = app.test_client()
        r = client.post(
            "/login", data={"email": "member@az.example", "password": PASSWORD}, base_url="https://localhost"
        )
        cookie = r.headers.get("Set-Cookie", "")
        assert cookie.startswith("__Host-session=")
        assert "Secure" in cookie
        assert "HttpOnly" in cookie
        assert "SameSite=Lax" in cookie
        assert "Path=/" in cookie
        assert "Domain" not in cookie
        assert "max-age" in client.get("/", base_url="https://localhost").headers["Strict-Transport-Security"]


def test_oversized_upload_is_413_not_500(make_app):
    app = make_app(MAX_CONTENT_LENGTH=1024)
    client = app.test_client()
    r = client.post("/login", data={"email": "a" * 5000})
    assert r.status_code == 413


def test_unknown_routes_and_methods(client):
    assert client.get("/nope").status_code == 404
    assert client.get("/logout").status_code == 405
    assert client.get("/api/v1/nope", headers={"Authorization": "Bearer x"}).get_json()["error"]["code"] in (
        "not_found",
        "unauthorized",
    )


# --- access control over every route -----------------------------------------------------------

ROLES = ("anonymous", "other_member", "member", "staff")


@pytest.fixture
def world(app, factory):
    firm = factory.company(name="Firm", offers=["pomidor"])
    other_firm = factory.company(name="Other Firm", country="RU", city="Москва")
    factory.user(email="member@az.example", company=firm)
    factory.user(email="other@ru.example", company=other_firm)
    factory.user(email="staff@center.example", role="staff")
    return {"firm": firm.id, "bad_token": "not-a-token"}


def _client_as(app, role):
    client = app.test_client()
    email = {
        "member": "member@az.example",
        "other_member": "other@ru.example",
        "staff": "staff@center.example",
    }.get(role)
    if email:
        assert client.post("/login", data={"email": email, "password": PASSWORD}).status_code == 302
    return client


# (method, path, {role: expected status})
MATRIX = [
    ("GET", "/", {"anonymous": 200, "other_member": 200, "member": 200, "staff": 200}),
    ("GET", "/companies", {"anonymous": 200, "other_member": 200, "member": 200, "staff": 200}),
    ("GET", "/companies/{firm}", {"anonymous": 200, "other_member": 200, "member": 200, "staff": 200}),
    ("GET", "/companies/{firm}/edit", {"anonymous": 302, "other_member": 403, "member": 200, "staff": 200}),
    (
        "POST",
        "/companies/{firm}/verify",
        {"anonymous": 302, "other_member": 403, "member": 403, "staff": 302},
    ),
    ("POST", "/companies/{firm}/hide", {"anonymous": 302, "other_member": 403, "member": 403, "staff": 302}),
    ("GET", "/account", {"anonymous": 302, "other_member": 200, "member": 200, "staff": 200}),
    ("GET", "/staff/import", {"anonymous": 302, "other_member": 403, "member": 403, "staff": 200}),
    ("GET", "/staff/verification", {"anonymous": 302, "other_member": 403, "member": 403, "staff": 200}),
    ("GET", "/staff/matching", {"anonymous": 302, "other_member": 403, "member": 403, "staff": 200}),
    ("GET", "/staff/lexicon", {"anonymous": 302, "other_member": 403, "member": 403, "staff": 200}),
    (
        "POST",
        "/staff/lexicon/link",
        {"anonymous": 302, "other_member": 403, "member": 403, "staff": 302},
    ),
    (
        "POST",
        "/companies/{firm}/understood",
        {"anonymous": 302, "other_member": 403, "member": 302, "staff": 302},
    ),
    ("GET", "/partners", {"anonymous": 302, "other_member": 200, "member": 200, "staff": 200}),
    ("GET", "/home", {"anonymous": 302, "other_member": 200, "member": 200, "staff": 200}),
    ("GET", "/notifications", {"anonymous": 302, "other_member": 200, "member": 200, "staff": 404}),
    ("GET", "/login", {"anonymous": 200, "other_member": 302, "member": 302, "staff": 302}),
    ("GET", "/register", {"anonymous": 200, "other_member": 302, "member": 302, "staff": 302}),
    ("GET", "/privacy", {"anonymous": 200, "other_member": 200, "member": 200, "staff": 200}),
    # reached from e-mails, signed in or not: a bad token is a clear 400 page
    ("GET", "/password/forgot", {"anonymous": 200, "other_member": 200, "member": 200, "staff": 200}),
    (
        "GET",
        "/password/reset/{bad_token}",
        {"anonymous": 400, "other_member": 400, "member": 400, "staff": 400},
    ),
    ("GET", "/claim/{bad_token}", {"anonymous": 400, "other_member": 400, "member": 400, "staff": 400}),
    (
        "GET",
        "/email/confirm/{bad_token}",
        {"anonymous": 400, "other_member": 400, "member": 400, "staff": 400},
    ),
    ("GET", "/unsubscribe/{bad_token}", {"anonymous": 400, "other_member": 400, "member": 400, "staff": 400}),
    # stays, offices, exhibitions (row-level access: tests/test_stays*, test_offices, test_exhibitions)
    ("GET", "/stays", {"anonymous": 302, "other_member": 200, "member": 200, "staff": 200}),
    ("GET", "/stays/new", {"anonymous": 302, "other_member": 200, "member": 200, "staff": 200}),
    ("GET", "/offices", {"anonymous": 200, "other_member": 200, "member": 200, "staff": 200}),
    ("GET", "/exhibitions", {"anonymous": 200, "other_member": 200, "member": 200, "staff": 200}),
    ("GET", "/exhibitions/new", {"anonymous": 302, "other_member": 403, "member": 403, "staff": 403}),
]


@pytest.mark.parametrize("method,path,expected", MATRIX, ids=[f"{m} {p}" for m, p, _ in MATRIX])
@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(app, world, role, method, path, expected):
    client = _client_as(app, role)
    r = client.open(path.format(**world), method=method, data={"verified": "1", "hidden": "0"})
    assert r.status_code == expected[role], (role, method, path, r.status_code)


def test_every_route_is_in_the_access_matrix(app):
    """A new route must be added to MATRIX (or to a feature's own access test)."""
    covered = {p.split("{")[0].rstrip("/") for _m, p, _e in MATRIX}
    skip_prefixes = (
        "/static",
        "/favicon.ico",
        "/api/",
        "/healthz",
        "/readyz",
        "/logout",
        "/account/",
        "/companies/sectors.json",
        "/notifications/read",
        "/partners/",
        "/meetings",
        "/centers",
        "/events",
        "/staff/",
        "/calendar",
        "/rooms",
        "/companies/<int:company_id>/join",
        "/stays/",
        "/offices/",
        "/exhibitions/",
    )
    missing = []
    for rule in app.url_map.iter_rules():
        path = rule.rule.replace("<int:company_id>", "").rstrip("/")
        if rule.rule.startswith(skip_prefixes) or not path:
            continue
        if path not in covered and rule.rule.split("<")[0].rstrip("/") not in covered:
            missing.append(rule.rule)
    assert not missing, missing
