"""The ``register_*`` steps that ``create_app`` runs, in order."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Flask, abort, current_app, g, has_request_context, jsonify, render_template, request
from flask_babel import format_date, format_datetime, format_decimal
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException
from werkzeug.routing import IntegerConverter

from .extensions import babel, csrf, db, limiter, login_manager, migrate


def register_extensions(app: Flask) -> None:
    db.init_app(app)
    migrate.init_app(
        app, db, directory=str(app.root_path + "/../migrations"), render_as_batch=True, compare_type=True
    )
    csrf.init_app(app)
    limiter.init_app(app)


def register_database(app: Flask) -> None:
    """SQLite: foreign keys on, WAL, a busy timeout and ``BEGIN IMMEDIATE`` write transactions so
    concurrent bookings get one clean winner instead of "database is locked"."""
    from . import models  # noqa: F401  (every table registered on the metadata)

    with app.app_context():
        engine = db.engine
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _sqlite_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # let SQLAlchemy emit BEGIN itself
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=10000")
        if engine.url.database not in (None, "", ":memory:"):
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _sqlite_begin(conn):
        # every transaction states its foreign-key mode: a bulk rewrite may ask for none (see
        # matching.store.bulk_transaction); the pragma only takes effect outside a transaction
        keys = "ON" if conn.get_execution_options().get("sqlite_foreign_keys", True) else "OFF"
        conn.exec_driver_sql(f"PRAGMA foreign_keys={keys}")
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def select_locale() -> str:
    if not has_request_context():  # CLI: messages in the default language
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    langs = current_app_langs()
    lang = request.args.get("lang")
    if lang in langs:
        g.lang_choice = lang
        return lang
    lang = request.cookies.get("lang")
    if lang in langs:
        return lang
    if current_user and current_user.is_authenticated and current_user.locale in langs:
        return current_user.locale
    return request.accept_languages.best_match(langs) or "en"


def select_timezone() -> str | None:
    if has_request_context() and current_user and current_user.is_authenticated and current_user.timezone:
        return current_user.timezone
    return None


def current_app_langs():
    return current_app.config["LANGUAGES"]


def register_i18n(app: Flask) -> None:
    babel.init_app(
        app,
        locale_selector=select_locale,
        timezone_selector=select_timezone,
        default_translation_directories=str(app.root_path + "/translations"),
    )

    @app.after_request
    def remember_language(response):
        lang = g.pop("lang_choice", None)
        if lang:
            response.set_cookie(
                "lang",
                lang,
                max_age=365 * 24 * 3600,
                samesite="Lax",
                httponly=True,
                secure=app.config.get("SESSION_COOKIE_SECURE", False),
            )
            if current_user and current_user.is_authenticated and current_user.locale != lang:
                current_user.locale = lang
                db.session.commit()
        return response


class _CatalogTranslations:
    """WTForms' built-in messages ("Not a valid integer value.") from our catalog: WTForms ships
    none for Azerbaijani, and one catalog keeps the three languages consistent."""

    # the raw catalog lookups: WTForms formats the result with its own values afterwards
    def gettext(self, string):
        from flask_babel import get_translations

        return get_translations().ugettext(string)

    def ngettext(self, singular, plural, n):
        from flask_babel import get_translations

        return get_translations().ungettext(singular, plural, n)


def register_forms(app: Flask) -> None:
    from flask_wtf import FlaskForm

    FlaskForm.Meta.get_translations = lambda self, form: _CatalogTranslations()


def register_login(app: Flask) -> None:
    from .auth.services import load_user_from_session_id

    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"

    login_manager.localize_callback = lambda _message: _("Please sign in to see this page.")
    login_manager.user_loader(load_user_from_session_id)


CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)


def register_security(app: Flask) -> None:
    hops = app.config.get("PROXY_FIX_HOPS") or 0
    if hops:  # only behind a known proxy: trust that many X-Forwarded-* hops
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    @app.before_request
    def reject_nul_bytes():
        """A NUL byte is never valid text input, and PostgreSQL refuses it: answer 400, not 500."""
        bad = [k for k, v in request.args.items(multi=True) if "\x00" in v]
        if request.method in ("POST", "PUT", "PATCH") and request.mimetype in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            bad += [k for k, v in request.form.items(multi=True) if "\x00" in v]
        if not bad:
            return None
        if _wants_json():
            from .api.errors import error_response

            return error_response(
                422, "Invalid input", fields={k: ["NUL bytes are not allowed."] for k in bad}
            )
        abort(400)

    @app.after_request
    def security_headers(response):
        h = response.headers
        h.setdefault("Content-Security-Policy", CSP)
        h.setdefault("X-Content-Type-Options", "nosniff")
        h.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        h.setdefault("X-Frame-Options", "DENY")
        h.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if app.config.get("SECURITY_HSTS"):
            h.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        if current_user and current_user.is_authenticated:
            h.setdefault("Cache-Control", "private, no-store")
        return response


class BoundedIntConverter(IntegerConverter):
    """``<int:…>`` that matches only ids an Integer column can hold (else 404, never a driver error)."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", 2**31 - 1)  # Integer primary keys (int4 on PostgreSQL)
        super().__init__(map, *args, **kwargs)


