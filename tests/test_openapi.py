"""Issue 12: the OpenAPI document describes the API. The error body and statuses it documents are the
ones sent; the limits it states are exactly the ones enforced, in both directions (what it refuses
is refused by webargs naming the field, what it allows reaches the service and is accepted).

The slow tier runs schemathesis against a gunicorn site (tests/test_openapi_conformance.py); these
tests pin the pieces down one by one, with the validator schemathesis itself uses (jsonschema-rs,
whose regular expressions are not Python's) reading the patterns of the served document.
"""

from __future__ import annotations

import re
import sys
from datetime import date

import jsonschema_rs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchmaker.api import fields as api_fields
from matchmaker.api.schemas import CompanyPatchSchema
from matchmaker.companies.models import Company
from matchmaker.core.inputs import clean_name, control_character
from matchmaker.core.profiles import clean_company
from matchmaker.extensions import db

CHARS = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]


@pytest.fixture
def doc(client):
    r = client.get("/api/v1/openapi.json")
    assert r.status_code == 200
    return r.get_json()


def _operations(doc):
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if method != "parameters":
                yield f"{method.upper()} {path}", op


def _schema(doc, name: str) -> dict:
    """A component schema with its references inlined (for jsonschema-rs)."""
    components = doc["components"]["schemas"]

    def inline(node):
        if isinstance(node, dict):
            if "$ref" in node:
                return inline(components[node["$ref"].rsplit("/", 1)[1]])
            return {k: inline(v) for k, v in node.items() if k != "nullable"} | (
                {"type": [node["type"], "null"]} if node.get("nullable") and "type" in node else {}
            )
        if isinstance(node, list):
            return [inline(v) for v in node]
        return node

    return inline(components[name])


# the document -------------------------------------------------------------------------------------
def test_errors_are_documented_as_sent(doc):
    error = _schema(doc, "Error")
    assert error["required"] == ["error"]
    assert error["additionalProperties"] is False
    body = error["properties"]["error"]
    assert set(body["properties"]) == {"code", "message", "fields"}
    assert set(body["required"]) == {
        "code",
        "message",
    }
    assert body["properties"]["fields"]["additionalProperties"] == {
        "type": "array",
        "items": {"type": "string"},
    }
    responses = doc["components"]["responses"]
    assert responses["UNAUTHORIZED"]["headers"]["WWW-Authenticate"]["required"] is True
    assert responses["SERVICE_UNAVAILABLE"]["headers"]["Retry-After"]["required"] is True
    # gunicorn (or the proxy) answers a request line over its limit itself, in HTML
    assert set(responses["REQUEST_URI_TOO_LONG"]["content"]) == {"text/html"}
    for name, op in _operations(doc):
        assert {"401", "414", "503", "default"} <= set(op["responses"]), name
        assert op["responses"]["default"] == {"$ref": "#/components/responses/DEFAULT_ERROR"}, name


def test_each_operation_documents_the_statuses_it_answers(doc):
    ops = dict(_operations(doc))
    assert {"400", "403", "404", "422"} <= set(ops["PATCH /api/v1/companies/{company_id}"]["responses"])
    assert {"400", "403", "409", "422"} <= set(ops["POST /api/v1/meetings"]["responses"])
    for action in ("accept", "decline", "cancel", "reschedule"):
        assert {"403", "404", "409", "422"} <= set(
            ops[f"POST /api/v1/meetings/{{meeting_id}}/{action}"]["responses"]
        )
    assert "404" in ops["GET /api/v1/meetings/{meeting_id}"]["responses"]
    assert "404" in ops["GET /api/v1/rooms/{room_id}/availability"]["responses"]
    # the rules no JSON schema states are named where they apply
    for name in ("POST /api/v1/meetings", "POST /api/v1/meetings/{meeting_id}/reschedule"):
        assert "366 days" in ops[name]["description"]
        assert "opening hours" in ops[name]["description"]


def test_ids_in_paths_are_documented_as_the_router_takes_them(doc, w):
    for path, item in doc["paths"].items():
        for param in item.get("parameters", []):
            assert param["schema"] == {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}, path
    assert w.call("GET", "/api/v1/companies/0").status_code == 404
    assert w.call("GET", "/api/v1/companies/2147483648").status_code == 404


