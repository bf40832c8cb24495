"""Site evidence through import_legacy (issue 23): what the whole site says about a page
(news splits, dates, kinds and sections, index blurbs, continued articles)."""

import io
import json

from django.core.management import call_command

from wagtail.models import Page

import pytest

from legacy.models import ImportRecord
from tests.sites import NewsPage, Site

from .conftest import BASE_URL

pytestmark = pytest.mark.django_db


def _import(folder, *options, report=None):
    args = ["import_legacy", str(folder), "--base-url", BASE_URL, *options]
    if report is not None:
        args += ["--report", str(report)]
    out = io.StringIO()
    call_command(*args, stdout=out, verbosity=0)
    return out.getvalue()


def test_the_dry_run_says_how_many_articles_a_held_back_news_split_would_make(tmp_path):
    site = Site("The Pembertons", template="handmade", nav=[("Home", "index.htm")])
    updates = [(f"{day} May 2002", f"Added the photographs of the garden, page {day}.")
               for day in range(1, 15)]  # fmt: skip
    site.add(NewsPage("whatsnew.htm", "What's new", updates))
    mirror = site.write(tmp_path / "mirror")
    out = _import(mirror, "--dry-run", report=tmp_path / "report.json")
    assert "news page kept whole: whatsnew.htm (a split would make 14 articles" in out
    (item,) = json.loads((tmp_path / "report.json").read_text())["items"]
    assert item["source"] == "whatsnew.htm" and item["kind"] == "news"
    assert any("14 dated items would be 14 articles" in w for w in item["warnings"])

    out = _import(mirror, "--section", "whatsnew.htm=news", report=tmp_path / "report.json")
    assert "news: 1 page(s) split into 14 article(s)" in out
    assert ImportRecord.objects.filter(source_path__startswith="whatsnew.htm#").count() == 14
    assert Page.objects.filter(title__startswith="Added the photographs").count() == 14
