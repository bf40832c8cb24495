"""Wrong page passwords counted per client, for the page-password lockout."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_contributors_edit_own_pages_editors_search"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="PagePasswordFailures",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("client_ip", models.CharField(max_length=64)),
                ("failures", models.PositiveIntegerField(default=0)),
                ("last_failure_at", models.DateTimeField()),
                (
                    "restriction",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.pageviewrestriction",
                    ),
                ),
            ],
            options={
                "verbose_name": "page password failures",
                "verbose_name_plural": "page password failures",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("restriction", "client_ip"),
                        name="page_password_failures_per_client",
                    )
                ],
            },
        ),
    ]
