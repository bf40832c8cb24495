"""A cast list broken over lines (each ending in a comma, the last names after "and" on a
line of their own) is one credits line: every name reaches the cast field and none stays
in the body as a bold line. On a whole site of one template
(``tests.sites.corpora.flat_folder_magazine``) and on a page of its own."""

import functools

from legacy.parsing.credits import runs_on
from legacy.parsing.document import Paragraph
from legacy.parsing.parser import parse_document, parse_site
from tests.sites.corpora import RUN_ON_CAST, flat_folder_magazine


@functools.cache
def parsed():
    site = flat_folder_magazine()
    pages = site.encoded()
    return site, {d.source_path: d for d in parse_site(pages)}


def test_every_review_gets_its_whole_cast_run_over_lines():
    site, documents = parsed()
    casts = {path: e["cast"] for path, e in site.expected().items() if e.get("cast")}
    assert len(casts) >= 40
    got = {path: documents[path].credits.cast if documents[path].credits else [] for path in casts}
    assert {path: cast for path, cast in got.items() if cast != casts[path]} == {}


def test_no_name_of_the_cast_stays_in_the_body():
    site, documents = parsed()
    for path, expect in site.expected().items():
        if not expect.get("cast"):
            continue
        body = " ".join(b.html for b in documents[path].blocks if isinstance(b, Paragraph))
        assert not [name for name in RUN_ON_CAST if name in body], path


PAGE = """<html><head><title>Harbour Fog</title></head><body>
<h1>Harbour Fog</h1>
<p><b><i>Directed by</i> Wanda Petrie</b></p>
<p><b><i>Starring</i> Oren Malloy,</b><br>
<b>Suki Brandt, Piet Hallam,</b><br>
<b>Rosa Lindqvist</b><br>
<b><i>and</i> Tam Odell</b></p>
<p><b><i>Screenplay by</i> Wanda Petrie</b><br><b><i>and</i> Gil Varga</b></p>
<p>The fog rolls over the quay in the first shot and never lifts, and the film is the
better for it: every face is half hidden, every promise half heard, and the harbour
town keeps its secrets to the last reel.</p>
</body></html>"""


def test_a_cast_in_a_cell_of_its_own_under_the_director_is_read_whole():
    document = parse_document(PAGE.encode(), "reviews/harbourfog.htm")
    assert document.credits is not None
    assert document.credits.people == ["Wanda Petrie"]
    assert document.credits.cast == [
        "Oren Malloy",
        "Suki Brandt",
        "Piet Hallam",
        "Rosa Lindqvist",
        "Tam Odell",
    ]
    body = " ".join(b.html for b in document.blocks if isinstance(b, Paragraph))
    assert "Tam Odell" not in body and "Gil Varga" not in body


LONG_CAST = ["Oren Malloy", "Suki Brandt", "Piet Hallam", "Rosa Lindqvist", "Tam Odell"]
LONG_CAST += ["Ines Varga", "Cal Dufresne", "Mo Achebe", "Lene Strom", "Rufus Crane"]
LONG_CAST += ["Edda Salo", "Yann Perrot", "Greta Moll", "Dov Amsel", "Kit Harlow"]


def test_a_cast_too_long_for_a_headline_area_is_still_credits():
    lines = [", ".join(LONG_CAST[n : n + 2]) + "," for n in range(0, 14, 2)]
    cast = "<br>\n".join(f"<b>{line}</b>" for line in lines)
    page = PAGE.replace(
        "<p><b><i>Starring</i> Oren Malloy,</b><br>\n<b>Suki Brandt, Piet Hallam,</b><br>\n"
        "<b>Rosa Lindqvist</b><br>\n<b><i>and</i> Tam Odell</b></p>",
        f"<p><b><i>Starring</i></b> {cast}<br>\n<b><i>and</i> {LONG_CAST[-1]}</b></p>",
    )
    assert page != PAGE
    document = parse_document(page.encode(), "reviews/harbourfog.htm")
    assert document.credits is not None and document.credits.cast == LONG_CAST


def test_a_list_runs_on_after_a_comma_or_an_and_never_after_a_full_stop():
    assert runs_on("Starring Oren Malloy, Suki Brandt,", "Piet Hallam")
    assert runs_on("Screenplay by Wanda Petrie", "and Gil Varga")
    assert runs_on("Regie: Jan Vos und", "Lea Berg")
    assert not runs_on("Directed by Wanda Petrie.", "Starring Oren Malloy")
    assert not runs_on("Directed by Wanda Petrie", "Starring Oren Malloy")
