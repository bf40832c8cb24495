"""Django: ``F._combine`` (search/postgres_ranking.py) and ``Manager._insert`` (the bulk page
inserter, demo/bulk.py); docs/internals.md, "Django"."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, ExpressionWrapper, F
from django.db.models.expressions import CombinedExpression

from wagtail.models import Page

import pytest

from home.models import StandardPage
from tests.internals.fence import changed, parameters

LIBRARY = "Django"


def title_then_slug():
    return F("title")._combine(F("slug"), "||", False)


def test_combine_joins_two_expressions_with_any_sql_operator():
    assert parameters(F._combine) == ["self", "other", "connector", "reversed"], changed(
        LIBRARY, "F._combine"
    )
    combined = title_then_slug()
    assert isinstance(combined, CombinedExpression), changed(LIBRARY, "F._combine")
    assert (combined.lhs, combined.connector, combined.rhs) == (F("title"), "||", F("slug")), (
        changed(LIBRARY, "F._combine")
    )


@pytest.mark.django_db
def test_combine_writes_the_operator_between_the_columns(site_tree):
    # The same SQL as tsvector || tsvector: on text columns, concatenation in both databases.
    home = site_tree.home
    joined = (
        Page.objects.filter(pk=home.pk)
        .annotate(joined=ExpressionWrapper(title_then_slug(), output_field=CharField()))
        .values_list("joined", flat=True)
        .get()
    )
    assert joined == f"{home.title}{home.slug}", changed(LIBRARY, "F._combine")


def test_managers_offer_insert_with_returning_fields_and_raw():
    insert = getattr(Page._base_manager, "_insert", None)
    assert callable(insert), changed(LIBRARY, "Manager._insert")
    assert parameters(insert)[:4] == ["objs", "fields", "returning_fields", "raw"], changed(
        LIBRARY, "Manager._insert"
    )


def unsaved_page(parent: Page, step: int) -> StandardPage:
    """What the bulk inserter builds: a page whose tree fields are set by hand."""
    slug = f"bulk-{step}"
    return StandardPage(
        title=f"Bulk {step}",
        draft_title=f"Bulk {step}",
        slug=slug,
        path=Page._get_path(parent.path, parent.depth + 1, step),
        depth=parent.depth + 1,
        url_path=f"{parent.url_path}{slug}/",
        content_type=ContentType.objects.get_for_model(StandardPage),
        locale_id=parent.locale_id,
        live=True,
    )


@pytest.mark.django_db
def test_insert_writes_each_table_of_a_page_and_returns_the_new_keys(site_tree):
    parent = site_tree.home
    last = parent.get_last_child()
    first_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    pages = [unsaved_page(parent, first_step + offset) for offset in range(3)]
    page_fields = [field for field in Page._meta.local_concrete_fields if not field.primary_key]
    rows = Page._base_manager._insert(pages, fields=page_fields, returning_fields=[Page._meta.pk])
    assert len(rows) == 3 and all(len(row) == 1 for row in rows), changed(
        LIBRARY, "Manager._insert"
    )
    for page, (pk,) in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = pk
    StandardPage._base_manager._insert(
        pages, fields=StandardPage._meta.local_concrete_fields, raw=True
    )
    stored = StandardPage.objects.filter(pk__in=[pk for (pk,) in rows]).order_by("path")
    assert [page.title for page in stored] == [page.title for page in pages], changed(
        LIBRARY, "Manager._insert"
    )
