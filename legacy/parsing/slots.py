"""A site's slots: a constant label with a varying value, learnt from all its pages (pure).

"Review by ___", "Posted ___", "Directed by ___", "Autor: ___": the template prints the
label, the page fills the value. Chrome is what is constant *including* its value; a slot
is never chrome, whatever its line's recurrence once digits collapse.

Where a label ends and its value starts is read from the line's shape, never from a word
list for one site: a label of the lexicon (a byline's, a credits role's, a date's), the
words before a colon, or plain words before a link or an emphasised run that closes the
line ("Review by <a>X</a>"), or a short label cell before the cell that holds its value
(a credits table: "Directed by" | "Marta<br>Kessling"). A label seen on ``MIN_PAGES``
pages or more with two values or more is a slot of the site, in any language.

Each slot is typed by its values (person, date, number, rating, title, text) and given a
field by site-wide evidence (``_field``): a person slot with few writers over many pages
is the byline, one linked to a page of the site about that person a contributor, one with
a new name on most pages beside a credits label a creator; a date slot in the headline
area is the page's date. Learning holds counts and value hashes, not pages.
"""

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from oldurls.paths import is_page_path

from .accounting import HELD
from .bylines import NAME_JOINTS as _NAME_JOINTS
from .bylines import is_person_name, opens_with_phrase_label
from .credits import opens_with_role_label
from .dates import posted_label, search_date, updated_label
from .document import Removed, Signature
from .header import is_body
from .lexicon import Lexicon, active
from .ratings import is_rating
from .text import content_words
from .units import Item, Span, Style, Unit, items_text, rebuild_unit
from .visible import removal

MIN_PAGES = 3  # a label on this many pages of a site, with varying values, is a slot
MAX_LABEL_WORDS = 4
MAX_VALUE_WORDS = 12  # longer values are running text: content, never a slot
MAX_SAMPLES = 5
BYLINE_SHARE = 0.5  # distinct values / pages at most this: a few writers sign many pages
LINKED_SHARE = 0.5  # values linked to a page of the site on this share of pages
TYPE_SHARE = 0.6  # a slot's type is the type of this share of its values or more

PERSON, DATE, NUMBER, RATING, TITLE, TEXT = "person", "date", "number", "rating", "title", "text"
BYLINE, CONTRIBUTOR, CREATOR, PUBLISHED, UPDATED, CONTENT, CHROME = (
    "byline",
    "contributor",
    "creator",
    "date",
    "updated",
    "content",
    "chrome",
)
FIELDS = (BYLINE, CONTRIBUTOR, CREATOR, PUBLISHED, UPDATED, CONTENT, CHROME)
SIGNING_FIELDS = {BYLINE, CONTRIBUTOR}
KEPT_FIELDS = {BYLINE, CONTRIBUTOR, CREATOR, PUBLISHED}  # a name or a date the page keeps

Key = tuple[str, ...]
_NUMBER = re.compile(r"^\W*\d[\d.,:]*\s*[^\W\d_]{0,12}\.?\W*$")
_BRACKETED = re.compile(r"\s*[(\[][^)\]]*[)\]]")
_COLON = re.compile(r"^(?P<label>[^:\d]{1,40}?)\s*:\s*(?P<value>\S.*)$")


@dataclass(frozen=True)
class Hit:
    """One slot filled on one page: its label and value as printed, where it stands."""

    label: str
    key: Key
    value: str
    href: str | None  # the value is one link (to the writer's page)
    unit: int  # index of the unit holding the label
    line: int  # its line, or -1: the label is a unit of its own, the value the next unit
    zone: str  # "head" (above the body), "body" or "tail" (after the body)
    text: str = ""  # the line (or the label cell and the value cell) as printed
    plain: bool = False  # read from plain words alone (``_plain_split``): no label's mark


