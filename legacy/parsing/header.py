"""The top of a review: its title lines and its credits, which become fields (pure).

Credits may run over two or three lines or blocks ("Title<br>Author<br>Publisher, 1999"),
or sit at the end of the page; what credits.py cannot read stays in their remainder.
"""

import re
from collections.abc import Callable
from itertools import takewhile

from .accounting import HELD
from .bylines import (
    byline_contact,
    byline_names,
    is_labelled_byline,
    is_set_off_byline,
    opens_with_label,
    opens_with_phrase_label,
    parse_byline,
    trailing_byline_start,
    unbroken,
)
from .chrome import is_title_image
from .credits import (
    is_country,
    is_credits,
    is_publisher_name,
    may_close_credits,
    opens_with_role_label,
    parse_credits_lines,
    run_joint,
    runs_on,
    words_not_understood,
    words_understood,
)
from .dates import date_line
from .document import Credits, Kind, Removed, Signature
from .shapes import byline, spoiler_notice, wrapped_in_quotes
from .text import content_words
from .titles import MAX_TITLE_WORDS, TitleChoice, choose_title, key
from .units import BREAK, Item, Span, Unit, items_text, rebuild_unit
from .visible import removal

HEADER_UNITS = 8  # the title, credits and epigraph sit within this many units of the top
BODY_WORDS = 30  # a unit this long is running text: the headline area is over
CLOSING_UNITS = 4  # credits at the end sit within this many units of it
_TRAILING_YEAR = re.compile(r"\s*\((1[89]\d\d|20\d\d)\)\s*$")


def take_header(
    units: list[Unit],
    title_keys: set[tuple[str, ...]],
    title: str,
    want_credits: bool,
    removed: list[Removed],
    hints: frozenset[Kind] = frozenset(),
) -> tuple[list[Unit], Credits | None]:
    """Remove title lines and the credits from the top of the page: they become fields. A
    title line's words beyond the title ("Review by") are reported removed. Credits may
    run over two or three lines or blocks ("Author<br>Publisher, 1999"). ``hints``: the
    shapes the page's folders suggest (``classify.path_hints``)."""
    header = _header_lines(units, title_keys)
    taken: set[tuple[int, int]] = set()
    for place, text in header:
        if key(text) in title_keys:
            removed += removal("the title line (kept as the page's title)", text)
            taken.add(place)
    credits = None
    if want_credits:
        candidates = [(place, text) for place, text in header if place not in taken]
        credits, used = _credits_in(candidates, title, Kind.FILM_REVIEW in hints)
        if credits is not None:
            removed += removal("the credits line (kept as the page's credits)", credits.raw)
            taken.update(used)
    return _without_title_images(_without_lines(units, taken), title_keys), credits


def _without_title_images(units: list[Unit], title_keys: set[tuple[str, ...]]) -> list[Unit]:
    """The header's pictures of the title (a banner with the title as its alt text) go: the
    page prints its title itself. Only up to the first paragraph of body text."""
    kept: list[Unit] = []
    for index, unit in enumerate(units):
        in_header = index < HEADER_UNITS and not any(map(is_body, units[:index]))
        image = unit.image
        is_title = image is not None and (is_title_image(image) or key(image.alt) in title_keys)
        if not (in_header and is_title):
            kept.append(unit)
    return kept


def _header_lines(
    units: list[Unit], title_keys: set[tuple[str, ...]]
) -> list[tuple[tuple[int, int], str]]:
    """The text lines at the top of the page, before the first paragraph of body text, as
    ((unit index, line index), text): the title lines and those credits may be on."""
    lines = []
    dated = False  # the line before was a date ("Posted 15 October 1999")
    for index, unit in enumerate(units[:HEADER_UNITS]):
        if is_body(unit) and not _cast_list(unit):
            break
        if unit.image is not None:
            continue
        for number, line in enumerate(unit.lines):
            text = items_text(line)
            # "Posted <date>" / "by X": the posted line's byline, never a credit
            posted_by = dated and is_labelled_byline(text)
            if text.strip():
                dated = bool(date_line(text))
            if posted_by:
                continue
            if key(text) in title_keys or (text.strip() and not _owned_elsewhere(line)):
                lines.append(((index, number), text))
    return lines


