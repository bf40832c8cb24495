"""Behaviour on hand-written fixture pages, one markup style or encoding per page."""

import datetime
import re
from dataclasses import replace

import pytest

from legacy.parsing.accounting import document_account
from legacy.parsing.document import (
    Epigraph,
    Heading,
    Image,
    Kind,
    Paragraph,
    Signature,
    SpoilerNotice,
)
from legacy.parsing.text import blocks_text, content_words
from textkit.markup import html_to_text

from .support import (
    ALLOWED_TAG,
    MOJIBAKE,
    all_output_text,
    block_types,
    fixture_paths,
    paragraphs,
    parse_fixture,
)

CHROME_PHRASES = [
    "FreeFind",
    "Search this site",
    "Site search",
    "Web search",
    "All rights reserved",
    "visitor number",
    "©",
    "Home |",
    "Back to top",
    "enable JavaScript",
]
STUBS = {"reviews/empty.htm", "reviews/under_construction.htm"}


# --- invariants every fixture must satisfy ---------------------------------------------


@pytest.mark.parametrize("path", fixture_paths())
def test_no_mojibake_anywhere(path):
    assert not MOJIBAKE.search(all_output_text(parse_fixture(path)))


@pytest.mark.parametrize("path", fixture_paths())
def test_no_chrome_in_content(path):
    document = parse_fixture(path)
    text = f"{document.content_text}\n{blocks_text(document.blocks)}"
    for phrase in CHROME_PHRASES:
        assert phrase not in text
    assert "About Us" not in text.split("\n\n")


@pytest.mark.parametrize("path", fixture_paths())
def test_paragraph_html_uses_only_the_allowed_inline_tags(path):
    for paragraph in paragraphs(parse_fixture(path)):
        assert ALLOWED_TAG.sub("", paragraph.html).count("<") == 0, paragraph.html
        assert not paragraph.html.startswith("<p")


@pytest.mark.parametrize("path", sorted(set(fixture_paths()) - STUBS))
def test_blocks_keep_every_content_word(path):
    document = parse_fixture(path)
    words = document_account(document)
    assert words.lost == 0, words.missing


def test_a_lost_paragraph_shows_in_the_fidelity_score():
    document = parse_fixture("reviews/frontpage_table.htm")
    without_one = [block for block in document.blocks if block != paragraphs(document)[1]]
    words = document_account(replace(document, blocks=without_one))
    assert words.lost > 0 and words.fidelity < 0.98
    dropped = set(content_words(html_to_text(paragraphs(document)[1].html)))
    assert "trained" in words.missing and set(words.missing) <= dropped


def test_title_and_credits_are_not_content_words():
    document = parse_fixture("reviews/frontpage_table.htm")
    assert "Tomasz Wierzbicki. Poland" not in document.content_text
    assert not document.content_text.startswith("The Salt Road")


# --- one test per markup style ---------------------------------------------------------


def test_frontpage_table_layout_with_font_soup():
    document = parse_fixture("reviews/frontpage_table.htm")
    assert document.kind is Kind.FILM_REVIEW
    assert document.title == "The Salt Road"
    assert document.encoding == "cp1252"
    assert document.credits.people == ["Tomasz Wierzbicki"]
    assert document.credits.countries == ["Poland"]
    assert document.credits.year == 2004
    assert block_types(document.blocks) == [
        "Image",
        "Epigraph",
        "SpoilerNotice",
        "Paragraph",
        "Paragraph",
        "Paragraph",
        "Signature",
    ]
    image, epigraph, spoiler = document.blocks[:3]
    assert image == Image(
        "../images/stills/saltroad1.jpg",
        caption="Marta at the weighbridge, somewhere south of Gdansk",
    )
    assert epigraph == Epigraph("Salt keeps everything except the heart.", "Proverb")
    assert spoiler == SpoilerNotice("SPOILERS AHEAD")
    assert "roadside cafés" in document.blocks[3].html
    assert "no words at all – Marta" in document.blocks[4].html
    assert "<i>The Salt Road</i>" in document.blocks[5].html
    assert '<a href="../reviews/ferry.htm">The Ferry</a>' in document.blocks[5].html
    assert document.blocks[-1] == Signature("Eleanor Marsh", "12 November 2010")
    assert document.published == datetime.date(2010, 11, 12)
    assert document.links == ["../reviews/ferry.htm"]
    assert document.warnings == []


