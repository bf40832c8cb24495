"""The parts of a review the parser reads (ISBN, running time, cast, translator, edition,
rating, a signature's note) as fields of the saved page, and who signs it."""

import datetime
import os
from pathlib import Path

from django.core.management import call_command

import pytest

from legacy.models import ImportRecord, ImportRun
from legacy.parsing.document import (
    Credits,
    Kind,
    LegacyDocument,
    Paragraph,
    Rating,
    Removed,
    Signature,
)
from legacy.parsing.paths import MirrorRoots, SourceFile
from legacy.writing import pages
from legacy.writing.images import ImageLibrary
from legacy.writing.writer import ImportOptions, ItemReport, LegacyImporter, ParsedSource
from reviews.models import BookReviewPage, Contributor, FilmReviewPage

from .conftest import by_source, run_import
from .mirror import LONG_PARAGRAPHS, film_review, write_mirror

pytestmark = pytest.mark.django_db

CREDITS_LINE = "the credits line (kept as the page's credits)"


def review_document(key: str, credits: Credits, *, rating=None, signature=None) -> LegacyDocument:
    """A parsed review as the parser hands it over: its words accounted for like the
    parser's (the credits line in the removed list, beside the fields it became)."""
    blocks = [Paragraph(html=text) for text in LONG_PARAGRAPHS]
    blocks.append(signature or Signature(name="Ada Quill", dateline="May 2009"))
    signature_text = " ".join(
        part for part in (blocks[-1].name, blocks[-1].note, blocks[-1].dateline) if part
    )
    title = key.rsplit("/", 1)[-1].removesuffix(".htm").title()
    source = "\n".join(
        [
            title,
            credits.raw,
            *(rating and [rating.printed] or []),
            *LONG_PARAGRAPHS,
            signature_text,
        ]
    )
    return LegacyDocument(
        source_path=key,
        kind=Kind.BOOK_REVIEW if credits.is_book else Kind.FILM_REVIEW,
        title=title,
        encoding="utf-8",
        credits=credits,
        rating=rating,
        blocks=blocks,
        published=datetime.date(2009, 5, 1),
        content_text="\n".join(LONG_PARAGRAPHS),
        source_text=source,
        removed=[Removed(CREDITS_LINE, credits.raw)],
    )


def import_documents(*documents: LegacyDocument) -> dict[str, ItemReport]:
    """Hand-built documents through the writer, as one run (the writer programs against the
    dataclass contract, whatever the parser of the day reads)."""
    importer = LegacyImporter(ImportOptions())
    parsed = [
        ParsedSource(
            file=SourceFile(path=None, key=document.source_path),
            checksum=document.source_path,
            original_html="<p>old</p>",
            document=document,
        )
        for document in documents
    ]
    importer.run_keys = {item.key for item in parsed}
    importer.images = ImageLibrary(MirrorRoots([]))
    importer._prepare([], parsed)
    return {item.key: importer.import_one(item) for item in parsed}


FILM_CREDITS = Credits(
    raw="Directed by Jan Kowal. Poland. 2008. 112 min. With Ann Bell, Carl Dane and Eve Fox. "
    "Cert 15. Kodachrome sunsets",
    people=["Jan Kowal"],
    countries=["Poland"],
    year=2008,
    running_time=112,
    cast=["Ann Bell", "Carl Dane", "Eve Fox"],
    extras=["Cert 15"],
    remainder=["Kodachrome sunsets"],
)
BOOK_CREDITS = Credits(
    raw="by Ilse Morgen. Translated by Tom Reed. Harbour Books, 1999. Paper. $12.95. "
    "144 pages. ISBN 0-14-118776-1",
    people=["Ilse Morgen"],
    year=1999,
    publisher="Harbour Books",
    pages=144,
    is_book=True,
    isbn="0-14-118776-1",
    translators=["Tom Reed"],
    edition="Paper",
    extras=["$12.95"],
)


def test_film_credits_fill_running_time_cast_and_the_note(client):
    document = review_document("reviews/kowal.htm", FILM_CREDITS, rating=Rating("8/10", 8, 10))
    item = import_documents(document)["reviews/kowal.htm"]
    page = FilmReviewPage.objects.get(pk=item.page_id)
    assert (page.running_time, page.cast) == (112, "Ann Bell, Carl Dane, Eve Fox")
    assert page.credits_note == "Cert 15. Kodachrome sunsets"
    assert (page.rating_value, page.rating_best, page.rating_printed) == (8, 10, "8/10")
    assert page.credits_line == (
        "Jan Kowal. Poland. 2008. 112 min. With Ann Bell, Carl Dane and Eve Fox."
    )
    html = client.get(page.url).content.decode()
    assert "Cert 15. Kodachrome sunsets" in html and "Rating: <span" in html
    assert (
        "Credits only partly understood: kept as the credits note: Kodachrome sunsets"
        in item.warnings
    )
    # Every word of the credits is on the page: in fields or the note; only labels removed.
    record = ImportRecord.objects.get(source_path="reviews/kowal.htm")
    assert record.words_lost == 0 and record.fidelity == 1.0
    assert record.words_chrome == 2  # "Directed by", which the credits line does not print


