"""Pages by template: the kind of most of a template's pages applies to the rest (pure).

A site is a few templates filled many times. After every page is parsed, the pages of a
site are grouped by folder, then by template: the chrome the page carried (the blocks
removed as the site's chrome or page furniture, digits collapsed) and the slots it filled
("Review by", "Posted"), alike when their Jaccard similarity is at least
``SAME_TEMPLATE``. In a cluster of ``MIN_CLUSTER`` pages or more where one kind holds
``MAJORITY`` of them:

- an outlier that is an article (a page or feature of ``ARTICLE_WORDS`` or more) takes the
  majority's kind: a review without its credits line is still a review of that folder;
  signed under the template's own byline label ("Review by", as the others are), it is
  one of them beyond doubt and is not flagged;
- any other outlier keeps its kind;

and otherwise it is flagged "check kind" with the reason (``cluster_outlier``): the flag
is for the pages an editor must look at, not for every page a rule filed. A page that
reads as its template's other pages do is no outlier, whatever kind the template is
filed as: a template of plain pages filled ``MIN_CLUSTER`` times or more below the site's
top folder holds articles, not the site's few top-level pages (About, Contact), and its
pages the old nav does not link become features with the reason noted ("kind from its
template"), not flagged; so does a plain page no nav links whose template or folder family
holds articles of one kind (each issue's letters page, alone in its template). The ones the
nav links stay plain pages (each issue's music page), and a feature among them is
flagged. A plain page no nav links and nothing on the site files is a feature, flagged.
Where a site's <title>s say the section (" - X Review" over its reviews, " - X Feature"
over its features: each affix the constant one of one article kind's pages), a page read
as one kind whose <title> carries another kind's affix is flagged too, its kind kept as
read (``_affix_outliers``): the site filed it with the others. The profile's
``[[cluster]]`` rules (``folder``, ``kind``) decide a folder's kind outright. Linear: each
page is compared with its folder's few templates.
"""

import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from reviews.kinds import KINDS

from .aside import signature_names, word_count
from .document import Kind, LegacyDocument, Removed
from .sections import folder_default, listing_hint
from .site import site_of

SAME_TEMPLATE = 0.5  # Jaccard similarity of two pages' chrome and slots
TEMPLATE_NOTE = "kind from its template"  # a page re-filed with no question left
SIGNING = "signed:"  # the key of the label a page is signed under
MIN_KEY_PAGES = 3  # a chrome line or slot on fewer of a folder's pages is no template's
MIN_CLUSTER = 5  # pages of one template before its majority decides the rest
NAV_SHARE = 0.5  # a page linked from this share of its folder's or site's pages: the nav's
MIN_NAV_PAGES = 3  # a folder of fewer pages shows no nav
SCATTERED_SITE = 4 * MIN_CLUSTER  # a site this large shows which kinds it holds
FLAG = "check kind:"
NOT_IN_NAV = "no link of the old site's nav leads to it, so it is no top-level page"
FOLDER_EVIDENCE = "its template's pages, read alike, are the articles of its folder"
NO_EVIDENCE = "neither its template nor its folder is mostly features"
MAJORITY = 0.6  # share of a cluster's pages one kind needs to apply to the others
ARTICLE_WORDS = 80  # an outlier this long is an article of the template, not a stub
CLUSTER_NAME = 40  # characters: ImportRecord.cluster
CHROME_REASONS = (
    "site chrome",
    "page furniture",
    "a page-furniture block",
    "a sidebar",
    "FrontPage shared border",
    "Dreamweaver",
)
CLUSTERED_KINDS = {Kind.FILM_REVIEW, Kind.BOOK_REVIEW, Kind.FEATURE, Kind.PAGE}
ARTICLE_KINDS = {Kind.FILM_REVIEW, Kind.BOOK_REVIEW, Kind.FEATURE}
# A profile's `kind = "film"`: the registry's kind values (reviews/kinds.py), or "page"
PROFILE_KINDS = {kind.value: Kind(kind.legacy_shapes[0]) for kind in KINDS} | {
    Kind.PAGE.value: Kind.PAGE
}
_DIGITS = re.compile(r"\d+")
INDEX_NAMES = {"index.htm", "index.html", "default.htm", "default.html", "index.shtml"}


