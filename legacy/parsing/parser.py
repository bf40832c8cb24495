"""parse_site / parse_document: the bytes of legacy pages -> LegacyDocuments (pure, no Django).

The pipeline, one stage per module (``legacy/README.md``, "Pipeline"):

1. prepare (here): decode (``encoding``), take out server code, search boxes and editor
   templates (``templates``, ``chrome``), flatten the markup to units (``units``);
2. learn (``site``): what each site's pages share, from all of them at once;
3. finish (here), one page with its site: drop the site's chrome (``site``), take the
   title and credits off the top (``header``), decide the kind (``classify``), take the
   signature and the rating (``blocks``, ``ratings``), build the blocks (``blocks``),
   date the page (``dating``).
"""

import contextlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bs4 import BeautifulSoup

from textkit.markup import normalise_space

from . import lexicon
from .accounting import DROPPED
from .aside import restore, set_aside
from .blocks import (
    build_blocks,
    byline_named_by_the_bio,
    detach_signature,
    open_with_title_parts,
    with_slot_signatures,
)
from .chrome import remove_chrome_elements, strip_chrome_markup
from .classify import decide_kind, path_hints
from .clusters import TEMPLATE_NOTE, cluster_pages, linked_pages, template_keys
from .continued import join_parts, take_turns
from .dating import published_date, slot_date
from .document import Kind, LegacyDocument, Removed
from .encoding import DecodedText, decode_html
from .evidence import apply_site_evidence, index_entries, index_intro
from .header import (
    choose_page_title,
    kicker_keys,
    split_headline_bylines,
    split_year,
    take_closing_credits,
    take_header,
)
from .names import site_name_keys
from .news import MIN_ITEMS, count_news_items
from .options import ParseOptions
from .ratings import take_rating
from .site import (
    MIN_PAGES,
    PageNames,
    SiteModel,
    apply_profile,
    drop_chrome_units,
    learn_site,
    model_summary,
    site_of,
    without_site_name,
)
from .site import residue as site_residue
from .slots import CREATOR, SIGNING_FIELDS, page_hits, take_slots
from .spill import Handle, Spill
from .templates import remove_template_parts, strip_server_code
from .text import content_words
from .titles import title_from_path
from .units import Unit, make_soup, walk
from .visible import removal, visible_text

SITE_LANGUAGE_SHARE = 0.1  # a language a tenth of a site's pages are in is read on all
_SIGNED_KINDS = {Kind.FILM_REVIEW, Kind.BOOK_REVIEW, Kind.FEATURE}
_REVIEW_KINDS = {Kind.FILM_REVIEW, Kind.BOOK_REVIEW}
_RATED_KINDS = {*_SIGNED_KINDS, Kind.PAGE}  # a game or a restaurant reviewed as a page


def parse_document(
    data: bytes,
    source_path: str = "",
    decoded: DecodedText | None = None,
    *,
    options: ParseOptions | None = None,
) -> LegacyDocument:
    """Parse one legacy page on its own (no site to learn from). Never raises: any input
    yields a document (a STUB with a warning when nothing usable is there). ``decoded``:
    ``decode_html(data)`` when the caller has it already, so it is not decoded twice."""
    return parse_site([(decoded or bytes(data or b""), source_path)], options=options)[0]


