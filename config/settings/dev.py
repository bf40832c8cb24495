"""Local development: DEBUG on, a throwaway key, mail to the console, the demo data app."""

from .base import *  # noqa: F403

# The demo magazine and the synthetic archive (load_demo_content, generate_archive).
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
