"""The site-level pass: chrome learnt from what recurs across a site's pages, editors'
template marks, server code, and the removed list that says why (no Django)."""

from legacy.parsing.accounting import document_account
from legacy.parsing.parser import parse_document, parse_site
from legacy.parsing.site import site_of
from legacy.parsing.text import blocks_text

PROSE = [
    "Her first film walks slowly through a winter town and never once raises its voice, "
    "trusting the faces of its two leads to carry every scene they share.",
    "The second act loses its nerve a little, but the final shot, held for a full minute, "
    "earns back everything the script had spent on the way there.",
    "Nobody in the cast overplays; the children in particular seem not to know the camera "
    "is there, which is the whole secret of the picture's warmth.",
    "It is a small book about a large subject, and it never pretends otherwise: the prose "
    "is plain, the chapters short, the argument patient and fair.",
]


def page(title: str, body: str, nav: str, footer: str) -> bytes:
    return (
        f"<html><head><title>Kino Kiste - {title}</title></head><body>"
        f'<table><tr><td width="120">{nav}</td><td>'
        f"<h1>{title}</h1>{body}</td></tr></table>"
        f"<p><font size=1>{footer}</font></p></body></html>"
    ).encode()


def nav_for(current: str) -> str:
    """A nav bar in which the current page is printed in brackets, unlinked."""
    names = ["Startseite", "Flut", "Amelie Poulain", "Der Himmel", "Kontakt"]
    return " | ".join(
        f"[ {name} ]" if name == current else f'<a href="{name[:4].lower()}.htm">{name}</a>'
        for name in names
    )


def site(footer=lambda n: f"Sie sind Besucher Nr. {1000 + n * 37}. Webmaster: kino@example.org"):
    titles = ["Flut", "Amelie Poulain", "Der Himmel"]
    pages = [
        (page(title, f"<p>{PROSE[n]}</p><p>{PROSE[n + 1]}</p>", nav_for(title), footer(n)), path)
        for n, (title, path) in enumerate(
            zip(titles, ["flut.htm", "amelie.htm", "himmel.htm"], strict=True)
        )
    ]
    return parse_site(pages)


def body_text(document) -> str:
    return blocks_text(document.blocks)


def test_a_nav_bar_with_the_current_page_unlinked_or_bracketed_is_chrome():
    for document in site():
        assert "Startseite" not in body_text(document)
        assert "Kontakt" not in body_text(document)
        reasons = [entry.reason for entry in document.removed if "Startseite" in entry.text]
        assert reasons and reasons[0].startswith("site chrome: on 3 of the site's 3 pages")


def test_counters_and_contact_lines_that_differ_only_in_digits_are_chrome():
    for document in site():
        assert "Besucher" not in body_text(document)
        assert "webmaster" not in body_text(document).lower()


def test_the_same_page_parsed_alone_keeps_the_text_it_cannot_tell_from_content():
    alone = parse_document(page("Flut", f"<p>{PROSE[0]}</p>", nav_for("Flut"), "Besucher Nr. 5"))
    assert "Besucher" in body_text(alone)  # no site to learn from: kept, never lost
    assert document_account(alone).lost == 0


def test_site_names_in_titles_are_learnt_from_the_site():
    assert [document.title for document in site()] == ["Flut", "Amelie Poulain", "Der Himmel"]


def test_a_reviewers_signature_on_every_page_is_not_chrome():
    pages = [
        (
            f"<html><body><h1>Film {n}</h1><p>Dir. Someone. France. 200{n}.</p>"
            f"<p>{PROSE[n]}</p><p>{PROSE[n + 1]}</p>"
            f"<p align=right><b>Ada Quill</b></p></body></html>".encode(),
            f"films/f{n}.htm",
        )
        for n in range(3)
    ]
    for document in parse_site(pages):
        assert type(document.blocks[-1]).__name__ == "Signature"
        assert document.blocks[-1].name == "Ada Quill"


def test_a_recurring_paragraph_of_prose_stays_as_residue_and_lowers_fidelity():
    shared = PROSE[3]
    pages = [(f"<html><body><h1>T{n}</h1><p>{PROSE[n]}</p><p>{shared}</p></body></html>".encode(),
              f"p{n}.htm") for n in range(3)]  # fmt: skip
    for document in parse_site(pages):
        assert shared[:30] in body_text(document)
        assert document.residue == [shared]
        words = document_account(document)
        assert words.lost == 0 and words.fidelity < 1