def template_keys(
    removed: Sequence[Removed],
    slot_labels: Sequence[str],
    title: str = "",
    signing_labels: Sequence[str] = (),
    reprinted: bool = False,
) -> frozenset[str]:
    """A page's template, as the chrome it carried and the slots it filled (the label its
    byline is signed under apart: "Review by" and "by" are two templates); the page's own
    title in a chrome line is a placeholder ("{title} - Film Database" on every review).
    ``reprinted``: the title is a heading the site prints on many pages (an issue's "A
    propos" page under the same heading every issue): the page's title, and a mark of its
    template as much as chrome would be."""
    own = " ".join(title.lower().split())
    chrome = set()
    for entry in removed:
        if entry.reason.startswith(CHROME_REASONS):
            text = " ".join(entry.text.lower().split())
            if len(own) > 2 and own in text:
                text = text.replace(own, "{title}")
            chrome.add(_DIGITS.sub("#", text)[:120])
    signing = {f"{SIGNING}{label}" for label in signing_labels}
    heading = {_DIGITS.sub("#", f"heading:{own}")[:120]} if reprinted and own else set()
    return frozenset(chrome | signing | heading | {f"slot:{label}" for label in slot_labels})


@dataclass
class Cluster:
    name: str
    keys: frozenset[str]
    members: list[int] = field(default_factory=list)  # positions in the run's documents


def cluster_pages(
    documents: Sequence[LegacyDocument],
    templates: dict[int, frozenset[str]],
    rules: Sequence[dict] = (),
    outlinks: dict[int, frozenset[str]] | None = None,
    title_affixes: dict[int, str] | None = None,
) -> dict[int, Kind]:
    """Group the run's pages (``templates``: position -> ``template_keys``) by site, folder
    (the issue folders of one shape as one: ``folder_family``) and template; name each
    page's cluster (``LegacyDocument.cluster``), flag outliers (``cluster_outlier``, a
    "check kind" warning) and return the kinds that change, by position: the page is
    parsed again as that kind (see the module's docstring). ``outlinks``: the pages each
    page links to, its nav included (``linked_pages``): a plain page no nav links is
    placed in a section (``_placed``). ``title_affixes``: the site's learnt <title> affix
    each page's <title> carries, by position (``_affix_outliers``)."""
    by_folder: dict[tuple[str, str], list[int]] = defaultdict(list)
    for position in templates:
        document = documents[position]
        if document.kind in CLUSTERED_KINDS:
            folder = folder_family(posixpath.dirname(document.source_path))
            by_folder[site_of(document.source_path), folder].append(position)
    groups: dict[tuple[str, str], list[Cluster]] = {}
    for (site, family), positions in by_folder.items():
        folder = posixpath.dirname(documents[positions[0]].source_path)
        found = groups[site, family] = _clusters(folder, positions, templates)
        for cluster in found:
            for position in cluster.members:
                documents[position].cluster = cluster.name
    tops = {site: folder_family(top) for site, top in _top_folders(documents).items()}
    nav = nav_pages(documents, outlinks or {})
    kept = _kinds_of_the_site(groups, documents)
    changes: dict[int, Kind] = {}
    for (site, family), found in groups.items():
        folder = posixpath.dirname(documents[found[0].members[0]].source_path)
        below_top = family != tops.get(site, "")
        where = Where(folder, below_top, nav, kept.get(site, set()))
        for cluster in found:
            # a profile rule names a folder: its pages only, whatever their family
            ruled = {
                p: kind
                for p in cluster.members
                if (kind := _profile_kind(posixpath.dirname(documents[p].source_path), rules))
            }
            changes |= {p: kind for p, kind in ruled.items() if documents[p].kind is not kind}
            rest = [p for p in cluster.members if p not in ruled]
            if rest:
                changes |= _majority(
                    Cluster(cluster.name, cluster.keys, rest), documents, where, templates
                )
    changes |= _scattered_reviews(documents, changes, kept, groups, rules)
    if outlinks is not None:
        changes |= _placed(documents, changes, nav, groups, rules)
    if title_affixes:
        _affix_outliers(documents, changes, title_affixes)
    return changes


