"""The whole-site fixture generator (``tests/sites``): each corpus is a whole site of 25
pages or more, in its editor's markup, the same on every build (a seeded writer), with
every page's text its own (the site pass must not take two reviews' paragraphs for chrome)
and every link between its pages leading to a page of the site (or out of the mirror, when
the site is one folder of a larger one)."""

import posixpath
import re

import pytest

from tests.sites import Article, Picture, Site
from tests.sites.corpora import CORPORA

HREF = re.compile(r'href="([^"#:]+)"', re.I)


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_a_corpus_is_a_whole_site_built_the_same_every_time(name):
    site = CORPORA[name]()
    pages = site.render()
    assert len(pages) >= 25
    assert pages == CORPORA[name]().render()
    for path, html in pages.items():
        for href in HREF.findall(html):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), href))
            if target.startswith("../"):
                continue  # a mirror of one folder of a larger site: its contents page above
            if target.endswith((".htm", ".html")):
                assert target in pages, f"{path} links to {href}, which is not in the site"


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_no_two_articles_share_a_paragraph(name):
    seen: dict[str, str] = {}
    for path, spec in CORPORA[name]().pages.items():
        for paragraph in getattr(spec, "paragraphs", []):
            assert seen.setdefault(paragraph, path) == path, f"{path} repeats {seen[paragraph]}"


def test_a_site_is_written_in_its_charset_with_its_slots_and_alt_texts(tmp_path):
    site = Site(
        "Reel Rewind",
        template="frontpage3",
        nav=[("Home", "index.htm")],
        copyright="Copyright © 1999",
        title_pattern="{title} - {site} {section}",
    )
    site.add(
        Article(
            "1999/films/a.htm",
            "Tin Crown",
            ["A paragraph."],
            byline="Review by",
            author="Lydia Farrant",
            author_href="1999/staff/lydia.htm",
            posted="Posted 8 October 1999",
            credit_cells=[("Starring", ["Eve", "Marston,", "Otis Kimble"])],
            pictures=[Picture("images/store.gif", "{title} - Store", "store.htm")],
        )
    )
    folder = site.write(tmp_path / "mirror")
    html = (folder / "1999/films/a.htm").read_bytes().decode("windows-1252")
    assert "<title>Tin Crown - Reel Rewind Review</title>" in html
    assert (
        'Review by <a href="../staff/lydia.htm">Lydia Farrant</a><br>\nPosted 8 October 1999'
        in html
    )
    assert 'alt="Tin Crown - Store"' in html and 'href="../../store.htm"' in html
    assert '<td valign="top"><font size="2">Eve<br>Marston,<br>Otis Kimble</font></td>' in html
    assert 'href="../../index.htm"' in html  # the nav, relative to the page's folder
