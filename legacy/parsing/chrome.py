"""Page furniture that must never become content: banners, nav bars, search, copyright.

The rules are deliberately about shapes (a run of nav words between pipes, a copyright
line, an image called logo) rather than about one template, because the archive's
templates drifted across editors and years.
"""

import functools
import re

from bs4 import BeautifulSoup, Tag

from textkit.markup import html_to_text, normalise_space

from .credits import is_credits
from .document import Removed
from .lexicon import Lexicon, active
from .ratings import is_rating
from .text import content_words
from .units import ImageRef, Unit
from .visible import removal, visible_text

_FREEFIND_REGION = re.compile(
    r"<!--\s*FreeFind\s+Begin\s+No\s+Index\s*-->.*?<!--\s*FreeFind\s+End\s+No\s+Index\s*-->",
    re.IGNORECASE | re.DOTALL,
)
# Word's "downlevel-revealed" markers: their content was shown, the markers were not.
_DOWNLEVEL_MARKERS = re.compile(r"<!\[\s*(?:if\s[^\]]*|endif)\s*\]>", re.IGNORECASE)
# Word's typed list bullets ("·", "1."): the list they mark is kept as a list (``units``).
_WORD_BULLET = re.compile(r"<!\[\s*if\s+!supportLists\s*\]>.*?<!\[\s*endif\s*\]>", re.I | re.S)

_SEPARATORS = re.compile(r"[\s|·•\-–—\[\]()/:*>»«<~_.,]+")
_CHROME_TEXT = re.compile(
    r"powered\s+by\s+freefind|search\s+this\s+site|^\s*(?:site|web)\s+search\s*$"
    r"|^\s*site\s+search\s*web\s+search\s*$|all\s+rights\s+reserved|^\s*(?:©|\(c\)\s*\d{4})"
    r"|^\s*copyright\b.*\b(?:19|20)\d\d\b|\bbest\s+viewed\s+(?:with|in|at)\b|\b(?:visitors?|hits)\s+since\b"
    r"|\byou\s+are\s+visitor\b|^\s*(?:this\s+page\s+was\s+)?last\s+(?:updated|modified)\b"
    r"|^\s*(?:back|return)\s+to\s+(?:the\s+)?top\b|created\s+with\s+(?:microsoft\s+)?frontpage",
    re.IGNORECASE,
)
CHROME_TEXT_MAX_WORDS = 30

_CHROME_CONTAINER = re.compile(
    r"nav|menu|sidebar|header|footer|banner|masthead|breadcrumb|copyright|search", re.I
)
CONTAINER_KEEP_WORDS = 40  # a "header" div with this much prose is a misnamed wrapper
LAYOUT_MAIN_WORDS = 100  # a layout table's main cell holds this many words at least
SIDEBAR_SHARE = 0.25  # a sidebar beside it holds under this share of its words
LINK_HEAVY_SHARE = 0.5  # ... of which at least this share are links
BAR_MIN_ITEMS = 3  # links between pipes or bullets: a nav bar

_STRONG_CHROME_IMAGE = re.compile(
    r"banner|logo|spacer|masthead|counter|sitemeter|statcounter|hitbox|webring|pixel|clear\.gif"
    r"|transparent|blank\.gif|shim\.gif|dot\.gif",
    re.IGNORECASE,
)
_WEAK_CHROME_IMAGE_TOKENS = {
    "nav", "home", "top", "back", "next", "prev", "previous", "bar", "line", "divider",
    "bullet", "arrow", "button", "btn", "header", "footer", "rule", "hr", "icon", "search",
    "email", "mail", "new",
}  # fmt: skip
_TITLE_IMAGE_TOKENS = {"title", "titles", "heading", "headings", "headline"}
ICON_SIZE = 16
# Alt texts that name a file or number a picture rather than say what it shows.
# a file name, as FrontPage writes automatic alt texts too: "storeimg.gif (3164 bytes)"
_FILE_NAME = re.compile(
    r"^\S+\.(?:gif|jpe?g|png|bmp|tiff?|webp|svg|ico|s?html?)(?:\s*\(\s*[\d.,]+\s*\w{0,6}\s*\))?$",
    re.I,
)
_IDENTIFIER = re.compile(r"^(?:\w*_\w*|[^\W\d_]{0,4}\d+[^\W\d_]?)$")  # img_0231, DSC01234
_HOME_LINK = re.compile(r"(?:^|/)(?:index|default|home)\.s?html?$|^(?:\.\./)*\.?/?$", re.I)