def parse_site(
    pages: Sequence[tuple[bytes | DecodedText, str]],
    *,
    options: ParseOptions | None = None,
    models: dict[str, dict] | None = None,
    aside: Spill | None = None,
) -> list[LegacyDocument]:
    """Parse a mirror's pages together: learn each site's chrome from all of its pages
    (``site``), then parse each page with it. Same order as ``pages``; never raises for
    what a page holds (a temporary file that cannot be written, a full disk, stops it).
    ``options``: what the operator said about the run (``ParseOptions``), which each
    site's model carries to every step. ``models``: filled with each site's learnt model
    as the operator sees it (``site.model_summary``), for the dry run and the report.
    ``aside``: the run's spill, where each document's heavy fields are left for the
    writer to read back one page at a time (``aside.restore``); without it, every
    document comes back whole.

    Each pass holds one page's units at a time: prepared pages wait on disk (``Spill``)
    between the passes, and learning keeps counts, not pages; finished pages keep their
    heavy fields on disk (``aside``) while the site's rules read them (issue 21, finding 7)."""
    options = options or ParseOptions()
    with contextlib.ExitStack() as stack:
        heavy = aside if aside is not None else stack.enter_context(Spill())
        with Spill() as spill:
            read = [_set_aside(source, path, options, spill) for source, path in pages]
            learnt = _learn_sites(read, spill, options)
            if models is not None:
                models.update({site: model_summary(m, site) for site, m in learnt.items()})
            documents, templates, outlinks, affixes = _finish_pages(read, learnt, spill, heavy)
        rules = options.profile.clusters if options.profile else ()
        changes = cluster_pages(documents, templates, rules, outlinks, affixes)
        for index, kind in changes.items():
            again = _parsed_again(documents[index], pages[index], learnt, kind)
            documents[index] = set_aside(again, heavy)
        join_parts(documents, options, heavy)  # articles printed over several pages, as one
        apply_site_evidence(documents, options)  # blurbs and dates the site gives its pages
        if aside is None:
            documents = [restore(document, heavy) for document in documents]
    return documents


@dataclass(frozen=True)
class AsidePage:
    """A prepared page waiting on disk (``Spill``), with what the site pass asks of it
    before reading it back: where it is and the language its words are in."""

    source_path: str
    handle: Handle
    language: str | None  # ``lexicon.recognise``: None when too little text to tell


def _set_aside(
    source: bytes | DecodedText, source_path: str, options: ParseOptions, spill: Spill
) -> AsidePage | LegacyDocument:
    """The page prepared and written to ``spill`` (or a STUB saying why it could not be)."""
    page = _safely(source_path, _prepare, source, source_path, options)
    if not isinstance(page, PreparedPage):
        return page
    return AsidePage(source_path, spill.put(page), page_language(page))


def page_language(page: "PreparedPage") -> str | None:
    return lexicon.recognise(content_words(page.source_text), page.declared_language)


def _learn_sites(
    read: list[AsidePage | LegacyDocument], spill: Spill, options: ParseOptions
) -> dict[str, SiteModel]:
    """Each site's model, from its pages read back one at a time."""
    by_site: dict[str, list[AsidePage]] = {}
    for page in read:
        if isinstance(page, AsidePage):
            by_site.setdefault(site_of(page.source_path), []).append(page)
    return {
        site: _learn_from(
            (spill.get(page.handle) for page in members),
            [page.language for page in members],
            options,
        )
        for site, members in by_site.items()
    }


def _finish_pages(
    read: list[AsidePage | LegacyDocument],
    learnt: dict[str, SiteModel],
    spill: Spill,
    heavy: Spill,
) -> tuple[
    list[LegacyDocument], dict[int, frozenset[str]], dict[int, frozenset[str]], dict[int, str]
]:
    """Each page read back and finished with its site's model, in order, its heavy fields
    set aside in ``heavy``; the template each page is an instance of, the pages it links
    to (its nav included) and the site's <title> affix it carries, by position
    (``clusters``)."""
    documents: list[LegacyDocument] = []
    templates: dict[int, frozenset[str]] = {}
    outlinks: dict[int, frozenset[str]] = {}
    affixes: dict[int, str] = {}
    for index, page in enumerate(read):
        if isinstance(page, AsidePage):
            model = learnt[site_of(page.source_path)]
            with lexicon.override(model.lexicon):
                prepared = spill.get(page.handle)
                labels, signing = _template_slots(prepared, model)
                page = _safely(page.source_path, _finish, prepared, model)
            reprinted = model.prints_on_many_pages(page.title)
            templates[index] = template_keys(page.removed, labels, page.title, signing, reprinted)
            outlinks[index] = linked_pages(prepared.hrefs, prepared.source_path)
            if affix := model.title_affix_of(prepared.page_title):
                affixes[index] = affix
        documents.append(set_aside(page, heavy))
    return documents, templates, outlinks, affixes


