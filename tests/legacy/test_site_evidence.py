"""What a whole site says about its pages (``legacy.parsing.evidence``), on whole fixture
sites whose answers are known (``tests.sites``); no Django."""

import datetime
import functools
import random

import pytest

from legacy.parsing.document import Kind, Signature
from legacy.parsing.options import ParseOptions
from legacy.parsing.parser import parse_site
from legacy.parsing.profile import SiteProfile
from tests.sites import Article, Entry, Index, Site, issue_folders, night_owl
from tests.sites.corpora import (
    CORPORA,
    family_film_log,
    one_template_folder,
    spanish_games,
    year_folder_magazine,
)
from tests.sites.texts import Writer


def parse(site: Site, order=None):
    pages = list(site.render().items())
    if order is not None:
        order.shuffle(pages)
    encoded = [(html.encode(site.charset, "xmlcharrefreplace"), path) for path, html in pages]
    return {document.source_path: document for document in parse_site(encoded)}


@functools.cache
def parsed_corpus(build):
    """A corpus's pages parsed once per test session (read, never changed, by the tests)."""
    return parse(build())


@pytest.mark.parametrize("build", [year_folder_magazine, spanish_games, family_film_log])
def test_pages_that_print_no_date_are_dated_from_the_site_never_today(build):
    site = build()
    documents = parsed_corpus(build)
    for path, expect in site.expected().items():
        document = documents[path]
        assert document.published != datetime.date.today(), path
        if "date_source" not in expect:
            continue
        assert document.date_source == expect["date_source"], path
        assert document.date_approximate is (expect["date_source"] != "printed"), path
        if "date" in expect:
            assert str(document.published) == expect["date"], path
        else:  # the copyright years 2001-2003: their first
            assert document.published == datetime.date(2001, 1, 1), path


def test_the_warning_names_the_evidence():
    documents = parsed_corpus(year_folder_magazine)
    indexed = documents["1999/films/thesaltorchard.htm"]
    assert "Dated 1999-01-03 (approximate) from the index 1999/reviews.htm (3 January 1999)" in (
        indexed.warnings
    )
    folder = documents["1999/aboutus.htm"]
    assert any("from its folder 1999/" in warning for warning in folder.warnings)


def _reviews_folder(with_copyright: str = "") -> Site:
    """Three reviews that print their date and one that does not, in one folder."""
    writer = Writer(7)
    site = Site("Night Shift", template="handmade", copyright=with_copyright)
    for number, day in enumerate([4, 19, 27, None]):
        title = f"Night Film {number}"
        site.add(
            Article(
                f"reviews/night{number}.htm",
                title,
                writer.review(title),
                credits=["Directed by Hollis Grange"],
                signature=f"Gordon Ashby, {day} March 2004" if day else "Gordon Ashby",
            )
        )
    return site


def test_dated_neighbours_of_one_kind_in_one_folder_date_the_page_between_them():
    undated = parse(_reviews_folder())["reviews/night3.htm"]
    assert undated.kind is Kind.FILM_REVIEW
    assert undated.published == datetime.date(2004, 3, 19)
    assert undated.date_source == "neighbours" and undated.date_approximate


def test_a_page_with_no_evidence_keeps_no_date():
    site = Site("Night Shift", template="handmade")
    site.add(Article("about.htm", "About", Writer(3).review("us", paragraphs=2)))
    site.add(Article("links.htm", "Friends", Writer(4).review("them", paragraphs=2)))
    documents = parse(site)
    assert documents["about.htm"].published is None
    assert documents["about.htm"].date_source == ""
    assert any("shown undated, listed last" in w for w in documents["about.htm"].warnings)


def test_an_index_entry_beats_the_folder_and_the_copyright_line():
    site = Site(
        "Night Shift", template="frontpage3", copyright="Copyright © 1997-2001 Night Shift"
    )
    site.add(Article("2000/late.htm", "Late", Writer(5).review("Late", paragraphs=2)))
    site.add(Article("2000/early.htm", "Early", Writer(6).review("Early", paragraphs=2)))
    site.add(
        Index(
            "2000/index2.htm",
            "Reviews",
            [
                Entry("2000/late.htm", "Late", "A film about lateness.", "9 August 2000"),
                Entry("2000/gone.htm", "Gone", "A page that is gone.", "1 May 2000"),
                Entry("2000/early.htm", "Early", "", ""),
                Entry("2000/x.htm", "X", "A short line.", ""),
            ],
        )
    )
    documents = parse(site)
    assert documents["2000/index2.htm"].kind is Kind.LISTING
    assert documents["2000/late.htm"].published == datetime.date(2000, 8, 9)
    assert documents["2000/early.htm"].date_source == "folder"
    assert documents["2000/early.htm"].published == datetime.date(2000, 1, 1)


