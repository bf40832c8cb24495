"""Demo content written for this project, so that a fresh `make run` shows a living magazine.

Every block type appears at least once. Loading is idempotent: pages are keyed by slug.
"""

import datetime
import io
from decimal import Decimal

from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.images.models import Image

from PIL import Image as PILImage
from PIL import ImageDraw

from home.tree import HOME_INTRO, SiteTree, ensure_site_tree
from reviews.models import ArticlePage, BookReviewPage, Contributor, FilmReviewPage, WorkCreator

CONTRIBUTORS = {
    "Mara Lindqvist": "Writes about Nordic and Eastern European cinema.",
    "Tobias Reyes": "Reviews fiction and the occasional film adaptation.",
    "Ines Okafor": "Festival correspondent and features editor.",
}

FILMS = [
    {
        "title": "The Lighthouse Keeper's Daughter",
        "slug": "lighthouse-keepers-daughter",
        "directors": ["Agnieszka Wolska"],
        "countries": "Poland/France",
        "year": 2019,
        "reviewer": "Mara Lindqvist",
        "date": datetime.date(2024, 3, 2),
        "colour": "#35526b",
        "summary": "A slow, luminous drama about a girl who keeps the lamp burning after her father's death.",
        "epigraph": (
            "The sea gives back everything, only never in the form you gave it.",
            "Baltic proverb",
        ),
        "spoiler": "This review describes the final scene.",
        "paragraphs": [
            "Wolska's film opens on a <i>single lamp</i> turning in the dark, and for a long while that is all we are given: light, water and the patience of a girl who refuses to leave.",
            "The performances are spare to the point of silence. When the inspector from the mainland arrives, he speaks more words in one scene than the daughter has spoken in forty minutes, and the film lets us feel how loud he is.",
            "The final scene, in which the lamp is finally extinguished by the girl herself, lands with the weight of a whole life decided in one gesture.",
        ],
        "pull_quote": "Light, water and the patience of a girl who refuses to leave.",
        "trailer": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        "rating": ("8", 10, "8/10"),
    },
    {
        "title": "Nine Winters",
        "slug": "nine-winters",
        "directors": ["Joel Marchetti", "Ruth Marchetti"],
        "countries": "U.S.A.",
        "year": 2021,
        "reviewer": "Tobias Reyes",
        "date": datetime.date(2024, 2, 14),
        "colour": "#6b3535",
        "rating": ("3.5", 5, "★★★½"),
        "summary": "Two siblings direct a wry, wintry comedy about a family that never moves house.",
        "paragraphs": [
            "The Marchettis have made a comedy of staying put. Nine winters pass in a single farmhouse, and each one is shot from the same kitchen window.",
            "What could have been a gimmick becomes a way of watching time: the furniture changes, the children grow, the dog is replaced by a different dog with the same name.",
        ],
    },
    {
        "title": "Salt and Iron",
        "slug": "salt-and-iron",
        "directors": ["Florian Henckel von Aschberg"],
        "countries": "Germany/Austria",
        "year": 2017,
        "reviewer": "Mara Lindqvist",
        "date": datetime.date(2023, 11, 20),
        "colour": "#4b4b2a",
        "summary": "A mining town drama that mistakes weight for depth.",
        "epigraph": ("Under every town there is another town.", "Miner's saying"),
        "paragraphs": [
            "Henckel von Aschberg films the mine as a cathedral, and the men who work in it as its congregation. The images are magnificent; the drama is not.",
            "By the second hour the film has said everything it has to say about work, faith and the body, and says it twice more.",
        ],
    },
    {
        "title": "The Quiet Harbour",
        "slug": "the-quiet-harbour",
        "directors": ["Hana Sato"],
        "countries": "Japan",
        "year": 2022,
        "reviewer": "Ines Okafor",
        "date": datetime.date(2024, 1, 8),
        "colour": "#2a4b4b",
        "summary": "Sato's harbour town is a place where grief waits politely to be noticed.",
        "paragraphs": [
            "Few films this year trust their audience as much as <b>The Quiet Harbour</b>. Sato never tells us what happened to the missing brother; she lets the town's small courtesies tell us instead.",
        ],
    },
    {
        "title": "Paper Crowns",
        "slug": "paper-crowns",
        "directors": ["Daniel Osei"],
        "countries": "Ghana/U.K.",
        "year": 2020,
        "reviewer": "Tobias Reyes",
        "date": datetime.date(2023, 9, 30),
        "colour": "#5a2a5a",
        "summary": "A schoolyard kingdom, built and lost in one summer.",
        "paragraphs": [
            "Osei's debut follows four children who declare an abandoned bus depot a kingdom and spend a summer governing it. It is funny, then frightening, then very sad.",
        ],
    },
    {
        "title": "Ikiru",
        "slug": "ikiru",
        "original_title": "生きる",
        "directors": ["Akira Kurosawa"],
        "countries": "Japan",
        "year": 1952,
        "reviewer": "Mara Lindqvist",
        "date": datetime.date(2023, 6, 1),
        "colour": "#333333",
        "summary": "Revisiting Kurosawa's film about a clerk who learns he has months to live.",
        "paragraphs": [
            "Seventy years on, Kurosawa's story of a civil servant who finds a reason to live in a children's playground still has no equal as a film about doing one good thing.",
        ],
    },
]

