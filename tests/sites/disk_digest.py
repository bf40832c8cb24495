"""A disk magazine of 1998-99 exported to HTML from its AmigaGuide sources, three issues of
it, 39 pages: every page of a section carries the section's name as its <title>
("Games Section", "Tests"), and only its heading says what the page is. Game previews
head their pages "Preview: <game>" (game names shaped like people's names, "Copper
Moon"), tests "Test: <program>" with a "Reviewed by" line under the heading (two testers,
each on several pages); each issue has a contents page listing its articles."""

from .pages import Article, Entry, Index, Site
from .texts import Writer

GAMES = [
    "Copper Moon",
    "Marble Rush",
    "Turbo Otter",
    "Night Harbour",
    "Crystal Mines",
    "Iron Lanes",
    "Silent Orbit",
    "Storm Valley",
    "Pixel Garden",
    "Velvet Tiger",
    "Amber Coast",
    "Lonely Comet",
]
PROGRAMS = ["Disk Sorter", "PrintWise", "Modem Mate", "FontBox", "ScanLab", "TapeCopy"]
TESTERS = ["Renate Vogel", "Bernd Kaltwasser"]


def build(seed: int = 5) -> Site:
    writer = Writer(seed)
    site = Site(
        name="Disk Digest",
        template="frontpage4",
        nav=[("Contents", "issue1/main.htm"), ("Previous issue", "issue2/main.htm")],
        copyright="Disk Digest 1998-1999. Reproduction only with permission.",
    )
    for issue in range(1, 4):
        folder = f"issue{issue}"
        entries = []
        for number in range(4):
            game = GAMES[4 * (issue - 1) + number]
            path = f"{folder}/games{number + 1}.htm"
            headline = f"Preview: {game}"
            entries.append(Entry(path, headline))
            site.add(
                Article(
                    path,
                    headline,
                    writer.review(game, paragraphs=2),
                    head_title="Games Section",
                    expect={"title": headline, "people": []},
                )
            )
        for number in range(2):
            program = PROGRAMS[2 * (issue - 1) + number]
            tester = TESTERS[(issue + number) % 2]
            path = f"{folder}/tests{number + 1}.htm"
            headline = f"Test: {program}"
            entries.append(Entry(path, headline))
            site.add(
                Article(
                    path,
                    headline,
                    writer.review(program, paragraphs=2),
                    byline="Reviewed by",
                    author=tester,
                    head_title="Tests",
                    expect={"title": headline, "people": [tester]},
                )
            )
        for number, column in enumerate(["Foreword", "Letters", "Closing words"]):
            path = f"{folder}/intern{number + 1}.htm"
            headline = f"{column} of issue {issue}"
            entries.append(Entry(path, headline))
            site.add(
                Article(
                    path,
                    headline,
                    writer.review(column.lower(), paragraphs=1),
                    head_title="Internal",
                    expect={"title": headline, "people": []},
                )
            )
        site.add(Index(f"{folder}/main.htm", f"Disk Digest issue {issue}", entries))
    return site