def test_dreamweaver_book_review_takes_the_h1_over_untitled_document():
    document = parse_fixture("books/dreamweaver_book.htm")
    assert document.kind is Kind.BOOK_REVIEW
    assert document.title == "The Glass Orchard"
    credits = document.credits
    assert (credits.people, credits.publisher, credits.year, credits.pages) == (
        ["Hilda Brennan"],
        "Chatto & Windus",
        2003,
        304,
    )
    assert credits.is_book
    assert document.blocks[0] == Epigraph(
        "Every orchard is a record of somebody’s patience.", "from the novel"
    )
    assert "<i>Agnes</i>" in document.blocks[1].html
    assert "<b>precise without being cold</b>" in document.blocks[2].html
    assert document.blocks[-1] == Signature("Tom Abbott", "Posted on 4 May 2004")
    assert document.published == datetime.date(2004, 5, 4)
    assert document.links == ["../books/remainsoftheday.htm", "mailto:tom.abbott@example.com"]


def test_word_export_drops_office_cruft_and_keeps_smart_tag_text():
    document = parse_fixture("reviews/word_export.htm")
    assert document.kind is Kind.FILM_REVIEW
    assert document.title == "The Lives of Others"
    assert document.credits.people == ["Florian Henckel von Donnersmarck"]
    assert document.credits.countries == ["Germany"]
    assert document.blocks[0] == Image("word_export_files/image002.jpg")
    assert document.blocks[1] == Epigraph(
        "The walls listen, but only people can hear.", "Anonymous"
    )
    first_paragraph = document.blocks[2].html
    assert first_paragraph.startswith("Set in East Berlin in 1984")
    assert "Ulrich Mühe" in document.blocks[3].html
    assert "<i>completely</i>" in document.blocks[3].html
    assert document.blocks[-1] == Signature("Ruth Calloway", "November 12, 2010")
    assert document.published == datetime.date(2010, 11, 12)
    text = blocks_text(document.blocks)
    for cruft in ("mso-", "o:p", "Section1", "DocumentProperties", "412", "supportLists"):
        assert cruft not in text and cruft not in document.content_text
    # 3 prose paragraphs, a lead-in, and Word's three mso-list paragraphs as one list,
    # without the bullets Word typed into them.
    assert len(paragraphs(document)) == 5
    word_list = next(p.html for p in paragraphs(document) if p.html.startswith("<ul>"))
    assert word_list.count("<li>") == 3 and "·" not in word_list
    assert "<li>the piano sonata heard through headphones;</li>" in word_list


def test_latin1_label_over_windows_1252_bytes():
    document = parse_fixture("books/latin1_over_cp1252.htm")
    assert document.encoding == "cp1252"
    assert document.kind is Kind.BOOK_REVIEW
    assert document.title == "The Lighthouse Keeper’s Daughter"
    assert (document.credits.publisher, document.credits.year, document.credits.pages) == (
        "Harbour Press",
        1998,
        312,
    )
    assert document.blocks[0] == Epigraph(
        "The sea does not forgive, but it forgets very quickly.", "Margaret Fenwick"
    )
    assert document.blocks[1] == SpoilerNotice(
        "Spoiler warning", "the last chapter is discussed below."
    )
    bodies = paragraphs(document)
    assert len(bodies) == 3  # the <BR><BR> runs inside one <FONT>
    assert "first chapter – quietly" in bodies[0].html
    assert "talks to the gulls…" in bodies[1].html
    assert "this year — precise" in bodies[2].html
    assert document.blocks[-1] == Signature("Sam Okafor", "July 2003")
    assert document.published == datetime.date(2003, 7, 1)


