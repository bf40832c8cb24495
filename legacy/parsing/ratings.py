"""Ratings as old pages print them: "8/10", "3 out of 5", "****", "***1/2", "4 stars",
"Rating: B+", "2 chuckles", or "three chuckles out of five" in a closing line (pure)."""

import functools
import re
from dataclasses import dataclass

from .document import Rating, Removed
from .lexicon import Lexicon, active
from .text import content_words
from .units import Unit, rebuild_unit
from .visible import removal

_SCALES = (4, 5, 10, 20, 100)


@dataclass(frozen=True)
class _Rules:
    """The rating patterns of one lexicon: its number words, units, labels."""

    numbers: dict[str, float]  # "three" -> 3, "fünf" -> 5, "cinque" -> 5
    whole: re.Pattern[str]  # a text that is only a rating
    in_line: re.Pattern[str]  # "three chuckles out of five" inside a line


@functools.cache
def _rules(lex: Lexicon) -> _Rules:
    number = (
        r"(?:\d{1,3}(?:[.,]\d)?(?:\s*(?:½|1/2))?|½|"
        + "|".join(sorted(map(re.escape, lex.numbers), key=len, reverse=True))
        + r")"
    )
    # stars and their names, and the homely units of hobby sites ("2 chuckles", "4 popcorns")
    units = f"(?:{lex.pattern('ratings.units')})"
    label = rf"(?:{lex.pattern('ratings.labels')})\s*[:=\-–]?\s*"
    out_of = (
        rf"(?P<value>{number})(?:\s+{units})?\s*(?:/|{lex.pattern('ratings.out_of')})\s*"
        rf"(?P<best>{number})(?:\s+(?:possible\s+)?{units})?"
    )
    whole = re.compile(
        rf"^(?P<label>{label})?(?:{out_of}"
        rf"|(?P<stars>\*{{1,5}}|★{{1,5}}|☆{{1,5}})\s*(?P<half>½|1/2)?"
        rf"|(?P<count>{number})\s+{units}"
        rf"|(?P<grade>[A-F][+-]?))[.!]?$",
        re.IGNORECASE,
    )
    return _Rules(dict(lex.numbers), whole, re.compile(rf"\b{out_of}\b", re.IGNORECASE))


MAX_RATING_LINE_WORDS = 15  # a line this short may carry a rating inside a sentence


def _number(text: str) -> float | None:
    text = text.strip().lower()
    half = 0.5 if text.endswith(("½", "1/2")) and text not in {"½", "1/2"} else 0.0
    text = re.sub(r"\s*(?:½|1/2)$", "", text) if half else text
    if text in {"½", "1/2"}:
        return 0.5
    numbers = _rules(active()).numbers
    if text in numbers:
        return float(numbers[text]) + half
    try:
        return float(text.replace(",", ".")) + half
    except ValueError:
        return None


def parse_rating(text: str) -> Rating | None:
    """The rating when the whole text is one ("Rating: 8/10", "****", "2 chuckles"): a lone
    asterisk or a bare letter needs a label ("Rating: B"); a grade with a sign does not."""
    printed = " ".join(text.split())
    match = _rules(active()).whole.match(printed)
    if not match:
        return None
    labelled = bool(match["label"])
    if match["value"] is not None:
        value, best = _number(match["value"]), _number(match["best"])
        if value is None or best not in _SCALES or value > best:
            return None
        return Rating(printed, value, best)
    if match["stars"]:
        count = len(match["stars"]) + (0.5 if match["half"] else 0.0)
        if len(match["stars"]) == 1 and not (labelled or match["half"]):
            return None
        return Rating(printed, count, None)
    if match["count"] is not None:
        value = _number(match["count"])
        return Rating(printed, value, None) if value is not None else None
    grade = match["grade"]
    if len(grade) == 1 and not labelled:
        return None  # a drop capital, not a grade
    return Rating(printed, None, None)


def is_rating(text: str) -> bool:
    """Whether ``text`` is a rating as a whole ("8/10", "4 stars", "***1/2", "B+"): the one
    recogniser, which the site pass and the chrome rules ask too."""
    return parse_rating(text) is not None


def rating_in_line(text: str) -> Rating | None:
    """A rating printed inside a short closing line ("Bob says: three chuckles out of
    five."): the line stays prose, the rating is read from it."""
    line = " ".join(text.split())
    if len(re.findall(r"\w+", line)) > MAX_RATING_LINE_WORDS:
        return None
    match = _rules(active()).in_line.search(line)
    if not match:
        return None
    value, best = _number(match["value"]), _number(match["best"])
    if value is None or not best or value > best or best not in _SCALES:
        return None
    return Rating(match.group(0), value, best)


def take_rating(
    units: list[Unit], removed: list[Removed], warnings: list[str], take_lines: bool = True
) -> tuple[list[Unit], Rating | None]:
    """The review's rating: a picture whose alt text is one ("****", "8/10", "2 chuckles"),
    a line that is only a rating ("Rating: B+", "***1/2"), or a short line that gives one
    ("Bob says: three chuckles out of five."). A line that is only a rating leaves the body
    (the page prints the rating field); a picture stays, as issue 13 kept it; a sentence
    stays whole; so does the line on a page that is not a review (``take_lines`` False: only
    reviews show a rating field). Ratings in a table are scores of other films. Two
    different ratings on one page: neither is taken (a list of scores), with a warning."""
    found: list[tuple[Rating, int, int | None]] = []  # (rating, unit, line or None)
    for index, unit in enumerate(units):
        if unit.table is not None:
            continue
        if unit.image is not None:
            if rating := parse_rating(unit.image.alt):
                found.append((rating, index, -1))
            continue
        for number, line in enumerate(unit.line_texts):
            if rating := parse_rating(line):
                found.append((rating, index, number))
            elif rating := rating_in_line(line):
                found.append((rating, index, -1))
    if not found:
        return units, None
    if len({tuple(content_words(rating.printed)) for rating, _, _ in found}) > 1:
        shown = ", ".join(repr(rating.printed) for rating, _, _ in found[:4])
        warnings.append(f"several ratings printed ({shown}): none taken as the page's rating")
        return units, None
    rating = found[0][0]
    if not take_lines:
        return units, rating
    kept: list[Unit] = []
    whole_lines = {(index, line) for _, index, line in found if line is not None and line >= 0}
    for index, unit in enumerate(units):
        lines = [n for i, n in whole_lines if i == index]
        if not lines:
            kept.append(unit)
            continue
        for number in lines:
            removed += removal(
                "the rating line (kept as the page's rating)", unit.line_texts[number]
            )
        remaining = [line for n, line in enumerate(unit.lines) if n not in lines]
        kept.extend(rebuild_unit(unit, remaining))
    return kept, rating