def _template_slots(page: "PreparedPage", model: SiteModel) -> tuple[list[str], list[str]]:
    """The slots of the site's template the page fills, and those it is signed under. A
    work's credits labels vary with the work ("Screenplay by" or not): no template's."""
    hits = [hit for hit in page_hits(page.units) if hit.key in model.slots]
    labels = [str(hit.key) for hit in hits if model.slots[hit.key].field != CREATOR]
    signing = [str(hit.key) for hit in hits if model.slots[hit.key].field in SIGNING_FIELDS]
    return labels, signing


def _parsed_again(
    document: LegacyDocument,
    source: tuple[bytes | DecodedText, str],
    learnt: dict[str, SiteModel],
    kind: Kind,
) -> LegacyDocument:
    """One of the few pages whose template's majority decides their kind, parsed again as
    that kind, keeping its cluster and its "check kind" warnings."""
    data, source_path = source
    model = learnt[site_of(source_path)]
    with lexicon.override(model.lexicon):
        again = _safely(source_path, _parse_as, data, source_path, model, kind)
    again.cluster, again.cluster_outlier = document.cluster, document.cluster_outlier
    flagged = [w for w in document.warnings if w.startswith(("check kind", TEMPLATE_NOTE))]
    again.warnings += [w for w in flagged if w not in again.warnings]
    return again


def _parse_as(
    source: bytes | DecodedText, source_path: str, model: SiteModel, kind: Kind
) -> LegacyDocument:
    """The page parsed again as the kind its template cluster decided."""
    return _finish(_prepare(source, source_path, model.options), model, kind)


def _learn(pages: list["PreparedPage"], options: ParseOptions) -> SiteModel:
    """The model of a site whose prepared pages are all at hand."""
    return _learn_from(pages, [page_language(page) for page in pages], options)


def _learn_from(
    pages: Iterable["PreparedPage"], found: list[str | None], options: ParseOptions
) -> SiteModel:
    """The site's model, read with the lexicon of its languages (``found``: each page's):
    those the operator gives (``--language``), else those its pages are written in
    (``languages_of``). The model's ``languages`` are those it is written in, as the
    operator sees them: the lexicons read on every site make no site multilingual."""
    languages = options.languages or languages_of(found)
    with lexicon.override(lexicon.lexicon_for(languages)) as lexicon_of_site:
        model = learn_site(
            ((p.source_path, p.page_title, p.units, [r.text for r in p.removed]) for p in pages),
            options,
        )
    model.lexicon = lexicon_of_site
    model.languages = options.languages or written_languages(found)
    return apply_profile(model, options.profile)


def site_languages(pages: list[tuple[list[str], str]]) -> tuple[str, ...]:
    """The languages to read a site's pages in (each page as its words and its declared
    ``lang``): see ``languages_of``."""
    return languages_of([lexicon.recognise(words, declared) for words, declared in pages])


def languages_of(found: list[str | None]) -> tuple[str, ...]:
    """The languages to read a site's pages in (``found``: the language of each page, or
    None): each that a tenth of them or more are written in, and those read on every site
    (``lexicon.ALWAYS``: templates print "Last updated" anywhere); every language there is
    a lexicon for when none can be told."""
    languages = set(written_languages(found))
    if not languages:
        return lexicon.LANGUAGES
    return tuple(code for code in lexicon.LANGUAGES if code in languages | set(lexicon.ALWAYS))