def _owned_elsewhere(line: list[Item]) -> bool:
    """A line another part of the review owns, which credits never run on into: an index
    entry (linked), a spoiler notice, a date, a byline ("Reseña de X"; but "by Wendell
    Berry" may open credits, as "by" labels an author there too)."""
    unit = Unit(items=line)
    text = unit.text
    byline_only = opens_with_phrase_label(text) and not opens_with_role_label(text)
    return _has_link(line) or bool(spoiler_notice(unit) or date_line(text) or byline_only)


def _cast_list(unit: Unit) -> bool:
    """A block of names under a role label ("Starring" and a dozen names over as many
    lines) is as long as running text, but credits: it reads as credits, or each of its
    lines runs on into the next ("Starring A," / "B, C," / "and D")."""
    if not opens_with_role_label(unit.text):
        return False
    lines = unit.line_texts
    run = len(lines) > 1 and all(map(runs_on, lines, lines[1:]))
    return run or is_credits(" ".join(unit.text.split()))


Place = tuple[int, int]  # (unit index, line index)


def _runs(lines: list[tuple[Place, str]]) -> list[tuple[list[Place], str]]:
    """The header's lines, with the lines a list of names runs over joined into one
    (``credits.runs_on``): "Starring A, B," / "C, D," / "and E" is one credits line."""
    joined: list[tuple[list[Place], str]] = []
    for place, text in lines:
        joint = run_joint(joined[-1][1], text) if joined else None
        if joint is not None and _consecutive([joined[-1][0][-1], place]):
            places, before = joined[-1]
            joined[-1] = ([*places, place], f"{before.rstrip()}{joint}{text.strip()}")
        else:
            joined.append(([place], text))
    return joined


CREDITS_LINES = 3  # credits printed over this many lines at most (a run of names is one)
RUN_LINES = 30  # a run of names printed over this many lines at most


def _credits_in(
    lines: list[tuple[Place, str]], title: str, among_films: bool = False
) -> tuple[Credits | None, list[Place]]:
    """The first run of consecutive lines that reads as credits, the longest run that
    adds what is understood and nothing that is not; and the places of its lines. A
    credits line after text that is not credits must carry facts (not just a name).
    Among films, "Vertigo, by Helen Marsh" names the reviewer: a book's form, not a film's."""
    for start in range(len(lines)):
        best: Credits | None = None
        used = 0
        for end in range(start + 1, min(len(lines), start + RUN_LINES) + 1):
            window = lines[start:end]
            # a line in quote marks is a quotation (an epigraph), never a credits line
            if not _consecutive([place for place, _ in window]) or wrapped_in_quotes(
                window[-1][1]
            ):
                break
            joined = _runs(window)
            if len(joined) > CREDITS_LINES:
                break
            found = parse_credits_lines([text for _, text in joined], title)
            if found is None or (len(window) > 1 and not _firm(found)):
                continue
            if among_films and _title_and_byline_only(found):
                continue
            if _better_credits(found, best):
                best, used = found, len(window)
        if best is not None and (start == 0 or _has_facts(best)):
            return best, [place for place, _ in lines[start : start + used]]
    return None, []


def _title_and_byline_only(credits: Credits) -> bool:
    """ "Title, by X" and nothing else: no fact and no label but "by"."""
    labels = {part.text.lower() for part in credits.parts if part.role == "label"}
    roles = {part.role for part in credits.parts} - {"title", "person", "label"}
    return bool(credits.work_title) and labels <= {"by"} and not roles


def _firm(credits: Credits) -> bool:
    """Credits joined from several lines must be all understood, with facts of their own
    kind: a site's name and its "est. 1997" are not a director and a year."""
    facts = credits.is_book or credits.running_time or credits.cast or credits.translators
    placed = credits.year and credits.countries and all(map(is_country, credits.countries))
    return not credits.remainder and bool(facts or placed)


