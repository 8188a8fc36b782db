"""One unit of work per request: the request commits once when its view answers below 400, and
rolls back on an exception or an error answer; after-commit work runs only after a commit."""

from __future__ import annotations

import pytest
from flask import abort, jsonify
from sqlalchemy import func, select

from matchmaker import uow
from matchmaker.companies import services as companies
from matchmaker.companies.models import Company
from matchmaker.errors import Conflict, DomainError
from matchmaker.extensions import db


def _count(name: str) -> int:
    return db.session.scalar(select(func.count(Company.id)).where(Company.name == name)) or 0


@pytest.fixture
def probe(make_app):
    """An app with test-only views that write a firm and then answer in various ways."""
    app = make_app()
    ran: list[str] = []

    def write(name: str) -> None:
        companies.create_company(name=name, country="AZ", city="Bakı")
        uow.after_commit(lambda: ran.append(name))

    def answer(name: str, how: str):
        write(name)
        if how == "ok":
            return jsonify(ok=True)
        if how == "form-errors":
            return "the form again, with its errors", 422
        if how == "refused":
            raise Conflict("taken", field="start")
        if how == "abort":
            abort(404)
        if how == "crash":
            raise RuntimeError("boom")
        if how == "savepoint":  # a refused call undone alone; the rest of the request commits
            err = uow.attempt(lambda: (write(name + " (undone)"), _refuse()))
            return jsonify(refused=err.message)
        raise AssertionError(how)

    app.add_url_rule("/_probe/<name>/<how>", "probe", answer, methods=["POST"])
    app.add_url_rule("/api/_probe/<name>/<how>", "api_probe", answer, methods=["POST"])
    app.config["PROPAGATE_EXCEPTIONS"] = False
    with app.app_context():
        yield app, app.test_client(), ran


def _refuse():
    raise DomainError("no", field="x")


def test_a_successful_view_commits_once_and_then_runs_after_commit_work(probe):
    _app, client, ran = probe
    assert client.post("/_probe/Kept/ok").status_code == 200
    assert _count("Kept") == 1
    assert ran == ["Kept"]


@pytest.mark.parametrize(
    ("how", "status"), [("form-errors", 422), ("refused", 409), ("abort", 404), ("crash", 500)]
)
def test_an_error_answer_or_an_exception_rolls_the_whole_request_back(probe, how, status):
    _app, client, ran = probe
    assert client.post(f"/_probe/Dropped/{how}").status_code == status
    assert _count("Dropped") == 0
    assert ran == []


def test_a_refusal_reaches_api_clients_as_a_json_body_naming_the_field(probe):
    _app, client, _ran = probe
    r = client.post("/api/_probe/Dropped/refused")
    assert r.status_code == 409
    assert r.get_json() == {"error": {"code": "conflict", "message": "taken", "fields": {"start": ["taken"]}}}
    assert _count("Dropped") == 0


def test_a_refused_call_in_a_savepoint_is_undone_alone(probe):
    _app, client, ran = probe
    r = client.post("/_probe/Outer/savepoint")
    assert r.get_json() == {"refused": "no"}
    assert _count("Outer") == 1
    assert _count("Outer (undone)") == 0
    assert ran == ["Outer"]  # the undone call's follow-up never runs


def test_a_command_transaction_commits_or_rolls_back_as_a_whole(app):
    with uow.transaction():
        companies.create_company(name="By command", country="RU", city="Москва")
    with pytest.raises(RuntimeError), uow.transaction():
        companies.create_company(name="Half a command", country="RU", city="Москва")
        raise RuntimeError("stop")
    db.session.expire_all()
    assert _count("By command") == 1
    assert _count("Half a command") == 0


def test_get_pages_write_nothing_even_when_something_is_due(client, auth, factory):
    """Reads never commit: a page view leaves the session clean."""
    factory.user(email="member@az.example", company=factory.company())
    auth.login()
    for path in ("/", "/companies", "/meetings", "/meetings/agenda", "/partners", "/events", "/account"):
        assert client.get(path).status_code == 200, path
        assert not db.session.dirty, path
        assert not db.session.new, path