def test_book_credits_fill_isbn_translator_and_edition():
    item = import_documents(review_document("books/morgen.htm", BOOK_CREDITS))["books/morgen.htm"]
    page = BookReviewPage.objects.get(pk=item.page_id)
    assert (page.isbn, page.translator, page.edition) == ("0-14-118776-1", "Tom Reed", "Paper")
    assert page.credits_note == "$12.95"
    assert page.rating_printed == "" and page.rating_value is None
    assert not any("partly understood" in warning for warning in item.warnings)
    record = ImportRecord.objects.get(source_path="books/morgen.htm")
    assert record.words_lost == 0
    assert record.words_chrome == 1  # "by"


def test_credits_without_an_author_ask_the_editor_for_one():
    credits = Credits(
        raw="The Lover (Pantheon, 1985)", people=[], publisher="Pantheon", is_book=True
    )
    item = import_documents(review_document("books/lover.htm", credits))["books/lover.htm"]
    page = BookReviewPage.objects.get(pk=item.page_id)
    assert page.publisher == "Pantheon" and not page.creator_names
    assert "The credits name no director or author: add them in the admin." in item.warnings


def test_a_rating_off_its_scale_keeps_only_its_printed_form():
    document = review_document("reviews/odd.htm", FILM_CREDITS, rating=Rating("12/10", 12, 10))
    item = import_documents(document)["reviews/odd.htm"]
    page = FilmReviewPage.objects.get(pk=item.page_id)
    assert item.status == "created"
    assert (page.rating_value, page.rating_best, page.rating_printed) == (None, None, "12/10")


def test_a_signature_note_stays_visible_with_the_name(client):
    signature = Signature(name="R.P. Nettelhorst", dateline="May 2009", note="Pastor")
    document = review_document("books/note.htm", BOOK_CREDITS, signature=signature)
    item = import_documents(document)["books/note.htm"]
    page = BookReviewPage.objects.get(pk=item.page_id)
    assert page.reviewer.name == "R.P. Nettelhorst"
    assert page.body[-1].value["note"] == "Pastor"
    assert '<span class="signature__note">Pastor</span>' in client.get(page.url).content.decode()
    assert ImportRecord.objects.get(source_path="books/note.htm").words_lost == 0


def test_an_institution_never_becomes_a_contributor(client):
    signature = Signature(name="Petros Baptist Church", dateline="May 2009")
    document = review_document("books/church.htm", BOOK_CREDITS, signature=signature)
    item = import_documents(document)["books/church.htm"]
    page = BookReviewPage.objects.get(pk=item.page_id)
    assert page.reviewer is None
    assert not Contributor.objects.filter(name__icontains="church").exists()
    assert page.body[-1].value["contributor"] is None
    assert page.body[-1].value["name"] == "Petros Baptist Church"
    assert "Signature names an institution, kept as text: Petros Baptist Church" in item.warnings
    html = client.get(page.url).content.decode()
    assert "Petros Baptist Church" in html and "Reviewed by" not in html
    assert ImportRecord.objects.get(source_path="books/church.htm").words_lost == 0


def test_one_contributor_across_spellings_of_a_name(tmp_path):
    Contributor.objects.create(name="Ada Quill")
    mirror = write_mirror(
        tmp_path,
        {
            "reviews/a.htm": film_review(
                "Aa", "Ann Bell. U.K. 2001.", LONG_PARAGRAPHS, signature="R.P. Nettelhorst"
            ),
            "reviews/b.htm": film_review(
                "Bb", "Ann Bell. U.K. 2002.", LONG_PARAGRAPHS, signature="R. P. Nettelhorst"
            ),
            "reviews/c.htm": film_review(
                "Cc", "Ann Bell. U.K. 2003.", LONG_PARAGRAPHS, signature="ADA QUILL"
            ),
        },
    )
    items = by_source(run_import(mirror))
    reviewers = {
        key: FilmReviewPage.objects.get(pk=item.page_id).reviewer for key, item in items.items()
    }
    assert reviewers["reviews/a.htm"] == reviewers["reviews/b.htm"]
    assert reviewers["reviews/a.htm"].name == "R.P. Nettelhorst"  # as first printed
    assert reviewers["reviews/c.htm"].name == "Ada Quill"  # the existing contributor
    assert Contributor.objects.count() == 2


def test_contributors_are_read_once_per_run(tmp_path, django_assert_max_num_queries):
    for number in range(5):
        Contributor.objects.create(name=f"Writer Number{number}")
    importer = LegacyImporter(ImportOptions())
    with django_assert_max_num_queries(1):
        found = [importer._contributor(f"writer number{n}") for n in range(5)]
    assert [contributor.name for contributor in found] == [f"Writer Number{n}" for n in range(5)]


