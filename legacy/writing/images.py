"""Images of the old pages → the Wagtail image library, each file imported once.

Files are found case-insensitively (the old server did not care about case), and an
image whose bytes are already in the library (same SHA-1, Wagtail's own ``file_hash``) is
reused instead of uploaded again.
"""

import hashlib
import io
import posixpath
import warnings
from pathlib import Path
from urllib.parse import urlsplit

from django.core.files.images import ImageFile
from django.template.defaultfilters import filesizeformat

from wagtail.images.fields import WagtailImageField
from wagtail.images.models import Image as WagtailImage

from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from legacy.parsing.chrome import alt_carries_words
from legacy.parsing.document import Image
from legacy.parsing.paths import MirrorRoots, Refused, TooLarge, old_site_path, read_file
from oldurls.paths import page_key
from textkit.shorten import shorten_at_word

IMAGE_SUFFIXES = (".gif", ".jpg", ".jpeg", ".png", ".bmp", ".webp")
MAX_TITLE = 255
DAMAGED = "a damaged picture, or not a picture: it cannot be decoded"
# What Pillow raises on bytes it cannot decode: unknown formats, truncated or corrupt data.
PICTURE_ERRORS = (
    UnidentifiedImageError,
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    PILImage.DecompressionBombError,
)


class ImageLibrary:
    """Finds a page's images in the mirror and imports them into Wagtail, once each.

    Only files ``MirrorRoots.walk`` found are read, and only within Wagtail's own upload
    limits (``WAGTAILIMAGES_MAX_UPLOAD_SIZE``, ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``): an
    image refused for either, or for a link leading out of the mirror, is in ``refused``.
    """

    def __init__(self, roots: MirrorRoots, base_url: str = "") -> None:
        self.files: dict[str, Path] = {}
        self.refused: dict[str, str] = {}  # key → why it was not imported
        self.asked: set[str | None] = set()  # keys the pages' images named
        for root in roots.roots:
            for entry in roots.walk(root, IMAGE_SUFFIXES):
                if entry.refused:
                    self.refused.setdefault(entry.key, entry.refused)
                elif entry.key not in self.refused:
                    self.files.setdefault(entry.key, entry.path)
        self.base_url = base_url
        self._by_key: dict[str, WagtailImage | None] = {}

    def find(self, image: Image, page_key_: str) -> WagtailImage | None:
        """The library image for an <img> of the page ``page_key_``, imported if needed;
        raises Refused when the file is in the mirror but may not be imported."""
        key = self.key_for(image.src, page_key_)
        self.asked.add(key)
        if key in self.refused:
            raise Refused(self.refused[key])
        path = self.files.get(key) if key else None
        if path is None:
            return None
        if key not in self._by_key:
            try:
                title = image.alt if alt_carries_words(image.alt) else posixpath.basename(key)
                self._by_key[key] = self._import(path, title=title)
            except Refused as refused:
                self.refused[key] = str(refused)
                raise
        return self._by_key[key]

    def key_for(self, src: str, page_key_: str) -> str | None:
        parts = urlsplit(src.strip())
        if parts.scheme in {"http", "https"} or parts.path.startswith("/"):
            on_site = old_site_path(src, self.base_url)  # under the --base-url path
            return None if on_site is None else page_key(on_site)
        if parts.scheme or not parts.path:
            return None
        folder = posixpath.dirname(page_key_)
        return page_key(posixpath.join(folder, parts.path))  # page_key decodes it, once

    def _import(self, path: Path, title: str) -> WagtailImage:
        """The library image of a file; Refused when it may not or cannot be imported (a
        damaged picture: its page keeps its words, never fails for it)."""
        data = _read_within_upload_limits(path)
        damage = _damage(data)
        if damage:
            raise Refused(f"{DAMAGED} ({damage})")
        existing = WagtailImage.objects.filter(file_hash=hashlib.sha1(data).hexdigest()).first()
        if existing is not None:
            return existing
        image = WagtailImage(title=shorten_at_word(title.strip(), MAX_TITLE))
        try:  # Wagtail reads the dimensions as the file is set
            image.file = ImageFile(io.BytesIO(data), name=path.name)
            image._set_image_file_metadata()  # file_size and file_hash, as Wagtail's forms do
        except PICTURE_ERRORS as error:
            raise Refused(f"{DAMAGED} ({error})") from None
        image.save()
        return image

    def clear_cache(self) -> None:
        """Forget imported images (after a rolled-back transaction their rows are gone)."""
        self._by_key.clear()


def _read_within_upload_limits(path: Path) -> bytes:
    """The file's bytes if Wagtail's upload form would take it; Refused (with the form's
    own message) if not. The size is checked before reading, the pixels from the header."""
    field = WagtailImageField()  # its limits come from the same settings as uploads
    try:
        data = read_file(path, field.max_upload_size)
    except TooLarge as too_large:
        raise Refused(
            field.error_messages["file_too_large"]
            % {
                "file_size": filesizeformat(too_large.size),
                "max_filesize": field.max_upload_size_text,
            }
        ) from None
    _check_pixels(data, field)
    return data


def _check_pixels(data: bytes, field: WagtailImageField) -> None:
    """Width x height x frames against the limit, as Wagtail counts them (header only)."""
    message = field.error_messages["file_too_many_pixels"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
        try:
            with PILImage.open(io.BytesIO(data)) as picture:
                width, height = picture.size
                pixels = width * height * getattr(picture, "n_frames", 1)
        except PILImage.DecompressionBombError:  # over Pillow's own hard limit
            limit = field.max_image_pixels or PILImage.MAX_IMAGE_PIXELS * 2
            raise Refused(
                message % {"num_pixels": "unknown number", "max_pixels_count": limit}
            ) from None
        except (UnidentifiedImageError, OSError, SyntaxError):
            return  # not an image: _damage says so
    if field.max_image_pixels is not None and pixels > field.max_image_pixels:
        raise Refused(message % {"num_pixels": pixels, "max_pixels_count": field.max_image_pixels})


def _damage(data: bytes) -> str:
    """Why the picture cannot be shown, or "" when it decodes whole: its structure is
    checked (``verify``: PNG checksums) and every pixel decoded (a truncated JPEG passes
    ``verify`` and fails only here). The pixel limit was checked before (``_check_pixels``)."""
    try:
        with PILImage.open(io.BytesIO(data)) as picture:
            picture.verify()
        with PILImage.open(io.BytesIO(data)) as picture:
            picture.load()
    except PICTURE_ERRORS as error:
        return str(error) or type(error).__name__
    return ""
