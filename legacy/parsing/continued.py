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

Other sites link an article's parts by a *menu of part titles* on every part ("Main Page
... / The Beginnings ... / The Early Films ...", the part being read unlinked). A page's
menu is a run of units holding nothing but links to pages of its own folder (``PART``
turns). Such pages are one article only on all the evidence together: the menu is
mutual (one page's menu links every other part, every part's links that page and no
page outside), every part is signed
by the same writer, and the parts share a file-name stem (fhitch100, fhitch100-1, ...) or
a title prefix ("Hitchcock at 100: ..."). Two reviews of one film by two writers
(rechoes1, rechoes2), or a site's nav of its few top pages, are never joined.
"""

import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from textkit.markup import normalise_space

from . import lexicon
from .aside import restore, set_aside, signature_names
from .clusters import NOT_IN_NAV
from .document import Kind, LegacyDocument, Removed, Signature
from .options import ParseOptions
from .paths import LinkKind, resolve_href
from .site import site_of
from .spill import Spill
from .units import Unit

NEXT, PREVIOUS, PART = "next", "previous", "part"
MIN_MENU_LINKS = 2  # a menu of parts links at least this many other parts
MENU_GAP_WORDS = 8  # an unlinked item of a menu (the part being read) is this short
MIN_SHARED_STEM = 4  # characters of file name the parts share (fhitch100, fhitch100-1)
JOINED_KINDS = {Kind.FILM_REVIEW, Kind.BOOK_REVIEW, Kind.FEATURE, Kind.PAGE}
_SEPARATORS = re.compile(r"^[\s|\-–—:.,·•<>«»\[\]()…]*$")
_PAGE_HREF = re.compile(r"^[^/:?#]+\.(?:s?html?|asp|php)$", re.I)  # a page of the same folder
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
    turns += [(PART, href) for href in _menu_links(all_units)]
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


def _menu_links(units: Sequence[Unit]) -> list[str]:
    """The hrefs of the page's menus of parts: runs of units that hold only links to pages
    of the page's own folder, an unlinked short item (the part being read) allowed among
    them, with ``MIN_MENU_LINKS`` links or more."""
    menus: list[str] = []
    run: list[str] = []
    for unit in units:
        links = _local_links(unit)
        if links:
            run += [href for href in links if href not in run]
            continue
        if unit.image is None and not unit.hrefs and len(unit.text.split()) <= MENU_GAP_WORDS:
            continue  # "The Early Films ...": the part being read, unlinked
        if len(run) >= MIN_MENU_LINKS:
            menus += run
        run = []
    if len(run) >= MIN_MENU_LINKS:
        menus += run
    return menus


def _local_links(unit: Unit) -> list[str]:
    """The unit's links when it holds nothing but links to pages of its own folder."""
    hrefs = []
    for span in unit.spans:
        if span.style.href is None:
            if not _SEPARATORS.match(span.text):
                return []
        elif _PAGE_HREF.match(span.style.href.strip()):
            hrefs.append(span.style.href.strip())
        else:
            return []
    return hrefs


def join_parts(
    documents: list[LegacyDocument], options: ParseOptions, spill: Spill | None = None
) -> None:
    """Join each article printed over pages linked by turns (see the module's docstring),
    in place: the first part holds them all, each later one ``continues`` it. ``spill``:
    where the heavy fields of documents set aside are (``aside``), read back to join."""
    by_key = {d.source_path: d for d in documents if d.kind in JOINED_KINDS}
    links: dict[str, set[str]] = defaultdict(set)  # undirected: the pages' turns
    follows: dict[str, str] = {}  # page -> the page its "next" link leads to
    menus: dict[str, set[str]] = defaultdict(set)  # page -> the parts its menu links
    for key, document in by_key.items():
        for direction, href in document.turns:
            target = resolve_href(href, key, options.base_url)
            other = target.value if target.kind is LinkKind.PAGE else ""
            if direction == PART:
                if other and other != key and _same_folder(key, other):
                    menus[key].add(other)
                continue
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
            _join_aside(parts, spill)
    for group in _menu_groups(menus, by_key, seen):
        _join_aside([by_key[part] for part in sorted(group, key=_part_order(group))], spill)