@dataclass
class SlotStats:
    """What learning saw of one label across the site."""

    label: str = ""
    pages: int = 0
    values: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    zones: Counter[str] = field(default_factory=Counter)
    linked: int = 0  # pages whose value links to a page of the site
    plain: int = 0  # pages whose label has no mark of one (no lexicon, colon or style)
    printed: dict[str, str] = field(default_factory=dict)  # a value as one page prints it

    def add(self, hit: Hit, type_: str, same_site_link: bool) -> None:
        self.label = min(filter(None, (self.label, hit.label)))  # the same in any page order
        self.pages += 1
        value = " ".join(content_words(hit.value))
        self.values[value] += 1
        self.printed[value] = min(self.printed.get(value, hit.value), hit.value)
        self.types[type_] += 1
        self.zones[hit.zone] += 1
        self.linked += same_site_link
        self.plain += hit.plain

    @property
    def samples(self) -> list[str]:
        """The most frequent values, as printed (whatever the order of the pages)."""
        common = sorted(self.values.items(), key=lambda item: (-item[1], item[0]))
        return [self.printed[value] for value, _ in common[:MAX_SAMPLES]]


@dataclass(frozen=True)
class Slot:
    """A decided slot: its label, type, field and the evidence, as the operator sees it."""

    label: str
    key: Key
    type: str
    field: str
    pages: int
    distinct: int
    samples: tuple[str, ...]
    zone: str
    reason: str
    check: str = ""  # evidence that disagrees: shown to the operator

    @property
    def protects(self) -> bool:
        """Whether its lines are never chrome: a name, a date, a number or a rating the
        page fills in; not free text (a footer's varying tail), not the template's own
        "Last updated" stamp (page furniture, read for the date from the removed list)."""
        return self.type != TEXT and self.field not in {UPDATED, CHROME}

    def as_dict(self) -> dict:
        return {
            "label": self.label,
            "type": self.type,
            "field": self.field,
            "pages": self.pages,
            "distinct": self.distinct,
            "zone": self.zone,
            "samples": list(self.samples),
            "why": self.reason,
            **({"check": self.check} if self.check else {}),
        }


def label_key(label: str) -> Key:
    """A label as compared across pages: its words, case and punctuation aside."""
    return tuple(content_words(label))


# --- finding label and value on a page ----------------------------------------------------


def page_hits(units: Sequence[Unit]) -> list[Hit]:
    """Every (label, value) pair the page's units print, by shape alone."""
    zones = _zones(units)
    hits: list[Hit] = []
    for index, unit in enumerate(units):
        if unit.image is not None or unit.table is not None:
            continue
        if len(unit.lines) == 1 and (label := _label_only(unit)) is not None:
            value = _value_unit(units, index)
            if value is not None:
                text = items_text(joined_value(value))
                href = _one_link(value.items)
                printed = f"{unit.text}\n{text}"
                hits.append(
                    Hit(label, label_key(label), text, href, index, -1, zones[index], printed)
                )
                continue
        for number, (label, value, href, plain) in _line_splits(unit):
            printed = unit.line_texts[number]
            zone = zones[index]
            hits.append(
                Hit(label, label_key(label), value, href, index, number, zone, printed, plain)
            )
    return [hit for hit in hits if hit.key]


def _line_splits(unit: Unit) -> list[tuple[int, tuple[str, str, str | None, bool]]]:
    """Each line's (label, value, link), kept on the unit: learning and parsing both ask,
    and a unit never changes (in the lexicon it was read with)."""
    lex = active()
    cached = unit.__dict__.get("_slot_splits")
    if cached is None or cached[0] is not lex:
        found = [(n, split) for n, line in enumerate(unit.lines) if (split := _split_line(line))]
        cached = unit.__dict__["_slot_splits"] = (lex, found)
    return cached[1]


def _zones(units: Sequence[Unit]) -> list[str]:
    body = [i for i, unit in enumerate(units) if unit.image is None and is_body(unit)]
    first, last = (body[0], body[-1]) if body else (len(units), len(units))
    return ["head" if i < first else "tail" if i > last else "body" for i in range(len(units))]


def _split_line(line: list[Item]) -> tuple[str, str, str | None, bool] | None:
    """(label, value, the value's link, whether only plain words say so) of one line, or
    None: a lexicon label, the words before a colon, plain words before a link or
    emphasis that runs to the line's end, or plain words before a person's name."""
    text = items_text(line)
    words = content_words(text)
    if not words or len(words) > MAX_LABEL_WORDS + MAX_VALUE_WORDS:
        return None
    end = _lexicon_label_end(text)
    if end:
        label, value = text[:end].strip(), text[end:].strip(" :–—-")
        return (label, value, _one_link(_items_after(line, end)), False) if value else None
    colon = _COLON.match(text)
    if colon and len(content_words(colon["label"])) <= MAX_LABEL_WORDS:
        href = _one_link(_items_after(line, colon.start("value")))
        return colon["label"], colon["value"], href, False
    if styled := _styled_split(line):
        return *styled, False
    if plain := _plain_split(line, text):
        return *plain, True
    return None