def test_year_founded_ends_this_year_when_the_document_is_read(doc):
    year = _schema(doc, "CompanyPatch")["properties"]["year_founded"]
    assert (year["minimum"], year["maximum"]) == (1800, date.today().year)


# the patterns and the rules they state ----------------------------------------------------------
def test_the_text_pattern_refuses_exactly_the_control_characters():
    text = re.compile(api_fields.TEXT_PATTERN)
    assert [c for c in CHARS if (text.fullmatch(c) is None) != bool(control_character(c))] == []


def test_the_name_pattern_wants_exactly_a_character_that_survives_clean_name():
    name = re.compile(api_fields.NAME_PATTERN)
    odd = [
        c
        for c in CHARS
        if (name.fullmatch(c) is not None) != (not control_character(c) and clean_name(c) != "")
    ]
    assert odd == []


def test_the_nonblank_pattern_wants_exactly_a_character_strip_keeps():
    nonblank = re.compile(api_fields.NONBLANK_PATTERN)
    odd = [
        c
        for c in CHARS
        if (nonblank.fullmatch(c) is not None) != (not control_character(c) and c.strip() != "")
    ]
    assert odd == []


def _field_pattern(name: str) -> str:
    return next(v.regex.pattern for v in CompanyPatchSchema().fields[name].validators if hasattr(v, "regex"))


@pytest.mark.parametrize("field", ["name", "city", "description", "website", "email", "phone"])
@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_what_the_schema_allows_the_company_rules_accept(field, data):
    """A value the PATCH schema allows passes ``clean_company`` (so the service never answers 422)."""
    value = data.draw(st.from_regex(_field_pattern(field), fullmatch=True))
    limit = CompanyPatchSchema().fields[field].validators[0].max
    if len(value) > limit:
        value = value[:limit]
        if CompanyPatchSchema().validate({field: value}):
            return  # cut where the pattern no longer holds: not a schema-valid value
    assert not CompanyPatchSchema().validate({field: value})
    _clean, problems = clean_company({field: value}, partial=True, current_year=date.today().year)
    assert problems == [], (field, value, problems)


PROBES = [
    "",
    " ",
    "a",
    "Gəncə Aqro",
    "\u200b",
    "\u200ba",
    "\ufeff",
    "\u2028",
    "\x85",
    "\x1c",
    "a\n",
    "a\nb",
    " a ",
    "\u3000x",
    "\u180e",
    "\u2065",
    "+994 50 123 45 67",
    "+994  50 123 45 67",
    " +994 50 123 45 67",
    "12345",
    "+12345",
    "123456",
    "(012) 345-67-89",
    "info@firm.az",
    "info@firm.az\n",
    "Info@Firm.AZ",
    "a b@firm.az",
    "a@b.c",
    "x@",
    "https://firm.az",
    "HTTP://Фирма.РФ/путь?a=1#x",
    "https://firm.az:8080/x y",
    "https://firm.az.",
    "https://user@firm.az",
    "ftp://firm.az",
    "https://-firm.az",
    "https://firm.a",
    "https://firm.az/" + "x" * 250,
]


@pytest.mark.parametrize("field", ["name", "city", "description", "website", "email", "phone", "offers"])
def test_the_served_document_and_the_api_agree_on_every_probe(doc, field):
    """jsonschema-rs (schemathesis' validator, an ECMA-like regex engine) reading the served document
    and marshmallow reading the schema give the same verdict on every probe."""
    prop = _schema(doc, "CompanyPatch")["properties"][field]
    validator = jsonschema_rs.validator_for(prop)
    for probe in PROBES:
        value = [probe] if field == "offers" else probe
        allowed = validator.is_valid(value)
        refused = CompanyPatchSchema().validate({field: value})
        assert allowed == (not refused), (field, probe, allowed, refused)


