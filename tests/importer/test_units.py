"""The pure helpers of the writing side: paths, section rules, rich text."""

import pytest

from legacy.parsing import sections as section_rules
from legacy.parsing.document import Credits, Kind, LegacyDocument
from legacy.parsing.paths import LinkKind, resolve_href
from legacy.parsing.richtext import ResolvedLink, to_rich_text
from legacy.parsing.sections import MappingError, SectionMap, load_mapping_file, parse_rule
from oldurls.paths import file_key, page_key, redirect_lookup_paths

BASE = "http://www.talkingpictures.example/"


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("../bookreviews.htm", (LinkKind.PAGE, "bookreviews.htm")),
        ("Other.HTM#top", (LinkKind.PAGE, "reviews/other.htm")),
        ("/News/", (LinkKind.PAGE, "news/index.htm")),
        ("../features/index.html", (LinkKind.PAGE, "features/index.htm")),
        ("http://talkingpictures.example/Reviews/X.htm", (LinkKind.PAGE, "reviews/x.htm")),
        ("https://www.talkingpictures.example/", (LinkKind.PAGE, "index.htm")),
        ("http://elsewhere.example/x.htm", (LinkKind.EXTERNAL, "http://elsewhere.example/x.htm")),
        ("mailto:editor@example.com", (LinkKind.EXTERNAL, "mailto:editor@example.com")),
        ("#top", (LinkKind.ANCHOR, "#top")),
        ("JavaScript:alert(1)", (LinkKind.UNSAFE, "JavaScript:alert(1)")),
        ("../files/guide.pdf", (LinkKind.FILE, "files/guide.pdf")),
    ],
)
def test_resolve_href(href, expected):
    target = resolve_href(href, "reviews/neverletmego.htm", BASE)
    assert (target.kind, target.value) == expected


def test_page_keys_ignore_case_and_index_spelling():
    assert page_key("Reviews/NeverLetMeGo.htm") == "reviews/neverletmego.htm"
    assert page_key("news/INDEX.html") == "news/index.htm"


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (["a", "%2E%2E%2Freviews%2Fx.htm"], "a/..%2freviews%2fx.htm"),
        (["reviews", "%2F..%2Fetc.htm"], "reviews/%2f..%2fetc.htm"),
        (["a", "%2e%2e", "x.htm"], "a/%2e%2e/x.htm"),  # never a climb out of a
        (["a", "..\\reviews\\x.htm"], "a/..%5creviews%5cx.htm"),  # not a separator on disk
        (["a", "x%00.htm"], "a/x%00.htm"),
        (["%FF%FE.htm"], "%ff%fe.htm"),  # not UTF-8: kept as written, not merged into one
        (["Old%20Reviews", "My%20Film.HTM"], "old reviews/my film.htm"),
    ],
)
def test_a_file_name_is_decoded_but_never_into_a_path(parts, expected):
    assert file_key(parts) == expected


def test_links_are_keyed_as_the_files_they_name():
    assert page_key("/a/%2E%2E%2Freviews%2Fx.htm") == file_key(["a", "%2E%2E%2Freviews%2Fx.htm"])
    assert page_key("reviews\\X.htm") == "reviews/x.htm"  # a Windows-made link
    assert page_key("/a/../reviews/x.htm") == "reviews/x.htm"  # a real climb in a link


def test_redirect_lookup_paths():
    assert redirect_lookup_paths("/Reviews/X.HTM")[0] == "/reviews/x.htm"
    assert "/news/index.htm" in redirect_lookup_paths("/News/")
    assert "/news/index.htm" in redirect_lookup_paths("/news/index.html")
    assert redirect_lookup_paths("/film-reviews/x/") == [
        "/film-reviews/x/index.htm",
        "/film-reviews/x/index.html",
        "/film-reviews/x/",
    ]
    assert redirect_lookup_paths("/static/app.css") == []


