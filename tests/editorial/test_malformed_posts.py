"""Issue 21, finding 12: whatever an admin form posts, an editor gets the form back with one
error per mistake, never a 500 (a hand-made POST, or one damaged on the way)."""

from bs4 import BeautifulSoup

from reviews.models import Contributor, FilmReviewPage
from tests.conftest import make_film_review
from tests.editorial.conftest import add_url, film_review_form

# Each a mistake in one field: (what is posted, the field that must carry the one error).
MALFORMED = {
    "reviewer": ({"reviewer": "abc"}, "reviewer"),
    "lead_image": ({"lead_image": "abc"}, "lead_image"),
    "body-count": ({"body-count": "abc"}, "body"),
    "creators-TOTAL_FORMS": ({"creators-TOTAL_FORMS": "abc"}, None),
    "date": ({"date": "abc"}, "date"),
    "year": ({"year": "99999999999999999999"}, "year"),
    "rating_value": ({"rating_value": "abc", "rating_best": "10"}, "rating_value"),
    "rating_best": ({"rating_value": "8", "rating_best": "abc"}, "rating_best"),
}


def field_errors(html: str) -> dict[str, list[str]]:
    """The error messages shown beside each field of an admin form."""
    soup = BeautifulSoup(html, "html.parser")
    errors = {}
    for field in soup.select("[data-field]"):
        messages = [" ".join(e.get_text().split()) for e in field.select(".error-message")]
        inputs = field.select("[name]")
        if messages and inputs:
            errors.setdefault(inputs[0]["name"], []).extend(messages)
    return errors


def test_each_malformed_field_gets_the_form_back_with_one_error(editor_client, site_tree):
    url = add_url(FilmReviewPage, site_tree.sections["film"])
    for mistake, (posted, field) in MALFORMED.items():
        form = film_review_form()
        form.update(posted)
        response = editor_client.post(url, form)
        assert response.status_code == 200, mistake  # the form again, never a 500
        html = response.content.decode()
        if field == "body":  # a StreamField's errors travel in its JSON for the editor's JS
            assert html.count("arrived damaged") == 1, mistake
        elif field:
            errors = field_errors(html)
            assert len(errors.get(field, [])) == 1, (mistake, errors)
    assert not FilmReviewPage.objects.filter(slug="the-quiet-harbour").exists()


def test_a_rating_that_is_no_number_says_only_that(editor_client, site_tree):
    review = make_film_review(site_tree.sections["film"], rating_value=8, rating_best=10)
    form = film_review_form(slug=review.slug, rating_value="abc", rating_best="5")
    response = editor_client.post(f"/admin/pages/{review.pk}/edit/", form)
    assert response.status_code == 200
    assert field_errors(response.content.decode())["rating_value"] == ["Enter a number."]


def test_a_contributor_with_a_malformed_photo_gets_the_form_back(editor_client, site_tree):
    posted = {"name": "Ruth Abernathy", "slug": "", "bio": "", "photo": "abc"}
    response = editor_client.post("/admin/reviews/contributor/create/", posted)
    assert response.status_code == 200
    assert not Contributor.objects.filter(name="Ruth Abernathy").exists()
