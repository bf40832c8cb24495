"""One record side by side (legacy/side_by_side.py): the old page inert in a sandbox with its
images from the mirror, the new page's preview, and the words removed with their reason."""

import pytest

from legacy.compare import LOST, summary, word_diff
from legacy.models import ImportRecord

from .conftest import by_source, run_import
from .mirror import LONG_PARAGRAPHS, film_review, tiny_png, write_mirror

pytestmark = pytest.mark.django_db


def test_removed_words_carry_their_reason_and_lost_words_say_so():
    segments = word_diff(
        "Home | News Alpha Road A slow film. Ada Quill",
        "A slow film.",
        [{"reason": "site chrome: recurs on 9 pages", "text": "Home | News"}],
        field_text="Alpha Road",
    )
    removed = {s.text: s.reason for s in segments if s.kind == "removed"}
    assert removed == {
        "Home | News": "site chrome: recurs on 9 pages",
        "Alpha Road": "kept in a field (title, credits)",
        "Ada Quill": LOST,
    }
    assert [s.text for s in segments if s.kind == "same"] == ["A slow film."]


def test_the_legend_counts_removed_words_by_reason_not_by_its_details():
    segments = word_diff(
        "Home | News Alpha Road A slow film. Buy It Ada Quill",
        "A slow film.",
        [
            {"reason": "site chrome: on 245 of the site's 249 pages", "text": "Home | News"},
            {"reason": "site chrome: on 204 of the site's 249 pages", "text": "Buy It"},
        ],
        field_text="Alpha Road",
    )
    counts = summary(segments)
    assert counts["site chrome"] == 4 and counts["same"] == 3  # "|" is no word
    assert list(counts)[0] == "site chrome"  # most words first


def test_marks_between_removed_runs_take_a_reason_and_count_as_no_word():
    """A lone "|" between two kept stretches was a removed run with no reason: the legend
    showed "1" with no label. Marks before a word join its run; marks alone say so."""
    segments = word_diff(
        "Kept one | Home News kept two | kept three",
        "Kept one kept two kept three",
        [{"reason": "site chrome: on 245 of the site's 249 pages", "text": "Home News"}],
    )
    removed = [(s.text, s.reason) for s in segments if s.kind == "removed"]
    assert removed == [
        ("| Home News", "site chrome: on 245 of the site's 249 pages"),
        ("|", "punctuation only"),
    ]
    assert "" not in summary(segments) and "punctuation only" not in summary(segments)
    assert summary(segments)["site chrome"] == 2


@pytest.fixture
def imported(tmp_path):
    mirror = tmp_path / "site"
    tiny_png(mirror / "reviews" / "still.png")
    page = film_review(
        "Alpha Road", "Jan Kowal. Poland. 2008.", LONG_PARAGRAPHS, image="still.png"
    )
    page = page.replace(
        "</body>", '<script>alert("x")</script><img src="gone.gif" alt="gone"></body>'
    )
    write_mirror(mirror, {"reviews/alpha.htm": page})
    by_source(run_import(mirror))
    return ImportRecord.objects.get(source_path="reviews/alpha.htm")


def test_side_by_side_shows_the_old_page_inert_beside_the_new(admin_client, imported):
    html = admin_client.get(
        f"/admin/legacy/importrecord/side-by-side/{imported.pk}/"
    ).content.decode()
    assert 'sandbox=""' in html and "srcdoc=" in html
    frame = html.split('srcdoc="')[1].split('"></iframe>')[0]
    assert "script" not in frame.lower()  # removed, and the frame runs none anyway
    assert "data:image/png;base64," in frame  # the mirror's picture, inlined
    assert f"/admin/legacy/importrecord/side-by-side/{imported.pk}/new/" in html
    assert "Talking Pictures" in html  # the banner's words, removed, with their reason
    preview = admin_client.get(f"/admin/legacy/importrecord/side-by-side/{imported.pk}/new/")
    assert preview.status_code == 200 and b"Alpha Road" in preview.content


def test_side_by_side_is_one_click_from_the_queue_the_record_and_the_editor(
    admin_client, imported
):
    link = f"/admin/legacy/importrecord/side-by-side/{imported.pk}/"
    assert link in admin_client.get("/admin/legacy/importrecord/").content.decode()
    assert (
        link
        in admin_client.get(f"/admin/legacy/importrecord/inspect/{imported.pk}/").content.decode()
    )
    assert link in admin_client.get(f"/admin/pages/{imported.page_id}/edit/").content.decode()


def test_side_by_side_of_a_joined_part_says_where_it_went(admin_client, imported):
    joined = "A later part of reviews/alpha.htm, joined into its page."
    ImportRecord.objects.filter(pk=imported.pk).update(
        status="skipped", section="", warnings=[joined]
    )
    html = admin_client.get(f"/admin/legacy/importrecord/side-by-side/{imported.pk}/")
    nav = html.content.decode().split('class="legacy-sbs__nav"')[1].split("</p>")[0]
    assert "Film review ·" in " ".join(nav.split()) and "," not in nav  # no empty section
    assert "Skipped</span> " + joined in html.content.decode()