def _lexicon_label_end(text: str) -> int:
    """Where a label of the lexicon (a byline's, a credits role's, a date's) ends, or 0."""
    labels, colon_labels = _byline_labels(active())
    for pattern, least in ((labels, 2), (colon_labels, 1)):
        found = pattern.match(text)
        if found and len(content_words(found.group(0))) >= least:
            return found.end()  # "By" alone is too short to be a label of the template
    for pattern in (posted_label(), updated_label()):
        found = pattern.match(text.lstrip())
        if found:
            return found.end() + len(text) - len(text.lstrip())
    return _role_label(text)


@functools.cache
def _byline_labels(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return tuple(
        re.compile(rf"^\W*(?:{lex.pattern(name)})\b\s*:?\s*", re.IGNORECASE)
        for name in ("bylines.labels", "bylines.colon_labels")
    )


def _role_label(text: str) -> int:
    """A credits role label of two words or more ("Directed by", "Running time")."""
    words = text.split()
    for size in range(min(MAX_LABEL_WORDS, len(words) - 1), 1, -1):
        label = " ".join(words[:size])
        if opens_with_role_label(f"{label} X") and not opens_with_role_label(
            " ".join(words[: size - 1]) + " X"
        ):
            return len(label)
    return 0


def _styled_split(line: list[Item]) -> tuple[str, str, str | None] | None:
    """Plain words, then a link or an emphasised run to the end: "Review by <a>X</a>"."""
    spans = [item for item in line if isinstance(item, Span) and item.text.strip()]
    if len(spans) < 2:
        return None
    styles = [(span.style.link, span.style.bold, span.style.italic) for span in spans]
    first_value = next((i for i, s in enumerate(styles) if s != styles[0]), None)
    if first_value is None or any(s == styles[0] for s in styles[first_value:]):
        return None
    label = "".join(span.text for span in spans[:first_value]).strip()
    value = "".join(span.text for span in spans[first_value:]).strip()
    if not 0 < len(content_words(label)) <= MAX_LABEL_WORDS or not content_words(value):
        return None
    return label, value, _one_link(spans[first_value:])


def _plain_split(line: list[Item], text: str) -> tuple[str, str, str | None] | None:
    """Plain words ending in a small lower-case word, then a person's name to the line's
    end: "Tested by Ilse Brandt", "Getestet von Ilse Brandt". The shortest such label;
    learning makes it a slot only when the site prints it before varying names on
    ``MIN_PAGES`` pages, so a one-off "Thanks to X" stays the page's text."""
    words = text.split()
    for size in range(2, min(MAX_LABEL_WORDS, len(words) - 2) + 1):
        last, first_value = words[size - 1], words[size]
        if not (last.isalpha() and last.islower() and first_value[:1].isupper()):
            continue
        value = " ".join(words[size:])
        names = [name for name in _NAME_JOINTS.split(value.strip(" .")) if name]
        if names and all(is_person_name(name, allow_single_word=False) for name in names):
            label = " ".join(words[:size])
            offset = text.index(first_value, len(text) - len(text.lstrip()) + len(label))
            return label, value, _one_link(_items_after(line, offset))
        return None  # only the first lower-case word before a capital can end the label
    return None


def _label_only(unit: Unit) -> str | None:
    """A short unit that is only a label: "Directed by", "Autor:", "Starring" set bold
    (kept on the unit, as ``_line_splits``)."""
    lex = active()
    cached = unit.__dict__.get("_slot_label")
    if cached is None or cached[0] is not lex:
        cached = unit.__dict__["_slot_label"] = (lex, _read_label_only(unit))
    return cached[1]


def _read_label_only(unit: Unit) -> str | None:
    text = unit.text.strip()
    words = content_words(text)
    if not 0 < len(words) <= MAX_LABEL_WORDS or unit.hrefs:
        return None
    if text.endswith(":") or _lexicon_label_end(text + " X") >= len(text):
        return text.rstrip(" :")
    if unit.all_spans(lambda style: style.bold) and text[-1:] not in ".!?":
        return text
    return None


def _value_unit(units: Sequence[Unit], index: int) -> Unit | None:
    following = units[index + 1] if index + 1 < len(units) else None
    if following is None or following.image is not None or following.table is not None:
        return None
    if len(content_words(following.text)) > MAX_VALUE_WORDS or _label_only(following):
        return None
    return following


def _items_after(line: list[Item], offset: int) -> list[Item]:
    """The spans of a line from character ``offset`` of its text on."""
    found: list[Item] = []
    position = 0
    text = items_text(line)
    lead = len(text) - len(text.lstrip())
    for item in line:
        if isinstance(item, Span):
            if position + len(item.text) > offset - lead:
                found.append(item)
            position += len(item.text)
    return found


def _one_link(items: Sequence[Item]) -> str | None:
    hrefs = {item.style.href for item in items if isinstance(item, Span) and item.text.strip()}
    return hrefs.pop() if len(hrefs) == 1 else None


# --- typing values and deciding fields ----------------------------------------------------


def value_type(value: str, own_titles: Sequence[Key] = ()) -> str:
    """person, date, number, rating, title (the page's own name: a <title> segment or its
    file name) or text."""
    text = value.strip()
    if not content_words(text):
        return TEXT
    found = search_date(text)
    if found is not None and not content_words(text[: found.start] + text[found.end :]):
        return DATE
    if is_rating(text):
        return RATING
    if _NUMBER.match(text):
        return NUMBER
    if label_key(text) in own_titles:
        return TITLE
    named = _BRACKETED.sub("", text).strip(" .")  # "Lorcan Hale (2002)"
    names = [name for name in _NAME_JOINTS.split(named) if name]
    if names and all(is_person_name(name, allow_single_word=False) for name in names):
        return PERSON
    return TEXT


def headline_index(units: Sequence[Unit], top: int) -> int:
    """The index of the page's headline: its first heading among the ``top`` units, or -1.
    A label on it ("Preview: Max Rally", "Test: Napalm") prints the page's own name, never
    a person's, however name-shaped its values are."""
    return next((i for i, unit in enumerate(units[:top]) if unit.style.heading), -1)


def same_site_link(href: str | None) -> bool:
    """A link to a page of the same site: relative, not mail, not another host, and to a
    page (a folder or a page's file), never a file a page offers ("../music/forest.mod":
    a tune's name linked to its module is no writer's page)."""
    if not href:
        return False
    if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.IGNORECASE) or href.startswith(("//", "#")):
        return False
    path = href.split("#", 1)[0].split("?", 1)[0]
    name = path.rsplit("/", 1)[-1]
    return "." not in name or is_page_path(path)


