"""Learn a site's chrome from the whole mirror: what recurs across its pages (pure).

A site's template prints the same blocks on page after page: nav bars, footers, address
headers, shop lines, counters. A block is site chrome when its normalised text recurs on
``MIN_PAGES`` pages or more of one site. Normalising makes the variants meet:

- case, punctuation and brackets go, so "[ Flut ]" (the current page, unlinked) and a
  linked "Flut" read alike;
- digits collapse, so counters and "Last updated" dates match from page to page (not in
  headings: "Ocean's 11" and "Ocean's 12" are two pages);
- a bar of four or more items also matches with any one item missing: the current page
  left out of its own nav bar.

Blocks the parser recognises as a review's anatomy (credits, signature, byline, spoiler
notice, a lone date line) never count as chrome: one reviewer signs hundreds of pages.
Long running text never counts: a recurring paragraph of prose is content printed twice.
A short heading counts only when the block after it is chrome too ("QUICK LINKS" over a
link list, never "Verdict" over a paragraph). Learning is one pass over the pages and one
dictionary: linear in their number.

Recurring blocks below the threshold, and kept blocks that are mostly links, are the
page's *residue*: they lower fidelity rather than being removed.
"""

import hashlib
import posixpath
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from textkit.markup import normalise_space

from .accounting import DROPPED
from .bylines import is_labelled_byline, is_person_name
from .chrome import is_chrome_unit, is_nav_unit
from .credits import is_credits, only_facts
from .dates import date_line
from .document import Removed
from .header import HEADER_UNITS
from .lexicon import ALL, Lexicon
from .names import site_name_keys
from .options import ParseOptions
from .ratings import is_rating
from .shapes import byline, heading, signature, spoiler_notice
from .slots import (
    KEPT_FIELDS,
    TITLE,
    Slot,
    SlotStats,
    decide,
    headline_index,
    one_signing_slot,
    page_hits,
    same_site_link,
    value_type,
)
from .text import content_words
from .titles import title_parts
from .units import Span, Unit, items_text, join_lines
from .visible import removal

if TYPE_CHECKING:
    from .profile import SiteProfile

MIN_PAGES = 3  # a block printed on this many pages of a site is its template
SHARED_TITLE_HEADLINES = 2  # a <title> over this many different headlines names none
MIN_BAR_ITEMS = 4  # bars this long also match with one item missing
HEADING_WORDS = 4
PROSE_WORDS = 20  # a recurring unit longer than this (and not mostly links) is content
LINK_SHARE = 0.5  # a kept unit whose words are mostly links is residue
_HOST = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")  # a host folder: www.example.com

Key = tuple[str, ...]
DIGEST = "<digest>"  # a long key, counted by its digest (``KeyCounts``)


class KeyCounts:
    """On how many pages each key sits. A key longer than ``PROSE_WORDS`` words (a
    paragraph of prose, a long line) is counted by a digest of its words: such keys are
    nearly all distinct, and held whole they were most of a run's memory, every word of
    every page of the site (issue 21, finding 7). None of them is ever shown; a page
    asking about one asks by the same digest."""

    def __init__(self) -> None:
        self._counts: Counter[Key] = Counter()

    def __getitem__(self, key: Key) -> int:
        return self._counts[_countable(key)]

    def update(self, keys: Iterable[Key]) -> None:
        """One page's keys, each once."""
        self._counts.update({_countable(key) for key in keys})

    def items(self) -> Iterable[tuple[Key, int]]:
        """The keys as they are, with their counts (not those counted by a digest)."""
        return ((key, n) for key, n in self._counts.items() if key[:1] != (DIGEST,))


def _countable(key: Key) -> Key:
    if len(key) <= PROSE_WORDS:
        return key
    words = "\x1f".join(key).encode("utf-8", "surrogatepass")
    return (DIGEST, hashlib.blake2b(words, digest_size=16).hexdigest())


AFFIX_TYPO_LETTERS = 2  # an affix this many letters off is the same one, mistyped
AFFIX_LETTERS_PER_TYPO = 12  # " - Review" mistyped is too short to tell from another word
AFFIX_SEPARATORS = (" - ", " | ", ": ", " – ", " — ")


