"""Old-site URL paths: the one spelling under which an old page's URL is stored.

Every old page is known by its *key*: its path inside the mirror, lower-cased, with a
folder's ``index.html`` spelled ``index.htm`` (``reviews/neverletmego.htm``). The old
site ran on a case-insensitive server and readers linked with every spelling, so keys
(and the redirects made from them) ignore letter case. The importer stores redirects
under these keys; the middleware finds them again from any spelling a reader types.
"""

import posixpath
import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

# Static pages, and the pages of dynamic sites as mirrors saved them (server code and all).
PAGE_SUFFIXES = (".htm", ".html", ".shtml", ".php", ".php3", ".asp")
INDEX_KEY_NAME = "index.htm"


# Escapes never decoded: a name holding them ("%2E%2E%2Freviews%2Fx.htm") is one name,
# never a path into another folder.
_KEPT_ESCAPES = re.compile(r"(%(?:2f|5c|00))", re.IGNORECASE)
_DOT_SEGMENTS = frozenset({".", ".."})


def page_key(relative_path: str) -> str:
    """The key of an old page from its path in a link: ``Reviews/X.HTM`` → ``reviews/x.htm``.

    Percent-escapes are decoded one segment at a time, never into a separator, a NUL or a
    ``..`` (``_decoded_segment``); backslashes are the separators of Windows-made links."""
    segments = relative_path.replace("\\", "/").split("/")
    return _key("/".join(_decoded_segment(segment) for segment in segments))


def file_key(parts: Iterable[str]) -> str:
    """The key of a file from the names of its folders and its own name as they are on
    disk: a name is never split or climbed out of (a backslash in it is not a separator,
    ``%2F`` and ``%2E%2E`` stay as they are)."""
    return _key("/".join(_decoded_segment(part.replace("\\", "%5c")) for part in parts))


def _decoded_segment(segment: str) -> str:
    """One segment with its percent-escapes decoded, except those of ``/``, ``\\`` and NUL,
    and a segment that would decode to ``.`` or ``..`` (or to text that is not UTF-8),
    which is kept as written."""
    pieces = _KEPT_ESCAPES.split(segment)  # odd positions: the kept escapes
    try:
        decoded = "".join(
            piece.lower() if position % 2 else unquote(piece, errors="strict")
            for position, piece in enumerate(pieces)
        )
    except UnicodeDecodeError:
        return segment
    return segment if decoded in _DOT_SEGMENTS and segment not in _DOT_SEGMENTS else decoded


def _key(path: str) -> str:
    path = posixpath.normpath(path).lstrip("/").lower()
    if path in {".", ""}:
        return INDEX_KEY_NAME
    if path.endswith("/index.html") or path == "index.html":
        path = path[: -len("index.html")] + INDEX_KEY_NAME
    return path


def is_page_path(path: str) -> bool:
    return path.lower().endswith(PAGE_SUFFIXES)


def url_prefix(base_url: str) -> str:
    """The path every old URL of a site starts with: ``/``, or ``/1999/`` for a site that
    lived at ``http://host/1999/`` (``--base-url``): the mirror's root is that folder."""
    path = unquote(urlsplit(base_url).path).strip("/").lower() if base_url else ""
    return f"/{path}/" if path else "/"


def old_url_path(key: str, prefix: str = "/") -> str:
    """The URL path readers used for a key: ``/reviews/neverletmego.htm``, or under the
    site's ``url_prefix``, ``/1999/reviews/neverletmego.htm``."""
    return prefix + key


def redirect_lookup_paths(request_path: str) -> list[str]:
    """Old paths (as stored) that a request for an old page, in any spelling, may mean.

    ``/Reviews/NeverLetMeGo.htm`` → ``/reviews/neverletmego.htm``; a folder, its
    ``index.htm`` and ``index.html`` all mean the stored ``/folder/index.htm``.
    """
    path = urlsplit(request_path).path
    lowered = path.lower()
    if not (lowered.endswith("/") or is_page_path(lowered)):
        return []
    key = page_key(lowered + INDEX_KEY_NAME if lowered.endswith("/") else lowered)
    # .htm and .html were used interchangeably by readers (and by the old server's editors).
    other = key[:-1] if key.endswith(".html") else key + "l"
    candidates = [old_url_path(key), old_url_path(other)]
    if key.endswith("/" + INDEX_KEY_NAME) or key == INDEX_KEY_NAME:
        candidates.append(old_url_path(key[: -len(INDEX_KEY_NAME)]))
    return candidates
