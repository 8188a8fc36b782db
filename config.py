"""Configuration classes, chosen by ``MATCHMAKER_ENV`` (development, production, testing).

Secrets are never given a fallback value: development generates one key once into
``instance/secret_key``; production refuses to start without ``SECRET_KEY``.

The instance folder (development database, generated key) is the application's (``create_app`` passes
it): ``instance/`` of the checkout, or ``<prefix>/var/matchmaker-instance`` when installed from a wheel;
``MATCHMAKER_INSTANCE`` overrides both.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent


class ConfigError(RuntimeError):
    """The configuration cannot run as given."""


def default_instance_dir() -> Path:
    """For a configuration built without the application's folder: ``MATCHMAKER_INSTANCE``, else
    ``instance/`` beside this file (the checkout)."""
    return Path(os.environ.get("MATCHMAKER_INSTANCE") or BASE_DIR / "instance")


def _instance_secret_key(instance_dir: Path) -> str:
    """Read the development key, generating it once (mode 0600) when missing."""
    instance_dir.mkdir(parents=True, exist_ok=True)
    path = instance_dir / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return path.read_text().strip()


class BaseConfig:
    ENV_NAME = "base"
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    # a pooled connection idle this long is checked before use (matchmaker/web/ops.py); 0: always
    DATABASE_PING_AFTER_IDLE = 5.0
    SQLALCHEMY_RECORD_QUERIES = False
    MAX_CONTENT_LENGTH = 8 * 1024 * 1024
    WTF_CSRF_TIME_LIMIT = None  # tokens live as long as the session
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_DURATION = 60 * 60 * 24 * 30
    PERMANENT_SESSION_LIFETIME = 60 * 60 * 24 * 14
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = "UTC"
    LANGUAGES = ("az", "ru", "en")
    # scrypt at the OWASP table's strength (N=2^15, r=8, p=3): about 100 ms a check here.
    PASSWORD_HASH_METHOD = "scrypt:32768:8:3"
    RATELIMIT_HEADERS_ENABLED = True
    # Redis unreachable: count in the worker's memory rather than fail the login page
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    RATELIMIT_STRATEGY = "fixed-window"
    LOGIN_RATE_LIMIT = "5 per minute"
    SECURITY_HSTS = False
    DIRECTORY_PAGE_SIZE = 20
    SUGGESTIONS_PER_FIRM = 20
    MEETING_REQUEST_TTL_HOURS = 72
    LOG_FORMAT = "text"  # LOG_FORMAT=json: one JSON object a line (the production default)
    # e-mail (Flask-Mailman names); MAIL_BACKEND is chosen in matchmaker.mail.setup when not set:
    # SMTP with MAIL_SERVER, else .eml files under instance/mail/ (tests: kept in memory)
    MAIL_BACKEND: str | None = None
    MAIL_TIMEOUT = 30  # seconds an SMTP step may take before the attempt counts as failed
    MAIL_MAX_ATTEMPTS = 40  # about two days of retries (see matchmaker.mail.delivery.BACKOFF)
    MAIL_BATCH = 100  # messages one delivery run sends
    # background jobs: JOBS_BROKER_URL (redis://…) sends them to the RQ queue; without it they run
    # in the web process after the commit ("thread"), or at once after it ("inline", tests)
    JOBS_EMBEDDED = "thread"
    JOBS_QUEUE = "matchmaker"
    PASSWORD_RESET_TTL_MINUTES = 60
    PASSWORD_RESET_RATE_LIMIT = "5 per hour"  # per e-mail address
    PASSWORD_RESET_CLIENT_RATE_LIMIT = "20 per hour"  # per client address
    EMAIL_CONFIRM_TTL_DAYS = 7
    DIGEST_SIZE = 10
    API_TITLE = "Matchmaker API"
    API_VERSION = "v1"
    OPENAPI_VERSION = "3.0.3"
    OPENAPI_URL_PREFIX = "/api/v1"
    OPENAPI_JSON_PATH = "openapi.json"

    def __init__(self, instance_dir: str | os.PathLike | None = None) -> None:
        self.instance_dir = Path(instance_dir) if instance_dir else default_instance_dir()
        env = os.environ
        self.SQLALCHEMY_DATABASE_URI = env.get("DATABASE_URL") or self.default_database_url()
        self.RATELIMIT_STORAGE_URI = env.get("RATELIMIT_STORAGE_URI", "memory://")
        self.SECRET_KEY = env.get("SECRET_KEY") or self.default_secret_key()
        self.LOG_FORMAT = env.get("LOG_FORMAT") or self.LOG_FORMAT
        self.LOG_LEVEL = env.get("LOG_LEVEL") or "INFO"
        try:
            self.PROXY_FIX_HOPS = int(env.get("PROXY_FIX_HOPS", "0"))
        except ValueError:
            raise ConfigError("PROXY_FIX_HOPS must be a whole number (proxies in front of the app)") from None
        self._mail_settings(env)

    def _mail_settings(self, env) -> None:
        self.MAIL_SERVER = env.get("MAIL_SERVER") or None
        try:
            self.MAIL_PORT = int(env.get("MAIL_PORT") or 25)
        except ValueError:
            raise ConfigError("MAIL_PORT must be a port number") from None
        try:
            self.MAIL_TIMEOUT = float(env.get("MAIL_TIMEOUT") or self.MAIL_TIMEOUT)
        except ValueError:
            raise ConfigError("MAIL_TIMEOUT must be a number of seconds") from None
        self.MAIL_USE_TLS = env.get("MAIL_USE_TLS", "").lower() in ("1", "true", "yes", "on")
        self.MAIL_USERNAME = env.get("MAIL_USERNAME") or None
        self.MAIL_PASSWORD = env.get("MAIL_PASSWORD") or None
        self.MAIL_DEFAULT_SENDER = (
            env.get("MAIL_DEFAULT_SENDER") or "Matchmaker <noreply@matchmaker.localhost>"
        )
        self.MAIL_FILE_PATH = str(self.instance_dir / "mail")
        self.PUBLIC_URL = (env.get("PUBLIC_URL") or "http://127.0.0.1:5000").rstrip("/")
        self.JOBS_BROKER_URL = env.get("JOBS_BROKER_URL") or None
        self.JOBS_QUEUE = env.get("JOBS_QUEUE") or self.JOBS_QUEUE  # several sites on one Redis

    def default_database_url(self) -> str:
        self.instance_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{self.instance_dir / 'matchmaker.sqlite3'}"

    def default_secret_key(self) -> str:
        return _instance_secret_key(self.instance_dir)


class DevelopmentConfig(BaseConfig):
    ENV_NAME = "development"


class TestingConfig(BaseConfig):
    ENV_NAME = "testing"
    TESTING = True
    # Cheap hashes keep the suite fast; production strength is tested on ProductionConfig.
    PASSWORD_HASH_METHOD = "scrypt:1024:8:1"
    # jobs run at once after the commit (the in-memory SQLite database has one connection)
    JOBS_EMBEDDED = "inline"

    def __init__(self, instance_dir: str | os.PathLike | None = None) -> None:
        super().__init__(instance_dir)
        self.SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL") or "sqlite://"
        # the suite never reaches a real relay or queue unless a test says so
        self.MAIL_SERVER = None
        self.JOBS_BROKER_URL = None

    def default_secret_key(self) -> str:
        return secrets.token_hex(32)


class ProductionConfig(BaseConfig):
    ENV_NAME = "production"
    LOG_FORMAT = "json"
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-session"
    REMEMBER_COOKIE_SECURE = True
    SECURITY_HSTS = True
    PREFERRED_URL_SCHEME = "https"

    def default_secret_key(self) -> str:
        raise ConfigError("SECRET_KEY must be set in production (MATCHMAKER_ENV=production).")


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def load_config(name: str | None = None, instance_dir: str | os.PathLike | None = None) -> BaseConfig:
    name = name or os.environ.get("MATCHMAKER_ENV", "development")
    try:
        return CONFIGS[name](instance_dir)
    except KeyError:
        raise ConfigError(f"MATCHMAKER_ENV must be one of {', '.join(CONFIGS)}, not {name!r}") from None
