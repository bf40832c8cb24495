"""Create the Contributors and Editors groups and the "Editorial review" workflow.

Page-level grants are applied here only when the page tree already exists (an existing
database); on a fresh one ``ensure_site_tree`` applies them once it has built the tree.
"""

from django.db import migrations

from editorial import roles


def create_roles_and_workflow(apps, schema_editor):
    roles.create_roles(apps)
    roles.create_moderation_workflow(apps)
    home = apps.get_model("home", "HomePage").objects.order_by("pk").first()
    if home is not None:
        section_ids = list(
            apps.get_model("reviews", "SectionPage").objects.values_list("pk", flat=True)
        )
        roles.grant_page_roles(home.pk, section_ids, apps)
        roles.assign_moderation_workflow(section_ids, apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("home", "0002_initial"),
        ("reviews", "0001_initial"),
    ]

    # Reversing leaves the groups and workflow in place: they may have been edited since.
    operations = [migrations.RunPython(create_roles_and_workflow, migrations.RunPython.noop)]
