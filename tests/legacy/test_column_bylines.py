"""Bylines and headings a converted disk magazine reprints every month
(``tests.sites.column_monthly``, 48 pages in four issue folders): a column's heading with
its editor after a dash and the editor's address in brackets, the same line in every
issue; a letter's heading with its writer in brackets under the forum's reprinted block;
a letter closing with its writer's name; pages reprinted every month under their own
heading. A byline, and a closing name, is a slot of the template, never its chrome; a
page's own heading stays its title however often the site prints it."""

import functools

from legacy.parsing.document import Signature
from legacy.parsing.parser import parse_site
from tests.sites import column_monthly


@functools.cache
def parsed():
    site = column_monthly.build()
    pages = site.encoded()
    return site, {document.source_path: document for document in parse_site(pages)}


def signatures(document) -> list[str]:
    return [block.name for block in document.blocks if isinstance(block, Signature)]


def test_the_corpus_is_a_whole_site():
    site, documents = parsed()
    assert len(site.pages) >= 48 and len(documents) == len(site.pages)


def test_the_column_editor_on_its_heading_signs_the_page_every_issue_prints_it_on():
    """ "Bitpost-Spielecke - von Konrad Wiesel (address)": the same line on four pages,
    and the contents page's <title> says it too; the editor signs, the heading is the
    title, the address stays with the signature."""
    site, documents = parsed()
    editor = [column_monthly.EDITOR]
    editor_pages = [p for p, e in site.expected().items() if e["people"] == editor]
    assert len(editor_pages) == 4
    for path in editor_pages:
        document = documents[path]
        assert signatures(document) == [column_monthly.EDITOR], path
        assert document.title == "Bitpost-Spielecke", path
        notes = [b.note for b in document.blocks if isinstance(b, Signature)]
        assert notes == [column_monthly.EDITOR_MAIL], path
        chrome = [r.text for r in document.removed if r.reason.startswith("site chrome")]
        assert not any("Wiesel" in text for text in chrome), path


def test_every_article_is_signed_by_the_writer_its_heading_names():
    """Under the forum's reprinted heading, introduction and postal address (seven units
    the site prints on every forum page) the letter's heading ends "(von X)"."""
    site, documents = parsed()
    articles = {p: e for p, e in site.expected().items() if e.get("kind") == "article"}
    assert len(articles) == 20
    assert {p: signatures(documents[p]) for p in articles} == {
        p: e["people"] for p, e in articles.items()
    }


def test_pages_listing_signed_articles_are_signed_by_nobody():
    site, documents = parsed()
    listings = [p for p, e in site.expected().items() if e.get("kind") == "listing"]
    assert len(listings) == 16
    assert {p: signatures(documents[p]) for p in listings} == dict.fromkeys(listings, [])


def test_every_page_keeps_its_own_heading_as_its_title():
    """Pages reprinted every month under their own heading ("2. Aufruf" over the same
    salutation and call; "2. Die neuen Preise" over a standing line), and the column's
    heading over the item's ("Das Bitpost-Preisrätsel" over "1. Auflösung ..."): the
    heading is the title, never the <title> the section gives all its pages."""
    site, documents = parsed()
    titled = {p: e["title"] for p, e in site.expected().items() if e.get("title")}
    assert len(titled) == 32
    assert {p: documents[p].title for p in titled} == titled


def test_a_name_closing_a_letter_is_never_removed_as_chrome():
    """The helper who answers every month closes each answer with his name (and address):
    the line recurs on four pages, and is still the letter's, not the template's."""
    site, documents = parsed()
    closing = {p: e["closing"] for p, e in site.expected().items() if e.get("closing")}
    assert len(closing) == 8
    for path, name in closing.items():
        document = documents[path]
        chrome = [r.text for r in document.removed if r.reason.startswith(("site chrome", "page"))]
        assert not any(name in text for text in chrome), (path, chrome)
