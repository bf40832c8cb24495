"""What editors can create where, and the tree builder that makes a fresh site."""

from io import StringIO

from django.core.management import call_command

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

import pytest

from home.models import HomePage, StandardPage
from home.tree import ensure_site_tree
from reviews.models import ArticlePage, BookReviewPage, FilmReviewPage, ReviewPage, SectionPage


class PageTypeRulesTests(WagtailPageTestCase):
    def test_home_holds_sections_and_plain_pages_only(self):
        self.assertAllowedSubpageTypes(HomePage, {SectionPage, StandardPage})

    def test_sections_hold_reviews_and_articles(self):
        self.assertAllowedSubpageTypes(SectionPage, {FilmReviewPage, BookReviewPage, ArticlePage})

    def test_nothing_goes_under_a_review_or_an_article(self):
        for leaf in (FilmReviewPage, BookReviewPage, ArticlePage):
            self.assertAllowedSubpageTypes(leaf, set())

    def test_sections_only_under_home(self):
        self.assertAllowedParentPageTypes(SectionPage, {HomePage})

    def test_no_review_under_about_us(self):
        self.assertCanNotCreateAt(StandardPage, FilmReviewPage)
        self.assertCanNotCreateAt(StandardPage, SectionPage)

    def test_the_shared_review_base_is_never_offered(self):
        assert not ReviewPage.is_creatable


@pytest.mark.django_db
class TestSectionKinds:
    """A section's kind decides which page types editors are offered in it."""

    @pytest.mark.parametrize(
        ("kind", "allowed", "refused"),
        [
            ("film", FilmReviewPage, (BookReviewPage, ArticlePage)),
            ("book", BookReviewPage, (FilmReviewPage, ArticlePage)),
            ("news", ArticlePage, (FilmReviewPage, BookReviewPage)),
            ("feature", ArticlePage, (FilmReviewPage, BookReviewPage)),
        ],
    )
    def test_creatable_by_kind(self, site_tree, kind, allowed, refused):
        section = site_tree.sections[kind]
        assert allowed.can_create_at(section)
        for page_type in refused:
            assert not page_type.can_create_at(section)

    def test_admin_add_subpage_lists_only_the_right_type(self, admin_client, site_tree):
        section = site_tree.sections["book"]
        response = admin_client.get(f"/admin/pages/{section.pk}/add_subpage/")
        # With a single allowed type Wagtail goes straight to its create form.
        assert response.status_code == 302
        assert "/reviews/bookreviewpage/" in response["Location"]

    def test_a_film_review_cannot_be_moved_into_book_reviews(self, site_tree):
        from tests.conftest import make_film_review

        review = make_film_review(site_tree.sections["film"])
        assert not review.can_move_to(site_tree.sections["book"])
        assert review.can_move_to(site_tree.sections["film"])


@pytest.mark.django_db
class TestTreeBuilder:
    def test_builds_home_sections_and_about_on_an_empty_database(self):
        tree = ensure_site_tree()
        site = Site.objects.get(is_default_site=True)
        assert site.root_page.specific == tree.home
        assert [s.title for s in tree.home.sections()] == [
            "Film Reviews",
            "Book Reviews",
            "News",
            "Features",
        ]
        assert tree.about.live and tree.about.get_parent().specific == tree.home
        # Wagtail's own welcome page is gone, not left beside Home.
        assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail").exists()

    def test_running_twice_creates_nothing_new(self):
        call_command("setup_site", stdout=StringIO())
        count = Page.objects.count()
        call_command("setup_site", stdout=StringIO())
        assert Page.objects.count() == count
        assert Site.objects.count() == 1

    def test_existing_sections_are_reused(self, site_tree):
        film = site_tree.sections["film"]
        film.title = "Cinema"
        film.save_revision().publish()
        again = ensure_site_tree()
        assert again.sections["film"].pk == film.pk
        assert SectionPage.objects.filter(kind="film").count() == 1

    def test_demo_content_is_idempotent(self):
        call_command("load_demo_content", stdout=StringIO())
        count = Page.objects.count()
        assert FilmReviewPage.objects.live().count() >= 6
        call_command("load_demo_content", stdout=StringIO())
        assert Page.objects.count() == count