def _consecutive(places: list[Place]) -> bool:
    """Lines of one unit in a row, or the last line of a unit and the first of the next."""
    for before, after in zip(places, places[1:], strict=False):
        same_unit = after[0] == before[0] and after[1] == before[1] + 1
        if not same_unit and not (after[0] == before[0] + 1 and after[1] == 0):
            return False
    return True


def _better_credits(found: Credits, best: Credits | None) -> bool:
    if best is None:
        return True
    more = words_understood(found) > words_understood(best)
    return more and words_not_understood(found) <= words_not_understood(best)


def take_closing_credits(
    units: list[Unit], title: str, hints: set[Kind], removed: list[Removed]
) -> tuple[list[Unit], Credits | None]:
    """Credits printed at the end of the page ("Lietaer, Bernard: 'The Future of Money'
    Random Century, 2000. ISBN ..."): only with facts no sentence has (an ISBN, pages, a
    publisher and a year, a running time), so a closing remark is never taken; outside a
    review folder only with an ISBN (an About page may end with the magazine's own book)."""
    start = max(0, len(units) - CLOSING_UNITS)
    for index in range(len(units) - 1, start - 1, -1):
        unit = units[index]
        if unit.image is not None:
            continue
        for number, line in enumerate(unit.lines):
            text = items_text(line)
            if not may_close_credits(text):
                continue
            found = parse_credits_lines([text], title)
            in_reviews = bool(hints & {Kind.BOOK_REVIEW, Kind.FILM_REVIEW}) or bool(
                found and found.isbn
            )
            if found is not None and in_reviews and _closing_facts(found):
                removed += removal("the credits line (kept as the page's credits)", found.raw)
                return _without_lines(units, {(index, number)}), found
    return units, None


def _closing_facts(credits: Credits) -> bool:
    """Facts no list of favourites prints: "Cinema Paradiso (Giuseppe Tornatore, 1988)"
    is not a publisher and a year."""
    named = credits.publisher and is_publisher_name(credits.publisher) and credits.year
    return bool(credits.isbn or credits.pages or credits.running_time or named) and not (
        credits.remainder
    )


def _without_lines(units: list[Unit], places: set[tuple[int, int]]) -> list[Unit]:
    kept: list[Unit] = []
    for index, unit in enumerate(units):
        lines = [line for n, line in enumerate(unit.lines) if (index, n) not in places]
        kept.extend(rebuild_unit(unit, lines))
    return kept


def _has_link(items: list[Item]) -> bool:
    """Credits lines are plain text; a linked line is an index entry."""
    return any(isinstance(item, Span) and item.style.link for item in items)


def _has_facts(credits: Credits) -> bool:
    """Facts no byline prints: a year, countries, a book's or a film's (its length, its cast)."""
    facts = credits.year or credits.countries or credits.is_book or credits.running_time
    return bool(facts or credits.cast)


def is_body(unit: Unit) -> bool:
    return len(content_words(unit.text)) >= BODY_WORDS


# --- the title ---------------------------------------------------------------------------


