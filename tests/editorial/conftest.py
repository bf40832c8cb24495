"""People in the two editorial roles, each logged in on their own admin client."""

from django.contrib.auth.models import Group
from django.test import Client

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from editorial.roles import CONTRIBUTORS, EDITORS


def make_member(django_user_model, username: str, group_name: str):
    user = django_user_model.objects.create_user(
        username, email=f"{username}@example.com", password="not-used", first_name=username
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def contributor_user(site_tree, django_user_model):
    return make_member(django_user_model, "carla", CONTRIBUTORS)


@pytest.fixture
def editor_user(site_tree, django_user_model):
    return make_member(django_user_model, "edith", EDITORS)


@pytest.fixture
def contributor_client(contributor_user) -> Client:
    return logged_in(contributor_user)


@pytest.fixture
def editor_client(editor_user) -> Client:
    return logged_in(editor_user)


def add_url(model, parent) -> str:
    return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"


def film_review_form(
    *,
    title="The Quiet Harbour",
    slug="the-quiet-harbour",
    reviewer=None,
    action: str | None = None,
    **overrides,
) -> dict:
    """What the admin's film review form posts; ``action`` is e.g. "publish" or "submit"."""
    fields = {
        "title": title,
        "slug": slug,
        "original_title": "",
        "creators": inline_formset([{"name": "Hana Sato"}], min=1),
        "countries": "Japan",
        "year": "2022",
        "reviewer": str(reviewer.pk) if reviewer else "",
        "date": "2024-01-08",
        "summary": "Grief waits politely to be noticed.",
        "lead_image": "",
        "body": streamfield([("paragraph", rich_text("<p>Sato never tells us.</p>"))]),
        **overrides,
    }
    if action:
        fields[f"action-{action}"] = action
    return nested_form_data(fields)
