"""Look-alike and invisible characters in what a mirror signs and titles (issue 21,
finding 8, importer side). Before: "Ruth Aber&#8203;nathy" made a second contributor who
looked exactly like Ruth Abernathy, and a title kept its U+202E (RIGHT-TO-LEFT OVERRIDE).

The hostile pages write the characters as character references, as a page would."""

import io
import json

from django.core.management import call_command

import pytest

from legacy.models import ImportRecord
from reviews.models import Contributor, FilmReviewPage

from .conftest import BASE_URL
from .mirror import LONG_PARAGRAPHS, film_review, write_mirror

pytestmark = pytest.mark.django_db

SIGNATURES = {
    "reviews/a.htm": ("Amber Fields", "Ruth Abernathy"),
    "reviews/b.htm": ("Brass Bells", "Ruth Aber&#8203;nathy"),  # ZERO WIDTH SPACE
    "reviews/c.htm": ("Cold Harbour", "Ruth &#1040;bernathy"),  # CYRILLIC CAPITAL A
    "reviews/d.htm": ("Dark &#x202E;Water", "Ruth Abernathy&#x202E;"),  # bidi override
}


def test_lookalike_signatures_are_one_contributor_and_invisibles_are_stripped(tmp_path):
    mirror = write_mirror(
        tmp_path / "site",
        {
            path: film_review(
                title,
                "Jo&#8203;an Bell. U.K. 2001.",
                [f"{title} is a film about a harbour.", *LONG_PARAGRAPHS],
                signature=signature,
            )
            for path, (title, signature) in SIGNATURES.items()
        },
    )
    report_file = tmp_path / "report.json"
    call_command(
        "import_legacy", str(mirror), base_url=BASE_URL, report=report_file, stdout=io.StringIO()
    )
    items = {item["source"]: item for item in json.loads(report_file.read_text())["items"]}

    (ruth,) = Contributor.objects.all()
    assert ruth.name == "Ruth Abernathy"
    for path in SIGNATURES:
        assert FilmReviewPage.objects.get(pk=items[path]["page_id"]).reviewer == ruth
    lookalike = [text for text in items["reviews/c.htm"]["warnings"] if "look-alike" in text]
    assert lookalike == [
        "Signed 'Ruth \u0410bernathy', which looks like 'Ruth Abernathy' but is spelt with "
        "other letters (look-alike characters): credited to Ruth Abernathy."
    ]
    assert not any("look-alike" in text for text in items["reviews/b.htm"]["warnings"])

    dark = FilmReviewPage.objects.get(pk=items["reviews/d.htm"]["page_id"])
    assert dark.title == "Dark Water" and dark.slug == "dark-water"
    assert ImportRecord.objects.get(source_path="reviews/d.htm").title == "Dark Water"
    assert [creator.name for creator in dark.creators.all()] == ["Joan Bell"]
