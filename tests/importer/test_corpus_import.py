"""The corpus of old sites imported end to end: on the saved pages, not the parse, no word
is lost, indexes redirect, and every removal is on the record with its reason (chrome
left in bodies is measured on the parse: ``tests/legacy/test_corpus.py``)."""

import json

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