def decide(stats: SlotStats) -> Slot | None:
    """The slot a label is, from its counts across the site, or None (chrome, content)."""
    distinct = len(stats.values)
    if stats.pages < MIN_PAGES or distinct < 2:
        return None  # constant: chrome (or a one-off line)
    if stats.plain == stats.pages and distinct > BYLINE_SHARE * stats.pages:
        # plain words before a new name on most pages ("Test de <game>"): only writers
        # who recur show that such words are a label
        return None
    type_, count = stats.types.most_common(1)[0]
    if count < TYPE_SHARE * stats.pages:
        type_ = TEXT
    zone = stats.zones.most_common(1)[0][0]
    field_, reason, check = _field(stats, type_, zone, distinct)
    return Slot(
        stats.label,
        label_key(stats.label),
        type_,
        field_,
        stats.pages,
        distinct,
        tuple(stats.samples),
        zone,
        reason,
        check,
    )


def _field(stats: SlotStats, type_: str, zone: str, distinct: int) -> tuple[str, str, str]:
    """The field a slot fills, why, and what disagrees (for the operator)."""
    share = distinct / stats.pages
    spread = f"{distinct} values on {stats.pages} pages"
    if type_ == DATE:
        if updated_label().match(stats.label + " "):
            return UPDATED, f"a last-updated label, the template's own date ({spread})", ""
        if zone == "head":
            return PUBLISHED, f"dates above the body ({spread})", ""
        return UPDATED, f"dates {'after' if zone == 'tail' else 'in'} the body ({spread})", ""
    if type_ != PERSON:
        return CONTENT, f"{type_} values ({spread})", ""
    says_byline = _byline_label(stats.label)
    says_credit = opens_with_role_label(f"{stats.label} X")
    few = share <= BYLINE_SHARE
    linked = stats.linked >= LINKED_SHARE * stats.pages
    if says_credit and not says_byline:
        signing, why = False, "a credits label"
    elif says_byline and not says_credit:
        signing, why = True, "a byline label"
    else:
        signing = few or linked
        why = "few names over many pages" if few else "a new name on most pages"
        if linked:
            why = "names linked to pages of the site"
    check = ""
    if signing and not few and not linked:
        check = f"a byline label, but {spread}: are these the writers?"
    if not signing and few and stats.pages >= 2 * MIN_PAGES:
        check = f"a credits label, but only {spread}: is this the writer?"
    if not signing:
        return CREATOR, f"{why} ({spread})", check
    if linked:
        return CONTRIBUTOR, f"{why}; linked to pages of the site ({spread})", check
    return BYLINE, f"{why} ({spread})", check


