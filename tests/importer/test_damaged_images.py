"""Damaged pictures in the mirror (issue 21, finding 6, importer side): a file that exists
but cannot be decoded is left out of its page with a warning; the page is imported.
Before, a truncated JPEG failed its whole page ("OSError: image file is truncated")."""

import io
import json

from django.core.management import call_command

from wagtail.images.models import Image as WagtailImage

import pytest
from PIL import Image

from reviews.models import FilmReviewPage

from .conftest import BASE_URL
from .mirror import LONG_PARAGRAPHS, film_review, write_mirror

pytestmark = pytest.mark.django_db


def noisy_jpeg(width: int = 320, height: int = 240) -> bytes:
    out = io.BytesIO()
    Image.effect_noise((width, height), 80).convert("RGB").save(out, "JPEG")
    return out.getvalue()


PICTURES = {
    "junk.jpg": b"not a picture: junk bytes " * 20,
    "truncated.jpg": noisy_jpeg()[:-3000],  # header whole: Pillow's verify() passes it
    "bare.png": b"\x89PNG\r\n\x1a\n",
    "whole.jpg": noisy_jpeg(64, 48),
}
ALTS = ["Harbour at dusk", "Two riders on the ridge", "The mill burning", "Snow on the pass"]
TITLES = ["Quiet Water", "Long Road North", "Fire Season", "The Cold Year"]


def test_a_damaged_picture_is_left_out_and_its_page_is_imported(tmp_path):
    pages = {}
    for (name, data), alt, title in zip(PICTURES.items(), ALTS, TITLES, strict=True):
        (tmp_path / "images").mkdir(exist_ok=True)
        (tmp_path / "images" / name).write_bytes(data)
        image = f'<img src="../images/{name}" alt="{alt}">'
        pages[f"reviews/{name.split('.')[0]}.htm"] = film_review(
            title, "Ann Bell. U.K. 2001.", [image, f"{title}: a review.", *LONG_PARAGRAPHS]
        )
    mirror = write_mirror(tmp_path, pages)
    report_file = tmp_path / "report.json"
    call_command(
        "import_legacy", str(mirror), base_url=BASE_URL, report=report_file, stdout=io.StringIO()
    )

    items = {item["source"]: item for item in json.loads(report_file.read_text())["items"]}
    for name in ("junk", "truncated", "bare"):
        item = items[f"reviews/{name}.htm"]
        assert item["status"] == "created"
        (warning,) = [text for text in item["warnings"] if text.startswith("Image not imported")]
        assert f"../images/{name}." in warning and "damaged picture" in warning
        page = FilmReviewPage.objects.get(pk=item["page_id"])
        assert "image" not in [block.block_type for block in page.body]
        assert page.live
        picture = items[f"images/{name}.{'png' if name == 'bare' else 'jpg'}"]
        assert picture["status"] == "skipped" and picture["kind"] == "image"
    whole = FilmReviewPage.objects.get(pk=items["reviews/whole.htm"]["page_id"])
    assert [block.block_type for block in whole.body][0] == "image"
    assert WagtailImage.objects.count() == 1
