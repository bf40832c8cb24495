"""Readers' view: every page type renders every block; sections paginate; errors are styled."""

import datetime
import io

from django.core.files.images import ImageFile
from django.test import Client, override_settings

from wagtail.images.models import Image

import pytest
from PIL import Image as PILImage

from home.models import StandardPage
from reviews.browsing import split_countries
from reviews.models import Contributor, FilmReviewPage
from tests.conftest import make_article, make_book_review, make_film_review, publish


@pytest.fixture
def still(db) -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 36), "#333").save(buffer, "PNG")
    return Image.objects.create(title="A still", file=ImageFile(buffer, name="still.png"))


@pytest.fixture
def every_block(still, contributor) -> list:
    return [
        ("epigraph", {"quote": "Love is a symbol of eternity.", "attribution": "Author Unknown"}),
        ("spoiler_notice", {"label": "Spoiler alert", "text": "The ending is discussed."}),
        ("paragraph", "<p>The first paragraph, with <i>emphasis</i>.</p>"),
        ("heading", {"text": "The making of", "level": "h2"}),
        (
            "image",
            {
                "image": still,
                "alt_text": "Two figures on a pier",
                "caption": "On the pier",
                "credit": "Studio photo",
            },
        ),
        ("pull_quote", {"quote": "Nothing happens, and everything is lost.", "attribution": ""}),
        ("trailer", {"video": "https://youtu.be/aqz-KE-bpKQ", "caption": "Trailer"}),
        ("signature", {"contributor": contributor, "name": "", "dateline": "March 2011"}),
    ]


def assert_every_block_rendered(page_html: str) -> None:
    html = page_html[page_html.index("<main") : page_html.index("</main>")]
    assert '<figure class="epigraph">' in html
    assert "<blockquote><p>Love is a symbol of eternity.</p></blockquote>" in html
    assert "<figcaption>Author Unknown</figcaption>" in html
    assert (
        'role="note"' in html and "<strong>Spoiler alert</strong> The ending is discussed." in html
    )
    assert "<i>emphasis</i>" in html
    assert "<h2>The making of</h2>" in html
    assert 'alt="Two figures on a pier"' in html and "Studio photo" in html
    assert "Nothing happens, and everything is lost." in html
    assert "youtube-nocookie.com/embed/aqz-KE-bpKQ" in html
    assert '<span class="signature__name">Howard Schumann</span>' in html
    assert "March 2011" in html
    # Blocks appear in the order the editor placed them.
    order = [
        "Author Unknown",
        "Spoiler alert",
        "emphasis",
        "The making of",
        "On the pier",
        "Nothing happens",
        "youtube-nocookie",
        "signature__name",
    ]
    positions = [html.index(marker) for marker in order]
    assert positions == sorted(positions)


@pytest.mark.django_db
class TestPageTypesRender:
    def test_film_review(self, client, site_tree, every_block, contributor):
        review = make_film_review(
            site_tree.sections["film"],
            body=every_block,
            reviewer=contributor,
            original_title="Nunca me abandones",
        )
        html = client.get(review.url).content.decode()
        assert "<h1>Never Let Me Go</h1>" in html
        assert '<p class="credits">Mark Romanek. U.K. 2010.</p>' in html
        assert 'Reviewed by <a href="/contributors/howard-schumann/">Howard Schumann</a>' in html
        assert "1 March 2011" in html
        assert "Nunca me abandones" in html
        assert_every_block_rendered(html)

    def test_book_review(self, client, site_tree, every_block, contributor):
        review = make_book_review(
            site_tree.sections["book"], body=every_block, reviewer=contributor
        )
        html = client.get(review.url).content.decode()
        assert '<p class="credits">Kazuo Ishiguro. Faber and Faber, 1989. 245 pages.</p>' in html
        assert_every_block_rendered(html)

    def test_article(self, client, site_tree, every_block, contributor):
        article = make_article(
            site_tree.sections["feature"],
            title="The long take",
            author=contributor,
            body=every_block,
        )
        html = client.get(article.url).content.decode()
        assert "<h1>The long take</h1>" in html
        assert 'By <a href="/contributors/howard-schumann/">Howard Schumann</a>' in html
        assert_every_block_rendered(html)

    def test_plain_page(self, client, site_tree, every_block):
        page = publish(site_tree.home, StandardPage(title="Letters", body=every_block))
        assert_every_block_rendered(client.get(page.url).content.decode())

    def test_signature_with_a_free_text_name(self, client, site_tree):
        body = [("signature", {"contributor": None, "name": "A Guest Writer", "dateline": ""})]
        review = make_film_review(site_tree.sections["film"], body=body)
        assert "A Guest Writer" in client.get(review.url).content.decode()

    def test_credits_line_follows_the_structured_fields(self, client, site_tree):
        review = make_film_review(
            site_tree.sections["film"],
            title="The White Ribbon",
            directors=["Michael Haneke"],
            countries="Germany/Austria/France",
            year=2009,
        )
        assert (
            "Michael Haneke. Germany/Austria/France. 2009."
            in client.get(review.url).content.decode()
        )
        assert split_countries(review.specific.countries) == ["Germany", "Austria", "France"]


