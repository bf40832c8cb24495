"""Indexes on ``UPPER(…)`` of the columns the exact-match rule compares (both databases).

``search.results.exact_matches`` pins pages whose title, original title or director/author is
exactly the query, ignoring case. Django's ``iexact`` cannot use an index on SQLite (``LIKE``)
and scanned every page and its credits on every search, a cost growing with the archive;
comparing ``UPPER(column) = UPPER(query)`` against these expression indexes is a lookup
(figures: bench/README.md). No field changes: plain ``CREATE INDEX`` on the existing tables.
"""

from django.db import migrations

INDEXES = [
    # (index name, app label, model, column)
    ("search_page_title_upper", "wagtailcore", "Page", "title"),
    ("search_review_original_title_upper", "reviews", "ReviewPage", "original_title"),
    ("search_workcreator_name_upper", "reviews", "WorkCreator", "name"),
]


def create_indexes(apps, schema_editor):
    quote = schema_editor.quote_name
    for name, app_label, model_name, column in INDEXES:
        table = apps.get_model(app_label, model_name)._meta.db_table
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(name)} ON {quote(table)} (UPPER({quote(column)}))"
        )


def drop_indexes(apps, schema_editor):
    for name, *_ in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_indexentry_combined_gin_index"),
        ("wagtailcore", "0001_initial"),
        ("reviews", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