def test_utf8_with_bom_and_a_generic_title():
    document = parse_fixture("reviews/utf8_bom.htm")
    assert document.encoding.startswith("utf-8")
    assert document.title == "The White Ribbon"  # <title>Review</title> is too generic
    assert document.credits.countries == ["Germany", "Austria", "France", "Italy"]
    assert "<i>Das weiße Band</i>" in document.blocks[0].html
    assert document.blocks[-1] == Signature("Ingrid Paulsen")


def test_several_directors_and_countries_in_div_paragraphs():
    document = parse_fixture("reviews/multiple_directors.htm")
    assert document.title == "The Kid with a Bike"
    assert document.credits.people == ["Jean-Pierre Dardenne", "Luc Dardenne"]
    assert document.credits.countries == ["Belgium", "France", "Italy"]
    assert document.credits.year == 2011
    assert block_types(document.blocks) == ["SpoilerNotice"] + ["Paragraph"] * 3 + ["Signature"]
    assert document.blocks[0] == SpoilerNotice("Spoiler Alert")
    assert "Cécile de France" in document.blocks[2].html
    assert document.blocks[-1] == Signature("Claire Dubois", "March 2012")


def test_no_charset_declared_br_runs_in_body():
    document = parse_fixture("no_charset_film.htm")
    assert document.encoding == "cp1252"
    assert document.kind is Kind.FILM_REVIEW  # from the credits, no folder hint
    assert document.title == "Meek’s Cutoff"
    assert document.credits.people == ["Kelly Reichardt"]
    assert (document.credits.countries, document.credits.year) == (["USA"], 2010)
    assert len(paragraphs(document)) == 3
    assert "women’s side" in paragraphs(document)[0].html
    assert document.blocks[-1] == Signature("Dan Whitlock", "May 2011")


def test_html32_entities_map_through_windows_1252():
    document = parse_fixture("reviews/html32_entities.htm")
    assert document.title == "Chinatown"
    assert document.credits.countries == ["U.S.A."]
    assert document.blocks[0] == SpoilerNotice(
        "SPOILER WARNING", "this review gives away the last scene."
    )
    first = paragraphs(document)[0].html
    assert "city’s water engineer" in first  # &#146;
    assert "It isn’t" in first  # &#8217;
    assert "“water”" in first  # &#147; &#148;
    assert "— the drought" in first and "cheap – turns" in first
    assert "café scenes" in paragraphs(document)[1].html
    assert document.blocks[-1] == Signature("P. J. Harker")


def test_utf8_bytes_under_a_windows_1252_label():
    document = parse_fixture("reviews/mislabelled_utf8.htm")
    assert document.encoding == "utf-8"
    assert any("bytes are UTF-8" in warning for warning in document.warnings)
    assert document.credits.people == ["Agnès Varda"]
    assert len(paragraphs(document)) == 3
    assert "<i>Les Glaneurs et la glaneuse</i>" in paragraphs(document)[0].html
    assert document.blocks[-1] == Signature("Howard Schumann", "January 2002")


def test_double_decoded_utf8_is_repaired():
    document = parse_fixture("reviews/utf8_mojibake.htm")
    first, second = paragraphs(document)
    assert first.html.startswith("It’s a “minor” film – but a lovely one, and the café scene")
    assert "call it “our street” and" in second.html
    assert any("repaired" in warning for warning in document.warnings)


def test_truncated_page_keeps_what_arrived():
    document = parse_fixture("reviews/truncated.htm")
    assert document.kind is Kind.FILM_REVIEW
    assert document.credits.people == ["Terence Davies"]
    assert paragraphs(document)[-1].html.endswith("remember the cinema as a")


