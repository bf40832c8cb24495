"""Section kinds are defined once (reviews/kinds.py): everything that varies by kind follows it.

These tests read the registry and check each place that used to spell the kinds out itself:
the admin's choices and page-type rules, the page tree, the search filter, the browse
routes, the JSON-LD and the importer's section names.
"""

import ast
from dataclasses import replace
from pathlib import Path

from django.apps import apps

import pytest

from legacy.parsing.document import Kind, LegacyDocument
from legacy.parsing.options import ParseOptions
from legacy.parsing.parser import parse_document
from legacy.parsing.sections import FOLDER_DEFAULTS, SectionMap, folder_default, parse_rule
from reviews import kinds
from reviews.models import SectionPage
from search.forms import SearchForm
from tests.conftest import make_film_review

ROOT = Path(__file__).resolve().parent.parent
VOCABULARY = {kind.value for kind in kinds.KINDS} | {
    kind.work.creators for kind in kinds.REVIEW_KINDS
}


def test_the_admin_offers_each_kind_once_with_its_label():
    assert SectionPage.Kind.choices == [(kind.value, kind.label) for kind in kinds.KINDS]
    assert SectionPage.Kind.FILM_REVIEWS == "film"  # the names editors' code already uses


@pytest.mark.parametrize("kind", kinds.KINDS, ids=lambda kind: kind.value)
def test_a_section_takes_the_page_type_of_its_kind_and_no_other(site_tree, kind):
    section = site_tree.section_for(kind.value)
    held = apps.get_model(kind.page_model)
    assert section.child_model is held
    assert held.can_create_at(section)
    for other in kinds.KINDS:
        if other.page_model != kind.page_model:
            assert not apps.get_model(other.page_model).can_create_at(section)


def test_the_page_tree_has_a_section_per_kind_titled_as_the_registry_says(site_tree):
    for kind in kinds.KINDS:
        section = site_tree.section_for(kind.value)
        assert (section.title, section.slug, section.kind) == (
            kind.section_title,
            kind.section_slug,
            kind.value,
        )


def test_the_search_filter_offers_every_kind_and_reads_it_back(site_tree):
    form = SearchForm({"kind": "book"}, sections=[])
    offered = [value for value, _label in form.fields["kind"].choices if value]
    assert offered == [kind.value for kind in kinds.KINDS]
    criteria = form.criteria(site_tree.home, page_number=1, per_page=10)
    assert criteria.kind is kinds.BY_VALUE["book"]


@pytest.mark.parametrize("kind", kinds.KINDS, ids=lambda kind: kind.value)
def test_the_importer_maps_to_every_kind_and_files_its_folders_there(kind):
    assert parse_rule(f"old/* = {kind.value}").target == kind.value
    for folder in kind.folders:
        assert folder_default(f"{folder}/page.htm") == kind.value
    assert set(FOLDER_DEFAULTS.values()) <= {k.value for k in kinds.KINDS}


def test_an_index_naming_no_work_lists_the_first_review_kind():
    assert SectionMap().listing_section(_listing("archive/reviews-a-z.htm")) == "film"
    assert SectionMap().listing_section(_listing("archive/books-a-z.htm")) == "book"


@pytest.mark.parametrize("kind", kinds.REVIEW_KINDS, ids=lambda kind: kind.value)
def test_review_sections_are_browsed_the_ways_their_kind_lists(client, site_tree, kind):
    section = site_tree.section_for(kind.value)
    html = client.get(section.url).content.decode()
    for label, url in section.browse_links():
        assert f'href="{url}"' in html, label
        assert client.get(url).status_code == 200, url
    assert len(section.browse_links()) == len(kind.work.browse)
    # Another kind's index of people is not this section's.
    for other in kinds.CREATOR_ROUTES:
        status = client.get(f"{section.url}{other}/").status_code
        assert status == (200 if other == kind.work.creators else 404)


def test_sections_that_review_nothing_have_no_browse_routes(client, site_tree):
    news = site_tree.section_for("news")
    assert news.browse_links() == []
    for route in ("a-z/", "years/", "countries/", *(f"{c}/" for c in kinds.CREATOR_ROUTES)):
        assert client.get(news.url + route).status_code == 404, route


def test_a_review_publishes_the_schema_types_of_its_kind(client, site_tree):
    film = site_tree.section_for("film")
    review = make_film_review(film)
    html = client.get(review.url).content.decode()
    kind = kinds.BY_VALUE["film"]
    assert f'"@type": "{kind.schema_type}"' in html
    assert f'"@type": "{kind.work.schema_type}"' in html


def _listing(path: str) -> LegacyDocument:
    return LegacyDocument(source_path=path, kind=Kind.LISTING, title="", encoding="utf-8")


def _string_constants(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_no_module_but_the_registry_spells_out_a_kind():
    """A kind's value or its creators' address written as a string anywhere else in the code
    is a second definition waiting to disagree with the first. The importer's parser reads
    its folder words from the registry too (``ParseOptions.folder_hints``); only the shapes
    of page it recognises (``legacy.parsing.document.Kind``, which the registry's
    ``legacy_shapes`` name) may share a kind's value."""
    shapes = {shape.value for shape in Kind}
    offenders = []
    for package in ("reviews", "search", "home", "legacy", "oldurls", "editorial", "ops"):
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts or path.name == "kinds.py":
                continue
            if "demo" in path.parts or path.name == "demo.py":
                continue  # demo content is data: its articles name their sections
            spelled = _string_constants(path) & VOCABULARY
            if path.relative_to(ROOT).parts == ("legacy", "parsing", "document.py"):
                spelled -= shapes  # the parser's names of page shapes: the registry maps them
            if spelled:
                offenders.append(f"{path.relative_to(ROOT)}: {sorted(spelled)}")
    assert offenders == []


def test_the_importers_folder_hints_are_the_registrys_folder_words():
    hints = ParseOptions().folder_hints
    for kind in kinds.KINDS:
        shape = Kind(kind.legacy_shapes[0])
        for word in kind.folder_words:
            assert (word, shape) in hints.words
            assert shape in hints.of_folder(f"old{word}s")
    assert hints.of_folder("reviews") == {Kind(kinds.REVIEW_KINDS[0].legacy_shapes[0])}


def test_a_new_kinds_folder_words_reach_the_parser(monkeypatch):
    """A "dvd" kind whose folder is "discs/": a page there without credits is a feature to
    check, as a page in films/ is (docs/developers.md, "Adding a section kind")."""
    film = kinds.BY_VALUE["film"]
    dvd = replace(
        film, value="dvd", label="DVD reviews", folders=("discs",), folder_words=("disc",)
    )
    monkeypatch.setattr(kinds, "KINDS", (*kinds.KINDS, dvd))
    body = "<p>" + "A game about islands and books, reviewed at length here. " * 8 + "</p>"
    page = f"<html><head><title>Myst</title></head><body><h1>Myst</h1>{body}</body></html>"
    document = parse_document(page.encode(), "discs/myst.htm", options=ParseOptions())
    assert document.kind is Kind.FEATURE
    assert any("check kind" in warning for warning in document.warnings)
    assert parse_document(page.encode(), "other/myst.htm").kind is Kind.PAGE
