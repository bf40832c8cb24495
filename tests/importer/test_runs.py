"""Whole runs: idempotency, dry runs, redirects, the command and its JSON report."""

import io
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.contrib.redirects.models import Redirect
from wagtail.images.models import Image as WagtailImage
from wagtail.models import Page, Revision

import pytest

from legacy.models import ImportRecord, ImportRun
from legacy.parsing.sections import parse_rule

from .conftest import BASE_URL, by_source, run_import
from .mirror import LONG_PARAGRAPHS, feature, film_review, tiny_png, write_mirror

pytestmark = pytest.mark.django_db
SHARED_SITE = Path(__file__).resolve().parents[3] / "shared" / "legacy-samples" / "site"


def counts() -> tuple[int, ...]:
    return (
        Page.objects.count(),
        Revision.objects.count(),
        ImportRecord.objects.count(),
        Redirect.objects.count(),
        WagtailImage.objects.count(),
    )


def test_second_run_changes_nothing(small_mirror):
    run_import(small_mirror)
    before = counts()
    report = run_import(small_mirror)
    assert {item.status for item in report.items} == {"unchanged"}
    assert counts() == before


def test_a_changed_file_is_updated_with_one_new_revision(small_mirror):
    first = by_source(run_import(small_mirror))
    page = Page.objects.get(pk=first["books/gamma.htm"].page_id)
    revisions = page.revisions.count()
    path = small_mirror / "books" / "gamma.htm"
    path.write_bytes(path.read_bytes().replace(b"frozen lake", b"thawing river"))
    second = by_source(run_import(small_mirror))
    assert second["books/gamma.htm"].status == "updated"
    assert second["books/gamma.htm"].page_id == page.pk
    assert page.revisions.count() == revisions + 1
    assert (
        "thawing river" in page.specific.__class__.objects.get(pk=page.pk).body.render_as_block()
    )
    assert second["reviews/alpha.htm"].status == "unchanged"


def test_dry_run_writes_nothing(small_mirror):
    tiny_png(small_mirror / "images" / "x.png")
    before = counts()
    runs = ImportRun.objects.count()
    report = run_import(small_mirror, dry_run=True)
    assert report.summary()["created"] == 3
    assert all(item.page_id is None for item in report.items)
    assert counts() == before and ImportRun.objects.count() == runs


def test_draft_creates_unpublished_pages(small_mirror):
    items = run_import(small_mirror, draft=True).items
    assert not any(Page.objects.get(pk=item.page_id).live for item in items)


def test_an_interrupted_run_can_be_run_again(small_mirror, monkeypatch):
    from legacy.writing import writer

    real_write = writer.LegacyImporter._write

    def crash_on_beta(self, parsed, target, record):
        if parsed.key == "reviews/beta.htm":
            raise KeyboardInterrupt
        return real_write(self, parsed, target, record)

    monkeypatch.setattr(writer.LegacyImporter, "_write", crash_on_beta)
    with pytest.raises(KeyboardInterrupt):
        run_import(small_mirror)
    monkeypatch.setattr(writer.LegacyImporter, "_write", real_write)
    items = by_source(run_import(small_mirror))
    assert items["reviews/beta.htm"].status == "created"
    assert items["books/gamma.htm"].status == "unchanged"  # committed before the crash
    assert Page.objects.filter(title="Beta Lake").count() == 1


@pytest.mark.parametrize(
    "old_url",
    [
        "/reviews/alpha.htm",
        "/Reviews/Alpha.htm",
        "/REVIEWS/ALPHA.HTM",
        "/reviews/alpha.html",
    ],
)
def test_old_urls_answer_301_and_lead_to_the_page(client, small_mirror, old_url):
    page_id = by_source(run_import(small_mirror))["reviews/alpha.htm"].page_id
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == Page.objects.get(pk=page_id).url
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    "old_url",
    ["/specials/", "/specials/index.htm", "/Specials/Index.HTML", "/specials/index.html"],
)
def test_folder_index_spellings_redirect(client, tmp_path, old_url):
    from .mirror import feature

    mirror = write_mirror(
        tmp_path,
        {
            "specials/index.htm": feature(
                "Index Of Light",
                [
                    ("One", "A section with enough words to count as the body of a feature page."),
                ],
            )
        },
    )
    item = run_import(mirror).items[0]
    assert item.status == "created"
    response = client.get(old_url)
    assert response.status_code == 301 and response["Location"] == item.url
    assert client.get(item.url).status_code == 200


