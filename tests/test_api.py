"""JSON API: bearer tokens, errors as JSON with field names, OpenAPI document."""

from __future__ import annotations

import pytest

from matchmaker.extensions import db


@pytest.fixture
def api(client, factory):
    class Api:
        def __init__(self):
            self.firm = factory.company(name="Gəncə Aqro", offers=["pomidor"], needs=["traktor"])
            self.other = factory.company(
                name="Волга Агро", country="RU", city="Астрахань", offers=["тракторы"]
            )
            self.user = factory.user(email="member@az.example", company=self.firm)
            self.token = factory.token(self.user)
            staff = factory.user(email="staff@center.example", role="staff")
            self.staff_token = factory.token(staff)

        def call(self, method, path, token=None, **kw):
            headers = {"Authorization": f"Bearer {token or self.token}"}
            return client.open(path, method=method, headers=headers, **kw)

    return Api()


def test_requires_a_bearer_token(client):
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic abc"}):
        r = client.get("/api/v1/companies", headers=headers)
        assert r.status_code == 401
        assert r.get_json()["error"]["code"] == "unauthorized"


def test_list_search_and_get(api):
    r = api.call("GET", "/api/v1/companies?q=Гянджа Агро")
    body = r.get_json()
    assert r.status_code == 200
    assert body["items"][0]["name"] == "Gəncə Aqro"
    assert {"id", "external_id", "name", "country", "city", "sectors", "offers", "needs"} <= set(
        body["items"][0]
    )
    assert body["total"] >= 1
    assert body["page"] == 1
    r = api.call("GET", "/api/v1/companies?country=RU")
    assert [i["name"] for i in r.get_json()["items"]] == ["Волга Агро"]
    r = api.call("GET", f"/api/v1/companies/{api.firm.id}")
    assert r.get_json()["offers"] == ["pomidor"]
    assert api.call("GET", "/api/v1/companies/99999").status_code == 404


def test_bad_query_parameters_are_422_with_fields(api):
    r = api.call("GET", "/api/v1/companies?per_page=1000&country=XX")
    assert r.status_code == 422
    err = r.get_json()["error"]
    assert err["code"] == "invalid"
    assert {"per_page", "country"} <= set(err["fields"])
    r = api.call("GET", "/api/v1/companies?page=99999999999999999999")
    assert r.status_code in (200, 422)


def test_patch_own_company_and_403_for_others(api):
    r = api.call(
        "PATCH", f"/api/v1/companies/{api.firm.id}", json={"offers": ["xurma", "nar"], "city": "Göyçay"}
    )
    assert r.status_code == 200
    assert r.get_json()["offers"] == ["xurma", "nar"]
    db.session.refresh(api.firm)
    assert api.firm.city == "Göyçay"
    r = api.call("PATCH", f"/api/v1/companies/{api.other.id}", json={"city": "Москва"})
    assert r.status_code == 403
    assert r.get_json()["error"]["code"] == "forbidden"
    r = api.call("PATCH", f"/api/v1/companies/{api.other.id}", token=api.staff_token, json={"city": "Москва"})
    assert r.status_code == 200


def test_patch_validation_errors_name_the_fields(api):
    r = api.call(
        "PATCH",
        f"/api/v1/companies/{api.firm.id}",
        json={"country": "TR", "sectors": ["99.99"], "email": "x@", "website": "ftp://a"},
    )
    assert r.status_code == 422
    fields = r.get_json()["error"]["fields"]
    assert {"country", "sectors", "email", "website"} <= set(fields)
    r = api.call("PATCH", f"/api/v1/companies/{api.firm.id}", json={"unknown": 1})
    assert r.status_code == 422
    assert "unknown" in r.get_json()["error"]["fields"]
    r = api.call(
        "PATCH", f"/api/v1/companies/{api.firm.id}", data="{not json", content_type="application/json"
    )
    assert r.status_code in (400, 422)
    assert "error" in r.get_json()
    db.session.refresh(api.firm)
    assert api.firm.country == "AZ"


def test_openapi_document(client):
    r = client.get("/api/v1/openapi.json")
    assert r.status_code == 200
    doc = r.get_json()
    assert "/api/v1/companies" in doc["paths"]
    assert "/api/v1/companies/{company_id}" in doc["paths"]
    assert doc["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"


def test_api_ignores_session_cookies(client, api):
    client.post("/login", data={"email": "member@az.example", "password": "correct horse battery"})
    assert client.get("/api/v1/companies").status_code == 401