def choose_page_title(
    page_title: str,
    units: list[Unit],
    source_path: str,
    from_word: bool,
    site_folders: frozenset[str] = frozenset(),
    site_names: frozenset[str] = frozenset(),
    template_title: str = "",
    recurs: Callable[[Unit], bool] = lambda unit: False,
) -> TitleChoice:
    """The most specific title among the <title> and the top of the page (``titles``).
    ``template_title``: a <title> the site prints over many other headlines, which only
    stands in for a page that prints no headline of its own. ``recurs``: whether the site
    prints a unit on many pages (a section's heading over each article's)."""
    top = units[:HEADER_UNITS]
    first = next((unit for unit in top if unit.style.heading == 1 and unit.text), None)
    # A page with no <h1> may head its text with an <h2> or <h3>: a weaker candidate, looked
    # for down to the running text (a sidebar of dates or links may come first).
    # A heading the site prints on many pages names a section over the page's own.
    area = [unit for unit in headline_area(units) if unit.style.heading in (2, 3) and unit.text]
    own = [unit for unit in area if not recurs(unit)] or area
    subheading = own[0].text if own else ""
    if first is not None and recurs(first) and own and not recurs(own[0]):
        first = None  # "<h1>Testberichte</h1>" over each test's own "<h2>1. Test: X</h2>"
    h1 = first.text if first is not None else large_headline(headline_area(units), recurs)
    if first is None and _kicker_over(h1, page_title):
        h1 = page_title  # "Test de Glace Noire" over the <title> "Glace Noire": the title
    graphics = [unit.image.alt for unit in top if unit.image and is_title_image(unit.image)]
    first_alt = next((unit.image.alt for unit in top if unit.image and unit.image.alt), "")
    others = [*graphics, "" if h1 else subheading, first_alt, emphasised_first_line(top)]
    choice = TitleChoice("")
    for title in (page_title, template_title) if template_title else (page_title,):
        choice = choose_title(
            title,
            h1,
            others,
            source_path,
            prefer_heading=from_word,
            site_folders=site_folders,
            site_names=site_names,
        )
        if choice.title:
            break
    return choice


def headline_area(units: list[Unit]) -> list[Unit]:
    """The units above the page's running text (a unit of ``BODY_WORDS`` that is not a
    heading), and never fewer than ``HEADER_UNITS``: a column of short lines (an issue's
    dates, a list of links) printed first pushes the headline further down."""
    end = next(
        (n for n, unit in enumerate(units) if is_body(unit) and not unit.style.heading),
        len(units),
    )
    return units[: max(HEADER_UNITS, end)]


def large_headline(area: list[Unit], recurs: Callable[[Unit], bool] = lambda unit: False) -> str:
    """A headline set in a large font where the page has no <h1> (``<font size="+3">X</font>
    par Y``, FrontPage's ``<font size="7">``): the large words opening the first unit
    above the running text that opens with any, the site's recurring lines and links
    aside. A drop capital, a credits, date or byline line is no headline."""
    for unit in area:
        if unit.image is not None or not unit.lines or recurs(unit):
            continue
        spans = [item for item in unit.lines[0] if isinstance(item, Span) and item.text.strip()]
        lead = list(takewhile(lambda span: span.style.large, spans))
        if not lead or any(span.style.link for span in lead):
            continue  # not set large, or a link set large (an address): no headline
        text = " ".join("".join(span.text for span in lead).split())
        if sum(ch.isalpha() for ch in text) < 2 or len(content_words(text)) > MAX_TITLE_WORDS:
            return ""
        if is_credits(text) or date_line(text) or byline(Unit(items=lead)):
            return ""
        return text
    return ""


def emphasised_first_line(top: list[Unit]) -> str:
    """A short bold or heading line opening the page: the title of pages with no other."""
    first = next((unit for unit in top if unit.image is None), None)
    if first is None or not first.lines:
        return ""
    line = first.lines[0]
    text = items_text(line)
    emphasised = all(s.style.bold or s.style.heading for s in line if isinstance(s, Span))
    if not emphasised or len(content_words(text)) > MAX_TITLE_WORDS:
        return ""
    unit = Unit(items=line)
    if is_credits(text) or date_line(text) or spoiler_notice(unit) or byline(unit):
        return ""
    return text


def split_year(title: str) -> tuple[str, int | None]:
    """ "Vertigo (1958)" -> ("Vertigo", 1958): the year is the work's, not the title's."""
    match = _TRAILING_YEAR.search(title)
    if not match or not title[: match.start()].strip():
        return title, None
    return title[: match.start()].rstrip(), int(match.group(1))


# --- the title ---------------------------------------------------------------------------


