"""Kinds per template and issue folder, and a plain page at the top of the tree only where
the old site's nav put it (issue 23, item 3), on a whole French disk magazine of six issue
folders (``tests.sites.issue_zine``): each issue's nav is an image map linking its
contents, editorial and "A propos"; each issue holds two signed articles, a signed
editorial, a page of classified ads, and one article quotes a film's credits."""

import functools

from legacy.parsing.clusters import folder_family, linked_pages
from legacy.parsing.document import Kind
from legacy.parsing.parser import parse_site
from tests.legacy.support import is_flagged, parsed_by_path
from tests.sites import issue_zine


@functools.cache
def parsed():
    site = issue_zine.build()
    return site, parsed_by_path(site)


def test_every_page_has_the_kind_a_reader_would_give_it():
    site, documents = parsed()
    expected = {path: e["kind"] for path, e in site.expected().items()}
    assert len(expected) >= 36
    assert {path: documents[path].kind.value for path in expected} == expected


def test_only_the_page_every_nav_links_stays_at_the_top():
    """ "A propos" is linked by each issue's image map: a plain page under Home. The ads
    pages, which read as plain pages but no nav links, are articles of their issue."""
    site, documents = parsed()
    top = {path for path, document in documents.items() if document.kind is Kind.PAGE}
    assert top == {path for path, e in site.expected().items() if e.get("top")}
    assert all(path.endswith("/apropos.html") for path in top) and len(top) == 6


def test_the_pages_filed_against_their_own_reading_are_flagged_with_the_reason():
    site, documents = parsed()
    for path, expect in site.expected().items():
        if "flagged" in expect:
            assert is_flagged(documents[path]) is expect["flagged"], path
    ads = documents["zine34/Zine34/html/z34-annonces.html"]
    # no nav links it and it reads as a plain page, as its template's other pages do: the
    # template's kind, said once in its warnings, not an outlier to check
    assert not ads.cluster_outlier
    assert any("not top-level pages" in w for w in ads.warnings)
    quoted = documents["zine33/Zine33/html/z33-article2.html"]
    assert "reads as a film review" in quoted.cluster_outlier
    assert quoted.credits is None  # its credits-like line stays in its body
    assert "Réalisation : Paul Verneuil" in quoted.content_text


def test_one_template_across_the_issue_folders_is_one_cluster():
    site, documents = parsed()
    articles = [p for p in site.pages if "-article" in p]
    assert len({documents[path].cluster for path in articles}) == 1


def test_issue_folders_of_one_shape_are_one_family_and_links_resolve_as_written():
    assert folder_family("obligement45/Obligement45/html") == "obligement#/html"
    assert folder_family("Aakt0199HTML/AMIGAaktuell/Ausgabe0199") == "ausgabe#"
    assert folder_family("Aakt0399HTML/AMIGAaktuell/deutsch/Ausgabe0399") == "ausgabe#"
    assert folder_family("reviews/books") == "reviews/books"
    assert folder_family("") == ""
    found = linked_pages(
        ["edito.html", "../index.html#top", "http://x.example/a.html", "mailto:a@b", "#top"],
        "zine31/Zine31/html/z31-article1.html",
    )
    assert found == {"zine31/zine31/html/edito.html", "zine31/zine31/index.html"}


def test_a_profile_rule_for_one_issue_folder_leaves_the_other_issues_to_their_template():
    from legacy.parsing.options import ParseOptions
    from legacy.parsing.profile import SiteProfile

    site = issue_zine.build()
    profile = SiteProfile.from_toml('[[cluster]]\nfolder = "zine32"\nkind = "news"\n')
    pages = site.encoded()
    documents = {
        d.source_path: d for d in parse_site(pages, options=ParseOptions(profile=profile))
    }
    articles = [p for p in site.pages if "-article1" in p]
    kinds = {path.split("/")[0]: documents[path].kind for path in articles}
    assert kinds.pop("zine32") is Kind.NEWS
    assert set(kinds.values()) == {Kind.FEATURE}