def one_signing_slot(slots: list[Slot]) -> list[Slot]:
    """A page has one byline: when several person slots could sign the same pages, those
    the evidence names (a byline label of the lexicon, names linked to the writers'
    pages) sign, and the others ("Compañía: Dinamo Soft") are content, with a check for
    the operator; failing that, the one on the most pages."""
    signing = [slot for slot in slots if slot.field in SIGNING_FIELDS]
    if len(signing) < 2:
        return slots
    named = [slot for slot in signing if slot.field == CONTRIBUTOR or _byline_label(slot.label)]
    keep = named or [max(signing, key=lambda slot: slot.pages)]
    return [
        slot
        if slot not in signing or slot in keep
        else replace(
            slot,
            field=CONTENT,
            check=f"names a person on {slot.pages} pages, but {keep[0].label!r} signs them",
        )
        for slot in slots
    ]


def _byline_label(label: str) -> bool:
    colon = active().pattern("bylines.colon_labels")
    return opens_with_phrase_label(f"{label} X") or bool(
        re.match(rf"^\W*(?:{colon})\b", label, re.IGNORECASE)
    )


# --- one page with the site's slots -------------------------------------------------------


@dataclass
class TakenSlots:
    """What a page's slots hold once taken off it: its units without them, its writers,
    and its date as printed."""

    units: list[Unit]
    signatures: list[Signature] = field(default_factory=list)
    date: str = ""
    date_label: str = ""
    notes: list[str] = field(default_factory=list)  # for the page's warnings


def take_slots(units: list[Unit], slots: dict[Key, Slot], removed: list[Removed]) -> TakenSlots:
    """Take the byline and the date slots off the page (their values become the page's
    Signature and date; their labels are reported, held by the field), and join each
    label cell to its value cell ("Directed by" | "Marta<br>Kessling") so that credits
    printed over cells read as lines."""
    hits = [hit for hit in page_hits(units) if hit.key in slots]
    taken = TakenSlots(units)
    drop_lines: set[tuple[int, int]] = set()
    drop_units: set[int] = set()

    def take(hit: Hit) -> None:
        if hit.line < 0:
            drop_units.update({hit.unit, hit.unit + 1})
        else:
            drop_lines.add((hit.unit, hit.line))

    # above the body; a signing slot closing the piece is read there as its signature
    signing = next(
        (hit for hit in hits if slots[hit.key].field in SIGNING_FIELDS and hit.zone == "head"),
        None,
    )
    unsigned: set[int] = set()
    if signing is not None and not (names := split_names(signing.value)):
        # the slot that signs this site's pages holds no name here (a template's
        # placeholder, "[Shared Documents/byline.htm]"): text, never a contributor
        unsigned.add(signing.unit)
        taken.notes.append(
            f"the byline slot {signing.label!r} holds no person's name: {signing.value!r} "
            "(kept as text)"
        )
    elif signing is not None:
        dateline = closing_date(signing.value)[1]
        taken.signatures = [Signature(name, dateline) for name in names]
        reason = f"the label of the byline slot {signing.label!r} (its name is the byline)"
        removed += removal(reason, _without(signing.text, names), slot=HELD)
        take(signing)
        # the page is signed: a line another slot of the template fills ("Written by X,
        # based on the novel by Y" under the cast) is a credit, never a second byline
        unsigned |= {
            hit.unit
            for hit in hits
            if slots[hit.key].field not in SIGNING_FIELDS and hit.unit != signing.unit
        }
    dated = next(
        (hit for hit in hits if slots[hit.key].field == PUBLISHED and hit.zone == "head"), None
    )
    if dated is not None and search_date(dated.value):
        taken.date, taken.date_label = dated.value, dated.label
        reason = f"the date slot {dated.label!r} (kept as the page's date)"
        removed += removal(reason, dated.text, slot=HELD)
        take(dated)
    for hit in hits:
        if slots[hit.key].field == CHROME:  # the operator's word: the profile
            removed += removal(f"the slot {hit.label!r} (chrome by the site profile)", hit.text)
            take(hit)
    pairs = {
        hit.unit: hit
        for hit in hits
        if hit.line < 0 and hit.unit not in drop_units and slots[hit.key].field != CHROME
    }
    # a person slot that signs nothing ("Written by" among credits) is never a byline
    unsigned |= {
        hit.unit
        for hit in hits
        if slots[hit.key].type == PERSON and slots[hit.key].field in {CREATOR, CONTENT}
    }
    taken.units = _rebuilt(units, drop_lines, drop_units, pairs, unsigned)
    return taken


