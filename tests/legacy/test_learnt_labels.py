"""A byline label no lexicon knows ("Tested by", "Getestet von"), printed before varying
names on many pages of a whole site (``tests.sites.lab_reports``), is learnt from the site
as a slot: its names sign the pages, and the line is never removed as chrome, though one
tester's line recurs word for word on three pages."""

import pytest

from legacy.parsing.document import Signature
from legacy.parsing.parser import parse_site
from tests.sites import lab_reports


def parsed(label: str):
    site = lab_reports.build(label)
    pages = site.encoded()
    models: dict[str, dict] = {}
    documents = {document.source_path: document for document in parse_site(pages, models=models)}
    return site, documents, models[""]


@pytest.mark.parametrize("label", ["Tested by", "Getestet von", "Essai réalisé par"])
def test_a_label_the_site_made_up_signs_its_pages_and_is_never_chrome(label):
    site, documents, model = parsed(label)
    expected = {path: e["people"] for path, e in site.expected().items() if "people" in e}
    assert len(site.pages) >= 25 and sum(1 for people in expected.values() if people) == 12
    signed = {
        path: [block.name for block in documents[path].blocks if isinstance(block, Signature)]
        for path in expected
    }
    assert signed == expected
    for path, people in expected.items():
        chrome = [
            entry.text
            for entry in documents[path].removed
            if people[0:1] and people[0] in entry.text and "chrome" in entry.reason
        ]
        assert chrome == [], path
    slots = {slot["label"]: slot for slot in model["slots"]}
    assert slots[label]["field"] == "byline"
    assert slots[label]["type"] == "person"


def test_a_line_of_the_same_shape_on_one_page_only_is_the_page_s_text():
    """Words before a name on a single page are no label: the page keeps the line."""
    site = lab_reports.build("Tested by")
    pages = site.render()
    pages["issue1/letters.htm"] = pages["issue1/letters.htm"].replace(
        "</h2>", "</h2>\n<p>Thanks to Greta Lindqvist</p>", 1
    )
    assert "Greta Lindqvist" in pages["issue1/letters.htm"]
    encoded = [(html.encode(site.charset), path) for path, html in pages.items()]
    documents = {d.source_path: d for d in parse_site(encoded)}
    letters = documents["issue1/letters.htm"]
    assert not [b for b in letters.blocks if isinstance(b, Signature)]
    assert any("Greta Lindqvist" in getattr(b, "html", "") for b in letters.blocks)


def test_plain_words_before_a_new_name_on_every_page_are_no_label():
    """ "Test de <game>" on many pages: the names never recur, so nothing says the words
    are a label; no slot, and no game signs a page."""
    site = lab_reports.build("Tested by")
    pages = site.render()
    for number, path in enumerate(sorted(p for p in pages if "/test" in p)):
        pages[path] = pages[path].replace(
            "</h2>", f"</h2>\n<p>Test de Turbo Rally {chr(65 + number)}x</p>", 1
        )
    encoded = [(html.encode(site.charset), path) for path, html in pages.items()]
    models: dict[str, dict] = {}
    list(parse_site(encoded, models=models))
    labels = {slot["label"] for slot in models[""]["slots"]}
    assert "Test de" not in labels and "Tested by" in labels
