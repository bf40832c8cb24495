"""PostgreSQL: keep the ``title`` and ``body`` tsvectors of the search index in the row.

Each index entry also holds the page's plain text (``body_text``), so rows pass the 2 kB TOAST
threshold and PostgreSQL moved the ``body`` vector out of line: every match and every
``ts_rank`` of a search then fetched it from the TOAST table again. ``STORAGE MAIN`` makes
PostgreSQL compress or move the other columns first, so matching and ranking read the vectors
from the row itself (figures: bench/README.md).

Storage settings only (no rewrite): rows written afterwards are stored this way, so run
``update_index`` once after migrating an existing site. No-op on other databases.
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"


def store_inline(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"ALTER TABLE {TABLE} ALTER COLUMN title SET STORAGE MAIN, "
            "ALTER COLUMN body SET STORAGE MAIN"
        )


def store_default(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"ALTER TABLE {TABLE} ALTER COLUMN title SET STORAGE EXTENDED, "
            "ALTER COLUMN body SET STORAGE EXTENDED"
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0002_exact_match_indexes")]

    operations = [migrations.RunPython(store_inline, store_default, elidable=False)]