# the API refuses what the document refuses, naming the field -------------------------------------
@pytest.mark.parametrize(
    "body",
    [
        {"name": "\u200b\u200f "},
        {"country": "az"},
        {"sectors": ["0113"]},
        {"languages": ["AZ"]},
        {"phone": " +994 50 123 45 67"},
        {"phone": "+994  50 123 45 67"},
        {"email": " info@firm.az"},
        {"website": "https://firm.az/" + "x" * 300},
        {"size_band": ""},
        {"year_founded": "1990"},
        {"year_founded": date.today().year + 1},
        {"offers": ["x"] * 31},
        {"offers": ["x" * 121]},
    ],
)
def test_a_patch_the_document_refuses_is_a_422_naming_the_field(w, body):
    r = w.call("PATCH", f"/api/v1/companies/{w.az.id}", json=body)
    assert r.status_code == 422, r.get_json()
    assert set(r.get_json()["error"]["fields"]) == set(body)
    db.session.expire_all()
    assert db.session.get(Company, w.az.id).name == "Gəncə Aqro MMC"


def test_a_patch_at_the_limits_is_accepted(w):
    body = {
        "name": "\u200bŞəki İpək",
        "website": "https://firm.az/" + "x" * (260 - len("https://firm.az/")),
        "phone": "+994 50 123 45 67",
        "email": "Info@Firm.AZ",
        "year_founded": date.today().year,
        "offers": ["x" * 120] * 30,
        "size_band": None,
    }
    r = w.call("PATCH", f"/api/v1/companies/{w.az.id}", json=body)
    assert r.status_code == 200, r.get_json()
    assert r.get_json()["name"] == "Şəki İpək"
    assert r.get_json()["email"] == "info@firm.az"


def test_a_website_longer_than_its_column_is_refused_everywhere():
    """PostgreSQL's varchar(300) raised a 500 for a longer address sent through the API (or CSV)."""
    _clean, problems = clean_company({"website": "https://firm.az/" + "x" * 300}, partial=True)
    assert [p.field for p in problems] == ["website"]


def test_a_cancel_needs_a_reason_that_says_something(w):
    mid = w.book().get_json()["id"]
    for body in ({}, {"reason": "   "}, {"reason": "\u3000\n"}):
        r = w.call("POST", f"/api/v1/meetings/{mid}/cancel", json=body)
        assert r.status_code == 422, body
        assert set(r.get_json()["error"]["fields"]) == {"reason"}, body
    r = w.call("POST", f"/api/v1/meetings/{mid}/accept", user=w.ru_user, json={"reason": "x"})
    assert r.status_code == 422
    assert "reason" in r.get_json()["error"]["fields"]
    assert (
        w.call("POST", f"/api/v1/meetings/{mid}/cancel", json={"reason": "Flight cancelled"}).status_code
        == 200
    )


def test_times_are_rfc3339_with_an_offset(w):
    for start in ("2030-01-01 10:00:00+04:00", "2030-01-01t10:00:00+04:00", "20300101T100000+0400"):
        body = {
            "partner_id": w.ru.id,
            "room_id": w.c["kur"].id,
            "start": start,
            "end": "2030-01-01T11:00:00+04:00",
        }
        r = w.call("POST", "/api/v1/meetings", json=body)
        assert r.status_code == 422, start
        assert "start" in r.get_json()["error"]["fields"], start


def test_query_parameters_take_only_what_the_document_states(w):
    assert w.call("GET", "/api/v1/companies?verified=1").status_code == 422
    assert w.call("GET", "/api/v1/companies?verified=true").status_code == 200
    assert w.call("GET", f"/api/v1/rooms/{w.c['kur'].id}/availability?date=2026-6-1").status_code == 422
    r = w.call("GET", f"/api/v1/rooms/{w.c['kur'].id}/availability?date=1999-12-31")
    assert r.status_code == 422
    assert set(r.get_json()["error"]["fields"]) == {"date"}
    assert w.call("GET", f"/api/v1/companies/{w.az.id}/suggestions?lang=de").status_code == 422


def test_a_405_says_which_methods_are_allowed(client):
    r = client.delete("/api/v1/companies")
    assert r.status_code == 405
    assert r.get_json()["error"]["code"] == "method_not_allowed"
    assert set(r.headers["Allow"].split(", ")) >= {"GET"}


def test_every_503_says_when_to_retry(app):
    from matchmaker.web.errors import error_response

    with app.test_request_context("/api/v1/meetings"):
        assert error_response(503, "busy", code="busy").headers["Retry-After"] == "2"