def _join_aside(parts: list[LegacyDocument], spill: Spill | None) -> None:
    """``_join``, the parts' heavy fields read back for it and set aside again after."""
    aside = spill is not None and any(part.aside is not None for part in parts)
    for part in parts if aside else ():
        restore(part, spill)
    _join(parts)
    for part in parts if aside else ():
        set_aside(part, spill)


def _menu_groups(
    menus: dict[str, set[str]], by_key: dict[str, LegacyDocument], joined: set[str]
) -> list[set[str]]:
    """The groups of pages whose menus of parts make one article (the module's docstring):
    a page whose menu links every other part (the article's first page, or any part), and
    parts whose menus link that page and no page outside the group (a menu may miss a
    part: an editor's slip, not another article)."""
    groups = []
    done = set(joined)
    for hub in sorted(menus):
        group = menus[hub] | {hub}
        if group & done or not group <= by_key.keys():
            continue
        if any(not menus.get(part) or not menus[part] <= group for part in group):
            continue  # a page outside the group, or a part without the menu
        if any(hub not in menus[part] and menus[part] | {part} != group for part in group - {hub}):
            continue
        parts = [by_key[part] for part in group]
        if _one_writer(parts) and (_shared_stem(group) or _shared_title_prefix(parts)):
            groups.append(group)
            done |= group
    return groups


def _one_writer(parts: list[LegacyDocument]) -> bool:
    writers = {signature_names(part) for part in parts}
    return len(writers) == 1 and () not in writers


def _stems(group: set[str]) -> list[str]:
    return [posixpath.basename(key).rsplit(".", 1)[0].lower() for key in group]


def _shared_stem(group: set[str]) -> bool:
    stems = _stems(group)
    return len(posixpath.commonprefix(stems).rstrip("-_ ")) >= MIN_SHARED_STEM


def _shared_title_prefix(parts: list[LegacyDocument]) -> bool:
    """The parts' titles open alike up to a colon or a dash ("Hitchcock at 100: ...")."""
    heads = {
        re.split(r"\s*[:–—-]\s+", normalise_space(p.title).casefold(), maxsplit=1)[0]
        for p in parts
    }
    return (
        len(heads) == 1
        and "" not in heads
        and all(len(re.split(r"\s*[:–—-]\s+", p.title, maxsplit=1)) == 2 for p in parts)
    )


def _part_order(group: set[str]):
    """Reading order: the page the others continue (no number after the shared stem) first,
    then by the number after it (fhitch100, fhitch100-1, fhitch100-2), else by name."""
    prefix = posixpath.commonprefix(_stems(group))

    def key(part: str) -> tuple[int, str]:
        rest = posixpath.basename(part).rsplit(".", 1)[0].lower()[len(prefix) :]
        digits = re.search(r"\d+", rest)
        return (int(digits.group()) if digits else 0, part)

    return key


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
    signed = {block.name for block in first.blocks if isinstance(block, Signature)}
    for number, part in enumerate(rest, start=2):
        for block in part.blocks:
            if isinstance(block, Signature) and block.name in signed:
                first.removed.append(Removed(f"the byline of part {number} (joined)", block.name))
            else:
                first.blocks.append(block)
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
    read_as_pages = [  # a page placed in a section because no nav links it read as one
        part
        for part in parts
        if part.kind is Kind.PAGE or any(NOT_IN_NAV in w for w in part.warnings)
    ]
    if first.kind is Kind.PAGE:  # a menu page opening a signed article: its parts' kind
        kinds = Counter(part.kind for part in rest if part.kind is not Kind.PAGE)
        if kinds:
            first.kind = kinds.most_common(1)[0][0]
        elif signed:
            first.kind = Kind.FEATURE
    for part in parts:
        if part is not first or (part in read_as_pages and first.kind is not Kind.PAGE):
            # a part read alone is short, a plain page beside its template's articles:
            # joined, it is one of them, and no kind is left to check (a later part is
            # no page of its own at all)
            part.cluster_outlier = ""
            part.warnings = [w for w in part.warnings if not w.startswith("check kind")]
        part.kind = first.kind  # one article: its parts are what it is
    first.parts = [part.source_path for part in rest]
    first.warnings.append(
        f"an article over {len(parts)} pages, joined: {', '.join(first.parts)} continue it"
    )