def test_unknown_old_urls_still_404(client, small_mirror):
    run_import(small_mirror)
    assert client.get("/reviews/nothing-here.htm").status_code == 404


def test_command_writes_the_report_in_the_documented_shape(small_mirror, tmp_path):
    report_path = tmp_path / "report.json"
    call_command(
        "import_legacy",
        str(small_mirror),
        "--base-url",
        BASE_URL,
        "--report",
        str(report_path),
        stdout=(out := io.StringIO()),
    )
    report = json.loads(report_path.read_text())
    assert set(report) == {"summary", "checks", "warning_types", "muted", "sites", "items"}
    assert report["summary"] == {
        "created": 3,
        "updated": 0,
        "unchanged": 0,
        "skipped": 0,
        "failed": 0,
    }
    for item in report["items"]:
        assert set(item) == {
            "source",
            "status",
            "kind",
            "page_id",
            "url",
            "warnings",
            "fidelity",
            "words",
            "refused",
            "checks",
            "converted",
        }
    alpha = next(item for item in report["items"] if item["source"] == "reviews/alpha.htm")
    words = alpha["words"]
    assert set(words) == {"source", "kept", "fields", "chrome", "lost"}
    assert words["source"] == words["kept"] + words["fields"] + words["chrome"] + words["lost"]
    assert words["lost"] == 0 and words["chrome"] > 0  # the banner's nav bar
    assert alpha["url"] == "/film-reviews/alpha-road/" and alpha["kind"] == "film_review"
    assert "Import finished" in out.getvalue()


def test_command_dry_run_and_map_file(small_mirror, tmp_path):
    mapping = tmp_path / "sections.map"
    mapping.write_text("# every review is a feature here\nreviews/* = feature\nbooks/* = skip\n")
    out = io.StringIO()
    call_command(
        "import_legacy", str(small_mirror), "--map", str(mapping), "--dry-run", stdout=out
    )
    assert "Dry run" in out.getvalue()
    assert ImportRecord.objects.count() == 0
    call_command("import_legacy", str(small_mirror), "--map", str(mapping), stdout=out)
    assert ImportRecord.objects.get(source_path="reviews/alpha.htm").section == "feature"
    assert ImportRecord.objects.get(source_path="books/gamma.htm").status == "skipped"


@pytest.mark.skipif(not SHARED_SITE.is_dir(), reason="shared legacy samples are not present")
def test_shared_samples_import_end_to_end(client):
    report = by_source(run_import(SHARED_SITE))
    assert report["reviews/neverletmego.htm"].status == "created"
    assert report["books/remainsoftheday.htm"].status == "created"
    assert report["filmreviews.htm"].status == "skipped"
    assert report["aboutus.htm"].status == "updated"  # the existing About Us page
    assert not [item for item in report.values() if item.status == "failed"]
    for item in report.values():
        if item.fidelity is not None:
            assert item.fidelity >= 0.98, item
    review = client.get("/reviews/neverletmego.htm", follow=True)
    assert review.status_code == 200
    html = review.content.decode()
    assert "Kathy" in html and "FreeFind" not in html and "\ufffd" not in html
    written = [item for item in report.values() if item.status in {"created", "updated"}]
    assert [key for key in report if key.startswith("news.htm#")] == [
        f"news.htm#{n}" for n in (1, 2, 3)
    ]
    assert run_import(SHARED_SITE).summary()["unchanged"] == len(written) == 6


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw")
    client.force_login(user)
    return client


