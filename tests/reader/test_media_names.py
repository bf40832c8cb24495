"""Issue 21, finding 5: uploads served from disk answer 404 for any name no file can have."""

from pathlib import Path

from django.test import override_settings

import pytest


@override_settings(ROOT_URLCONF="tests.reader.media_urls")
@pytest.mark.parametrize(
    "name",
    [
        "a" * 256,
        "images/" + "b" * 300 + ".jpg",
        "x/" * 3000,
        "%00",
        "images/a%00.jpg",
        "missing.jpg",
    ],
)
def test_an_impossible_media_name_is_not_found(client, db, name):
    assert client.get(f"/media/{name}").status_code == 404


@override_settings(ROOT_URLCONF="tests.reader.media_urls")
def test_a_real_upload_is_served(client, db, settings):
    upload = Path(settings.MEDIA_ROOT) / "poster.txt"
    upload.write_text("a poster")
    try:
        assert b"".join(client.get("/media/poster.txt").streaming_content) == b"a poster"
    finally:
        upload.unlink()
