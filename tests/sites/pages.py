"""Whole old sites for the importer's tests: pages described as plain data, rendered in the
markup of a period editor (FrontPage 3, FrontPage 2000 shared borders, NetObjects Fusion,
HTML by hand) and written to a folder as a mirror.

A ``Site`` is a name, a template and its pages; ``Site.render()`` is a dict path -> html,
``Site.write(folder)`` writes it, ``Site.expected()`` gives each page's ``expect`` (what a
test knows about it: kind, date, summary ...). See /work/notes/i23b-status.md for the API.
"""

import posixpath
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

LINE_BREAK = "<br>\n    "  # between the nav links of a FrontPage 3 side cell
TEMPLATES = ("frontpage3", "frontpage4", "netobjects", "handmade")


@dataclass
class Picture:
    """An image, optionally a link. ``alt`` may hold ``{title}`` (the page's own title) to
    write the alt texts sites made from it ("{title} - Film Database")."""

    src: str
    alt: str = ""
    href: str = ""  # a site path ("store.htm") or an absolute URL
    width: int = 120
    height: int = 90


@dataclass
class Article:
    """A review, feature or plain page. The slots under the headline: ``byline`` (the label,
    "Review by") with ``author`` (linked to ``author_href`` when given) and ``posted`` (the
    whole line, "Posted 8 October 1999"). Credits as ``credits`` (lines in one paragraph)
    or ``credit_cells`` (a table: a label cell, a value cell of lines: names broken over
    lines and cells); ``credits_html``: credits as written by hand, markup and all (a cast
    list run over lines in a cell of its own). ``next_link``: (text, path) of a
    continuation page; ``part_menu``: (text, path) of every part of a multi-part article,
    as a list under the text, the page's own part printed unlinked."""

    path: str
    title: str
    paragraphs: list[str]
    byline: str = ""
    author: str = ""
    author_href: str = ""
    posted: str = ""
    credits: list[str] = field(default_factory=list)
    credit_cells: list[tuple[str, list[str]]] = field(default_factory=list)
    credits_html: str = ""
    pictures: list[Picture] = field(default_factory=list)
    head_title: str | None = None  # <title> as written; None: the site's title_pattern
    section: str = "Review"  # fills {section} in the site's title_pattern
    next_link: tuple[str, str] | None = None
    previous_link: tuple[str, str] | None = None
    part_menu: list[tuple[str, str]] = field(default_factory=list)
    signature: str = ""  # a closing line, as printed ("-- Gordon Ashby")
    dateline: str = ""  # a closing date line, as printed
    extra_html: str = ""  # raw markup after the paragraphs
    expect: dict = field(default_factory=dict)


@dataclass
class Entry:
    """One line of an index: a link, its date and its blurb, as printed."""

    href: str  # a site path
    text: str
    blurb: str = ""
    date: str = ""


@dataclass
class Index:
    """A page listing other pages; ``layout``: "lines" (link - blurb paragraphs), "dl"
    (<dt>/<dd> pairs) or "table" (a row per entry)."""

    path: str
    title: str
    entries: list[Entry]
    intro: str = ""
    layout: str = "lines"
    head_title: str | None = None
    expect: dict = field(default_factory=dict)


@dataclass
class FilmLog:
    """A family's film log: a data table (Date / Film / Comments / two ratings), not news."""

    path: str
    title: str
    rows: list[tuple[str, str, str, str, str]]
    header: tuple[str, ...] = ("Date", "Film", "Comments", "Mum", "Dad")
    intro: str = ""
    expect: dict = field(default_factory=dict)


@dataclass
class NewsPage:
    """A page of dated news items, newest first, each a date line over prose."""

    path: str
    title: str
    items: list[tuple[str, str]]  # (date as printed, text)
    expect: dict = field(default_factory=dict)


@dataclass
class Raw:
    path: str
    html: str
    expect: dict = field(default_factory=dict)


Spec = Article | Index | FilmLog | NewsPage | Raw


