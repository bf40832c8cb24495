"""A flat folder of one template, read whole (``tests.sites.corpora.flat_folder_magazine``):
a multi-part feature linked by a menu of part titles, films reviewed twice by two writers
in files named in sequence, cast lists running on under the credits, foreign film titles
on an English site. No Django models are touched."""

import functools
from collections import Counter

from legacy.checks import PageFacts, byline_removed
from legacy.parsing.accounting import HELD
from legacy.parsing.document import Image, Kind, Paragraph, Removed, Signature
from legacy.parsing.parser import parse_site
from legacy.parsing.shapes import reads_as_prose
from tests.sites.corpora import flat_folder_magazine

NOIR = "fnoir.htm"


@functools.cache
def parsed() -> tuple[dict, dict]:
    site = flat_folder_magazine()
    pages = site.encoded()
    models: dict[str, dict] = {}
    documents = {d.source_path: d for d in parse_site(pages, models=models)}
    return documents, next(iter(models.values()))


def signers(document) -> list[str]:
    return [block.name for block in document.blocks if isinstance(block, Signature)]


def test_a_feature_whose_parts_a_menu_of_part_titles_links_is_one_page_in_order():
    documents, _ = parsed()
    noir = documents[NOIR]
    assert noir.parts == ["fnoir-1.htm", "fnoir-2.htm", "fnoir-3.htm"]
    assert noir.kind is Kind.FEATURE
    assert signers(noir) == ["Lydia Farrant"]  # once, not once per part
    for part in noir.parts:
        assert documents[part].continues == NOIR
    text = noir.content_text
    assert text.index("Shadows and Rain") < text.index("The Studio Years") < text.index("Neon")


def test_two_reviews_of_one_film_in_files_named_in_sequence_stay_two_reviews():
    documents, _ = parsed()
    twice = sorted(p for p in documents if p.endswith(("1.htm", "2.htm")) and p.startswith("r"))
    assert len(twice) == 12
    for path in twice:
        review = documents[path]
        assert review.kind is Kind.FILM_REVIEW and not review.parts and not review.continues
    first, second = documents[twice[0]], documents[twice[1]]
    assert first.title == second.title and signers(first) != signers(second)


def test_a_flat_folder_of_one_template_is_one_cluster_and_flags_only_what_an_editor_must_see():
    site = flat_folder_magazine()
    documents, _ = parsed()
    reviews = site.of_kind("film_review")
    assert len({documents[p].cluster for p in reviews}) == 1
    flagged = {p for p, d in documents.items() if d.cluster_outlier}
    assert flagged == {"rcorrect.htm"}  # short, unsigned: no review, a question
    for path in reviews:  # without credits, signed as the others: reviews, noted
        if site.expected()[path]["off_shape"]:
            assert documents[path].credits is None
            assert any(w.startswith("kind from its template") for w in documents[path].warnings)
    kinds = Counter(d.kind for d in documents.values())
    # the correction notice: no nav links it, so not a top-level page (issue 23, item 3)
    assert kinds == {Kind.FILM_REVIEW: 48, Kind.FEATURE: 15}


def test_every_summary_is_prose_of_the_article_never_the_rest_of_its_cast_list():
    from legacy.writing.pages import summary_of

    site = flat_folder_magazine()
    documents, _ = parsed()
    for path in site.of_kind("film_review"):
        document = documents[path]
        body = [
            {"type": "paragraph", "value": block.html}
            for block in document.blocks
            if isinstance(block, Paragraph)
        ]
        pictures = [b.alt for b in document.blocks if isinstance(b, Image)]
        summary = summary_of(body, pictures)
        assert summary and reads_as_prose(summary), path
        assert "Tobias Fenn" not in summary and "Lise Hartung" not in summary
        assert site.expected()[path]["reviewer"] not in summary


def test_lines_that_are_no_prose_are_never_a_summary():
    for line in [
        "Bram Okoro, Lise Hartung, and Tobias Fenn.",
        "and the voices of Tobias Fenn.",
        "Written and Directed by Inga Vallin",
        "Directed and Edited by Inga Vallin.",
        "Screenplay by Inga Vallin, based on the novel by Lise Hartung.",
        "Directed and co-written by Inga Vallin.",
        "Starring Maren Holt, Ada Quill, Bram Okoro",
        "Noir at Fifty: The Studio Years",
        "by Lydia Farrant",
        "A Walk on the Moon",  # a title in title case has stopwords enough for prose
    ]:
        assert not reads_as_prose(line), line
    for sentence in [
        "Inga Vallin returns with a harrowing film about a salt marsh.",
        "By the end of the film, nobody is left in the town.",
        "Stung by criticism, Inga Vallin went back to the cutting room.",
        "Der Film erzählt von einem Hafen, in dem nie etwas geschieht.",
        "“Nobody leaves,” says the ferryman, and he is right about that.",
        "The Salt Orchard is a quiet film about a harbour and its patient people",
        # German capitalises its nouns in any sentence: capitals tell it no title
        "Das neue Programm kommt im Herbst in die Läden",
    ]:
        assert reads_as_prose(sentence), sentence


def test_foreign_film_titles_do_not_make_an_english_site_multilingual():
    _, model = parsed()
    assert model["languages"] == ["en"]


