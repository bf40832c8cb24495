"""Smaller rules: inline rendering, sanitising, titles, dates, chrome shapes."""

import datetime

import pytest

from legacy.parsing.accounting import document_account
from legacy.parsing.dates import date_line, find_date
from legacy.parsing.document import (
    Epigraph,
    Heading,
    Image,
    Kind,
    Paragraph,
    Signature,
    SpoilerNotice,
)
from legacy.parsing.parser import parse_document
from legacy.parsing.richtext import sanitise_inline
from legacy.parsing.text import content_words
from legacy.parsing.titles import clean_page_title
from legacy.parsing.units import safe_href

from .support import MAGAZINE_NAMES


def parse_body(body: str, path: str = "page.htm", title: str = ""):
    head = f"<head><title>{title}</title></head>" if title else ""
    return parse_document(f"<html>{head}<body>{body}</body></html>".encode(), path)


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("Talking Pictures - Book Review - The Remains of the Day", "The Remains of the Day"),
        ("Never Let Me Go | Talking Pictures", "Never Let Me Go"),
        ("Talking Pictures :: Film Review :: Fargo", "Fargo"),
        ("Book Review: The Road", "The Road"),
        ("Star Wars: A New Hope", "Star Wars: A New Hope"),
        ("Talking Pictures - News", "News"),
        ("Spider-Man", "Spider-Man"),
    ],
)
def test_clean_page_title(raw, title):
    assert clean_page_title(raw, site_names=MAGAZINE_NAMES) == title


def test_title_from_a_title_image_when_nothing_else_names_the_page():
    document = parse_body(
        '<img src="images/titles/vertigo.gif" alt="Vertigo"><p>Alfred Hitchcock. USA. 1958.</p>'
        "<p>" + "A detective with a fear of heights follows a woman. " * 8 + "</p>"
    )
    assert document.title == "Vertigo"
    assert document.kind is Kind.FILM_REVIEW
    assert not any(getattr(block, "src", "") for block in document.blocks)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("March 2011", datetime.date(2011, 3, 1)),
        ("12 November 2010", datetime.date(2010, 11, 12)),
        ("November 12, 2010", datetime.date(2010, 11, 12)),
        ("Monday, 10 January 2011", datetime.date(2011, 1, 10)),
        ("12th Nov. 2010", datetime.date(2010, 11, 12)),
        ("Posted on 3 May 2009.", datetime.date(2009, 5, 3)),
        ("2009-05-03", datetime.date(2009, 5, 3)),
        ("12/11/2010", datetime.date(2010, 11, 12)),
        ("11/25/2010", datetime.date(2010, 11, 25)),
        ("The festival in March 2011 was busy", None),
        ("31 February 2011", None),
    ],
)
def test_date_lines(text, date):
    assert date_line(text) == date


def test_find_date_inside_text():
    assert find_date("Howard Schumann, 12 November 2010") == datetime.date(2010, 11, 12)


