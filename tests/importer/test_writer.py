"""Writing pages: each kind, its structured fields and its blocks, in a real database."""

import datetime

from wagtail.contrib.redirects.models import Redirect
from wagtail.images.models import Image as WagtailImage
from wagtail.models import Page, Revision

import pytest

from home.models import StandardPage
from legacy.models import ImportRecord
from legacy.parsing.aside import restore, set_aside
from legacy.parsing.document import Heading, Kind, LegacyDocument, Paragraph
from reviews.models import ArticlePage, BookReviewPage, Contributor, FilmReviewPage

from .conftest import by_source, run_import
from .mirror import (
    LONG_PARAGRAPHS,
    STUB,
    book_review,
    feature,
    film_review,
    listing,
    news_page,
    plain_page,
    tiny_png,
    write_mirror,
)

pytestmark = pytest.mark.django_db


def test_film_review_gets_structured_credits_and_blocks_in_order(tmp_path):
    mirror = write_mirror(
        tmp_path,
        {
            "reviews/delta.htm": film_review(
                "Delta Night",
                "Florian Henckel von Donnersmarck. Germany/Austria/France. 2006.",
                LONG_PARAGRAPHS,
                epigraph=("Nothing is ever quite what the lamp shows", "Author Unknown"),
                spoiler=True,
            )
        },
    )
    item = run_import(mirror).items[0]
    page = FilmReviewPage.objects.get(pk=item.page_id)
    assert item.status == "created" and item.kind == "film_review"
    assert page.get_creator_names() == ["Florian Henckel von Donnersmarck"]
    assert (page.countries, page.year) == ("Germany/Austria/France", 2006)
    assert [block.block_type for block in page.body] == [
        "epigraph",
        "spoiler_notice",
        "paragraph",
        "paragraph",
        "signature",
    ]
    assert page.body[0].value["attribution"] == "Author Unknown"
    assert page.reviewer == Contributor.objects.get(name="Ada Quill")
    assert page.body[-1].value["contributor"] == page.reviewer
    assert page.date == datetime.date(2009, 5, 1)
    assert page.live and page.url == "/film-reviews/delta-night/"
    assert item.fidelity >= 0.98


def test_book_review_goes_to_books_with_publisher_and_pages(tmp_path):
    mirror = write_mirror(
        tmp_path,
        {
            "books/remains.htm": book_review(
                "The Long Afternoon",
                "Kazuo Tanaka. Faber and Faber, 1989. 245 pages.",
                LONG_PARAGRAPHS,
            )
        },
    )
    item = run_import(mirror).items[0]
    page = BookReviewPage.objects.get(pk=item.page_id)
    assert page.get_creator_names() == ["Kazuo Tanaka"]
    assert (page.publisher, page.year, page.pages) == ("Faber and Faber", 1989, 245)
    assert page.get_parent().specific.kind == "book"
    assert [b.block_type for b in page.body].count("paragraph") == 2