@dataclass
class Site:
    """``nav``: (text, site path) pairs every page prints; ``title_pattern``: the <title>
    of an article, with ``{title}``, ``{site}`` and ``{section}``."""

    name: str
    template: str = "frontpage3"
    nav: list[tuple[str, str]] = field(default_factory=list)
    copyright: str = ""
    language: str = "en"
    title_pattern: str = "{title}"
    charset: str = "windows-1252"
    pages: dict[str, Spec] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.template not in TEMPLATES:
            raise ValueError(f"template must be one of {TEMPLATES}: {self.template!r}")

    def add(self, *specs: Spec) -> "Site":
        for spec in specs:
            if spec.path in self.pages:
                raise ValueError(f"two pages at {spec.path}")
            self.pages[spec.path] = spec
        return self

    def render(self) -> dict[str, str]:
        return {path: render_page(self, spec) for path, spec in self.pages.items()}

    def encoded(self) -> list[tuple[bytes, str]]:
        """Every page as the parser reads it from a mirror: its bytes in the site's
        charset, and its path (``legacy.parsing.parser.parse_site``'s input)."""
        return [
            (html.encode(self.charset, "xmlcharrefreplace"), path)
            for path, html in self.render().items()
        ]

    def write(self, folder: Path) -> Path:
        """Write every page under ``folder`` (in the site's charset) and return it."""
        for data, path in self.encoded():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return folder

    def expected(self) -> dict[str, dict]:
        return {path: spec.expect for path, spec in self.pages.items()}

    def of_kind(self, kind: str) -> list[str]:
        return [path for path, spec in self.pages.items() if spec.expect.get("kind") == kind]


def link(from_path: str, to: str) -> str:
    """The relative href from one site path to another (absolute URLs unchanged)."""
    if "://" in to or to.startswith(("mailto:", "#")):
        return to
    folder = posixpath.dirname(from_path) or "."
    return posixpath.relpath(to, folder)


# --- rendering -----------------------------------------------------------------------


def render_page(site: Site, spec: Spec) -> str:
    if isinstance(spec, Raw):
        return spec.html
    if isinstance(spec, Article):
        content, title = _article(site, spec), _head_title(site, spec)
    elif isinstance(spec, Index):
        content, title = _index(site, spec), spec.head_title or spec.title
    elif isinstance(spec, FilmLog):
        content, title = _film_log(site, spec), spec.title
    else:
        content, title = _news(site, spec), spec.title
    return FRAMES[site.template](site, spec.path, title, content)


def _head_title(site: Site, article: Article) -> str:
    if article.head_title is not None:
        return article.head_title
    return site.title_pattern.format(title=article.title, site=site.name, section=article.section)


def _headline(site: Site, text: str) -> str:
    text = escape(text)
    return {
        "frontpage3": f'<p align="center"><font face="Arial" size="5"><b>{text}</b></font></p>',
        "frontpage4": f'<h2 align="center"><font face="Georgia">{text}</font></h2>',
        "netobjects": f'<P><FONT SIZE="+2"><B>{text}</B></FONT></P>',
        "handmade": f"<H1>{text}</H1>",
    }[site.template]


def _para(site: Site, html: str, align: str = "") -> str:
    where = f' align="{align}"' if align else ""
    if site.template == "netobjects":
        return f"<P{where.upper()}>{html}</P>"
    if site.template == "handmade":
        return f"<P{where}>{html}"
    return f'<p{where}><font face="Verdana, Arial" size="2">{html}</font></p>'


def _picture(site: Site, path: str, picture: Picture, title: str) -> str:
    alt = escape(picture.alt.format(title=title), quote=True)
    img = (
        f'<img src="{link(path, picture.src)}" width="{picture.width}" '
        f'height="{picture.height}" border="0" alt="{alt}">'
    )
    if picture.href:
        img = f'<a href="{link(path, picture.href)}">{img}</a>'
    return _para(site, img, "center")


def _article(site: Site, article: Article) -> str:
    path = article.path
    parts = [_headline(site, article.title)]
    slots = []
    if article.byline or article.author:
        name = escape(article.author)
        if article.author_href:
            name = f'<a href="{link(path, article.author_href)}">{name}</a>'
        slots.append(f"{escape(article.byline)} {name}".strip())
    if article.posted:
        slots.append(escape(article.posted))
    if slots:
        parts.append(_para(site, "<br>\n".join(slots)))
    parts += [_picture(site, path, picture, article.title) for picture in article.pictures]
    if article.credits:
        lines = "<br>\n".join(f"<b>{escape(line)}</b>" for line in article.credits)
        parts.append(_para(site, lines))
    if article.credits_html:
        parts.append(article.credits_html)
    if article.credit_cells:
        rows = "\n".join(
            f'<tr><td valign="top"><font size="2"><b>{escape(label)}</b></font></td>'
            f'<td valign="top"><font size="2">{"<br>".join(escape(v) for v in values)}'
            "</font></td></tr>"
            for label, values in article.credit_cells
        )
        parts.append(f'<table border="0" cellpadding="2">\n{rows}\n</table>')
    parts += [_para(site, escape(text)) for text in article.paragraphs]
    if article.extra_html:
        parts.append(article.extra_html)
    if article.signature:
        parts.append(_para(site, f"<i>{escape(article.signature)}</i>", "right"))
    if article.dateline:
        parts.append(_para(site, escape(article.dateline), "right"))
    turns = []
    if article.previous_link:
        text, target = article.previous_link
        turns.append(f'<a href="{link(path, target)}">{escape(text)}</a>')
    if article.next_link:
        text, target = article.next_link
        turns.append(f'<a href="{link(path, target)}">{escape(text)}</a>')
    if turns:
        parts.append(_para(site, " | ".join(turns), "center"))
    if article.part_menu:
        items = "\n".join(
            f"  <li>{escape(text)} ...</li>"
            if target == path
            else f'  <li><a href="{link(path, target)}">{escape(text)} ...</a></li>'
            for text, target in article.part_menu
        )
        parts.append(f"<hr>\n<ul>\n{items}\n</ul>\n<hr>")
    return "\n".join(parts)


