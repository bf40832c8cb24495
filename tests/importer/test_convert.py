"""Changing a page's kind in place (legacy/writing/convert.py): a misfiled review becomes a
film review with its id, title, body, writer, revisions and every old URL."""

import io
import json

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageLogEntry

import pytest

from legacy.models import ImportRecord
from legacy.writing.convert import ConversionRefused, convert_page
from reviews.models import ArticlePage, BookReviewPage, FilmReviewPage
from tests.conftest import make_article, make_film_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def misfiled(site_tree, contributor):
    """A film review the importer filed as a feature, with its old URL and its record."""
    page = make_article(
        site_tree.sections["feature"],
        title="Alpha Road",
        author=contributor,
        body=[("paragraph", "<p>A slow film about a harbour.</p>")],
        summary="A slow film.",
    )
    Redirect.objects.create(old_path="/reviews/alpha.htm", redirect_page=page)
    ImportRecord.objects.create(
        source_path="reviews/alpha.htm",
        page=page,
        kind="feature",
        section="feature",
        status="created",
    )
    return page


def test_a_feature_becomes_a_film_review_keeping_everything(client, site_tree, misfiled):
    old_url = misfiled.url
    revisions = misfiled.revisions.count()
    conversion = convert_page(misfiled, "film", site_tree)
    page = Page.objects.get(pk=misfiled.pk).specific
    assert isinstance(page, FilmReviewPage) and not ArticlePage.objects.filter(pk=page.pk)
    assert page.get_parent().pk == site_tree.sections["film"].pk
    assert (page.title, page.slug, page.summary) == ("Alpha Road", "alpha-road", "A slow film.")
    assert page.reviewer.name == "Howard Schumann"  # the author is the reviewer
    assert "harbour" in str(page.body) and page.date == misfiled.date and page.live
    assert conversion.summary == "Alpha Road: article → film review"
    # Its revisions are the page's still, each read back as a film review
    assert page.revisions.count() == revisions + 1
    assert all(isinstance(r.as_object(), FilmReviewPage) for r in page.revisions.all())
    assert PageLogEntry.objects.filter(page=page, action="legacy.convert").exists()
    # Every old URL leads to it: the old site's and the one it had as a feature
    for url in ("/reviews/alpha.htm", old_url):
        response = client.get(url)
        assert response.status_code == 301 and response["Location"].endswith(page.url)
    assert client.get(page.url).status_code == 200
    record = ImportRecord.objects.get(page=page)
    assert (record.kind, record.section) == ("film_review", "film")


def test_a_film_review_becomes_a_book_review_with_its_creators(site_tree):
    film = make_film_review(site_tree.sections["film"], countries="", directors=("Ann Bell",))
    page = convert_page(film, "book", site_tree).page
    assert isinstance(page, BookReviewPage)
    assert [c.name for c in page.creators.all()] == ["Ann Bell"] and page.year == 2010


def test_a_field_the_new_kind_cannot_hold_refuses_the_conversion(site_tree):
    film = make_film_review(site_tree.sections["film"], countries="U.K.")
    with pytest.raises(ConversionRefused, match="no place for its countries \\(U.K.\\)"):
        convert_page(film, "book", site_tree)
    with pytest.raises(ConversionRefused, match="creators \\(Mark Romanek\\)"):
        convert_page(film, "feature", site_tree)
    assert isinstance(Page.objects.get(pk=film.pk).specific, FilmReviewPage)  # unchanged


def test_news_to_feature_is_a_move(client, site_tree, misfiled):
    old_url = misfiled.url
    conversion = convert_page(misfiled, "news", site_tree)
    assert (
        conversion.moved_from and conversion.page.get_parent().pk == site_tree.sections["news"].pk
    )
    assert client.get(old_url).status_code == 301


def test_a_reimport_that_files_a_page_as_another_kind_converts_it(client, tmp_path):
    from django.core.management import call_command

    from .conftest import BASE_URL
    from .mirror import LONG_PARAGRAPHS, feature, write_mirror

    mirror = write_mirror(
        tmp_path, {"specials/harbour.htm": feature("Harbour", [("Light", LONG_PARAGRAPHS[0])])}
    )
    call_command(
        "import_legacy",
        str(mirror),
        "--base-url",
        BASE_URL,
        "--section",
        "specials/*=feature",
        stdout=io.StringIO(),
    )
    page_id = ImportRecord.objects.get().page_id
    assert isinstance(Page.objects.get(pk=page_id).specific, ArticlePage)
    report = tmp_path / "report.json"
    call_command(
        "import_legacy",
        str(mirror),
        "--base-url",
        BASE_URL,
        "--section",
        "specials/*=film",
        "--report",
        str(report),
        stdout=(out := io.StringIO()),
    )
    (item,) = json.loads(report.read_text())["items"]
    assert item["status"] == "updated" and item["page_id"] == page_id
    assert item["converted"].startswith("Converted: article → film review")
    assert "converted: specials/harbour.htm: Converted: article → film review" in out.getvalue()
    page = Page.objects.get(pk=page_id).specific
    assert isinstance(page, FilmReviewPage) and page.title == "Harbour"
    response = client.get("/specials/harbour.htm")
    assert response.status_code == 301 and response["Location"].endswith(page.url)
