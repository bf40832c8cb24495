"""A page of links to files is no index (issue 23, items 3 and 7): a webzine's music page
lists the month's modules, each name a link to its file (``tests.sites.module_corner``).
An index lists pages; a download is not an entry of one. Every issue's music page is
kept, as one kind, with what it says of each module; the contents pages are indexes."""

import functools

import pytest

from legacy.parsing.document import Kind, Signature
from legacy.parsing.header import large_headline
from legacy.parsing.text import content_words
from legacy.parsing.units import make_soup, walk
from tests.legacy.support import is_flagged, parsed_by_path
from tests.sites import module_corner


@functools.cache
def parsed():
    site = module_corner.build()
    return site, parsed_by_path(site)


def _series(site, name: str) -> list[str]:
    return [
        path for path, expect in site.expected().items() if expect.get("kind_of_series") == name
    ]


def test_every_music_page_is_kept_as_its_template_s_kind_never_as_an_index():
    site, documents = parsed()
    music = _series(site, "musiques")
    assert len(music) == len(module_corner.ISSUES)
    usual = [path for path in music if not site.expected()[path].get("flagged")]
    assert {documents[path].kind for path in usual} == {Kind.PAGE}
    assert not [path for path in usual if is_flagged(documents[path])]


def test_the_music_page_that_reads_as_a_feature_is_flagged_with_its_template_s_kind():
    """Its template's other pages are plain pages the old nav links (each issue's music
    page): the one that reads as a feature keeps its kind, and an editor is asked."""
    site, documents = parsed()
    odd = [p for p in _series(site, "musiques") if site.expected()[p].get("flagged")]
    assert len(odd) == 1
    document = documents[odd[0]]
    assert document.kind is Kind.FEATURE
    assert is_flagged(document)
    assert "are plain pages" in document.cluster_outlier


def test_a_music_page_keeps_each_module_s_name_and_comment():
    site, documents = parsed()
    for path in _series(site, "musiques"):
        kept = " ".join(content_words(documents[path].content_text))
        for printed in site.expected()[path]["prints"]:
            assert " ".join(content_words(printed)) in kept, (path, printed)


def test_the_contents_pages_that_link_the_issue_s_pages_are_indexes():
    site, documents = parsed()
    for path in site.of_kind("listing"):
        assert documents[path].kind is Kind.LISTING, path
    assert len(site.of_kind("listing")) == len(module_corner.ISSUES)


def test_a_headline_set_large_is_the_title_unless_it_is_a_kicker_over_the_title_s_name():
    """No heading element: the headline is a line set in a large font, signed after it.
    "Test de X" over the <title> "X" is a kicker over the page's name; "Dossier : X, le
    bilan" says more than the <title> "X", and readers saw it as the headline; "Atelier :
    X - les bases" over the <title> "X - les bases" keeps the <title> whole, though the
    file is named after X alone."""
    site, documents = parsed()
    tests = {p: e for p, e in site.expected().items() if "people" in e and e["people"]}
    assert len(tests) == 3 * len(module_corner.ISSUES)
    assert {path: documents[path].title for path in tests} == {
        path: expect["title"] for path, expect in tests.items()
    }
    for path, expect in tests.items():
        signed = [b.name for b in documents[path].blocks if isinstance(b, Signature)]
        assert signed == expect["people"], path
        assert documents[path].kind is Kind.FEATURE, path


def test_a_chart_s_number_set_large_under_the_column_s_heading_is_its_title():
    """Each issue's chart prints the same <title> and heading, then its number set large:
    "Palmarès numéro 11" is the same line on every chart once digits are set aside, but it
    heads what the page keeps, so it is the page's headline, never chrome."""
    site, documents = parsed()
    charts = {p: e["title"] for p, e in site.expected().items() if p.endswith("palmares.html")}
    assert len(charts) == len(module_corner.ISSUES)
    assert {path: documents[path].title for path in charts} == charts


@pytest.mark.parametrize(
    ("html", "headline"),
    [
        (
            '<p><font size="6"><b>Festival Days</b></font></p><p>An opening line.</p>',
            "Festival Days",
        ),
        (
            '<p><font size="+3">Dossier : X </font>par <a href="mailto:a@b">Ann Lee</a></p>',
            "Dossier : X",
        ),
        ('<p><font size="5">D</font>euce Bigalow opened on a Friday.</p>', ""),  # a drop capital
        (
            '<li><a href="http://fest.example/"><font size="5">fest.example</font></a></li>',
            "",
        ),
        ("<p><big>Slightly larger</big></p>", ""),  # <big> is one step up: no headline
    ],
)
def test_a_large_headline_is_large_words_opening_a_line_never_a_link_or_a_drop_capital(
    html, headline
):
    units = walk(make_soup(f"<body>{html}</body>").body).units
    assert large_headline(units) == headline