def _index(site: Site, index: Index) -> str:
    path = index.path
    parts = [_headline(site, index.title)]
    if index.intro:
        parts.append(_para(site, escape(index.intro)))

    def anchor(entry: Entry) -> str:
        return f'<a href="{link(path, entry.href)}">{escape(entry.text)}</a>'

    if index.layout == "dl":
        items = "\n".join(
            f"<dt>{anchor(e)}{' (' + escape(e.date) + ')' if e.date else ''}</dt>"
            f"<dd>{escape(e.blurb)}</dd>"
            for e in index.entries
        )
        parts.append(f"<dl>\n{items}\n</dl>")
    elif index.layout == "table":
        rows = "\n".join(
            f'<tr><td><font size="2">{escape(e.date)}</font></td><td><font size="2">'
            f'{anchor(e)}</font></td><td><font size="2">{escape(e.blurb)}</font></td></tr>'
            for e in index.entries
        )
        parts.append(f'<table border="0" cellpadding="3" width="100%">\n{rows}\n</table>')
    else:
        for e in index.entries:
            dated = f" ({escape(e.date)})" if e.date else ""
            blurb = f" - {escape(e.blurb)}" if e.blurb else ""
            parts.append(_para(site, f"{anchor(e)}{dated}{blurb}"))
    return "\n".join(parts)


def _film_log(site: Site, log: FilmLog) -> str:
    parts = [_headline(site, log.title)]
    if log.intro:
        parts.append(_para(site, escape(log.intro)))
    head = "".join(f'<td bgcolor="#CCCCFF"><b>{escape(h)}</b></td>' for h in log.header)
    rows = "\n".join(
        "<tr>" + "".join(f'<td valign="top">{escape(cell)}</td>' for cell in row) + "</tr>"
        for row in log.rows
    )
    parts.append(
        f'<table border="1" cellpadding="2" cellspacing="0">\n<tr>{head}</tr>\n{rows}\n</table>'
    )
    return "\n".join(parts)


def _news(site: Site, news: NewsPage) -> str:
    parts = [_headline(site, news.title)]
    for date, text in news.items:
        parts.append(_para(site, f"<b>{escape(date)}</b>"))
        parts.append(_para(site, escape(text)))
    return "\n".join(parts)


# --- the frames: each editor's page around the content ---------------------------------


def _nav_links(site: Site, path: str, separator: str) -> str:
    return separator.join(
        f'<a href="{link(path, to)}">{escape(text)}</a>' for text, to in site.nav
    )


def _head(site: Site, title: str, generator: str) -> str:
    meta = f'<meta name="GENERATOR" content="{generator}">\n' if generator else ""
    lang = f' lang="{site.language}"' if site.template == "frontpage4" else ""
    return (
        f"<html{lang}>\n\n<head>\n"
        f'<meta http-equiv="Content-Type" content="text/html; charset={site.charset}">\n'
        f"{meta}<title>{escape(title)}</title>\n</head>\n\n"
    )