AFFIX_REASON = "its <title> ends like the site's"  # kind_outlier says this reason as it is


def _affix_outliers(
    documents: Sequence[LegacyDocument], changes: dict[int, Kind], affixes: dict[int, str]
) -> None:
    """Flag the pages whose <title> carries the affix of another kind's pages (" - X
    Feature" over a page read as a review, where the reviews' <title>s end " - X
    Review"): a site's <title>s that differ by kind say the section the site filed the
    page in. An affix is a kind's when ``MIN_CLUSTER`` of its site's pages or more read
    as that kind carry it, ``MAJORITY`` of the pages carrying it are of that kind, and
    it is that kind's most common affix; only on a site where two kinds or more have an
    affix of their own. The page keeps its kind as read; one flagged already is left."""
    by_site: dict[str, Counter] = defaultdict(Counter)
    for position, affix in affixes.items():
        kind = changes.get(position, documents[position].kind)
        if affix and kind in ARTICLE_KINDS:
            by_site[site_of(documents[position].source_path)][kind, affix] += 1
    owners: dict[str, dict[str, Kind]] = {}
    for site, counts in by_site.items():
        carrying: Counter[str] = Counter()
        for (_, affix), n in counts.items():
            carrying[affix] += n
        owned: dict[str, Kind] = {}
        for kind in {kind for kind, _ in counts}:
            affix, n = max(
                ((a, n) for (k, a), n in counts.items() if k is kind),
                key=lambda an: (an[1], an[0]),
            )
            if n >= MIN_CLUSTER and n >= MAJORITY * carrying[affix]:
                owned[affix] = kind
        if len(set(owned.values())) >= 2:
            owners[site] = owned
    for position, affix in affixes.items():
        document = documents[position]
        kind = changes.get(position, document.kind)
        owner = owners.get(site_of(document.source_path), {}).get(affix)
        if owner is None or kind not in ARTICLE_KINDS or owner is kind:
            continue
        if document.cluster_outlier:
            continue
        reason = f"{AFFIX_REASON} {_KIND_NAMES[owner]} pages: '{affix.strip()}'"
        _flag(document, reason, f"kept as a {_KIND_NAMES[kind]}")


def _scattered_reviews(
    documents: Sequence[LegacyDocument],
    changes: dict[int, Kind],
    kept: dict[str, set[Kind]],
    groups: dict[tuple[str, str], list[Cluster]],
    rules: Sequence[dict] = (),
) -> dict[int, Kind]:
    """Reviews of a kind that no template of a site of ``SCATTERED_SITE`` pages or more
    holds and fewer than ``MIN_CLUSTER`` of its pages read as (a magazine's contest page
    read as a book review in each of its issues): credits-like lines on a few pages, not
    a kind of this site, unless its folder's name says it. They become what most pages
    of their template are (an article kind), else features; flagged."""
    sized = Counter(site_of(d.source_path) for d in documents if d.kind in CLUSTERED_KINDS)
    majority = _majorities(documents, changes, groups)
    scattered = {}
    for position, document in enumerate(documents):
        path = document.source_path.lower()
        kind = changes.get(position, document.kind)
        if (
            kind not in ARTICLE_KINDS - {Kind.FEATURE}
            or kind in kept.get(site_of(path), set())
            or sized[site_of(path)] < SCATTERED_SITE
            or folder_default(path) is not None
            or _profile_kind(posixpath.dirname(document.source_path), rules) is not None
        ):
            continue
        scattered[position] = majority.get(position, Kind.FEATURE)
        if scattered[position] is kind:
            scattered[position] = Kind.FEATURE
        _flag(document, _scattered(document), f"imported as a {_KIND_NAMES[scattered[position]]}")
    return scattered


def _majorities(
    documents: Sequence[LegacyDocument],
    changes: dict[int, Kind],
    groups: dict[tuple[str, str], list[Cluster]],
) -> dict[int, Kind]:
    """Each clustered page's cluster's article majority (``_article_majority``)."""
    return {
        position: kind
        for found in groups.values()
        for cluster in found
        for kind in [_article_majority(cluster, documents, changes)]
        if kind is not None
        for position in cluster.members
    }