@pytest.mark.parametrize(
    ("href", "kept"),
    [
        ("../reviews/x.htm", "../reviews/x.htm"),
        (" http://example.com/a?b=1&c=2 ", "http://example.com/a?b=1&c=2"),
        ("mailto:editor@example.com", "mailto:editor@example.com"),
        ("#top", "#top"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        (" java\tscript:alert(1)", None),
        ("vbscript:msgbox(1)", None),
        ("data:text/html,x", None),
        ("", None),
    ],
)
def test_safe_href(href, kept):
    assert safe_href(href) == kept


def test_sanitise_is_the_last_line_of_defence():
    dirty = (
        '<b onclick="x()">b</b><script>x()</script><a href="javascript:x()" style="c">a</a><br>'
    )
    assert sanitise_inline(dirty) == "<b>b</b><a>a</a><br/>"


def test_single_br_stays_inside_the_paragraph_double_br_splits():
    document = parse_body("<font>One line<br>second line<br><br>Next paragraph</font>")
    assert document.blocks == [
        Paragraph("One line<br/>second line"),
        Paragraph("Next paragraph"),
    ]


def test_inline_markup_is_normalised():
    document = parse_body(
        "<p><em>em</em> <strong>strong</strong> <u>under</u> <font color=red>font</font> "
        '<span style="font-weight:bold">css bold</span> <st1:place>Leeds</st1:place> '
        '<a href="x.htm"><b>bold link</b></a></p>'
    )
    assert document.blocks == [
        Paragraph(
            "<i>em</i> <b>strong</b> under font <b>css bold</b> Leeds "
            '<a href="x.htm"><b>bold link</b></a>'
        )
    ]


def test_nbsp_only_paragraphs_and_spacer_images_vanish():
    document = parse_body(
        '<p>&nbsp;</p><p><img src="spacer.gif" width=1 height=1></p><p>Real words here.</p>'
    )
    assert document.blocks == [Paragraph("Real words here.")]


def test_h2_and_bold_only_lines_become_headings():
    document = parse_body(
        "<h2>First part</h2><p>Some text under it that runs on.</p>"
        "<p><b>Second part</b></p><p>More text under that one.</p>",
        title="Parts",
    )
    assert [block for block in document.blocks if isinstance(block, Heading)] == [
        Heading("First part"),
        Heading("Second part"),
    ]


def test_nav_bar_spellings_are_chrome():
    for nav in (
        '<a href="i.htm">Home</a> | <a href="n.htm">News</a> | <a href="a.htm">About Us</a>',
        '[ <a href="i.htm">HOME</a> ] [ <a href="f.htm">Film Reviews</a> ]',
        '<a href="i.htm">Home</a> &middot; <a href="b.htm">Book reviews</a>',
        '<a href="#top">Back to top</a>',
    ):
        document = parse_body(f"<p>Words of a short page that is about something.</p><p>{nav}</p>")
        assert len(document.blocks) == 1, nav
        assert document.links == []


def test_hidden_and_conditional_content_is_not_content():
    document = parse_body(
        '<p style="display:none">hidden words</p><!--[if gte mso 9]><xml>junk</xml><![endif]-->'
        "<p>Visible words only in this page.</p>"
    )
    assert "hidden" not in document.content_text
    assert "junk" not in document.content_text


LONG = "The film follows its characters through a long and difficult winter. " * 3


def test_title_and_credits_in_one_unit():
    document = parse_body(
        f"<p><b>Fargo</b><br>Joel Coen and Ethan Coen. USA. 1996.</p><p>{LONG}</p>",
        "reviews/fargo.htm",
    )
    assert document.title == "Fargo"
    assert document.credits.people == ["Joel Coen", "Ethan Coen"]
    assert document.blocks == [Paragraph(LONG.strip())]


def test_epigraph_with_its_attribution_on_the_same_line():
    document = parse_body(
        "<p>Jane Doe. France. 2001.</p>"
        "<p><i>“All happy families are alike.” — Leo Tolstoy</i></p>"
        f"<p>{LONG}</p>"
    )
    assert document.blocks[0] == Epigraph("All happy families are alike.", "Leo Tolstoy")


def test_signature_after_a_single_br_in_the_last_paragraph():
    document = parse_body(
        f"<p>Jane Doe. France. 2001.</p><p>{LONG}<br><i>Jane Smith</i><br>March 2011</p>"
    )
    assert document.blocks[-1] == Signature("Jane Smith", "March 2011")
    assert document.blocks[-2] == Paragraph(LONG.strip())
    assert document.published == datetime.date(2011, 3, 1)


def test_a_list_of_links_is_a_listing():
    items = "".join(
        f'<li><a href="reviews/film{number}.htm">Film number {number}</a></li>'
        for number in range(6)
    )
    document = parse_body(f"<h1>All our reviews</h1><ul>{items}</ul>", "allreviews.htm")
    assert document.kind is Kind.LISTING
    assert document.links == [f"reviews/film{number}.htm" for number in range(6)]


def test_layout_sidebar_and_named_chrome_containers_are_dropped():
    document = parse_body(
        '<div id="topnav"><a href="index.htm">Home</a> <a href="news.htm">News</a></div>'
        '<table><tr><td width=120><a href="a.htm">Reviews</a><br><a href="b.htm">Links</a>'
        '<br><a href="c.htm">Archive</a><br><a href="d.htm">Latest festival reports</a>'
        f"<br>Our sponsor Acme Popcorn</td><td><p>Jane Doe. France. 2001.</p><p>{LONG * 3}</p>"
        f"<p>{LONG * 2}</p></td></tr></table>",
        "reviews/x.htm",
    )
    assert document.links == []
    assert "Acme" not in document.content_text
    assert any(
        warning.startswith("dropped a sidebar") and "acme popcorn" in warning
        for warning in document.warnings
    )


def test_text_directly_in_body_and_unclosed_paragraphs():
    document = parse_body(f"Jane Doe. France. 2001.<P>{LONG}<P>{LONG}", "films/x.htm")
    assert document.kind is Kind.FILM_REVIEW
    assert len(document.blocks) == 2


def test_dated_items_make_a_news_page_without_a_path_hint():
    items = "".join(
        f"<p><b>{day} March 2011</b><br>Item {day} of the news tells readers something.</p>"
        for day in (3, 2, 1)
    )
    document = parse_body(items, "updates.htm", title="Updates")
    assert document.kind is Kind.NEWS
    assert document.published == datetime.date(2011, 3, 3)


def test_a_signature_date_and_a_posted_line_do_not_make_news():
    document = parse_body(
        f"<p>Jane Doe. France. 2001.</p><p>{LONG}</p><p align=right><b>Jane Smith</b></p>"
        "<p align=right>March 2011</p><p>Posted on 4 April 2011</p>",
        "x.htm",
    )
    assert document.kind is Kind.FILM_REVIEW
    assert Signature("Jane Smith", "March 2011") in document.blocks


def test_nav_buttons_and_home_logos_are_chrome_but_linked_stills_are_content():
    document = parse_body(
        '<p><a href="../index.htm"><img src="img/tp.gif" width=200 height=50></a></p>'
        '<p><a href="reviews.htm"><img src="img/b1.gif" alt="Reviews"></a></p>'
        '<p><a href="stills/big1.jpg"><img src="stills/small1.jpg" alt="Kathy"></a></p>'
        "<p>Words of the review, enough of them to make a page.</p>",
        "x.htm",
        title="X",
    )
    assert document.blocks[0] == Image("stills/small1.jpg", alt="Kathy")
    assert len(document.blocks) == 2
    assert document.links == ["stills/big1.jpg"]


@pytest.mark.parametrize(
    ("body", "path"),
    [
        # One review so far under its letter, on a page named as an index.
        (
            '<h1>Film Reviews A-Z</h1><p><b>N</b><br><a href="reviews/nlmg.htm">'
            "Never Let Me Go</a> (Mark Romanek)</p>",
            "filmreviews.htm",
        ),
        # The file name says nothing; the title does.
        (
            '<h1>Book Reviews A to Z</h1><p><a href="books/road.htm">The Road</a></p>',
            "books_page.htm",
        ),
    ],
)
def test_an_a_to_z_listing_with_a_single_link_is_a_listing(body, path):
    document = parse_body(body, path)
    assert document.kind is Kind.LISTING
    assert len(document.links) == 1


def test_a_short_page_with_one_link_and_no_listing_name_is_still_a_stub():
    document = parse_body('<h1>Coming attractions</h1><p><a href="x.htm">More</a></p>', "x.htm")
    assert document.kind is Kind.STUB


def test_one_link_in_a_real_review_does_not_make_a_listing():
    document = parse_body(
        f"<p>Jane Doe. France. 2001.</p><p>{LONG}</p>"
        f'<p>{LONG} See also <a href="y.htm">another review</a>.</p>',
        "reviews/index_of_time.htm",
    )
    assert document.kind is Kind.FILM_REVIEW


@pytest.mark.parametrize(
    ("notice", "label", "text"),
    [
        ("Note: Spoiler Alert", "Spoiler Alert", ""),
        (
            "NOTE - spoilers ahead: the ending is discussed",
            "spoilers ahead",
            "the ending is discussed",
        ),
    ],
)
def test_a_spoiler_label_the_block_drops_is_not_content(notice, label, text):
    document = parse_body(
        f"<p>Jane Doe. France. 2001.</p><p><b>{notice}</b></p><p>{LONG}</p>", "reviews/x.htm"
    )
    assert SpoilerNotice(label, text) in document.blocks
    assert "note" not in content_words(document.content_text)
    assert document_account(document).lost == 0


def test_a_signature_label_the_block_drops_is_not_content():
    document = parse_body(
        f"<p>Jane Doe. France. 2001.</p><p>{LONG}</p><p>{LONG}</p>"
        '<p align="right">Reviewed by Jane Smith<br>March 2011</p>',
        "reviews/x.htm",
    )
    assert document.blocks[-1] == Signature("Jane Smith", "March 2011")
    assert "reviewed" not in content_words(document.content_text)
    assert document_account(document).lost == 0
