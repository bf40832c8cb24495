"""Settings shared by every environment. Secrets and hosts live in dev/test/production."""

import os
from importlib import metadata
from pathlib import Path

from config.database import database_settings
from config.environment import parse_site_url
from search.backend_settings import search_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def _installed_version() -> str:
    try:
        return metadata.version("talking-pictures")
    except metadata.PackageNotFoundError:  # a checkout run without `pip install -e .`
        return "unreleased"


# The release in every page-cache and fragment key (ops/pagecache.py): pages, sites and
# fragments pickled by one release are never read by the next. A deploy sets it (the git
# sha, docs/deployment.md); otherwise the installed package's version.
APP_RELEASE = os.environ.get("APP_RELEASE", "").strip() or _installed_version()

INSTALLED_APPS = [
    "home",
    "reviews",
    "legacy",
    "oldurls",
    "search",
    "ops",
    "editorial",
    "wagtail_modeladmin",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "axes",
    "django_tasks",
    "django_tasks_db",
]

# Background tasks (django-tasks). Wagtail's own (the reference index, deleting a file,
# an image's focal point) run at once, in the request, as before: they are short and the
# admin reads their result on the next page. The importer's long jobs (a re-import from
# the review queue) go to the database queue, run by `manage.py db_worker --backend imports
# --queue-name imports` (`make run` starts one; docs/deployment.md). No Redis needed.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "imports": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["imports"]},
}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads the path, parameters or cookies (sessions look theirs up).
    "ops.nul_bytes.NulByteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "ops.sites.CachedSiteMiddleware",  # after CommonMiddleware has checked the Host header
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "oldurls.middleware.LegacyPathRedirectMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a login refused by django-axes into a clear "locked out" response; keep last.
    "axes.middleware.AxesMiddleware",
]

# django-axes counts failed logins (admin included) and locks out after AXES_FAILURE_LIMIT.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # its start-up banner would print on every management command
AXES_CLIENT_IP_CALLABLE = "ops.security.client_ip"
AXES_USERNAME_CALLABLE = "ops.security.axes_username"
# Proxies (load balancer, CDN) in front of the app that append to X-Forwarded-For.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# Where the reader login and page-password forms send a reader whose ``next`` was refused
# (Django's default, /accounts/profile/, does not exist here).
LOGIN_REDIRECT_URL = "/"

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# SQLite is the embedded default; DATABASE_URL (e.g. postgres://...) selects another database.
# On SQLite: WAL, IMMEDIATE transactions and a busy timeout (config/database.py).
DATABASES = {
    "default": database_settings(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "collected-static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail's page editor can exceed Django's default of 1000 fields on long reviews.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Talking Pictures"
# Where readers reach the site: the default Site's hostname, port and scheme (set by migrate and
# setup_site, home/tree.py), hence every absolute URL (canonical, feeds, sitemap, JSON-LD), and
# the admin's base URL in its emails. `make run` derives it from HOST and PORT; production
# requires it.
SITE_URL = os.environ.get("SITE_URL", "").strip() or "http://127.0.0.1:8000"
WAGTAILADMIN_BASE_URL = parse_site_url(SITE_URL).origin
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx", "zip"]

# Search: the database backend (SQLite FTS5, or PostgreSQL full-text search when DATABASE_URL
# is PostgreSQL) unless SEARCH_URL names OpenSearch/Elasticsearch; see search/README.md.
WAGTAILSEARCH_BACKENDS = search_backends(os.environ.get("SEARCH_URL"))

# Trailers are embedded from the URL alone: nothing is fetched from the web at render time.
WAGTAILEMBEDS_FINDERS = [{"class": "reviews.embeds.VideoEmbedFinder"}]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Every page save logs its search-index and reference tasks at INFO: too chatty.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
