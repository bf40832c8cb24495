"""Old-site paths: finding the files of a mirror and resolving the links between them.

Every old page is known by its *key*: its path inside the mirror, lower-cased, with a
folder's ``index.html`` spelled ``index.htm`` (``reviews/neverletmego.htm``). The old
site ran on a case-insensitive server and readers linked with every spelling, so keys
(and the redirects made from them) ignore letter case.
"""

import os
import posixpath
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit

from oldurls.paths import INDEX_KEY_NAME, PAGE_SUFFIXES, file_key, is_page_path, page_key

from .richtext import URL_SCHEMES


@dataclass(frozen=True)
class SourceFile:
    path: Path | None  # on disk, fully resolved and inside the mirror; None when refused
    key: str  # mirror-relative key (see module docstring)
    refused: str = ""  # why the importer will not read it (a link leading out, a loop)
    alias_of: str = ""  # the key of the mirror file this inside link points at
    name: str = ""  # its path in the mirror as on disk (``Reviews/X.htm``), for reports


class Refused(Exception):
    """A mirror file the importer will not read; the message says why, for the report."""


class TooLarge(Refused):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size} bytes, over the limit of {limit}")
        self.size, self.limit = size, limit


class MirrorRoots:
    """The folders a run may read from. ``contains`` is the one place that decides whether a
    path is inside them, on the path with every link resolved (``locate``); every file the
    importer opens was found by ``walk`` or ``locate``, and is opened by ``read_file``."""

    def __init__(self, roots: Iterable[Path]) -> None:
        self.roots = tuple(dict.fromkeys(Path(root).resolve() for root in roots))

    def contains(self, real: Path) -> bool:
        """Whether a fully resolved path is inside one of the roots."""
        return any(real.is_relative_to(root) for root in self.roots)

    def locate(self, path: Path) -> Path:
        """The real file behind ``path``; Refused if links lead out of the roots or loop."""
        try:
            real = Path(path).resolve(strict=True)
        except RuntimeError:  # Python 3.11 reports a symlink loop this way
            raise Refused("a symlink loop (the link leads back to itself)") from None
        except OSError as error:  # a broken link, or ELOOP on newer Pythons
            raise Refused(
                f"a broken symlink or unreadable file ({error.strerror or error})"
            ) from None
        if not self.contains(real):
            raise Refused("a symlink that links outside the mirror")
        if not real.is_file():
            raise Refused("not a regular file (a folder, pipe or device)")
        return real

    def walk(self, given: Path, suffixes: tuple[str, ...]) -> Iterator[SourceFile]:
        """The files with these suffixes below the folder ``given``, each as its real path,
        and every link that leads out or loops, refused. Hidden files and folders are left
        out. Symlinked folders are not entered (their files are walked where they really
        are, so nothing is read twice and no folder loop is followed); one that leads out
        is reported."""
        top = Path(given).resolve()
        for folder, folders, files in os.walk(top):
            here = Path(folder)
            folders[:] = sorted(name for name in folders if not name.startswith("."))
            for name in list(folders):
                if (here / name).is_symlink():
                    folders.remove(name)
                    refused = self._refused_folder(here / name, top)
                    if refused:
                        yield refused
            for name in sorted(files):
                if not name.startswith(".") and name.lower().endswith(suffixes):
                    yield self._entry(here / name, top, suffixes)

    def _refused_folder(self, link: Path, top: Path) -> SourceFile | None:
        key = file_key(link.relative_to(top).parts) + "/"
        try:
            real = link.resolve(strict=True)
        except (RuntimeError, OSError):
            return SourceFile(None, key, refused="a symlink loop or broken folder symlink")
        if not self.contains(real):
            return SourceFile(None, key, refused="a folder symlink that links outside the mirror")
        return None  # inside: its files are walked where they are

    def _entry(self, path: Path, top: Path, suffixes: tuple[str, ...]) -> SourceFile:
        name = path.relative_to(top).as_posix()
        key = file_key(path.relative_to(top).parts)
        try:
            real = self.locate(path)
        except Refused as refused:
            return SourceFile(None, key, refused=str(refused), name=name)
        alias_of = ""
        if real != path and real.is_relative_to(top):  # a link that stays inside
            inside = real.relative_to(top)
            visible = not any(part.startswith(".") for part in inside.parts)
            if visible and real.name.lower().endswith(suffixes):
                alias_of = file_key(inside.parts)  # walked under its own name too
        if alias_of == key:  # Reviews/X.htm -> reviews/x.htm: one page, one key
            alias_of = ""
        return SourceFile(real, key, alias_of=alias_of, name=name)