@dataclass(frozen=True)
class Where:
    """What a cluster's majority is weighed against: its folder (below the site's top
    folder or not), the pages the site's nav links, the article kinds the site holds."""

    folder: str
    below_top: bool
    nav: frozenset[str]
    site_kinds: set[Kind]


def folder_family(folder: str) -> str:
    """The issue folders of a magazine as one: the folder's path from its innermost part
    that holds digits, digits collapsed ("Aakt0199HTML/AMIGAaktuell/Ausgabe0199" and
    ".../deutsch/Ausgabe0399" are "ausgabe#"; "obligement45/Obligement45/html" is
    "obligement#/html"). A folder without digits is itself."""
    parts = folder.lower().split("/") if folder else []
    numbered = [i for i, part in enumerate(parts) if _DIGITS.search(part)]
    if not numbered:
        return folder.lower()
    return "/".join(_DIGITS.sub("#", part) for part in parts[numbered[-1] :])


def linked_pages(hrefs: Sequence[str], source_path: str) -> frozenset[str]:
    """The pages of the same site a page links to (lower-cased paths), from its hrefs as
    written: relative links only (an absolute one names another site or the same
    site's root, which the nav of a mirror's folder does not)."""
    here = posixpath.dirname(source_path.replace("\\", "/").lower())
    found = set()
    for href in hrefs:
        path = href.split("#", 1)[0].split("?", 1)[0].strip().lower()
        if not path or ":" in path or path.startswith(("/", "//")):
            continue
        found.add(posixpath.normpath(posixpath.join(here, path)))
    return frozenset(found)


def nav_pages(
    documents: Sequence[LegacyDocument], outlinks: dict[int, frozenset[str]]
) -> frozenset[str]:
    """The pages (lower-cased paths) the old site's nav links: those linked from
    ``NAV_SHARE`` of the pages of their own folder (each issue of a magazine has its own
    nav) or of their whole site, of ``MIN_NAV_PAGES`` pages or more."""
    folder_size: Counter = Counter()
    site_size: Counter = Counter()
    from_folder: Counter = Counter()
    from_site: Counter = Counter()
    for position, targets in outlinks.items():
        path = documents[position].source_path.lower()
        here, site = posixpath.dirname(path), site_of(path)
        folder_size[here] += 1
        site_size[site] += 1
        from_site.update((site, target) for target in targets if target != path)
        from_folder.update(t for t in targets if t != path and posixpath.dirname(t) == here)
    nav = set()
    for (site, target), n in from_site.items():
        folder = posixpath.dirname(target)
        if _most(n, site_size[site]) or _most(from_folder[target], folder_size[folder]):
            nav.add(target)
    return frozenset(nav)


def _most(linked: int, pages: int) -> bool:
    return pages >= MIN_NAV_PAGES and linked >= NAV_SHARE * pages


def _clusters(
    folder: str, positions: list[int], templates: dict[int, frozenset[str]]
) -> list[Cluster]:
    """One folder's pages by template. A page's template is the keys it shares with at
    least ``MIN_KEY_PAGES`` pages of the folder (a line with the page's own title in it,
    "Dreamers - Film Database", is no part of a template); pages are compared with each
    cluster's core (the keys most of its pages print), and clusters whose cores are alike
    are one: the order of the pages never splits a template. A cluster too small to decide
    anything joins a template signed under the same label (``_signed_alike``)."""
    frequency = Counter(key for position in positions for key in templates[position])
    shared = {
        p: frozenset(k for k in templates[p] if frequency[k] >= MIN_KEY_PAGES) for p in positions
    }
    found: list[Cluster] = []
    for position in positions:
        keys = shared[position]
        cluster = next((c for c in found if _alike(c.keys, keys)), None)
        if cluster is None:
            cluster = Cluster("", keys)
            found.append(cluster)
        cluster.members.append(position)
    for cluster in found:
        cluster.keys = _core(cluster, shared)
    merged: list[Cluster] = []
    for cluster in sorted(found, key=lambda c: -len(c.members)):
        into = next((m for m in merged if _alike(m.keys, cluster.keys)), None)
        if into is None and len(cluster.members) < MIN_CLUSTER:
            into = next((m for m in merged if _signed_alike(m, cluster)), None)
        if into is None:
            merged.append(cluster)
        else:
            into.members += cluster.members
    for cluster in merged:
        cluster.members.sort()
    merged.sort(key=lambda c: c.members[0])
    for number, cluster in enumerate(merged, start=1):
        cluster.name = _name(folder, number)
    return merged


