"""Renditions that cost the picture, never the page, when an image's original file is gone
or damaged.

Wagtail raises ``SourceImageIOError`` when it must make a rendition from a missing original
(a database restored without its media, a file deleted by hand), and the image libraries raise
when the file is there but cannot be decoded (junk bytes, a truncated JPEG, a bare PNG
header): ``UnidentifiedImageError``, ``UnrecognisedImageFormatError`` and other ``OSError``,
``ValueError`` or ``SyntaxError``, ``DecompressionBombError`` for a pixel bomb. Its
``{% image %}`` tag prints a broken ``<img src="not-found">`` for the first and lets the others
through (a 500); every caller here gets None instead, and the log names the image.
"""

import logging

from wagtail.images.models import AbstractImage, AbstractRendition, SourceImageIOError

from PIL import Image as PILImage

logger = logging.getLogger(__name__)

# What decoding a damaged or hostile file raises (OSError covers PIL's UnidentifiedImageError
# and Willow's UnrecognisedImageFormatError; ValueError Willow's BadImageOperationError).
UNDECODABLE = (OSError, ValueError, SyntaxError, EOFError, PILImage.DecompressionBombError)


def rendition_or_none(image: AbstractImage | None, spec: str) -> AbstractRendition | None:
    """The image's rendition for ``spec``, or None when there is no image, or its file is
    missing or cannot be decoded."""
    if image is None:
        return None
    try:
        return image.get_rendition(spec)
    except SourceImageIOError:
        # Logged so the missing file gets restored; readers just see no picture.
        logger.warning(
            "Image %s has no original file (%s): shown without it", image.pk, image.file.name
        )
    except UNDECODABLE as error:
        logger.warning(
            "Image %s has a file that cannot be decoded (%s: %r): shown without it",
            image.pk,
            image.file.name,
            error,
        )
    return None
