"""A monthly disk magazine of 1998 put on the web with frames, written by hand: three
issue folders (``FrameMonthly/Issue0398/`` ...), 55 pages. Each issue is a frameset (a
menu frame and a contents frame), a foreword, and four columns (Hardware, Tests,
Letters, Games), each a column page listing its numbered pages ("Tests1.html" ...).
A numbered page prints a bar (back, contents, next and the column's name), the column's
heading and its own numbered heading, then prose: no byline, no date, no credits, so on
its own it reads as a plain page; each column's pages across the issues are one
template, and all of them are the magazine's articles. The contact page sits beside the
issue folders, linked only from each issue's menu frame. The framesets are no pages of
their own: the site's front frameset prints, for browsers without frames, the
magazine's name set large and a paragraph asking for a browser that shows them. One test
in the last issue quotes a film's credits ("Directed by ... Starring ...") and reads as a
film review on its own, on a site that holds no film reviews.

What the importer must see: every numbered page is a feature, filed by its template
and folder with the reason noted, and none is flagged "kind to check"; the flag is for
the quoted credits page (it reads otherwise than its template) and the contact page
(neither its template nor its folder says what it is)."""

import random
from html import escape

from .pages import Raw, Site

ISSUES = ("0398", "0698", "0998")
COLUMNS = {"Hardware": 3, "Tests": 2, "Letters": 2, "Games": 2}
TOPICS = [
    "A new serial cable for the old printer",
    "The user group meets in the library again",
    "Disk doctor tools compared",
    "Why the clock battery leaks",
    "Readers ask about memory boards",
    "A shareware puzzle game with forty levels",
    "Sound samplers on a budget",
    "The spring computer fair in the town hall",
    "Backing up to tape, step by step",
    "Letters about the last cover disk",
    "A paint program that loads in seconds",
    "Emulators and what they still cannot do",
    "The modem that would not hang up",
    "A platform game with a very long jump",
    "Our readers' favourite text editors",
    "Floppy drives that click and what it means",
    "An adventure game written by two brothers",
    "Printer ribbons and how to re-ink them",
    "The club's new bulletin board",
    "A racing game with split screen",
    "Cleaning a keyboard without ruining it",
    "Networking two machines with a null modem",
    "A strategy game set on a river delta",
    "Reader survey: which monitor do you use",
    "The end of a software shop in the high street",
    "Power supplies that hum",
    "A chess program that plays too well",
]
SENTENCES = [
    "We tried it for three weeks on the machines in the club room.",
    "The manual is short, but it answers the questions most people will ask.",
    "Several readers wrote to us about this after the last issue.",
    "It works well once the settings are right, which takes an evening.",
    "The price is fair compared with what the shops asked last year.",
    "A few problems remain, and the author promises to fix them soon.",
    "Owners of older machines should check their memory before buying.",
    "We will come back to this when the next version is out.",
    "Most of the people we asked would recommend it to a friend.",
    "There is a demo version on this issue's cover disk.",
    "Our test machine crashed twice, both times while saving.",
    "The packaging is plain, but the disks were labelled with care.",
]
FILM_CREDITS = "Directed by Walter Brennan Hale. Starring Ruth Calloway, Ivo Marsh. USA, 1997."
FILM_PAGE = "FrameMonthly/Issue0998/Tests2.html"


def _bar(back: str, up: str, forward: str, column: str) -> str:
    return (
        '<TABLE width="100%" border="0" cellpadding="3" cellspacing="0">\n'
        '<tr><td bgcolor="#000033">\n'
        f'<A HREF="{back}"><IMG SRC="../icons/back.gif" BORDER="0" ALT="&lt;&lt;"></A>\n'
        f'<A HREF="{up}"><IMG SRC="../icons/up.gif" BORDER="0" ALT="Contents"></A>\n'
        f'<A HREF="{forward}"><IMG SRC="../icons/next.gif" BORDER="0" ALT="&gt;&gt;"></A>\n'
        f'<font color="#FFFFFF">{escape(column)}</font>\n'
        "</td></tr></TABLE>\n<BR>\n"
    )


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">\n<HTML>\n<HEAD>\n'
        f"<TITLE>{escape(title)}</TITLE>\n</HEAD>\n"
        '<BODY BGCOLOR="#FFFFFF" TEXT="#000000" LINK="#0000AA" VLINK="#000066">\n'
        f"{body}\n</BODY>\n</HTML>\n"
    )


def _prose(rng: random.Random, count: int) -> str:
    return "\n".join(f"<P>\n{' '.join(rng.sample(SENTENCES, k=4))}\n</P>" for _ in range(count))


