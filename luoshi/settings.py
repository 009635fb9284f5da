"""Settings, all from the environment (12-factor).

Small typed helpers read each variable and raise ImproperlyConfigured on bad values.
SQLite in LUOSHI_DATA_DIR by default; DATABASE_URL selects PostgreSQL in production.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DATA_DIR = Path(env_str("LUOSHI_DATA_DIR", "./data")).resolve()
DEBUG = env_bool("DEBUG", False)
# Demo mode (``luoshi demo``, the test suite) may invent and keep its own secret key.
DEMO = env_bool("LUOSHI_DEMO", False)


def _secret_key() -> str:
    key = env_str("SECRET_KEY")
    if key:
        return key
    if not (DEMO or DEBUG):
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Production mode needs it in the environment; "
            "set LUOSHI_DEMO=1 only for a demo or development instance."
        )
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if (DEBUG or DEMO) else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "axes",
    "csp",
    "ninja",  # so /api/docs uses ninja's bundled Swagger UI, not the CDN copy
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "luoshi.org",
    "luoshi.reports",
    "luoshi.plans",
    "luoshi.cases",
    "luoshi.accounts",
    "luoshi.portal",
    "luoshi.county",
    "luoshi.assistance",
    "luoshi.ledgers",
    "luoshi.economy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",  # before WhiteNoise, so static files carry the policy too
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "luoshi.lib.middleware.reject_nul",
    "luoshi.lib.middleware.BadParameterMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "luoshi.org.middleware.scope_middleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "luoshi.urls"
WSGI_APPLICATION = "luoshi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "luoshi.org.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'luoshi.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
# The hottest inserts ask for prepared statements (luoshi.org.fastinsert.prepared_cursor): PostgreSQL
# then parses and plans them once per connection. Django's own queries are never prepared (they
# bind on the client). Switch off behind a transaction-pooling proxy without prepared statement
# support (PgBouncer before 1.21).
PREPARED_STATEMENTS = env_bool("DB_PREPARED_STATEMENTS", True)
if DATABASES["default"]["ENGINE"].endswith("postgresql") and PREPARED_STATEMENTS:
    # psycopg prepares only on request: a threshold that is never reached, plus prepare=True.
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = 2**31 - 1
# A PostgreSQL streaming replica for the read-only report and dashboard pages marked with
# luoshi.org.replica.reading_replica(); every other query goes to the primary (docs/county.md).
if env_str("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        env_str("DATABASE_REPLICA_URL"), conn_max_age=env_int("DB_CONN_MAX_AGE", 60)
    )
    if not DATABASES["replica"]["ENGINE"].endswith("postgresql"):
        raise ImproperlyConfigured("DATABASE_REPLICA_URL must be a postgres:// URL (a streaming replica).")
    DATABASES["replica"]["OPTIONS"] = dict(DATABASES["default"].get("OPTIONS", {}))
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}  # tests read the test database through it
DATABASE_ROUTERS = ["luoshi.org.replica.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "org.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "luoshi.org.lockout.UsernameDelayBackend",
    # ModelBackend with the signed-in user's read compiled once (sessions naming ModelBackend still work)
    "luoshi.org.backends.UserBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Failed logins (luoshi/org/lockout.py): django-axes locks a client address after
# AXES_FAILURE_LIMIT failures, whatever usernames it tried; a username gets an exponential
# delay (1 s, 2 s, 4 s … at most LOGIN_DELAY_MAX_SECONDS) after LOGIN_FAILURES_PER_USER failures
# from anywhere, never a lock, and none from an address it recently logged in from.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 20)  # per client address
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_CLIENT_IP_CALLABLE = "luoshi.lib.ratelimit.client_ip"  # honours PROXY_COUNT
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # the per-username count reads it
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
LOGIN_FAILURES_PER_USER = env_int("LOGIN_FAILURES_PER_USER", 5)
LOGIN_DELAY_MAX_SECONDS = env_int("LOGIN_DELAY_MAX_SECONDS", 900)

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Per-process memory caches. "default" holds small keyed values (rate counters, versioned dashboard
# parts); "fragments" holds rendered HTML of many objects (case timelines), so that many pages read
# never push the counters out of the default cache.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "default",
        "OPTIONS": {"MAX_ENTRIES": 20000},
    },
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fragments",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "uploads"
MEDIA_URL = "/media/"  # never served directly: attachments go through scoped views
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
MAX_UPLOAD_BYTES = env_int("LUOSHI_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
# Reading an uploaded report (luoshi.reports.sandbox): a child process limited in CPU seconds and
# memory parses it, and refuses a container that unpacks to more than these limits allow.
PARSE_SECONDS = env_int("LUOSHI_PARSE_SECONDS", 60)
PARSE_MEMORY_MB = env_int("LUOSHI_PARSE_MEMORY_MB", 1024)
ZIP_MAX_MEMBERS = env_int("LUOSHI_ZIP_MAX_MEMBERS", 1000)
ZIP_MAX_UNPACKED_MB = env_int("LUOSHI_ZIP_MAX_UNPACKED_MB", 64)
ZIP_MAX_RATIO = env_int("LUOSHI_ZIP_MAX_RATIO", 100)
PDF_MAX_PAGES = env_int("LUOSHI_PDF_MAX_PAGES", 300)
# A scanned PDF is read by OCR (about 3 s a page on one core): pages read for an upload (0: no OCR).
OCR_MAX_PAGES = env_int("LUOSHI_OCR_MAX_PAGES", 30)
TEXT_MAX_CHARS = env_int("LUOSHI_TEXT_MAX_CHARS", 2_000_000)
# The public case form: submissions per client address and hour (0: no limit). Behind nginx, set
# PROXY_COUNT to the number of proxies that append to X-Forwarded-For (luoshi.lib.ratelimit).
PUBLIC_FORM_PER_HOUR = env_int("PUBLIC_FORM_PER_HOUR", 10)
PROXY_COUNT = env_int("PROXY_COUNT", 0)

# Django's database sessions, the per-request read compiled once (luoshi/org/sessions.py)
SESSION_ENGINE = "luoshi.org.sessions"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not (DEBUG or DEMO))
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
# HTTPS behind nginx: nginx terminates TLS and sets "X-Forwarded-Proto $scheme" (docs/security.md).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not (DEBUG or DEMO))
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if (DEBUG or DEMO) else 31536000)
# HSTS for every subdomain, or on the browsers' preload list, binds the whole county domain (often
# with HTTP-only sites beside this one): the domain owner's decision, so off by default and its two
# deploy-check warnings silenced; turn both on and set SILENCED_SYSTEM_CHECKS= (empty) to opt in.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = env_list("SILENCED_SYSTEM_CHECKS", ["security.W005", "security.W021"])
# Behind a proxy (PROXY_COUNT > 0) its X-Forwarded-Proto says whether the client used HTTPS; without
# it SECURE_SSL_REDIRECT would loop behind a TLS-terminating nginx.
if env_bool("SECURE_PROXY_SSL_HEADER", PROXY_COUNT > 0):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): everything comes from our own origin, nothing runs inline.
# Templates carry no <script> blocks, on*= handlers or style="…" attributes (luoshi/org/tests/test_csp.py);
# behaviour lives in static JS (luoshi/static/js/luoshi.js), data in json_script blocks or data-* attributes.
# 'data:' images are Pico CSS's inline SVG icons.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# The public form's map (issue 13): only where the county runs or licenses a tile server, e.g. its own
# or 天地图 with its browser key ("https://t{s}.tianditu.gov.cn/vec_w/wmts?...&tk=KEY"). Without it no
# page loads Leaflet and no tile is fetched; residents still give a position with 使用我的位置.
PORTAL_TILE_URL = env_str("LUOSHI_TILE_URL", "")
PORTAL_TILE_ATTRIBUTION = env_str("LUOSHI_TILE_ATTRIBUTION", "")
PORTAL_TILE_SUBDOMAINS = env_str("LUOSHI_TILE_SUBDOMAINS", "abc")
# Where the map opens when the resident has not given a position yet: "lat,lng,zoom".
PORTAL_MAP_CENTER = env_str("LUOSHI_MAP_CENTER", "35.0,105.0,4")


def tile_origin(template: str) -> str:
    """The CSP source of a tile URL template: scheme and host, a subdomain placeholder as ``*``."""
    from urllib.parse import urlsplit

    parts = urlsplit(template)
    if parts.scheme not in ("https", "http") or not parts.netloc or "{" in parts.netloc.split(".", 1)[-1]:
        return ""
    first, _dot, rest = parts.netloc.partition(".")
    host = f"*.{rest}" if "{s}" in first and rest else parts.netloc
    return f"{parts.scheme}://{host}"


if PORTAL_TILE_URL and tile_origin(PORTAL_TILE_URL):
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(tile_origin(PORTAL_TILE_URL))

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line_403": {"()": "luoshi.lib.middleware.OneLine403"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    # A refused request (403) is an event, not a bug: one line, no traceback.
    "loggers": {
        "django.request": {"filters": ["one_line_403"]},
        "django.security": {"filters": ["one_line_403"]},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Field-level encryption of sensitive personal data (luoshi/assistance/crypto.py, docs/privacy.md):
# Fernet keys, newest first (the first encrypts, all decrypt; `luoshi rotate-keys` re-encrypts), and
# the key of the lookup hashes. Production refuses to start without them.
FIELD_ENCRYPTION_KEYS = env_list("LUOSHI_FIELD_KEYS", [])
FIELD_HASH_KEY = env_str("LUOSHI_FIELD_HASH_KEY")
if not (DEMO or DEBUG) and not (FIELD_ENCRYPTION_KEYS and FIELD_HASH_KEY):
    raise ImproperlyConfigured(
        "LUOSHI_FIELD_KEYS and LUOSHI_FIELD_HASH_KEY are not set. Production mode needs them to encrypt "
        "sensitive personal data (see docs/privacy.md); `luoshi rotate-keys --new-key` prints a new key."
    )