def _core(cluster: Cluster, shared: dict[int, frozenset[str]]) -> frozenset[str]:
    """The keys half of the cluster's pages or more print."""
    counts = Counter(key for position in cluster.members for key in shared[position])
    return frozenset(key for key, n in counts.items() if 2 * n >= len(cluster.members))


def _majority(
    cluster: Cluster,
    documents: Sequence[LegacyDocument],
    place: Where,
    templates: dict[int, frozenset[str]],
) -> dict[int, Kind]:
    members = [(position, documents[position]) for position in cluster.members]
    if len(members) < MIN_CLUSTER:
        return {}
    kind, count = Counter(document.kind for _, document in members).most_common(1)[0]
    if count < MAJORITY * len(members):
        return {}
    where = f"{place.folder}/" if place.folder else "the top folder"
    if kind is Kind.PAGE and place.below_top:
        # the site's nav pages (About, each issue's editorial) stay at the top
        plain = [
            (p, document)
            for p, document in members
            if document.kind is Kind.PAGE and document.source_path.lower() not in place.nav
        ]
        reason = f"{count} plain pages of one template in {where}: articles, not top-level pages"
        for _, document in plain:
            # read as its template's other pages are: no outlier, nothing to check
            _note(document, reason, "imported as a feature like them")
        changes = {p: Kind.FEATURE for p, _ in plain}
        for position, document in members:
            if document.kind in ARTICLE_KINDS - {Kind.FEATURE, *place.site_kinds}:
                _flag(document, _scattered(document), "imported as a feature like them")
                changes[position] = Kind.FEATURE
            elif document.kind is Kind.FEATURE and document.source_path.lower() in place.nav:
                # each issue's page the nav links (its music page), read as the others
                # are not: which one is right, only an editor can tell
                _flag(document, _nav_plain(count, len(members), where), "kept as it reads")
        return changes
    if kind not in ARTICLE_KINDS:
        return {}
    name = _KIND_NAMES[kind]
    signed = {key for key in cluster.keys if key.startswith(SIGNING)}  # the template's byline
    changes = {}
    for position, document in members:
        if document.kind is kind:
            continue
        reason = (
            f"{count} of the {len(members)} pages of its template in {where} are {name}s; "
            f"this one reads as a {_KIND_NAMES.get(document.kind, document.kind.value)}"
        )
        article = document.kind in (Kind.PAGE, Kind.FEATURE)
        if document.kind in ARTICLE_KINDS - {Kind.FEATURE, *place.site_kinds}:
            # a review on a site whose templates hold no reviews of its kind: credits-like
            # lines read on one page, not a kind of this site
            changes[position] = kind
            _flag(document, reason, f"imported as a {name} like them")
        elif article and word_count(document) >= ARTICLE_WORDS:
            changes[position] = kind
            plain = document.kind is Kind.PAGE and document.source_path.lower() not in place.nav
            if plain and kind is Kind.FEATURE:
                # an article read as a plain page (nothing on it says what it is) among
                # its template's features, and no nav puts it at the top: one of them
                document.warnings.append(
                    f"{TEMPLATE_NOTE}: {reason}: imported as a {name} like them"
                )
            elif signed and signed <= templates[position]:
                # signed under the template's own byline label ("Review by" as on the
                # others): one of them whose credits went unread, nothing to check
                document.warnings.append(
                    f"{TEMPLATE_NOTE}: {reason}: imported as a {name} like them"
                )
            else:
                _flag(document, reason, f"imported as a {name} like them")
        else:
            _flag(document, reason, "kept as it reads")
    return changes


def _nav_plain(count: int, members: int, where: str) -> str:
    return (
        f"{count} of the {members} pages of its template in {where} are plain pages the "
        "old nav links; this one reads as a feature"
    )


