"""Production security headers, a CSP that readers and editors can both live with, axes lockout."""

from django.contrib.auth import get_user_model
from django.test import override_settings

import pytest

from tests.conftest import make_film_review
from tests.production.conftest import READER_URLS

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(site_tree):
    return make_film_review(site_tree.section_for("film"), title="Ikiru")


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(user)
    return user


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return {part.split(" ", 1)[0]: part for part in (p.strip() for p in policy.split(";"))}


def test_reader_pages_carry_every_security_header(client, production_stack, review):
    response = client.get(review.url, secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_reader_csp_allows_no_inline_code(client, production_stack, review):
    policy = directives(client.get(review.url, secure=True))
    assert policy["script-src"] == "script-src 'self'"
    assert policy["style-src"] == "style-src 'self'"
    assert policy["object-src"] == "object-src 'none'"
    assert policy["frame-ancestors"] == "frame-ancestors 'none'"
    assert "https://www.youtube-nocookie.com" in policy["frame-src"]  # trailers


@pytest.mark.parametrize("url", READER_URLS)
def test_reader_pages_have_no_inline_scripts_or_styles(client, production_stack, review, url):
    """The strict policy only works while templates keep code and styles in files."""
    html = client.get(url, secure=True).content.decode()
    assert "<script>" not in html and " style=" not in html and "<style" not in html
    assert " onclick=" not in html and " onload=" not in html


def test_admin_gets_its_inline_allowance_and_loads(client, production_stack, editor, review):
    for url in ["/admin/", f"/admin/pages/{review.pk}/edit/", "/admin/images/"]:
        response = client.get(url, secure=True)
        assert response.status_code == 200, url
        policy = directives(response)
        assert "'unsafe-inline'" in policy["script-src"], url
        assert policy["frame-ancestors"] == "frame-ancestors 'self'", url


def test_preview_can_be_framed_by_the_admin(client, production_stack, editor, review):
    response = client.get(f"/admin/pages/{review.pk}/edit/preview/", secure=True)
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response)["frame-ancestors"] == "frame-ancestors 'self'"


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_admin_login_locks_out_after_repeated_failures(client, production_stack, site_tree):
    get_user_model().objects.create_superuser("editor", "editor@example.com", "right-password")
    for _ in range(3):
        response = client.post(
            "/admin/login/", {"username": "editor", "password": "wrong"}, secure=True
        )
    assert response.status_code == 429  # the third failure already locks
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "right-password"}, secure=True
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_a_few_typos_do_not_lock_out(client, production_stack, site_tree):
    get_user_model().objects.create_superuser("editor", "editor@example.com", "right-password")
    for _ in range(2):
        client.post("/admin/login/", {"username": "editor", "password": "wrong"}, secure=True)
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "right-password"}, secure=True
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"]
