"""On Record settings: one file, driven by the environment.

Production differences come from environment variables, never from extra settings modules.
"""

import os
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


DEBUG = env_bool("DEBUG", False)

# Management commands and tests may run on the development key; serving with DEBUG off
# refuses it (config/wsgi.py, config/asgi.py call `refuse_development_key_in_production`).
INSECURE_DEVELOPMENT_KEY = "insecure-development-key-never-use-in-production"
SECRET_KEY = env_str("SECRET_KEY") or INSECURE_DEVELOPMENT_KEY


def refuse_development_key_in_production() -> None:
    if not DEBUG and SECRET_KEY == INSECURE_DEVELOPMENT_KEY:
        raise ImproperlyConfigured("Set SECRET_KEY to serve with DEBUG off.")


def refuse_to_serve_without_collected_static_files() -> None:
    """With DEBUG off every page names its CSS by a hashed file name from the manifest that
    `collectstatic` writes; without it every page would be a 500. Say so at start instead."""
    manifest = STATIC_ROOT / "staticfiles.json"
    hashed = STORAGES["staticfiles"]["BACKEND"].endswith("ManifestStaticFilesStorage")
    if not DEBUG and hashed and not manifest.exists():
        raise ImproperlyConfigured(
            f"No {manifest}: run `python manage.py collectstatic --noinput` before serving "
            "with DEBUG off (`make serve` does)."
        )


ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_filters",
    "taggit",
    "simple_history",
    "axes",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "import_export",
    "people",
    "events",
    "statements",
    "claims",
    "api",
    # Last, so its post_migrate sync of the groups runs after every app's permissions exist.
    "common",
]

# The JSON API (api/): read-only, public data only, no sign-in (so no CSRF and no session: staff
# see what everybody sees). Anonymous clients are throttled (a 429 with Retry-After); pages are
# the site's keyset pages.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.KeysetPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_RATE", "600/minute")},
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "On Record API",
    "DESCRIPTION": (
        "The public record of statements, people, events, claims and corrections, read-only. "
        "Lists are keyset-paged: follow `next` and `previous`."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from the installed package's own files, never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "StatementKindEnum": "statements.models.StatementKind",
        "NoteKindEnum": "statements.workflow.NoteKind",
    },
    # drf-spectacular's own hook, then the errors every operation may answer (api/schema.py).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.document_errors",
    ],
}
# Any site may read the API from a browser (a newsroom's page embedding live data): GETs only,
# no cookies, /api/ only.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False

# Spreadsheet imports (django-import-export): a dry run first, then all rows or none.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"

# A version's reason is the editor's own words (a correction's, a retraction's, a merge's), which
# may run past simple-history's default 100 characters.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "common.routers.PrimaryForStaffMiddleware",
    # Django's, with a lost database connection while saving the session a 503, not a 400.
    "common.sessions.SessionMiddleware",
    # Before CommonMiddleware, as django-cors-headers asks; it answers for /api/ only.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A forged empty `_to_field` or malformed selected row is a 400, not the admin's 500.
    "common.admin_requests.ForgedAdminInputMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

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
                "csp.context_processors.nonce",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

# No DATABASE_URL means the embedded SQLite file, so the app runs with no server.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 0),
        # A persistent connection the database dropped is replaced at the next request.
        conn_health_checks=True,
    )
}
# Read replicas (PostgreSQL streaming replicas of the same database): public pages read from
# them, writes and the admin use the primary (common/routers.py).
for number, replica_url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    DATABASES[f"replica_{number}"] = dj_database_url.parse(
        replica_url, conn_max_age=env_int("CONN_MAX_AGE", 0), conn_health_checks=True
    ) | {"TEST": {"MIRROR": "default"}}
DATABASE_ROUTERS = ["common.routers.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out username and address is refused before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# Who publishes the site's fact-checks: the author of each ClaimReview search engines read.
SITE_PUBLISHER_NAME = env_str("SITE_PUBLISHER_NAME", "On Record")
SITE_PUBLISHER_URL = env_str("SITE_PUBLISHER_URL")

TIME_ZONE = env_str("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

# The article import must be able to say "too large" itself, so a pasted book reaches its form.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# The import review posts about 20 fields per quote, for up to 500 quotes
# (statements.importing.MAX_QUOTES_PER_IMPORT); Django's default of 1,000 stops at about 100.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 12_000

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
# Files the site writes (share-card images) or is given; every backup holds them.
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# The cache: Redis when REDIS_URL is set (shared by every worker and app server), this
# process's memory otherwise. Public pages are kept PAGE_CACHE_SECONDS (0: never cached) and
# invalidated when what they show changes (common/cache.py, statements/caching.py). Without
# Redis pages are not cached by default: an invalidation reaches only the worker that made the
# change, and every other worker would keep showing the page as it was.
# Redis going away is never an error (common/cache_backends.py): while it is unreachable every
# cache call answers as a miss within 0.25 s (its socket timeouts), Redis is tried again every
# RETRY_SECONDS (5), pages are served uncached and the API is not throttled; once it is back,
# the cache is cleared if an invalidation was dropped meanwhile. OPTIONS may change the
# timeouts (socket_connect_timeout, socket_timeout) and RETRY_SECONDS.
REDIS_URL = env_str("REDIS_URL")
CACHES: dict[str, dict[str, Any]] = {
    "default": (
        {"BACKEND": "common.cache_backends.TolerantRedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    )
}
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300 if REDIS_URL else 0)

# Tags are case-insensitive: "Policing" and "policing" are one tag.
TAGGIT_CASE_INSENSITIVE = True

# The article the project grew from: the demo data and the first real import input. The project
# keeps a copy so a lone clone still runs; the shared seeds folder wins when it sits beside us.
_SHARED_SEED = BASE_DIR.parent / "shared" / "seeds" / "000_4e1cd2cae35460fe.txt"
DEMO_SEED_PATH = Path(
    env_str("ONRECORD_DEMO_SEED")
    or (
        _SHARED_SEED
        if _SHARED_SEED.exists()
        else BASE_DIR / "statements" / "demo" / _SHARED_SEED.name
    )
)

# Serving for real. Each protection is on when DEBUG is off; each has a switch for a loopback
# load test over plain HTTP (README, "Serving it").
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
# How many proxies of ours stand in front of the app (each appends to X-Forwarded-For).
TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", 1 if BEHIND_PROXY else 0)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# A load balancer's health probe may come over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
# Only staff have sessions. One ends after this many hours without a request.
SESSION_COOKIE_AGE = env_int("STAFF_SESSION_HOURS", 8) * 3600
SESSION_SAVE_EVERY_REQUEST = True
X_FRAME_OPTIONS = "DENY"

# Sign-in attempts (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username
# from one address, that pair is refused for an hour, with the same message whether or not the
# account exists. `python manage.py axes_reset_username <name>` lifts it early.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 60) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "common.clients.client_ip"
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"

# Content-Security-Policy: our own scripts and styles only; inline ones need the page's nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        # django-simple-history's history page has one style attribute ("border-top: 0").
        "style-src-attr": [
            "'unsafe-hashes'",
            "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='",
        ],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