def test_copyright_years_date_a_page_when_nothing_else_does():
    documents = parse(_reviews_folder("Copyright © 1997-2001 Night Shift"))
    about = documents["reviews/night3.htm"]
    assert about.date_source == "neighbours"  # neighbours come before the copyright
    site = Site("Night Shift", template="handmade", copyright="© 1997-2001 Night Shift")
    site.add(Article("about.htm", "About", Writer(3).review("us", paragraphs=2)))
    site.add(Article("links.htm", "Friends", Writer(4).review("them", paragraphs=2)))
    site.add(Article("more.htm", "More", Writer(8).review("more", paragraphs=2)))
    about = parse(site)["about.htm"]
    assert about.published == datetime.date(1997, 1, 1) and about.date_source == "copyright"


def test_the_dates_do_not_depend_on_the_order_of_the_pages():
    site = year_folder_magazine()
    documents = parsed_corpus(year_folder_magazine)
    expected = {path: (d.published, d.date_source, d.kind) for path, d in documents.items()}
    shuffled = parse(site, order=random.Random(11))
    got = {path: (d.published, d.date_source, d.kind) for path, d in shuffled.items()}
    assert got == expected


# -- kinds per template cluster ---------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_a_templates_pages_share_its_kind_and_every_outlier_is_flagged(name):
    """Misfiled pages: 0 on every corpus; each page that reads otherwise than its
    template says so ("check kind", with the reason); a page read as its template's
    other pages are is no outlier, whatever kind the template is filed as."""
    site = CORPORA[name]()
    documents = parsed_corpus(CORPORA[name])
    judged = {
        p: e for p, e in site.expected().items() if e.get("kind") not in (None, "home", "log")
    }
    misfiled = [p for p, e in judged.items() if documents[p].kind.value != e["kind"]]
    assert misfiled == []
    for path, expect in judged.items():
        flagged = documents[path].cluster_outlier
        assert bool(flagged) is bool(expect.get("flagged")), path
        if flagged:
            assert any(w.startswith(f"check kind: {flagged}") for w in documents[path].warnings)


def test_a_review_without_its_credits_line_is_a_review_like_its_template_with_its_reviewer():
    documents = parsed_corpus(one_template_folder)
    lowtide = documents["html/lowtide.html"]
    assert lowtide.kind is Kind.FILM_REVIEW and lowtide.credits is None
    # signed "Reviewed by" as its template's reviews are: one of them, noted, not flagged
    assert not lowtide.cluster_outlier
    assert any(
        w.startswith("kind from its template: 26 of the 28 pages of its template in html/ are")
        for w in lowtide.warnings
    )
    assert [b.name for b in lowtide.blocks if isinstance(b, Signature)] == ["Gordon Ashby"]
    members = documents["html/members.html"]  # too short to be a review: kept, flagged
    assert members.kind is Kind.PAGE and members.cluster_outlier


def test_plain_pages_of_one_template_below_the_top_are_features_not_top_level_pages():
    documents = parsed_corpus(spanish_games)
    games = [d for path, d in documents.items() if path.startswith("juegos/")]
    assert len(games) == 22 and {d.kind for d in games} == {Kind.FEATURE}
    assert (
        documents["quienes.htm"].kind is Kind.PAGE and not documents["quienes.htm"].cluster_outlier
    )


def test_the_profile_decides_a_folders_kind_outright():
    profile = SiteProfile.from_toml('[[cluster]]\nfolder = "holidays"\nkind = "page"\n')
    site = family_film_log()
    pages = site.encoded()
    documents = parse_site(pages, options=ParseOptions(profile=profile))
    holidays = [d for d in documents if d.source_path.startswith("holidays/") and d.entries == []]
    assert {d.kind for d in holidays} == {Kind.PAGE}
    assert not any(d.cluster_outlier for d in holidays)


# -- index blurbs and intros -----------------------------------------------------------------


