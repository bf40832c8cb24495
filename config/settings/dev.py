"""Local development: DEBUG on, a throwaway key, mail to the console, the demo data app."""

from config.environment import parse_site_url

from .base import *  # noqa: F403

# The demo magazine and the synthetic archive (load_demo_content, generate_archive).
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
# SITE_URL's host too: `make run HOST=192.168.1.5` serves the other machines of the network.
ALLOWED_HOSTS = list(
    dict.fromkeys(["127.0.0.1", "localhost", "[::1]", parse_site_url(SITE_URL).hostname])  # noqa: F405
)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
