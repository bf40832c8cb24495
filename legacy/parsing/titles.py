"""The page's title: the most specific of its <title> and its visible headline (pure).

Candidates: the <title> (site-name and section segments stripped), the first <h1>, title
images' alt text, the first alt text and a bold first line. Specificity is judged by shape,
never by word lists for one site or language: an editor default, a folder name of the path
("films" in films/), a single all-caps word ("BOOKS") or an over-long line names no page;
otherwise more distinct words, and words shared with the file name, are more specific. A
tie goes to the visible <h1>: templates set <title>s, authors write headlines.

The candidate not chosen is never dropped: a visible headline stays in the body, a <title>
that says something the page does not comes back as ``kept`` (the first block), and a
byline folded into a title ("..., Review by Elsa Dorfman") comes back as ``byline``.
"""

import functools
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from textkit.markup import normalise_space

from .bylines import is_person_name
from .lexicon import Lexicon, active
from .text import content_words

MAX_TITLE_WORDS = 12
STEM_BONUS = 2  # words shared with the file name ("amelie.htm") mark the page's own title

_GENERIC_TITLE_FORMS = re.compile(r"^(?:new page|untitled|document|page)\s*\d*$", re.IGNORECASE)
_TITLE_SEPARATOR = re.compile(r"(\s+[-–—|·•»]+\s+|\s*::\s*|:\s+)")
_REVIEW_BY = r"(?:a\s+)?(?:(?:film|book|movie)\s+)?review(?:ed)?\s+by\s+"
_TRAILING_BYLINE = re.compile(
    rf"\s*(?:[,;|(\[–—-]\s*)?\b{_REVIEW_BY}(?P<name>[^,;:|()\[\]–—]+?)\s*[)\]]?\s*$",
    re.IGNORECASE,
)
_SITE_SEPARATOR = re.compile(r"\s+[-–—|·•»]+\s+|\s*::\s*")
_BYLINE_SEGMENT = re.compile(rf"^{_REVIEW_BY}(?P<name>.+?)\.?$", re.IGNORECASE)
_GENERIC_STEM = re.compile(r"^(?:index|default|contents|archive|sitemap|page|new)", re.I)


@dataclass
class TitleChoice:
    title: str
    keys: set[tuple[str, ...]] = field(default_factory=set)  # lines printing the title
    byline: str = ""  # a reviewer's name taken out of a title
    kept: str = ""  # a specific <title> not chosen: becomes the first block
    note: str = ""  # a <title> not chosen for being generic, for the warnings


@dataclass(frozen=True)
class _PathContext:
    folders: frozenset[str] = frozenset()  # folder names, letters and digits only
    stem_words: frozenset[str] = frozenset()
    site_names: frozenset[str] = frozenset()  # ``names.site_name_keys``

    @classmethod
    def of(
        cls,
        source_path: str,
        site_folders: frozenset[str] = frozenset(),
        site_names: frozenset[str] = frozenset(),
    ) -> "_PathContext":
        """``site_folders``: every folder of the site ("films" names a section on any page);
        ``site_names``: the site's own names, given or learnt from its <title>s."""
        path = PurePosixPath(source_path.replace("\\", "/").lower())
        parts = {*path.parent.parts, *site_folders}
        folders = frozenset(re.sub(r"[\W_]+", "", part) for part in parts)
        stem = path.stem
        words = [] if _GENERIC_STEM.match(stem) else content_words(re.sub(r"[_\-]+", " ", stem))
        stem_words = frozenset(w for w in words if len(w) > 2 and not w.isdigit())
        return cls(folders - {""}, stem_words, site_names)


def title_parts(title: str) -> list[str]:
    """ "Kino Kiste - Flut" -> ["Kino Kiste", "Flut"]: the segments a <title> is cut into."""
    return _TITLE_SEPARATOR.split(normalise_space(title))[0::2]


