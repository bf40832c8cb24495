"""A byline at the end of the headline's line, "Point de vue : où va la scène ? par X", read
on a whole hand-made e-zine (``tests.sites.ezine_issues``, 27 pages) whose titles make
it hard: a title ending in "!" or "?", a title holding the label itself ("la Loire par
monts et par vaux"), a long title with two writers. Every article is signed by its
writers, and no title loses a word to the byline."""

import functools

from legacy.parsing.document import Signature
from legacy.parsing.parser import parse_site
from tests.sites import ezine_issues


@functools.cache
def parsed():
    site = ezine_issues.build()
    pages = [
        (html.encode(site.charset, "xmlcharrefreplace"), p) for p, html in site.render().items()
    ]
    return site, {document.source_path: document for document in parse_site(pages)}


def signatures(document) -> list[str]:
    return [block.name for block in document.blocks if isinstance(block, Signature)]


def test_every_article_is_signed_by_the_writers_its_headline_names():
    site, documents = parsed()
    signed = {path: e["people"] for path, e in site.expected().items() if e.get("people")}
    assert len(site.pages) >= 25 and len(signed) == 21
    assert {path: signatures(documents[path]) for path in signed} == signed
    unsigned = [path for path, e in site.expected().items() if e.get("people") == []]
    assert all(signatures(documents[path]) == [] for path in unsigned)


def test_a_title_keeps_its_own_words_when_the_byline_label_is_one_of_them():
    site, documents = parsed()
    titled = {path: e["headline"] for path, e in site.expected().items() if "headline" in e}
    assert {path: documents[path].title for path in titled} == titled
