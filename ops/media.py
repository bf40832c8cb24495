"""Uploads served by the app itself, for a production on one machine without object storage."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, re_path
from django.views import static


def serve_media(request: HttpRequest, path: str, document_root: str) -> HttpResponse:
    """Django's static file view, answering 404 for a name the file system cannot look up
    (too long for it: ENAMETOOLONG) rather than a 500."""
    try:
        return static.serve(request, path, document_root=document_root)
    except (OSError, ValueError) as error:  # ValueError: a NUL byte in the name
        raise Http404("No such file") from error


def media_urlpatterns() -> list[URLPattern]:
    prefix = settings.MEDIA_URL.lstrip("/")
    return [
        re_path(rf"^{prefix}(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT})
    ]
