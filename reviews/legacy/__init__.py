"""Pure (Django-free) reader for the legacy static-HTML Talking Pictures archive."""
