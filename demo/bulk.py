"""Pages inserted in bulk, thousands a second: for the synthetic archive and the benchmarks.

Saving a Wagtail page costs a dozen queries (treebeard's ``add_child``, revisions, signals),
and ``bulk_create`` refuses multi-table models. So the rows are written table by table down
the inheritance chain (Page, ReviewPage, FilmReviewPage), with tree paths spelled the way
treebeard spells them. Nothing is validated, revised, signalled or indexed: callers index
and clear caches themselves.

This relies on private APIs, listed in docs/internals.md: treebeard's ``Page._get_path`` and
``Page._str2int`` (path spelling), and Django's ``Manager._insert`` (a raw multi-row INSERT).
"""

from collections.abc import Sequence

from django.db import connection, models, transaction
from django.db.models import F

from wagtail.models import Page

# Bound parameters per INSERT: under SQLite's limit (32,766) and PostgreSQL's (65,535).
MAX_PARAMETERS = 30_000


def last_position(parent: Page) -> int:
    """The position of ``parent``'s last child in its treebeard numbering; 0 if childless."""
    last_child = parent.get_last_child()
    return Page._str2int(last_child.path[-Page.steplen :]) if last_child else 0


def child_path(parent: Page, position: int) -> str:
    """The tree path of ``parent``'s child at ``position`` (1 is the first)."""
    return Page._get_path(parent.path, parent.depth + 1, position)


def add_children(parent: Page, pages: Sequence[Page]) -> None:
    """Insert new pages after ``parent``'s last child, in order; their slugs must be set.

    Sets each page's path, depth, URL path and primary keys, and the parent's child count.
    """
    start = last_position(parent) + 1
    for position, page in enumerate(pages, start=start):
        page.path = child_path(parent, position)
        page.depth = parent.depth + 1
        page.url_path = f"{parent.url_path}{page.slug}/"
    with transaction.atomic():
        insert_pages(pages)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)


def insert_pages(pages: Sequence[Page]) -> None:
    """Insert pages whose tree fields are set: the Page rows (which give the ids), then each
    model's own rows, one INSERT per table and batch."""
    page_fields = [field for field in Page._meta.local_concrete_fields if not field.primary_key]
    ids = insert_rows(Page, pages, page_fields, returning_fields=[Page._meta.pk])
    for page, (pk,) in zip(pages, ids, strict=True):
        set_primary_keys(page, pk)
    for model in dict.fromkeys(type(page) for page in pages):
        of_model = [page for page in pages if type(page) is model]
        for table in table_chain(model)[1:]:
            insert_rows(table, of_model, table._meta.local_concrete_fields)


def table_chain(model: type[Page]) -> list[type[models.Model]]:
    """The models whose tables hold a ``model`` page, Page first: Page, ReviewPage, model."""
    parents = [parent for parent in reversed(model._meta.get_parent_list()) if parent is not Page]
    return [Page, *parents, model]


def insert_rows(
    model: type[models.Model],
    objects: Sequence[models.Model],
    fields: Sequence[models.Field],
    returning_fields: Sequence[models.Field] | None = None,
) -> list[tuple]:
    """INSERT ``fields`` of ``objects`` into ``model``'s own table, in batches; the returned
    rows of ``returning_fields`` (e.g. new ids), in order."""
    batch = max(1, MAX_PARAMETERS // len(fields))
    returned: list[tuple] = []
    for start in range(0, len(objects), batch):
        rows = model._base_manager._insert(
            objects[start : start + batch],
            fields=fields,
            returning_fields=returning_fields,
        )
        returned += rows or []
    return returned


def set_primary_keys(page: models.Model, pk: int) -> None:
    """A multi-table child has one primary key per level; all equal the Page id."""
    for model in [type(page), *page._meta.get_parent_list()]:
        for parent_link in model._meta.parents.values():
            setattr(page, parent_link.attname, pk)
    page.id = pk


def refresh_planner_statistics() -> None:
    """ANALYZE, as a bulk load should: with the statistics of the empty tables, PostgreSQL
    plans listings as nested loops over "1 row" (autovacuum catches up only minutes later,
    and is off on some servers)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
