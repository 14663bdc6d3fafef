"""Settings for 县政台账, read from environment variables.

Every variable has a default that makes a demo run on one machine with no
services (SQLite, a filesystem broker, e-mails written to files). Setting
``DJANGO_MODE=production`` switches to the hardened mode, which refuses to
start without a real ``SECRET_KEY`` and ``ALLOWED_HOSTS``. README.md lists
every variable.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.secret_key import installation_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


MODE = os.environ.get("DJANGO_MODE", "demo")
if MODE not in {"demo", "production"}:
    raise ImproperlyConfigured("DJANGO_MODE must be 'demo' or 'production'.")
PRODUCTION = MODE == "production"

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if PRODUCTION and len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Production mode needs SECRET_KEY of at least 50 random characters.")
if not SECRET_KEY:
    SECRET_KEY = installation_secret_key(VAR_DIR)

# Off in every mode: Django's debug pages list the site's URLs and settings to whoever hits an error.
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["localhost", "127.0.0.1", "[::1]", "testserver"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Production mode needs ALLOWED_HOSTS.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tables2",
    "django_filters",
    "simple_history",
    "django_celery_beat",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "common",
    "gazette",
    "org",
    "accounts",
    "groups",
    "projects",
    "intake",
    "land",
    "compensation",
    "rollup",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "common.middleware.ChineseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "common.middleware.SiteErrorPagesMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lockout page.
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
                "org.context_processors.roles",
                "org.context_processors.counties",
            ],
        },
    },
]

# Django's, with drop-downs written in Python rather than a template per option (common/renderers.py).
FORM_RENDERER = "common.renderers.Renderer"

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiler spent about 200 ms on each large aggregate (the roll-up of a province's 1,000,000
    # tasks took 460 ms with it, 260 ms without) and pays back only on queries running far longer than a page may.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Accounts and sign-in (README: "Accounts and sign-in").
# A session ends this many seconds after sign-in: a working day by default.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
# django-axes counts failed logins per user name (not per address: a county office signs in from one address) and
# refuses that name, even with the right password, for LOGIN_LOCKOUT_MINUTES after LOGIN_FAILURE_LIMIT failures.
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_LOCKOUT_MINUTES = int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "30"))
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "accounts.backends.ModelBackendOneQuery"]
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = datetime.timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username"]
# axes warns that a lock without the address lets one address try many names; locking by address would lock a
# whole office (one address) out after a few colleagues' typos, which we take to be the worse harm.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
# The lockouts are logged; the start-up banner on every manage.py command is noise.
AXES_VERBOSE = False
# Data managers may add a second factor (TOTP, django-otp); TWO_FACTOR_REQUIRED makes them add one at sign-in.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)
OTP_TOTP_ISSUER = "县政台账"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "media/"
# The largest evidence file (a progress report's, closing request's or extension request's attachment).
EVIDENCE_MAX_BYTES = int(os.environ.get("EVIDENCE_MAX_MB", "10")) * 1024 * 1024

# A cache shared by the web server and the worker (import progress, the traffic lights' settings): Redis when
# CACHE_URL names one. Nothing depends on it: with its Redis down, reads miss and writes are dropped (after a
# one-second timeout), and the pages work from the database.
CACHE_URL = os.environ.get("CACHE_URL", "")


def cache_config(url):
    if not url.startswith(("redis://", "rediss://")):
        return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(VAR_DIR / "cache")}
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }


CACHES = {"default": cache_config(CACHE_URL)}
# Say so in the log when the cache's Redis does not answer.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# Backups (manage.py backup_site): one folder per backup here, the newest BACKUP_KEEP kept.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", VAR_DIR / "backups"))
BACKUP_KEEP = int(os.environ.get("BACKUP_KEEP", "14"))

# The real gazettes beside the repository, imported by the demo when present.
SHARED_GAZETTES_DIR = Path(os.environ.get("SHARED_GAZETTES_DIR", BASE_DIR.parent / "shared" / "gazettes"))

# Largest gazette text accepted for import; the shared issues are under 0.5 MB.
GAZETTE_MAX_BYTES = int(os.environ.get("GAZETTE_MAX_BYTES", str(5 * 1024 * 1024)))
# Seconds an import may run before it is stopped and marked failed (the largest shared issue takes about one); the
# worker process is killed a minute later if it has not stopped, and a sweep fails imports left running after that.
GAZETTE_IMPORT_SOFT_TIME_LIMIT = int(os.environ.get("GAZETTE_IMPORT_TIME_LIMIT", "900"))
GAZETTE_IMPORT_TIME_LIMIT = GAZETTE_IMPORT_SOFT_TIME_LIMIT + 60

# E-mail: files under var/mail/ unless an SMTP server is configured.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
    EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
# Reminder e-mails each sending worker process hands to the SMTP server per minute (0: as fast as it can). A
# county's mail server may refuse a burst; and a province's morning e-mails sent at once took the CPU from the
# pages (the load test, docs/benchmarks.md).
REMINDER_EMAILS_PER_MINUTE = int(os.environ.get("REMINDER_EMAILS_PER_MINUTE", "600"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "县政台账 <ledger@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: a filesystem broker needs no server; set CELERY_BROKER_URL=redis://… in production.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = VAR_DIR / "broker"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "out"),
        "data_folder_out": str(_broker_dir / "out"),
        "processed_folder": str(_broker_dir / "processed"),
        "store_processed": False,
        # Where kombu keeps its exchange tables; by default a "control" folder in the working directory.
        "control_folder": str(_broker_dir / "control"),
    }
    for _sub in ("out", "processed", "control"):
        (_broker_dir / _sub).mkdir(parents=True, exist_ok=True)
else:
    # A job taken by a worker that died unacknowledged (acks_late) is delivered again after this long. Longer than
    # a day's sending (510 e-mails take minutes), so that a live run is not started twice; well within the day.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 30 * 60}
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Beat reads its schedule from the database, where a data manager edits it in the admin.
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
DJANGO_CELERY_BEAT_TZ_AWARE = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

# Headers of every response, in every mode. Scripts and styles come only from the site's own files: no page carries
# an inline <script>, an on…= handler or a style= attribute (tests/test_security_headers.py walks every page,
# the admin's too), so an injected one does not run. Images may be data: URLs (the empty favicon in base.html).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_REFERRER_POLICY = "same-origin"
# No page uses any of these; denying them keeps an injected script or a framed page from asking for them.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    )
}

# The library's table with each cell labelled by its column, for the phone's cards (static/css/ledger.css).
DJANGO_TABLES2_TEMPLATE = "includes/table.html"
DJANGO_TABLES2_TABLE_ATTRS = {"class": "data-table"}

# The address of the site as its users reach it, for links in e-mails.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# What /health/ checks besides the database and the broker: dotted paths to functions returning
# (name, ok, details) that apps contribute without common/ knowing them.
HEALTH_CHECKS = [
    "projects.reminders.selectors.sweep_health",
    "projects.reminders.selectors.tick_health",
    "projects.reminders.selectors.email_health",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

if PRODUCTION:
    # runserver and the test live server serve static files themselves; production uses WhiteNoise.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    X_FRAME_OPTIONS = "DENY"
    if env_bool("BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
