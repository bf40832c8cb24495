"""A whole fixture site: "The Reel Cellar", a film magazine of 1999 made with FrontPage 3
and 4 (every text here is written for these tests).

What it reproduces, page by page (``SITE`` and ``EXPECTED``):

- under each review's headline, "Review by <linked name>" over "Posted <date>": four
  reviewers over twenty-four reviews, each name linking to the reviewer's page on the
  site; one reviewer's reviews several to a month (so the line repeats, digits aside);
- a credits table whose names are broken over lines and cells, with the screenwriter
  printed as "Written by" (a creator, never the reviewer);
- image links whose alt text is the page's title plus a constant part ("<Title> - Film
  Vault", the film database), and a shop button with FrontPage's automatic alt text
  ("storeimg.gif (3164 bytes)"), above the review's first paragraph;
- per-section <title> suffixes: " - The Reel Cellar Review", " - The Reel Cellar Feature";
- a nav cell, a "Buy <Title> at the Cellar Shop" line and a copyright footer.
"""

import datetime

from .cellar_texts import FEATURES, FILMS, OPENINGS, body_paragraphs

SITE_NAME = "The Reel Cellar"
REVIEWERS = [
    ("Gregor Avalon", "gavalon"),
    ("Ines Marchetti", "imarchetti"),
    ("Tom Kettleby", "tkettleby"),
    ("Ruth Okafor", "rokafor"),
]

HEAD = """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<meta name="GENERATOR" content="Microsoft FrontPage {version}">
<meta name="ProgId" content="FrontPage.Editor.Document">
<title>{title}</title>
</head>
<body bgcolor="#000000" text="#FFFFCC" link="#FFCC00" vlink="#CC9900">
<table border="0" width="100%" cellspacing="0" cellpadding="4">
<tr>
<td width="18%" valign="top" bgcolor="#330000">
<p><a href="{up}index.htm"><img src="{up}images/cellar.gif" alt="cellar.gif (2841 bytes)"
 border="0" width="120" height="60"></a></p>
<p><font size="2" face="Arial"><a href="{up}reviews/index.htm">Reviews</a><br>
<a href="{up}features/index.htm">Features</a><br>
<a href="{up}staff/index.htm">Our Critics</a><br>
<a href="{up}links.htm">Links</a></font></p>
</td>
<td width="82%" valign="top">
"""

FOOT = """<p align="center"><font size="1" face="Arial">Copyright &copy; 1999 The Reel Cellar.
All rights reserved.<br>
Send mail to <a href="mailto:cellar@example.net">cellar@example.net</a> with questions
about this web site.</font></p>
</td>
</tr>
</table>
</body>
</html>
"""


def _posted(number: int) -> datetime.date:
    # several reviews a month: 1999-03-04, 1999-03-11, ...
    return datetime.date(1999, 3, 4) + datetime.timedelta(days=7 * number)


def _credits(film: dict) -> str:
    def broken(names: list[str]) -> str:
        # first name and surname on lines of their own, commas at line ends
        pieces = []
        for position, name in enumerate(names):
            first, _, last = name.partition(" ")
            comma = "," if position < len(names) - 1 else ""
            pieces.append(f"{first}<br>\n{last}{comma}")
        return "<br>\n".join(pieces)

    rows = [
        ("Directed by", broken([film["director"]])),
        ("Starring", broken(film["cast"])),
        ("Written by", film["writer"]),
        ("Running time", f"{film['minutes']} minutes"),
    ]
    cells = "\n".join(
        f'<tr><td valign="top"><b><font size="2">{label}</font></b></td>'
        f'<td><font size="2">{value}</font></td></tr>'
        for label, value in rows
    )
    return f'<table border="0" cellpadding="2">\n{cells}\n</table>\n'


def review(number: int, film: dict) -> tuple[str, bytes, dict]:
    reviewer, slug = REVIEWERS[number % 7 % 4] if number % 5 else REVIEWERS[0]
    posted = _posted(number // 2)
    title = film["title"]
    path = f"reviews/{film['file']}.htm"
    html = HEAD.format(
        version="3.0" if number % 2 else "4.0", title=f"{title} - The Reel Cellar Review", up="../"
    )
    html += f'<h2 align="center"><font face="Arial">{title}</font></h2>\n'
    html += (
        f'<p align="center"><font size="2">Review by <a href="../staff/{slug}.htm">{reviewer}</a>'
        f"<br>\nPosted {posted.day} {posted:%B} {posted.year}</font></p>\n"
    )
    html += (
        f'<p align="center"><a href="http://filmvault.example.com/title?{1000 + number}">'
        f'<img src="../images/vault.gif" alt="{title} - Film Vault" border="0" width="88"'
        ' height="31"></a>\n'
        f'<a href="http://shop.example.com/cellar?item={number}"><img src="../images/storeimg.gif"'
        ' alt="storeimg.gif (3164 bytes)" border="0" width="88" height="31"></a></p>\n'
    )
    html += _credits(film)
    paragraphs = body_paragraphs(number, title)
    html += "".join(f'<p><font face="Times New Roman">{text}</font></p>\n' for text in paragraphs)
    html += (
        f'<p align="center"><font size="2"><a href="http://shop.example.com/cellar?item={number}">'
        f"Buy {title} at the Cellar Shop</a></font></p>\n"
    )
    html += FOOT
    expected = {
        "kind": "film_review",
        "title": title,
        "signature": reviewer,
        "date": posted.isoformat(),
        "summary_starts": paragraphs[0][:40],
        "chrome": [f"{title} - Film Vault", "storeimg.gif", f"Buy {title} at the Cellar Shop"],
        "directors": [film["director"]],
    }
    return path, html.encode("cp1252"), expected


def feature(number: int, piece: dict) -> tuple[str, bytes, dict]:
    writer, slug = REVIEWERS[(number + 1) % 4]
    posted = _posted(3 * number + 1)
    path = f"features/{piece['file']}.htm"
    html = HEAD.format(
        version="4.0", title=f"{piece['title']} - The Reel Cellar Feature", up="../"
    )
    html += f'<h2 align="center"><font face="Arial">{piece["title"]}</font></h2>\n'
    html += (
        f'<p align="center"><font size="2">Review by <a href="../staff/{slug}.htm">{writer}</a>'
        f"<br>\nPosted {posted.day} {posted:%B} {posted.year}</font></p>\n"
    )
    html += "".join(f"<p>{text}</p>\n" for text in piece["paragraphs"])
    html += FOOT
    expected = {
        "kind": "feature",
        "title": piece["title"],
        "signature": writer,
        "date": posted.isoformat(),
        "summary_starts": piece["paragraphs"][0][:40],
        "chrome": [],
    }
    return path, html.encode("cp1252"), expected


def staff_page(name: str, slug: str, number: int) -> tuple[str, bytes, dict]:
    path = f"staff/{slug}.htm"
    html = HEAD.format(version="4.0", title=f"{name} - The Reel Cellar", up="../")
    html += f'<h2 align="center"><font face="Arial">{name}</font></h2>\n'
    html += f"<p>{OPENINGS[number].format(name=name)}</p>\n"
    html += FOOT
    return path, html.encode("cp1252"), {"kind": "page", "title": name, "signature": None}


def build() -> list[tuple[str, bytes, dict]]:
    """Every page of the site: (path, bytes, what an editor expects of it)."""
    pages = [review(number, film) for number, film in enumerate(FILMS)]
    pages += [feature(number, piece) for number, piece in enumerate(FEATURES)]
    pages += [staff_page(name, slug, n) for n, (name, slug) in enumerate(REVIEWERS)]
    return pages
