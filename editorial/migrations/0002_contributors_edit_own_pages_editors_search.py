"""Fix the roles of databases made with 0001's first version.

Contributors lose "change" on the sections (it let them edit and delete everyone's drafts and
the section pages; "add" already covers their own pages), and Editors gain Promoted search
results and the Search terms report, which the editors' guide says they use.
"""

from django.db import migrations

from editorial import roles


def fix_roles(apps, schema_editor):
    roles.revoke_contributor_change_on_sections(apps)
    roles.grant_global_permissions(roles.EDITORS, roles.SEARCH_PERMISSIONS, apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_roles_and_moderation_workflow"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    # Not reversed: giving contributors everyone's drafts back is never wanted.
    operations = [migrations.RunPython(fix_roles, migrations.RunPython.noop)]