def mistyped_affix(title: str, affix: str) -> str:
    """The part of ``title`` that is ``affix`` mistyped by up to ``AFFIX_TYPO_LETTERS``
    letters, kept apart from the page's own words by the affix's own separator (" - X
    Review" at the end, "X: " at the start), or ""."""
    for separator in AFFIX_SEPARATORS:
        if affix.startswith(separator) and separator in title:
            printed = title[title.rindex(separator) :]
        elif affix.endswith(separator) and separator in title:
            printed = title[: title.index(separator) + len(separator)]
        else:
            continue
        allowed = min(AFFIX_TYPO_LETTERS, len(affix) // AFFIX_LETTERS_PER_TYPO)
        if len(printed) < len(title) and _letters_apart(printed, affix) <= allowed:
            return printed
    return ""


def _letters_apart(one: str, other: str) -> int:
    """Levenshtein distance, case aside, capped just above ``AFFIX_TYPO_LETTERS``."""
    one, other = one.casefold(), other.casefold()
    if abs(len(one) - len(other)) > AFFIX_TYPO_LETTERS:
        return AFFIX_TYPO_LETTERS + 1
    previous = list(range(len(other) + 1))
    for i, a in enumerate(one, 1):
        current = [i]
        for j, b in enumerate(other, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1]


@dataclass
class SiteModel:
    """What one site's pages share: key -> number of pages printing it."""

    pages: int = 0
    counts: KeyCounts = field(default_factory=KeyCounts)
    title_segments: Counter[str] = field(default_factory=Counter)
    folders: frozenset[str] = frozenset()  # every folder name of the site: its sections
    options: ParseOptions = field(default_factory=ParseOptions)  # the run's, for every step
    lexicon: Lexicon = ALL  # the words of the site's languages (and those read everywhere)
    languages: tuple[str, ...] = ()  # the languages its pages are written in (none: not told)
    slot_stats: dict[Key, SlotStats] = field(default_factory=dict)  # label -> what it held
    closing_names: Counter[str] = field(default_factory=Counter)  # a name closing pages
    slots: dict[Key, Slot] = field(default_factory=dict)  # the labels that are slots
    title_affix_counts: Counter[str] = field(default_factory=Counter)  # " - X Review" -> pages
    # (whole <title>, the page's headline): a <title> over many different headlines
    # ("Spieleteil", "Press Release") names the template, not the page
    title_headlines: set[tuple[Key, Key]] = field(default_factory=set)
    given_affixes: tuple[str, ...] = ()  # the profile's title affixes
    extra_chrome: frozenset[Key] = frozenset()  # the profile's chrome lines
    never_chrome: frozenset[Key] = frozenset()  # the profile's lines to keep

    @cached_property
    def title_affixes(self) -> tuple[str, ...]:
        """What <title>s print around the page's own headline on several pages (" - The
        Reel Cellar Review" on the reviews, " - The Reel Cellar Feature" on the features),
        and those the profile gives: the longest first."""
        learnt = [a for a, n in self.title_affix_counts.items() if n >= MIN_PAGES]
        return tuple(sorted({*learnt, *self.given_affixes}, key=len, reverse=True))

    def without_title_affix(self, page_title: str) -> str:
        """The <title> without the site's affix at its start or end (once)."""
        title = normalise_space(page_title)
        _, printed = self._affix_in(title)
        if not printed:
            return title
        return (
            title[: -len(printed)] if title.endswith(printed) else title[len(printed) :]
        ).strip()

    def title_affix_of(self, page_title: str) -> str:
        """The site's affix the <title> carries at its start or end (the longest), or ""."""
        return self._affix_in(normalise_space(page_title))[0]

    def _affix_in(self, title: str) -> tuple[str, str]:
        """(the site's affix, as the <title> prints it): as learnt, else mistyped by a
        letter or two behind the same separator (" - Nitate Online Review")."""
        for affix in self.title_affixes:
            if len(title) > len(affix) and (title.endswith(affix) or title.startswith(affix)):
                return affix, affix
        for affix in self.title_affixes:
            if printed := mistyped_affix(title, affix):
                return affix, printed
        return "", ""

    @cached_property
    def shared_titles(self) -> frozenset[Key]:
        """Whole <title>s printed over two different headlines or more: a section's name
        over each of its pages, or a <title> copied onto another page with the file (an
        interview's <title> over the next interview): it names none of them."""
        heads = Counter(title for title, _ in self.title_headlines)
        return frozenset(title for title, n in heads.items() if n >= SHARED_TITLE_HEADLINES)

    def is_shared_title(self, page_title: str) -> bool:
        """Whether the <title> is one the template gives many pages of other headlines:
        then the page's own headline names it, and this <title> only stands in for one."""
        key = _normalised(page_title, digits=False)
        return self.pages >= MIN_PAGES and bool(key) and key in self.shared_titles

    def slot_of(self, label: Key) -> Slot | None:
        return self.slots.get(label)

    def holds_slot(self, unit: Unit, kept_only: bool = False) -> bool:
        """Whether a line of the unit fills one of the site's slots ("Review by X"): never
        chrome, however often the line recurs once digits collapse. ``kept_only``: only
        the slots a field keeps (a name, a date), not those the profile calls chrome."""
        if not self.slots:
            return False
        hits = [self.slots.get(hit.key) for hit in page_hits([unit])]
        return any(
            slot and slot.protects and (not kept_only or slot.field in KEPT_FIELDS)
            for slot in hits
        )

    @cached_property
    def closing_slot(self) -> bool:
        """Whether the site's pages close with their writers' names: a name line (and an
        address) ending ``MIN_PAGES`` pages or more, with two names or more."""
        return sum(self.closing_names.values()) >= MIN_PAGES and len(self.closing_names) >= 2

    def signs_the_close(self, units: Sequence[Unit], index: int) -> bool:
        """Whether the unit is the name closing the page in the site's closing slot: the
        piece's, never chrome, however often its writer closes pages ("Ina Falk<br>E-Mail:
        ..." under each of her answers); a name closing most pages is the template's."""
        if not self.closing_slot or index != closing_unit(units):
            return False
        name = closing_name(units)
        return bool(name) and self.closing_names[name] < CLOSING_SHARE * self.pages

    def recurrence(self, unit: Unit) -> int:
        """On how many of the site's pages this block (or its one-item-short bar) sits."""
        return max((self.counts[k] for k in unit_keys(unit) if k[:1] != ("<line>",)), default=0)

    def is_chrome(self, unit: Unit) -> bool:
        keys = unit_keys(unit)
        if self.never_chrome and any(key in self.never_chrome for key in keys):
            return False
        if self.extra_chrome and any(key in self.extra_chrome for key in keys):
            return True  # the operator's word (the profile), on a site of any size
        return self.pages >= MIN_PAGES and self.recurrence(unit) >= MIN_PAGES

    def template_recurrence(self, unit: Unit, page: "PageNames") -> int:
        """On how many pages the unit's shape with each page's own title substituted
        recurs ("{title} - Film Vault"), or its linked picture."""
        return max((self.counts[key] for key in page.template_keys(unit)), default=0)

    def is_template_line(self, unit: Unit, page: "PageNames") -> bool:
        return self.pages >= MIN_PAGES and self.template_recurrence(unit, page) >= MIN_PAGES

    def names_the_site(self, text: str) -> bool:
        """A <title> segment other titles share, or a line printed on most pages (the
        banner's "The Picture House")."""
        words = tuple(text.split())
        return bool(words) and (text in self.names or self.is_chrome_key(words))

    def prints_on_many_pages(self, text: str) -> bool:
        """Whether the site prints this line (a heading, as it is) on many of its pages."""
        return self.is_chrome_key(_normalised(text, digits=False))

    def is_chrome_key(self, key: Key) -> bool:
        return self.pages >= MIN_PAGES and self.counts[key] >= MIN_PAGES

    @cached_property
    def given_names(self) -> frozenset[str]:
        """The site's names as the operator gives them (``ParseOptions.site_names``): the
        title rules take them out of a <title>; the names learnt from the site's <title>s
        (``names``) are taken out of it before (``without_site_name``)."""
        return site_name_keys(self.options.site_names)

    @cached_property
    def site_names(self) -> frozenset[str]:
        """The site's own names, given or learnt: a unit or a picture that prints only one
        is chrome."""
        return self.given_names | self.names

    @cached_property
    def names(self) -> frozenset[str]:
        """<title> segments two pages or more share ("Kino Kiste - Flut", "Kino Kiste -
        Ran"): the site's name. The parser keeps any that the page's headline prints."""
        if self.pages < MIN_PAGES:
            return frozenset()
        return frozenset(segment for segment, n in self.title_segments.items() if n >= 2)


def site_of(source_path: str) -> str:
    """Pages are one site per run, except HTTrack-style host folders (www.example.com/)."""
    folders = PurePosixPath(source_path.replace("\\", "/")).parts[:-1]
    return folders[0].lower() if folders and _HOST.match(folders[0]) else ""


def learn_site(
    pages: Iterable[tuple[str, str, Sequence[Unit], Sequence[str]]],
    options: ParseOptions | None = None,
) -> SiteModel:
    """``pages``: each page's path, <title>, units (after the structural removals) and
    the texts those removals took (a template's banner still names the site)."""
    model = SiteModel(options=options or ParseOptions())
    folders: set[str] = set()
    for source_path, page_title, units, removed_texts in pages:
        folders.update(part.lower() for part in PurePosixPath(source_path).parts[:-1])
        model.pages += 1
        keys: set[Key] = {_normalised(text, digits=False) for text in removed_texts}
        page = PageNames.of(page_title, source_path)
        for unit in units:
            keys.update(unit_keys(unit))
            keys.update(page.template_keys(unit))
        model.counts.update(keys)
        model.title_segments.update(set(title_segments(page_title)))
        if affix := title_affix(page_title, units):
            model.title_affix_counts[affix] += 1
        if head := next(iter(headline_candidates(units[:HEADER_UNITS])), ""):
            model.title_headlines.add(
                (_normalised(page_title, digits=False), _normalised(head, digits=False))
            )
        _learn_slots(model, units, page)
        if name := closing_name(units):
            model.closing_names[name] += 1
    model.folders = frozenset(folders)
    decided = [slot for stats in model.slot_stats.values() if (slot := decide(stats))]
    model.slots = {slot.key: slot for slot in one_signing_slot(decided)}
    return model


CLOSING_SHARE = 0.5  # a name closing this share of the pages is the template's (a webmaster)
_QUOTES = "«»\"“”„‚‘’'"


def closing_unit(units: Sequence[Unit]) -> int:
    """The index of the unit that may hold the page's closing name: its last unit of text
    (closing arrows, pictures and a closing quote mark alone are no text: "«"), or the
    one before when that last one is the writer's address alone ("E-Mail: x@host"); -1
    when the page closes with a bar of links."""
    index = _last_text_unit(units, len(units))
    if index < 0 or units[index].all_spans(lambda style: style.link):
        return -1
    unit = units[index]
    if len(unit.lines) == 1 and _is_address_line(unit.lines[0], unit.line_texts[0]):
        before = _last_text_unit(units, index)
        if before >= 0 and not units[before].all_spans(lambda style: style.link):
            return before
    return index


def _last_text_unit(units: Sequence[Unit], end: int) -> int:
    for index in range(end - 1, -1, -1):
        unit = units[index]
        if unit.image is None and unit.text.strip(_QUOTES + " \n.,;:-–—"):
            return index
    return -1


def closing_name(units: Sequence[Unit]) -> str:
    """The name closing the page, as compared across pages: the last line of its last
    unit, a person's name (after a closing quote mark: "Ina Falk«"), or the line above
    a line of the writer's address ("E-Mail: ina@host"), whether the unit holds them
    alone or under the piece's last lines ("...<br>Ina Falk<br>E-Mail: ..."); "" when
    the page closes otherwise."""
    index = closing_unit(units)
    if index < 0:
        return ""
    unit = units[index]
    lines = unit.line_texts
    if not lines:
        return ""
    at = len(lines) - 1
    if at > 0 and _is_address_line(unit.lines[at], lines[at]):
        at -= 1
    name = lines[at].strip().strip(_QUOTES).strip(" .,;")
    if not is_person_name(name):
        return ""
    return " ".join(content_words(name))


def _is_address_line(line: Sequence[object], text: str) -> bool:
    """A line of the writer's address: a mail link or an e-mail address, and a label."""
    mailto = any(
        isinstance(item, Span) and (item.style.href or "").lower().startswith("mailto:")
        for item in line
    )
    return (mailto or "@" in text) and len(text.split()) <= 4


def title_affix(page_title: str, units: Sequence[Unit]) -> str:
    """What a <title> prints beyond the page's headline, at its start or its end
    ("Harbour Lights - The Reel Cellar Review" over the headline "Harbour Lights")."""
    title = normalise_space(page_title)
    for headline in headline_candidates(units[:HEADER_UNITS]):
        if affix := _affix_around(title, headline):
            return affix
    return ""


def headline_candidates(top: Sequence[Unit]) -> Iterable[str]:
    """Headings first, then each short emphasised line near the top: a template may put its
    nav, a banner's caption or a "Buy it!" line above the headline, so the headline is the
    emphasised line the <title> repeats, not only the first one."""
    yield from (normalise_space(u.text) for u in top if u.style.heading and u.text)
    for unit in top:
        if unit.image is None and unit.lines and emphasised(unit.lines[0]):
            yield normalise_space(items_text(unit.lines[0]))


def emphasised(line: Sequence[object]) -> bool:
    spans = [item for item in line if isinstance(item, Span)]
    return bool(spans) and all(s.style.bold or s.style.heading for s in spans)


def _affix_around(title: str, headline: str) -> str:
    if not headline or len(title) <= len(headline) or not content_words(headline):
        return ""
    if title.startswith(headline):
        affix, joint = title[len(headline) :], title[len(headline)]
    elif title.endswith(headline):
        affix, joint = title[: -len(headline)], title[-len(headline) - 1]
    else:
        return ""
    # cut at a word's edge ("Fargo - X Review", never "Fargone"), and says something
    return affix if content_words(affix) and not joint.isalnum() else ""


def apply_profile(model: SiteModel, profile: "SiteProfile | None") -> SiteModel:
    """The operator's corrections (``profile.SiteProfile``) on the learnt model."""
    if profile is None:
        return model
    model.slots = profile.corrected_slots(model.slots)
    model.given_affixes = profile.title_affixes
    model.extra_chrome = _profile_keys(profile.chrome_text)
    model.never_chrome = _profile_keys(profile.chrome_keep)
    model.__dict__.pop("title_affixes", None)
    return model


def _profile_keys(texts: Sequence[str]) -> frozenset[Key]:
    """A profile's lines as the site pass compares them: as a unit, and as a line of one."""
    keys = [_normalised(text) for text in texts]
    return frozenset(found for key in keys if key for found in (key, ("<line>", *key)))


CHROME_SHOWN = 20


def model_summary(model: SiteModel, site: str = "") -> dict:
    """The learnt model as the operator sees it (the dry run, the JSON report), in the
    words of the profile file that corrects it."""
    labels = [slot.key for slot in model.slots.values() if slot.protects]
    chrome = [
        (key, count)
        for key, count in model.counts.items()
        if count >= MIN_PAGES
        and key[:1] not in {("<line>",), ("<bar>",), ("<img-at>",)}
        and not any(key[: len(label)] == label for label in labels)  # a slot's, not chrome
        and len(key) <= PROSE_WORDS  # recurring prose stays, as residue
        and sum(word != "#" for word in key) > 1  # "# minutes": a value, not a template
    ]
    chrome.sort(key=lambda item: (-item[1], item[0]))
    return {
        "site": site,
        "pages": model.pages,
        "languages": list(model.languages or model.lexicon.languages),
        "names": sorted(model.site_names),
        "slots": [slot.as_dict() for slot in sorted(model.slots.values(), key=_slot_order)],
        "chrome": [{"text": _shown(key), "pages": count} for key, count in chrome[:CHROME_SHOWN]],
        "title_affixes": [
            {"affix": affix, "pages": model.title_affix_counts.get(affix, 0)}
            for affix in model.title_affixes
        ],
    }


def _slot_order(slot: Slot) -> tuple[int, str]:
    return (-slot.pages, slot.label)


def _shown(key: Key) -> str:
    kind = key[0] if key and key[0].startswith("<") else ""
    words = " ".join(key[1:] if kind else key)
    return f"{kind} {words}".strip() if kind in {"<img>", "<tpl-img>"} else words


def _learn_slots(model: SiteModel, units: Sequence[Unit], page: "PageNames") -> None:
    """Count each label's values on one page (its first use of the label)."""
    seen: set[Key] = set()
    headline = headline_index(units, HEADER_UNITS)
    for hit in page_hits(units):
        if hit.key in seen:
            continue
        seen.add(hit.key)
        stats = model.slot_stats.setdefault(hit.key, SlotStats())
        type_ = TITLE if hit.unit == headline else value_type(hit.value, page.forms)
        stats.add(hit, type_, same_site_link(hit.href))


TEMPLATE_WORDS = 12  # a line this short may print the page's own title in the template


@dataclass(frozen=True)
class PageNames:
    """What a page is called, as its template may print it in a line or an alt text:
    each segment of its <title> and the words of its file name; and where it is."""

    forms: tuple[Key, ...]
    folder: str

    @classmethod
    def of(cls, page_title: str, source_path: str) -> "PageNames":
        path = PurePosixPath(source_path.replace("\\", "/"))
        forms = {_normalised(part, digits=False) for part in title_parts(page_title)}
        forms.add(_normalised(re.sub(r"[_\-]+", " ", path.stem), digits=False))
        # longest first, ties in a fixed order: never the hash seed's
        ordered = sorted((form for form in forms if form), key=lambda form: (-len(form), form))
        return cls(tuple(ordered), str(path.parent))

    def template_keys(self, unit: Unit) -> list[Key]:
        """The unit with the page's own title put back as ``{title}`` ("{title} - Film
        Vault", "Buy {title} at the Shop"), and a linked picture by the file it shows: the
        shapes of a template that prints each page's name or links each page elsewhere.
        Kept on the unit (learning and parsing both ask)."""
        cached = unit.__dict__.get("_template_keys")
        if cached is None or cached[0] != self:
            cached = unit.__dict__["_template_keys"] = (self, self._template_keys(unit))
        return cached[1]

    def _template_keys(self, unit: Unit) -> list[Key]:
        if unit.image is not None:
            if not unit.image.href:
                return []  # a still captioned "A still from {title}" is the page's own picture
            found = [self._templated("<tpl-img>", unit.image.alt)]
            if unit.image.src:
                found.append(
                    (
                        "<img-at>",
                        posixpath.normpath(posixpath.join(self.folder, unit.image.src.lower())),
                    )
                )
            return [key for key in found if key]
        if unit.style.heading:
            return []  # the headline is the page's own, even as "Review: {title}"
        key = self._templated("<tpl>", unit.text)
        return [key] if key else []

    def _templated(self, kind: str, text: str) -> Key:
        words = _normalised(text)
        if not words or len(words) > TEMPLATE_WORDS:
            return ()
        for form in self.forms:
            size = len(form)
            for start in range(len(words) - size + 1):
                if words[start : start + size] == form:
                    rest = (*words[:start], "{title}", *words[start + size :])
                    if any(word not in {"#", "{title}"} for word in rest):
                        return (kind, *rest)
        return ()


def title_segments(page_title: str) -> list[str]:
    """The <title>'s segments ("Kino Kiste - Flut"), but a byline closing it ("Spielecke -
    von Ina Falk"): a writer's name is not the site's, however many pages print it."""
    parts = [part for part in title_parts(page_title) if not is_labelled_byline(part)]
    parts = [" ".join(content_words(part)) for part in parts]
    return [part for part in parts if part] if len(parts) > 1 else []


def unit_keys(unit: Unit) -> list[Key]:
    """The unit's normalised text, and for a bar of items each version one item short.
    Kept on the unit: learning and parsing both ask, and a unit never changes."""
    cached = unit.__dict__.get("_site_keys")
    if cached is None:
        cached = unit.__dict__["_site_keys"] = _keys(unit)
    return cached


def line_key(text: str) -> Key:
    """One line of a unit of several: a footer line printed under each page's own text."""
    return ("<line>", *_normalised(text))


def recurring_lines(unit: Unit, model: SiteModel | None) -> list[bool]:
    """Which lines of a unit of several the site prints on many pages (not the review's
    own parts: a signature line under every review is the reviewer's)."""
    small = model is None or (model.pages < MIN_PAGES and not model.extra_chrome)
    if small or len(unit.lines) < 2:
        return [False] * len(unit.lines)
    found = []
    for line, text in zip(unit.lines, unit.line_texts, strict=True):
        key = line_key(text)
        recurs = model.counts[key] >= MIN_PAGES or key in model.extra_chrome
        recurs = recurs and key not in model.never_chrome
        alone = Unit(items=line)
        found.append(recurs and not is_anatomy([alone], 0) and not model.holds_slot(alone))
    return found


def _keys(unit: Unit) -> list[Key]:
    if unit.image is not None:
        ref = unit.image
        return [("<img>", ref.src.rsplit("/", 1)[-1].lower(), ref.href or "")]
    if unit.style.heading or _set_large(unit):
        # headings keep their digits: "Ocean's 11" is not "Ocean's 12", nor a headline set
        # large "Hit Parade de mars 2004" the one of 2003
        return [key] if (key := _normalised(unit.text, digits=False)) else []
    items = _bar_items(unit)
    whole = tuple(word for item in items for word in item)
    if not whole:
        return []
    keys = [whole]
    if len(items) >= MIN_BAR_ITEMS:
        for skipped in range(len(items)):
            keys.append(
                ("<bar>", *(" ".join(item) for i, item in enumerate(items) if i != skipped))
            )
        keys.append(("<bar>", *(" ".join(item) for item in items)))
    if len(unit.lines) > 1:
        keys += [line_key(text) for text in unit.line_texts]
    return keys


def _set_large(unit: Unit) -> bool:
    """A short line set in a large font: a headline with no heading element."""
    return len(unit.lines) == 1 and unit.all_spans(lambda style: style.large)


def _bar_items(unit: Unit) -> list[Key]:
    """The unit cut at links, separators and line breaks, each piece normalised."""
    items: list[Key] = []
    for line in unit.lines:
        previous = None
        for span in (item for item in line if isinstance(item, Span)):
            link = (span.style.link, span.style.href)
            pieces = re.split(r"[|·•\[\]]+", span.text)
            for number, piece in enumerate(pieces):
                words = _normalised(piece)
                if not words:
                    continue
                joins = number == 0 and link == previous and link[0] and items
                if joins:
                    items[-1] += words
                else:
                    items.append(words)
            previous = link
    return items


def _normalised(text: str, digits: bool = True) -> Key:
    return tuple("#" if digits and word.isdigit() else word for word in content_words(text))


def is_anatomy(units: Sequence[Unit], index: int) -> bool:
    """A review's own parts, which recur by nature: credits, bylines, signatures, dates."""
    unit = units[index]
    if unit.image is not None:
        return _is_rating_image(unit)
    text = unit.text
    return bool(
        is_credits(text)
        or only_facts(text)
        or date_line(text)
        or spoiler_notice(unit)
        or byline(unit)
        or signature(units, index)
    )


def _is_rating_image(unit: Unit) -> bool:
    """Stars and scores drawn as pictures ("8/10", "****") are the review's, not chrome."""
    return is_rating(unit.image.alt)


def site_chrome(
    units: Sequence[Unit], model: SiteModel | None, page: PageNames | None = None
) -> list[int]:
    """Indexes of the units that are the site's chrome: printed on many pages as they are,
    or with each page's own title in them (``page``: the page's names)."""
    if model is None or (model.pages < MIN_PAGES and not model.extra_chrome):
        return []
    recurring = [
        (model.is_chrome(unit) or (page is not None and model.is_template_line(unit, page)))
        and not _is_prose(unit)
        and not is_anatomy(units, i)
        and not model.holds_slot(unit)
        and not model.signs_the_close(units, i)
        for i, unit in enumerate(units)
    ]
    chrome = [False] * len(units)
    for index in reversed(range(len(units))):  # a heading's decision needs what follows
        if not recurring[index]:
            continue
        if _heads_a_section(units[index]) and not _section_is_chrome(units, chrome, index):
            continue
        chrome[index] = True
    return [index for index, found in enumerate(chrome) if found]


def _is_prose(unit: Unit) -> bool:
    """A long passage of running text that recurs is content printed twice (a syndicated
    paragraph, a page saved under two names), not a template: it stays, as residue."""
    words = len(content_words(unit.text))
    return words > PROSE_WORDS and not _mostly_links(unit)


def _is_short_heading(unit: Unit) -> bool:
    return (
        unit.image is None
        and len(content_words(unit.text)) <= HEADING_WORDS
        and bool(heading(unit) or unit.all_spans(lambda style: style.bold))
    )


def _section_is_chrome(units: Sequence[Unit], chrome: list[bool], index: int) -> bool:
    """Whether all a recurring heading (or short bold line) stands over is chrome: "QUICK
    LINKS" over a link list, a column's name over the template's lines. What it heads runs
    to the next heading; a heading right under it heads it too ("Gewinnspiel" over "1.
    Ergebnisse"), so the decision is that heading's. A heading over anything the page
    keeps is the page's, however often it is printed ("2. Aufruf" over the same
    salutation every month, then the month's call): a reprinted page keeps its heading."""
    for following in range(index + 1, len(units)):
        if _heads_a_section(units[following]):
            return following > index + 1 or chrome[following]
        if not chrome[following]:
            return False
    return True


def _heads_a_section(unit: Unit) -> bool:
    return unit.image is None and (bool(unit.style.heading) or _is_short_heading(unit))


def residue(units: Sequence[Unit], model: SiteModel | None) -> list[str]:
    """Kept units that still look like chrome: printed on another page of the site too,
    or mostly links (three or more of them)."""
    found: list[str] = []
    for index, unit in enumerate(units):
        if unit.image is not None:
            continue
        repeated = model is not None and model.recurrence(unit) >= 2
        if (repeated or _mostly_links(unit)) and not is_anatomy(units, index):
            found.append(unit.text)
    return found


def _mostly_links(unit: Unit) -> bool:
    words = len(content_words(unit.text))
    linked = [span for span in unit.spans if span.style.link and content_words(span.text)]
    link_words = sum(len(content_words(span.text)) for span in linked)
    return len(unit.hrefs) >= 3 and words > 0 and link_words / words >= LINK_SHARE


# --- removing a page's chrome -------------------------------------------------------


def drop_chrome_units(
    units: list[Unit], site: SiteModel, removed: list[Removed], page: PageNames | None = None
) -> list[Unit]:
    """Units the site prints on many pages (as they are, or with the page's own title in
    them: ``page``), then furniture known by its shape alone."""
    chrome_indexes = set(site_chrome(units, site, page))
    kept: list[Unit] = []
    for index, unit in enumerate(units):
        if index in chrome_indexes:
            removed += removal(_chrome_reason(unit, site, page), _unit_words(unit))
            continue
        if site.signs_the_close(units, index):
            kept.append(unit)  # the writer's name closing the piece: a slot
            continue
        recurring_in_unit = recurring_lines(unit, site)
        if site.never_chrome and _normalised(unit.text) in site.never_chrome:
            kept.append(unit)  # the profile keeps it, whatever its shape
        elif is_chrome_unit(unit, site.site_names) or any(recurring_in_unit):
            rest = _content_lines(unit, site, removed, recurring_in_unit)
            kept += [rest] if rest else []
        else:
            kept.append(unit)
    return kept


def _content_lines(
    unit: Unit, site: SiteModel, removed: list[Removed], recurring: list[bool]
) -> Unit | None:
    """A unit with chrome lines loses those lines only: a "Tel:" line printed in the same
    block as "Last updated" is content, a webmaster line under each page's text is not.
    A nav bar goes whole."""
    furniture = "page furniture (nav bar, copyright, counter, search)"
    lines = unit.lines
    shaped = [
        is_chrome_unit(Unit(items=line), site.site_names)
        and line_key(text) not in site.never_chrome
        for line, text in zip(lines, unit.line_texts, strict=True)
    ]
    chrome = [recurs or shape for recurs, shape in zip(recurring, shaped, strict=True)]
    if len(lines) < 2 or is_nav_unit(unit, site.site_names) or all(chrome):
        removed += removal(furniture, unit.text, _dropped_slot(unit, site))
        return None
    for line, text, recurs, shape in zip(lines, unit.line_texts, recurring, shaped, strict=True):
        if recurs:
            removed += removal(
                f"site chrome: a line on many of the site's {site.pages} pages", text
            )
        elif shape:
            removed += removal(furniture, text, _dropped_slot(Unit(items=line), site))
    return Unit(items=join_lines([line for line, c in zip(lines, chrome, strict=True) if not c]))


def _chrome_reason(unit: Unit, site: SiteModel, page: PageNames | None) -> str:
    pages = site.recurrence(unit)
    if pages >= MIN_PAGES or page is None:
        return f"site chrome: on {pages} of the site's {site.pages} pages"
    pages = site.template_recurrence(unit, page)
    if unit.image is not None:
        return f"site chrome: a linked picture on {pages} of the site's {site.pages} pages"
    return f"site chrome: the page's title in a line on {pages} of the site's {site.pages} pages"


def _unit_words(unit: Unit) -> str:
    """What a removed unit printed: its text, or a picture's alt text."""
    return unit.image.alt if unit.image is not None and not unit.text else unit.text


def _dropped_slot(unit: Unit, site: SiteModel) -> str:
    """``Removed.slot`` for furniture that fills one of the site's name or date slots: its
    words are not chrome in the account (``accounting.DROPPED``)."""
    return DROPPED if site.holds_slot(unit, kept_only=True) else ""


def without_site_name(page_title: str, site: SiteModel, units: list[Unit]) -> str:
    """ "Kino Kiste - Flut" -> "Flut" when other <title>s of the site say "Kino Kiste" too,
    unless the page's own headline prints it ("Star Wars: Episode I")."""
    segments = title_segments(page_title)
    if not segments:
        return page_title
    headline = " ".join(
        content_words(" ".join(u.text for u in units[:HEADER_UNITS] if u.style.heading))
    )
    parts = title_parts(page_title)
    own = [
        part
        for part in parts
        if not site.names_the_site(name := " ".join(content_words(part)))
        or headline.startswith(name)
    ]
    return " - ".join(own) if own else page_title
