"""Small legacy pages for the importer tests, written to a temporary mirror folder."""

from pathlib import Path

NAV = (
    '<p align="center"><font face="Arial" size="2"><a href="{up}index.htm">Home</a> | '
    '<a href="{up}news.htm">News</a> | <a href="{up}aboutus.htm">About Us</a></font></p>'
)


def film_review(
    title: str,
    credits: str,
    paragraphs: list[str],
    *,
    signature: str = "Ada Quill",
    dateline: str = "May 2009",
    epigraph: tuple[str, str] | None = None,
    spoiler: bool = False,
    image: str = "",
) -> str:
    parts = [
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
        f"<title>{title}</title></head><body>",
        '<p align="center"><img src="../images/banner.gif" alt="Talking Pictures"></p>',
        f'<p align="center"><b><font face="Arial" size="5">{title}</font></b></p>',
        f'<p align="center"><font face="Arial" size="2"><b>{credits}</b></font></p>',
    ]
    if image:
        parts.append(f'<p align="center"><img src="{image}" alt="A still from {title}"></p>')
    if epigraph:
        parts.append(
            f'<p align="center"><i>\u201c{epigraph[0]}\u201d</i><br>'
            f'<font size="1">{epigraph[1]}</font></p>'
        )
    if spoiler:
        parts.append('<p><b><font color="#FF0000">Note: Spoiler Alert</font></b></p>')
    parts += [f'<p><font face="Verdana" size="2">{text}</font></p>' for text in paragraphs]
    parts.append(
        f'<p align="right"><font face="Verdana" size="2"><b>{signature}</b></font>'
        f"<br><font size=1>{dateline}</font></p>"
    )
    parts += [NAV.format(up="../"), "</body></html>"]
    return "\n".join(parts)


def book_review(title: str, credits: str, paragraphs: list[str], signer: str = "Ada Quill") -> str:
    body = "<BR><BR>\r\n".join(paragraphs)
    return (
        '<HTML><HEAD><META http-equiv=Content-Type content="text/html; charset=iso-8859-1">\r\n'
        f"<TITLE>Talking Pictures - Book Review - {title}</TITLE></HEAD><BODY>\r\n"
        f"<H1>{title}</H1>\r\n<P class=credits>{credits}</P>\r\n"
        f"<FONT face=Georgia size=3>{body}</FONT>\r\n"
        f"<P align=right><I>{signer}</I><BR><SMALL>March 2011</SMALL></P>\r\n"
        "</BODY></HTML>\r\n"
    )


def plain_page(title: str, paragraphs: list[str]) -> str:
    body = "\n".join(f'<p><font face="Verdana" size="2">{text}</font></p>' for text in paragraphs)
    return (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        f"<title>{title}</title></head><body>\n"
        f'<p><font face="Verdana" size="2"><b>{title}</b></font></p>\n{body}\n'
        f"{NAV.format(up='')}\n</body></html>"
    )


def news_page(items: list[tuple[str, str]]) -> str:
    entries = '\n<hr size="1" noshade>\n'.join(
        f'<p><font face="Arial" size="2"><b>{date}</b><br>\n{text}</font></p>'
        for date, text in items
    )
    return (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        "<title>News</title></head><body>\n"
        f'<h2><font face="Arial">News</font></h2>\n{entries}\n{NAV.format(up="")}\n</body></html>'
    )


def feature(title: str, sections: list[tuple[str, str]], signer: str = "Ada Quill") -> str:
    body = "\n".join(f"<h2>{heading}</h2>\n<p>{text}</p>" for heading, text in sections)
    return (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        f"<title>Talking Pictures - Feature - {title}</title></head><body>\n"
        f"<h1>{title}</h1>\n<p>An introduction to a feature about {title.lower()}, written for "
        "the tests so that the parser sees a real opening paragraph before the headings.</p>\n"
        f'{body}\n<p align="right"><b>{signer}</b><br>January 2011</p>\n'
        f"{NAV.format(up='../')}\n</body></html>"
    )


def listing(title: str, links: list[tuple[str, str]]) -> str:
    entries = "<br>\n".join(f'<a href="{href}">{text}</a> (2010)' for href, text in links)
    return (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        f"<title>{title}</title></head><body>\n"
        f'<p><font face="Arial" size="3"><b>{title}</b></font></p>\n'
        f'<p><font face="Arial" size="2"><b>A</b><br>\n{entries}</font></p>\n'
        f"{NAV.format(up='')}\n</body></html>"
    )


STUB = "<html><head><title>Coming soon</title></head><body><p>&nbsp;</p></body></html>"

LONG_PARAGRAPHS = [
    "The first paragraph of this review is long enough to be body text: it describes the film's "
    "opening, a slow walk across a frozen lake, and the way the camera refuses to cut away.",
    "The second paragraph talks about the performances, which are restrained and exact, and "
    "about the music, which arrives only once, at the moment when it is least expected.",
]


def write_mirror(root: Path, files: dict[str, str | bytes], encoding: str = "cp1252") -> Path:
    """Write ``{relative path: html}`` below ``root``; str is encoded as windows-1252."""
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else content.encode(encoding, "replace")
        path.write_bytes(data)
    return root


def tiny_png(path: Path, colour: str = "#884422") -> Path:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (8, 6), colour).save(path)
    return path