def _scattered(document: LegacyDocument) -> str:
    name = _KIND_NAMES[document.kind]
    return (
        f"it reads as a {name}, but no template of the site holds {name}s and fewer than "
        f"{MIN_CLUSTER} of its pages read as one; its template's pages are articles"
    )


def _kinds_of_the_site(
    groups: dict[tuple[str, str], list[Cluster]], documents: Sequence[LegacyDocument]
) -> dict[str, set[Kind]]:
    """Per site, the article kinds that hold the majority of a template of
    ``MIN_CLUSTER`` pages or more, or that ``MIN_CLUSTER`` of its pages read as."""
    kinds: dict[str, set[Kind]] = defaultdict(set)
    counted: dict[str, Counter] = defaultdict(Counter)
    for (site, _), found in groups.items():
        for cluster in found:
            read = Counter(documents[p].kind for p in cluster.members)
            counted[site].update(read)
            kind, count = read.most_common(1)[0]
            if len(cluster.members) >= MIN_CLUSTER and count >= MAJORITY * len(cluster.members):
                kinds[site].add(kind)
    for site, read in counted.items():
        kinds[site] |= {kind for kind, n in read.items() if n >= MIN_CLUSTER}
    return kinds


def _placed(
    documents: Sequence[LegacyDocument],
    changes: dict[int, Kind],
    nav: frozenset[str],
    groups: dict[tuple[str, str], list[Cluster]],
    rules: Sequence[dict] = (),
) -> dict[int, Kind]:
    """A plain page sits at the top of the new tree, outside every section: only where
    the old site's nav put it (``nav_pages``). Any other plain page of a site of
    ``MIN_CLUSTER`` pages or more goes where its template says (the article kind most of
    its cluster's pages are), else to the features, flagged; unless its folder's name, a
    profile's rule or an index that links it names its section (``sections``: the
    writer files it), or it is the page of a person who signs the site's pages (named
    by them: a contributor's page, not an article)."""
    sized = Counter(site_of(d.source_path) for d in documents if d.kind in CLUSTERED_KINDS)
    listed = _listed_in_sections(documents)
    signers = {name.casefold() for document in documents for name in signature_names(document)}
    majority = _majorities(documents, changes, groups)
    folders = _folder_majorities(documents, changes, groups)
    placed: dict[int, Kind] = {}
    for position, document in enumerate(documents):
        path = document.source_path.lower()
        if (
            changes.get(position, document.kind) is not Kind.PAGE
            or sized[site_of(path)] < MIN_CLUSTER
            or path in nav
            or posixpath.basename(path) in INDEX_NAMES
            or path in listed
            or folder_default(path) is not None
            or _profile_kind(posixpath.dirname(document.source_path), rules) is not None
            or document.title.casefold() in signers
        ):
            continue
        kind = majority.get(position, Kind.FEATURE)
        name = _KIND_NAMES[kind]
        # a feature like its template's or its folder's articles: nothing else to go by
        featured = kind is Kind.FEATURE and Kind.FEATURE in (
            majority.get(position),
            folders.get(position),
        )
        if document.cluster_outlier:  # it reads otherwise than its template: to check
            reason = f"{document.cluster_outlier}; {NOT_IN_NAV}"
            document.warnings[:] = [w for w in document.warnings if not w.startswith(FLAG)]
            _flag(document, reason, f"imported as a {name} in its section")
        elif featured:
            _note(document, f"{NOT_IN_NAV}; {FOLDER_EVIDENCE}", f"imported as a {name}")
        elif position in majority:
            _flag(document, NOT_IN_NAV, f"imported as a {name} in its section")
        else:
            _flag(document, f"{NOT_IN_NAV}, and {NO_EVIDENCE}", "imported as a feature")
        placed[position] = kind
    return placed


def _folder_majorities(
    documents: Sequence[LegacyDocument],
    changes: dict[int, Kind],
    groups: dict[tuple[str, str], list[Cluster]],
) -> dict[int, Kind]:
    """Each clustered page's folder family's article kind (after the majority rule): the
    article kind ``MIN_CLUSTER`` of its pages or more are, and ``MAJORITY`` of the pages
    read as an article kind (an issue folder's articles are features: each issue's
    letters page, alone in its template, is one of them)."""
    found = {}
    for clusters in groups.values():
        members = [p for cluster in clusters for p in cluster.members]
        read = Counter(changes.get(p, documents[p].kind) for p in members)
        articles = Counter({kind: n for kind, n in read.items() if kind in ARTICLE_KINDS})
        if not articles:
            continue
        kind, count = articles.most_common(1)[0]
        if count >= MIN_CLUSTER and count >= MAJORITY * sum(articles.values()):
            found |= dict.fromkeys(members, kind)
    return found


