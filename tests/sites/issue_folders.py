"""A bulletin board magazine of 1998 mirrored as its editors kept it, 32 pages, no page
printing its own date: each issue sits in folders named by month and two-digit year
(``BB0398WEB/Issue0398/``), press releases are filed as ``<vendor>-YYMMDD.htm``, and the
footer says "Copyright © 1997" (the year the board opened). Beside them, folders and
file names whose digits are no dates: a lone ``club1024/``, part numbers
(``part-123456.htm``), and photo sets whose six digits read as a date in more than one
order (``set-010203.htm``). Only the copyright year dates those."""

from .pages import Article, Entry, Index, Site
from .texts import Writer

ISSUES = {"0398": "1998-03-01", "0698": "1998-06-01", "0998": "1998-09-01", "1298": "1998-12-01"}
COLUMNS = ["Board news", "Game corner", "Tool shed", "Readers write"]
RELEASES = {
    "quillsoft-980114.htm": "1998-01-14",
    "harbourware-980302.htm": "1998-03-02",
    "tinmouse-980517.htm": "1998-05-17",
    "quillsoft-980729.htm": "1998-07-29",
    "ferrolabs-981008.htm": "1998-10-08",
    "harbourware-981130.htm": "1998-11-30",
}
COPYRIGHT_DATE = "1997-01-01"


def build(seed: int = 11) -> Site:
    writer = Writer(seed)
    site = Site(
        name="Byte Bulletin",
        template="handmade",
        nav=[("Front", "index.htm"), ("Releases", "releases/index.htm")],
        copyright="Copyright © 1997 Byte Bulletin. All rights reserved.",
    )

    def article(path: str, title: str, date: str, source: str) -> Article:
        expect = {"date": date, "date_source": source}
        return Article(path, title, writer.review(title, paragraphs=2), expect=expect)

    for issue, date in ISSUES.items():
        for column in COLUMNS:
            name = column.split()[-1].lower()
            title = f"{column}, issue {issue}"
            site.add(article(f"BB{issue}WEB/Issue{issue}/{name}.htm", title, date, "folder"))
    entries = []
    for name, date in RELEASES.items():
        vendor = name.split("-")[0].capitalize()
        title = f"{vendor} announces a new release"
        entries.append(Entry(f"releases/{name}", title))
        site.add(article(f"releases/{name}", title, date, "filename"))
    site.add(Index("releases/index.htm", "Press releases", entries))
    for name in ("meetings", "members", "rules"):
        title = f"Club {name}"
        site.add(article(f"club1024/{name}.htm", title, COPYRIGHT_DATE, "copyright"))
    for run in ("123456", "654321", "998877"):
        title = f"Spare part {run}"
        site.add(article(f"parts/part-{run}.htm", title, COPYRIGHT_DATE, "copyright"))
    for run in ("010203", "040506", "070809"):
        title = f"Photo set {run}"
        site.add(article(f"photos/set-{run}.htm", title, COPYRIGHT_DATE, "copyright"))
    return site
