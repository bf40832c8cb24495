"""The role table in docs/editors.md, checked row by row against what each group can do.

Every row of the table has a check here, asked of a real member of each group through
Wagtail's own permission testers and policies (the ones the admin's views call), on real pages,
images and documents owned by the member or by someone else. A row added to the table without
a check, or a check whose row is gone, fails too.
"""

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permissions import policy_registry

import pytest
from PIL import Image as PILImage

from editorial.roles import CONTRIBUTORS, EDITORS
from tests.conftest import make_film_review
from tests.editorial.conftest import make_member

pytestmark = pytest.mark.django_db

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "editors.md"
ROLES = {"Contributors": CONTRIBUTORS, "Editors": EDITORS}
PROMOTION_ACTIONS = ("add", "change", "delete")


def role_table() -> dict[str, dict[str, bool]]:
    """{row label: {group name: yes?}} from the guide's "Who can do what" table."""
    section = GUIDE.read_text().split("## Who can do what", 1)[1]
    rows = [line for line in section.split("\n\n", 2)[1].splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    table = {}
    for line in rows[2:]:  # past the header and the |---| line
        label, *answers = (cell.strip() for cell in line.strip("|").split("|"))
        table[label] = {
            ROLES[column]: re.match(r"(yes|no)\b", answer).group(1) == "yes"
            for column, answer in zip(header[1:], answers, strict=True)
        }
    return table


@dataclass
class World:
    """A member of one group, and pages and files of their own and of another contributor."""

    user: object
    tree: object
    own_draft: Page
    own_live: Page
    others_draft: Page
    others_live: Page
    others_submitted: Page
    own_image: object
    others_image: object
    own_document: object
    others_document: object

    def page(self, page):
        return Page.objects.get(pk=page.pk).permissions_for_user(self.user)

    def sections(self) -> list:
        return [self.page(section) for section in self.tree.sections.values()]

    def can(self, *codenames: str) -> list[bool]:
        return [self.user.has_perm(codename) for codename in codenames]


def image(owner):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "#333").save(buffer, "PNG")
    file = ImageFile(buffer, name="still.png")
    return get_image_model().objects.create(title="Still", file=file, uploaded_by_user=owner)


def document(owner):
    file = ContentFile(b"Press kit", name="press.txt")
    return get_document_model().objects.create(
        title="Press kit", file=file, uploaded_by_user=owner
    )


def build_world(tree, user, other) -> World:
    film = tree.sections["film"]

    def review(slug: str, owner, live: bool) -> Page:
        return make_film_review(film, title=slug, slug=slug, owner=owner, live=live)

    submitted = review("others-submitted", other, False)
    submitted.get_workflow().start(submitted, other)
    return World(
        user=user,
        tree=tree,
        own_draft=review("own-draft", user, False),
        own_live=review("own-live", user, True),
        others_draft=review("others-draft", other, False),
        others_live=review("others-live", other, True),
        others_submitted=submitted,
        own_image=image(user),
        others_image=image(other),
        own_document=document(user),
        others_document=document(other),
    )


def approves(world: World) -> bool:
    page = world.others_submitted
    task = page.current_workflow_task.specific
    return any(action == "approve" for action, *_ in task.get_actions(page, world.user))


def files(world: World, image, document) -> list[bool]:
    image_policy = policy_registry.get_by_type(get_image_model())
    document_policy = policy_registry.get_by_type(get_document_model())
    return [
        policy.user_has_permission_for_instance(world.user, action, instance)
        for policy, instance in ((image_policy, image), (document_policy, document))
        for action in ("change", "delete")
    ]


CHECKS: dict[str, Callable[[World], list[bool]]] = {
    "Add pages in Film Reviews, Book Reviews, News, Features": lambda w: [
        section.can_add_subpage() for section in w.sections()
    ],
    "Edit their own pages there, and delete them while unpublished": lambda w: [
        w.page(w.own_draft).can_edit(),
        w.page(w.own_draft).can_delete(),
        w.page(w.own_live).can_edit(),
    ],
    "Edit or delete pages that other people wrote": lambda w: [
        w.page(w.others_draft).can_edit(),
        w.page(w.others_draft).can_delete(),
        w.page(w.others_live).can_edit(),
        w.page(w.others_live).can_delete(),
    ],
    "Edit the section pages themselves": lambda w: [
        section.can_edit() for section in w.sections()
    ],
    "Submit a draft for moderation": lambda w: [
        w.page(w.own_draft).can_edit(),
        w.page(w.own_draft).can_submit_for_moderation(),
    ],
    "Approve, publish, unpublish, schedule": lambda w: [
        approves(w),
        w.page(w.others_draft).can_publish(),
        w.page(w.others_live).can_unpublish(),
        w.page(w.others_draft).can_unschedule(),
    ],
    "Edit Home, About Us and other pages outside the sections": lambda w: [
        w.page(w.tree.home).can_edit(),
        w.page(w.tree.about).can_edit(),
    ],
    "Lock and unlock pages, delete pages with children": lambda w: [
        w.page(w.others_live).can_lock(),
        w.page(w.others_live).can_unlock(),
        w.page(w.tree.sections["film"]).can_delete(),
    ],
    "Upload images and documents, and edit or delete their own": lambda w: (
        [
            policy_registry.get_by_type(model).user_has_permission(w.user, "add")
            for model in (get_image_model(), get_document_model())
        ]
        + files(w, w.own_image, w.own_document)
    ),
    "Edit or delete images and documents that others uploaded": lambda w: files(
        w, w.others_image, w.others_document
    ),
    "Manage contributors (Contributors menu)": lambda w: w.can(
        *(f"reviews.{action}_contributor" for action in ("add", "change", "delete"))
    ),
    "See imported pages and import runs (Legacy import menu)": lambda w: w.can(
        "legacy.view_importrecord", "legacy.view_importrun"
    ),
    "Pin promoted search results, read the Search terms report": lambda w: w.can(
        *(f"wagtailsearchpromotions.{action}_searchpromotion" for action in PROMOTION_ACTIONS),
        "wagtailsearchpromotions.view_query",
    ),
    "Site settings, users, groups, workflows": lambda w: w.can(
        "wagtailcore.change_site",
        "auth.change_user",
        "auth.change_group",
        "wagtailcore.change_workflow",
    ),
}

TABLE = role_table()


def test_every_row_of_the_table_has_a_check():
    assert set(TABLE) == set(CHECKS)


@pytest.mark.parametrize("group_name", [CONTRIBUTORS, EDITORS])
@pytest.mark.parametrize("row", list(TABLE))
def test_the_row_says_what_the_group_can_do(site_tree, django_user_model, group_name, row):
    user = make_member(django_user_model, "member", group_name)
    other = make_member(django_user_model, "other", CONTRIBUTORS)
    answers = CHECKS[row](build_world(site_tree, user, other))
    documented = TABLE[row][group_name]
    # Every part of a row holds, or none does: "yes" for half of it would be a wrong table.
    assert answers == [documented] * len(answers), (row, group_name, answers)
