"""Structure the old pages had stays: lists, quotations, preformatted text (issue 13.4)."""

from legacy.parsing.document import Paragraph
from legacy.parsing.text import blocks_text, fidelity

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
    assert fidelity(document.content_text, blocks_text(document.blocks)) == (1.0, [])
    assert not document.leftovers
