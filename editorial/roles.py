"""The magazine's two roles and its moderation workflow, as data.

Contributors write drafts in the four sections and submit them; Editors approve, publish and
manage everything under Home. A data migration creates the groups, their global permissions and
the workflow once; page-level grants need the pages, so ``ensure_site_tree`` (re)applies them
through :func:`apply_page_permissions`. Every step only adds what is missing, so changes made
afterwards in Settings → Groups and Settings → Workflows are kept.

The functions take an app registry so the migration can run them with its historical models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import apps as global_apps

if TYPE_CHECKING:
    from django.apps.registry import Apps

    from home.tree import SiteTree

CONTRIBUTORS = "Contributors"
EDITORS = "Editors"
WORKFLOW_NAME = "Editorial review"
APPROVAL_TASK_NAME = "Editor approval"

# (app label, model, codename): permissions that hold everywhere, not per page or collection.
ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")
GLOBAL_PERMISSIONS: dict[str, list[tuple[str, str, str]]] = {
    CONTRIBUTORS: [ACCESS_ADMIN],
    EDITORS: [
        ACCESS_ADMIN,
        *[
            ("reviews", "contributor", f"{action}_contributor")
            for action in ("add", "change", "delete", "view")
        ],
        # Imports are run from the command line; editors inspect what they produced.
        ("legacy", "importrecord", "view_importrecord"),
        ("legacy", "importrun", "view_importrun"),
    ],
}

# Granted on the root collection, so they cover every image and document.
COLLECTION_PERMISSIONS: dict[str, list[tuple[str, str, str]]] = {
    # "add" also lets contributors edit the images and documents they uploaded themselves.
    CONTRIBUTORS: [
        ("wagtailimages", "image", "add_image"),
        ("wagtailimages", "image", "choose_image"),
        ("wagtaildocs", "document", "add_document"),
        ("wagtaildocs", "document", "choose_document"),
    ],
    EDITORS: [
        *[
            ("wagtailimages", "image", f"{action}_image")
            for action in ("add", "change", "delete", "choose")
        ],
        *[
            ("wagtaildocs", "document", f"{action}_document")
            for action in ("add", "change", "delete", "choose")
        ],
    ],
}

# Wagtail 8 page permission codenames (see wagtail.models.PAGE_PERMISSION_TYPES).
CONTRIBUTOR_PAGE_PERMISSIONS = ("add_page", "change_page")  # no publish: they submit instead
EDITOR_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)


def get_permission(apps: Apps, app_label: str, model: str, codename: str):
    """The permission row, created if Django's post-migrate step has not made it yet."""
    content_type, _ = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label=app_label, model=model
    )
    permission, _ = apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.replace('_', ' ')}"},
    )
    return permission


def create_roles(apps: Apps = global_apps) -> None:
    """Create both groups with their global and collection permissions (never removes any)."""
    Group = apps.get_model("auth", "Group")
    root_collection = apps.get_model("wagtailcore", "Collection").objects.filter(depth=1).first()
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for name in (CONTRIBUTORS, EDITORS):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(get_permission(apps, *spec) for spec in GLOBAL_PERMISSIONS[name]))
        if root_collection is None:
            continue
        for spec in COLLECTION_PERMISSIONS[name]:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=get_permission(apps, *spec)
            )


def create_moderation_workflow(apps: Apps = global_apps):
    """One step: an editor approves. Reused if it exists (it may have been edited since)."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    workflow, created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    if created:
        # Historical models skip Wagtail's save(), so the task's specific type is set by hand.
        task_type, _ = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = apps.get_model("wagtailcore", "GroupApprovalTask").objects.create(
            name=APPROVAL_TASK_NAME, content_type=task_type, active=True
        )
        task.groups.set(apps.get_model("auth", "Group").objects.filter(name=EDITORS))
        apps.get_model("wagtailcore", "WorkflowTask").objects.create(
            workflow=workflow, task=task, sort_order=0
        )
    return workflow


def grant_page_roles(home_id: int, section_ids: list[int], apps: Apps = global_apps) -> None:
    """Editors: everything under Home. Contributors: drafts in the sections only.

    Home itself, About Us and any other page outside the sections stay closed to contributors.
    """
    groups = dict(
        apps.get_model("auth", "Group")
        .objects.filter(name__in=(CONTRIBUTORS, EDITORS))
        .values_list("name", "pk")
    )
    grants = []
    if EDITORS in groups:
        grants += [(groups[EDITORS], home_id, codename) for codename in EDITOR_PAGE_PERMISSIONS]
    if CONTRIBUTORS in groups:
        grants += [
            (groups[CONTRIBUTORS], section_id, codename)
            for section_id in section_ids
            for codename in CONTRIBUTOR_PAGE_PERMISSIONS
        ]
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for group_id, page_id, codename in grants:
        GroupPagePermission.objects.get_or_create(
            group_id=group_id,
            page_id=page_id,
            permission=get_permission(apps, "wagtailcore", "page", codename),
        )


def assign_moderation_workflow(section_ids: list[int], apps: Apps = global_apps) -> None:
    """Put the sections under editorial review, unless a section already has a workflow."""
    workflow = apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:  # deleted by an administrator on purpose: do not bring it back
        return
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    for section_id in section_ids:
        WorkflowPage.objects.get_or_create(page_id=section_id, defaults={"workflow": workflow})


def apply_page_permissions(tree: SiteTree) -> None:
    """Called by ``ensure_site_tree``: page grants and the workflow need the pages to exist."""
    section_ids = [section.pk for section in tree.sections.values()]
    grant_page_roles(tree.home.pk, section_ids)
    assign_moderation_workflow(section_ids)
