"""A template's own <title> and a heading's label are not the page's name or a person's:
on a whole site whose sections print one <title> over every page (``tests.sites.
disk_digest``), each page is named by its heading, and "Preview: Copper Moon" signs no
page, though "Copper Moon" is shaped like a person's name."""

import functools

from legacy.parsing.document import Signature
from legacy.parsing.parser import parse_site
from tests.sites import disk_digest, fanzine


@functools.cache
def parsed():
    site = disk_digest.build()
    pages = site.encoded()
    models: dict[str, dict] = {}
    documents = {document.source_path: document for document in parse_site(pages, models=models)}
    return site, documents, models[""]


def test_pages_under_one_section_title_are_named_by_their_own_headings():
    site, documents, _ = parsed()
    expected = {path: e["title"] for path, e in site.expected().items() if "title" in e}
    assert len(expected) >= 25
    wrong = {path: documents[path].title for path, title in expected.items()}
    wrong = {path: got for path, got in wrong.items() if got != expected[path]}
    assert wrong == {}


def test_a_label_on_the_headline_names_no_person_and_the_tester_still_signs():
    site, documents, _ = parsed()
    for path, expect in site.expected().items():
        if "people" not in expect:
            continue
        document = documents[path]
        names = [b.name for b in document.blocks if isinstance(b, Signature)]
        assert names == expect["people"], path
        credited = document.credits.people if document.credits else []
        assert credited == [], f"{path} credits {credited}"


def test_a_section_title_still_names_a_page_that_prints_no_heading():
    site = disk_digest.build()
    pages = site.render()
    headline = '<h2 align="center"><font face="Georgia">Preview: Copper Moon</font></h2>'
    bare = pages["issue1/games1.htm"].replace(headline, "")
    assert bare != pages["issue1/games1.htm"]
    pages["issue1/games1.htm"] = bare
    encoded = [(html.encode(site.charset), path) for path, html in pages.items()]
    documents = {d.source_path: d for d in parse_site(encoded)}
    assert documents["issue1/games1.htm"].title == "Games Section"


def test_the_site_model_types_a_headlines_label_as_the_pages_name_not_a_person():
    _, _, model = parsed()
    slots = {slot["label"]: slot for slot in model["slots"]}
    assert slots["Preview"]["type"] == "title"
    assert slots["Preview"]["field"] == "content"
    assert slots["Reviewed by"]["field"] == "byline"


def test_a_byline_printed_on_the_headlines_line_signs_the_page_and_the_kicker_goes():
    """A hand-made French fanzine: "Test de Glace Noire par Hélène Marchal" on one line."""
    site = fanzine.build()
    pages = site.encoded()
    documents = {document.source_path: document for document in parse_site(pages)}
    articles = {path: e for path, e in site.expected().items() if "people" in e}
    assert len(site.pages) >= 25 and len(articles) == 20
    signed = {
        path: [b.name for b in documents[path].blocks if isinstance(b, Signature)]
        for path in articles
    }
    assert signed == {path: e["people"] for path, e in articles.items()}
    for path, expect in articles.items():
        document = documents[path]
        assert document.title == expect["title"]
        assert document.credits is None, f"{path}: the kicker read as credits"
        first = next(b for b in document.blocks if not isinstance(b, Signature))
        assert expect["headline"] not in getattr(first, "html", ""), f"{path} keeps its headline"