def test_admin_lists_filters_and_inspects_records(admin_client, tmp_path):
    hostile = 'Body with <b>bold</b> words and <script>alert("x")</script> enough text.'
    mirror = write_mirror(
        tmp_path,
        {
            "reviews/a.htm": film_review(
                "Aa", "Ann Bell. U.K. 2001.", [*LONG_PARAGRAPHS, hostile]
            ),
            "reviews/b.htm": film_review(
                "Bb",
                "Ann Bell. U.K. 2002.",
                [
                    *(f"On a second viewing: {text}" for text in LONG_PARAGRAPHS),
                    '<a href="gone.htm">dead</a> link here in a sentence.',
                ],
            ),
        },
    )
    run_import(mirror)
    index = "/admin/legacy/importrecord/"
    assert admin_client.get(index).status_code == 200
    # Two more records as other runs leave them: a book that lost words, and a failure.
    ImportRecord.objects.create(
        source_path="books/worn.htm", status="updated", kind="book_review", fidelity=0.5,
        words_source=20, words_lost=7, warnings=["7 word(s) of the old page lost: a b"],
    )  # fmt: skip
    ImportRecord.objects.create(source_path="odd/broken.htm", status="failed", warnings=["x"])
    every = ["reviews/a.htm", "reviews/b.htm", "books/worn.htm", "odd/broken.htm"]

    def listed(query: str) -> list[str]:
        """The records a query lists, in the order the list shows them."""
        response = admin_client.get(index + query)
        assert response.status_code == 200
        html = response.content.decode()
        return sorted((path for path in every if path in html), key=html.index)

    assert listed("?status=created") == ["reviews/a.htm", "reviews/b.htm"]
    assert listed("?status=failed") == ["odd/broken.htm"]
    assert listed("?kind=film_review") == ["reviews/a.htm", "reviews/b.htm"]
    assert listed("?fidelity=low") == ["books/worn.htm"]
    by_fidelity = listed("?ordering=fidelity")  # lowest first
    assert by_fidelity.index("books/worn.htm") < by_fidelity.index("reviews/a.htm")
    by_lost = listed("?ordering=-words_lost")  # most words lost first
    assert by_lost.index("books/worn.htm") < by_lost.index("reviews/a.htm")
    perfect = admin_client.get(index + "?fidelity=perfect&lost=no").content.decode()
    assert "reviews/a.htm" in perfect and "reviews/b.htm" in perfect
    assert "reviews/a.htm" not in admin_client.get(index + "?lost=yes").content.decode()
    record = ImportRecord.objects.get(source_path="reviews/a.htm")
    inspect = admin_client.get(f"{index}inspect/{record.pk}/")
    html = inspect.content.decode()
    assert inspect.status_code == 200
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert '<script>alert("x")</script>' not in html
    assert f"/admin/pages/{record.page_id}/edit/" in html
    # Beside the page: what was removed and why, and where the words went.
    assert "page furniture" in html and "Home | News | About Us" in html
    assert f"{record.words_source} on the old page" in html and "0 lost" in html
    assert admin_client.get("/admin/legacy/importrun/").status_code == 200


