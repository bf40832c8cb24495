"""Page passwords are rate-limited like logins: per client address and per protected page."""

import time

from django.test import Client, override_settings

from wagtail.models import PageViewRestriction

import pytest

from editorial.models import PagePasswordFailures
from tests.conftest import make_film_review

pytestmark = pytest.mark.django_db

PASSWORD = "members-only"
LIMIT = 3


@pytest.fixture
def review(site_tree):
    return make_film_review(site_tree.sections["film"], title="Ikiru")


@pytest.fixture
def restriction(review):
    return PageViewRestriction.objects.create(
        page=review, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )


def reader(address: str, **extra) -> Client:
    return Client(REMOTE_ADDR=address, **extra)


def try_password(client, restriction, review, password: str):
    return client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{review.pk}/",
        {"password": password, "return_url": review.url},
    )


def reads_the_review(client, review) -> bool:
    return "A review of Ikiru." in client.get(review.url).content.decode()


@override_settings(PAGE_PASSWORD_FAILURE_LIMIT=LIMIT)
def test_the_guesser_is_locked_out_and_other_readers_are_not(review, restriction):
    guesser = reader("203.0.113.7")
    answers = [try_password(guesser, restriction, review, f"guess-{n}") for n in range(LIMIT)]
    assert [answer.status_code for answer in answers] == [200] * (LIMIT - 1) + [429]

    refused = try_password(guesser, restriction, review, PASSWORD)
    assert refused.status_code == 429
    assert "Too many wrong passwords" in refused.content.decode()
    assert int(refused["Retry-After"]) > 3000  # the one-hour default cool-off
    assert not reads_the_review(guesser, review)

    other = reader("198.51.100.20")
    assert try_password(other, restriction, review, PASSWORD).status_code == 302
    assert reads_the_review(other, review)


@override_settings(PAGE_PASSWORD_FAILURE_LIMIT=LIMIT, PAGE_PASSWORD_COOLOFF_HOURS=2 / 3600)
def test_after_the_cool_off_the_right_password_works(review, restriction):
    guesser = reader("203.0.113.7")
    for n in range(LIMIT):
        try_password(guesser, restriction, review, f"guess-{n}")
    assert try_password(guesser, restriction, review, PASSWORD).status_code == 429
    time.sleep(2.1)
    assert try_password(guesser, restriction, review, PASSWORD).status_code == 302
    assert reads_the_review(guesser, review)


@override_settings(PAGE_PASSWORD_FAILURE_LIMIT=LIMIT)
def test_a_few_typos_then_the_right_password_start_the_count_again(review, restriction):
    typist = reader("203.0.113.7")
    for _ in range(2):
        for n in range(LIMIT - 1):
            assert try_password(typist, restriction, review, f"typo-{n}").status_code == 200
        assert try_password(typist, restriction, review, PASSWORD).status_code == 302


@override_settings(PAGE_PASSWORD_FAILURE_LIMIT=LIMIT)
def test_the_lockout_is_for_one_page_only(site_tree, review, restriction):
    other_page = make_film_review(site_tree.sections["film"], title="Rashomon", slug="rashomon")
    other_restriction = PageViewRestriction.objects.create(
        page=other_page, restriction_type=PageViewRestriction.PASSWORD, password="another"
    )
    guesser = reader("203.0.113.7")
    for n in range(LIMIT):
        try_password(guesser, restriction, review, f"guess-{n}")
    assert try_password(guesser, other_restriction, other_page, "another").status_code == 302


@override_settings(PAGE_PASSWORD_FAILURE_LIMIT=LIMIT, TRUSTED_PROXY_COUNT=1)
def test_behind_the_load_balancer_each_reader_is_counted_by_their_own_address(review, restriction):
    balancer = "10.0.0.2"
    guesser = reader(balancer, HTTP_X_FORWARDED_FOR="203.0.113.7")
    for n in range(LIMIT):
        try_password(guesser, restriction, review, f"guess-{n}")
    assert try_password(guesser, restriction, review, PASSWORD).status_code == 429
    neighbour = reader(balancer, HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert try_password(neighbour, restriction, review, PASSWORD).status_code == 302


def test_the_password_form_still_opens(client, review, restriction):
    response = client.get(f"/_util/authenticate_with_password/{restriction.pk}/{review.pk}/")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


@override_settings(PAGE_PASSWORD_FAILURE_LIMIT=LIMIT)
def test_an_administrator_lifts_a_lockout_early(admin_client, review, restriction):
    guesser = reader("203.0.113.7")
    for n in range(LIMIT):
        try_password(guesser, restriction, review, f"guess-{n}")
    listing = admin_client.get("/django-admin/editorial/pagepasswordfailures/")
    assert listing.status_code == 200 and "203.0.113.7" in listing.content.decode()
    lockout = PagePasswordFailures.objects.get(client_ip="203.0.113.7")
    url = f"/django-admin/editorial/pagepasswordfailures/{lockout.pk}/delete/"
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert try_password(guesser, restriction, review, PASSWORD).status_code == 302


def test_a_guess_at_no_such_password_is_not_found_and_not_counted(review, restriction):
    url = f"/_util/authenticate_with_password/{restriction.pk + 1000}/{review.pk}/"
    assert reader("203.0.113.9").post(url, {"password": "x"}).status_code == 404
    assert not PagePasswordFailures.objects.exists()
