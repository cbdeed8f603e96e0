"""Settings for CRM Vision, read from environment variables only.

Every variable is listed in the README's "Configuration" section.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=1 for local development).")
    SECRET_KEY = "insecure-development-key-only-used-when-DEBUG-is-on-0123456789"  # noqa: S105
# Old keys keep invite links and sessions valid while a new key rolls out.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Where links in e-mails point to (invitations are sent outside a request).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    # The layers, base first (README "Architecture").
    "workshops",
    "questionnaires",
    "reports",
    "crmvision",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Hardening (issue 6 §3.5, §3.9): a non-UTF-8 form body is a 400, not a 500;
    # responses are not cached unless their view says so.
    "crmvision.middleware.PrivateCacheMiddleware",
    "crmvision.middleware.Utf8FormBodyMiddleware",
]

ROOT_URLCONF = "crmvision.urls"
WSGI_APPLICATION = "crmvision.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# Default: a SQLite file in WAL mode. IMMEDIATE transactions take the write
# lock up front and the busy timeout makes concurrent writers wait instead of
# failing with "database is locked". Connections are kept for a minute, SQLite
# too: opening one runs the PRAGMAs below, and closing the last one
# checkpoints the WAL, which cost more than the rest of an autosave. Each
# gunicorn sync worker (and each thread) holds its own connection.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL;"
        "PRAGMA synchronous=NORMAL;"
        "PRAGMA foreign_keys=ON;"
        "PRAGMA busy_timeout=20000;"
    ),
}
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Auth -----------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "workshops:list"
LOGOUT_REDIRECT_URL = "home"

# --- I18N -----------------------------------------------------------------
# One language per installation: it sets Django's own messages and the locale
# formats of every date shown (en-gb: 7 Dec 2026; de: 7. Dezember 2026). It is
# the only language offered, so a visitor's browser (en-US, say) cannot switch
# the dates to another locale's format by accident.
LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "en-gb").strip().lower() or "en-gb"
if LANGUAGE_CODE not in LANG_INFO or "name" not in LANG_INFO[LANGUAGE_CODE]:
    raise ImproperlyConfigured(
        f"LANGUAGE_CODE {LANGUAGE_CODE!r} is not a language Django knows (e.g. en-gb, de, fr)."
    )
LANGUAGES = [(LANGUAGE_CODE, LANG_INFO[LANGUAGE_CODE]["name_local"])]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Berlin")
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------
# WhiteNoise also looks in STATIC_ROOT, which exists only after collectstatic.
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# Serve straight from the finders so a fresh clone works without collectstatic.
WHITENOISE_USE_FINDERS = True

# --- E-mail ---------------------------------------------------------------
# EMAIL_URL: smtp://user:password@host:587?tls=1 (or ssl=1). Default: print
# e-mails to the console.


def parse_email_url(url: str) -> dict[str, object]:
    """One MAILERS["default"] entry from EMAIL_URL."""
    if not url or url.startswith("console:"):
        return {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if url.startswith("locmem:"):
        return {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    parts = urlsplit(url)
    if parts.scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured(
            f"EMAIL_URL must start with smtp://, smtps:// or console: ({url!r})"
        )
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    options: dict[str, object] = {
        "host": parts.hostname or "localhost",
        "username": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
        "use_tls": query.get("tls") in {"1", "true"},
        "use_ssl": parts.scheme == "smtps" or query.get("ssl") in {"1", "true"},
        "timeout": 20,
    }
    if parts.port:
        options["port"] = parts.port
    return {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": options}


MAILERS = {"default": parse_email_url(os.environ.get("EMAIL_URL", ""))}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "CRM Vision <crmvision@localhost>")

# --- Security -------------------------------------------------------------
# HTTPS_ONLY defaults to on outside development; tests on the plain-http
# live server turn it off.
HTTPS_ONLY = env_bool("HTTPS_ONLY", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS_ONLY
SESSION_COOKIE_SECURE = HTTPS_ONLY
CSRF_COOKIE_SECURE = HTTPS_ONLY
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000 if HTTPS_ONLY else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS_ONLY
SECURE_HSTS_PRELOAD = HTTPS_ONLY
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No inline scripts or styles anywhere: everything comes from our own static files.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# --- Cache and throttling ---------------------------------------------------
# Throttle counters must be shared by every server process: Redis when
# REDIS_URL is set, otherwise the database cache (its table is created by a
# migration, workshops 0003). Limits are "tries/seconds" (README, Configuration).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_TABLE = "crmvision_cache"
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": CACHE_TABLE,
            # Culling at the default 300 entries would let a flood of keys erase counters.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }


def env_limit(name: str, default: str) -> tuple[int, int]:
    """A throttle limit "tries/seconds", e.g. "5/900"."""
    value = os.environ.get(name) or default
    try:
        tries, seconds = (int(part) for part in value.split("/"))
    except ValueError:
        message = f"{name} must look like 5/900 (tries/seconds), not {value!r}"
        raise ImproperlyConfigured(message) from None
    if tries < 1 or seconds < 1:
        raise ImproperlyConfigured(f"{name}: tries and seconds must be at least 1 ({value!r})")
    return tries, seconds


THROTTLES = {
    "sign_in_account": env_limit("THROTTLE_SIGN_IN_ACCOUNT", "5/900"),
    "sign_in_ip": env_limit("THROTTLE_SIGN_IN_IP", "20/900"),
    "password_reset_address": env_limit("THROTTLE_PASSWORD_RESET_ADDRESS", "3/3600"),
    "password_reset_ip": env_limit("THROTTLE_PASSWORD_RESET_IP", "10/3600"),
    "join_code_ip": env_limit("THROTTLE_JOIN_CODE_IP", "20/900"),
    "invite_link_ip": env_limit("THROTTLE_INVITE_LINK_IP", "20/900"),
    "join_email_address": env_limit("THROTTLE_JOIN_EMAIL_ADDRESS", "3/3600"),
}
# Behind a reverse proxy every request comes from the proxy's address; the
# client's is the last X-Forwarded-For entry, which the proxy appends.
THROTTLE_TRUST_X_FORWARDED_FOR = env_bool("BEHIND_PROXY", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"forbidden_one_line": {"()": "crmvision.log_filters.ForbiddenWithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
        # A 403 logs one line, not a traceback.
        "django.request": {"filters": ["forbidden_one_line"]},
    },
}
