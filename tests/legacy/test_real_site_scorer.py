"""bench/real_site.py scores a real mirror's bylines by what its old pages print, in the
site's languages (the lexicon's labels): the lines it reads as a page's byline."""

import importlib.util
from pathlib import Path

import pytest

from legacy.parsing import lexicon

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "real_site.py"


def scorer(languages: tuple[str, ...]):
    spec = importlib.util.spec_from_file_location("real_site", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Bylines(lexicon.lexicon_for(languages))


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
