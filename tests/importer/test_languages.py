"""Sites in Spanish and Italian (``tests/fixtures/corpus/es-cineclub-1999``,
``it-cineforum-1999``, written for these tests) imported whole through ``import_legacy``:
their bylines, credits and dates are read through the lexicon of their language alone,
which each site is recognised to be written in; forced to English, none of it is read."""

import datetime
from pathlib import Path

from django.core.management import call_command

import pytest

from legacy.models import ImportRecord, ImportRun
from reviews.models import Contributor, FilmReviewPage

from .conftest import BASE_URL

pytestmark = pytest.mark.django_db
CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"

# key: (directors, countries, year, running time, cast, reviewer, date)
SPANISH = {
    "criticas/el-faro.htm": (
        ["Lucía Ferrer Soto"], "España", 1998, 104, "Marta Gil, Andrés Pons",
        "Javier Mendoza", datetime.date(1999, 3, 12),
    ),
    "criticas/la-frontera.htm": (
        ["Tomás Rey"], "México", 1997, 95, "", "Elena Ruiz Castro", datetime.date(1999, 4, 3),
    ),
}  # fmt: skip
ITALIAN = {
    "recensioni/la-nebbia.html": (
        ["Paolo Ferri"], "Italia", 1998, 101, "Anna Russo, Luca Bianchi",
        "Giulia Marchetti", datetime.date(1999, 5, 5),
    ),
    "recensioni/il-ponte.html": (
        ["Sara Conti"], "Francia", 1997, 88, "", "Marco Galli", datetime.date(1999, 6, 14),
    ),
    "recensioni/la-stazione.html": (
        ["Elisa Moretti"], "Italia", 1999, 97, "Franco Bassi",
        "Giulia Marchetti", datetime.date(1999, 6, 2),
    ),
}  # fmt: skip


def import_site(name: str, *options: str) -> None:
    call_command(
        "import_legacy", str(CORPUS / name), "--base-url", BASE_URL, *options, verbosity=0
    )


def review(key: str) -> FilmReviewPage:
    return FilmReviewPage.objects.get(pk=ImportRecord.objects.get(source_path=key).page_id)


@pytest.mark.parametrize(
    "site, pages", [("es-cineclub-1999", SPANISH), ("it-cineforum-1999", ITALIAN)]
)
def test_a_site_in_its_language_imports_with_bylines_credits_and_dates(site, pages):
    import_site(site)
    for key, (directors, countries, year, minutes, cast, reviewer, date) in pages.items():
        page = review(key)
        assert [creator.name for creator in page.creators.all()] == directors, key
        assert (page.countries, page.year, page.running_time) == (countries, year, minutes)
        assert page.cast == cast, key
        assert page.reviewer is not None and page.reviewer.name == reviewer, key
        assert page.date == date, key
        assert not ImportRecord.objects.get(source_path=key).undated


def test_the_spanish_chronicle_keeps_its_byline_and_its_date():
    import_site("es-cineclub-1999", "--section", "cronicas/*=feature")
    from reviews.models import ArticlePage

    key = "cronicas/festival-huelva.htm"
    page = ArticlePage.objects.get(pk=ImportRecord.objects.get(source_path=key).page_id)
    assert page.author is not None and page.author.name == "Javier Mendoza"
    assert page.date == datetime.date(1998, 11, 28)


def test_forced_to_english_the_spanish_site_yields_no_credits_bylines_or_dates():
    """The lexicon reads them, nothing else: ``--language en`` leaves only English's."""
    import_site("es-cineclub-1999", "--language", "en")
    assert ImportRun.objects.get().options["languages"] == ["en"]
    assert ImportRecord.objects.filter(source_path__in=SPANISH).count() == 2
    assert not FilmReviewPage.objects.exists()
    assert not Contributor.objects.filter(name__in=["Javier Mendoza", "Elena Ruiz Castro"])


def test_the_command_refuses_a_language_it_has_no_lexicon_for():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="no lexicon for xx"):
        call_command("import_legacy", str(CORPUS / "es-cineclub-1999"), language=["xx"])