def _frontpage3(site: Site, path: str, title: str, content: str) -> str:
    counter = (
        '<!--webbot bot="HitCounter" i-image="0" i-resetvalue="0" b-reset="FALSE" '
        'i-digits="0" U-Custom startspan -->'
        f'<img src="{link(path, "_vti_bin/fpcount.exe")}/?Page={path}|Image=0" alt="Hit Counter">'
        '<!--webbot bot="HitCounter" endspan i-checksum="38" -->'
    )
    return (
        _head(site, title, "Microsoft FrontPage 3.0")
        + '<body bgcolor="#FFFFFF" text="#000000" link="#990000" vlink="#663333">\n\n'
        '<table border="0" width="640" cellspacing="0" cellpadding="4">\n  <tr>\n'
        '    <td width="130" valign="top" bgcolor="#FFFFCC">'
        f'<p align="center"><img src="{link(path, "images/logo.gif")}" width="110" '
        f'height="60" alt="{escape(site.name)}"></p>\n'
        f'    <p><font face="Arial" size="2">{_nav_links(site, path, LINE_BREAK)}</font></td>\n'
        f'    <td width="510" valign="top">\n{content}\n    </td>\n  </tr>\n</table>\n\n'
        f'<p align="center"><font face="Arial" size="1">{escape(site.copyright)}<br>\n'
        f"{counter}</font></p>\n</body>\n</html>\n"
    )


def _frontpage4(site: Site, path: str, title: str, content: str) -> str:
    return (
        _head(site, title, "Microsoft FrontPage 4.0")
        + '<body bgcolor="#FFFFF0"><!--msnavigation-->'
        '<table border="0" cellpadding="0" cellspacing="0" width="100%"><tr><td>\n'
        f'<p align="center"><font size="6"><strong>{escape(site.name)}</strong></font><br>\n'
        f'<font size="2">{_nav_links(site, path, " | ")}</font></p>\n'
        "</td></tr><!--msnavigation--></table><!--msnavigation-->"
        '<table dir="ltr" border="0" cellpadding="0" cellspacing="0" width="100%"><tr>'
        '<!--msnavigation--><td valign="top">\n'
        f"{content}\n"
        "<!--msnavigation--></td></tr><!--msnavigation--></table><!--msnavigation-->"
        '<table border="0" cellpadding="0" cellspacing="0" width="100%"><tr><td>\n'
        f'<p align="center"><font size="1">{escape(site.copyright)}</font></p>\n'
        "</td></tr><!--msnavigation--></table></body>\n</html>\n"
    )


def _netobjects(site: Site, path: str, title: str, content: str) -> str:
    buttons = "".join(
        f'<A HREF="{link(path, to)}"><IMG SRC="{link(path, "nav_" + str(n) + ".gif")}" '
        f'WIDTH=90 HEIGHT=22 BORDER=0 ALT="[{escape(text)}]"></A>'
        for n, (text, to) in enumerate(site.nav)
    )
    spacer = link(path, "clearpixel.gif")
    return (
        _head(site, title, "NetObjects Fusion 4.0 for Windows") + '<BODY BGCOLOR="#FFFFFF">\n'
        '<TABLE BORDER=0 CELLSPACING=0 CELLPADDING=0 WIDTH=620><TR VALIGN="TOP" ALIGN="LEFT">'
        f'<TD WIDTH=620><IMG SRC="{spacer}" WIDTH=1 HEIGHT=1 BORDER=0 ALT=""></TD></TR>'
        f"<TR><TD>{buttons}</TD></TR></TABLE>\n"
        '<TABLE BORDER=0 CELLSPACING=0 CELLPADDING=0 WIDTH=620><TR VALIGN="TOP" ALIGN="LEFT">'
        f'<TD WIDTH=40><IMG SRC="{spacer}" WIDTH=40 HEIGHT=1 BORDER=0 ALT=""></TD><TD WIDTH=580>\n'
        f"{content}\n</TD></TR></TABLE>\n"
        "<TABLE BORDER=0 CELLSPACING=0 CELLPADDING=0 WIDTH=620><TR><TD>"
        f'<P><FONT SIZE="-1">{escape(site.copyright)}</FONT></P></TD></TR></TABLE>\n'
        "</BODY>\n</HTML>\n"
    )


def _handmade(site: Site, path: str, title: str, content: str) -> str:
    return (
        "<HTML>\n<HEAD>\n"
        f'<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset={site.charset}">\n'
        f"<TITLE>{escape(title)}</TITLE>\n</HEAD>\n"
        '<BODY BGCOLOR="#FFFFFF" LINK="#0000CC">\n'
        f"<CENTER>{_nav_links(site, path, ' | ')}</CENTER>\n<HR>\n"
        f"{content}\n<HR>\n<ADDRESS>{escape(site.copyright)}</ADDRESS>\n</BODY>\n</HTML>\n"
    )


FRAMES = {
    "frontpage3": _frontpage3,
    "frontpage4": _frontpage4,
    "netobjects": _netobjects,
    "handmade": _handmade,
}