def test_a_short_heading_over_chrome_is_chrome_but_over_content_is_not():
    def with_sidebar(n: int) -> bytes:
        links = " ".join(f'<a href="l{i}.htm">Link {i}</a><br>' for i in range(4))
        return (
            f"<html><body><h3>QUICK LINKS</h3><p>{links}</p><h1>Title {n}</h1>"
            f"<h3>Verdict</h3><p>{PROSE[n]}</p></body></html>"
        ).encode()

    for document in parse_site([(with_sidebar(n), f"p{n}.htm") for n in range(3)]):
        assert "QUICK LINKS" not in body_text(document)
        assert "Verdict" in body_text(document)


def test_dreamweaver_template_parts_are_removed_and_editable_regions_kept():
    html = (
        '<html><!-- InstanceBegin template="/Templates/main.dwt" --><head><title>X</title></head>'
        "<body><p>Cinema Paradiso Online - films since 1997</p>"
        '<!-- #BeginLibraryItem "/Library/nav.lbi" --><p><a href="a.htm">Films</a></p>'
        "<!-- #EndLibraryItem -->"
        '<!-- InstanceBeginEditable name="content" --><h1>Ran</h1>'
        f"<p>{PROSE[0]}</p><!-- InstanceEndEditable -->"
        "<p>Visit our bookshop for every film on DVD</p><!-- InstanceEnd --></body></html>"
    )
    document = parse_document(html.encode())
    text = body_text(document)
    assert document.title == "Ran" and PROSE[0][:40] in text
    assert "bookshop" not in text and "since 1997" not in text
    reasons = {entry.reason for entry in document.removed}
    assert "Dreamweaver library item" in reasons
    assert any(reason.startswith("Dreamweaver template") for reason in reasons)
    assert document_account(document).lost == 0


def test_frontpage_shared_borders_are_removed():
    html = (
        "<html><body><!--msnavigation--><table><tr><td>Our Film Club Pages</td></tr>"
        "<!--msnavigation--></table><!--msnavigation--><table><tr><td valign=top width=1%>"
        '<a href="a.htm">Films</a><br><a href="b.htm">Books</a><br>[Members]</td>'
        f"<!--msnavigation--><td valign=top><h1>Ran</h1><p>{PROSE[0]}</p><p>{PROSE[1]}</p>"
        "<!--msnavigation--></td></tr><!--msnavigation--></table><!--msnavigation-->"
        "<table><tr><td>Write to the webmaster</td></tr></table></body></html>"
    )
    document = parse_document(html.encode())
    text = body_text(document)
    assert PROSE[1][:40] in text
    for chrome in ("Film Club Pages", "Members", "webmaster"):
        assert chrome not in text
    assert {entry.reason for entry in document.removed} >= {"FrontPage shared border"}


def test_php_code_is_removed_as_server_code_even_with_arrows_inside():
    html = (
        '<?php include("header.inc"); ?><html><body><h1>Ran</h1>'
        '<?php if ($db->count() > 0) { echo "<b>New!</b>"; } ?>'
        f"<p>{PROSE[0]}</p><% Response.Write(visits) %></body></html>"
    )
    document = parse_document(html.encode())
    assert "count" not in body_text(document) and "echo" not in body_text(document)
    assert [entry.reason for entry in document.removed][:3] == ["server code"] * 3
    assert document_account(document).lost == 0


def test_host_folders_are_separate_sites():
    assert site_of("www.kino.de/filme/flut.htm") == "www.kino.de"
    assert site_of("films/flut.htm") == site_of("flut.htm") == ""


def test_a_footer_line_in_the_same_block_as_the_pages_own_line_goes_alone():
    cinemas = ["the Odeon", "the Regal", "the Plaza"]

    def footer_page(n: int) -> tuple[bytes, str]:
        return (
            f"<html><body><h1>Title {n}</h1><p>{PROSE[n]}</p>"
            f"<p>Seen at {cinemas[n]}<br>"
            '<a href="mailto:ed@example.org">ed@example.org</a></p></body></html>'
        ).encode(), f"p{n}.htm"

    for n, document in enumerate(parse_site([footer_page(n) for n in range(3)])):
        assert f"Seen at {cinemas[n]}" in body_text(document)
        assert "ed@example.org" not in body_text(document)
        assert any(entry.text == "ed@example.org" for entry in document.removed)


def test_a_paragraph_of_prose_printed_on_every_page_stays_as_residue_not_chrome():
    """A syndicated paragraph (or a page saved under two names) recurs by accident: it is
    the pages' content, so it stays, and only lowers fidelity as residue."""
    shared = PROSE[0]
    pages = [
        (page(f"Film {n}", f"<p>{shared}</p><p>{PROSE[n]}</p>", "", "").replace(b"Kino", b"K"),
         f"films/f{n}.htm")
        for n in (1, 2, 3)
    ]  # fmt: skip
    for document in parse_site(pages):
        assert shared in blocks_text(document.blocks)
        assert shared in document.residue
        assert not any(shared in entry.text for entry in document.removed)
