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
is for the pages an editor must look at, not for every page a rule filed. A
template of plain pages filled ``MIN_CLUSTER`` times or more below the site's top folder
holds articles, not the site's few top-level pages (About, Contact): they become features,
flagged. The profile's ``[[cluster]]`` rules (``folder``, ``kind``) decide a folder's kind
outright. Linear: each page is compared with its folder's few templates.
"""

import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from reviews.kinds import KINDS

from .document import Kind, LegacyDocument, Removed
from .site import site_of
from .text import content_words

SAME_TEMPLATE = 0.5  # Jaccard similarity of two pages' chrome and slots
TEMPLATE_NOTE = "kind from its template"  # a page re-filed with no question left
SIGNING = "signed:"  # the key of the label a page is signed under
MIN_KEY_PAGES = 3  # a chrome line or slot on fewer of a folder's pages is no template's
MIN_CLUSTER = 5  # pages of one template before its majority decides the rest
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
) -> frozenset[str]:
    """A page's template, as the chrome it carried and the slots it filled (the label its
    byline is signed under apart: "Review by" and "by" are two templates); the page's own
    title in a chrome line is a placeholder ("{title} - Film Database" on every review)."""
    own = " ".join(title.lower().split())
    chrome = set()
    for entry in removed:
        if entry.reason.startswith(CHROME_REASONS):
            text = " ".join(entry.text.lower().split())
            if len(own) > 2 and own in text:
                text = text.replace(own, "{title}")
            chrome.add(_DIGITS.sub("#", text)[:120])
    signing = {f"{SIGNING}{label}" for label in signing_labels}
    return frozenset(chrome | signing | {f"slot:{label}" for label in slot_labels})


@dataclass
class Cluster:
    name: str
    keys: frozenset[str]
    members: list[int] = field(default_factory=list)  # positions in the run's documents


def cluster_pages(
    documents: Sequence[LegacyDocument],
    templates: dict[int, frozenset[str]],
    rules: Sequence[dict] = (),
) -> dict[int, Kind]:
    """Group the run's pages (``templates``: position -> ``template_keys``) by site, folder
    and template; name each page's cluster (``LegacyDocument.cluster``), flag outliers
    (``cluster_outlier``, a "check kind" warning) and return the kinds that change, by
    position: the page is parsed again as that kind (see the module's docstring)."""
    by_folder: dict[tuple[str, str], list[int]] = defaultdict(list)
    for position in templates:
        document = documents[position]
        if document.kind in CLUSTERED_KINDS:
            folder = posixpath.dirname(document.source_path)
            by_folder[site_of(document.source_path), folder].append(position)
    groups: dict[tuple[str, str], list[Cluster]] = {}
    for (site, folder), positions in by_folder.items():
        found = groups[site, folder] = _clusters(folder, positions, templates)
        for cluster in found:
            for position in cluster.members:
                documents[position].cluster = cluster.name
    tops = _top_folders(documents)
    changes: dict[int, Kind] = {}
    for (site, folder), found in groups.items():
        ruled = _profile_kind(folder, rules)
        for cluster in found:
            if ruled is not None:
                changes |= {p: ruled for p in cluster.members if documents[p].kind is not ruled}
            else:
                below_top = folder != tops.get(site, "")
                changes |= _majority(cluster, documents, folder, below_top, templates)
    return changes


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
    folder: str,
    below_top: bool,
    templates: dict[int, frozenset[str]],
) -> dict[int, Kind]:
    members = [(position, documents[position]) for position in cluster.members]
    if len(members) < MIN_CLUSTER:
        return {}
    kind, count = Counter(document.kind for _, document in members).most_common(1)[0]
    if count < MAJORITY * len(members):
        return {}
    where = f"{folder}/" if folder else "the top folder"
    if kind is Kind.PAGE and below_top:
        reason = f"{count} plain pages of one template in {where}: articles, not top-level pages"
        for _, document in members:
            if document.kind is Kind.PAGE:
                _flag(document, reason, "imported as a feature")
        return {p: Kind.FEATURE for p, document in members if document.kind is Kind.PAGE}
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
        if article and len(content_words(document.content_text)) >= ARTICLE_WORDS:
            changes[position] = kind
            if signed and signed <= templates[position]:
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


_KIND_NAMES = {Kind(kind.legacy_shapes[0]): kind.singular.lower() for kind in KINDS} | {
    Kind.PAGE: "plain page"
}


def _flag(document: LegacyDocument, reason: str, outcome: str) -> None:
    document.cluster_outlier = reason
    document.warnings.append(f"check kind: {reason}: {outcome}; map it with --map to change it")


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
