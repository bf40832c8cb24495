"""The small magazine the browser tests read, edit and check."""

import datetime
import re
from dataclasses import dataclass

from playwright.sync_api import expect

from reviews.models import SECTION_PAGE_SIZE, Contributor, FilmReviewPage
from tests.conftest import make_article, make_book_review, make_film_review
from tests.reader.conftest import quick_film


@dataclass
class Magazine:
    review: FilmReviewPage
    section_url: str


def build_magazine(site_tree) -> Magazine:
    films = site_tree.section_for("film")
    reviewer = Contributor.objects.create(name="Mara Lindqvist", bio="Nordic cinema.")
    review = make_film_review(
        films,
        title="The Quiet Harbour",
        slug="the-quiet-harbour",
        directors=("Agnès Varda",),
        countries="France/Belgium",
        year=1994,
        reviewer=reviewer,
        date=datetime.date(2030, 1, 1),
        summary="A fishing town waits out a winter storm.",
        body=[
            (
                "paragraph",
                "<p>A film about <i>waiting</i>, and the harbour that waits with us.</p>",
            ),
            ("heading", {"text": "The storm", "level": "h2"}),
            (
                "pull_quote",
                {"quote": "Nothing happens, and everything is lost.", "attribution": ""},
            ),
            ("paragraph", "<p>It ends where it began, on the quay.</p>"),
        ],
    )
    # One more than a page of reviews, so the section has a second page to turn to.
    for number in range(SECTION_PAGE_SIZE):
        quick_film(
            films,
            f"Archive Film {number:02d}",
            slug=f"archive-film-{number:02d}",
            directors=("Mark Romanek",),
            year=1990 + number,
            reviewer=reviewer,
            summary=f"An older review, number {number}.",
            date=datetime.date(2010, 1, 1) + datetime.timedelta(days=number),
        )
    make_book_review(site_tree.section_for("book"), reviewer=reviewer)
    make_article(site_tree.section_for("news"), title="Festival opens", author=reviewer)
    return Magazine(review=review, section_url=films.url)


EDITOR_PASSWORD = "correct horse battery staple"


def log_in_as_editor(page, live_server, django_user_model) -> None:
    """Create a superuser "editor" and sign in through the admin's own login form."""
    django_user_model.objects.create_superuser("editor", "editor@example.com", EDITOR_PASSWORD)
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
