"""When a page was written, from what it prints: the newest news date, the signature's or
byline's date, a date in the headline area, "Posted ...", and "Last updated ..." (pure)."""

import datetime
import re
from collections.abc import Sequence

from .dates import (
    FoundDate,
    date_line,
    labelled_date,
    posted_label,
    search_date,
    updated_label,
)
from .document import Block, Heading, Kind, Removed, Signature
from .header import HEADER_UNITS, is_body
from .slots import TakenSlots
from .text import content_words
from .units import Unit

LABELLED_CHARS = 200  # a dated label line ("Last updated 2 June 2003") is no longer
HEADLINE_DATE_WORDS = 12  # a line of the headline area this short may be its date line
_YEAR_ONLY = re.compile(r"(?:19|20)\d\d")


def published_date(
    blocks: list[Block],
    units: list[Unit],
    kind: Kind,
    removed: Sequence[Removed] = (),
    warnings: list[str] | None = None,
    date_order: str = "dmy",
) -> datetime.date | None:
    """The newest news date; else, in this order, the date of the signature or byline, a
    date in the headline area, a "Posted ..." line, and "Last updated ..." (read from the
    removed page furniture too: the day the page was last edited beats the day of the
    import). A signature that prints only a year ("X, 2004") gives 1 January of it, unless
    the page was last updated that same year."""
    if kind is Kind.NEWS:
        dates = [date_line(b.text, date_order) for b in blocks if isinstance(b, Heading)]
        if dated := [date for date in dates if date]:
            return max(dated)
    if kind in (Kind.LISTING, Kind.STUB):
        return None  # not imported as a page: its old URL redirects
    found = _printed_date(blocks, units, removed, date_order)
    if found is None:
        return None
    if found.ambiguous and warnings is not None:
        warnings.append(ambiguity_warning(found, date_order))
    return found.date


def slot_date(slotted: TakenSlots, kind: Kind, date_order: str = "dmy") -> datetime.date | None:
    """The date of the site's date slot above the headline ("Posted ___"), when it has one:
    the site prints it on every page where it prints a date."""
    if not slotted.date or kind in (Kind.NEWS, Kind.LISTING, Kind.STUB):
        return None
    found = search_date(slotted.date, date_order)
    return found.date if found else None


def ambiguity_warning(found: FoundDate, date_order: str) -> str:
    """What the operator is told about a date that reads both ways (03/04/2002)."""
    first = "day" if date_order == "dmy" else "month"
    return f"ambiguous date {found.printed} read as {first}-first (--date-order)"


def _printed_date(
    blocks: list[Block], units: list[Unit], removed: Sequence[Removed], date_order: str
) -> FoundDate | None:
    signed = [block.dateline for block in blocks if isinstance(block, Signature)]
    for dateline in signed:
        if found := search_date(dateline, date_order):
            return found
    notes = [block.note for block in blocks if isinstance(block, Signature) and block.note]
    for note in notes:  # "Originally published in The Review, January 1996"
        if found := search_date(note, date_order):
            return found
    for unit in _headline_area(units):
        for line in unit.line_texts:
            if len(content_words(line)) <= HEADLINE_DATE_WORDS and (
                found := search_date(line, date_order)
            ):
                return found
    # A "Posted ..." or "Last updated ..." line is short: body paragraphs are not read.
    lines = [line for unit in units for line in unit.line_texts if len(line) <= LABELLED_CHARS]
    furniture = [entry.text for entry in removed if len(entry.text) <= LABELLED_CHARS]
    for line in [*lines, *furniture]:
        if found := labelled_date(line, posted_label(), date_order):
            return found
    updated = next(
        (
            date
            for line in [*lines, *furniture]
            if (date := labelled_date(line, updated_label(), date_order))
        ),
        None,
    )
    year = next((int(m.group(0)) for d in signed if (m := _YEAR_ONLY.fullmatch(d.strip()))), None)
    if year and not (updated and updated.date.year == year):
        printed = str(year)
        return FoundDate(datetime.date(year, 1, 1), printed, 0, len(printed))
    return updated


def _headline_area(units: list[Unit]) -> list[Unit]:
    """The units above the body: under the title, before the first paragraph of text."""
    area: list[Unit] = []
    for unit in units[:HEADER_UNITS]:
        if unit.image is None and is_body(unit):
            break
        if unit.image is None and unit.table is None:
            area.append(unit)
    return area
