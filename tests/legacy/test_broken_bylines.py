"""Bylines an editor of the late nineties printed in the same block as the headline or
wrapped in a table cell, read on a small film magazine of our own writing: the headline
and its byline broken by a <br> ("Harbour Lights (1998)<br>feature by Mira Talbot"),
a headline of two lines over an interview's byline with its date, and two writers in a
cell with "and" opening the byline's second source line, or its line after a <br>. Each
page is signed by the writers its head names, and its headline keeps none of the byline's words."""

import functools

from legacy.parsing.document import Signature
from legacy.parsing.parser import parse_site

_PAGE = """<html><head><title>{title} - Reel Notes</title></head><body>
<p align="center"><img src="../images/logo.gif" alt="Reel Notes"><br>
<a href="../index.html">Contents</a> | <a href="../features.html">Features</a> |
<a href="../reviews.html">Reviews</a> | <a href="../archive.html">Archive</a></p>
<hr>
{head}
<hr>
{body}
<hr>
<p align="center"><font size="1">Copyright 1998 Reel Notes. All rights reserved.</font></p>
</body></html>"""

_BODY = (
    "<p>The {topic} drew a crowd that filled the old hall well before the lights went down,"
    " and the programme notes ran out within the first hour of the afternoon.</p>"
    "<p>Most of the films were made far from the studios, on borrowed cameras and with casts"
    " of friends, and several of them found distributors before the week was over.</p>"
    "<p>What stays with us is the patience of the {topic}: long takes, quiet rooms and the"
    " sound of the sea under everything, which no trailer could ever sell.</p>"
)

PAGES = {
    # the headline and the byline in one paragraph, broken by a <br>; the name wraps in
    # the source between the first name and the surname
    "1998/fharbour.html": (
        "Harbour Lights",
        '<p><font face="Verdana" size="6">Harbour Lights (1998)<br>\n</font>'
        '<font size="1"><i>feature by <a href="../mira.html">Mira\nTalbot</a></i></font></p>',
        ["Mira Talbot"],
    ),
    # two headline lines over an interview's byline and its date
    "1998/fferry.html": (
        "Night Ferry",
        '<p><font size="6">Night Ferry<br>\n</font><font size="5">A Talk with Jonas Reed<br>\n'
        '</font><font size="1"><i>interview by <a href="../oskar.html">Oskar\nLind</a>,'
        " 3 May 1998</i></font></p>",
        ["Oskar Lind"],
    ),
    # a table cell: the headline, then two writers, "and" opening the source's next line
    "1998/fcoast.html": (
        "Coastal Film Week",
        '<table border="0"><tr><td><img src="images/coast.jpg" width="190" height="250"></td>'
        '<td><p align="center"><font size="6"><b>Coastal Film\n    Week (1998)</b></font></p>\n'
        '<p align="center"><font size="4"><em><strong>by <a href="../mira.html">Mira Talbot</a>'
        '\n    and <a href="../oskar.html">Oskar Lind</a></strong></em></font></td></tr></table>',
        ["Mira Talbot", "Oskar Lind"],
    ),
    # the label alone on its line, the name on the next, in a block under the headline
    "1998/fdocks.html": (
        "Dockside",
        '<p><font size="6">Dockside (1998)</font></p>\n'
        '<p><font size="1"><i>review by<br>\n<a href="../oskar.html">Oskar Lind</a></i>'
        "</font></p>",
        ["Oskar Lind"],
    ),
    # the headline, then a byline broken after the first name, the date after the surname
    "1998/fpier.html": (
        "Pier Nine",
        '<p><font size="6">Pier Nine<br>\n</font><font size="1"><i>feature by Mira<br>\n'
        "Talbot, 4 June 1998</i></font></p>",
        ["Mira Talbot"],
    ),
    # two writers, a <br> before the second
    "1998/fquay.html": (
        "Quay Stories",
        '<p><font size="6">Quay Stories (1998)</font></p>\n'
        '<p><font size="2"><b>by <a href="../mira.html">Mira Talbot</a><br>\n'
        'and <a href="../oskar.html">Oskar Lind</a></b></font></p>',
        ["Mira Talbot", "Oskar Lind"],
    ),
}


@functools.cache
def parsed() -> dict:
    pages = [
        (_PAGE.format(title=title, head=head, body=_BODY.format(topic=title)).encode(), path)
        for path, (title, head, _) in PAGES.items()
    ]
    return {document.source_path: document for document in parse_site(pages)}


def signatures(document) -> list[str]:
    return [block.name for block in document.blocks if isinstance(block, Signature)]


def test_each_page_is_signed_by_the_writers_its_head_names():
    documents = parsed()
    assert {path: signatures(documents[path]) for path in PAGES} == {
        path: people for path, (_, _, people) in PAGES.items()
    }


def test_a_byline_split_from_its_headline_leaves_the_headline_whole():
    """The headline's lines stay the page's title or its first text; the byline's words
    are in neither, and a date after the name is the signature's."""
    documents = parsed()
    for path in ("1998/fharbour.html", "1998/fferry.html", "1998/fpier.html"):
        document = documents[path]
        texts = [document.title, *(getattr(block, "html", "") for block in document.blocks)]
        assert PAGES[path][0] in document.title
        assert not [text for text in texts if "Talbot" in text or "Lind" in text], path
    dated = {
        path: [b.dateline for b in documents[path].blocks if isinstance(b, Signature)]
        for path in ("1998/fferry.html", "1998/fpier.html")
    }
    assert dated == {"1998/fferry.html": ["3 May 1998"], "1998/fpier.html": ["4 June 1998"]}


_REVIEWERS = ["Mira Talbot", "Oskar Lind", "Ines Varga"]
_FILMS = [
    f"{adjective} {noun}"
    for adjective in ("Salt", "Glass", "Low", "Winter", "Quiet", "Blue")
    for noun in ("Road", "Orchard", "Tide", "Pier", "Lanterns")
]


def _dated(number: int) -> str:
    """The day a few reviews print after their reviewer's name; the rest print none."""
    return f"{number % 28 + 1} March 1999" if number % 5 == 0 else ""


@functools.cache
def slot_site() -> dict:
    """A site whose reviews print "<headline><br>review by <linked name>" on each page: the
    byline is a slot of the template; a few of them print the day after the name."""
    pages = []
    for number, film in enumerate(_FILMS):
        reviewer = _REVIEWERS[number % len(_REVIEWERS)]
        slug = reviewer.split()[0].lower()
        dated = f', </i></font>\n<i><font size="1">{_dated(number)}' if _dated(number) else ""
        head = (
            f'<p><font size="6">{film}<br>\n</font><font size="1"><i>\n review by '
            f'<a href="../{slug}.html">{reviewer}</a>{dated}</font></i></p>'
        )
        html = _PAGE.format(title=film, head=head, body=_BODY.format(topic=film.lower()))
        pages.append((html.encode(), f"1999/r{number}.html"))
    return {document.source_path: document for document in parse_site(pages)}


def test_a_byline_slot_closing_on_a_date_signs_and_dates_the_review():
    """The name before the date is the reviewer; the date is the signature's dateline and
    the page's publication date, as it was when the byline was read on the page alone."""
    documents = slot_site()
    for number, film in enumerate(_FILMS):
        document = documents[f"1999/r{number}.html"]
        signed = [(b.name, b.dateline) for b in document.blocks if isinstance(b, Signature)]
        reviewer = _REVIEWERS[number % len(_REVIEWERS)]
        assert signed == [(reviewer, _dated(number))], film
        if _dated(number):
            assert str(document.published) == f"1999-03-{number % 28 + 1:02d}", film
