"""One record side by side: the old page as it rendered, the new page's preview, and the
word-level difference between them (``legacy.compare``).

The old page is hostile input. It is shown in an iframe with an empty ``sandbox`` (no
scripts, no forms, no same-origin access, no navigation of the admin) from ``srcdoc``, after
scripts, frames, objects, links to stylesheets, <base> and refresh tags are removed. Its
images are read from the mirror the run read (read-only, only files inside it, as the
importer finds them) and inlined as data: URIs, so the frame asks nothing of any server:
it fits the admin's content security policy (img-src data:) and never needs a cookie.
"""

import base64
import mimetypes
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

from wagtail.utils.decorators import xframe_options_sameorigin_override

from bs4 import BeautifulSoup

from legacy.compare import summary, word_diff
from legacy.models import ImportRecord
from legacy.parsing.paths import Refused, mirror_roots
from legacy.parsing.visible import visible_text
from legacy.writing import pages
from legacy.writing.images import ImageLibrary
from legacy.writing.streamdata import stream_text

UNSAFE_TAGS = ("script", "iframe", "frame", "frameset", "object", "embed", "applet", "link",
               "base", "form", "noscript")  # fmt: skip
MAX_INLINE_IMAGE = 512 * 1024  # bytes: a larger picture is left out, its alt text shown


def old_page_html(record: ImportRecord) -> str:
    """The old page, made inert, with its images from the mirror inlined."""
    soup = BeautifulSoup(record.original_html or "", "lxml")
    for tag in soup.find_all(UNSAFE_TAGS):
        tag.decompose()
    for meta in soup.find_all("meta"):
        if meta.get("http-equiv", "").lower() in ("refresh", "set-cookie"):
            meta.decompose()
    for tag in soup.find_all(True):
        for attribute in [name for name in tag.attrs if name.lower().startswith("on")]:
            del tag[attribute]
        if tag.name != "img" and tag.get("background"):
            del tag["background"]
    library = _image_library(record)
    for img in soup.find_all("img"):
        img["src"] = _inline(library, img.get("src", ""), record.source_path)
        img.attrs.pop("srcset", None)
    return str(soup)


def _image_library(record: ImportRecord) -> ImageLibrary | None:
    run = record.last_run
    sources = [Path(path) for path in (run.sources if run else []) if Path(path).exists()]
    if not sources:
        return None
    return ImageLibrary(mirror_roots(sources), (run.options or {}).get("base_url", ""))


def _inline(library: ImageLibrary | None, src: str, page: str) -> str:
    if library is None or not src:
        return ""
    try:
        key = library.key_for(src, page)
        path = library.files.get(key) if key else None
        if path is None or path.stat().st_size > MAX_INLINE_IMAGE:
            return ""
        data = path.read_bytes()
    except (OSError, Refused):
        return ""
    kind = mimetypes.guess_type(path.name)[0] or ""
    if not kind.startswith("image/") or kind == "image/svg+xml":
        return ""  # an SVG may hold script: never inlined
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def record_diff(record: ImportRecord) -> list:
    """The old page's visible words against the new page's body and fields."""
    soup = BeautifulSoup(record.original_html or "", "lxml")
    old_text = visible_text(soup.body or soup)
    if record.page_id is None:
        return word_diff(old_text, "", record.removed or [])
    page = record.page.specific
    kept = stream_text(page.body) if hasattr(page, "body") else ""
    return word_diff(old_text, kept, record.removed or [], pages.field_text(page))


def side_by_side(request, pk: int) -> TemplateResponse:
    record = get_object_or_404(ImportRecord.objects.select_related("page", "last_run"), pk=pk)
    if not request.user.has_perm("legacy.view_importrecord"):
        raise PermissionDenied
    segments = record_diff(record)
    return TemplateResponse(
        request,
        "legacy/admin/side_by_side.html",
        {
            "record": record,
            "old_html": old_page_html(record),
            "segments": segments,
            "counts": summary(segments),
            "checks": list(record.checks.all()),
            "preview_url": reverse("legacy_importrecord:new_page", args=[record.pk])
            if record.page_id
            else "",
            "inspect_url": reverse("legacy_importrecord:inspect", args=[record.pk]),
            "queue_url": reverse("legacy_importrecord:list"),
            "header_title": f"Side by side: {record.display_title}",
        },
    )


@xframe_options_sameorigin_override
def new_page(request, pk: int):
    """The imported page's latest revision as readers would see it, framed by the admin."""
    record = get_object_or_404(ImportRecord, pk=pk, page__isnull=False)
    page = record.page.get_latest_revision_as_object()
    perms = page.permissions_for_user(request.user)
    if not (perms.can_edit() or perms.can_publish()):
        raise PermissionDenied
    return page.make_preview_request(request, page.default_preview_mode)
