"""A review's parts in the forms old pages print them: bylines and signatures, epigraphs,
dates and ratings (issue 14), each with its golden outcome, and the byline parser's
property: it never raises and never loses a character."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legacy.parsing.accounting import document_account
from legacy.parsing.bylines import SEPARATORS, parse_byline
from legacy.parsing.dates import find_date, search_date
from legacy.parsing.document import Epigraph, Rating, Signature
from legacy.parsing.names import is_institution
from legacy.parsing.options import ParseOptions
from legacy.parsing.parser import parse_document
from legacy.parsing.ratings import parse_rating, rating_in_line

from .test_properties import FAST

BODY = (
    "<p>The film opens on a wet quay at dawn and does not hurry anywhere after that, which is "
    "either its great virtue or its fatal flaw, depending on how much sleep you had.</p>"
    "<p>The two leads are very good, and the photography makes a grey town look like a "
    "painting; the script, alas, has three endings and needed only one of them.</p>"
)
CREDITS = "<p><i>Directed by Ann Example (1999)</i></p>"


def review(top: str = "", tail: str = "", title: str = "Harbour", date_order: str = "dmy"):
    html = f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{CREDITS}"
    html += f"{top}{BODY}{tail}</body></html>"
    options = ParseOptions(date_order=date_order)
    return parse_document(html.encode(), "films/harbour.htm", options=options)


def signatures(document) -> list[Signature]:
    return [block for block in document.blocks if isinstance(block, Signature)]


# --- bylines and signatures --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "name", "note", "dateline"),
    [
        ("Reviewed by R.P. Nettelhorst", "Reviewed by", "R.P. Nettelhorst", "", ""),
        ("A review by Elsa Example", "A review by", "Elsa Example", "", ""),
        ("By Mark Sample / TRIBUNE STAFF WRITER", "By", "Mark Sample", "TRIBUNE STAFF WRITER", ""),
        ("— Jane Smith", "—", "Jane Smith", "", ""),
        ("-- Bob", "--", "Bob", "", ""),
        ("Howard Example, 2004", "", "Howard Example", "", "2004"),
        ("by Jens Beispiel, 13. August 2002", "by", "Jens Beispiel", "", "13. August 2002"),
        ("By Jane Smith on 3 May 2004", "By", "Jane Smith", "", "on 3 May 2004"),
        # what the piece is, then its writer: the label, never part of a name
        ("Festival Report by Ada Quill", "Festival Report by", "Ada Quill", "", ""),
        ("interview by Bram Okoro, 2 May 1999", "interview by", "Bram Okoro", "", "2 May 1999"),
        (
            "Reviewed by R. P. Example\nProfessor of Old Testament\nWestbrook Seminary",
            "Reviewed by",
            "R. P. Example",
            "Professor of Old Testament, Westbrook Seminary",
            "",
        ),
        ("Tom Greer\nPastor, Petros Church", "", "Tom Greer", "Pastor, Petros Church", ""),
    ],
)  # fmt: skip
def test_a_byline_is_read_into_label_name_note_and_dateline(text, label, name, note, dateline):
    found = parse_byline(text)
    assert (found.label, found.name, found.note, found.dateline) == (label, name, note, dateline)
    assert found.person and not found.remainder


@pytest.mark.parametrize(
    "text",
    ["Pastor, Petros Baptist Church", "Byatt wrote it", "The end.", "Click images to enlarge"],
)
def test_a_title_an_institution_or_a_sentence_is_not_a_persons_byline(text):
    found = parse_byline(text)
    assert found is None or not found.person


def test_an_institution_is_never_a_person():
    assert is_institution("Petros Baptist Church")
    assert is_institution("Westbrook Theological Seminary")
    assert not is_institution("Shirley Temple")
    assert not parse_byline("Reviewed by Acme Books Ltd").person


BYLINE_PIECES = st.sampled_from(
    ["Reviewed by ", "A review by ", "By ", "-- ", "— ", "R.P. Nettelhorst", "Bob", "Jane Smith",
     ", 2004", ", 12 March 2003", " / STAFF WRITER", "\nPastor, Petros Baptist Church",
     "\nProfessor of Hebrew", "\n9 March 2003", " on 3 May 2004", "(", ")", "|", " and "]
)  # fmt: skip


@FAST
@given(st.lists(BYLINE_PIECES | st.text(max_size=12), max_size=8).map("".join))
def test_the_byline_parser_never_raises_and_never_loses_a_character(text):
    found = parse_byline(text)
    if found is None:
        return
    read = "".join(part.text for part in found.parts)
    fields = found.label + found.name + found.note + found.dateline + found.remainder

    def kept(chars: str) -> list[str]:
        return sorted(char for char in chars if char not in SEPARATORS and not char.isspace())

    assert kept(read) == kept(text)
    assert kept(fields) == kept(text)


def test_a_dashed_signature_and_one_with_a_year_close_the_review():
    assert [s.name for s in signatures(review(tail="<p><i>-- Bob</i></p>"))] == ["Bob"]
    signed = signatures(review(tail="<p><i>Graham Example, 2004</i></p>"))
    assert [(s.name, s.dateline) for s in signed] == [("Graham Example", "2004")]


def test_a_name_over_two_lines_of_titles_keeps_them_as_its_note():
    document = review(
        tail="<p>Reviewed by R. P. Example<br>Professor of Old Testament<br>"
        "Westbrook Theological Seminary</p>"
    )
    (signed,) = signatures(document)
    assert signed.name == "R. P. Example"
    assert signed.note == "Professor of Old Testament, Westbrook Theological Seminary"
    assert document_account(document).lost == 0


def test_a_title_line_under_a_bold_name_is_the_note_and_never_the_name():
    document = review(tail="<p><b>Thomas Example<br>Pastor, Hillside Baptist Church</b></p>")
    (signed,) = signatures(document)
    assert (signed.name, signed.note) == ("Thomas Example", "Pastor, Hillside Baptist Church")


def test_an_institution_signing_the_page_stays_text_with_a_warning():
    document = review(tail="<p><b>Pastor, Petros Baptist Church</b></p>")
    assert signatures(document) == []
    assert "Pastor, Petros Baptist Church" in document.blocks[-1].html
    assert any("not taken as the signature" in warning for warning in document.warnings)


def test_a_piece_signed_by_two_people_keeps_their_names_as_text_with_a_warning():
    document = review(tail='<p align="right"><b>Lena Example and Tom Sample</b></p>')
    assert signatures(document) == []
    assert "Lena Example and Tom Sample" in document.blocks[-1].html
    assert any("more than one person" in warning for warning in document.warnings)


def test_a_byline_with_a_post_and_a_date_opens_the_piece():
    document = review(top="<p><b>By Mark Example / COURIER STAFF WRITER</b><br>June 5, 2003</p>")
    (signed,) = signatures(document)
    assert (signed.name, signed.note) == ("Mark Example", "COURIER STAFF WRITER")
    assert document.published == datetime.date(2003, 6, 5)


# --- epigraphs ---------------------------------------------------------------------------


def epigraphs(document) -> list[Epigraph]:
    return [block for block in document.blocks if isinstance(block, Epigraph)]


def test_a_blockquote_with_a_page_reference_after_an_unrecognised_line_is_the_epigraph():
    document = review(
        top="<p>Shelf B, large print also available</p><blockquote><p>&quot;We were not brave. "
        "We stayed.&quot;</p><p>(p. 32)</p></blockquote>"
    )
    assert [(e.quote, e.attribution) for e in epigraphs(document)] == [
        ("We were not brave. We stayed.", "(p. 32)")
    ]


@pytest.mark.parametrize(
    "top",
    [
        "<table border=1><tr><td><p>Nobody leaves this valley.</p><p>&mdash; a village saying</p>"
        "</td></tr></table>",
        "<p>Nobody leaves this valley.<br>&mdash; a village saying</p>",
        '<p align="center"><i>Nobody leaves this valley.</i></p>'
        '<p align="center">a village saying</p>',
    ],
)
def test_an_epigraph_in_a_box_as_a_paragraph_then_a_dash_or_centred_italics(top):
    (found,) = epigraphs(review(top=top))
    assert (found.quote, found.attribution) == ("Nobody leaves this valley.", "a village saying")


def test_a_name_then_a_title_under_an_italic_quotation_is_its_source():
    document = review(top="<p><i>“Every light is a promise.”</i></p><p>Agnes Example, Notes</p>")
    assert [e.attribution for e in epigraphs(document)] == ["Agnes Example, Notes"]


def test_a_click_to_enlarge_caption_is_never_an_epigraph():
    document = review(
        top='<p align="center"><img src="a.jpg" alt="The quay at dawn"></p>'
        '<p align="center"><i>Click images to enlarge</i></p>'
    )
    assert epigraphs(document) == []


def test_a_run_of_testimonials_is_not_an_epigraph():
    quotes = "".join(
        f'<p align="center"><i>“{text}”</i><br>&mdash; {name}</p>'
        for text, name in [("Best club in town.", "Pat Example"), ("Lovely chairs.", "Jo Example")]
    )
    document = parse_document(f"<html><body><h1>Members</h1>{quotes}{BODY}</body></html>".encode())
    assert epigraphs(document) == []


# --- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("footer", "date"),
    [
        ("Last updated 26/9/2006", datetime.date(2006, 9, 26)),
        ("Zuletzt geändert: 03.11.2002", datetime.date(2002, 11, 3)),
        ("Mis à jour le 14/03/04", datetime.date(2004, 3, 14)),
        ("Last modified: March 14, 1998", datetime.date(1998, 3, 14)),
    ],
)
def test_a_page_with_no_other_date_is_dated_by_its_last_update(footer, date):
    assert review(tail=f"<hr><p><font size=1>{footer}</font></p>").published == date


def test_the_signature_date_beats_posted_and_last_updated():
    tail = "<p>Posted 3 March 2007</p><p align=right>Ann Example<br>12 May 2006</p>"
    assert review(tail=tail + "<p>Last updated 1/1/2008</p>").published == datetime.date(
        2006, 5, 12
    )
    assert review(tail="<p>Posted 3 March 2007</p><p>Last updated 1/1/2008</p>").published == (
        datetime.date(2007, 3, 3)
    )


def test_a_date_in_the_headline_area_dates_the_review():
    assert review(top="<p>Friday, August 13, 2004</p>").published == datetime.date(2004, 8, 13)
    assert review(top="<p>13. August 2002</p>").published == datetime.date(2002, 8, 13)


def test_an_ambiguous_numeric_date_follows_the_date_order_and_is_flagged():
    day_first = review(tail="<p>Posted: 03/04/2002</p>")
    assert day_first.published == datetime.date(2002, 4, 3)
    assert "ambiguous date 03/04/2002 read as day-first (--date-order)" in day_first.warnings
    month_first = review(tail="<p>Posted: 03/04/2002</p>", date_order="mdy")
    assert month_first.published == datetime.date(2002, 3, 4)
    unambiguous = review(tail="<p>Posted: 25/04/2002</p>", date_order="mdy")
    assert unambiguous.published == datetime.date(2002, 4, 25)
    assert not any("ambiguous" in warning for warning in unambiguous.warnings)


@pytest.mark.parametrize("date_order", ["dmy", "mdy"])
def test_a_dotted_date_is_day_first_whatever_the_date_order_and_never_ambiguous(date_order):
    """ "03.11.2002" is how German, French and Dutch pages print 3 November: the option is
    for slashed dates (US sites); and a date that reads one way only is never flagged."""
    updated = review(tail="<p>Zuletzt geändert: 03.11.2002</p>", date_order=date_order)
    assert updated.published == datetime.date(2002, 11, 3)
    assert not any("ambiguous" in warning for warning in updated.warnings)
    headline = review(top="<p>05.06.2001</p>", date_order=date_order)
    assert headline.published == datetime.date(2001, 6, 5)
    assert not any("ambiguous" in warning for warning in headline.warnings)


@pytest.mark.parametrize(
    "printed, dmy, mdy",
    [
        ("03/11/2002", datetime.date(2002, 11, 3), datetime.date(2002, 3, 11)),
        ("11/03/2002", datetime.date(2002, 3, 11), datetime.date(2002, 11, 3)),
        ("3/5/02", datetime.date(2002, 5, 3), datetime.date(2002, 3, 5)),
    ],
)
def test_a_slashed_date_follows_the_date_order_and_says_so(printed, dmy, mdy):
    for date_order, expected, first in (("dmy", dmy, "day"), ("mdy", mdy, "month")):
        document = review(tail=f"<p>Last updated {printed}</p>", date_order=date_order)
        assert document.published == expected
        warning = f"ambiguous date {printed} read as {first}-first (--date-order)"
        assert warning in document.warnings


@pytest.mark.parametrize("printed", ["25/11/2002", "11/25/2002", "04/04/2002", "2002-11-03"])
def test_a_date_that_reads_one_way_only_is_not_flagged(printed):
    for date_order in ("dmy", "mdy"):
        document = review(tail=f"<p>Last updated {printed}</p>", date_order=date_order)
        assert document.published is not None
        assert not any("ambiguous" in warning for warning in document.warnings), printed


def test_a_signature_with_only_a_year_gives_its_first_of_january():
    assert review(tail="<p><i>Graham Example, 2004</i></p>").published == datetime.date(2004, 1, 1)
    later = review(tail="<p><i>Graham Example, 2004</i></p><p>Last updated 19 November 2004</p>")
    assert later.published == datetime.date(2004, 11, 19)


def test_dates_are_found_with_their_span_and_two_digit_years():
    found = search_date("Mis à jour le 02/04/04 · Accueil")
    assert (found.date, found.printed, found.ambiguous) == (
        datetime.date(2004, 4, 2),
        "02/04/04",
        True,
    )
    assert find_date("Besucher seit 1.1.2001") == datetime.date(2001, 1, 1)


# --- ratings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "best"),
    [
        ("8/10", 8, 10),
        ("3 out of 5", 3, 5),
        ("****", 4, None),
        ("***1/2", 3.5, None),
        ("★★★½", 3.5, None),
        ("4 stars", 4, None),
        ("Our rating: 4 stars", 4, None),
        ("Rating: B+", None, None),
        ("2 chuckles", 2, None),
        ("Bewertung: 3 von 5 Sternen", 3, 5),
    ],
)
def test_a_rating_is_read_with_its_scale(text, value, best):
    assert parse_rating(text) == Rating(text, value, best)


@pytest.mark.parametrize("text", ["A", "*", "1/2", "12/11/2010", "11/10", "The end"])
def test_a_drop_capital_a_date_or_a_fraction_is_not_a_rating(text):
    assert parse_rating(text) is None


@pytest.mark.parametrize("best", [4, 5, 10, 20, 100])
def test_a_score_is_read_on_every_scale_reviews_use_and_on_no_other(best):
    """Four stars (the broadsheet's scale), five, ten, twenty (the French marks), a hundred;
    "3/7" or "2/3" is a fraction or a date, not a score."""
    assert parse_rating(f"3/{best}") == Rating(f"3/{best}", 3, best)
    assert parse_rating(f"three out of {best}") == Rating(f"three out of {best}", 3, best)
    assert parse_rating(f"3/{best + 3}") is None


def test_a_rating_in_a_closing_line_is_read_and_the_line_stays():
    assert rating_in_line("Bob says: three chuckles out of five.") == Rating(
        "three chuckles out of five", 3, 5
    )
    assert rating_in_line("two out of three critics agree") is None


def test_a_rating_line_leaves_the_body_for_the_field_and_a_rating_picture_stays():
    document = review(tail="<p>Rating: 7/10</p>")
    assert document.rating == Rating("Rating: 7/10", 7, 10)
    assert "7/10" not in " ".join(getattr(block, "html", "") for block in document.blocks)
    assert document_account(document).lost == 0
    pictured = review(top='<p><img src="stars8.gif" alt="8/10"></p>')
    assert pictured.rating == Rating("8/10", 8, 10)
    assert any(getattr(block, "alt", "") == "8/10" for block in pictured.blocks)


def test_two_different_ratings_on_a_page_are_a_list_of_scores_not_its_rating():
    document = review(top="<p>8/10</p>", tail="<p>Rating: 6/10</p>")
    assert document.rating is None
    assert any("several ratings" in warning for warning in document.warnings)


@pytest.mark.parametrize(
    "post", ["Academic Vice President", "Senior Staff Writer", "Assistant Director of Admissions"]
)
def test_a_post_is_never_a_reviewer_s_name(post):
    from legacy.parsing.bylines import is_person_name

    assert not is_person_name(post)
    assert is_person_name("Professor Jane Smith")


BIO_PAGE = """<html><head><title>Notes: {title}</title></head><body>
<p><b>{headline}</b></p>
<p>{byline}</p>
<p>The potter fires everything in a wood kiln behind the house, and the bowls carry the
marks of each firing on their skins, a drift of ash here and a flash of orange there.</p>
<p>What keeps them from being happy accidents is the throwing: even walls and carefully
cut feet, so that the chance marks sit on a form decided beforehand.</p>
<p>{closing}</p>
</body></html>"""


def _signed(**parts):
    page = parse_document(BIO_PAGE.format(**parts).encode(), "reviews/osei.html")
    return [block.name for block in page.blocks if isinstance(block, Signature)]


def test_a_bare_name_under_the_headline_signs_when_the_closing_note_names_the_writer():
    signed = _signed(
        title="Salt and Smoke",
        headline="Salt and Smoke",
        byline="Tomas Halloran",
        closing="Tomas Halloran writes about craft for regional papers.",
    )
    assert signed == ["Tomas Halloran"]


def test_a_bare_name_with_no_note_about_the_writer_stays_text():
    """It may be the artist reviewed: no contributor is made of it."""
    signed = _signed(
        title="Salt and Smoke",
        headline="Salt and Smoke",
        byline="Kwame Osei",
        closing="The show runs until the end of the month.",
    )
    assert signed == []


def test_the_headline_repeated_in_the_last_paragraph_is_no_writer():
    signed = _signed(
        title="Notes",
        headline="Harbour Song",
        byline="A short notice",
        closing="Harbour Song is a gentle show and worth a detour.",
    )
    assert signed == []