def register_blueprints(app: Flask) -> None:
    app.url_map.converters["int"] = BoundedIntConverter
    from .admin.views import bp as admin_bp
    from .auth.views import bp as auth_bp
    from .companies.views import bp as companies_bp
    from .main import bp as main_bp

    for bp in (main_bp, auth_bp, companies_bp, admin_bp):
        app.register_blueprint(bp)
    for name in ("matching", "centers", "meetings", "events", "notifications"):
        try:
            module = __import__(f"matchmaker.{name}.views", fromlist=["bp"])
        except ModuleNotFoundError as exc:
            if exc.name != f"matchmaker.{name}.views":
                raise
            continue
        app.register_blueprint(module.bp)


def register_api(app: Flask) -> None:
    from .api import init_api

    init_api(app)


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def register_errors(app: Flask) -> None:
    def handle(exc: HTTPException):
        if _wants_json():
            from .api.errors import error_response

            return error_response(exc.code or 500, exc.name, getattr(exc, "description", None))
        return render_template("errors.html", error=exc), exc.code

    for code in (400, 403, 404, 405, 413, 429):
        app.register_error_handler(code, handle)

    @app.errorhandler(OperationalError)
    def busy(exc: OperationalError):
        """SQLite's lock wait ran out (busy_timeout): a 503 to retry, not a 500."""
        db.session.rollback()
        if "locked" not in str(exc.orig).lower():
            raise exc
        if _wants_json():
            response = jsonify(error={"code": "busy", "message": "The database is busy; retry shortly."})
        else:
            response = app.make_response((render_template("errors.html", error=None), 503))
        response.status_code = 503
        response.headers["Retry-After"] = "2"
        return response

    @app.errorhandler(500)
    def internal(exc):
        db.session.rollback()
        if _wants_json():
            return jsonify(error={"code": "internal_error", "message": "Internal server error"}), 500
        return render_template("errors.html", error=None), 500


def register_template_helpers(app: Flask) -> None:
    from flask_babel import get_locale

    from .core.sectors import title as sector_title

    @app.context_processor
    def inject():
        unread = 0
        if current_user.is_authenticated and current_user.active_company_id:
            from .notifications.services import unread_count

            unread = unread_count(current_user.active_company_id)
        from flask import current_app

        nav = [
            (endpoint, label)
            for endpoint, label in (
                ("matching.suggestions", _("Partners")),
                ("meetings.index", _("Meetings")),
                ("events.index", _("Brokerage days")),
            )
            if endpoint in current_app.view_functions
        ]
        return {
            "nav_links": nav,
            "endpoints": current_app.view_functions,
            "current_lang": str(get_locale() or "en"),
            "languages": [("az", "Azərbaycanca"), ("ru", "Русский"), ("en", "English")],
            "unread_notifications": unread,
        }

    def lang_url(lang: str) -> str:
        args = request.args.to_dict()
        args["lang"] = lang
        return request.path + "?" + urlencode(args)

    def url_with(**changes) -> str:
        args = request.args.to_dict()
        for k, v in changes.items():
            if v is None:
                args.pop(k, None)
            else:
                args[k] = v
        return request.path + ("?" + urlencode(args) if args else "")

    app.jinja_env.globals.update(lang_url=lang_url, url_with=url_with)
    app.jinja_env.filters["sector_title"] = lambda code: sector_title(code, str(get_locale() or "en"))
    app.jinja_env.filters["datetime"] = lambda v, fmt="medium": format_datetime(v, fmt) if v else ""
    app.jinja_env.filters["number"] = lambda v: format_decimal(v)
    # a calendar day in the reader's language ("15 sentyabr 2026", "15 сент. 2026 г.")
    app.jinja_env.filters["day"] = lambda v, fmt="medium": format_date(v, fmt) if v else ""


def register_cli(app: Flask) -> None:
    from .cli import register

    register(app)
