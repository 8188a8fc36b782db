"""One guard for every way text enters a request: path parameters, query strings, form fields and
JSON bodies (CSV files are read by the importer with the same rules, :mod:`matchmaker.core.inputs`).

Before any view runs: a control character anywhere is refused, naming the field (422; a path
parameter that holds one cannot name anything that exists: 404); JSON bodies nested too deep, with
numbers too long or not JSON at all are a 400; every accepted string is put in Unicode NFC, so the
views, the forms and the API schemas only ever see normalised text.
"""

from __future__ import annotations

import json
from typing import Any

from flask import Flask, abort, request
from flask_babel import gettext as _
from werkzeug.datastructures import ImmutableMultiDict, MultiDict

from ..core.inputs import control_character, load_json, normal_text, normalised_json, strings_in
from . import errors

CONTROL_MESSAGE = "Control characters (such as NUL) are not allowed."  # in messages.py too


def _checked(values: MultiDict[str, str]) -> tuple[ImmutableMultiDict[str, str], dict[str, list[str]]]:
    bad: dict[str, list[str]] = {}
    clean: list[tuple[str, str]] = []
    for key, value in values.items(multi=True):
        if control_character(key) or control_character(value):
            bad[normal_text(key)] = [_(CONTROL_MESSAGE)]
        clean.append((normal_text(key), normal_text(value)))
    return ImmutableMultiDict(clean), bad


class _UnreadableBody(Exception):
    pass


def _json_body() -> dict[str, list[str]]:
    """Check a JSON body and hand the views its normalised form; returns its bad fields."""
    if not request.is_json:
        return {}
    data = request.get_data(cache=True)
    if not data.strip():
        return {}
    try:
        body = load_json(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise _UnreadableBody(str(exc).split("\n")[0][:200]) from None
    bad = {path or "body": [_(CONTROL_MESSAGE)] for path, text in strings_in(body) if control_character(text)}
    body = normalised_json(body)
    # both readers see the normalised body: Flask's get_json() and webargs (which parses the raw data)
    request._cached_data = json.dumps(body, ensure_ascii=False).encode()  # type: ignore[attr-defined]
    request._cached_json = (body, body)  # type: ignore[attr-defined]
    return bad


def guard_request() -> Any:
    for value in (request.view_args or {}).values():
        if isinstance(value, str) and control_character(value):
            abort(404)
    request.args, bad = _checked(request.args)  # type: ignore[misc]
    if request.method in ("POST", "PUT", "PATCH", "DELETE") and request.mimetype in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ):
        form, form_bad = _checked(request.form)
        request.form = form  # type: ignore[misc]
        bad.update(form_bad)
    try:
        bad.update(_json_body())
    except _UnreadableBody as exc:
        message = f"The body is not valid JSON: {exc}"
        if errors.wants_json_response():
            return errors.error_response(400, message)
        return errors.error_page(400, message)
    if not bad:
        return None
    if errors.wants_json_response():
        return errors.error_response(422, "Invalid input", fields=bad)
    return errors.error_page(422, "; ".join(f"{field}: {msgs[0]}" for field, msgs in sorted(bad.items())))


def register(app: Flask) -> None:
    app.before_request(guard_request)
