"""A byline in brackets at the end of the article's heading, "(von X)", "(par X)", "(by X)",
under a bar and a section heading the converter printed on every page
(``tests.sites.disk_monthly``, 52 pages): the writer signs the page, the heading keeps
its words but the byline, and the contents pages that list the articles with their
bylines are signed by nobody."""

import functools

import pytest

from legacy.parsing.document import Heading, Signature
from legacy.parsing.parser import parse_site
from tests.sites import disk_monthly


@functools.cache
def parsed(language: str):
    site = disk_monthly.build(language)
    pages = site.encoded()
    return site, {document.source_path: document for document in parse_site(pages)}


def signatures(document) -> list[str]:
    return [block.name for block in document.blocks if isinstance(block, Signature)]


@pytest.mark.parametrize("language", ["de", "fr", "en"])
def test_the_writer_in_brackets_after_the_heading_signs_the_article(language):
    site, documents = parsed(language)
    articles = {path: e for path, e in site.expected().items() if e.get("kind") == "article"}
    assert len(site.pages) >= 25 and len(articles) == 28
    signed = {path: signatures(documents[path]) for path in articles}
    assert signed == {path: e["people"] for path, e in articles.items()}
    for path, expect in articles.items():
        headings = [b.text for b in documents[path].blocks if isinstance(b, Heading)]
        assert expect["headline"] in headings, f"{path}: the heading lost its words"
        assert not any("(" in text for text in headings), f"{path}: the byline stayed"


@pytest.mark.parametrize("language", ["de", "fr", "en"])
def test_pages_listing_articles_with_their_bylines_are_signed_by_nobody(language):
    site, documents = parsed(language)
    unsigned = [path for path, e in site.expected().items() if e.get("people") == []]
    assert len(unsigned) == 20
    assert {path: signatures(documents[path]) for path in unsigned} == dict.fromkeys(unsigned, [])


def test_a_bracketed_name_without_a_label_or_in_running_text_signs_nothing():
    """ "Taktgeber (Jana Kroll)" has no label; "(von Jana Kroll)" inside a sentence of
    the body is the sentence's."""
    site = disk_monthly.build("de")
    pages = site.render()
    path = "Ausgabe0198/Tests1.html"
    pages[path] = pages[path].replace("(von Jana Kroll)</H3>", "(Jana Kroll)</H3>")
    pages[path] = pages[path].replace(
        "</H3>\n<P>\n", "</H3>\n<P>\nDas Programm (von Jana Kroll) ist neu. ", 1
    )
    encoded = [(html.encode(site.charset, "xmlcharrefreplace"), p) for p, html in pages.items()]
    documents = {d.source_path: d for d in parse_site(encoded)}
    assert signatures(documents[path]) == []
    assert "(von Jana Kroll)" in documents[path].content_text
