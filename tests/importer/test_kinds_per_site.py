"""A whole disk magazine of six issue folders imported (issue 23, item 3): no imported page
sits at the top of the tree but those the old nav put there (``tests.sites.issue_zine``)."""

import io

from django.core.management import call_command

import pytest

from legacy.models import ImportRecord
from tests.sites import issue_zine

from .conftest import BASE_URL

pytestmark = pytest.mark.django_db


def test_only_the_pages_the_old_nav_links_land_outside_every_section(tmp_path):
    site = issue_zine.build()
    mirror = site.write(tmp_path / "mirror")
    call_command("import_legacy", str(mirror), "--base-url", BASE_URL, stdout=io.StringIO())
    sections = dict(ImportRecord.objects.values_list("source_path", "section"))
    tops = {path for path, section in sections.items() if section == "page"}
    assert tops == {path.lower() for path, e in site.expected().items() if e.get("top")}
    for issue in issue_zine.ISSUES:
        ads = ImportRecord.objects.get(
            source_path=f"zine{issue}/zine{issue}/html/z{issue}-annonces.html"
        )
        assert ads.section == "feature" and ads.page.get_parent().specific.kind == "feature"
        # read as its template's other pages are: the template's kind, said in its
        # warnings, not a page to check
        assert not ads.checks.filter(name="kind_outlier").exists()
        assert any("not top-level pages" in warning for warning in ads.warnings)
    quoted = ImportRecord.objects.get(source_path="zine33/zine33/html/z33-article2.html")
    assert (quoted.section, quoted.words_lost) == ("feature", 0)
    assert quoted.checks.filter(name="kind_outlier").exists()