def test_news_feature_page_listing_and_stub(site_tree, tmp_path):
    mirror = write_mirror(
        tmp_path,
        {
            "news.htm": news_page(
                [
                    (
                        "12 November 2010",
                        "The festival closed with a strong programme of premieres.",
                    ),
                    ("3 October 2010", "We added eleven new book reviews this month."),
                ]
            ),
            "features/long.htm": feature(
                "The Long Take",
                [
                    (
                        "Before the cut",
                        "Early cinema held the shot because it had no other choice.",
                    ),
                    ("After the cut", "Later directors chose duration deliberately, for effect."),
                ],
            ),
            "aboutus.htm": plain_page(
                "About Us",
                ["Talking Pictures is a small magazine about films and the books behind them."],
            ),
            "filmreviews.htm": listing(
                "Film Reviews A-Z",
                [
                    ("reviews/x.htm", "Xanadu"),
                    ("reviews/y.htm", "Yonder"),
                    ("reviews/z.htm", "Zenith"),
                ],
            ),
            "reviews/soon.htm": STUB,
        },
    )
    items = by_source(run_import(mirror))
    # The news page's two dated items are two news articles, each with its own date; the
    # page's old URL leads to the news section, which lists them both.
    first, second = (ArticlePage.objects.get(pk=items[f"news.htm#{n}"].page_id) for n in (1, 2))
    assert first.get_parent().specific.kind == second.get_parent().specific.kind == "news"
    assert first.title == "The festival closed with a strong programme of premieres"
    assert "festival closed" in first.body.render_as_block()
    assert "eleven new book reviews" in second.body.render_as_block()
    assert (first.date.isoformat(), second.date.isoformat()) == ("2010-11-12", "2010-10-03")
    assert items["news.htm#1"].words["lost"] == items["news.htm#2"].words["lost"] == 0
    assert items["news.htm"].status == "skipped"
    assert "split into 2 articles" in items["news.htm"].warnings[0]
    news_section = site_tree.sections["news"]
    assert Redirect.objects.get(old_path="/news.htm").redirect_page_id == news_section.pk
    feature_page = ArticlePage.objects.get(pk=items["features/long.htm"].page_id)
    assert feature_page.get_parent().specific.kind == "feature"
    assert [b.value["text"] for b in feature_page.body if b.block_type == "heading"] == [
        "Before the cut",
        "After the cut",
    ]
    # About Us maps onto the page the site already has, not a second one.
    assert items["aboutus.htm"].page_id == site_tree.about.pk
    assert StandardPage.objects.filter(title="About Us").count() == 1
    assert (
        "small magazine" in StandardPage.objects.get(pk=site_tree.about.pk).body.render_as_block()
    )
    assert items["filmreviews.htm"].status == "skipped"
    assert items["filmreviews.htm"].page_id == site_tree.sections["film"].pk
    assert (
        items["reviews/soon.htm"].status == "skipped" and items["reviews/soon.htm"].kind == "stub"
    )


def test_listing_teaches_the_section_of_the_pages_it_links_to(tmp_path):
    # No credits line and an unknown folder: only the A-Z listing says this is a film review.
    mirror = write_mirror(
        tmp_path,
        {
            "filmreviews.htm": listing(
                "Film Reviews A-Z",
                [
                    ("archive/x.htm", "Xanadu Falls"),
                    ("archive/y.htm", "Yonder"),
                    ("archive/z.htm", "Zenith"),
                ],
            ),
            "archive/x.htm": plain_page("Xanadu Falls", LONG_PARAGRAPHS),
        },
    )
    item = by_source(run_import(mirror))["archive/x.htm"]
    assert isinstance(Page.objects.get(pk=item.page_id).specific, FilmReviewPage)


def test_mapping_rules_override_the_defaults(tmp_path):
    from legacy.parsing.sections import parse_rule

    mirror = write_mirror(tmp_path, {"reviews/x.htm": plain_page("Xanadu Falls", LONG_PARAGRAPHS)})
    item = run_import(mirror, rules=[parse_rule("reviews/* = feature")]).items[0]
    assert Page.objects.get(pk=item.page_id).get_parent().specific.kind == "feature"


HOSTILE = [
    'Safe words <script>alert("x")</script>and <b onclick="steal()">bold</b> text follow here.',
    'A <a href="javascript:alert(1)">trap link</a> and <img src=x onerror="alert(2)"> image.',
    'An <iframe src="http://evil.example/"></iframe>iframe and <a href="https://ok.example/">'
    "a fine link</a> end this paragraph.",
]


def test_hostile_content_never_reaches_the_page_or_its_html(client, tmp_path):
    mirror = write_mirror(
        tmp_path, {"reviews/evil.htm": film_review("Evil Twin", "Ann Bell. U.K. 2001.", HOSTILE)}
    )
    item = run_import(mirror).items[0]
    page = FilmReviewPage.objects.get(pk=item.page_id)
    stored = str(page.body.raw_data)
    html = client.get(page.url).content.decode()
    assert "<script" not in stored
    # The page's own templates have <script> tags (structured data): look for the payloads.
    for bad in (
        "alert(",
        "steal(",
        "onerror",
        "onclick",
        "javascript:",
        "<iframe",
        "evil.example",
    ):
        assert bad not in stored, bad
        assert bad not in html, bad
    assert "trap link" in html and 'href="https://ok.example/"' in html