@pytest.mark.parametrize("build", [year_folder_magazine, spanish_games])
def test_the_blurb_an_index_prints_beside_a_link_is_that_pages_summary(build):
    site = build()
    documents = parsed_corpus(build)
    summarised = {p: e["summary"] for p, e in site.expected().items() if "summary" in e}
    assert len(summarised) >= 20
    assert {path: documents[path].summary for path in summarised} == summarised
    unlisted = [p for p, e in site.expected().items() if e.get("kind") == "film_review"]
    assert all(documents[p].summary == "" for p in unlisted if p not in summarised)


def test_an_indexs_introduction_is_read_apart_from_its_entries():
    reviews = parsed_corpus(year_folder_magazine)["1999/reviews.htm"]
    assert reviews.intro == "Every film we saw this year, newest last, with a line on each."
    assert len(reviews.entries) == 20
    table = parsed_corpus(spanish_games)["comentarios.htm"]  # date | link | blurb cells
    assert table.intro == "Todos los juegos que hemos probado este año."
    assert table.entries[0].printed_date == "02/01/98" and table.entries[0].blurb


# -- articles printed over several pages -----------------------------------------------------


def test_a_three_part_article_linked_by_next_is_one_page_in_order():
    from legacy.parsing.accounting import document_account
    from legacy.parsing.text import blocks_text

    site = year_folder_magazine()
    documents = parsed_corpus(year_folder_magazine)
    first = documents["1999/features/company.htm"]
    assert first.parts == ["1999/features/company2.htm", "1999/features/company3.htm"]
    texts = [p for path in ["1999/features/company.htm", *first.parts]
             for p in site.pages[path].paragraphs]  # fmt: skip
    body = blocks_text(first.blocks)
    position = 0
    for text in texts:  # every part's paragraphs, in reading order
        position = body.index(text, position) + len(text)
    assert "Next page" not in body and "Previous page" not in body
    assert document_account(first).lost == 0
    for number, path in enumerate(first.parts, start=2):
        assert documents[path].continues == "1999/features/company.htm"
        assert f"part {number} of 3" in documents[path].warnings[-1]


def test_reviews_linked_previous_and_next_stay_apart():
    writer = Writer(9)
    site = Site("Night Shift", template="handmade")
    names = ["alpha.htm", "bravo.htm", "charlie.htm"]
    for number, name in enumerate(names):
        site.add(
            Article(
                f"reviews/{name}",
                f"Film {name[:-4].title()}",
                writer.review(name),
                credits=["Directed by Hollis Grange"],
                previous_link=("Previous", f"reviews/{names[number - 1]}") if number else None,
                next_link=("Next", f"reviews/{names[number + 1]}") if number < 2 else None,
            )
        )
    documents = parse(site)
    assert all(d.turns for d in documents.values())  # the links are read as turns ...
    assert not any(d.parts or d.continues for d in documents.values())  # ... but not parts


def test_dates_in_file_names_of_eight_digits_or_joined_groups_in_any_one_order():
    """``news-19990312``, ``1999-10-02``, ``gig-24041999``, and a folder mixing six and eight
    digits date their pages; eight-digit catalogue numbers and record sets whose digits read
    day-first and month-first alike do not (the copyright year does)."""
    site = night_owl.build()
    assert len(site.pages) >= 25
    documents = parse(site)
    expected = {path: expect for path, expect in site.expected().items() if expect}
    assert len(expected) == 25
    got = {
        path: (str(documents[path].published), documents[path].date_source) for path in expected
    }
    want = {path: (expect["date"], expect["date_source"]) for path, expect in expected.items()}
    assert {path: dated for path, dated in got.items() if dated != want[path]} == {}
    assert all(documents[path].date_approximate for path in expected)


def test_dates_from_month_folders_and_dated_file_names_before_the_copyright_year():
    """Folders named by month and two-digit year, and a folder of ``name-YYMMDD`` files,
    date the pages in them; digits that only one folder's name holds, part numbers and
    six digits that read as a date in two orders do not (the copyright year does)."""
    site = issue_folders.build()
    documents = parse(site)
    dated = {path: expect for path, expect in site.expected().items() if expect}
    assert len(dated) == 31
    for path, expect in dated.items():
        document = documents[path]
        assert (str(document.published), document.date_source) == (
            expect["date"],
            expect["date_source"],
        ), path
        assert document.date_approximate, path