def written_languages(found: list[str | None]) -> tuple[str, ...]:
    """The languages a tenth of a site's pages or more are written in (none: not told)."""
    counted = Counter(language for language in found if language)
    least = max(1, len(found) * SITE_LANGUAGE_SHARE)
    return tuple(
        code for code in lexicon.LANGUAGES if counted[code] >= least and counted[code] > 0
    )


def _safely(source_path: str, step, *args):
    try:
        return step(*args)
    except Exception as error:  # a safety net: the importer must get a document back
        return LegacyDocument(
            source_path=source_path,
            kind=Kind.STUB,
            title=title_from_path(source_path),
            encoding="",
            warnings=[f"internal parser error: {type(error).__name__}: {error}"],
        )


FRAMESET_STUB = (
    "stub: a frameset, whose frames are the pages; its text is for browsers without frames"
)


@dataclass
class PreparedPage:
    """A page cut into units, with what its markup alone proved to be chrome: the input
    of the site-level pass (no soup kept, so a whole mirror fits in memory)."""

    source_path: str
    encoding: str
    page_title: str
    from_word: bool
    units: list[Unit]
    source_text: str
    declared_language: str = ""  # <html lang="de">, as written
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)
    hrefs: tuple[str, ...] = ()  # every link of the page as written, its nav's too
    frameset: bool = False  # a <frameset>: its frames are the pages, it holds none


def _prepare(source: bytes | DecodedText, source_path: str, options: ParseOptions) -> PreparedPage:
    decoded = source if isinstance(source, DecodedText) else decode_html(source)
    html, removed = strip_server_code(decoded.text)
    html, searches = strip_chrome_markup(html)
    removed += searches
    soup = make_soup(html)
    hrefs = tuple(str(a["href"]) for a in soup.find_all(("a", "area"), href=True))  # nav too
    body = soup.body or soup
    source_text = "\n".join([*(entry.text for entry in removed), visible_text(body)])
    removed += remove_template_parts(soup)
    warnings, furniture = remove_chrome_elements(soup, site_name_keys(options.site_names))
    removed += furniture
    walked = walk(soup.body or soup)
    return PreparedPage(
        source_path=source_path,
        encoding=decoded.encoding,
        page_title=normalise_space(soup.title.get_text(" ")) if soup.title else "",
        from_word=_is_word_export(soup),
        units=walked.units,
        source_text=source_text,
        declared_language=_declared_language(soup),
        removed=[*removed, *walked.removed],
        warnings=[*decoded.warnings, *warnings, *walked.warnings],
        leftovers=walked.leftovers,
        hrefs=hrefs,
        frameset=soup.find("frameset") is not None,
    )


