"""Issue 21, finding 4: what a stranger can put in a URL, a form or a cookie never reaches
the database in a form it refuses (PostgreSQL: NUL in text, more than a varchar holds).

These run on every database CI uses; the 500s they guard against were PostgreSQL's.
"""

from http.cookies import SimpleCookie

from django.test import override_settings

import pytest

from tests.conftest import make_film_review

LONG_NAME = "u" * 300


@pytest.fixture
def review(site_tree, contributor):
    return make_film_review(site_tree.section_for("film"), reviewer=contributor)


NUL_PATHS = [
    "/contributors/%00/",
    "/contributors/howard%00schumann/",
    "/film-reviews/%00/",
    "/film-reviews/never-let-me-go%00/",
    "/film-reviews/directors/%00/",
    "/%00",
]
NUL_QUERIES = ["page=%00", "page=1%00", "year=%00", "order=%00", "q=%00", "%00=1", "section=%00"]


def test_a_nul_byte_in_a_path_is_not_found(client, review):
    assert {path: client.get(path).status_code for path in NUL_PATHS} == dict.fromkeys(
        NUL_PATHS, 404
    )


def test_a_nul_byte_in_a_parameter_is_ignored(client, review):
    paths = ("/film-reviews/", f"/contributors/{review.reviewer.slug}/", "/search/")
    statuses = {
        f"{path}?{query}": client.get(f"{path}?{query}").status_code
        for path in paths
        for query in NUL_QUERIES
    }
    assert statuses == dict.fromkeys(statuses, 200)


def test_a_nul_byte_in_a_cookie_is_ignored(client, review):
    client.cookies = SimpleCookie({"sessionid": "\\000" * 12, "csrftoken": "a\\000b"})
    assert client.get("/film-reviews/never-let-me-go/").status_code == 200


@override_settings(AXES_ENABLED=True)
@pytest.mark.parametrize("path", ["/_util/login/", "/admin/login/", "/django-admin/login/"])
def test_a_login_with_an_impossible_username_shows_the_form_with_an_error(client, db, path):
    for username in (LONG_NAME, "ad\x00min", "\x00" * 300):
        response = client.post(path, {"username": username, "password": "wrong"})
        assert response.status_code == 200, username
        assert response.context["form"].errors, username