# -- dates ---------------------------------------------------------------------------------

MTIME = datetime.datetime(2006, 9, 26, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def undated_mirror(tmp_path: Path) -> Path:
    """A review that prints no date, its file last modified on 26 September 2006, and one
    that prints its date."""
    mirror = write_mirror(
        tmp_path / "site",
        {
            "reviews/undated.htm": film_review(
                "Undated", "Ann Bell. U.K. 2001.", LONG_PARAGRAPHS, dateline=""
            ),
            "reviews/dated.htm": film_review("Dated", "Ann Bell. U.K. 2002.", LONG_PARAGRAPHS),
        },
    )
    for name in ("undated.htm", "dated.htm"):
        os.utime(mirror / "reviews" / name, (MTIME.timestamp(), MTIME.timestamp()))
    return mirror


def test_a_page_with_no_date_anywhere_is_shown_undated_never_today_and_flagged(
    client, undated_mirror
):
    """Issue 23 changed this: the day of the import is no date of the review's (it was)."""
    items = by_source(run_import(undated_mirror))
    page = FilmReviewPage.objects.get(pk=items["reviews/undated.htm"].page_id)
    assert page.date is None
    record = ImportRecord.objects.get(source_path="reviews/undated.htm")
    assert record.undated and record.date_source == "none" and not record.date_approximate
    assert pages.UNDATED in record.warnings
    html = client.get(page.url).content.decode()
    assert "<time" not in html.split("</header>")[0]
    section = client.get(page.get_parent().url).content.decode()
    assert section.index("Undated") > section.index("Dated")  # listed after the dated one
    dated = ImportRecord.objects.get(source_path="reviews/dated.htm")
    assert not dated.undated
    assert FilmReviewPage.objects.get(pk=dated.page_id).date == datetime.date(2009, 5, 1)


def test_date_from_mtime_dates_an_undated_page_by_its_file(undated_mirror):
    items = by_source(run_import(undated_mirror, date_from_mtime=True))
    page = FilmReviewPage.objects.get(pk=items["reviews/undated.htm"].page_id)
    assert page.date == datetime.date(2006, 9, 26)
    assert page.first_published_at.date() == datetime.date(2006, 9, 26)
    record = ImportRecord.objects.get(source_path="reviews/undated.htm")
    assert record.undated  # the old page still prints no date: editors can check it
    assert any("dated from the file's modification time" in w for w in record.warnings)
    assert not any("dated today" in warning for warning in record.warnings)
    # A page that prints its date keeps it: the file's time is only for pages without one.
    dated = by_source(run_import(undated_mirror, date_from_mtime=True))["reviews/dated.htm"]
    assert FilmReviewPage.objects.get(pk=dated.page_id).date == datetime.date(2009, 5, 1)


def test_date_from_mtime_redates_a_page_imported_before_without_it(undated_mirror):
    run_import(undated_mirror)
    items = by_source(run_import(undated_mirror, date_from_mtime=True))
    assert items["reviews/undated.htm"].status == "updated"
    assert items["reviews/dated.htm"].status == "unchanged"
    page = FilmReviewPage.objects.get(pk=items["reviews/undated.htm"].page_id)
    assert page.date == datetime.date(2006, 9, 26)
    again = by_source(run_import(undated_mirror, date_from_mtime=True))
    assert again["reviews/undated.htm"].status == "unchanged"


def test_the_command_takes_the_date_options(undated_mirror):
    call_command("import_legacy", str(undated_mirror), "--date-order", "mdy", "--date-from-mtime")
    run = ImportRun.objects.get()
    assert run.options["date_order"] == "mdy" and run.options["date_from_mtime"] is True
    page = FilmReviewPage.objects.get(slug="undated")
    assert page.date == datetime.date(2006, 9, 26)


def test_the_command_refuses_an_unknown_date_order(undated_mirror):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="date-order"):
        call_command("import_legacy", str(undated_mirror), date_order="ymd")


def test_editors_filter_the_records_with_no_date(admin_client, undated_mirror):
    run_import(undated_mirror)
    index = "/admin/legacy/importrecord/"
    listed = admin_client.get(index + "?undated=yes").content.decode()
    assert "reviews/undated.htm" in listed and "reviews/dated.htm" not in listed
    assert "No date on the old page" in admin_client.get(index).content.decode()
    others = admin_client.get(index + "?undated=no").content.decode()
    assert "reviews/dated.htm" in others and "reviews/undated.htm" not in others
    record = ImportRecord.objects.get(source_path="reviews/undated.htm")
    inspect = admin_client.get(f"{index}inspect/{record.pk}/").content.decode()
    assert "No date on the old page: check the page's publication date" in inspect
    dated = ImportRecord.objects.get(source_path="reviews/dated.htm")
    assert (
        "No date on the old page"
        not in admin_client.get(f"{index}inspect/{dated.pk}/").content.decode()
    )