def split_headline_bylines(
    units: list[Unit],
    removed: list[Removed],
    recurs: Callable[[Unit], bool] = lambda unit: False,
) -> tuple[list[Unit], list[Signature]]:
    """A headline printed with its byline on one line ("Test de Immortal par Mahendra
    Tallur") becomes the headline and the byline, each a unit of its own, as most sites
    print them; only near the top, and never a credit ("directed by X"). A byline set off
    from its headline (in brackets, or after a dash: "Spielecke - von X (x@host.de)") and
    a byline of several writers ("par X et Y") sign the page with each of them instead.
    ``recurs``: whether the site prints a unit on many of its pages (its bar, a column's
    standing introduction): such units do not push the headline out of the page's top."""
    out: list[Unit] = []
    signatures: list[Signature] = []
    headline = next((i for i, u in enumerate(units[:HEADER_UNITS]) if _names_the_page(u)), -1)
    below = _set_off_headline(units, headline, recurs) if headline >= 0 else -1
    for index, unit in enumerate(units):
        parts = _headline_and_byline(unit) if index == headline else None
        if parts is None and index == headline:
            parts = _headline_over_byline(unit)
        if parts is None and index == below:
            parts = _headline_and_byline(unit)
        if parts is None:
            out.append(unit)
            continue
        head, tail, names = parts
        out.append(head)
        if len(names) == 1 and not is_set_off_byline(tail.text):
            out.append(tail)
            continue
        contact = byline_contact(tail.text) if len(names) == 1 else ""
        signatures += [Signature(name, note=contact) for name in names]
        reason = "the byline on the headline's line (kept as the page's signatures)"
        removed += removal(reason, _without_contact(tail.text, contact), slot=HELD)
    return out, signatures


def _without_contact(text: str, contact: str) -> str:
    """A byline's words but the address the signature keeps as its note."""
    return text.replace(contact, " ", 1) if contact else text


def _set_off_headline(units: list[Unit], first: int, recurs: Callable[[Unit], bool]) -> int:
    """The unit of the page's own headline when a bar or a section's heading is printed
    above it ("Testberichte", then "1. Softwaretest: AFiloFax (von Uwe Pannecke)"): the
    first line of the top, before any running text, that ends in a byline set off from it
    (``is_set_off_byline``); never a link (an index's entry), nor one of a list of such
    lines (a contents page's). The top is ``HEADER_UNITS`` units of the page's own: units
    the site prints on many pages (``recurs``) do not count. -1 when there is none."""
    found = []
    own = first + 1
    for index in range(first + 1, len(units)):
        if own >= HEADER_UNITS:
            break
        if _ends_in_set_off_byline(units[index]):
            found.append(index)
        if not recurs(units[index]):
            own += 1
    end = next((i for i in range(first + 1, len(units)) if is_body(units[i])), len(units))
    if len(found) != 1 or found[0] > end or _links_a_page(units[found[0]].lines[0]):
        return -1
    return found[0]


def _links_a_page(items: list[Item]) -> bool:
    """A linked line is an index entry; a mail link is the writer's address."""
    return any(
        isinstance(item, Span)
        and item.style.link
        and not (item.style.href or "").lower().startswith("mailto:")
        for item in items
    )


def _ends_in_set_off_byline(unit: Unit) -> bool:
    text = unit.text
    if len(unit.lines) != 1 or unit.image is not None:
        return False
    start = trailing_byline_start(text)
    return start >= 0 and is_set_off_byline(text[start:])


def _names_the_page(unit: Unit) -> bool:
    """A unit of text that is not a bar of links: the first such is where a headline is."""
    return bool(unit.text.strip()) and not unit.all_spans(lambda style: style.link)