def read_file(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a file ``MirrorRoots`` found, never more than ``limit``: the size is
    checked before anything is read (TooLarge), and a file swapped for a symlink since the
    walk is not followed."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        raise Refused(f"unreadable ({error.strerror or error})") from None
    with os.fdopen(handle, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise Refused("not a regular file")
        if limit is not None and status.st_size > limit:
            raise TooLarge(status.st_size, limit)
        data = file.read() if limit is None else file.read(limit + 1)
    if limit is not None and len(data) > limit:  # it grew since fstat
        raise TooLarge(len(data), limit)
    return data


def mirror_roots(paths: Iterable[Path], root: Path | None = None) -> MirrorRoots:
    """The roots of a run: the folders given, and ``root`` (or each file's folder) for
    files given on their own."""
    paths = [Path(path) for path in paths]
    folders = [path for path in paths if path.is_dir()]
    singles = [root or path.absolute().parent for path in paths if not path.is_dir()]
    return MirrorRoots([*folders, *singles])


def walk_sources(paths: Iterable[Path], root: Path | None = None) -> list[SourceFile]:
    """Every page (``PAGE_SUFFIXES``) under the given folders (recursively) and the given files.

    Keys are relative to the folder given (the mirror root) or, for single files, to ``root``
    (default: the file's own folder). A file that links out of the roots is listed with
    ``refused`` set, and never read.

    Two files whose keys are the same (``Reviews/X.htm`` and ``reviews/x.htm``, or
    ``index.html`` beside ``index.htm``) cannot both have the old path: the one spelt as its
    key, else the first by name, keeps it; each other is listed under its own name as on
    disk, refused with the reason (``same_old_path``).
    """
    paths = [Path(path) for path in paths]
    roots = mirror_roots(paths, root)
    by_key: dict[str, list[SourceFile]] = {}
    for given in paths:
        for source in _sources_of(given, root, roots):
            by_key.setdefault(source.key, []).append(source)
    found = []
    for key, sharing in by_key.items():
        # A readable file first, then the one spelt as its key, then by name.
        sharing.sort(key=lambda source: (source.path is None, source.name != key, source.name))
        kept = []
        for source in sharing:
            if not any(_same_file(source, other) for other in kept):
                kept.append(source)
        found += [kept[0], *(same_old_path(other, kept[0]) for other in kept[1:])]
    return sorted(found, key=lambda source: source.key)


def _same_file(one: SourceFile, other: SourceFile) -> bool:
    """The same file reached twice: a folder and a file in it both given, or a symlink
    whose name differs from its target's in case only."""
    return one.path is not None and one.path == other.path


def same_old_path(other: SourceFile, kept: SourceFile) -> SourceFile:
    """A file that cannot have its old path because ``kept`` has it: reported under its
    name on disk, never read, never merged into the page of the other."""
    reason = (
        f"its old path /{kept.key} is already the old path of {kept.name or kept.key}, "
        "which is imported under it (rename one of the two files to import both)"
    )
    return SourceFile(None, other.name, refused=reason, name=other.name)


def _sources_of(given: Path, root: Path | None, roots: MirrorRoots) -> Iterator[SourceFile]:
    if given.is_dir():
        yield from roots.walk(given, PAGE_SUFFIXES)
        return
    mirror_root = (root or given.absolute().parent).resolve()
    link = given.absolute().parent.resolve() / given.name  # the name as given, not followed
    if not link.is_relative_to(mirror_root):
        key = file_key([given.name])
        yield SourceFile(None, key, refused="not inside the mirror root", name=given.name)
        return
    name = link.relative_to(mirror_root).as_posix()
    key = file_key(link.relative_to(mirror_root).parts)
    try:
        yield SourceFile(roots.locate(link), key, name=name)
    except Refused as refused:
        yield SourceFile(None, key, refused=str(refused), name=name)


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
    if scheme and scheme not in URL_SCHEMES:
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
        return _local_target(_within_base(parts.path, base_url))
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


def _within_base(path: str, base_url: str) -> str:
    """A root-relative path on the old site as a path in the mirror: ``/1999/x.htm`` is
    ``/x.htm`` when the site lived under ``http://host/1999/`` (its mirror's root)."""
    base_path = urlsplit(base_url).path.rstrip("/") if base_url else ""
    if base_path and path.lower().startswith(base_path.lower() + "/"):
        return path[len(base_path) :]
    return path


def old_site_path(src: str, base_url: str) -> str | None:
    """Where a link or image source written on the old site points in the mirror, as a
    path from its root ("/images/x.gif"), for absolute URLs into the old site and
    root-relative paths (under the ``--base-url`` path); None for anything else."""
    parts = urlsplit(src.strip())
    if parts.scheme.lower() in {"http", "https"} or src.strip().startswith("//"):
        return _path_on_old_site(src.strip(), base_url)
    if parts.scheme or not parts.path.startswith("/"):
        return None
    return _within_base(parts.path, base_url)


def _bare_host(host: str | None) -> str:
    host = (host or "").lower()
    return host.removeprefix("www.")


def names_a_file(path: str) -> bool:
    """Whether a path on a site names a file that is no page (a picture, a module, an
    archive), not a page, a folder or a script's page."""
    clean = urlsplit(path).path
    return not (clean.endswith("/") or is_page_path(clean) or not posixpath.splitext(clean)[1])


def _local_target(path: str) -> LinkTarget:
    clean = urlsplit(path).path
    if not names_a_file(clean):
        key = page_key(clean if not clean.endswith("/") else clean + INDEX_KEY_NAME)
        if not is_page_path(key):  # "/reviews" (a folder without its slash)
            key = posixpath.join(key, INDEX_KEY_NAME)
        return LinkTarget(LinkKind.PAGE, key)
    return LinkTarget(LinkKind.FILE, page_key(clean))
