"""What operators see: a request id on every request and log line, structured logs, liveness and
readiness, and a lost database answered as "unavailable, retry" instead of a traceback a request.

- **Request id**: the proxy's ``X-Request-ID`` when it sends a sane one, else a new one; returned in
  the ``X-Request-ID`` header and carried by every log line of the request.
- **Logs**: JSON lines in production (``LOG_FORMAT=json``, the default there), plain text otherwise;
  one handler on the root logger, so Flask-Limiter's "storage unreachable, falling back to memory"
  (logged once when Redis goes away) and gunicorn's own lines land in the same place.
- **Database outage**: a connection error answers ``503`` with ``Retry-After`` (JSON under /api/, a
  small page elsewhere that does not touch the database), and is logged once when the outage starts
  and once when the database answers again, per process.
- ``/healthz`` says the process lives; ``/readyz`` checks the database (and Redis where configured)
  and answers 503 when one of them does not answer.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
import uuid
from typing import Any

from flask import Flask, current_app, g, has_request_context, jsonify, request
from sqlalchemy import Engine, event, text
from sqlalchemy.exc import DBAPIError, DisconnectionError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from ..extensions import db

log = logging.getLogger("matchmaker")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
RETRY_AFTER_SECONDS = 5


# request id and logs -----------------------------------------------------------------------------
def request_id() -> str | None:
    return g.get("request_id") if has_request_context() else None


class _RequestContext(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id() or "-"
        return True


class JSONFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, request id (and the exception)."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        if has_request_context():
            entry["method"], entry["path"] = request.method, request.path
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


JSONFormatter.converter = time.gmtime


TEXT_FORMAT = logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")


def configure_logging(app: Flask) -> None:
    """One handler on the root logger (unless the host, e.g. pytest, has installed its own)."""
    root = logging.getLogger()
    if app.testing or any(getattr(h, "_matchmaker", False) for h in root.handlers):
        return
    handler = logging.StreamHandler()
    handler._matchmaker = True  # type: ignore[attr-defined]
    handler.addFilter(_RequestContext())
    if app.config.get("LOG_FORMAT") == "json":
        handler.setFormatter(JSONFormatter())
    else:
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")
        )
    root.addHandler(handler)
    root.setLevel(app.config.get("LOG_LEVEL", "INFO"))


def _start_request() -> None:
    given = request.headers.get("X-Request-ID", "")
    g.request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex


def _end_request(response: Any) -> Any:
    if g.get("request_id"):
        response.headers["X-Request-ID"] = g.request_id
    return response


# database outages --------------------------------------------------------------------------------
class _Outage:
    """Per process: when the database stopped answering (``None`` while it answers)."""

    def __init__(self) -> None:
        self.since: float | None = None
        self.lock = threading.Lock()

    def started(self, exc: BaseException) -> None:
        with self.lock:
            if self.since is not None:
                return
            self.since = time.monotonic()
        log.error("database unavailable, answering 503 until it is back: %s", _short(exc))

    def ended(self) -> None:
        if self.since is None:
            return
        with self.lock:
            since, self.since = self.since, None
        if since is not None:
            log.warning("database reachable again after %.1f s", time.monotonic() - since)


def _outage() -> _Outage:
    return current_app.extensions["matchmaker.outage"]  # type: ignore[no-any-return]


def _short(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0][:300] if str(orig).strip() else type(orig).__name__


def is_connection_error(exc: BaseException) -> bool:
    """A lost or refused connection (or an exhausted pool), not a broken rule of the data."""
    if isinstance(exc, PoolTimeout):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    if isinstance(exc, OperationalError):
        message = str(exc.orig).lower()
        return not ("locked" in message or "deadlock" in message or "serializ" in message)
    return False


def unavailable_response() -> Any:
    """503 with Retry-After, rendered without touching the database (no account, no counters)."""
    from flask_babel import force_locale

    from .errors import error_response, wants_json_response

    if wants_json_response():
        response = error_response(
            503, "The service is briefly unavailable; retry shortly.", code="unavailable"
        )
    else:
        langs = current_app.config["LANGUAGES"]
        lang = request.args.get("lang") or request.cookies.get("lang")
        lang = lang if lang in langs else (request.accept_languages.best_match(langs) or "en")
        with force_locale(lang):
            body = current_app.jinja_env.get_template("unavailable.html").render(lang=lang)
        response = current_app.response_class(body, status=503, mimetype="text/html")
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def database_error(exc: DBAPIError) -> Any:
    from .errors import database_busy

    if isinstance(exc, OperationalError) and "locked" in str(exc.orig).lower():
        return database_busy(exc)
    if not is_connection_error(exc):
        raise exc
    _outage().started(exc)
    return unavailable_response()


def pool_timeout(exc: PoolTimeout) -> Any:
    _outage().started(exc)
    return unavailable_response()


def _watch_engine(app: Flask) -> None:
    outage = app.extensions["matchmaker.outage"] = _Outage()
    with app.app_context():
        engine = db.engine
    if engine.dialect.name != "sqlite":  # a file answers as long as the process runs
        _ping_after_idle(engine, app.config["DATABASE_PING_AFTER_IDLE"])

    @event.listens_for(engine, "checkout")
    def _answered(*_args: Any) -> None:  # a connection handed out works again
        outage.ended()


_IDLE_SINCE = "matchmaker.idle_since"


def _ping_after_idle(engine: Engine, seconds: float) -> None:
    """A pooled connection that waited in the pool ``seconds`` or more is asked ``SELECT 1`` before
    it is handed out, and replaced when the server no longer answers it (a restart, a proxy that
    dropped it). One in steady use was answered a moment ago: not asking saves a round trip on every
    request (an eighth of the partners page's time under load). Were the database restarted within
    those seconds, the first request of a worker to take such a connection is answered 503
    (:func:`database_error`), and the pool, which then drops its older connections, serves the next
    one. ``seconds`` = 0: every checkout asks (SQLAlchemy's ``pool_pre_ping``)."""
    dialect = engine.dialect

    @event.listens_for(engine, "checkin")
    def _idle_from(_dbapi_connection: Any, record: Any) -> None:
        if record is not None:
            record.info[_IDLE_SINCE] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get(_IDLE_SINCE)  # none: connected just now
        if since is None or time.monotonic() - since < seconds:
            return
        try:
            dialect.do_ping(dbapi_connection)
        except dialect.loaded_dbapi.Error as exc:  # the pool replaces it and tries again
            raise DisconnectionError("an idle pooled connection no longer answers") from exc


# readiness ---------------------------------------------------------------------------------------
def _check_database() -> str:
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        return f"unavailable: {_short(exc)}"
    return "ok"


def _redis_urls() -> list[str]:
    config = current_app.config
    urls = [config.get("RATELIMIT_STORAGE_URI") or "", config.get("JOBS_BROKER_URL") or ""]
    return sorted({u for u in urls if u.startswith(("redis://", "rediss://"))})


def _check_redis(url: str) -> str:
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1).ping()
    except Exception as exc:
        return f"unavailable: {str(exc).splitlines()[0][:200]}"
    return "ok"


def readyz() -> Any:
    checks = {"database": _check_database()}
    for i, url in enumerate(_redis_urls()):
        checks["redis" if i == 0 else f"redis{i + 1}"] = _check_redis(url)
    ready = all(v == "ok" for v in checks.values())
    response = jsonify(status="ready" if ready else "unavailable", checks=checks)
    response.status_code = 200 if ready else 503
    if not ready:
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def healthz() -> Any:
    """Liveness: the process answers (no database, no Redis)."""
    return jsonify(status="ok")


def register(app: Flask) -> None:
    configure_logging(app)
    app.before_request(_start_request)
    app.after_request(_end_request)
    app.register_error_handler(DBAPIError, database_error)
    app.register_error_handler(PoolTimeout, pool_timeout)
    app.add_url_rule("/healthz", "healthz", healthz)
    app.add_url_rule("/readyz", "readyz", readyz)
    _watch_engine(app)