def test_links_between_old_pages_are_rewritten_whatever_the_file_order(small_mirror, monkeypatch):
    import random

    from legacy.writing import writer

    original = writer.walk_sources
    monkeypatch.setattr(
        writer,
        "walk_sources",
        lambda *a, **k: random.Random(7).sample(original(*a, **k), k=len(original(*a, **k))),
    )
    items = by_source(run_import(small_mirror))
    alpha = FilmReviewPage.objects.get(pk=items["reviews/alpha.htm"].page_id)
    beta = FilmReviewPage.objects.get(pk=items["reviews/beta.htm"].page_id)
    assert f'<a linktype="page" id="{beta.pk}">Beta Lake</a>' in alpha.body[2].value.source
    assert f'<a linktype="page" id="{alpha.pk}">Alpha Road</a>' in beta.body[2].value.source
    assert beta.url in alpha.body.render_as_block()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_file_order_does_not_change_the_result(small_mirror, monkeypatch, seed):
    import random

    from legacy.writing import writer

    original = writer.walk_sources

    def shuffled(*args, **kwargs):
        files = original(*args, **kwargs)
        random.Random(seed).shuffle(files)
        return files

    monkeypatch.setattr(writer, "walk_sources", shuffled)
    items = by_source(run_import(small_mirror))
    for source in ("reviews/alpha.htm", "reviews/beta.htm"):
        body = Page.objects.get(pk=items[source].page_id).specific.body
        assert 'linktype="page"' in body[2].value.source
        assert "href" not in body[2].value.source  # no pending old-path link left behind


def test_dead_links_are_kept_as_text_and_reported(tmp_path):
    text = 'See <a href="../interviews/nobody.htm">our interview</a> for more about it all.'
    mirror = write_mirror(
        tmp_path,
        {"reviews/x.htm": film_review("Xeno", "Ann Bell. U.K. 2001.", [*LONG_PARAGRAPHS, text])},
    )
    item = run_import(mirror).items[0]
    page = FilmReviewPage.objects.get(pk=item.page_id)
    assert "<p>See our interview for more about it all.</p>" in page.body[2].value.source
    assert "Dead link kept as text: ../interviews/nobody.htm" in item.warnings
    assert ImportRecord.objects.get(source_path="reviews/x.htm").warnings == item.warnings


def test_images_in_the_mirror_are_imported_once_and_missing_ones_reported(tmp_path):
    tiny_png(tmp_path / "images" / "Stills" / "One.PNG")
    mirror = write_mirror(
        tmp_path,
        {
            "reviews/a.htm": film_review(
                "Aa", "Ann Bell. U.K. 2001.", LONG_PARAGRAPHS, image="../images/stills/one.png"
            ),
            "reviews/b.htm": film_review(
                "Bb", "Ann Bell. U.K. 2002.", LONG_PARAGRAPHS, image="../images/stills/one.png"
            ),
            "reviews/c.htm": film_review(
                "Cc", "Ann Bell. U.K. 2003.", LONG_PARAGRAPHS, image="../images/stills/gone.jpg"
            ),
        },
    )
    items = by_source(run_import(mirror))
    assert WagtailImage.objects.count() == 1
    image = WagtailImage.objects.get()
    for source in ("reviews/a.htm", "reviews/b.htm"):
        page = FilmReviewPage.objects.get(pk=items[source].page_id)
        assert page.body[0].block_type == "image" and page.body[0].value["image"] == image
    missing = items["reviews/c.htm"]
    assert "Image not found in the mirror: ../images/stills/gone.jpg" in missing.warnings
    assert "image" not in [
        b.block_type for b in FilmReviewPage.objects.get(pk=missing.page_id).body
    ]


