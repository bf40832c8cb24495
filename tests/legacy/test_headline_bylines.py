"""A byline at the end of the headline's line, "Point de vue : où va la scène ? par X", read
on a whole hand-made e-zine (``tests.sites.ezine_issues``, 27 pages) whose titles make
it hard: a title ending in "!" or "?", a title holding the label itself ("la Loire par
monts et par vaux"), a long title with two writers. Every article is signed by its
writers, and no title loses a word to the byline."""

import functools

from legacy.parsing.document import Kind, Signature
from legacy.parsing.parser import parse_site
from tests.sites import ezine_issues


@functools.cache
def parsed():
    site = ezine_issues.build()
    pages = site.encoded()
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


def test_a_piece_its_headline_signs_with_two_writers_reads_as_an_article():
    """Two writers on the headline's line ("par X et Y") sign the page as the byline of
    one does: an editorial of 120 words is an article, never a plain page to check."""
    site = ezine_issues.build()
    pages = site.render()
    two = 'Odile&nbsp;Ferrand</a> et <a href="mailto:lucie@ezine.example">Lucie&nbsp;Aubrac</a>'
    for number in (37, 38, 39):
        path = f"numero{number}/edito.html"
        pages[path] = pages[path].replace("Odile&nbsp;Ferrand</a>", two)
    encoded = [(html.encode(site.charset, "xmlcharrefreplace"), p) for p, html in pages.items()]
    documents = {d.source_path: d for d in parse_site(encoded)}
    for number in (37, 38, 39):
        document = documents[f"numero{number}/edito.html"]
        assert signatures(document) == ["Odile Ferrand", "Lucie Aubrac"]
        assert document.kind is Kind.FEATURE
        assert not [w for w in document.warnings if w.startswith("check kind")], document.warnings


def test_names_linked_to_files_the_site_offers_sign_nothing():
    """A table of tunes under "Commentaire" on every issue, each name linked to its
    module file (``../music/x.mod``): the links lead to no page about a person, so the
    names are neither a contributor slot nor the page's writers."""
    site, documents = parsed()
    music = [path for path, e in site.expected().items() if e.get("music")]
    assert len(music) == 3
    assert {path: signatures(documents[path]) for path in music} == dict.fromkeys(music, [])
