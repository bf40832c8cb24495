"""Structure the old pages had stays: lists, quotations, preformatted text (issue 13.4)."""

from legacy.parsing.accounting import document_account
from legacy.parsing.document import Epigraph, Paragraph, Preformatted, Quotation, Table

from .test_units import parse_body

OPENING = (
    "<p>The opening paragraph runs on long enough to count as body text, so whatever comes "
    "after it is read as the body of the piece and not as part of its header.</p>"
)


def test_a_bulleted_list_stays_one_list_with_its_inline_markup():
    document = parse_body(
        OPENING + "<ul><li>A <b>bold</b> first point</li><li>A second<br>on two lines</li></ul>"
    )
    assert document.blocks[-1] == Paragraph(
        "<ul><li>A <b>bold</b> first point</li><li>A second<br/>on two lines</li></ul>"
    )


def test_a_numbered_list_keeps_its_order_and_a_nested_list_joins_it():
    document = parse_body(OPENING + "<ol><li>Sow</li><li>Water<ul><li>daily</li></ul></li></ol>")
    assert document.blocks[-1] == Paragraph("<ol><li>Sow</li><li>Water</li><li>daily</li></ol>")


def test_two_lists_in_a_row_stay_two_lists_and_lose_no_word():
    document = parse_body(OPENING + "<ul><li>apples</li></ul><ol><li>pears</li></ol><p>After.</p>")
    assert document.blocks[1:] == [
        Paragraph("<ul><li>apples</li></ul>"),
        Paragraph("<ol><li>pears</li></ol>"),
        Paragraph("After."),
    ]
    assert document_account(document).lost == 0
    assert not document.leftovers


def test_a_quoted_passage_in_the_body_keeps_its_paragraphs_and_its_dashed_source():
    document = parse_body(
        OPENING + "<blockquote><p>The sea was <i>grey</i>.</p><p>The sky was grey too.<br>"
        "— Ann Bell, Letters</p></blockquote><p>After the quote.</p>"
    )
    assert document.blocks[1:] == [
        Quotation(["The sea was <i>grey</i>.", "The sky was grey too."], "Ann Bell, Letters"),
        Paragraph("After the quote."),
    ]
    assert document_account(document).lost == 0


def test_a_quotation_takes_its_source_from_a_cite_or_a_dashed_line_after_it():
    cited = parse_body(OPENING + "<blockquote>Less is more.<br><cite>Mies</cite></blockquote>")
    assert cited.blocks[-1] == Quotation(["Less is more."], "Mies")
    after = parse_body(OPENING + "<blockquote>Less is more.</blockquote><p>-- Mies</p>")
    assert after.blocks[-1] == Quotation(["Less is more."], "Mies")
    bare = parse_body(OPENING + "<blockquote>Less is more.</blockquote>")
    assert bare.blocks[-1] == Quotation(["Less is more."])


def test_a_quotation_before_the_body_is_still_an_epigraph():
    document = parse_body("<blockquote>Less is more.<br>— Mies</blockquote>" + OPENING)
    assert document.blocks[0] == Epigraph("Less is more.", "Mies")


def test_preformatted_text_keeps_its_lines_and_indentation():
    document = parse_body(
        OPENING + "<pre>Stage left:\n    a <b>chair</b>\n\n  a lamp\n</pre><p>After.</p>"
    )
    assert document.blocks[1:] == [
        Preformatted("Stage left:\n    a chair\n\n  a lamp"),
        Paragraph("After."),
    ]
    assert document_account(document).lost == 0


def test_a_whole_page_set_in_pre_still_reads_as_paragraphs():
    prose = " ".join(["The film is long and slow and very good."] * 20)
    document = parse_body(OPENING + f"<pre>{prose}\n\n{prose}</pre>")
    assert [type(block) for block in document.blocks] == [Paragraph] * 3


def test_a_data_table_with_a_header_row_stays_a_table():
    document = parse_body(
        OPENING + "<table><caption>Box office</caption><tr><th>Film</th><th>Takings</th></tr>"
        "<tr><td><i>Fargo</i></td><td>$60m</td></tr><tr><td>Heat</td><td>$187m</td></tr>"
        "</table><p>After.</p>"
    )
    assert document.blocks[1:] == [
        Table([["Film", "Takings"], ["Fargo", "$60m"], ["Heat", "$187m"]], "Box office"),
        Paragraph("After."),
    ]
    assert document_account(document).lost == 0


def test_layout_tables_are_still_unwrapped():
    header = "<tr><th>Menu</th><th>Review</th></tr>"
    nested = parse_body(
        f"<table>{header}<tr><td><table><tr><td>x</td></tr></table></td>"
        "<td>y</td></tr></table>" + OPENING
    )
    ragged = parse_body(f"<table>{header}<tr><td>one cell only</td></tr></table>" + OPENING)
    headless = parse_body(
        "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>" + OPENING
    )
    for document in (nested, ragged, headless):
        assert not any(isinstance(block, Table) for block in document.blocks)


def test_words_block_text_paragraphs_are_one_quotation_with_their_source():
    document = parse_body(
        "<p class=MsoNormal>The scene everyone remembers is the last one, at the station.</p>"
        "<p class=MsoBlockText>They sit in silence. There is nothing more to be said.</p>"
        "<p class=MsoBlockText>The train is coming.</p>"
        "<p class=MsoBlockText>– Noël Coward, <i>Still Life</i></p>"
        "<p class=MsoNormal>And then she goes home to her husband and his crossword.</p>"
    )
    quotations = [block for block in document.blocks if isinstance(block, Quotation)]
    assert len(quotations) == 1
    assert len(quotations[0].paragraphs) == 2 and quotations[0].source.startswith("Noël Coward")
    assert document_account(document).lost == 0


def test_listing_detection_needs_no_whole_page():
    """``classify.decide_kind`` on units alone: an A-Z list of links is a listing, a page of
    prose with the same links is not."""
    from legacy.parsing.classify import decide_kind
    from legacy.parsing.document import Kind
    from legacy.parsing.units import make_soup, walk

    def kind(html: str, title: str = "") -> Kind:
        units = walk(make_soup(f"<body>{html}</body>").body).units
        return decide_kind(units, None, set(), title, False, units)[0]

    links = "<br>".join(f'<a href="f{n}.htm">Film number {n}</a>' for n in range(8))
    assert kind(f"<p>{links}</p>", "Films A-Z") is Kind.LISTING
    prose = "<p>" + "A long paragraph about one film and its making, told at length. " * 12
    assert kind(prose + f"{links}</p>", "Winter Light") is not Kind.LISTING