@pytest.mark.django_db
class TestSectionListing:
    @pytest.fixture
    def film_section(self, site_tree):
        section = site_tree.sections["film"]
        start = datetime.date(2020, 1, 1)
        for number in range(45):
            # Live pages without revisions: listings read the page rows, and this is 5x faster.
            section.add_child(
                instance=FilmReviewPage(
                    title=f"Film {number:02d}", date=start + datetime.timedelta(days=number)
                )
            )
        make_film_review(
            section, title="Unpublished draft", live=False, date=datetime.date(2030, 1, 1)
        )
        return section

    def titles(self, response) -> list[str]:
        return [item.title for item in response.context["items"]]

    def test_newest_first_twenty_per_page(self, client, film_section):
        response = client.get(film_section.url)
        assert response.status_code == 200
        titles = self.titles(response)
        assert len(titles) == 20
        assert titles[0] == "Film 44" and titles[-1] == "Film 25"
        assert "Unpublished draft" not in response.content.decode()
        assert 'rel="next" href="?page=2"' in response.content.decode()

    def test_last_page(self, client, film_section):
        assert self.titles(client.get(film_section.url, {"page": 3})) == [
            "Film 04",
            "Film 03",
            "Film 02",
            "Film 01",
            "Film 00",
        ]

    @pytest.mark.parametrize(
        ("value", "expected_number"),
        [("abc", 1), ("9999", None), ("-1", None), ("", 1), ("2.5", 1)],
    )
    def test_bad_page_values_never_fail(self, client, film_section, value, expected_number):
        # Not a number: the first page; a page that does not exist: not found (never a 500).
        response = client.get(film_section.url, {"page": value})
        assert response.status_code == (200 if expected_number else 404)
        if expected_number:
            assert response.context["items"].number == expected_number

    def test_query_count_does_not_grow_with_the_page(
        self, client, film_section, django_assert_max_num_queries
    ):
        client.get(film_section.url)  # warm per-process caches (content types, site)
        with django_assert_max_num_queries(20):
            client.get(film_section.url)


@pytest.mark.django_db
class TestHomeAndChrome:
    def test_home_shows_newest_of_each_section_and_the_featured_review(self, client, site_tree):
        film = make_film_review(site_tree.sections["film"], title="Ikiru")
        make_book_review(site_tree.sections["book"], title="Orchard Light")
        make_article(site_tree.sections["news"], title="Festival season opens")
        site_tree.home.featured_review = film
        site_tree.home.save_revision().publish()
        html = client.get("/").content.decode()
        assert "Featured review" in html and film.url in html
        for title in ("Ikiru", "Orchard Light", "Festival season opens"):
            assert title in html

    def test_navigation_lists_live_sections_only(self, client, site_tree):
        news = site_tree.sections["news"]
        news.unpublish()
        html = client.get("/").content.decode()
        nav = html[html.index('<nav class="site-nav"') : html.index("</nav>")]
        assert "Film Reviews" in nav and "About Us" in nav
        assert "News" not in nav

    def test_landmarks_and_skip_link(self, client, site_tree):
        html = client.get("/").content.decode()
        for landmark in (
            '<header class="site-header">',
            '<main id="main"',
            "<footer",
            'role="search"',
            'href="#main"',
        ):
            assert landmark in html

    def test_404_in_the_site_style(self, client, site_tree):
        response = client.get("/no-such-review/")
        assert response.status_code == 404
        html = response.content.decode()
        assert "Page not found" in html and "Talking Pictures" in html and "site-nav" in html

    @override_settings(DEBUG=False)
    def test_500_in_the_site_style(self, site_tree, monkeypatch):
        from home.models import HomePage

        def explode(*args, **kwargs):
            raise RuntimeError("boom")

        monkeypatch.setattr(HomePage, "get_context", explode)
        response = Client(raise_request_exception=False).get("/")
        assert response.status_code == 500
        assert "Something went wrong" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Émile Ajar", "emile-ajar"), ("侯捷", "侯捷"), ("Пётр Иванов", "пётр-иванов")],
)
def test_a_contributor_page_has_an_address_in_any_script(client, site_tree, name, slug):
    """Latin names keep ASCII addresses; a name in another script keeps its own letters
    rather than becoming "contributor-2", and its page and byline link work."""
    reviewer = Contributor.objects.create(name=name)
    assert reviewer.slug == slug
    make_film_review(site_tree.sections["film"], reviewer=reviewer)
    page = client.get(f"/contributors/{slug}/")
    assert page.status_code == 200
    assert name in page.content.decode()
