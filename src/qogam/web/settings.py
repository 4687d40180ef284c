"""Django settings of the qogam web app, configured from the environment.

QOGAM_DATABASE_URL   postgresql://user@host:5432/qogam or sqlite:////path/qogam.sqlite3
                     (default: SQLite at <repository or current folder>/var/qogam.sqlite3)
QOGAM_SECRET_KEY     secret for sessions (default: a key generated once into var/)
QOGAM_DEBUG=1        debug pages (never in production)
QOGAM_ALLOWED_HOSTS  comma-separated host names (default: any)
QOGAM_MEDIA_ROOT     where consented charter files are kept (default: var/media)
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent


def _base_dir() -> Path:
    """The repository when running from a checkout, else the current folder."""
    repo = PACKAGE_DIR.parents[2]
    if (repo / "pyproject.toml").exists() and os.access(repo, os.W_OK):
        return repo
    return Path.cwd()


BASE_DIR = _base_dir()
VAR_DIR = Path(os.environ.get("QOGAM_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    if os.environ.get("QOGAM_SECRET_KEY"):
        return os.environ["QOGAM_SECRET_KEY"]
    path = VAR_DIR / "secret_key.txt"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("QOGAM_DEBUG") == "1"
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("QOGAM_ALLOWED_HOSTS", "*").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("QOGAM_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "qogam.registry",
    "qogam.census",
    "qogam.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "qogam.web.middleware.UploadLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "qogam.web.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "qogam.web.urls"
WSGI_APPLICATION = "qogam.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "qogam.web.context_processors.site",
            ],
        },
    },
]


def _database() -> dict:
    url = os.environ.get("QOGAM_DATABASE_URL") or f"sqlite:///{VAR_DIR / 'qogam.sqlite3'}"
    config = dj_database_url.parse(url, conn_max_age=60)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            # WAL lets the web app read while an import writes; IMMEDIATE avoids
            # "database is locked" upgrades from read to write transactions.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-64000;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
        }
        if config["NAME"] not in ("", ":memory:"):
            Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "TIMEOUT": 300},
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", "Русский"), ("kk", "Қазақша"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Almaty"
USE_TZ = True
LANGUAGE_COOKIE_NAME = "qogam_language"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Static files are served by the app itself (WhiteNoise reading the app folders),
# so `qogam serve` needs neither nginx nor collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

MEDIA_ROOT = Path(os.environ.get("QOGAM_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"

# Uploads: a charter is at most QOGAM_MAX_UPLOAD_MB (default 20 MB); larger requests
# are refused with a clear message before their body is read.
QOGAM_MAX_UPLOAD_BYTES = int(float(os.environ.get("QOGAM_MAX_UPLOAD_MB", "20")) * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = QOGAM_MAX_UPLOAD_BYTES + 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

LOGIN_URL = "/admin/login/"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
