"""The corpus of old sites imported end to end: on the saved pages, not the parse, no word
is lost, indexes redirect, and every removal is on the record with its reason (chrome
left in bodies is measured on the parse: ``tests/legacy/test_corpus.py``)."""

import json

from wagtail.models import Page

import pytest

from legacy.models import ImportRecord
from oldurls.paths import INDEX_KEY_NAME, page_key
from tests.legacy.corpus import sites

from .conftest import by_source, run_import

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("site", sites(), ids=lambda site: site.name)
def test_a_site_imports_with_nothing_lost_and_no_chrome_on_its_pages(site):
    expected = json.loads((site / "expected.json").read_text("utf-8"))["pages"]
    items = by_source(run_import(site))
    assert not [item for item in items.values() if item.status == "failed"]
    for path, want in expected.items():
        item = items[page_key(path)]
        if item.status != "created":  # an index or a news page redirects to its section
            assert want["kind"] in {"listing", "stub", "news"} or item.source == INDEX_KEY_NAME
            assert "redirects to" in item.warnings[0] or want["kind"] == "stub"
            continue
        words = item.words
        assert words["lost"] == 0, (path, item.warnings)
        assert words["source"] == sum(words[part] for part in ("kept", "fields", "chrome"))
        record = ImportRecord.objects.get(source_path=page_key(path))
        assert record.words == words and record.fidelity == item.fidelity
        assert record.removed and all(entry["reason"] for entry in record.removed)


REVIEW_KINDS = {"film_review", "book_review"}
LISTED_FIELDS = {"cast": ", ", "translators": ", "}  # saved as one line, as printed


def saved_credits(page) -> dict:
    """A saved review's fields in the form expected.json writes the credits in."""
    fields = {
        "people": page.creator_names,
        "year": page.year,
        "running_time": getattr(page, "running_time", None),
        "isbn": getattr(page, "isbn", ""),
        "edition": getattr(page, "edition", ""),
        "publisher": getattr(page, "publisher", ""),
        "pages": getattr(page, "pages", None),
        "countries": [c for c in getattr(page, "countries", "").split("/") if c],
        "cast": [c for c in getattr(page, "cast", "").split(", ") if c],
        "translators": [t for t in getattr(page, "translator", "").split(", ") if t],
    }
    return fields


@pytest.mark.parametrize("site", sites(), ids=lambda site: site.name)
def test_the_parts_of_each_review_reach_its_saved_page(site):
    """Old page to saved page: the credits' fields, the reviewer, the rating and the date
    that expected.json gives each review are the ones readers see."""
    expected = json.loads((site / "expected.json").read_text("utf-8"))["pages"]
    items = by_source(run_import(site))
    for path, want in expected.items():
        item = items[page_key(path)]
        if want["kind"] not in REVIEW_KINDS or item.status != "created":
            continue
        page = Page.objects.get(pk=item.page_id).specific
        fields = saved_credits(page)
        for name, value in (want.get("credits") or {}).items():
            if name in fields:
                assert fields[name] == value, (path, name)
        if want.get("signature"):
            assert page.reviewer is not None and page.reviewer.name == want["signature"], path
        if want.get("rating"):
            assert page.rating_printed == want["rating"], path
        if want.get("date"):
            assert page.date.isoformat() == want["date"], path
