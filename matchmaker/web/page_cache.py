"""Public pages kept per worker until the directory changes.

A firm's profile and the directory (with or without a search) read by someone who is not signed in
depend only on the firms (their rows and sectors), the language and the address: the worker keeps
the rendered page and serves it again until any firm changes. The change counter
(:mod:`matchmaker.companies.changes`, one cheap read) says when: it moves with every committed
change of any firm on any host, and then the whole store is dropped. Only the body is kept (the
later request hooks add the headers and cookies of each answer); pages with flashed messages or
another status than 200 are never kept; signed-in readers always get a fresh
page (their menu, contacts and buttons are theirs). Kept pages carry an ``ETag``, so a browser's
``If-None-Match`` is answered 304 without a body.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, Response, current_app, g, request, session
from flask_babel import get_locale
from flask_login import current_user

from ..companies.changes import latest_change, worker_state

ENDPOINTS = frozenset({"companies.profile", "companies.directory"})
MAX_PAGES = 1000  # per worker (a page is 10–40 kB: at most ~40 MB, usually far less)
_KEEP_HEADERS = ("Content-Type", "Content-Language")


@dataclass
class _Store:
    seen: int | None = None
    pages: OrderedDict[tuple[str, ...], tuple[bytes, list[tuple[str, str]]]] = field(
        default_factory=OrderedDict
    )
    lock: threading.Lock = field(default_factory=threading.Lock)


def _store() -> _Store:
    store: _Store = worker_state("matchmaker_pages", _Store)
    return store


def _keepable() -> bool:
    return (
        request.method == "GET"
        and request.endpoint in ENDPOINTS
        and current_app.config.get("PAGE_CACHE", True)
        and not current_user.is_authenticated
        and not session.get("_flashes")
    )


def serve_kept() -> Any:
    """Before the view: the kept page for this address and language, if the directory has not
    changed since it was rendered."""
    if not _keepable():
        return None
    store, latest = _store(), latest_change()
    key = (request.host, request.full_path, str(get_locale() or "en"))
    with store.lock:
        if store.seen != latest:
            store.pages.clear()
            store.seen = latest
        kept = store.pages.get(key)
        if kept is not None:
            store.pages.move_to_end(key)
    if kept is None:
        g.page_cache_key = (key, latest)
        return None
    body, headers = kept
    response = Response(body, status=200, headers=headers)
    response.add_etag()
    return response.make_conditional(request)


def keep(response: Response) -> Response:
    """After the view: keep a page worth keeping (see the module's docstring)."""
    noted = g.pop("page_cache_key", None)
    if noted is None or response.status_code != 200 or response.direct_passthrough or session.get("_flashes"):
        return response
    key, seen = noted
    body = response.get_data()
    headers = [(k, v) for k, v in response.headers.items() if k in _KEEP_HEADERS]
    store = _store()
    with store.lock:
        if store.seen == seen:
            store.pages[key] = (body, headers)
            while len(store.pages) > MAX_PAGES:
                store.pages.popitem(last=False)
    response.add_etag()
    return response.make_conditional(request)


def register(app: Flask) -> None:
    """Registered after every other request hook: the page is looked up once the language, the
    reader and the input checks are settled."""
    app.before_request(serve_kept)
    app.after_request(keep)
