"""A site's template and its slots, learnt from a whole site (``tests/sites``; no Django):
what varies under a constant label is a field, never chrome."""

import random
import re

from legacy.parsing.accounting import DROPPED, HELD, account, document_account, removed_texts
from legacy.parsing.chrome import alt_carries_words
from legacy.parsing.document import Kind, Paragraph, Removed, Signature
from legacy.parsing.options import ParseOptions
from legacy.parsing.parser import _learn, _prepare, parse_site
from tests.sites import cine_de_papel, reel_cellar
from tests.sites.corpora import CORPORA
from textkit.markup import html_to_text

PAGES = reel_cellar.build()
DOCUMENTS = parse_site([(data, path) for path, data, _ in PAGES])
BY_PATH = dict(zip([path for path, _, _ in PAGES], DOCUMENTS, strict=True))
EXPECTED = {path: expected for path, _, expected in PAGES}
REVIEWS = [path for path, expected in EXPECTED.items() if expected["kind"] == "film_review"]


def model_of(pages):
    options = ParseOptions()
    return _learn([_prepare(data, path, options) for path, data, _ in pages], options)


def signatures(document) -> list[str]:
    return [block.name for block in document.blocks if isinstance(block, Signature)]


def test_every_review_is_signed_by_its_reviewer_and_dated_by_its_posted_line():
    for path in REVIEWS:
        document, expected = BY_PATH[path], EXPECTED[path]
        assert document.kind is Kind.FILM_REVIEW, path
        assert signatures(document) == [expected["signature"]], path
        assert document.published.isoformat() == expected["date"], path


def test_the_busiest_reviewers_line_is_never_site_chrome():
    # Gregor Avalon signs reviews a week apart: his line recurs once digits collapse
    avalon = [path for path in REVIEWS if EXPECTED[path]["signature"] == "Gregor Avalon"]
    assert len(avalon) >= 8
    for path in avalon:
        chrome = [entry for entry in BY_PATH[path].removed if "site chrome" in entry.reason]
        assert not any("Avalon" in entry.text or "Posted" in entry.text for entry in chrome)


def test_the_learnt_slots_and_their_fields():
    slots = {slot.label: slot for slot in model_of(PAGES).slots.values()}
    assert slots["Review by"].field == "contributor"  # few names, linked to staff pages
    assert slots["Review by"].type == "person"
    assert set(slots["Review by"].samples) == {name for name, _ in reel_cellar.REVIEWERS}
    assert slots["Posted"].field == "date"
    assert slots["Directed by"].field == "creator"
    assert slots["Written by"].field == "creator"  # a new name on every page: not a writer
    assert slots["Running time"].type == "number"


def test_a_screenwriter_never_signs_a_review():
    writers = {film["writer"] for film in reel_cellar.FILMS} - {
        film["director"] for film in reel_cellar.FILMS
    }
    for path in REVIEWS:
        assert not set(signatures(BY_PATH[path])) & writers, path


def test_credits_broken_over_lines_and_cells_reach_their_fields():
    for path in REVIEWS:
        document = BY_PATH[path]
        film = next(f for f in reel_cellar.FILMS if f"reviews/{f['file']}.htm" == path)
        assert document.credits is not None, path
        assert film["director"] in document.credits.people, path
        assert document.credits.cast == film["cast"], path
        assert document.credits.running_time == film["minutes"], path


def test_the_model_does_not_depend_on_the_order_of_the_pages():
    shuffled = list(PAGES)
    random.Random(23).shuffle(shuffled)
    first, second = model_of(PAGES), model_of(shuffled)
    assert {k: (s.field, s.type, s.pages, s.distinct) for k, s in first.slots.items()} == {
        k: (s.field, s.type, s.pages, s.distinct) for k, s in second.slots.items()
    }


def test_a_slot_taken_into_a_field_counts_with_the_fields_not_as_chrome():
    document = BY_PATH[REVIEWS[0]]
    held = [entry for entry in document.removed if entry.slot == HELD]
    assert {entry.text for entry in held} >= {"Review by"}
    assert any(entry.text.startswith("Posted") for entry in held)
    words = document_account(document)
    assert words.lost == 0
    held_text, _ = removed_texts(document.removed)
    assert "Posted" in held_text


def test_a_byline_dropped_as_chrome_is_lost_and_lowers_fidelity():
    source = "Review by Gregor Avalon\nA long enough paragraph of the review itself."
    kept = "A long enough paragraph of the review itself."
    dropped = [Removed("page furniture", "Review by Gregor Avalon", DROPPED)]
    held_text, removed = removed_texts(dropped)
    words = account(source, kept, held_text, removed, "")
    assert words.lost == 4 and words.chrome == 0
    assert words.fidelity < 1.0


def test_links_made_of_the_pages_title_and_automatic_alt_texts_are_chrome():
    for path in REVIEWS:
        document = BY_PATH[path]
        body = "\n".join(
            [document.content_text, *(getattr(b, "alt", "") for b in document.blocks)]
        )
        for snippet in EXPECTED[path]["chrome"]:
            assert snippet not in body, (path, snippet)
        reasons = {entry.reason for entry in document.removed}
        assert any("the page's title in a line" in reason for reason in reasons), path