def key(text: str) -> tuple[str, ...]:
    return tuple(content_words(text))


def is_generic_title(text: str, site_names: frozenset[str] = frozenset()) -> bool:
    """Site names, section names and editor defaults ("New Page 1") say nothing specific;
    "Talking Pictures Reviews" is generic too, "About Talking Pictures" is not (when the
    site is named "Talking Pictures"). Section names are the lexicon's generic titles."""
    joined = " ".join(key(text))
    for site in sorted(site_names, key=len, reverse=True):
        joined = joined.replace(site, "").strip()
    generic = _generic_titles(active())
    return not joined or joined in generic or bool(_GENERIC_TITLE_FORMS.match(joined))


@functools.cache
def _generic_titles(lex: Lexicon) -> frozenset[str]:
    return frozenset(" ".join(content_words(title)) for title in lex["titles.generic"])


def _names_a_folder(text: str, context: _PathContext) -> bool:
    """ "films" in films/, "Video store" in videostore/: the section, not the page."""
    joined = "".join(key(text))
    return bool(joined) and any(
        joined in {folder, folder + "s"} or joined + "s" == folder for folder in context.folders
    )


def _is_section_label(text: str, context: _PathContext) -> bool:
    words = key(text)
    all_caps_word = len(words) == 1 and text.isupper() and len(text) > 1
    generic = is_generic_title(text, context.site_names)
    return generic or all_caps_word or _names_a_folder(text, context)


def clean_page_title(
    raw: str,
    source_path: str = "",
    site_folders: frozenset[str] = frozenset(),
    site_names: frozenset[str] = frozenset(),
) -> str:
    """Drop site-name and section parts from either end of a <title>:
    "Talking Pictures - Book Review - The Remains of the Day" -> "The Remains of the Day"."""
    context = _PathContext.of(source_path, site_folders, site_names)
    parts = _TITLE_SEPARATOR.split(normalise_space(raw))
    texts, separators = parts[0::2], parts[1::2]
    start, end = 0, len(texts)
    while end - start > 1 and _is_section_label(texts[start], context):
        start += 1
    while end - start > 1 and _is_section_label(texts[end - 1], context):
        end -= 1
    kept = [texts[start]]
    for index in range(start + 1, end):
        kept += [separators[index - 1], texts[index]]
    return "".join(kept).strip()


def split_byline(title: str) -> tuple[str, str]:
    """ "Never Let Me Go, Review by Elsa Dorfman" -> ("Never Let Me Go", "Elsa Dorfman");
    "Fargo - reviewed by Ann Lee" likewise. A title that is only a byline stays whole."""
    match = _TRAILING_BYLINE.search(title)
    if match and match.start() > 0 and is_person_name(match["name"], allow_single_word=True):
        return title[: match.start()].rstrip(" ,;:-–—|"), match["name"].strip()
    parts = _TITLE_SEPARATOR.split(title)
    texts, separators = parts[0::2], parts[1::2]
    for index, text in enumerate(texts):
        found = _BYLINE_SEGMENT.match(text.strip())
        if len(texts) > 1 and found and is_person_name(found["name"], allow_single_word=True):
            rest = texts[:index] + texts[index + 1 :]
            seps = separators[: max(index - 1, 0)] + separators[index:]
            joined = [rest[0]]
            for position, piece in enumerate(rest[1:]):
                joined += [seps[position] if position < len(seps) else " - ", piece]
            return "".join(joined).strip(), found["name"].strip()
    return title, ""


def _page_segment(title: str, headline: str, context: _PathContext) -> str:
    """Of "Kino Kiste - Never Let Me Go", the part the headline or the file name repeats;
    the others name the site. The whole title when no single part is singled out, or when
    the headline repeats it whole ("Scheme - les données")."""
    segments = _SITE_SEPARATOR.split(title)
    if len(segments) < 2 or key(title) == key(headline):
        return title  # one part, or the headline prints it whole: none names the site
    matching = [
        part
        for part in segments
        if key(part) and (key(part) == key(headline) or set(key(part)) & context.stem_words)
    ]
    return matching[0].strip() if len(matching) == 1 else title


