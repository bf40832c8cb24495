"""A film review's cast as an old page prints it, broken over lines and cells: every name
reaches the cast, whatever surname an actor shares with a publishing house, with the
parts voiced in brackets, and a "Posted <date>" / "by X" line is the reviewer's, never a
credit (pure rules, no database)."""

from legacy.parsing.credits import parse_credits, parse_credits_lines, run_joint
from legacy.parsing.document import Kind
from legacy.parsing.parser import parse_document


def _page(head: str) -> bytes:
    prose = " ".join(
        ["The harbour town wakes slowly and the film takes its time with every street."] * 6
    )
    return (
        "<html><head><title>Low Water</title></head><body>\n"
        '<table><tr><td><a href="index.html">Contents</a> | <a href="reviews.html">'
        "Reviews</a></td></tr></table>\n"
        f"<h2>Low Water</h2>\n{head}\n<p>{prose}</p>\n<p>{prose}</p>\n</body></html>\n"
    ).encode()


def test_an_actor_named_like_a_publishing_house_is_an_actor_in_a_cast():
    credits = parse_credits(
        "Directed by Ivo Brant. Starring Mara Quill, Tobias Norton, Ada Knopf and Lou Barnet."
    )
    assert credits is not None and not credits.publisher
    assert credits.cast == ["Mara Quill", "Tobias Norton", "Ada Knopf", "Lou Barnet"]


def test_a_house_named_after_its_founder_is_still_a_publisher_where_a_person_is_not():
    credits = parse_credits("by Ann Rey. New York: W. W. Norton, 1997. 312 pages.")
    assert credits is not None and credits.people == ["Ann Rey"]
    assert "Norton" in credits.publisher
    book = parse_credits("Ann Rey. Houghton Mifflin, 1997. 312 pages.")
    assert book is not None and book.people == ["Ann Rey"] and book.publisher


def test_a_cast_broken_over_lines_reaches_the_cast_whole():
    # the label alone on its line, a line ending on a name with no comma, a name cut in two
    lines = [
        "Directed",
        "by Ivo Brant",
        "Starring",
        "Mara Quill, Tobias Norton",
        "Ada Knopf, Lou Barnet,",
        "and Nell Ivers",
    ]
    assert _joined(lines) == [
        "Directed by Ivo Brant",
        "Starring Mara Quill, Tobias Norton, Ada Knopf, Lou Barnet, and Nell Ivers",
    ]
    voices = ["Starring the voices of Mara", "Quill,", "Tobias Norton, Ada Knopf"]
    assert _joined(voices) == ["Starring the voices of Mara Quill, Tobias Norton, Ada Knopf"]
    credits = parse_credits_lines(_joined(lines))
    assert credits is not None and credits.people == ["Ivo Brant"]
    assert credits.cast == ["Mara Quill", "Tobias Norton", "Ada Knopf", "Lou Barnet", "Nell Ivers"]


def _joined(lines: list[str]) -> list[str]:
    """The lines as the header joins them: a list of names running on is one line."""
    joined: list[str] = []
    for line in lines:
        joint = run_joint(joined[-1], line) if joined else None
        if joint is None:
            joined.append(line)
        else:
            joined[-1] = f"{joined[-1].rstrip()}{joint}{line.strip()}"
    return joined


def test_the_voices_of_an_animated_film_and_their_parts_are_its_cast():
    credits = parse_credits_lines(
        [
            "Directed by Ivo Brant",
            "Starring Mara Quill, Lou Barnet (voice of the Heron), Ada Knopf "
            "(voice of Old Tom), Nell Ivers and Bo Rey",
        ]
    )
    assert credits is not None
    assert credits.cast == [
        "Mara Quill",
        "Lou Barnet (voice of the Heron)",
        "Ada Knopf (voice of Old Tom)",
        "Nell Ivers",
        "Bo Rey",
    ]
    voiced = parse_credits_lines(
        ["Directed by Ivo Brant", "Starring the voices of Mara Quill, Lou Barnet, Ada Knopf"]
    )
    assert voiced is not None and voiced.cast == ["Mara Quill", "Lou Barnet", "Ada Knopf"]


def test_a_review_s_head_broken_over_lines_gives_its_whole_cast_and_no_reviewer_as_credit():
    head = (
        "Posted 3 May 1999<br>\nby Nell Ivers<br>\nDirected<br>\nby Ivo Brant<br>\n"
        "Starring<br>\nMara Quill,<br>\nTobias Norton, Ada Knopf<br>\n"
        "Lou Barnet, Bo Rey,<br>\nand Tilde Marsh<br>\nWritten<br>\nby Ivo Brant"
    )
    document = parse_document(_page(f"<p>{head}</p>"), "reviews/lowwater.html")
    assert document.kind is Kind.FILM_REVIEW
    credits = document.credits
    assert credits is not None and credits.people == ["Ivo Brant"]
    assert credits.cast == [
        "Mara Quill",
        "Tobias Norton",
        "Ada Knopf",
        "Lou Barnet",
        "Bo Rey",
        "Tilde Marsh",
    ]
    assert "Nell Ivers" not in credits.people


def test_labels_chained_or_broken_inside_the_credits_name_the_same_people():
    # a second label in the middle of the cast, two labels for one name, a label and a
    # name cut over lines, the work the film comes from
    credits = parse_credits_lines(
        _joined(
            [
                "Directed by and Screenplay by Ivo Brant",
                "Starring",
                "Mara Quill,",
                "Tobias Norton, and the voices of Ada Knopf,",
                "Lou Barnet, and Bo Rey",
            ]
        )
    )
    assert credits is not None and credits.people == ["Ivo Brant"]
    assert credits.cast == ["Mara Quill", "Tobias Norton", "Ada Knopf", "Lou Barnet", "Bo Rey"]
    broken = parse_credits_lines(
        _joined(
            [
                "Directed",
                "and written by Nell",
                "Ivers.",
                "from the play by Tilde Marsh.",
                "Starring Mara Quill, Lou Barnet",
            ]
        )
    )
    assert broken is not None and broken.people == ["Nell Ivers"]
    assert broken.extras == ["from the play by Tilde Marsh"]
    assert broken.cast == ["Mara Quill", "Lou Barnet"]