def test_the_first_paragraph_is_the_reviews_own_words():
    for path in REVIEWS:
        document = BY_PATH[path]
        first = next(b for b in document.blocks if isinstance(b, Paragraph))
        assert html_to_text(first.html).startswith(EXPECTED[path]["summary_starts"]), path


def test_frontpage_automatic_alt_texts_say_nothing():
    assert not alt_carries_words("storeimg.gif (3164 bytes)")
    assert not alt_carries_words("logo.gif (2841 bytes)")
    assert alt_carries_words("The Salt Road")


def test_a_second_person_slot_on_the_bylined_pages_does_not_sign_them():
    site = CORPORA["spanish-games"]()
    items = [(html.encode("utf-8"), path) for path, html in site.render().items()]
    slots = {
        slot.label: slot for slot in model_of([(p, d, None) for d, p in items]).slots.values()
    }
    assert slots["Un comentario de"].field == "byline"
    assert slots["Compañía"].field == "content" and slots["Compañía"].check


def test_a_spanish_site_its_bylines_credits_over_cells_and_two_authors():
    site = cine_de_papel.build()
    expected = site.expected()
    pages = site.encoded()
    for (_, path), document in zip(pages, parse_site(pages), strict=True):
        wanted = expected[path]
        assert document.kind == wanted["kind"], path
        assert document.title == wanted["title"], path
        if wanted["kind"] == "page":
            assert not signatures(document), path
            continue
        assert signatures(document) == [wanted["reviewer"]], path
        assert document.published.isoformat() == wanted["date"], path
        people = wanted.get("authors") or wanted["directors"]
        assert document.credits.people == people, path
        for snippet in wanted["chrome"]:
            assert snippet not in document.content_text, (path, snippet)


def test_a_template_placeholder_in_the_byline_slot_names_nobody():
    # FrontPage prints a missing include as its path in brackets
    path, data, _ = PAGES[1]
    placeholder = data.replace(b">Ines Marchetti</a>", b">[Shared Documents/byline.htm]</a>")
    pages = [(placeholder if p == path else d, p) for p, d, _ in PAGES]
    documents = dict(zip([p for _, p in pages], parse_site(pages), strict=True))
    assert signatures(documents[path]) == []
    assert "Shared Documents" in documents[path].content_text  # kept, never a contributor
    assert signatures(documents[PAGES[2][0]]) == [EXPECTED[PAGES[2][0]]["signature"]]


def test_a_template_placeholder_closing_every_page_signs_none():
    # an unfilled FrontPage include at the foot of every page, bold like a signature
    placeholder = b"<p><strong>[Shared Documents/General/_private/storesrch.html]</strong></p>"
    pages = [(d.replace(b"</body>", placeholder + b"</body>"), p) for p, d, _ in PAGES]
    for (_, path), document in zip(pages, parse_site(pages), strict=True):
        wanted = EXPECTED[path].get("signature")
        assert signatures(document) == ([wanted] if wanted else []), path


def test_title_affixes_are_learnt_under_lines_the_template_prints_above_the_headline():
    # the headline a bold line, not a heading, under a line of the template's own:
    # the headline is the bold line the <title> repeats, wherever it sits
    above = b'<p><font size="1">Film credits at the Vault</font></p>'
    bold_headline = above + rb'<p align="center"><strong>\1</strong></p>'
    heading = re.compile(rb"<h2[^>]*><font[^>]*>(.*?)</font></h2>")
    pages = [(heading.sub(bold_headline, d, count=1), p) for p, d, _ in PAGES]
    assert sum(bool(heading.search(d)) for _, d, _ in PAGES) >= 20  # the pages changed
    for (_, path), document in zip(pages, parse_site(pages), strict=True):
        assert " - The Reel Cellar" not in document.title, path


HASH_SEED_PROBE = """
from legacy.parsing.parser import parse_site
from tests.importer.mirror import LONG_PARAGRAPHS, film_review
from tests.sites import reel_cellar
IMAGE, GONE = "../images/stills/one.png", "../images/stills/gone.jpg"
# pages named "a.htm" and "Aa": two forms of a page's name, one word each
stills = [
    (film_review(title, f"Ann Bell. U.K. 200{n}.", LONG_PARAGRAPHS, image=IMAGE).encode(), path)
    for n, (title, path) in enumerate([("Aa", "reviews/a.htm"), ("Bb", "reviews/b.htm")], 1)
]
gone = film_review("Cc", "Ann Bell. U.K. 2003.", LONG_PARAGRAPHS, image=GONE)
stills.append((gone.encode(), "reviews/c.htm"))
for site in (stills, [(data, path) for path, data, _ in reel_cellar.build()]):
    for document in parse_site(site):
        print(document.source_path, document.kind, document.title, len(document.removed),
              [type(block).__name__ for block in document.blocks])
"""


def test_a_site_reads_the_same_whatever_pythons_hash_seed():
    # sets iterate in the hash seed's order: no rule may depend on it (a tie between two
    # forms of a page's name once decided whether a picture was chrome)
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]

    def read_with(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-c", HASH_SEED_PROBE]
        return subprocess.run(command, env=env, cwd=root, capture_output=True, text=True).stdout

    first, second = read_with("0"), read_with("1")
    assert first.count("\n") == 3 + len(PAGES)
    assert first == second
