"""Reading requests and building links, one way for every view.

- ``safe_next``: where to go after signing in (or any ``next=``/``back=``): same-site paths only.
- ``arg_id`` / ``parse_id``: ids from query strings and forms (:mod:`matchmaker.core.ids`).
- ``day_arg``: a ``YYYY-MM-DD`` date from the query string.
- ``set_language_cookie``: the interface language chosen by a link or the account page.
- ``lang_url`` / ``url_with``: this page again with other query arguments. They are built with
  ``url_for(request.endpoint, **request.view_args)``, never from ``request.path``, so a crafted path
  such as ``/%5Cevil.example`` cannot turn into a link to another site; a page without an endpoint
  (a 404) links to the home page.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlsplit

from flask import Response, current_app, request, url_for
from werkzeug.routing import IntegerConverter, Map, ValidationError

from ..core.ids import MAX_ID, parse_id

__all__ = [
    "BoundedIntConverter",
    "arg_id",
    "day_arg",
    "lang_url",
    "parse_id",
    "safe_next",
    "set_language_cookie",
    "url_with",
]

LANGUAGE_COOKIE_AGE = 365 * 24 * 3600


def safe_next(target: str | None, fallback: str) -> str:
    """``target`` if it is a path on this site, else ``fallback``: no scheme, no host, no
    protocol-relative (``//``) or backslash (``/\\``) forms, no control characters."""
    if not target:
        return fallback
    target = target.strip()
    parts = urlsplit(target)
    if (
        parts.scheme
        or parts.netloc
        or not target.startswith("/")
        or target.startswith("//")
        or "\\" in target
        or any(ord(c) < 32 or ord(c) == 127 for c in target)
    ):
        return fallback
    return target


def arg_id(name: str, source: Any = None) -> int | None:
    """The id in query argument (or form field, with ``source=request.form``) ``name``."""
    values = request.args if source is None else source
    return parse_id(values.get(name))


def day_arg(name: str = "date", default: date | None = None) -> date | None:
    """The ``YYYY-MM-DD`` date in query argument ``name``; ``default`` when it is absent, ``None``
    when it is not a date between 2000 and 2100."""
    raw = request.args.get(name, "")
    if not raw:
        return default
    try:
        day = date.fromisoformat(raw) if len(raw) == 10 else None
    except ValueError:
        return None
    return day if day and 2000 <= day.year <= 2100 else None


def set_language_cookie(response: Response, lang: str) -> None:
    response.set_cookie(
        "lang",
        lang,
        max_age=LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        httponly=True,
        secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
    )


def url_with(**changes: Any) -> str:
    """This page with the query arguments changed (``None`` removes one)."""
    args: dict[str, Any] = request.args.to_dict()
    for key, value in changes.items():
        if value is None:
            args.pop(key, None)
        else:
            args[key] = value
    if request.endpoint is None or request.url_rule is None or request.endpoint == "static":
        return url_for("main.index", **({"lang": args["lang"]} if "lang" in args else {}))
    if request.url_rule.methods is not None and "GET" not in request.url_rule.methods:
        return url_for("main.index", **({"lang": args["lang"]} if "lang" in args else {}))
    view_args = dict(request.view_args or {})
    args = {k: v for k, v in args.items() if k not in view_args}
    return url_for(request.endpoint, **view_args, **args)


def lang_url(lang: str) -> str:
    """This page in another interface language."""
    return url_with(lang=lang)


class BoundedIntConverter(IntegerConverter):
    """``<int:…>`` that matches only ids an Integer column can hold, 1 to 2**31 - 1 (else 404, never a
    driver error); the API's OpenAPI document states the same range."""

    def __init__(self, map: Map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min", 1)
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)

    def to_python(self, value: str) -> int:
        if len(value) > len(str(MAX_ID)):  # before int(): 5,000 digits would raise ValueError
            raise ValidationError()
        return int(super().to_python(value))
