"""HEAD where GET works, and where a reader lands when the ``next`` they brought is refused."""

from django.contrib.auth import get_user_model

from wagtail.models import PageViewRestriction

import pytest

from tests.conftest import make_film_review

pytestmark = pytest.mark.django_db

HOSTILE_NEXT = "https://evil.example/"


@pytest.mark.parametrize("url", ["/search/?q=ikiru", "/search/", "/robots.txt"])
def test_head_answers_like_get_without_a_body(client, site_tree, url):
    make_film_review(site_tree.sections["film"], title="Ikiru")
    get = client.get(url)
    head = client.head(url)
    assert head.status_code == get.status_code == 200
    assert head["Content-Type"] == get["Content-Type"]
    assert head.content == b""


@pytest.mark.parametrize("url", ["/search/?q=ikiru", "/robots.txt"])
def test_writes_are_still_refused(client, site_tree, url):
    assert client.post(url).status_code == 405


def assert_lands_on_the_home_page(client, response) -> None:
    assert response.status_code == 302
    assert "evil.example" not in response.url
    landing = client.get(response.url)
    assert landing.status_code == 200  # not /accounts/profile/, which is a 404
    assert "Talking Pictures" in landing.content.decode()


def test_login_form_with_a_hostile_next(client, site_tree):
    get_user_model().objects.create_user("reader", password="right-password")
    response = client.post(
        f"/_util/login/?next={HOSTILE_NEXT}",
        {"username": "reader", "password": "right-password", "next": HOSTILE_NEXT},
    )
    assert client.session["_auth_user_id"]
    assert_lands_on_the_home_page(client, response)


def test_page_password_form_with_a_hostile_return_url(client, site_tree):
    review = make_film_review(site_tree.sections["film"], title="Ikiru")
    restriction = PageViewRestriction.objects.create(
        page=review, restriction_type=PageViewRestriction.PASSWORD, password="members"
    )
    response = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{review.pk}/",
        {"password": "members", "return_url": HOSTILE_NEXT},
    )
    assert_lands_on_the_home_page(client, response)
    assert client.get(review.url).status_code == 200  # and the password was accepted
