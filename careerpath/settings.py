"""Settings for CareerPath, read from the environment (see README: Configuration)."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from common.database import check_pooled_connection

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", True)

_DEV_SECRET = "django-insecure-development-only-key-not-for-production-use"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if host.strip()
]
if DEBUG:
    ALLOWED_HOSTS += ["testserver"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_htmx",
    "axes",
    "ninja",
    "django_tasks_db",
    "roles",
    "certifications",
    "guides",
    "plans",
    "api",
    "careerpath",
]

MIDDLEWARE = [
    # Outermost: keeps a cached page as it goes out, every header on, for the front door.
    "careerpath.front_door.FrontDoorMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache, so cached API answers still get ETag, 304 and CORS.
    "api.middleware.ApiMiddleware",
    "careerpath.middleware.DatabaseUnavailableMiddleware",
    # The page cache reads request.htmx to tell a page from its partials.
    "django_htmx.middleware.HtmxMiddleware",
    # As early as it can be: a hit needs none of the middleware below (an anonymous visitor
    # has no session, sends no form and signs nobody in), and a stored page keeps the headers
    # they add (X-Frame-Options, Vary: Cookie). A response that sets a cookie is never stored.
    "careerpath.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "common.sessions.SignedInSessionTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "careerpath.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "builtins": ["common.templatetags.remembered_urls"],
            # common is not an app, so its other tag libraries are named here.
            "libraries": {"select_options": "common.templatetags.select_options"},
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "careerpath.context_processors.site",
            ],
        },
    },
]

# URL names whose URLs carry a secret, never remembered by common.urls.reverse.
UNREMEMBERED_URLS = ("plans:",)

WSGI_APPLICATION = "careerpath.wsgi.application"

# Databases: an SQLite file by default; DATABASE_URL=postgres://... uses psycopg 3 with a pool.
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "pool": {
                "min_size": 1,
                "max_size": int(os.environ.get("DATABASE_POOL_SIZE", "8")),
                # Short waits: in an outage a request answers 503 within a second instead of
                # holding a worker (connect_timeout cannot go below libpq's 2 s; the pool's
                # timeout bounds the whole wait).
                "timeout": float(os.environ.get("DATABASE_POOL_TIMEOUT", "0.5")),
                # Give up a failed reconnection at once instead of backing off for minutes:
                # the next request tries again, so the site is back at the first request
                # after the database is.
                "reconnect_timeout": 0,
                # Each connection handed out is checked, so the site recovers by itself after
                # a restart; without a round trip unless the server has ended the session.
                "check": check_pooled_connection,
            },
            "connect_timeout": 2,
        }
    )
    # A query that runs past the statement timeout is cancelled, so it cannot outlive the
    # request (and the worker) that started it. wsgi.py sets it for web processes; management
    # commands (migrate, load_content) run without one unless it is set in their environment.
    STATEMENT_TIMEOUT_MS = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT_MS", "0"))
    if STATEMENT_TIMEOUT_MS > 0:
        DATABASES["default"]["OPTIONS"]["options"] = f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Check each pooled connection before use (common/database.py).
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if os.environ.get("TEST_DATABASE_NAME"):
        DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caching: local memory by default, Redis when REDIS_URL is set. Either way the content version
# that decides whether a cached page is current is shared by every process (freshness.py): read
# from the database per request with local memory; with Redis, copied beside the pages for at
# most CONTENT_VERSION_SECONDS and re-read from the database when the copy is missing.
REDIS_URL = os.environ.get("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "common.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "TIMEOUT": 600,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "careerpath",
            "TIMEOUT": 600,
        }
    }
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
CONTENT_VERSION_IN_CACHE = bool(REDIS_URL)
# Build every page that shows one thing when the content changes, and serve it from there
# (careerpath/publishing.py). Off in development, where templates change without a release.
PUBLISH_PAGES = env_bool("CAREERPATH_PUBLISH_PAGES", not DEBUG)
CONTENT_VERSION_SECONDS = int(os.environ.get("CONTENT_VERSION_SECONDS", "10"))
# Where that publishing runs (careerpath/tasks.py). "immediate": in the process that made the
# change, right after it commits (development, tests, a small site). "database": queued in the
# database and run by a worker of its own (`manage.py db_worker`, started by `make serve`), so an
# editor's save never waits for thousands of pages; until the worker is done, pages are built on
# request, never stale.
TASK_RUNNER = os.environ.get("CAREERPATH_TASKS", "immediate")
if TASK_RUNNER not in ("immediate", "database"):
    raise ImproperlyConfigured("CAREERPATH_TASKS is immediate or database.")
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if TASK_RUNNER == "database"
        else "django.tasks.backends.immediate.ImmediateBackend",
    }
}
# `X-Cache: hit` on cached pages: for development only, it tells anyone what is cached.
PAGE_CACHE_HEADER = env_bool("CAREERPATH_CACHE_HEADER", DEBUG)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},  # ASVS 2.1.1
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lock a username/address pair, and an address on its own, after repeated failed sign-ins.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"
AXES_CLIENT_IP_CALLABLE = "common.client_address.client_address"
# How many proxies in front of the app append (or overwrite) X-Forwarded-For. The client's
# address is the entry the outermost trusted proxy wrote; anything to its left came from the
# client and is ignored. 1 by default: gunicorn binds to 127.0.0.1, behind one TLS proxy.
# 0 trusts no header and takes the socket's address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))

# Signed-in sessions (staff only; visitors have no accounts) end 12 hours after sign-in and
# after 30 minutes without a request (ASVS 3.3.2); see common/sessions.py.
SESSION_COOKIE_AGE = 12 * 60 * 60
SESSION_IDLE_SECONDS = int(os.environ.get("DJANGO_SESSION_IDLE_MINUTES", "30")) * 60
# After sign-in without a usable `next=`, land on the admin rather than Django's default
# /accounts/profile/, which this site does not have.
LOGIN_REDIRECT_URL = "/admin/"
CSRF_FAILURE_VIEW = "careerpath.views.errors.csrf_failure"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            # whitenoise's and Django's manifest storages, remembering each URL.
            else "common.static_storage.RememberedCompressedManifestStorage"
            if env_bool("DJANGO_STATIC_COMPRESS", True)
            # Hashed but not compressed: a quicker collectstatic for throwaway servers (tests).
            else "common.static_storage.RememberedManifestStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0
# In development (and under the test runner, which turns DEBUG off) serve straight from the
# source folders, so a fresh clone needs no collectstatic.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

CONTENT_DIR = BASE_DIR / "fixtures"
# Writes to personal plans per client address per hour (shared counters in the database).
PLAN_RATE_LIMITS = {
    "create": (int(os.environ.get("PLAN_CREATES_PER_HOUR", "20")), 3600),
    "update": (int(os.environ.get("PLAN_UPDATES_PER_HOUR", "240")), 3600),
}
BENCHMARK_FLOOR = env_bool("CAREERPATH_BENCH_FLOOR", False)

# Security headers. The CSP uses per-request nonces and never 'unsafe-inline'.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    # Django logs every task's start and end at INFO: a failed one is what a web process or a
    # command should print (`manage.py db_worker` sets its own level by its verbosity).
    "loggers": {"django.tasks": {"level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")}},
}