def _finish(page: PreparedPage, site: SiteModel, kind: Kind | None = None) -> LegacyDocument:
    """One page with its site's model; ``kind``: the kind its template cluster decided
    (``clusters``), instead of the page's own reading."""
    source_path, warnings, removed = page.source_path, list(page.warnings), list(page.removed)
    units, headline_signatures = split_headline_bylines(page.units, removed, site.is_chrome)
    slotted = take_slots(units, site.slots, removed)
    warnings += slotted.notes
    units = drop_chrome_units(
        slotted.units, site, removed, PageNames.of(page.page_title, source_path)
    )
    units, turns = take_turns(units, page.units, removed)  # "Next page": joined later
    warnings += [
        f"a name or date under a label of the site's template removed as chrome: {entry.text!r}"
        " (counted as lost)"
        for entry in removed
        if entry.slot == DROPPED
    ]
    page_title = without_site_name(site.without_title_affix(page.page_title), site, units)
    template_title = page_title if site.is_shared_title(page.page_title) else ""
    choice = choose_page_title(
        "" if template_title else page_title,
        units,
        source_path,
        page.from_word,
        site.folders,
        site.given_names,
        template_title,
        recurs=lambda unit: site.recurrence(unit) >= MIN_PAGES,
    )
    title, title_keys = choice.title, choice.keys
    if choice.note:
        warnings.append(choice.note)
    if not title:
        title = title_from_path(source_path)
        warnings.append("no title found; used the file name")
    hints = path_hints(source_path, site.options.folder_hints)
    news_like = Kind.NEWS in hints or count_news_items(units) >= MIN_ITEMS
    title_keys = title_keys | kicker_keys(units, title)
    # a kind decided against the page's own reading keeps any credits-like lines in its body
    want_credits = not news_like and (kind is None or kind in _REVIEW_KINDS)
    units, credits = take_header(units, title_keys, title, want_credits, removed, frozenset(hints))
    if credits is None and want_credits:
        units, credits = take_closing_credits(units, title, hints, removed)
    title, year = split_year(title)
    if year and credits is not None and credits.year is None:
        credits.year = year

    # by the site's byline slot, or by writers on the headline's line: an article's
    signed = bool(slotted.signatures or headline_signatures)
    read, reasons = decide_kind(units, credits, hints, title, news_like, page.units, signed)
    if page.frameset:  # what it prints is for browsers without frames: no content
        read, reasons = Kind.STUB, [FRAMESET_STUB]
    if kind is None or read is Kind.STUB:
        kind = read
        warnings += reasons
    if kind is Kind.STUB:  # not imported: what little it says is reported, with why
        removed += removal(f"the whole page: {reasons[0]}", "\n".join(u.text for u in units))
    rating = None
    if kind in _SIGNED_KINDS:
        units = detach_signature(units)
    if kind in _RATED_KINDS:
        units, rating = take_rating(units, removed, warnings, kind in _REVIEW_KINDS)
    blocks, leftovers, texts = build_blocks(units, kind, removed, warnings)
    blocks, texts = open_with_title_parts(choice, blocks, texts)
    if kind is not Kind.STUB:
        signatures = [*headline_signatures, *slotted.signatures]
        blocks, texts = with_slot_signatures(signatures, blocks, texts)
    if kind in _SIGNED_KINDS:
        blocks = byline_named_by_the_bio(blocks, title)
    content_text = "\n\n".join(text for text in texts if text)
    # Fallback text of removed embeds is reported, but readers never saw it: not content.
    leftovers = [*page.leftovers, *leftovers]
    if leftovers:
        warnings.append(f"{len(leftovers)} piece(s) of content text could not be placed")
    return LegacyDocument(
        source_path=source_path,
        kind=kind,
        title=title,
        encoding=page.encoding,
        credits=credits,
        rating=rating,
        blocks=blocks,
        published=slot_date(slotted, kind, site.options.date_order)
        or published_date(blocks, units, kind, removed, warnings, site.options.date_order),
        links=[href for unit in units for href in unit.hrefs],
        leftovers=leftovers,
        warnings=warnings,
        content_text=content_text,
        source_text=page.source_text,
        removed=removed,
        residue=site_residue(units, site),
        entries=index_entries(units, site.options.date_order) if kind is Kind.LISTING else [],
        intro=index_intro(units, site.options.date_order) if kind is Kind.LISTING else "",
        turns=turns,
    )


def _declared_language(soup: BeautifulSoup) -> str:
    """The language the page says it is in: <html lang>, or a Content-Language <meta>."""
    root = soup.find("html")
    if root is not None and root.get("lang"):
        return str(root.get("lang"))
    for meta in soup.find_all("meta"):
        if str(meta.get("http-equiv") or "").lower() == "content-language":
            return str(meta.get("content") or "")
    return ""


def _is_word_export(soup: BeautifulSoup) -> bool:
    """Word sets <title> from document properties, so its first heading is more reliable."""
    for meta in soup.find_all("meta"):
        name = str(meta.get("name") or "").lower()
        if name in {"generator", "progid"} and "word" in str(meta.get("content") or "").lower():
            return True
    return False
