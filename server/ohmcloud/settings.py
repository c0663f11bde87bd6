"""OhmCloud settings, read from the environment (12-factor).

The same code runs in two modes; only environment variables differ:
- embedded (default): SQLite, a file-system Celery broker, file cache, results in
  the database; nothing to install beyond ./run's bootstrap.
- production (`OHM_ENV=production`): MySQL/MariaDB, Redis, MongoDB, behind nginx.
"""

from pathlib import Path

import environ

from .production_checks import require_secure_production
from .secret_key_file import load_or_create_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent  # server/
REPO_DIR = BASE_DIR.parent

env = environ.Env()

OHM_ENV = env.str("OHM_ENV", default="embedded")
if OHM_ENV not in ("embedded", "production"):
    raise environ.ImproperlyConfigured(f"OHM_ENV must be 'embedded' or 'production', not {OHM_ENV!r}")
PRODUCTION = OHM_ENV == "production"

# Untracked runtime data of the embedded mode (database, broker queue, cache, key).
VAR_DIR = Path(env.str("OHM_VAR_DIR", default=str(REPO_DIR / "var"))).resolve()
if not PRODUCTION:
    VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

if PRODUCTION:
    SECRET_KEY = env.str("SECRET_KEY", default="")
    require_secure_production(secret_key=SECRET_KEY, debug=DEBUG, allowed_hosts=ALLOWED_HOSTS)
else:
    SECRET_KEY = env.str("SECRET_KEY", default="") or load_or_create_secret_key(VAR_DIR / "secret_key")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "ohmcloud",
    "accounts",
    "jobs",
    "spice",
    "schematic",
    "library",
    "arduino",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "ohmcloud.frontends.FrontendMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "ohmcloud.urls"
WSGI_APPLICATION = "ohmcloud.wsgi.application"

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

