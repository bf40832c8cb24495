"""Images of the old pages → the Wagtail image library, each file imported once.

Files are found case-insensitively (the old server did not care about case), and an
image whose bytes are already in the library (same SHA-1, Wagtail's own ``file_hash``) is
reused instead of uploaded again.
"""

import hashlib
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.files.images import ImageFile

from wagtail.images.models import Image as WagtailImage

from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from .document import Image
from .paths import page_key

IMAGE_SUFFIXES = (".gif", ".jpg", ".jpeg", ".png", ".bmp", ".webp")
MAX_TITLE = 255


class ImageLibrary:
    """Finds a page's images in the mirror and imports them into Wagtail, once each."""

    def __init__(self, roots: list[Path], base_url: str = "") -> None:
        self.files = _index_image_files(roots)
        self.base_url = base_url
        self._by_key: dict[str, WagtailImage | None] = {}

    def find(self, image: Image, page_key_: str) -> WagtailImage | None:
        """The library image for an <img> of the page ``page_key_``, imported if needed."""
        key = self.key_for(image.src, page_key_)
        path = self.files.get(key) if key else None
        if path is None:
            return None
        if key not in self._by_key:
            self._by_key[key] = self._import(path, title=image.alt or posixpath.basename(key))
        return self._by_key[key]

    def key_for(self, src: str, page_key_: str) -> str | None:
        parts = urlsplit(src.strip())
        if parts.scheme in {"http", "https"}:
            base = urlsplit(self.base_url)
            if (
                not self.base_url
                or (parts.hostname or "").lower() != (base.hostname or "").lower()
            ):
                return None
            return page_key(parts.path)
        if parts.scheme or not parts.path:
            return None
        folder = posixpath.dirname(page_key_)
        path = unquote(parts.path)
        return page_key(path if path.startswith("/") else posixpath.join(folder, path))

    def _import(self, path: Path, title: str) -> WagtailImage | None:
        data = path.read_bytes()
        existing = WagtailImage.objects.filter(file_hash=hashlib.sha1(data).hexdigest()).first()
        if existing is not None:
            return existing
        if not _is_image(path):
            return None
        image = WagtailImage(title=title[:MAX_TITLE])
        with path.open("rb") as handle:
            image.file = ImageFile(handle, name=path.name)
            image._set_image_file_metadata()  # file_size and file_hash, as Wagtail's forms do
            image.save()
        return image

    def clear_cache(self) -> None:
        """Forget imported images (after a rolled-back transaction their rows are gone)."""
        self._by_key.clear()


def _index_image_files(roots: list[Path]) -> dict[str, Path]:
    files: dict[str, Path] = {}
    for root in roots:
        for path in root.rglob("*"):
            if path.suffix.lower() in IMAGE_SUFFIXES and path.is_file():
                files.setdefault(page_key(path.relative_to(root).as_posix()), path)
    return files


def _is_image(path: Path) -> bool:
    try:
        with PILImage.open(path) as picture:
            picture.verify()
    except (UnidentifiedImageError, OSError, SyntaxError):
        return False
    return True
