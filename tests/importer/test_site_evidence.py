"""Site evidence through import_legacy (issue 23): what the whole site says about a page
(news splits, dates, kinds and sections, index blurbs, continued articles)."""

import datetime
import io
import json

from django.core.management import call_command

from wagtail.models import Page

import pytest

from legacy.models import ImportRecord
from tests.sites import NewsPage, Site
from tests.sites.corpora import year_folder_magazine

from .conftest import BASE_URL

pytestmark = pytest.mark.django_db


def _import(folder, *options, report=None):
    args = ["import_legacy", str(folder), "--base-url", BASE_URL, *options]
    if report is not None:
        args += ["--report", str(report)]
    out = io.StringIO()
    call_command(*args, stdout=out, verbosity=0)
    return out.getvalue()


def test_the_dry_run_says_how_many_articles_a_held_back_news_split_would_make(tmp_path):
    site = Site("The Pembertons", template="handmade", nav=[("Home", "index.htm")])
    updates = [(f"{day} May 2002", f"Added the photographs of the garden, page {day}.")
               for day in range(1, 15)]  # fmt: skip
    site.add(NewsPage("whatsnew.htm", "What's new", updates))
    mirror = site.write(tmp_path / "mirror")
    out = _import(mirror, "--dry-run", report=tmp_path / "report.json")
    assert "news page kept whole: whatsnew.htm (a split would make 14 articles" in out
    (item,) = json.loads((tmp_path / "report.json").read_text())["items"]
    assert item["source"] == "whatsnew.htm" and item["kind"] == "news"
    assert any("14 dated items would be 14 articles" in w for w in item["warnings"])

    out = _import(mirror, "--section", "whatsnew.htm=news", report=tmp_path / "report.json")
    assert "news: 1 page(s) split into 14 article(s)" in out
    assert ImportRecord.objects.filter(source_path__startswith="whatsnew.htm#").count() == 14
    assert Page.objects.filter(title__startswith="Added the photographs").count() == 14


@pytest.fixture
def magazine(tmp_path):
    """The FrontPage 3 magazine of 1999 (tests.sites.corpora), imported whole."""
    site = year_folder_magazine()
    _import(site.write(tmp_path / "mirror"))
    return site


def test_a_magazine_imported_whole_is_dated_and_filed_by_its_site(magazine, admin_client, client):
    from reviews.models import ArticlePage, ReviewPage

    dates = [*ReviewPage.objects.values_list("date", flat=True)]
    dates += ArticlePage.objects.values_list("date", flat=True)
    assert dates and datetime.date.today() not in dates
    record = ImportRecord.objects.get(source_path="1999/films/thesaltorchard.htm")
    assert (record.date_source, record.date_approximate) == ("index", True)
    assert record.page.specific.date == datetime.date(1999, 1, 3)
    printed = ImportRecord.objects.get(source_path="1999/films/awinterinharrow.htm")
    assert (printed.date_source, printed.date_approximate) == ("printed", False)
    listed = admin_client.get("/admin/legacy/importrecord/?date_approximate=true")
    html = listed.content.decode()
    assert "1999/films/thesaltorchard.htm" in html and "awinterinharrow" not in html
    inspect = admin_client.get(f"/admin/legacy/importrecord/inspect/{record.pk}/")
    assert "Date from an index entry linking to it (approximate)" in inspect.content.decode()
    # Kinds and sections by template: the site's top-level pages stay at the top, the
    # staff pages (one template, five pages, in a folder) are features, the template's
    # kind said in their warnings, not flagged: nothing on them reads otherwise.
    sections = dict(ImportRecord.objects.values_list("source_path", "section"))
    assert {sections[path] for path in magazine.of_kind("film_review")} == {"film"}
    tops = {path for path, section in sections.items() if section == "page"}
    assert tops == {"1999/aboutus.htm", "1999/store.htm", "1999/features.htm"}
    staff = ImportRecord.objects.get(source_path="1999/staff/lydiafarrant.htm")
    assert (staff.section, staff.cluster) == ("feature", "1999/staff#1")
    assert not staff.checks.filter(name="kind_outlier").exists()
    assert any("kind from its template" in warning for warning in staff.warnings)
    # The reviews index is not imported, but nothing it prints is lost: each blurb is the
    # summary of the review it describes, its introduction the film section's intro.
    salt = ImportRecord.objects.get(source_path="1999/films/thesaltorchard.htm").page.specific
    assert salt.summary == magazine.expected()["1999/films/thesaltorchard.htm"]["summary"]
    assert "Every film we saw this year" in salt.get_parent().specific.intro
    index = ImportRecord.objects.get(source_path="1999/reviews.htm")
    assert index.status == "skipped" and index.words_lost == 0 and index.words_kept > 100
    # The feature printed over three pages is one page; every part's old URL leads to it.
    feature = ImportRecord.objects.get(source_path="1999/features/company.htm").page
    body = feature.specific.body.render_as_block()
    last = magazine.pages["1999/features/company3.htm"].paragraphs[-1]
    assert last.replace("'", "&#x27;") in body or last in body
    for part in ("company2.htm", "company3.htm"):
        record = ImportRecord.objects.get(source_path=f"1999/features/{part}")
        assert record.status == "skipped" and record.page_id == feature.pk
        response = client.get(f"/1999/features/{part}")
        assert response.status_code == 301 and response["Location"] == feature.url