def test_admin_list_queries_do_not_grow_with_rows(admin_client, small_mirror, tmp_path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    run_import(small_mirror)
    admin_client.get("/admin/legacy/importrecord/")  # a process's first request fills caches
    with CaptureQueriesContext(connection) as few:
        admin_client.get("/admin/legacy/importrecord/")
    more = {
        f"reviews/extra{n}.htm": film_review(f"Extra {n}", "Ann Bell. U.K. 2001.", LONG_PARAGRAPHS)
        for n in range(4)
    }
    run_import(write_mirror(small_mirror, more))
    with CaptureQueriesContext(connection) as many:
        admin_client.get("/admin/legacy/importrecord/")
    assert len(many.captured_queries) == len(few.captured_queries)


def test_imported_pages_are_in_the_search_and_reference_indexes_after_the_run(small_mirror):
    from wagtail.models import ReferenceIndex

    from reviews.models import FilmReviewPage

    items = by_source(run_import(small_mirror))
    alpha = FilmReviewPage.objects.get(pk=items["reviews/alpha.htm"].page_id)
    beta_id = items["reviews/beta.htm"].page_id
    assert alpha.pk in {page.pk for page in FilmReviewPage.objects.search("Alpha Road")}
    # Alpha's body links to Beta: the reference index knows, so Beta's "usage" lists Alpha.
    assert ReferenceIndex.get_references_to(Page.objects.get(pk=beta_id)).filter(
        object_id=str(alpha.pk)
    )


def test_a_page_written_after_what_it_links_to_gets_one_revision(tmp_path):
    """Links that do not form a cycle are resolved before the first publish."""
    link = 'Its sequel is <a href="zeta.htm">Zeta Hill</a>, reviewed here as well.'
    mirror = write_mirror(
        tmp_path,
        {
            "reviews/alpha.htm": film_review(
                "Alpha Road", "Jan Kowal. Poland. 2008.", [*LONG_PARAGRAPHS, link]
            ),
            "reviews/zeta.htm": film_review(
                "Zeta Hill", "Jan Kowal. Poland. 2010.", LONG_PARAGRAPHS
            ),
        },
    )
    items = by_source(run_import(mirror))
    assert [item.source for item in run_import(mirror).items] == list(items)  # report order
    alpha = Page.objects.get(pk=items["reviews/alpha.htm"].page_id)
    assert alpha.revisions.count() == 1
    assert f'id="{items["reviews/zeta.htm"].page_id}"' in alpha.specific.body[-2].value.source


def test_each_page_is_validated_once(small_mirror, monkeypatch):
    from reviews.models import BookReviewPage, FilmReviewPage

    calls = []
    for model in (FilmReviewPage, BookReviewPage):
        original = model.full_clean

        def counting(self, *args, _original=original, **kwargs):
            calls.append(self.title)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(model, "full_clean", counting)
    run_import(small_mirror)
    # alpha and beta link to each other: one of them is rewritten (and validated) again.
    assert sorted(calls).count("Gamma Street") == 1
    assert len(calls) == 4


def test_a_page_without_credits_in_a_review_folder_is_a_feature_editors_can_find(
    admin_client, tmp_path
):
    game = (
        "<html><head><title>Riven</title></head><body><h1>Riven</h1>"
        + "".join(f"<p>{text}</p>" for text in LONG_PARAGRAPHS)
        + "</body></html>"
    )
    mirror = write_mirror(
        tmp_path,
        {
            "reviews/riven.htm": game,
            "reviews/a.htm": film_review("Aa", "Ann Bell. U.K. 2001.", LONG_PARAGRAPHS),
        },
    )
    items = by_source(run_import(mirror))
    assert items["reviews/riven.htm"].kind == "feature"
    assert (
        Page.objects.get(pk=items["reviews/riven.htm"].page_id).get_parent().specific.kind
        == "feature"
    )
    assert any("check kind" in warning for warning in items["reviews/riven.htm"].warnings)
    listed = admin_client.get("/admin/legacy/importrecord/?check=kind_against_folder")
    listed = listed.content.decode()
    assert "reviews/riven.htm" in listed and "reviews/a.htm" not in listed


def revisions_by_source() -> dict[str, int]:
    return {
        record.source_path: Revision.objects.filter(object_id=str(record.page_id)).count()
        for record in ImportRecord.objects.filter(page__isnull=False)
    }


def test_a_new_importer_version_rewrites_every_unchanged_page_exactly_once(
    small_mirror, monkeypatch
):
    """The importer's output changed, so every page is written again (one new revision
    each) although no file changed; the run after that touches nothing."""
    from legacy.writing import writer

    run_import(small_mirror)
    before = revisions_by_source()
    monkeypatch.setattr(writer, "IMPORTER_VERSION", f"{writer.IMPORTER_VERSION}-next")
    rewritten = run_import(small_mirror)
    assert {item.status for item in rewritten.items} == {"updated"}
    assert revisions_by_source() == {key: count + 1 for key, count in before.items()}
    assert {r.importer_version for r in ImportRecord.objects.all()} == {writer.IMPORTER_VERSION}
    again = run_import(small_mirror)
    assert {item.status for item in again.items} == {"unchanged"}
    assert revisions_by_source() == {key: count + 1 for key, count in before.items()}


def test_a_changed_section_rule_rewrites_the_pages_it_moves_and_no_other(tmp_path):
    """A page a new rule files elsewhere is written again once; the pages the rule does not
    touch stay as they were, revisions and all."""
    sections = [("Light", "Pictures made of light.")]
    mirror = write_mirror(
        tmp_path,
        {
            "specials/essay.htm": feature("An Essay on Light", sections),
            "specials/other.htm": feature("Another Essay on Dark", sections),
            "reviews/a.htm": film_review("Aa", "Ann Bell. U.K. 2001.", LONG_PARAGRAPHS),
        },
    )
    first = by_source(run_import(mirror, rules=[parse_rule("specials/* = feature")]))
    before = revisions_by_source()
    moved = by_source(
        run_import(
            mirror,
            rules=[
                parse_rule("specials/essay.htm = news"),
                parse_rule("specials/* = feature"),
            ],
        )
    )
    assert moved["specials/essay.htm"].status == "updated"
    assert moved["specials/essay.htm"].page_id == first["specials/essay.htm"].page_id
    assert moved["specials/other.htm"].status == "unchanged"
    assert moved["reviews/a.htm"].status == "unchanged"
    after = revisions_by_source()
    assert after["specials/essay.htm"] == before["specials/essay.htm"] + 1
    assert {k: v for k, v in after.items() if k != "specials/essay.htm"} == {
        k: v for k, v in before.items() if k != "specials/essay.htm"
    }
    assert ImportRecord.objects.get(source_path="specials/essay.htm").section == "news"


def test_a_page_a_new_rule_files_elsewhere_moves_to_its_new_section(tmp_path):
    from home.tree import ensure_site_tree

    mirror = write_mirror(
        tmp_path, {"specials/essay.htm": feature("An Essay", [("Light", "Made of light.")])}
    )
    first = by_source(run_import(mirror, rules=[parse_rule("specials/* = feature")]))
    run_import(mirror, rules=[parse_rule("specials/* = news")])
    essay = Page.objects.get(pk=first["specials/essay.htm"].page_id)
    assert essay.get_parent().pk == ensure_site_tree().sections["news"].pk


def test_a_base_url_with_a_path_is_the_prefix_of_every_old_url(client, tmp_path):
    """A site that lived at http://host/1999/ is mirrored from that folder: its old URLs
    are /1999/<page>, and links written from the host's root or as absolute URLs lead to
    the site's own pages."""
    mirror = write_mirror(
        tmp_path / "1999",
        {
            "films/alpha.htm": film_review(
                "Alpha Road",
                "Jan Kowal. Poland. 2008.",
                [
                    *LONG_PARAGRAPHS,
                    'See <a href="/1999/films/beta.htm">Beta Lake</a> and '
                    '<a href="http://www.reelrewind.example/1999/films/beta.htm">again</a>.',
                ],
            ),
            "films/beta.htm": film_review(
                "Beta Lake", "Maria Santos. Brazil. 2009.", LONG_PARAGRAPHS
            ),
        },
    )
    report = run_import(mirror, base_url="http://www.reelrewind.example/1999/")
    items = by_source(report)
    for old_url in ["/1999/films/alpha.htm", "/1999/Films/Alpha.html"]:
        response = client.get(old_url)
        assert response.status_code == 301
        assert response["Location"] == items["films/alpha.htm"].url
    assert client.get("/films/alpha.htm").status_code == 404  # not where it lived
    assert client.get("/1999/").status_code == 301  # the site's own home page: Home
    assert not [w for w in items["films/alpha.htm"].warnings if "Dead link" in w]
    beta = Page.objects.get(pk=items["films/beta.htm"].page_id)
    assert (
        Page.objects.get(pk=items["films/alpha.htm"].page_id)
        .specific.body.render_as_block()
        .count(f'href="{beta.url}"')
        == 2
    )