def test_alt_text_that_carries_words_is_kept_as_alt_or_as_text(tmp_path):
    tiny_png(tmp_path / "images" / "img_0231.jpg")
    tiny_png(tmp_path / "images" / "amelie.png", colour="#224488")

    def review(title, image, alt):
        html = film_review(title, "Ann Bell. U.K. 2001.", LONG_PARAGRAPHS, image=image)
        return html.replace(f'alt="A still from {title}"', f'alt="{alt}"')

    mirror = write_mirror(
        tmp_path,
        {
            "reviews/a.htm": review("Aa", "../images/amelie.png", "Amélie Poulain"),
            "reviews/b.htm": review("Bb", "../images/img_0231.jpg", "img_0231.jpg"),
            "reviews/c.htm": review("Cc", "../images/gone.gif", "8/10"),
        },
    )
    items = by_source(run_import(mirror))
    body = {key: FilmReviewPage.objects.get(pk=item.page_id).body for key, item in items.items()}
    assert body["reviews/a.htm"][0].value["alt_text"] == "Amélie Poulain"
    assert body["reviews/a.htm"][0].value["image"].title == "Amélie Poulain"
    assert body["reviews/b.htm"][0].value["alt_text"] == ""  # a file name says nothing
    assert body["reviews/b.htm"][0].value["image"].title == "img_0231.jpg"
    assert body["reviews/c.htm"][0].block_type == "paragraph"
    assert body["reviews/c.htm"][0].value.source == "<p>8/10</p>"


def test_a_corrupt_file_fails_alone(small_mirror):
    (small_mirror / "reviews" / "broken.htm").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    report = run_import(small_mirror)
    assert report.summary()["failed"] == 1 and report.summary()["created"] == 3
    failed = by_source(report)["reviews/broken.htm"]
    assert failed.status == "failed" and "binary" in failed.warnings[0]
    assert ImportRecord.objects.get(source_path="reviews/broken.htm").status == "failed"


def test_a_page_with_a_few_stray_nul_bytes_is_imported_with_its_text(tmp_path):
    html = film_review("Delta Night", "Ann Bell. U.K. 2001.", LONG_PARAGRAPHS)
    data = (
        html.encode("cp1252").replace(b"frozen", b"fro\x00zen").replace(b"exact", b"\x00ex\x00act")
    )
    mirror = write_mirror(tmp_path, {"reviews/delta.htm": data})
    item = run_import(mirror).items[0]
    assert item.status == "created" and item.fidelity == 1.0
    assert "removed 3 stray control byte(s)" in item.warnings
    page = FilmReviewPage.objects.get(pk=item.page_id)
    assert "a slow walk across a frozen lake" in page.body[0].value.source
    assert "restrained and exact" in page.body[1].value.source


def test_a_page_that_fails_validation_is_reported_and_not_half_written(small_mirror, monkeypatch):
    from legacy.writing import writer

    real_parse = writer.parse_site

    def parse_with_bad_heading(pages, **options):
        documents = real_parse(pages, **options)
        spill = options["aside"]  # the run's: each document's blocks wait there
        for document in documents:
            if document.source_path == "reviews/beta.htm":
                restore(document, spill)
                document.blocks.insert(0, Heading(text=""))  # HeadingBlock's text is required
                set_aside(document, spill)
        return documents

    monkeypatch.setattr(writer, "parse_site", parse_with_bad_heading)
    pages_before = Page.objects.count()
    items = by_source(run_import(small_mirror))
    assert items["reviews/beta.htm"].status == "failed"
    assert "Invalid" in items["reviews/beta.htm"].warnings[0]
    assert not FilmReviewPage.objects.filter(title="Beta Lake").exists()
    assert items["reviews/alpha.htm"].status == "created"
    # Alpha's link to the failed page is dead after the second pass: text, and reported.
    alpha = FilmReviewPage.objects.get(pk=items["reviews/alpha.htm"].page_id)
    assert "href" not in alpha.body[2].value.source
    assert any("beta.htm" in warning for warning in items["reviews/alpha.htm"].warnings)
    assert Page.objects.count() > pages_before
    # Nothing of Beta was written: no page of any type, revision, redirect or page link.
    assert not Page.objects.filter(title="Beta Lake").exists()
    assert Revision.objects.filter(object_str="Alpha Road").exists()
    assert not Revision.objects.filter(object_str="Beta Lake").exists()
    assert not Redirect.objects.filter(old_path="/reviews/beta.htm").exists()
    record = ImportRecord.objects.get(source_path="reviews/beta.htm")
    assert (record.status, record.page_id, record.words_source) == ("failed", None, None)
    reviews = {page.title for page in Page.objects.type(FilmReviewPage, BookReviewPage)}
    assert reviews == {"Alpha Road", "Gamma Street"}