# --- database -----------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'ohmcloud.sqlite3'}")}
_db = DATABASES["default"]
if _db["ENGINE"] == "django.db.backends.sqlite3":
    # The web tier and the worker write concurrently: WAL + immediate transactions
    # turn "database is locked" into short waits.
    _db["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # A file, not :memory:, so a real worker process can share the test database.
    _db["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
elif _db["ENGINE"] == "django.db.backends.mysql":
    import pymysql

    pymysql.install_as_MySQLdb()
    _db.setdefault("OPTIONS", {}).update({"charset": "utf8mb4", "init_command": "SET sql_mode='STRICT_TRANS_TABLES'"})
    _db["TEST"] = {"CHARSET": "utf8mb4", "COLLATION": "utf8mb4_unicode_ci"}
_db["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60 if PRODUCTION else 0)
_db["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- cache (rate limits, health-check memo) -----------------------------------
CACHES = {"default": env.cache("CACHE_URL", default=f"filecache://{VAR_DIR / 'cache'}")}

# --- Celery -------------------------------------------------------------------
BROKER_DIR = VAR_DIR / "broker"
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
CELERY_BROKER_TRANSPORT_OPTIONS = (
    {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "control_folder": str(BROKER_DIR / "control"),
        # The worker lists the queue folder this often; kombu's default of 1 s
        # would add up to a second to every simulation (see bench/RESULTS.md).
        "polling_interval": 0.01,
    }
    if CELERY_BROKER_URL.startswith("filesystem://")
    else {}
)
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT = "ohmcloud.filesystem_broker:Transport"  # atomic message files
CELERY_TASK_IGNORE_RESULT = True  # results live in the result store, not Celery's backend
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_TIMEOUT = 5
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_BEAT_SCHEDULE = {
    "jobs-cleanup": {"task": "jobs.cleanup", "schedule": 300.0},
}

# Job state changes are announced over Redis pub/sub when Redis is there, so
# long-polls wake at once; otherwise waiters re-read the row with backoff.
JOB_EVENTS_URL = env.str("JOB_EVENTS_URL", default=CELERY_BROKER_URL if CELERY_BROKER_URL.startswith("redis") else "")
JOB_RETENTION_DAYS = env.int("JOB_RETENTION_DAYS", default=7)

# --- simulation ------------------------------------------------------------------
# Model files includable by name (`.include 1n4148`); filled by the component library.
SPICE_MODEL_DIR = Path(env.str("SPICE_MODEL_DIR", default=str(BASE_DIR / "library" / "models")))
SPICE_TIME_LIMIT_SECONDS = env.float("SPICE_TIME_LIMIT_SECONDS", default=60.0)

# --- Arduino builds -----------------------------------------------------------------
# Built core archives and library objects, shared by the worker processes of a machine; plain files that any
# worker rebuilds when missing. Production images have no writable var folder: the worker user's cache instead.
ARDUINO_CACHE_DIR = Path(
    env.str(
        "ARDUINO_CACHE_DIR",
        default=str(Path.home() / ".cache" / "ohmcloud" / "arduino" if PRODUCTION else VAR_DIR / "arduino-cache"),
    )
)
ARDUINO_BUILD_TIME_LIMIT_SECONDS = env.float("ARDUINO_BUILD_TIME_LIMIT_SECONDS", default=30.0)

# --- component library -------------------------------------------------------------
# KiCad 6 symbol libraries (*.kicad_sym) that `manage.py import_symbols` reads (Debian's kicad-symbols).
KICAD_SYMBOL_DIR = Path(env.str("KICAD_SYMBOL_DIR", default="/usr/share/kicad/symbols"))

# --- result store --------------------------------------------------------------
RESULT_STORE_URL = env.str("RESULT_STORE_URL", default="db://")

# --- auth, sessions, security ---------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)  # per user name
LOGIN_FAILURE_LIMIT_PER_ADDRESS = env.int("LOGIN_FAILURE_LIMIT_PER_ADDRESS", default=50)
LOGIN_FAILURE_WINDOW_SECONDS = env.int("LOGIN_FAILURE_WINDOW_SECONDS", default=900)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=PRODUCTION)
CSRF_COOKIE_HTTPONLY = False  # the single-page apps read it to send X-CSRFToken
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=PRODUCTION)
CSRF_FAILURE_VIEW = "ohmcloud.api_errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env.bool("OHM_BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
USE_X_FORWARDED_HOST = env.bool("USE_X_FORWARDED_HOST", default=False)

# Bodies: netlists may be up to 2 MB; anything much larger is refused with 413.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=3 * 1024 * 1024)

# --- static files and the built web apps ----------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WEB_DIR = Path(env.str("OHM_WEB_DIR", default=str(REPO_DIR / "web")))
FRONTEND_APPS = {"eda": WEB_DIR / "apps" / "eda" / "dist", "arduino": WEB_DIR / "apps" / "arduino" / "dist"}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = not PRODUCTION  # embedded mode serves app static files without collectstatic
WHITENOISE_INDEX_FILE = True
# Vite names bundles like assets/index-3fa9c1d2.js: safe to cache forever.
WHITENOISE_IMMUTABLE_FILE_TEST = r"/assets/.+-[A-Za-z0-9_-]{8,}\.\w+$"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- REST API -------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first, so anonymous calls get 401 + WWW-Authenticate rather than 403.
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],  # deny by default
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "ohmcloud.api_errors.api_exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        "register": env.str("THROTTLE_REGISTER", default="20/hour"),
        "tokens": env.str("THROTTLE_TOKENS", default="30/hour"),
        "jobs": env.str("THROTTLE_JOBS", default="120/minute"),
        "simulations-anon": env.str("THROTTLE_SIMULATIONS_ANON", default="30/minute"),
        "simulations-user": env.str("THROTTLE_SIMULATIONS_USER", default="120/minute"),
        "builds-anon": env.str("THROTTLE_BUILDS_ANON", default="30/minute"),
        "builds-user": env.str("THROTTLE_BUILDS_USER", default="120/minute"),
    },
    # Client addresses (throttling, login lockout) come from X-Forwarded-For only
    # when this many trusted proxies (our nginx) stand in front.
    "NUM_PROXIES": env.int("NUM_PROXIES", default=0),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "OhmCloud API",
    "DESCRIPTION": "Simulate electronics: SPICE circuits with ngspice and Arduino sketches with avr-gcc.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",  # served from our own static files, no CDN
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "JobStatusEnum": ["queued", "running", "succeeded", "failed", "cancelled"],
        "HealthStatusEnum": ["ok", "degraded"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}
