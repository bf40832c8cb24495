"""Old-site paths: finding the files of a mirror and resolving the links between them.

Every old page is known by its *key*: its path inside the mirror, lower-cased, with a
folder's ``index.html`` spelled ``index.htm`` (``reviews/neverletmego.htm``). The old
site ran on a case-insensitive server and readers linked with every spelling, so keys
(and the redirects made from them) ignore letter case.
"""

import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import unquote, urlsplit

PAGE_SUFFIXES = (".htm", ".html")
INDEX_KEY_NAME = "index.htm"
EXTERNAL_SCHEMES = {"http", "https", "mailto"}


@dataclass(frozen=True)
class SourceFile:
    path: Path  # on disk
    key: str  # mirror-relative key (see module docstring)


def page_key(relative_path: str) -> str:
    """The key of an old page from its mirror path: ``Reviews/X.HTM`` → ``reviews/x.htm``."""
    path = posixpath.normpath(unquote(relative_path).replace("\\", "/")).lstrip("/").lower()
    if path in {".", ""}:
        return INDEX_KEY_NAME
    if path.endswith("/index.html") or path == "index.html":
        path = path[: -len("index.html")] + INDEX_KEY_NAME
    return path


def is_page_path(path: str) -> bool:
    return path.lower().endswith(PAGE_SUFFIXES)


def walk_sources(paths: Iterable[Path], root: Path | None = None) -> list[SourceFile]:
    """Every *.htm/*.html under the given folders (recursively) and the given files.

    Keys are relative to the folder given (the mirror root) or, for single files, to ``root``
    (default: the file's own folder).
    """
    found: dict[str, SourceFile] = {}
    for given in paths:
        for file_path, mirror_root in _files_with_roots(Path(given), root):
            key = page_key(file_path.relative_to(mirror_root).as_posix())
            found.setdefault(key, SourceFile(path=file_path, key=key))
    return sorted(found.values(), key=lambda source: source.key)


def _files_with_roots(given: Path, root: Path | None) -> Iterator[tuple[Path, Path]]:
    if given.is_dir():
        for file_path in sorted(given.rglob("*")):
            hidden = any(part.startswith(".") for part in file_path.relative_to(given).parts)
            if file_path.is_file() and is_page_path(file_path.name) and not hidden:
                yield file_path, given
    else:
        mirror_root = (root or given.parent).resolve()
        yield given.resolve(), mirror_root


class LinkKind(StrEnum):
    PAGE = "page"  # another old page of the site: rewritten to the imported page
    FILE = "file"  # another old file that is not a page (image, PDF)
    EXTERNAL = "external"  # another site or an email address: kept as is
    ANCHOR = "anchor"  # a jump within the same page: no target in Wagtail, kept as text
    UNSAFE = "unsafe"  # javascript:, data: and friends: removed


@dataclass(frozen=True)
class LinkTarget:
    kind: LinkKind
    value: str  # the key for PAGE/FILE, the URL for EXTERNAL


def resolve_href(href: str, source_key: str, base_url: str = "") -> LinkTarget:
    """What an href written on the page ``source_key`` points at."""
    href = href.strip()
    parts = urlsplit(href)
    scheme = parts.scheme.lower()
    if scheme and scheme not in EXTERNAL_SCHEMES:
        return LinkTarget(LinkKind.UNSAFE, href)
    if scheme in {"http", "https"} or href.startswith("//"):
        local_path = _path_on_old_site(href, base_url)
        if local_path is None:
            return LinkTarget(LinkKind.EXTERNAL, href)
        return _local_target(local_path)
    if scheme == "mailto":
        return LinkTarget(LinkKind.EXTERNAL, href)
    if not parts.path:
        return LinkTarget(LinkKind.ANCHOR, href)
    if parts.path.startswith("/"):
        return _local_target(parts.path)
    folder = posixpath.dirname(source_key)
    return _local_target(posixpath.join("/", folder, parts.path))


def _path_on_old_site(href: str, base_url: str) -> str | None:
    """The path of an absolute URL when it points into the old site, else None."""
    if not base_url:
        return None
    url, base = urlsplit(href), urlsplit(base_url)
    if _bare_host(url.hostname) != _bare_host(base.hostname):
        return None
    base_path = base.path if base.path.endswith("/") else base.path + "/"
    path = url.path or "/"
    if not path.lower().startswith(base_path.lower()) and path + "/" != base_path:
        return None
    return "/" + path[len(base_path) :]


def _bare_host(host: str | None) -> str:
    host = (host or "").lower()
    return host.removeprefix("www.")


def _local_target(path: str) -> LinkTarget:
    clean = urlsplit(path).path
    if clean.endswith("/") or is_page_path(clean) or not posixpath.splitext(clean)[1]:
        key = page_key(clean if not clean.endswith("/") else clean + INDEX_KEY_NAME)
        if not is_page_path(key):  # "/reviews" (a folder without its slash)
            key = posixpath.join(key, INDEX_KEY_NAME)
        return LinkTarget(LinkKind.PAGE, key)
    return LinkTarget(LinkKind.FILE, page_key(clean))


def old_url_path(key: str) -> str:
    """The URL path readers used for a key: ``/reviews/neverletmego.htm``."""
    return "/" + key


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
