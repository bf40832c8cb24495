"""A hostile mirror: symlinks that lead out of it or loop, and files too big to import.

Each run goes through the real importer into the real test database; what is asserted is
what an editor or a reader would see: pages, images, import records and the run's report.
"""

import hashlib
import io
import json
import os
import struct
import tracemalloc
import zlib
from pathlib import Path

from django.core.management import call_command

from wagtail.contrib.redirects.models import Redirect
from wagtail.images.models import Image as WagtailImage
from wagtail.models import Page, Revision

import pytest

from legacy.models import ImportRecord
from reviews.models import FilmReviewPage

from .conftest import BASE_URL, by_source, run_import
from .mirror import LONG_PARAGRAPHS, STUB, film_review, tiny_png, write_mirror

pytestmark = pytest.mark.django_db

SECRET = "OUTSIDE-SECRET-7f3a"  # words that exist only in files outside the mirror
LINKS_OUT = "links outside the mirror"


def big_png(path: Path, width: int, height: int) -> Path:
    """A valid one-bit PNG of width x height: a few kilobytes on disk whatever its size."""
    row = b"\x00" + bytes((width + 7) // 8)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    pixels = zlib.compress(row * height, 9)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )
    return path


def review(title: str, image: str = "") -> str:
    return film_review(title, "Ann Bell. U.K. 2001.", LONG_PARAGRAPHS, image=image)


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """Files next to the mirror, not in it: a review, a stub, a picture, a folder."""
    folder = write_mirror(
        tmp_path / "outside",
        {
            "secret.htm": review(f"The {SECRET} Review"),
            "hostname": f"{SECRET}-host\n",
            "more/film.htm": review(f"More {SECRET}"),
        },
    )
    tiny_png(folder / "still.png", colour="#123456")
    return folder


@pytest.fixture
def symlink_farm(tmp_path: Path, outside: Path) -> Path:
    mirror = write_mirror(
        tmp_path / "site",
        {
            "reviews/good.htm": review("Good Film", image="../images/outside.png"),
            "reviews/framed.htm": review("Framed Film", image="../images/alias.png"),
            "reviews/new-name.htm": review("Renamed Film"),
        },
    )
    tiny_png(mirror / "images" / "real.png")
    links = {
        "reviews/passwd.htm": "/etc/passwd",
        "reviews/secret.htm": outside / "secret.htm",
        "reviews/hostname.htm": outside / "hostname",
        "reviews/more": outside / "more",
        "images/outside.png": outside / "still.png",
        "reviews/loop.htm": "loop2.htm",
        "reviews/loop2.htm": "loop.htm",
        "reviews/again": "..",  # a folder loop that stays inside
        "reviews/old-name.htm": "new-name.htm",  # an old URL of a page that is inside
        "images/alias.png": "real.png",
    }
    for name, target in links.items():
        os.symlink(target, mirror / name)
    return mirror


def everything_stored() -> str:
    """Every text an editor or reader could get at after a run, as one string."""
    records = list(ImportRecord.objects.values())
    revisions = list(Revision.objects.values_list("content", flat=True))
    titles = list(Page.objects.values_list("title", flat=True))
    return json.dumps([records, revisions, titles], default=str)


def test_nothing_outside_the_mirror_is_read_and_each_link_out_is_reported(symlink_farm, outside):
    report = run_import(symlink_farm)
    items = by_source(report)
    stored = everything_stored()
    assert SECRET not in stored and "root:x:0:0" not in stored
    for key in ("reviews/passwd.htm", "reviews/secret.htm", "reviews/hostname.htm"):
        assert items[key].status == "skipped", key
        assert LINKS_OUT in items[key].warnings[0], items[key].warnings
        record = ImportRecord.objects.get(source_path=key)
        assert (record.status, record.original_html, record.checksum) == ("skipped", "", "")
        assert record.page is None
    assert items["reviews/more/"].status == "skipped"
    assert LINKS_OUT in items["reviews/more/"].warnings[0]
    assert not any(key.startswith("reviews/more/film") for key in items)
    # The rest of the batch is imported.
    for key in ("reviews/good.htm", "reviews/framed.htm", "reviews/new-name.htm"):
        assert items[key].status == "created", (key, items[key].warnings)


def test_an_image_linked_from_outside_the_mirror_is_not_copied(symlink_farm, outside):
    outside_hash = hashlib.sha1((outside / "still.png").read_bytes()).hexdigest()
    items = by_source(run_import(symlink_farm))
    assert not WagtailImage.objects.filter(file_hash=outside_hash).exists()
    good = items["reviews/good.htm"]
    page = FilmReviewPage.objects.get(pk=good.page_id)
    assert "image" not in [block.block_type for block in page.body]
    assert any("../images/outside.png" in w and LINKS_OUT in w for w in good.warnings)
    assert items["images/outside.png"].status == "skipped"
    assert LINKS_OUT in ImportRecord.objects.get(source_path="images/outside.png").warnings[0]


def test_links_that_stay_inside_are_aliases_and_loops_are_skipped(symlink_farm):
    items = by_source(run_import(symlink_farm))
    renamed = FilmReviewPage.objects.get(title="Renamed Film")  # one page, not two
    assert items["reviews/old-name.htm"].status == "skipped"
    assert items["reviews/old-name.htm"].page_id == renamed.pk
    redirect = Redirect.objects.get(old_path="/reviews/old-name.htm")
    assert redirect.redirect_page_id == renamed.pk
    framed = FilmReviewPage.objects.get(pk=items["reviews/framed.htm"].page_id)
    assert framed.body[0].block_type == "image"  # an image alias inside is fine
    assert WagtailImage.objects.count() == 1
    for key in ("reviews/loop.htm", "reviews/loop2.htm"):
        assert items[key].status == "skipped"
        assert "symlink loop" in items[key].warnings[0]
    assert not any(key.startswith("reviews/again/") for key in items)


def test_a_second_run_over_the_farm_changes_nothing(symlink_farm):
    run_import(symlink_farm)
    pages, records = Page.objects.count(), ImportRecord.objects.count()
    report = run_import(symlink_farm)
    assert (Page.objects.count(), ImportRecord.objects.count()) == (pages, records)
    assert report.summary()["created"] == 0 and report.summary()["failed"] == 0


def test_a_file_given_on_its_own_that_links_out_is_skipped(symlink_farm):
    report = run_import(symlink_farm / "reviews" / "secret.htm", root=symlink_farm)
    (item,) = report.items
    assert (item.source, item.status) == ("reviews/secret.htm", "skipped")
    assert LINKS_OUT in item.warnings[0]
    assert SECRET not in everything_stored()


def test_an_image_with_more_pixels_than_wagtail_allows_is_not_imported(tmp_path):
    big_png(tmp_path / "images" / "huge.png", 12_000, 12_000)  # 144 megapixels
    tiny_png(tmp_path / "images" / "small.png")
    mirror = write_mirror(
        tmp_path,
        {
            "reviews/huge.htm": review("Huge Still", image="../images/huge.png"),
            "reviews/small.htm": review("Small Still", image="../images/small.png"),
        },
    )
    items = by_source(run_import(mirror))
    assert WagtailImage.objects.count() == 1 and WagtailImage.objects.get().width == 8
    huge = items["reviews/huge.htm"]
    assert huge.status == "created"
    assert any("too many pixels (144000000)" in warning for warning in huge.warnings)
    assert items["images/huge.png"].status == "skipped"
    assert "Maximum pixels 128000000" in items["images/huge.png"].warnings[0]
    small = FilmReviewPage.objects.get(pk=items["reviews/small.htm"].page_id)
    assert small.body[0].block_type == "image"


def test_an_image_over_wagtails_upload_size_is_not_imported(tmp_path, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 2000
    from PIL import Image

    noise = Image.frombytes("L", (100, 100), os.urandom(10_000))
    (tmp_path / "images").mkdir()
    noise.save(tmp_path / "images" / "noisy.png")
    mirror = write_mirror(
        tmp_path, {"reviews/noisy.htm": review("Noisy", image="../images/noisy.png")}
    )
    items = by_source(run_import(mirror))
    assert not WagtailImage.objects.exists()
    assert items["reviews/noisy.htm"].status == "created"
    assert items["images/noisy.png"].status == "skipped"
    assert "This file is too big" in items["images/noisy.png"].warnings[0]


def big_page(size: int) -> str:
    paragraph = "<p>" + " ".join(["endless"] * 60) + "</p>\n"
    return review("Endless", "") + paragraph * (size // len(paragraph) + 1)


def test_a_page_over_the_size_limit_is_skipped_before_it_is_read(tmp_path):
    mirror = write_mirror(
        tmp_path / "site",
        {"reviews/endless.htm": big_page(16_000_000), "reviews/fine.htm": review("Fine")},
    )
    tracemalloc.start()
    try:
        items = by_source(run_import(mirror))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # Never read whole: under half its size (4 MB here; reading and parsing it: over 80 MB).
    assert peak < 8_000_000
    endless = items["reviews/endless.htm"]
    assert endless.status == "skipped" and endless.page_id is None
    assert "over the 2.0 MB page-size limit" in endless.warnings[0]
    record = ImportRecord.objects.get(source_path="reviews/endless.htm")
    assert record.original_html == "" and record.status == "skipped"
    assert items["reviews/fine.htm"].status == "created"


def test_the_page_size_limit_is_a_command_option(small_mirror, tmp_path):
    out, report_file = io.StringIO(), tmp_path / "report.json"
    call_command(
        "import_legacy",
        str(small_mirror),
        base_url=BASE_URL,
        max_page_size="1K",
        report=report_file,
        stdout=out,
    )
    items = {item["source"]: item for item in json.loads(report_file.read_text())["items"]}
    statuses = {source: item["status"] for source, item in items.items()}
    # The two film reviews are just over 1 KB, the book review under it.
    assert statuses == {
        "books/gamma.htm": "created",
        "reviews/alpha.htm": "skipped",
        "reviews/beta.htm": "skipped",
    }
    assert "over the 1.0 KB page-size limit" in items["reviews/alpha.htm"]["warnings"][0]
    assert "not read: reviews/alpha.htm: Not imported: Page too large" in out.getvalue()
    assert not FilmReviewPage.objects.exists()


def test_the_page_size_limit_is_a_setting(small_mirror, settings):
    settings.LEGACY_IMPORT_MAX_PAGE_SIZE = 1000
    assert run_import(small_mirror).summary()["skipped"] == 2
    settings.LEGACY_IMPORT_MAX_PAGE_SIZE = None  # no limit
    assert run_import(small_mirror).summary()["created"] == 2


def test_a_stub_inside_the_mirror_is_still_just_a_stub(tmp_path):
    mirror = write_mirror(tmp_path, {"reviews/soon.htm": STUB})
    (item,) = run_import(mirror).items
    assert item.status == "skipped" and "stub" in item.warnings[0]
