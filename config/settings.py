"""Settings for the archive, read from the environment in this one place.

DATABASE_URL       unset: an SQLite file in var/; postgres://... for PostgreSQL
DJANGO_DEBUG       "1"/"true" turns debug on (default off)
DJANGO_SECRET_KEY  required when debug is off
DJANGO_ALLOWED_HOSTS  comma-separated host names
DJANGO_SECURE      "1" turns on HTTPS-only cookies, HSTS and the SSL redirect
DJANGO_CONN_MAX_AGE  seconds a database connection is kept between requests (default 60)
DATABASE_REPLICA_URLS  comma-separated postgres://... read replicas: reads go there, writes
                   (and a request's reads after its first write) to DATABASE_URL
DATABASE_POOL      "1" opens PostgreSQL connections through psycopg's pool (then
                   DJANGO_CONN_MAX_AGE is ignored: Django refuses both at once)
DATABASE_POOL_MIN_SIZE, DATABASE_POOL_MAX_SIZE  the pool's bounds per process (2, 10)
ARCHIVE_TASKS_BACKEND  "database" (default: tasks in the database, run by `manage.py
                   db_worker`), "immediate" (run at once in the request) or a backend's dotted path
ARCHIVE_IMPORT_BATCH_SIZE  articles per import task (default 50)
DJANGO_STATIC_ROOT  where collectstatic writes (default staticfiles/)
DJANGO_LOG_FORMAT  "json" (default with debug off) or "text"
DJANGO_HSTS_PRELOAD  "1" adds `preload` to HSTS (only with DJANGO_SECURE)
ARCHIVE_PUBLIC     "0" puts the whole site (pages, API, schema, docs) behind a login;
                   ARCHIVE_API_PUBLIC_READ is its older name and still read
REDIS_URL          redis://... keeps API throttling counts in Redis instead of the database
ARCHIVE_THROTTLE_ANON, ARCHIVE_THROTTLE_USER, ARCHIVE_THROTTLE_LOGIN
                   API request rates ("300/min"...), per client address, user and login
ARCHIVE_LOGIN_FAILURES, ARCHIVE_LOGIN_COOLOFF_MINUTES
                   failed logins (per user name and address) before a lockout, and its length
"""

from __future__ import annotations

import datetime
import os
import warnings
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string, "
            "or set DJANGO_DEBUG=1 for local development."
        )
    # Only ever used with DEBUG on, on a developer's machine.
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")

INSTALLED_APPS = [
    # Before the admin, so that its templates/admin/base_site.html (the
    # language switch) overrides the admin's own.
    "archive",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # First: a load balancer's probe skips host checks, HTTPS redirects and logins.
    "archive.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Where LocaleMiddleware would be; see archive.language for why not it.
    "archive.language.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "archive.access.ClosedArchiveMiddleware",
    # Last, as django-axes asks: it turns a lockout into the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

# A connection is kept for a minute and checked before reuse: a fresh
# PostgreSQL connection per request costs more than the request itself.
CONN_MAX_AGE = int(os.environ.get("DJANGO_CONN_MAX_AGE", "60"))
# psycopg 3's pool instead of persistent connections. Django refuses a pool
# together with persistent connections (CONN_MAX_AGE must then be 0), so the
# pool is off unless asked for, and turns CONN_MAX_AGE off when it is on.
DATABASE_POOL = env_flag("DATABASE_POOL")
DATABASE_REPLICA_URLS = env_list("DATABASE_REPLICA_URLS")


def database(url: str | None = None) -> dict:
    config = (
        dj_database_url.parse(url, conn_health_checks=True)
        if url
        else dj_database_url.config(
            default=f"sqlite:///{BASE_DIR / 'var' / 'archive.sqlite3'}", conn_health_checks=True
        )
    )
    if config["ENGINE"] == "django.db.backends.postgresql" and DATABASE_POOL:
        config["CONN_MAX_AGE"] = 0
        config.setdefault("OPTIONS", {})["pool"] = {
            "min_size": int(os.environ.get("DATABASE_POOL_MIN_SIZE", "2")),
            "max_size": int(os.environ.get("DATABASE_POOL_MAX_SIZE", "10")),
        }
    else:
        config["CONN_MAX_AGE"] = CONN_MAX_AGE
    return config


DATABASES = {"default": database()}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions take the write lock up front, so two imports
    # running at once wait for each other instead of failing with
    # "database is locked" halfway through an article.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 30}
    )
    (BASE_DIR / "var").mkdir(exist_ok=True)