def _without(text: str, names: list[str]) -> str:
    """What a byline prints beside its names: "Review by", "y" of "X y Y"."""
    for name in names:
        text = text.replace(name, " ", 1)
    return text


def _rebuilt(
    units: list[Unit],
    drop_lines: set[tuple[int, int]],
    drop_units: set[int],
    pairs: dict,
    unsigned: set[int],
) -> list[Unit]:
    kept: list[Unit] = []
    rows: list[list[Item]] = []
    index = 0
    while index < len(units):
        if index in pairs:  # a label cell and its value cell: one line of a run of rows
            label = units[index].items
            rows.append([*label, _joint(units[index]), *joined_value(units[index + 1])])
            index += 2
            if index not in pairs:
                kept.append(Unit(items=_joined_rows(rows)))
                rows = []
            continue
        if index not in drop_units:
            unit = units[index]
            lines = [line for n, line in enumerate(unit.lines) if (index, n) not in drop_lines]
            rebuilt = rebuild_unit(unit, lines)
            if index in unsigned:
                rebuilt = [replace(piece, as_text=True) for piece in rebuilt]
            kept.extend(rebuilt)
        index += 1
    return kept


def _joined_rows(rows: list[list[Item]]) -> list[Item]:
    """Rows of a credits table as one line, "; " between rows, as credits are printed."""
    items: list[Item] = []
    for row in rows:
        if items:
            items.append(Span("; ", row[0].style if isinstance(row[0], Span) else Style()))
        items += row
    return items


def closing_date(value: str) -> tuple[str, str]:
    """A byline slot's value split before the date that closes it, if one does:
    "X, 5 March 1999" -> ("X", "5 March 1999"), the date being the byline's dateline."""
    date = search_date(value)
    if date is None or value[date.end :].strip(" .,;)]"):
        return value, ""
    return value[: date.start].rstrip(" ,;-–—("), value[date.start : date.end].strip()


def split_names(value: str) -> list[str]:
    """The people a byline slot names: "X y Y", "X and Y", "X, Y"; none when any is not
    a person's name (a template's placeholder, "[Shared Documents/...]"). A date closing
    the value ("X, 5 March 1999") is the byline's dateline, not a name."""
    value = closing_date(value)[0]
    names = [name.strip(" .") for name in _NAME_JOINTS.split(value.strip()) if name.strip()]
    return names if names and all(is_person_name(n, allow_single_word=True) for n in names) else []


def _joint(label: Unit) -> Span:
    """What joins a label cell to its value: a space after a label the credits read as
    such ("Directed by"), else the colon a cell's edge stood for ("Dirección: ")."""
    text = label.text.strip()
    style = label.spans[-1].style if label.spans else Style()
    if text.endswith(":") or opens_with_role_label(f"{text} X") or _lexicon_label_end(f"{text} X"):
        return Span(" ", style)
    return Span(": ", style)


def joined_value(unit: Unit) -> list[Item]:
    """A value cell's lines as one line: a name broken over lines ("Marta<br>Kessling,")
    joins with a space, a list of names one a line ("Pedro Ordaz<br>Luz Medina") with a
    comma."""
    style = unit.style
    items: list[Item] = []
    lines = unit.lines
    for number, line in enumerate(lines):
        items += line
        if number + 1 < len(lines):
            text = items_text(line)
            broken = len(text.split()) == 1 and not text.endswith(",")
            items.append(Span(" " if broken or text.endswith(",") else ", ", style))
    return items