def _specificity(text: str, context: _PathContext, segments: list[str]) -> int:
    """0 for a title that names no page; else distinct words (of the best segment of a
    <title>: the others are the site's name), more when the file name shares them."""
    words = set(key(text))
    if not words or len(key(text)) > MAX_TITLE_WORDS or _is_section_label(text, context):
        return 0
    scores = [
        len(set(key(part))) for part in segments if not _is_section_label(part, context)
    ] or [len(words)]
    return max(scores) + (STEM_BONUS if words & context.stem_words else 0)


def choose_title(
    page_title: str,
    headline: str,
    others: list[str],
    source_path: str,
    prefer_heading: bool = False,
    site_folders: frozenset[str] = frozenset(),
    site_names: frozenset[str] = frozenset(),
) -> TitleChoice:
    """``headline`` is the first <h1>; ``others`` the weaker visible candidates in order
    (title images' alt, the first alt text, a bold first line), which only stand in for a
    <title> and <h1> that name no page."""
    context = _PathContext.of(source_path, site_folders, site_names)
    full, title_byline = split_byline(
        clean_page_title(page_title, source_path, site_folders, site_names)
    )
    head, head_byline = split_byline(normalise_space(headline))
    cleaned = _page_segment(full, head, context)
    visible = [split_byline(normalise_space(text)) for text in others if text]
    segments = _SITE_SEPARATOR.split(cleaned)
    scored: list[tuple[str, int, int]] = []  # text, specificity, preference
    if cleaned:
        scored.append((cleaned, _specificity(cleaned, context, segments), 1))
    if head:
        scored.append((head, _specificity(head, context, [head]), 3 if prefer_heading else 2))
    if not any(score for _, score, _ in scored):  # weaker lines compete with no <title>
        scored += [(text, _specificity(text, context, [text]), 0) for text, _ in visible if text]
    if not scored:
        return TitleChoice("")
    # Word fills <title> from document properties: its specific heading always wins.
    best = max(scored, key=lambda e: (e[1] > 0, e[2]) if prefer_heading else (e[1], e[2]))
    if best[1] == 0:  # nothing specific by shape: the first that is not an editor default
        pair = [head, cleaned] if prefer_heading else [cleaned, head]
        fallback = [text for text in pair if text] + [text for text, _ in visible if text]
        specific = [text for text in fallback if not _is_section_label(text, context)]
        named = [text for text in fallback if not is_generic_title(text, site_names)]
        best = ((specific or named or fallback)[0], 0, 0)
    title = best[0].replace("\n", " ")
    chosen_words = set(key(title))
    keys = {key(title), key(cleaned)} | {
        key(text)
        for text in [headline, *others]
        if text and set(key(split_byline(normalise_space(text))[0])) <= chosen_words
    }
    choice = TitleChoice(title, {k for k in keys if k})
    bylines = [title_byline, head_byline, *(name for _, name in visible)]
    choice.byline = next((name for name in bylines if name), "")
    if cleaned and not set(key(cleaned)) <= chosen_words:
        # A one-part <title> is the page's other name; "Site - Section" is template chrome.
        if _specificity(cleaned, context, segments) and len(segments) == 1:
            choice.kept = cleaned
        elif not is_generic_title(cleaned, site_names):
            choice.note = (
                f"<title> {cleaned!r} not used as the title: it names the site or section"
            )
    return choice


def title_from_path(source_path: str) -> str:
    """A page with no title is named by its file: "never-let-me-go.htm" -> "Never Let Me Go"."""
    stem = PurePosixPath(source_path.replace("\\", "/")).stem
    words = re.sub(r"[_\-]+", " ", stem).strip()
    return words.title() if words else "Untitled"
