"""bench/real_site.py scores a real mirror's bylines by what its old pages print, in the
site's languages (the lexicon's labels): the lines it reads as a page's byline."""

import functools
import importlib.util
import re
from pathlib import Path

import pytest

from legacy.parsing import lexicon

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "real_site.py"


@functools.cache
def _module():
    """bench/real_site.py, a script, loaded once as a module."""
    spec = importlib.util.spec_from_file_location("real_site", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scorer(languages: tuple[str, ...]):
    return _module().Bylines(lexicon.lexicon_for(languages))


@pytest.mark.parametrize(
    ("languages", "line", "names"),
    [
        (("fr",), "Test de VBCC 0.8 par Mathias Parnaudeau", ["Mathias Parnaudeau"]),
        (("fr",), "Test : la France par Monts et par Vaux par Ann Rey", ["Ann Rey"]),
        (("fr",), "Interview par Luc Menou et Yves Rocher", ["Luc Menou", "Yves Rocher"]),
        (("fr",), "Possibilité d'envoi par La Poste.", []),
        (("de",), "1. Softwaretest: Taktgeber (von Jana Kroll)", ["Jana Kroll"]),
        (("de",), "7. Kommentar zum Test von Max Roth (von Eva Lenz)", ["Eva Lenz"]),
        (("de",), "4. Das Tagebuch von AMIGA International", []),
        (("de",), "Neues von Gobi Software", []),
        (("en",), "By Paul Morabito.", ["Paul Morabito"]),
        (("en",), "Directed by Stanley Kubrick", []),
        (("en",), "It is written by Pietro Ghizzoni and", []),
    ],
)
def test_a_byline_is_a_label_of_the_site_s_languages_and_a_person_s_name(languages, line, names):
    assert scorer(languages).names(line) == names


def test_the_byline_that_signs_a_page_is_in_its_head_or_opens_a_last_line():
    bylines = scorer(("en",))
    long_line = " ".join(["word"] * 30)
    assert bylines.signing(["News", "By Ann Lee", long_line]) == ["Ann Lee"]
    assert bylines.signing(["News", long_line, "Last revised 9/4/97 by Ann Lee"]) == []
    assert bylines.signing(["News", long_line, "by Ann Lee"]) == ["Ann Lee"]
    contents = ["Tests", "Taktgeber (by Ann Lee)", "Netzfalter (by Bo Rey)", long_line]
    assert bylines.signing(contents) == []


def test_a_byline_or_a_credit_broken_over_lines_is_read_whole():
    """FrontPage broke a review's head over lines where its cells wrapped: the label on
    one line and the name on the next, a first name and its surname apart, "Directed"
    apart from "by X". The byline is the reviewer's; a credit is never one."""
    bylines = scorer(("en",))
    long_line = " ".join(["word"] * 30)
    head = [
        "Contents | Reviews | Archives",
        "Harbour Lights",
        "Review by",
        "Mara Quillon",
        "Posted 3 May 1999",
        "Directed",
        "by Tobias",
        "Wrenfield",
        "Starring Ada Kell,",
        "Lou Barnet",
        long_line,
    ]
    assert bylines.signing(head) == ["Mara Quillon"]
    assert bylines.signing(["Night Train", "Book Review by Mara", "Quillon", long_line]) == [
        "Mara Quillon"
    ]
    assert bylines.signing(
        ["Tidewater", "interview by Ivo", "Brant, 2 April 1999", long_line]
    ) == ["Ivo Brant"]


def test_a_written_by_line_among_a_films_credits_is_its_screenwriter_not_a_byline():
    bylines = scorer(("en",))
    long_line = " ".join(["word"] * 30)
    head = [
        "Salt Road",
        "Review by",
        "Mara Quillon",
        "Directed by Tobias Wrenfield",
        "Starring Ada Kell, Lou Barnet",
        "Written by Oren Falk and Ines Voll",
        long_line,
    ]
    assert bylines.signing(head) == ["Mara Quillon"]  # not a contents page of two bylines
    assert bylines.signing(["Salt Road", "Written by Mara Quillon", long_line]) == [
        "Mara Quillon"
    ]  # no credits before it: the writer's byline


def test_a_title_is_its_headline_without_a_bracketed_aside_in_any_brackets():
    """The converter printed the column editor's address in round brackets one month and
    in angle brackets the next ("<ina@host.de>"): an aside either way."""
    module = _module()
    for headline in (
        "Die Spielecke der Bitpost - von Ina Falk (ina@host.de)",
        "Die Spielecke der Bitpost - von Ina Falk <ina@host.de>",
    ):
        assert module.titles_match("Die Spielecke der Bitpost", (headline,)), headline
    assert not module.titles_match("Die Spielecke", ("Die Spielecke der Bitpost im Mai 1997",))


def test_a_headline_is_a_heading_or_a_large_font_above_the_running_text_never_credits():
    """FrontPage set a review's headline in <font size="7"> and its cast in an <h5>; a
    report printed a box of awards as <h1> at its foot; a heading ran on into its
    "Posted" line; a headline had a deck after a colon; a <title> named a film in full."""
    from bs4 import BeautifulSoup

    module = _module()
    running = "<p>" + " ".join(["word"] * 60) + "</p>"
    pages = {
        "review.html": "<title>Dogma - Site Review</title>"
        "<h5>Starring Matt Damon, Ben Affleck</h5>"
        f'<p><font size="7"><b>Dogma</b></font></p>{running}',
        "report.html": f'<title>Report - Site Feature</title><font size="+3">Festival Days</font>'
        f"{running}<h1>Golden Needle Awards</h1>",
        "toronto.html": "<title>Best - Site Feature</title>"
        "<h1>Toronto's Best<br>Posted 10 Oct</h1>",
        "deck.html": '<font size="6">Last Night: A look back at a career</font>',
        "pokemon.html": "<title>Pokemon - The First Movie - Site Review</title><h2>Pokemon</h2>",
    }
    soups = {path: BeautifulSoup(html, "html.parser") for path, html in pages.items()}
    credit = re.compile(r"^(?i:Starring|Directed by)\s+[A-Z]")
    heads = module.headlines(soups, credit, " - Site Review")
    assert heads["review.html"][0] == "Dogma"
    assert heads["report.html"][0] == "Festival Days"
    assert module.titles_match("Toronto's Best", heads["toronto.html"])
    assert module.titles_match("Last Night", heads["deck.html"])
    assert module.titles_match("Pokemon - The First Movie", heads["pokemon.html"])
    assert not module.titles_match("Pokemon - Site Review", heads["pokemon.html"][:1])


def test_a_byline_running_on_from_its_headline_counts_only_where_the_site_writes_them_so():
    """AMIGA aktuell sets its bylines apart ("1. Test: X (von Y)"): there "6. Cloanto
    bietet Online-Edition von Amiga Forever" says "of". Obligement runs them on ("Test de
    X par Y"): there they are bylines."""
    bylines = scorer(("de", "fr"))
    long_line = " ".join(["Wort"] * 30)
    run_on = ["Diverses", "6. Cloanto bietet Online-Edition von Amiga Forever", long_line]
    apart = ["Tests", "1. Softwaretest: Taktgeber (von Jana Kroll)", long_line]
    assert bylines.run_in_form(run_on) is True
    assert bylines.run_in_form(apart) is False
    assert bylines.run_in_form(["Diverses", long_line]) is None
    bylines.run_in = False
    assert bylines.signing(run_on) == []
    assert bylines.signing(apart) == ["Jana Kroll"]
    bylines.run_in = True
    assert bylines.signing(["Test de VBCC par Mathias Parnaudeau", long_line]) == [
        "Mathias Parnaudeau"
    ]