def strip_chrome_markup(html: str) -> tuple[str, list[Removed]]:
    """Remove FreeFind's marked region, Word's typed list bullets and its
    downlevel-revealed markers."""
    removed: list[Removed] = []

    def take(match: re.Match[str]) -> str:
        removed.extend(removal("a search box (FreeFind)", html_to_text(match.group(0))))
        return ""

    def bullet(match: re.Match[str]) -> str:
        removed.extend(removal("a list bullet typed by Word", html_to_text(match.group(0))))
        return ""

    html = _WORD_BULLET.sub(bullet, _FREEFIND_REGION.sub(take, html))
    return _DOWNLEVEL_MARKERS.sub("", html), removed


def remove_chrome_elements(
    soup: BeautifulSoup, site_names: frozenset[str] = frozenset()
) -> tuple[list[str], list[Removed]]:
    """Decompose nav/header/footer containers and layout sidebars; report what went.
    ``site_names``: the site's own names (``names.site_name_keys``), which a banner
    prints and a page's headline does not."""
    warnings: list[str] = []
    removed: list[Removed] = []
    for tag in list(soup.find_all(lambda tag: _is_chrome_container(tag, site_names))):
        if not tag.decomposed:
            _drop(tag, "a page-furniture block", warnings, removed, site_names)
    for cell in _sidebar_cells(soup):
        _drop(cell, "a sidebar", warnings, removed, site_names)
    return warnings, removed


def _drop(
    tag: Tag, what: str, warnings: list[str], removed: list[Removed], site_names: frozenset[str]
) -> None:
    """Remove chrome, but say so when it held words that are not known furniture."""
    words = _unexpected_words(tag, site_names)
    if words:
        warnings.append(f"dropped {what} with text: {' '.join(words[:12])!r}")
    removed += removal(what, visible_text(tag))
    tag.decompose()


def _is_chrome_container(tag: Tag, site_names: frozenset[str]) -> bool:
    if tag.name in {"html", "body", "td", "table", "tr"}:
        return False
    names = " ".join([*(tag.get("class") or []), str(tag.get("id") or "")])
    if tag.name in {"nav", "header", "footer"}:
        names += " nav"
    if not _CHROME_CONTAINER.search(names):
        return False
    if _holds_article_header(tag, site_names):
        return False
    return len(_prose_words(tag)) < CONTAINER_KEEP_WORDS


def _holds_article_header(tag: Tag, site_names: frozenset[str]) -> bool:
    """A "header" div that carries the review's own heading or credits is content."""
    for heading in tag.find_all(["h1", "h2", "h3"]):
        if " ".join(content_words(heading.get_text(" "))) not in site_names:
            return True
    return any(is_credits(line) for line in tag.get_text("\n").split("\n") if line.strip())


def _prose_words(tag: Tag) -> list[str]:
    """Words outside links: what distinguishes an article from a menu."""
    link_words = sum(len(content_words(a.get_text(" "))) for a in tag.find_all("a"))
    words = content_words(tag.get_text(" "))
    return words[link_words:] if link_words < len(words) else []


def _unexpected_words(tag: Tag, site_names: frozenset[str]) -> list[str]:
    """Words in a chrome container that are not nav labels, site names or boilerplate."""
    words: list[str] = []
    navigation = _navigation(active())
    for line in tag.get_text("\n").split("\n"):
        normalised = " ".join(content_words(line))
        if not normalised or normalised in navigation or normalised in site_names:
            continue
        if not _CHROME_TEXT.search(line):
            words.extend(normalised.split())
    return words


def _sidebar_cells(soup: BeautifulSoup) -> list[Tag]:
    """Narrow link-heavy cells beside the cell that holds most of the page's words."""
    body = soup.body or soup
    total = len(content_words(body.get_text(" ")))
    sidebars: list[Tag] = []
    for row in soup.find_all("tr"):
        cells = row.find_all(["td", "th"], recursive=False)
        if len(cells) < 2:
            continue
        sizes = [len(content_words(cell.get_text(" "))) for cell in cells]
        main = max(sizes)
        if main < LAYOUT_MAIN_WORDS or main < total / 2:
            continue  # a data table, not the page layout
        for cell, size in zip(cells, sizes, strict=True):
            if size < main * SIDEBAR_SHARE and _is_link_heavy(cell, size):
                sidebars.append(cell)
    return sidebars


