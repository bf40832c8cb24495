"""The magazine's two roles and its moderation workflow, as data.

Contributors write drafts in the four sections and submit them; Editors approve, publish and
manage everything under Home. A data migration creates the groups, their global permissions and
the workflow once; page-level grants need the pages, so ``ensure_site_tree`` (re)applies them
through :func:`apply_page_permissions`. Every step only adds what is missing, so changes made
afterwards in Settings → Groups and Settings → Workflows are kept. The one exception is
:func:`revoke_contributor_change_on_sections`, run once by migration 0002 to take back a grant
that earlier versions made by mistake.

The functions take an app registry so the migration can run them with its historical models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import apps as global_apps

if TYPE_CHECKING:
    from django.apps.registry import Apps

CONTRIBUTORS = "Contributors"
EDITORS = "Editors"
WORKFLOW_NAME = "Editorial review"
APPROVAL_TASK_NAME = "Editor approval"

# (app label, model, codename): permissions that hold everywhere, not per page or collection.
ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")
# Settings → Promoted search results, and Reports → Search terms (which asks for view_query:
# see editorial.search_terms).
SEARCH_PERMISSIONS = [
    *[
        ("wagtailsearchpromotions", "searchpromotion", f"{action}_searchpromotion")
        for action in ("add", "change", "delete")
    ],
    ("wagtailsearchpromotions", "query", "view_query"),
]
# Imports are run from the command line; editors review what they produced (the review
# queue's state is a change to the record).
REVIEW_QUEUE_PERMISSIONS = [
    ("legacy", "importrecord", "view_importrecord"),
    ("legacy", "importrecord", "change_importrecord"),
    ("legacy", "importrun", "view_importrun"),
]
GLOBAL_PERMISSIONS: dict[str, list[tuple[str, str, str]]] = {
    CONTRIBUTORS: [ACCESS_ADMIN],
    EDITORS: [
        ACCESS_ADMIN,
        *[
            ("reviews", "contributor", f"{action}_contributor")
            for action in ("add", "change", "delete", "view")
        ],
        *REVIEW_QUEUE_PERMISSIONS,
        *SEARCH_PERMISSIONS,
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
# "add" alone lets contributors edit, and delete while unpublished, only the pages they own
# (wagtail.permission_policies.pages): "change" would open every draft below the section, and
# the section page itself. No publish: they submit for moderation instead.
CONTRIBUTOR_PAGE_PERMISSIONS = ("add_page",)
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
        grant_global_permissions(name, GLOBAL_PERMISSIONS[name], apps)
        if root_collection is None:
            continue
        for spec in COLLECTION_PERMISSIONS[name]:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=get_permission(apps, *spec)
            )


def grant_global_permissions(
    group_name: str, specs: list[tuple[str, str, str]], apps: Apps = global_apps
) -> None:
    """Add these permissions to the group, if the group exists (never removes any)."""
    group = apps.get_model("auth", "Group").objects.filter(name=group_name).first()
    if group is not None:
        group.permissions.add(*(get_permission(apps, *spec) for spec in specs))


def revoke_contributor_change_on_sections(apps: Apps = global_apps) -> int:
    """Take back "change" on the section pages, which earlier versions gave contributors.

    In Wagtail "change" on a page covers every page below it, so it let any contributor edit
    and delete everyone's drafts and edit the section page itself; "add" (kept) already lets
    them edit their own. Only that grant goes: "change" given elsewhere by hand stays.
    """
    section_ids = apps.get_model("reviews", "SectionPage").objects.values_list("pk", flat=True)
    grants = apps.get_model("wagtailcore", "GroupPagePermission").objects.filter(
        group__name=CONTRIBUTORS,
        page_id__in=list(section_ids),
        permission__content_type__app_label="wagtailcore",
        permission__codename="change_page",
    )
    deleted, _ = grants.delete()
    return deleted


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


def apply_page_permissions(home_id: int, section_ids: list[int]) -> None:
    """Called by ``ensure_site_tree`` with the home page's and the sections' ids: page grants
    and the workflow need the pages to exist (this module knows no page model)."""
    grant_page_roles(home_id, section_ids)
    assign_moderation_workflow(section_ids)