def document(path, kind=Kind.PAGE, credits=None, links=(), title=""):
    return LegacyDocument(
        source_path=path,
        kind=kind,
        title=title,
        encoding="utf-8",
        credits=credits,
        links=list(links),
    )


def test_section_defaults_and_precedence():
    sections = SectionMap(rules=[parse_rule("specials/* = feature")])
    film = Credits(raw="A. U.K. 2001.", people=["A"], year=2001)
    book = Credits(raw="A. Faber, 2001.", people=["A"], publisher="Faber", is_book=True)
    assert sections.target_for(document("reviews/a.htm", Kind.FILM_REVIEW, book)) == "book"
    assert sections.target_for(document("books/a.htm", Kind.FILM_REVIEW, film)) == "film"
    assert sections.target_for(document("news/a.htm")) == "news"
    # A page with no credits in a review folder is a feature by its content ("check kind").
    assert sections.target_for(document("bookreviews/a.htm", Kind.FEATURE)) == "feature"
    assert sections.target_for(document("bookreviews/a.htm", Kind.BOOK_REVIEW)) == "book"
    assert sections.target_for(document("aboutus.htm")) == "page"
    assert sections.target_for(document("specials/x.htm", Kind.FILM_REVIEW, film)) == "feature"
    sections.learn_from_listings(
        [document("bookreviews.htm", Kind.LISTING, links=["misc/a.htm"], title="Book Reviews A-Z")]
    )
    assert sections.target_for(document("misc/a.htm")) == "book"


def test_a_folder_or_listing_picks_among_the_kinds_of_a_shape(monkeypatch):
    """A second kind of film-shaped page (say DVDs) takes the film-credited pages its folder
    or its A-Z listing names; the first film-shaped kind keeps the rest."""
    monkeypatch.setitem(section_rules.FOLDER_DEFAULTS, "dvds", "dvd")
    monkeypatch.setitem(section_rules.SHAPES_OF, "dvd", {Kind.FILM_REVIEW})
    film = Credits(raw="A. U.K. 2001.", people=["A"], year=2001)
    book = Credits(raw="A. Faber, 2001.", people=["A"], publisher="Faber", is_book=True)
    sections = SectionMap(learned={"misc/a.htm": "dvd"})
    assert sections.target_for(document("dvds/a.htm", Kind.FILM_REVIEW, film)) == "dvd"
    assert sections.target_for(document("misc/a.htm", Kind.FILM_REVIEW, film)) == "dvd"
    assert sections.target_for(document("dvds/b.htm", Kind.FILM_REVIEW, book)) == "book"
    assert sections.target_for(document("other/a.htm", Kind.FILM_REVIEW, film)) == "film"


def test_mapping_file(tmp_path):
    path = tmp_path / "map.txt"
    path.write_text("# comment\n\nReviews/* = film   # trailing comment\narchive/*=skip\n")
    rules = load_mapping_file(path)
    assert [(rule.pattern, rule.target) for rule in rules] == [
        ("reviews/*", "film"),
        ("archive/*", "skip"),
    ]
    path.write_text("reviews/* = poem\n")
    with pytest.raises(MappingError, match="map.txt:1"):
        load_mapping_file(path)


def test_rich_text_is_sanitised_and_links_resolved():
    def resolve(href):
        return {
            "a.htm": ResolvedLink(page_id=7),
            "https://x.example/": ResolvedLink(url="https://x.example/"),
        }.get(href, ResolvedLink())

    html = to_rich_text(
        'An <em>odd</em> <a href="a.htm" onclick="x()">page</a>, <a href="https://x.example/">'
        'site</a>, <a href="gone.htm">dead</a>, <span style="x">span</span> &amp; '
        '<a href="javascript:evil()">trap</a><br>end<script>bad()</script>',
        resolve,
    )
    assert html == (
        '<p>An <i>odd</i> <a linktype="page" id="7">page</a>, <a href="https://x.example/">'
        "site</a>, dead, span &amp; trap<br/>end</p>"
    )