def test_a_byline_a_field_holds_is_no_removed_byline():
    # the slot's line as the page broke it ("by Lydia\n Farrant"): the name stays in it
    reason = "the label of the byline slot 'by' (its name is the byline)"
    label = Removed(reason, "by Lydia Farrant", HELD)
    facts = PageFacts(source_path="fnoir.htm", kind="feature", target="feature")
    assert byline_removed(PageFacts(**{**facts.__dict__, "removed": [label]})) is None
    dropped = Removed("site chrome: on 40 pages", "by Lydia Farrant")
    assert byline_removed(PageFacts(**{**facts.__dict__, "removed": [dropped]}))


def test_a_long_interview_whose_byline_shares_a_paragraph_with_its_headline_is_a_feature():
    from legacy.parsing.parser import parse_document
    from tests.sites.texts import Writer

    prose = "".join(f"<p>{p}</p>" for p in Writer(9).review("Salt Orchard", paragraphs=6))
    page = (
        "<html><head><title>Talking to Inga Vallin</title></head><body>"
        "<p><b>The Salt Orchard</b><br>interview by Ada Quill, 2 April 1999</p>"
        f"{prose}{prose}</body></html>"
    )
    document = parse_document(page.encode(), "fvallin.htm")
    assert document.kind is Kind.FEATURE  # was a plain page at the top of the tree


def test_a_link_to_a_film_database_on_every_review_is_chrome_never_a_signature():
    site = flat_folder_magazine()
    documents, _ = parsed()
    for path in site.of_kind("film_review"):
        assert "Movie Credits" not in documents[path].content_text, path
        assert "Movie Credits" not in signers(documents[path]), path


def test_a_subtitle_in_bold_over_the_text_is_no_summary():
    from legacy.writing.pages import summary_of

    body = [
        {"type": "paragraph", "value": "<b>The Salt Orchard: Inga Vallin Speaks</b><br/>"
         "<b>about her Latest Film</b>"},
        {"type": "paragraph", "value": "<b>I</b>nga Vallin speaks softly, in long sentences "
         "that she finishes with care, and she laughs at the questions she has heard before."},
    ]  # fmt: skip
    assert summary_of(body).startswith("Inga Vallin speaks softly")
    lead = "<b>Nobody who saw it at the festival forgot</b> the last reel of the film."
    assert summary_of([{"type": "paragraph", "value": lead}]).startswith("Nobody who saw")


def test_the_rest_of_a_title_kept_over_the_text_is_no_summary():
    # "A Walk on the Moon" over "A Few Minutes with Tony Goldwyn": the <title>'s other part
    # opens the body (nothing lost), and the interview's first sentence is the summary
    from legacy.writing.pages import summary_of

    body = [
        {"type": "paragraph", "value": "The Salt Orchard of the North"},
        {"type": "paragraph", "value": "Inga Vallin speaks softly, in long sentences."},
    ]
    assert summary_of(body) == "Inga Vallin speaks softly, in long sentences."


def test_a_shop_link_at_a_reviews_foot_signs_nothing():
    from legacy.parsing.parser import parse_document
    from tests.sites.texts import Writer

    prose = "".join(f"<p>{p}</p>" for p in Writer(3).review("The Salt Orchard", "Inga Vallin"))
    for text in ["RENT DVD", "BUY VIDEO", "ORDER VHS"]:
        page = (
            "<html><head><title>The Salt Orchard</title></head><body>"
            "<p><b>The Salt Orchard</b></p><p>Directed by Inga Vallin.</p>"
            f'{prose}<p align="center"><b><a href="http://shop.example/c?1">{text}</a></b>'
            "</body></html>"
        )
        document = parse_document(page.encode(), "rsalt.htm")
        assert not [b for b in document.blocks if isinstance(b, Signature)], text


def test_a_sections_banner_removed_as_chrome_is_no_removed_byline():
    facts = PageFacts(source_path="fsiff.htm", kind="page", target="page")
    banner = Removed("site chrome: on 42 of the site's 249 pages", "Silver Nitrate Online Feature")
    assert byline_removed(PageFacts(**{**facts.__dict__, "removed": [banner]})) is None
    name = Removed("site chrome: on 42 of the site's 249 pages", "Lydia Farrant")
    assert byline_removed(PageFacts(**{**facts.__dict__, "removed": [name]}))


def test_a_site_whose_reviews_print_no_year_is_not_asked_for_one_on_every_review():
    from legacy.writing.checking import SiteSigners
    from tests.sites.corpora import one_template_folder

    documents, _ = parsed()
    assert SiteSigners(documents.values()).prints_years is False
    site = one_template_folder()  # "Directed by X (2002)" on each review
    pages = site.encoded()
    assert SiteSigners(parse_site(pages)).prints_years is True


def test_every_review_is_signed_once_by_its_reviewer():
    site = flat_folder_magazine()
    documents, _ = parsed()
    for path in site.of_kind("film_review"):
        assert signers(documents[path]) == [site.expected()[path]["reviewer"]], path


def test_a_written_by_credit_under_the_cast_never_signs_the_review():
    """'Written by <director>, based on the novel by <writer>' in the credits cell signed
    the review with its director too (46 of 48 reviews): 'Written by' is a byline label and
    a credits label at once; on a page its byline slot signs, another slot's line is a
    credit."""
    site = flat_folder_magazine()
    pages = [
        (html.replace("Screenplay by</em>", "Written by</em>").encode(site.charset), path)
        for path, html in site.render().items()
    ]
    documents = {d.source_path: d for d in parse_site(pages)}
    for path in site.of_kind("film_review"):
        assert signers(documents[path]) == [site.expected()[path]["reviewer"]], path
