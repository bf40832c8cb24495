"""Renditions that cost the picture, never the page, when an image's original file is gone.

Wagtail raises ``SourceImageIOError`` when it must make a rendition from a missing original
(a database restored without its media, a file deleted by hand). Its ``{% image %}`` tag
then prints a broken ``<img src="not-found">``; other callers get the exception (a 500).
"""

import logging

from wagtail.images.models import AbstractImage, AbstractRendition, SourceImageIOError

logger = logging.getLogger(__name__)


def rendition_or_none(image: AbstractImage | None, spec: str) -> AbstractRendition | None:
    """The image's rendition for ``spec``, or None when there is no image or no file."""
    if image is None:
        return None
    try:
        return image.get_rendition(spec)
    except SourceImageIOError:
        # Logged so the missing file gets restored; readers just see no picture.
        logger.warning(
            "Image %s has no original file (%s): shown without it", image.pk, image.file.name
        )
        return None