def _headline_and_byline(unit: Unit) -> tuple[Unit, Unit, list[str]] | None:
    if unit.image is not None or unit.table is not None or len(unit.lines) != 1:
        return None
    line = unit.lines[0]
    text = "".join(item.text for item in line if isinstance(item, Span))  # as cut below
    start = trailing_byline_start(text)
    if start < 0:
        return None
    before = text[:start].split()
    if not before or opens_with_label(text) or before[-1].endswith((",", ";", "(", *"-–—|")):
        return None  # "Reviewed by X" is a byline already; "Bel Canto, by Ann Patchett" credits;
        # "Fargo - A review by Ann Lee" is the title's (``titles.split_byline``)
    last_word = next((word for word in reversed(before) if re.search(r"\w", word)), "")
    if opens_with_role_label(" ".join([last_word, text[start:]])):
        return None  # "Taxi Driver directed by Martin Scorsese": a credit (not "Vu ! par X")
    head, tail = _split_items(line, start)
    if not items_text(head).strip() or not items_text(tail).strip():
        return None
    return Unit(items=head), Unit(items=tail), byline_names(text[start:])


def _headline_over_byline(unit: Unit) -> tuple[Unit, Unit, list[str]] | None:
    """A headline with its byline on a line of its own in the same block ("71st Oscars
    (1999)<br>feature by Ann Lee", "Title<br>Subtitle<br>interview by Ann Lee, 2 April
    1999", "Title<br>review by<br>Ann Lee"): the headline's lines and the byline, each a
    unit of its own. Only a label of words ("feature by", "Reviewed by"): a bare "by X"
    under a title is its work's author as often as the page's writer."""
    lines = unit.lines
    if unit.image is not None or unit.table is not None or not 2 <= len(lines) <= 4:
        return None
    texts = unit.line_texts
    for size in (1, 2):  # the byline's lines: one, or two the page broke it over
        first = len(lines) - size
        if first < 1 or not opens_with_label(texts[first]):
            continue
        joined = unbroken(texts[first:])
        label = parse_byline(joined[0]) if len(joined) == 1 else None
        tail = Unit(items=[item for line in _with_breaks(lines[first:]) for item in line])
        found = byline(tail) if label is not None and len(label.label.split()) >= 2 else None
        if found is None or any(opens_with_label(text) for text in texts[:first]):
            continue
        if len(content_words(" ".join(texts[:first]))) > MAX_TITLE_WORDS:
            return None  # running text over a signature, not a headline
        head = [item for line in _with_breaks(lines[:first]) for item in line]
        return Unit(items=head), tail, [found.name]
    return None


def _with_breaks(lines: list[list[Item]]) -> list[list[Item]]:
    """The lines with a line break between each two, to be one unit's items again."""
    return [[BREAK, *line] if index else line for index, line in enumerate(lines)]


def _split_items(line: list[Item], at: int) -> tuple[list[Item], list[Item]]:
    """The line's items cut at character ``at`` of its text (a span cut in two)."""
    head: list[Item] = []
    tail: list[Item] = []
    seen = 0
    for item in line:
        if not isinstance(item, Span):
            (head if seen < at else tail).append(item)
            continue
        cut = at - seen
        if cut <= 0:
            tail.append(item)
        elif cut >= len(item.text):
            head.append(item)
        else:
            head.append(Span(item.text[:cut], item.style))
            tail.append(Span(item.text[cut:], item.style))
        seen += len(item.text)
    return head, tail


KICKER_WORDS = 3  # "Test de", "Labo :", "Preview:" printed before the headline's title


def _kicker_over(headline: str, title: str) -> bool:
    """Whether the headline is the title after a short kicker ("Test de X" over "X")."""
    words, wanted = key(headline), key(title)
    extra = len(words) - len(wanted)
    return bool(wanted) and 0 < extra <= KICKER_WORDS and words[extra:] == wanted


def kicker_keys(units: list[Unit], title: str) -> set[tuple[str, ...]]:
    """Lines at the top that print the title after a short kicker ("Labo : Mystic View",
    "Test de Immortal" over the title "Mystic View", "Immortal"): title lines too, never
    credits (a kicker reads as a name). Only a prefix: credits print the title first."""
    found: set[tuple[str, ...]] = set()
    for unit in units[:HEADER_UNITS]:
        if is_body(unit):
            break
        for text in unit.line_texts:
            if _kicker_over(text, title):
                found.add(key(text))
    return found