BOOKS = [
    {
        "title": "The Cartographer's Silence",
        "slug": "cartographers-silence",
        "authors": ["Elena Marsh"],
        "publisher": "Harbour Books",
        "year": 2018,
        "pages": 312,
        "reviewer": "Tobias Reyes",
        "date": datetime.date(2024, 2, 28),
        "colour": "#3a5a3a",
        "summary": "A mapmaker who cannot bring himself to draw the village he left.",
        "epigraph": ("Every map is a list of what the mapmaker chose to forget.", "Elena Marsh"),
        "spoiler": "The last chapter is discussed below.",
        "paragraphs": [
            "Marsh writes in short, exact chapters, each titled with a map reference, and the device earns its keep: by the midpoint we are reading the references as eagerly as the prose.",
            "The last chapter, in which the village is finally drawn from memory and found to be wrong in every detail, is as moving as anything I have read this year.",
        ],
    },
    {
        "title": "A Year of Small Rooms",
        "slug": "a-year-of-small-rooms",
        "authors": ["Priya Natarajan", "Owen Hale"],
        "publisher": "Northlight Press",
        "year": 2021,
        "pages": 198,
        "reviewer": "Ines Okafor",
        "date": datetime.date(2023, 12, 5),
        "colour": "#5a4a2a",
        "summary": "Two writers trade letters across a year of lockdowns.",
        "paragraphs": [
            "This is a book of letters, and like all good letters these are about the weather, the neighbours and, underneath, everything else.",
        ],
    },
    {
        "title": "Orchard Light",
        "slug": "orchard-light",
        "authors": ["Tomas Berglund"],
        "publisher": "Faber and Faber",
        "year": 2015,
        "pages": 256,
        "reviewer": "Mara Lindqvist",
        "date": datetime.date(2023, 8, 17),
        "colour": "#6b5a35",
        "summary": "A Swedish family saga told in one apple harvest.",
        "paragraphs": [
            "Berglund compresses three generations into a single harvest week, and the compression is the point: every family quarrel is also about the apples.",
        ],
    },
]

ARTICLES = [
    {
        "section": "news",
        "title": "Festival season opens",
        "slug": "festival-season-opens",
        "author": "Ines Okafor",
        "date": datetime.date(2024, 3, 10),
        "summary": "Our correspondents head to three festivals this spring.",
        "paragraphs": [
            "The spring festivals begin next week, and Talking Pictures will report from all three. Expect daily notes and full reviews of the competition films.",
        ],
    },
    {
        "section": "news",
        "title": "New book reviewers join the magazine",
        "slug": "new-book-reviewers",
        "author": "Tobias Reyes",
        "date": datetime.date(2024, 1, 20),
        "summary": "Two new voices for the books pages.",
        "paragraphs": [
            "We are delighted to welcome two new reviewers to the books pages this month."
        ],
    },
    {
        "section": "feature",
        "title": "The long take, reconsidered",
        "slug": "the-long-take-reconsidered",
        "author": "Mara Lindqvist",
        "date": datetime.date(2024, 2, 1),
        "colour": "#2a2a5a",
        "summary": "Why the unbroken shot still matters, from Murnau to now.",
        "sections": [
            (
                "Before the cut",
                "Early cinema had no choice but to hold the shot; the camera simply ran until the film did.",
            ),
            (
                "The return of duration",
                "Later directors chose duration deliberately, as a way of making the audience share the characters' time.",
            ),
        ],
    },
    {
        "section": "feature",
        "title": "Reading on screen: adaptations we loved",
        "slug": "adaptations-we-loved",
        "author": "Tobias Reyes",
        "date": datetime.date(2023, 10, 12),
        "summary": "Our reviewers choose the adaptations that honoured their books.",
        "sections": [
            (
                "Faithful, not literal",
                "The best adaptations keep the book's temperature rather than its plot.",
            ),
        ],
    },
]


def make_poster(title: str, colour: str) -> Image:
    """A plain coloured still with the title, drawn locally: no download needed."""
    existing = Image.objects.filter(title=f"Still: {title}").first()
    if existing:
        return existing
    canvas = PILImage.new("RGB", (1200, 675), colour)
    ImageDraw.Draw(canvas).text((60, 580), title, fill="#f5f1e8")
    buffer = io.BytesIO()
    canvas.save(buffer, "JPEG", quality=80)
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower())
    return Image.objects.create(
        title=f"Still: {title}", file=ImageFile(buffer, name=f"{slug}.jpg")
    )