def test_hand_built_document_through_the_writer(site_tree):
    """The writer programs against the dataclass contract, not the parser's internals."""
    from legacy.parsing.paths import SourceFile
    from legacy.writing.writer import ImportOptions, LegacyImporter, ParsedSource

    document = LegacyDocument(
        source_path="features/hand.htm",
        kind=Kind.FEATURE,
        title="Made by Hand",
        encoding="utf-8",
        blocks=[Heading("Part one"), Paragraph("Plain <i>words</i> here.")],
        content_text="Part one\n\nPlain words here.",
        published=datetime.date(2001, 2, 3),
    )
    importer = LegacyImporter(ImportOptions())
    parsed = ParsedSource(
        file=SourceFile(path=None, key="features/hand.htm"),
        checksum="x",
        original_html="<p>Plain</p>",
        document=document,
    )
    importer.run_keys = {"features/hand.htm"}
    from unittest import mock

    with mock.patch.object(importer, "images"):
        importer._prepare([])
        item = importer.import_one(parsed)
    page = ArticlePage.objects.get(pk=item.page_id)
    assert item.status == "created" and item.fidelity == 1.0
    assert page.date == datetime.date(2001, 2, 3)
    assert page.body[1].value.source == "<p>Plain <i>words</i> here.</p>"


def test_a_long_title_and_heading_are_cut_at_a_word_and_lose_no_words(tmp_path):
    words = "why does the lamp on the frozen lake keep burning when every window is dark"
    long_text = " ".join([words] * 4)  # 300 characters, over the 255 a title may hold
    assert len(long_text) > 255
    mirror = write_mirror(
        tmp_path, {"features/lamp.htm": feature(long_text, [(long_text, "A short answer.")])}
    )
    item = run_import(mirror).items[0]
    page = ArticlePage.objects.get(pk=item.page_id)
    assert len(page.title) <= 255 and page.title.endswith("…")
    assert long_text.startswith(page.title.removesuffix("…") + " ")
    heading = next(block for block in page.body if block.block_type == "heading")
    assert len(heading.value["text"]) <= 255
    assert long_text.startswith(heading.value["text"].removesuffix("…") + " ")
    after = page.body[list(page.body).index(heading) + 1]
    assert after.block_type == "paragraph"
    rest = long_text[len(heading.value["text"]) - 1 :].strip()
    assert after.value.source == f"<p>…{rest}</p>"
    assert item.fidelity == 1.0
    assert ImportRecord.objects.get(source_path="features/lamp.htm").title == page.title


def test_a_list_is_imported_as_a_rich_text_list_and_loses_no_words(tmp_path):
    paragraphs = [*LONG_PARAGRAPHS[:1], "<ul><li>frozen <b>lakes</b></li><li>long takes</li></ul>"]
    html = film_review("Echo Lake", "Ann Bell. U.K. 2001.", paragraphs)
    item = run_import(write_mirror(tmp_path, {"reviews/echo.htm": html})).items[0]
    assert item.status == "created" and item.fidelity == 1.0
    body = FilmReviewPage.objects.get(pk=item.page_id).body
    assert body[1].block_type == "paragraph"
    assert body[1].value.source == "<ul><li>frozen <b>lakes</b></li><li>long takes</li></ul>"


