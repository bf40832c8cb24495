"""A whole site through ``import_legacy`` (``tests/sites/reel_cellar``, 31 pages): the
reviewer of every review reaches its page as a Contributor, no summary is link or alt
text, the dry run prints the learnt model and the report holds it, and a profile file
corrects it for every page."""

import io
import json
from pathlib import Path

from django.core.management import CommandError, call_command

import pytest

from reviews.models import Contributor, FilmReviewPage
from tests.sites import reel_cellar

from .conftest import BASE_URL

pytestmark = pytest.mark.django_db
PAGES = reel_cellar.build()


@pytest.fixture(scope="module")
def mirror(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("reel-cellar")
    for path, data, _ in PAGES:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(data)
    return root


def import_site(mirror: Path, *options: str) -> str:
    out = io.StringIO()
    call_command("import_legacy", str(mirror), "--base-url", BASE_URL, *options, stdout=out)
    return out.getvalue()


def test_every_review_has_its_reviewer_its_date_and_a_summary_of_its_own_words(mirror):
    import_site(mirror)
    expected = {e["title"]: e for _, _, e in PAGES if e["kind"] == "film_review"}
    reviews = FilmReviewPage.objects.all()
    assert reviews.count() == len(expected)
    for page in reviews:
        wanted = expected[page.title]
        assert page.reviewer is not None and page.reviewer.name == wanted["signature"]
        assert page.date.isoformat() == wanted["date"]
        assert page.summary.startswith(wanted["summary_starts"]), page.title
        for snippet in ("Film Vault", "storeimg", "Cellar Shop"):
            assert snippet not in page.summary
    assert Contributor.objects.count() == len(reel_cellar.REVIEWERS)


def test_the_dry_run_prints_the_learnt_model_and_the_report_holds_it(mirror, tmp_path):
    report = tmp_path / "report.json"
    out = import_site(mirror, "--dry-run", "--report", str(report))
    assert 'slot "Review by" = contributor (person' in out
    assert 'slot "Posted" = date' in out
    assert 'title affix " - The Reel Cellar Review" on 24 pages' in out
    assert "buy {title} at the cellar shop" in out
    sites = json.loads(report.read_text("utf-8"))["sites"]
    assert [slot["label"] for slot in sites[0]["slots"]][:2] == ["Posted", "Review by"]
    assert FilmReviewPage.objects.count() == 0


def test_a_profile_corrects_the_site_for_every_page(mirror, tmp_path):
    profile = tmp_path / "site.toml"
    profile.write_text(
        '[site]\nlanguage = ["en"]\n[[slot]]\nlabel = "Review by"\nfield = "content"\n', "utf-8"
    )
    out = import_site(mirror, "--dry-run", "--profile", str(profile))
    assert 'slot "Review by" = content' in out
    assert "Learnt of the site (31 pages, en)" in out  # the profile's language, alone
    import_site(mirror, "--profile", str(profile))
    assert not FilmReviewPage.objects.filter(reviewer__isnull=False).exists()


def test_a_profile_with_a_mistake_stops_the_run_with_its_name(mirror, tmp_path):
    profile = tmp_path / "site.toml"
    profile.write_text("[slots]\nlabel = 'x'\n", "utf-8")
    with pytest.raises(CommandError, match=r"unknown section \[slots\]"):
        import_site(mirror, "--profile", str(profile))