def test_feature_with_headings_and_byline():
    document = parse_fixture("features/night_trains.htm")
    assert document.kind is Kind.FEATURE
    assert document.title == "Night Trains: The Railway in European Cinema"
    assert document.credits is None
    assert document.blocks[0] == Signature("Eleanor Marsh")
    headings = [block for block in document.blocks if isinstance(block, Heading)]
    assert headings == [
        Heading("The compartment as a stage"),
        Heading("The journey as a life"),
        Heading("The station at the end"),  # a bold-only line standing alone
    ]
    assert "<i>The Lady Vanishes</i>" in paragraphs(document)[1].html
    assert document.published == datetime.date(2009, 5, 3)
    assert document.links == ["mailto:features@example.com", "../features.htm"]


def test_news_page_with_three_dated_items():
    document = parse_fixture("news.htm")
    assert document.kind is Kind.NEWS
    assert document.title == "Latest News"  # more specific than <title>'s "News"
    dates = [block.text for block in document.blocks if isinstance(block, Heading)]
    assert dates == ["February 14, 2011", "Monday, 10 January 2011", "20 Dec 2010"]
    assert document.published == datetime.date(2011, 2, 14)
    after_first_date = document.blocks[1:3]
    assert all(isinstance(block, Paragraph) for block in after_first_date)
    assert document.links == ["berlin2011.htm"]


def test_plain_page():
    document = parse_fixture("about_magazine.htm")
    assert document.kind is Kind.PAGE
    assert document.title == "About Talking Pictures"
    assert block_types(document.blocks) == ["Paragraph", "Paragraph"]
    assert '<a href="mailto:editor@example.com">the editor</a>' in document.blocks[1].html


def test_az_listing_lists_the_reviews_it_indexes():
    document = parse_fixture("bookreviews.htm")
    assert document.kind is Kind.LISTING
    assert document.title == "Book Reviews A - Z"
    assert document.links == [
        "books/fenwick_lighthouse.htm",
        "books/fielding_winter.htm",
        "books/dreamweaver_book.htm",
        "books/remainsoftheday.htm",
        "books/neverletmego_novel.htm",
        "books/road.htm",
    ]
    assert "#f" not in document.links  # the letter jump bar is navigation


def test_under_construction_is_a_stub():
    document = parse_fixture("reviews/under_construction.htm")
    assert document.kind is Kind.STUB
    assert any(warning.startswith("stub") for warning in document.warnings)


def test_empty_file_is_a_stub_with_a_title():
    document = parse_fixture("reviews/empty.htm")
    assert document.kind is Kind.STUB
    assert document.title == "Empty"
    assert document.blocks == []
    assert "stub: no content found" in document.warnings


def test_hostile_markup_is_neutralised():
    document = parse_fixture("reviews/hostile.htm")
    assert document.kind is Kind.FILM_REVIEW
    assert document.title == "The Poisoned Well"
    html = "\n".join(paragraph.html for paragraph in paragraphs(document))
    for bad in ("<script", "onerror", "onclick", "onmouseover", "javascript", "vbscript",
                "data:", "<iframe", "<object", "<embed", "<svg", "style=", "target="):  # fmt: skip
        assert bad not in html.lower()
    text = blocks_text(document.blocks)
    for sentence in ("Every councillor has a reason", "interview with the director",
                     "production notes", "the poster", "the trailer"):  # fmt: skip
        assert sentence in text  # the link text survives its unsafe href
    assert "Writing &lt;script&gt; in a review" in html
    assert '<a href="https://www.example.com/holm">perfectly judged</a>' in html
    assert document.links == ["https://www.example.com/holm"]
    assert Image("../images/stills/well.jpg", alt="The well at dawn") in document.blocks
    assert document.blocks[-1] == Signature("Anna Berg")
    assert "stolen" not in document.content_text and "alert" not in document.content_text
    assert "Please enable JavaScript" not in document.content_text
    assert document.leftovers == ["Your browser does not show the festival schedule"]
    assert any("removed <iframe>" in warning for warning in document.warnings)


def test_paragraph_br_is_kept_as_xhtml_break():
    document = parse_fixture("bookreviews.htm")
    first = paragraphs(document)[0].html
    assert re.match(r"<b>F</b><br/><a href=\"books/fenwick_lighthouse.htm\">", first)
