"""Whole sites, their template and slots: the figures of issue 23 (no database).

    .venv/bin/python bench/template_sites.py                 # the fixture sites (tests/sites)
    .venv/bin/python bench/template_sites.py MIRROR [...]    # any mirror folder(s), no answers

Each site is parsed whole, as the importer does. For the fixture sites, whose every page
states what an editor expects (``tests/sites``), per site: reviews signed by the right
reviewer (of those that print one), wrong contributors (a name signed where none or
another is printed), titles right, words lost silently, chrome leaked (the words of the
chrome snippets a page's answers name that are still in its body, over its body words);
and for every site: summaries that would come from link text or an alt text (the first
paragraph of the body is a link's text or a picture's alt on the old page), and the
learnt slots. A mirror folder gets the figures that need no answers.
"""

import os
import sys
import time
from pathlib import Path

import django

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
django.setup()  # the writer's summary rule (no database is touched)

from legacy.parsing.accounting import document_account  # noqa: E402
from legacy.parsing.document import Image, Paragraph, Signature  # noqa: E402
from legacy.parsing.parser import parse_site  # noqa: E402
from legacy.parsing.text import content_words  # noqa: E402
from tests.legacy.goldens import SITES  # noqa: E402
from tests.sites.corpora import CORPORA  # noqa: E402

REVIEW_KINDS = {"film_review", "book_review", "feature"}


def fixture_sites() -> dict[str, tuple[list[tuple[bytes, str]], dict[str, dict]]]:
    """name -> (pages, each page's answers)."""
    from tests.sites import cine_de_papel, reel_cellar

    found = {
        "reel-cellar": (SITES["reel-cellar"](), {p: e for p, _, e in reel_cellar.build()}),
        "cine-de-papel": (SITES["cine-de-papel"](), _answers(cine_de_papel.build().expected())),
    }
    for name, build in sorted(CORPORA.items()):
        site = build()
        pages = [
            (html.encode(site.charset, "xmlcharrefreplace"), path)
            for path, html in site.render().items()
        ]
        found[name] = (pages, _answers(site.expected()))
    return found


def _answers(expected: dict[str, dict]) -> dict[str, dict]:
    """The generator's answers in this script's terms (``reviewer`` is ``signature``)."""
    return {
        path: {**answer, "signature": answer.get("reviewer", answer.get("signature"))}
        if "reviewer" in answer
        else answer
        for path, answer in expected.items()
    }


def mirror(folder: Path) -> list[tuple[bytes, str]]:
    suffixes = {".htm", ".html", ".shtml", ".php", ".asp"}
    return [
        (path.read_bytes(), str(path.relative_to(folder)))
        for path in sorted(folder.rglob("*"))
        if path.suffix.lower() in suffixes and path.is_file()
    ]


def link_and_alt_texts(data: bytes) -> set[tuple[str, ...]]:
    soup = BeautifulSoup(data, "html.parser")
    texts = [a.get_text(" ") for a in soup.find_all("a")]
    texts += [str(img.get("alt") or "") for img in soup.find_all("img")]
    return {tuple(content_words(text)) for text in texts} - {()}


def summary(document) -> str:
    """The summary the writer gives the page when its pictures are not in the mirror (a
    picture's words are then kept as a paragraph: ``streamdata.image_words``)."""
    from legacy.writing.pages import summary_of
    from legacy.writing.streamdata import image_words

    body, pictures = [], []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            body.append({"type": "paragraph", "value": block.html})
        elif isinstance(block, Image):
            pictures += [block.alt, block.caption]
            if lines := image_words(block):
                body.append({"type": "paragraph", "value": f"<p>{'<br/>'.join(lines)}</p>"})
    try:
        return summary_of(body, pictures)
    except TypeError:  # the writer before issue 23 read the first paragraph, whatever it was
        return summary_of(body)


def _from_links(summary: tuple[str, ...], texts: set[tuple[str, ...]]) -> bool:
    """The summary is (mostly) a link's text or an alt text of the old page."""
    return any(summary[: len(text)] == text and len(text) >= 0.6 * len(summary) for text in texts)


def measure(name: str, pages, answers: dict[str, dict] | None) -> dict:
    models: dict[str, dict] = {}
    start = time.perf_counter()
    documents = parse_site(pages, models=models)
    seconds = time.perf_counter() - start
    figures = {"pages": len(pages), "seconds": seconds, "summaries_from_links": []}
    signed = right = wrong = titles = titled = lost = leaked = body = 0
    for (data, path), document in zip(pages, documents, strict=True):
        first = tuple(content_words(summary(document)))
        imported = document.kind not in {"listing", "stub"}  # an index only redirects
        if imported and first and _from_links(first, link_and_alt_texts(data)):
            figures["summaries_from_links"].append(path)
        lost += document_account(document).lost
        if answers is None:
            continue
        answer = answers.get(path, {})
        names = [b.name for b in document.blocks if isinstance(b, Signature)]
        wanted = answer.get("signature")
        if wanted:
            signed += 1
            right += names == [wanted]
        if names and names != ([wanted] if wanted else []) and "signature" in answer:
            wrong += 1
        if "title" in answer:
            titled += 1
            titles += document.title == answer["title"]
        words = content_words(document.content_text)
        body += len(words)
        for snippet in answer.get("chrome", []):
            leaked += len(content_words(snippet)) if snippet in document.content_text else 0
    figures |= {"lost": lost, "slots": next(iter(models.values()), {}).get("slots", [])}
    if answers is not None:
        figures |= {
            "reviewer": (right, signed),
            "wrong_contributors": wrong,
            "titles": (titles, titled),
            "chrome_leaked": (leaked, body),
        }
    return figures


def show(name: str, figures: dict) -> None:
    rate = figures["pages"] / figures["seconds"] if figures["seconds"] else 0
    seconds = figures["seconds"]
    print(f"== {name}: {figures['pages']} pages, parsed in {seconds:.2f} s ({rate:.0f} pages/s)")
    if "reviewer" in figures:
        right, signed = figures["reviewer"]
        titles, titled = figures["titles"]
        leaked, body = figures["chrome_leaked"]
        wrong = figures["wrong_contributors"]
        print(f"  reviewer right {right}/{signed}; wrong contributors {wrong}")
        print(f"  titles right {titles}/{titled}; chrome leaked {leaked}/{body} words")
    summaries = figures["summaries_from_links"]
    print(
        f"  summaries from link or alt text: {len(summaries)} {summaries[:5] if summaries else ''}"
    )
    print(f"  words lost silently: {figures['lost']}")
    for slot in figures["slots"]:
        print(f'  slot "{slot["label"]}" = {slot["field"]} ({slot["type"]}, {slot["why"]})')


def main(argv: list[str]) -> None:
    if argv:
        for folder in map(Path, argv):
            show(str(folder), measure(str(folder), mirror(folder), None))
        return
    for name, (pages, answers) in fixture_sites().items():
        show(name, measure(name, pages, answers))


if __name__ == "__main__":
    main(sys.argv[1:])
