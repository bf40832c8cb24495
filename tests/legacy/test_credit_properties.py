"""Property tests of the credits reader: whatever a page prints, it never raises, and
what it calls credits keeps every character of them (each in a field's part or in the
remainder an editor sees)."""

import os
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legacy.parsing.credits import parse_credits, parse_credits_lines

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", 300))
SEARCH = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

PIECES = ["Directed by", "Dir:", "by", "Edited by", "Translated by", "Photographs by", "With",
          "Starring", "Jane Campion", "Joel and Ethan Coen", "R.P. Nettelhorst", "U.K.",
          "Germany/Austria", "1997", "(1958)", "112 min", "1h 52m", "ISBN 0-7126-8399-2",
          "144 pages", "pp. 288", "$12.95", "£8.99", "Paper", "hardcover", "Second edition",
          "Cert 15", "PG-13", "Knopf", "North Point Press", "San Francisco:", "Lietaer, Bernard:",
          "'The Future of Money'", "(dir.)", "Bibliography", "Petros Baptist Church", "Inc.",
          "the film is long", "Note: Spoiler Alert", "–", "&", "and", "Émile-Paul"]  # fmt: skip
SEPARATORS = [". ", ", ", " ", ": ", "; ", " (", ") ", " / ", " - ", ""]
CHARACTERS = st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"])
PIECE = st.sampled_from(PIECES) | st.text(alphabet=CHARACTERS, max_size=12)


@st.composite
def credits_like(draw) -> str:
    pieces = draw(st.lists(PIECE, max_size=14))
    return "".join(piece + draw(st.sampled_from(SEPARATORS)) for piece in pieces)


def letters(text: str) -> Counter:
    return Counter(char for char in text if char.isalnum())


@SEARCH
@given(credits_like(), st.sampled_from(["", "The Future of Money", "Gattaca"]))
def test_credits_never_raise_and_keep_every_character(text, title):
    credits = parse_credits(text, title)
    if credits is not None:
        kept = "".join(part.text for part in credits.parts)
        assert letters(kept) == letters(credits.raw), (credits.raw, credits.parts)


@SEARCH
@given(st.lists(credits_like(), min_size=1, max_size=3))
def test_credits_over_several_lines_keep_every_character(lines):
    credits = parse_credits_lines(lines)
    if credits is not None:
        kept = "".join(part.text for part in credits.parts)
        assert letters(kept) == letters(credits.raw), (credits.raw, credits.parts)
