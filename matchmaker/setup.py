"""The ``register_*`` steps that ``create_app`` runs, in order."""

from __future__ import annotations

import logging

from flask import Flask, current_app, has_request_context, request, session
from flask_babel import format_date, format_datetime, format_decimal
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import event

from .extensions import babel, csrf, db, limiter, login_manager, mail
from .migrating import init_migrate
from .web import errors, guard, helpers, ops
from .web.menu import menu


def register_extensions(app: Flask) -> None:
    from . import resource_dir  # the checkout's migrations/, or the wheel's matchmaker/migrations/

    db.init_app(app)
    init_migrate(app, str(resource_dir("migrations")))
    csrf.init_app(app)
    limiter.init_app(app)
    register_mail(app)


def register_mail(app: Flask) -> None:
    """Flask-Mailman: SMTP with ``MAIL_SERVER``; without it the tests keep messages in memory and
    development writes ``.eml`` files under ``instance/mail/`` (one log line each)."""
    if not app.config.get("MAIL_BACKEND"):
        if app.config.get("MAIL_SERVER"):
            backend = "matchmaker.mail.backends.TrackingEmailBackend"
        elif app.testing:
            backend = "locmem"
        else:
            backend = "matchmaker.mail.backends.EmlEmailBackend"
            # the one line per message written goes through the root handler (web/ops.py), at INFO
            logging.getLogger("matchmaker.mail").setLevel(logging.INFO)
        app.config["MAIL_BACKEND"] = backend
    mail.init_app(app)
    # a macro of a plain-text template (templates/mail/_texts.txt) called from an HTML one comes back
    # marked safe although it escaped nothing: `|plain` turns it into text the HTML part escapes
    app.jinja_env.filters["plain"] = lambda value: str.__str__(value) if isinstance(value, str) else value


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
        # every transaction states its foreign-key mode: the migrations ask for none (migrations/env.py,
        # tables rebuilt in batch mode); the pragma only takes effect outside a transaction
        keys = "ON" if conn.get_execution_options().get("sqlite_foreign_keys", True) else "OFF"
        conn.exec_driver_sql(f"PRAGMA foreign_keys={keys}")
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def select_locale() -> str:
    if not has_request_context():  # CLI: messages in the default language
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    langs = current_app_langs()
    lang = request.args.get("lang")
    if lang in langs:
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

    @app.before_request
    def language_choice():
        """A ``?lang=`` link is remembered: as the account's language (saved with the request's
        unit of work) and in a cookie (below)."""
        lang = request.args.get("lang")
        if lang in current_app_langs() and current_user.is_authenticated and current_user.locale != lang:
            current_user.locale = lang

    @app.after_request
    def remember_language(response):
        lang = request.args.get("lang")
        if lang in current_app_langs():
            helpers.set_language_cookie(response, lang)
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
    from .auth.services import reader_from_session_id
    from .web.menu import unread_at_sign_in

    def load_reader(session_user_id: str):
        found = reader_from_session_id(session_user_id)
        if found is None:
            return None
        user, unread = found
        unread_at_sign_in(user, unread)
        return user

    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"

    login_manager.localize_callback = lambda _message: _("Please sign in to see this page.")
    login_manager.user_loader(load_reader)


CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)


def register_security(app: Flask) -> None:
    hops = app.config.get("PROXY_FIX_HOPS") or 0
    if hops:  # only behind a known proxy: trust that many X-Forwarded-* hops
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    guard.register(app)

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
        # a signed-in page is never cached (read from the session: no database query here)
        if session.get("_user_id"):
            h.setdefault("Cache-Control", "private, no-store")
        return response


def register_blueprints(app: Flask) -> None:
    from .accounts.views import bp as accounts_bp
    from .admin.views import bp as admin_bp
    from .auth.recovery import bp as recovery_bp
    from .auth.views import bp as auth_bp
    from .centers.views import bp as centers_bp
    from .companies.views import bp as companies_bp
    from .events.views import bp as events_bp
    from .exhibitions.views import bp as exhibitions_bp
    from .home.views import bp as home_bp
    from .lexicon.views import bp as lexicon_bp
    from .main import bp as main_bp
    from .matching.views import bp as matching_bp
    from .meetings.views import bp as meetings_bp
    from .notifications.views import bp as notifications_bp
    from .offices.views import bp as offices_bp
    from .stays.views import bp as stays_bp

    app.url_map.converters["int"] = helpers.BoundedIntConverter
    for bp in (
        main_bp,
        home_bp,
        auth_bp,
        companies_bp,
        admin_bp,
        matching_bp,
        centers_bp,
        meetings_bp,
        events_bp,
        notifications_bp,
        recovery_bp,
        lexicon_bp,
        stays_bp,
        offices_bp,
        exhibitions_bp,
        accounts_bp,
    ):
        app.register_blueprint(bp)


def register_api(app: Flask) -> None:
    from .api import init_api

    init_api(app)


def register_errors(app: Flask) -> None:
    errors.register(app)


def register_ops(app: Flask) -> None:
    """Request ids and logs first (every later hook's log lines carry the id), then /healthz, /readyz
    and the answers to a lost database."""
    ops.register(app)


def register_template_helpers(app: Flask) -> None:
    from flask_babel import get_locale

    from .core.sectors import title as sector_title

    @app.context_processor
    def inject():
        return {
            **menu(),
            "current_lang": str(get_locale() or "en"),
            "languages": [("az", "Azərbaycanca"), ("ru", "Русский"), ("en", "English")],
        }

    from .auth.models import Membership, Role
    from .events.models import EventStatus, RequestStatus
    from .meetings.models import MeetingStatus
    from .stays.models import StayStatus

    app.jinja_env.globals.update(
        lang_url=helpers.lang_url,
        url_with=helpers.url_with,
        EventStatus=EventStatus,
        Membership=Membership,
        Role=Role,
        MeetingStatus=MeetingStatus,
        RequestStatus=RequestStatus,
        StayStatus=StayStatus,
    )
    app.jinja_env.filters["sector_title"] = lambda code: sector_title(code, str(get_locale() or "en"))
    app.jinja_env.filters["datetime"] = lambda v, fmt="medium": format_datetime(v, fmt) if v else ""
    app.jinja_env.filters["number"] = lambda v: format_decimal(v)
    from .core.phones import national

    app.jinja_env.filters["phone"] = lambda v: national(v) if v else ""
    # a calendar day in the reader's language ("15 sentyabr 2026", "15 сент. 2026 г.")
    app.jinja_env.filters["day"] = lambda v, fmt="medium": format_date(v, fmt) if v else ""
    from . import timefmt

    timefmt.register(app)  # times with their zone's name, local dates, durations


def register_page_cache(app: Flask) -> None:
    """Public pages kept per worker until a firm changes (last: after every other request hook)."""
    from .web import page_cache

    page_cache.register(app)


def register_cli(app: Flask) -> None:
    from .cli import register

    register(app)