def _article_majority(
    cluster: Cluster, documents: Sequence[LegacyDocument], changes: dict[int, Kind]
) -> Kind | None:
    """The article kind half a cluster's pages or more are (after the majority rule)."""
    read = Counter(changes.get(p, documents[p].kind) for p in cluster.members)
    articles = [kind for kind, n in read.most_common() if kind in ARTICLE_KINDS]
    return articles[0] if articles and 2 * read[articles[0]] >= len(cluster.members) else None


def _listed_in_sections(documents: Sequence[LegacyDocument]) -> set[str]:
    """The pages an index that names its section links to (the writer files them there)."""
    listed = set()
    for document in documents:
        if document.kind is Kind.LISTING and listing_hint(
            f"{document.source_path} {document.title}".lower()
        ):
            listed |= linked_pages(document.links, document.source_path)
    return listed


_KIND_NAMES = {Kind(kind.legacy_shapes[0]): kind.singular.lower() for kind in KINDS} | {
    Kind.PAGE: "plain page"
}


def _note(document: LegacyDocument, reason: str, outcome: str) -> None:
    """A kind its template or folder gives a page that reads as they do: no outlier, no
    flag; the reason stays in its warnings (the report and the review queue show it)."""
    document.warnings.append(f"{TEMPLATE_NOTE}: {reason}: {outcome}")


def _flag(document: LegacyDocument, reason: str, outcome: str) -> None:
    document.cluster_outlier = reason
    document.warnings.append(f"{FLAG} {reason}: {outcome}; map it with --map to change it")


def _profile_kind(folder: str, rules: Sequence[dict]) -> Kind | None:
    """The kind a profile's ``[[cluster]]`` rule gives the folder (the longest match)."""
    matching = [
        rule
        for rule in rules
        if (prefix := str(rule.get("folder", "")).strip("/").lower()) is not None
        and (folder.lower() == prefix or folder.lower().startswith(prefix + "/") or not prefix)
    ]
    if not matching:
        return None
    rule = max(matching, key=lambda rule: len(str(rule.get("folder", ""))))
    return PROFILE_KINDS.get(str(rule.get("kind", "")).lower())


def _top_folders(documents: Sequence[LegacyDocument]) -> dict[str, str]:
    """Each site's top folder: that of its shallowest index page (its home page)."""
    tops: dict[str, str] = {}
    for document in documents:
        path = document.source_path.lower()
        if posixpath.basename(path) not in INDEX_NAMES:
            continue
        site, folder = site_of(path), posixpath.dirname(path)
        if site not in tops or folder.count("/") < tops[site].count("/") or not folder:
            tops[site] = folder
    return tops


def _signed_alike(big: Cluster, small: Cluster) -> bool:
    """A few pages of a layout of their own, signed under the label a template of the
    folder signs with ("Review by"): pages of that template, drawn another way (its
    outliers, to check), not a template of their own."""
    if len(big.members) < MIN_CLUSTER:
        return False
    signed = {key for key in small.keys if key.startswith(SIGNING)}
    return bool(signed) and signed == {key for key in big.keys if key.startswith(SIGNING)}


def _alike(a: frozenset[str], b: frozenset[str]) -> bool:
    """One template: alike enough, and not signed under two labels."""
    signed_a = {key for key in a if key.startswith(SIGNING)}
    signed_b = {key for key in b if key.startswith(SIGNING)}
    if signed_a and signed_b and signed_a != signed_b:
        return False
    return _jaccard(a, b) >= SAME_TEMPLATE


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def _name(folder: str, number: int) -> str:
    suffix = f"#{number}"
    name = f"{folder or '.'}{suffix}"
    return name if len(name) <= CLUSTER_NAME else "…" + name[-(CLUSTER_NAME - 1) :]
