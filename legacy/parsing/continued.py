"""Articles printed over several pages, joined into one (pure).

Old magazines cut long articles into pages linked by "Next page", "Continued", "Page 2",
"Part 3" (the words of each language are its lexicon's ``chrome.continuation`` and
``chrome.previous``). A page's *turns* are the units that hold only such links
(``take_turns``, in the parse: they leave the body). Once the site is parsed, the pages
linked by turns within one folder are one article (``join_parts``): in the order the
"next" links give, else by their file names (company.htm, company2.htm, company3.htm);
the first part holds every part's blocks, words and removals, and each later part
``continues`` it, so the writer imports one page and redirects every part's old URL to it.
Pages are joined only when each later part's file name continues the first's or its
title holds the first's: a folder of reviews linked "Previous | Next" stays apart.
"""

import posixpath
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from textkit.markup import normalise_space

from . import lexicon
from .document import Kind, LegacyDocument, Removed
from .options import ParseOptions
from .paths import LinkKind, resolve_href
from .site import site_of
from .units import Unit

NEXT, PREVIOUS = "next", "previous"
JOINED_KINDS = {Kind.FILM_REVIEW, Kind.BOOK_REVIEW, Kind.FEATURE, Kind.PAGE}
_SEPARATORS = re.compile(r"^[\s|\-–—:.,·•<>«»\[\]()]*$")
_NUMBER = re.compile(r"(\d+)(?=\.[a-z]+$)")  # company2.htm -> 2


@dataclass(frozen=True)
class _Patterns:
    next: re.Pattern[str]
    previous: re.Pattern[str]


@cache
def _patterns(active: lexicon.Lexicon) -> _Patterns:
    def compiled(name: str) -> re.Pattern[str]:
        return re.compile(rf"^(?:{active.pattern(name)})\W*$", re.I)

    return _Patterns(compiled("chrome.continuation"), compiled("chrome.previous"))


def take_turns(
    units: Sequence[Unit], all_units: Sequence[Unit], removed: list[Removed]
) -> tuple[list[Unit], list[tuple[str, str]]]:
    """The page's turns to its other parts, as (``NEXT`` or ``PREVIOUS``, href), read from
    the page before its chrome was removed (``all_units``: a site of many serials prints
    "Next page" often enough to be chrome); the units left without them."""
    patterns = _patterns(lexicon.active())
    turns: list[tuple[str, str]] = []
    found: set[int] = set()
    for unit in all_units:
        links = _turn_links(unit, patterns)
        if links:
            turns += links
            found.add(id(unit))
    kept = []
    for unit in units:
        if id(unit) in found:
            removed.append(Removed("a link to another part of the article", unit.text))
        else:
            kept.append(unit)
    return kept, turns


def _turn_links(unit: Unit, patterns: _Patterns) -> list[tuple[str, str]]:
    """The unit's links when it holds nothing but links to an article's other parts."""
    links: dict[str, list[str]] = defaultdict(list)
    for span in unit.spans:
        if span.style.href is None:
            if not _SEPARATORS.match(span.text):
                return []
            continue
        links[span.style.href].append(span.text)
    turns = []
    for href, texts in links.items():
        text = normalise_space(" ".join(texts))
        if patterns.next.match(text):
            turns.append((NEXT, href))
        elif patterns.previous.match(text):
            turns.append((PREVIOUS, href))
        else:
            return []
    return turns


def join_parts(documents: list[LegacyDocument], options: ParseOptions) -> None:
    """Join each article printed over pages linked by turns (see the module's docstring),
    in place: the first part holds them all, each later one ``continues`` it."""
    by_key = {d.source_path: d for d in documents if d.kind in JOINED_KINDS}
    links: dict[str, set[str]] = defaultdict(set)  # undirected: the pages' turns
    follows: dict[str, str] = {}  # page -> the page its "next" link leads to
    for key, document in by_key.items():
        for direction, href in document.turns:
            target = resolve_href(href, key, options.base_url)
            other = target.value if target.kind is LinkKind.PAGE else ""
            if other in by_key and other != key and _same_folder(key, other):
                links[key].add(other)
                links[other].add(key)
                if direction == NEXT:
                    follows.setdefault(key, other)
    seen: set[str] = set()
    for key in sorted(links):
        if key in seen:
            continue
        group = _component(key, links)
        seen |= group
        parts = [by_key[part] for part in _in_order(group, follows)]
        if all(_continues(parts[0], part) for part in parts[1:]):
            _join(parts)


def _continues(first: LegacyDocument, part: LegacyDocument) -> bool:
    """Whether a page linked by turns is a part of ``first``, not the next review of a
    folder that links its pages "Previous | Next": its file name continues the first's
    (company.htm, company2.htm) or its title holds the first's ("..., part 2")."""
    stem, number, _ = _name_order(first.source_path)
    other_stem, other_number, _ = _name_order(part.source_path)
    if stem == other_stem and other_number > number:
        return True
    title = normalise_space(first.title).casefold()
    return bool(title) and title in normalise_space(part.title).casefold()


def _same_folder(a: str, b: str) -> bool:
    return site_of(a) == site_of(b) and posixpath.dirname(a) == posixpath.dirname(b)


def _component(start: str, links: dict[str, set[str]]) -> set[str]:
    group, todo = {start}, [start]
    while todo:
        for other in links[todo.pop()] - group:
            group.add(other)
            todo.append(other)
    return group


def _in_order(group: set[str], follows: dict[str, str]) -> list[str]:
    """The parts in reading order: from the part no "next" link leads to, along the
    "next" links; parts they miss after, in file-name order (company, company2, ...)."""
    by_name = sorted(group, key=_name_order)
    led_to = {follows[key] for key in group if key in follows}
    start = next((key for key in by_name if key not in led_to), by_name[0])
    order = [start]
    while (after := follows.get(order[-1])) in group and after not in order:
        order.append(after)
    return order + [key for key in by_name if key not in order]


def _name_order(key: str) -> tuple[str, int, str]:
    name = posixpath.basename(key)
    match = _NUMBER.search(name)
    stem = name[: match.start()] if match else name.rsplit(".", 1)[0]
    return (stem, int(match.group(1)) if match else 1, name)


def _join(parts: list[LegacyDocument]) -> None:
    first, rest = parts[0], parts[1:]
    for number, part in enumerate(rest, start=2):
        first.blocks += part.blocks
        first.links += [href for href in part.links if href not in first.links]
        first.leftovers += part.leftovers
        first.residue += part.residue
        first.removed += part.removed
        first.removed.append(Removed(f"the title of part {number} (joined)", part.title))
        first.content_text = "\n\n".join(t for t in (first.content_text, part.content_text) if t)
        first.source_text = f"{first.source_text}\n{part.source_text}"
        first.published = first.published or part.published
        first.credits = first.credits or part.credits
        part.continues = first.source_path
        part.warnings.append(
            f"part {number} of {len(parts)} of {first.source_path}: joined into its page"
        )
    first.parts = [part.source_path for part in rest]
    first.warnings.append(
        f"an article over {len(parts)} pages, joined: {', '.join(first.parts)} continue it"
    )
