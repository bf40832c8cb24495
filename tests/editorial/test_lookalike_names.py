"""Issue 21, finding 8 (admin side): the admin saves names and titles without invisible
format characters, and refuses a contributor who only looks like one already there."""

from reviews.models import Contributor, FilmReviewPage
from tests.editorial.conftest import add_url, film_review_form
from tests.editorial.test_malformed_posts import field_errors

CREATE = "/admin/reviews/contributor/create/"


def add_contributor(client, name: str):
    return client.post(CREATE, {"name": name, "slug": "", "bio": "", "photo": ""})


def test_a_lookalike_of_a_contributor_is_refused_with_one_error(editor_client, site_tree):
    Contributor.objects.create(name="Ruth Abernathy")
    for lookalike in (
        "Ruth \u0410bernathy",  # Cyrillic А
        "Ruth Abernathy\u202e",  # right-to-left override
        "Ruth Aber\u200bnathy",  # zero-width space
        "RUTH ABERNATHY",
    ):
        response = add_contributor(editor_client, lookalike)
        assert response.status_code == 200, repr(lookalike)
        errors = field_errors(response.content.decode())["name"]
        assert len(errors) == 1 and "looks the same as “Ruth Abernathy”" in errors[0]
    assert list(Contributor.objects.values_list("name", flat=True)) == ["Ruth Abernathy"]


def test_a_new_name_is_saved_without_invisible_characters(editor_client, site_tree):
    assert add_contributor(editor_client, "Zoë\u200b Brand\u202e").status_code == 302
    assert Contributor.objects.get().name == "Zoë Brand"
    # Joiners that shape a word in a joining script are letters' business, and stay.
    assert add_contributor(editor_client, "می\u200cخواهم").status_code == 302
    assert Contributor.objects.filter(name="می\u200cخواهم").exists()


def test_a_page_title_is_saved_without_invisible_characters(editor_client, site_tree):
    url = add_url(FilmReviewPage, site_tree.sections["film"])
    response = editor_client.post(url, film_review_form(title="Ikiru\u202e \u200bReview"))
    assert response.status_code == 302
    assert FilmReviewPage.objects.get(slug="the-quiet-harbour").title == "Ikiru Review"