def _is_link_heavy(cell: Tag, size: int) -> bool:
    link_words = sum(len(content_words(a.get_text(" "))) for a in cell.find_all("a"))
    return size == 0 or link_words >= size * LINK_HEAVY_SHARE


@functools.cache
def _navigation(lex: Lexicon) -> frozenset[str]:
    """A nav bar's labels, as ``content_words`` joins them ("e mail", "a z")."""
    return frozenset(" ".join(content_words(word)) for word in lex["chrome.navigation"])


def is_chrome_image(ref: ImageRef, site_names: frozenset[str] = frozenset()) -> bool:
    """Banners, logos, spacers, counters, buttons: never content images."""
    if not ref.src:
        return True
    if is_rating(ref.alt):
        return False  # stars or a score drawn as a picture, however small: the review's
    if _STRONG_CHROME_IMAGE.search(ref.src) or _STRONG_CHROME_IMAGE.search(ref.alt):
        return True
    alt = " ".join(content_words(ref.alt))
    if alt and (alt in site_names or alt.replace(" ", "") in site_names):
        return True
    if ref.href is not None and (alt in _navigation(active()) or _HOME_LINK.search(ref.href)):
        return True  # a nav button, or a logo linking home
    if any(size is not None and size <= ICON_SIZE for size in (ref.width, ref.height)):
        return True
    file_tokens = set(re.split(r"[^a-z0-9]+", ref.src.lower().rsplit("/", 1)[-1]))
    return bool(file_tokens & _WEAK_CHROME_IMAGE_TOKENS)


def is_title_image(ref: ImageRef) -> bool:
    """A graphic that prints the title (images/titles/x.gif): its alt is the title."""
    tokens = set(re.split(r"[^a-z0-9]+", ref.src.lower()))
    return bool(tokens & _TITLE_IMAGE_TOKENS)


def is_chrome_unit(unit: Unit, site_names: frozenset[str] = frozenset()) -> bool:
    """Nav bars, copyright lines, search boilerplate, counters, a bare site name."""
    if unit.image is not None:
        return is_chrome_image(unit.image, site_names)
    text = unit.text
    words = content_words(text)
    if not words:
        return False
    if " ".join(words) in site_names:
        return True
    if len(words) <= CHROME_TEXT_MAX_WORDS and any(
        _CHROME_TEXT.search(line) for line in [text, *unit.line_texts]
    ):
        return True
    return is_nav_unit(unit, site_names)


def is_nav_unit(unit: Unit, site_names: frozenset[str] = frozenset()) -> bool:
    """Only links and separators, and the links are site sections (or a pipe-bar)."""
    link_texts: list[str] = []
    other = []
    for span in unit.spans:
        (link_texts if span.style.link else other).append(span.text)
    if not link_texts or _SEPARATORS.sub("", "".join(other)):
        return False
    labels = [" ".join(content_words(text)) for text in _join_link_runs(unit)]
    labels = [label for label in labels if label]
    navigation = _navigation(active())
    if labels and all(label in navigation or label in site_names for label in labels):
        return True
    if all(len(label) == 1 for label in labels):
        return True  # an A | B | C jump bar
    separators = "".join(other)
    return len(labels) >= BAR_MIN_ITEMS and bool(re.search(r"[|·•\[\]]", separators))


def _join_link_runs(unit: Unit) -> list[str]:
    """Texts of consecutive spans sharing one link ("<a><b>About</b> Us</a>")."""
    runs: list[str] = []
    previous = None
    for span in unit.spans:
        href = (span.style.link, span.style.href)
        if not span.style.link:
            previous = None
            continue
        if href == previous and runs:
            runs[-1] += span.text
        else:
            runs.append(span.text)
        previous = href
    return runs


def alt_carries_words(alt: str) -> bool:
    """Whether an image's alt text says something a reader should keep ("8/10", "Amélie
    Poulain"), judged by its shape: a file name, a picture number ("img_0231", "DSC01234"),
    a single character, or only punctuation or digits (a counter, "***", "-") is decoration.
    Spacers, bullets and buttons never reach here: their units are chrome (above)."""
    text = normalise_space(alt)
    if is_rating(text):
        return True
    words = content_words(text)
    if len(text) <= 1 or not words or _FILE_NAME.match(text):
        return False
    if all(word.isdigit() for word in words) and "/" not in text:
        return False
    return not (len(words) == 1 and _IDENTIFIER.match(text))
