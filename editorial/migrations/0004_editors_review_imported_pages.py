"""Editors set the review state of imported pages in the review queue (legacy/review.py)."""

from django.db import migrations

from editorial import roles


def grant(apps, schema_editor):
    roles.grant_global_permissions(roles.EDITORS, roles.REVIEW_QUEUE_PERMISSIONS, apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_page_password_failures"),
        ("legacy", "0007_run_summary"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