for number, url in enumerate(DATABASE_REPLICA_URLS, start=1):
    # A replica is the primary's copy: in tests it is the same test database
    # (MIRROR), so routing can be tested without a second server.
    DATABASES[f"replica{number}"] = {**database(url), "TEST": {"MIRROR": "default"}}
# Reads to a replica, writes (and what a request reads after writing) to the primary.
DATABASE_ROUTERS = ["archive.routing.PrimaryReplicaRouter"] if DATABASE_REPLICA_URLS else []
if DATABASE_REPLICA_URLS:
    MIDDLEWARE.insert(1, "archive.routing.PrimaryAfterWriteMiddleware")

# Background work (imports of many files) through Django's task framework
# (the django-tasks backport on Django 5.2; `django.tasks` from Django 6).
# The database backend needs no other server: `manage.py db_worker` on any
# machine that reaches the database runs the tasks.
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "dummy": "django_tasks.backends.dummy.DummyBackend",
}
_tasks_backend = os.environ.get("ARCHIVE_TASKS_BACKEND", "database")
TASKS = {
    "default": {
        "BACKEND": TASK_BACKENDS.get(_tasks_backend, _tasks_backend),
    }
}
ARCHIVE_IMPORT_BATCH_SIZE = int(os.environ.get("ARCHIVE_IMPORT_BATCH_SIZE", "50"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Reference data: `manage.py loaddata editors` creates the editors' group.
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese unless the reader chooses English with the header's switch
# (set_language's cookie); the browser's Accept-Language is not followed on
# the pages and the admin, only by the API (archive.language). Source strings
# are English, as in Django itself; archive/locale/ holds both catalogues.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Tests and `make run` serve static files straight from the apps, no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# Without collectstatic there is no STATIC_ROOT yet; the finders serve the files.
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)

LOGIN_URL = "admin:login"

# Production hardening: on when DJANGO_SECURE is set (behind HTTPS).
SECURE = env_flag("DJANGO_SECURE")
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
# Preloading is a promise to the browsers' lists that is slow to take back: opt in.
SECURE_HSTS_PRELOAD = SECURE and env_flag("DJANGO_HSTS_PRELOAD")
if SECURE and not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# One switch for the whole site; the older API-only name is read when the new one is unset.
ARCHIVE_PUBLIC = env_flag(
    "ARCHIVE_PUBLIC", default=env_flag("ARCHIVE_API_PUBLIC_READ", default=True)
)

# API throttling counts in the database table archive_requestrate (archive.services.rates),
# shared by every host; in Redis, through the "limits" cache, when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    **(
        {
            "limits": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": REDIS_URL,
            }
        }
        if REDIS_URL
        else {}
    ),
}

# django-axes counts failed logins (admin and API token) in the database and
# locks a user name from one address out for a while: no brute force, and no
# stranger can lock an editor out from elsewhere.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("ARCHIVE_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("ARCHIVE_LOGIN_COOLOFF_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "archive/locked_out.html"
AXES_VERBOSE = False

# No inline script anywhere: every script is a file served from 'self'.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # The admin and Swagger UI set a few inline style attributes.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["archive.api.permissions.ArchivePermission"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "archive.api.throttling.AnonThrottle",
        "archive.api.throttling.UserThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("ARCHIVE_THROTTLE_ANON", "300/min"),
        "user": os.environ.get("ARCHIVE_THROTTLE_USER", "1200/min"),
        "login": os.environ.get("ARCHIVE_THROTTLE_LOGIN", "10/min"),
    },
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Archive API",
    "DESCRIPTION": "Vietnamese public-security, Party and foreign-affairs news, "
    "with the people, organisations and directives each article mentions.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI from the project's own static files: nothing is fetched from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    # A closed archive closes its schema and docs too.
    "SERVE_PERMISSIONS": ["archive.api.permissions.ReadersOnly"],
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Logs are one JSON object per line (python-json-logger) unless DJANGO_LOG_FORMAT=text.
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line_client_errors": {"()": "archive.errors.OneLineClientErrors"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s %(status_code)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["one_line_client_errors"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