def test_a_quoted_passage_is_imported_as_a_quotation_with_its_source(client, tmp_path):
    quote = "<blockquote><p>The lake keeps <i>every</i> secret.</p><p>— Ann Bell</p></blockquote>"
    html = film_review("Fox Lake", "Ann Bell. U.K. 2001.", [*LONG_PARAGRAPHS[:1], quote])
    item = run_import(write_mirror(tmp_path, {"reviews/fox.htm": html})).items[0]
    assert item.status == "created" and item.fidelity == 1.0
    page = FilmReviewPage.objects.get(pk=item.page_id)
    block = page.body[1]
    assert block.block_type == "quotation" and block.value["source"] == "Ann Bell"
    assert block.value["quote"].source == "<p>The lake keeps <i>every</i> secret.</p>"
    assert '<figure class="quotation">' in client.get(page.url).content.decode()


def test_preformatted_text_is_imported_with_its_spacing(client, tmp_path):
    pre = "<pre>INT. LAKE - DAWN\n    Ann walks out\n    onto the ice.</pre>"
    html = film_review("Gull Lake", "Ann Bell. U.K. 2001.", [*LONG_PARAGRAPHS[:1], pre])
    item = run_import(write_mirror(tmp_path, {"reviews/gull.htm": html})).items[0]
    assert item.status == "created" and item.fidelity == 1.0
    page = FilmReviewPage.objects.get(pk=item.page_id)
    assert page.body[1].block_type == "preformatted"
    assert page.body[1].value == "INT. LAKE - DAWN\n    Ann walks out\n    onto the ice."
    assert "\n    Ann walks out\n" in client.get(page.url).content.decode()


def test_a_data_table_is_imported_as_a_table_block(client, tmp_path):
    table = (
        "<table><tr><th>Year</th><th>Film</th></tr><tr><td>1996</td><td>Fargo</td></tr>"
        "<tr><td>1998</td><td>The Big Lebowski</td></tr></table>"
    )
    html = film_review("Hare Lake", "Ann Bell. U.K. 2001.", [*LONG_PARAGRAPHS[:1], table])
    item = run_import(write_mirror(tmp_path, {"reviews/hare.htm": html})).items[0]
    assert item.status == "created" and item.fidelity == 1.0
    page = FilmReviewPage.objects.get(pk=item.page_id)
    value = page.body[1].value
    assert page.body[1].block_type == "table"
    assert [column["heading"] for column in value.columns] == ["Year", "Film"]
    assert [row["values"] for row in value.row_data] == [
        ["1996", "Fargo"],
        ["1998", "The Big Lebowski"],
    ]
    assert "<td>The Big Lebowski</td>" in client.get(page.url).content.decode()


def test_plain_pages_of_one_title_from_several_files_are_several_pages(tmp_path, site_tree):
    """A magazine's issues each print an "Editorial" at the top: each is a page of its own,
    its words kept, never written over the one imported before (About Us is still adopted)."""
    words = {
        1: "Spring came late to the office, and so did this issue, for which we apologise. "
        "Inside, three long reviews and a visit to a cinema that has shown films since 1912.",
        2: "Our readers wrote more letters this summer than in the whole of last year. "
        "We print a dozen of them, answer the rest by post, and thank everybody who wrote.",
        3: "This is the last issue printed on the old machine in the cellar, which has served "
        "us faithfully through forty issues, two floods and one memorable fire in the bin.",
    }
    editorials = {
        f"issue{n}/edito.htm": plain_page("Editorial", [f"Issue {n}. {text}"])
        for n, text in words.items()
    }
    about = plain_page(
        "About Us",
        [
            "Talking Pictures is a small magazine about films and the books behind them, "
            "written by four friends who met at a film society in a northern town."
        ],
    )
    mirror = write_mirror(tmp_path, {**editorials, "aboutus.htm": about})
    items = by_source(run_import(mirror))
    pages = {items[path].page_id for path in editorials}
    assert len(pages) == 3 and all(items[path].status == "created" for path in editorials)
    for number, path in enumerate(sorted(editorials), start=1):
        body = StandardPage.objects.get(pk=items[path].page_id).body.render_as_block()
        assert f"Issue {number}." in body
    assert items["aboutus.htm"].page_id == site_tree.about.pk
    assert run_import(mirror).summary()["updated"] == 0  # a second run changes nothing
