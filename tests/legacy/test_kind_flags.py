""" "Kind to check" singles out the pages an editor must look at (issue 23, item 3), on a
whole frames magazine of three issue folders (``tests.sites.frame_monthly``): its
numbered pages read as plain pages on their own, as their template's other pages do,
and are the magazine's articles; one quotes a film's credits, and the contact page
beside the issues is linked only from the menu frames."""

import functools

from legacy.parsing.document import Kind
from tests.legacy.support import is_flagged, parsed_by_path
from tests.sites import frame_monthly


@functools.cache
def parsed():
    site = frame_monthly.build()
    return site, parsed_by_path(site)


def test_the_issues_pages_are_features_filed_by_their_template_and_none_is_flagged():
    site, documents = parsed()
    numbered = [p for p, e in site.expected().items() if e.get("kind") == "feature"]
    assert len(numbered) == 27
    assert {documents[path].kind for path in numbered} == {Kind.FEATURE}
    quiet = [path for path in numbered if path != frame_monthly.FILM_PAGE]
    assert not [path for path in quiet if is_flagged(documents[path])]
    # the reason is kept, said as a note: what the template decided, and why
    for path in quiet:
        notes = [w for w in documents[path].warnings if w.startswith("kind from its template")]
        assert notes, path
        assert "not top-level pages" in notes[0] or "articles of its folder" in notes[0]


def test_the_flag_fires_on_the_pages_that_read_otherwise_or_have_no_evidence_and_says_why():
    site, documents = parsed()
    flagged = {path for path, document in documents.items() if is_flagged(document)}
    assert flagged == {p for p, e in site.expected().items() if e.get("flagged")}
    assert flagged == {frame_monthly.FILM_PAGE, "FrameMonthly/contact.html"}
    film = documents[frame_monthly.FILM_PAGE]
    assert film.kind is Kind.FEATURE and "reads as a film review" in film.cluster_outlier
    contact = documents["FrameMonthly/contact.html"]
    assert "neither its template nor its folder is mostly features" in contact.cluster_outlier
    for path in flagged:
        reason = documents[path].cluster_outlier
        assert any(w.startswith(f"check kind: {reason}") for w in documents[path].warnings)


def test_a_frameset_is_no_page_whatever_it_prints_for_browsers_without_frames():
    site, documents = parsed()
    framesets = [path for path in site.pages if path.endswith("index.html")]
    assert len(framesets) == len(frame_monthly.ISSUES) + 1
    for path in framesets:
        assert documents[path].kind is Kind.STUB, (path, documents[path].kind)
        assert any("frameset" in warning for warning in documents[path].warnings), path