def contributor(name: str) -> Contributor:
    person, _ = Contributor.objects.get_or_create(name=name, defaults={"bio": CONTRIBUTORS[name]})
    return person


def review_body(item: dict, image: Image | None) -> list:
    body = []
    if "epigraph" in item:
        quote, attribution = item["epigraph"]
        body.append(("epigraph", {"quote": quote, "attribution": attribution}))
    if "spoiler" in item:
        body.append(("spoiler_notice", {"label": "Spoiler alert", "text": item["spoiler"]}))
    for index, text in enumerate(item.get("paragraphs", [])):
        body.append(("paragraph", f"<p>{text}</p>"))
        if index == 0 and image and item.get("pull_quote"):
            body.append(
                (
                    "image",
                    {
                        "image": image,
                        "alt_text": f"A still from {item['title']}",
                        "caption": item["title"],
                        "credit": "Demo still",
                    },
                )
            )
            body.append(("pull_quote", {"quote": item["pull_quote"], "attribution": ""}))
    for heading, text in item.get("sections", []):
        body.append(("heading", {"text": heading, "level": "h2"}))
        body.append(("paragraph", f"<p>{text}</p>"))
    if item.get("trailer"):
        body.append(("trailer", {"video": item["trailer"], "caption": "Official trailer"}))
    writer = item.get("reviewer") or item.get("author")
    body.append(
        (
            "signature",
            {"contributor": contributor(writer), "name": "", "dateline": f"{item['date']:%B %Y}"},
        )
    )
    return body


def publish_child(parent, page) -> None:
    parent.add_child(instance=page)
    revision = page.save_revision()
    revision.publish()


def rating_fields(item: dict) -> dict:
    """A demo review's rating (mark, top of the scale, as printed), so readers see ratings."""
    if "rating" not in item:
        return {}
    value, best, printed = item["rating"]
    return {"rating_value": Decimal(value), "rating_best": best, "rating_printed": printed}


def load_film(tree: SiteTree, item: dict):
    section = tree.sections["film"]
    if FilmReviewPage.objects.child_of(section).filter(slug=item["slug"]).exists():
        return None
    image = make_poster(item["title"], item["colour"])
    page = FilmReviewPage(
        title=item["title"],
        slug=item["slug"],
        original_title=item.get("original_title", ""),
        countries=item["countries"],
        year=item["year"],
        date=item["date"],
        reviewer=contributor(item["reviewer"]),
        summary=item["summary"],
        lead_image=image,
        body=review_body(item, image),
        creators=[WorkCreator(name=name) for name in item["directors"]],
        **rating_fields(item),
    )
    publish_child(section, page)
    return page


def load_book(tree: SiteTree, item: dict):
    section = tree.sections["book"]
    if BookReviewPage.objects.child_of(section).filter(slug=item["slug"]).exists():
        return None
    image = make_poster(item["title"], item["colour"])
    page = BookReviewPage(
        title=item["title"],
        slug=item["slug"],
        publisher=item["publisher"],
        year=item["year"],
        pages=item["pages"],
        date=item["date"],
        reviewer=contributor(item["reviewer"]),
        summary=item["summary"],
        lead_image=image,
        body=review_body(item, image),
        creators=[WorkCreator(name=name) for name in item["authors"]],
    )
    publish_child(section, page)
    return page


def load_article(tree: SiteTree, item: dict):
    section = tree.sections[item["section"]]
    if ArticlePage.objects.child_of(section).filter(slug=item["slug"]).exists():
        return None
    image = make_poster(item["title"], item["colour"]) if item.get("colour") else None
    page = ArticlePage(
        title=item["title"],
        slug=item["slug"],
        author=contributor(item["author"]),
        date=item["date"],
        summary=item["summary"],
        lead_image=image,
        body=review_body(item, image),
    )
    publish_child(section, page)
    return page


@transaction.atomic
def load_demo_content() -> int:
    """Create the demo pages that are missing; return how many were created."""
    tree = ensure_site_tree()
    created = [load_film(tree, item) for item in FILMS]
    created += [load_book(tree, item) for item in BOOKS]
    created += [load_article(tree, item) for item in ARTICLES]
    if tree.home.featured_review_id is None or not tree.home.intro:
        tree.home.featured_review = tree.home.featured_review or FilmReviewPage.objects.get(
            slug=FILMS[0]["slug"]
        )
        tree.home.intro = tree.home.intro or HOME_INTRO
        tree.home.save_revision().publish()
    return sum(page is not None for page in created)