def build(seed: int = 98) -> Site:
    rng = random.Random(seed)
    site = Site(name="Frame Monthly", template="handmade", charset="iso-8859-1")
    topics = iter(TOPICS)
    for issue in ISSUES:
        folder = f"FrameMonthly/Issue{issue}"
        site.add(
            Raw(
                f"{folder}/index.html",
                '<HTML><HEAD><TITLE>Frame Monthly</TITLE></HEAD>\n<FRAMESET COLS="130,*">\n'
                '<FRAME NAME="menu" SRC="menu.html">\n<FRAME NAME="main" SRC="Main.html">\n'
                "<NOFRAMES><BODY>Your browser shows no frames: read the "
                '<a href="Main.html">contents without frames</a>.</BODY></NOFRAMES>\n'
                "</FRAMESET></HTML>\n",
            )
        )
        menu = [("Main.html", "Contents"), ("Foreword.html", "Foreword")]
        menu += [(f"{column}.html", column) for column in COLUMNS]
        links = "".join(f'<A TARGET="main" HREF="{h}">{t}</A><BR>\n' for h, t in menu)
        links += '<A TARGET="_top" HREF="../contact.html">Contact</A><BR>\n'
        site.add(Raw(f"{folder}/menu.html", _page("Frame Monthly", links)))
        contents = "".join(f'<LI><A HREF="{h}">{t}</A></LI>\n' for h, t in menu[1:])
        site.add(
            Raw(
                f"{folder}/Main.html",
                _page(
                    f"Issue {issue}",
                    f"<H1>Frame Monthly, issue {issue}</H1>\n<UL>\n{contents}</UL>",
                ),
                {"kind": "listing"},
            )
        )
        site.add(
            Raw(
                f"{folder}/Foreword.html",
                _page("Foreword", "<H1>Foreword</H1>\n" + _prose(rng, 2)),
            )
        )
        for column, count in COLUMNS.items():
            titles = [next(topics) for _ in range(count)]
            items = "".join(
                f'<LI><A HREF="{column}{n}.html">{escape(t)}</A></LI>\n'
                for n, t in enumerate(titles, start=1)
            )
            site.add(
                Raw(
                    f"{folder}/{column}.html",
                    _page(
                        column,
                        _bar("Main.html", "Main.html", f"{column}1.html", column)
                        + f"<H1>{column}</H1>\n<UL>\n{items}</UL>",
                    ),
                    {"kind": "listing"},
                )
            )
            for number, title in enumerate(titles, start=1):
                path = f"{folder}/{column}{number}.html"
                back = f"{column}{number - 1}.html" if number > 1 else f"{column}.html"
                forward = f"{column}{number + 1}.html" if number < count else "Main.html"
                quoted = f"<P>{escape(FILM_CREDITS)}</P>\n" if path == FILM_PAGE else ""
                body = (
                    _bar(back, f"{column}.html", forward, column)
                    + f"<H2>{column}</H2>\n<H3>{number}. {escape(title)}</H3>\n"
                    + quoted
                    + _prose(rng, 4)
                )
                expect = {"kind": "feature", "flagged": path == FILM_PAGE}
                site.add(Raw(path, _page(column, body), expect))
    site.add(
        Raw(
            "FrameMonthly/index.html",
            '<HTML><HEAD><TITLE>Frame Monthly</TITLE></HEAD>\n<FRAMESET COLS="130,*">\n'
            f'<FRAME NAME="menu" SRC="Issue{ISSUES[-1]}/menu.html">\n'
            f'<FRAME NAME="main" SRC="Issue{ISSUES[-1]}/Main.html">\n'
            "</FRAMESET>\n<BODY><P ALIGN=CENTER><FONT SIZE=6>Frame Monthly</FONT><BR>\n"
            "<FONT SIZE=5>The disk magazine of the Riverside computer club</FONT></P>\n"
            "<P>Please use a browser that can show frames: such browsers are free for nearly "
            "every computer, old and new, and take only a few minutes to install.</P>\n"
            '<P>You can also read the <A HREF="Issue0998/Main.html">latest contents</A> '
            "without frames, though not every page can be reached from there.</P>\n"
            "</BODY></HTML>\n",
        )
    )
    site.add(
        Raw(
            "FrameMonthly/contact.html",
            _page(
                "Contact",
                "<H1>Write to us</H1>\n<P>Letters, tests and tips for the next issue go to "
                "the editors at the club's post box, or by e-mail to "
                '<A HREF="mailto:editors@frame.example">editors@frame.example</A>. '
                "We answer every letter, though sometimes only in the next issue.</P>",
            ),
            {"flagged": True},  # neither its template nor its folder says what it is
        )
    )
    return site
