"""A real old site imported whole, the way an operator does it, and the figures of issue 23.

    .venv/bin/python bench/real_site.py /work/ext/nitrateonline/1999 \\
        --base-url http://www.nitrateonline.com/1999/ --expect 'r*.html=film_review'

The mirror is imported by ``import_legacy`` (with ``--report``) into a fresh SQLite
database in a temporary folder, after ``migrate`` and ``setup_site``; then the pages are
counted. A real site has no answers, so each figure reads what the old page itself prints:

- signed pages: pages whose old page prints a byline in its head (or opening one of its
  last lines): a label of the site's languages (the lexicon's byline labels, short and
  colon labels: "By X", "par X", "(von X)" after a headline, "Kritik: X") and a name,
  read whole where the page broke it over lines ("Review by" / "X"), and never a credit
  ("Directed" / "by X"; "Written by X" after a work's credits). A byline running on from
  its headline with nothing setting it apart ("Test de X par Y") counts only on a site
  whose bylines mostly take that form: where they are set apart ("X (von Y)"), "Das
  Tagebuch von Y" says "of";
- reviewer right: of the signed pages, those whose reviewer (or author) is the byline's
  name; signed pages with no reviewer, or another person, are counted apart;
- pages with a wrong person: a reviewer or author the old page prints after no byline
  label, or a director or author it does not print at all;
- words lost silently: words the accounting calls lost on a page that gives no warning,
  and the words of pages written over by another (two old pages on one new page, not
  joined as parts of one article);
- summaries from links: the summary is (mostly) a link's text or an alt text of the old page;
- summaries not prose: the summary opens with a credits label of the lexicon and a name
  ("Directed by X", "Starring X"), or is the reviewer's name (a byline), or is under six
  words, or most of its words are capitalised (a list of names, a title);
- misfiled: pages matched by ``--expect PATTERN=KIND`` filed as another kind, and how many
  of them carry a "check kind" flag. A pattern with a "/" is matched against the whole
  mirror path (``*`` crosses folders), else against the file name; the first matching rule
  decides; ``KIND|KIND`` accepts either (a news digest read as news or as a feature);
  ``--expect-file`` reads one rule a line (``#`` comments);
- dated today; titles keeping the ``<title>`` suffix most pages share (" - Site Review");
- titles right: of the imported pages whose old page prints a headline, those whose title
  says what the headline says (rule in ``headlines``; ``titles_match``);
- chrome leaked: imported pages whose body holds a line most of the old pages print;
- joined: pages made of several old pages, and the parts they hold;
- top level: imported pages outside every section (children of the home page), and how
  many of them the old site's nav put there: linked from half the pages of their folder or
  more (each issue folder of a magazine has its own nav);
- checks: pages per check (the report's counts).
"""

import argparse
import copy
import datetime
import fnmatch
import json
import os
import posixpath
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SUFFIXES = {".htm", ".html", ".shtml", ".asp", ".php"}
MIN_SUMMARY_WORDS = 6
NAMES_SHARE = 0.6  # a "summary" whose words are this capitalised is a list of names, a title
CHROME_SHARE = 0.5  # a line printed on this share of the old pages is the template's


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mirror", type=Path, nargs="+", help="folders imported as one site")
    parser.add_argument("--base-url", default="")
    parser.add_argument(
        "--expect", action="append", default=[], help="PATTERN=KIND, e.g. 'r*.html=film_review'"
    )
    parser.add_argument("--expect-file", type=Path, help="PATTERN=KIND rules, one a line")
    parser.add_argument("--keep", help="keep the database and the report in this folder")
    parser.add_argument(
        "--rescore", action="store_true", help="score the --keep folder's import again, no import"
    )
    parser.add_argument("--list", action="store_true", help="list the pages behind each figure")
    args = parser.parse_args()
    if args.rescore and not args.keep:
        parser.error("--rescore needs --keep FOLDER")
    folder = Path(args.keep or tempfile.mkdtemp(prefix="real-site-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'db.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command

    report_path = folder / "report.json"
    seconds = None
    if not args.rescore:
        (folder / "db.sqlite3").unlink(missing_ok=True)
        call_command("migrate", verbosity=0)
        call_command("setup_site", verbosity=0)
        command = [*map(str, args.mirror), "--report", str(report_path)]
        if args.base_url:
            command += ["--base-url", args.base_url]
        started = time.perf_counter()
        with open(os.devnull, "w") as quiet:
            call_command("import_legacy", *command, stdout=quiet, stderr=quiet)
        seconds = round(time.perf_counter() - started, 1)
    report = json.loads(report_path.read_text())
    rules = list(args.expect)
    if args.expect_file:
        rules += [
            line.split("#", 1)[0].strip()
            for line in args.expect_file.read_text().splitlines()
            if line.split("#", 1)[0].strip()
        ]
    expect = [tuple(rule.split("=", 1)) for rule in rules]
    figures, listing = measure(args.mirror, report, expect)
    figures["import s"] = seconds
    for key, value in figures.items():
        print(f"{key:<28} {value}")
    if args.list:
        for key, paths in listing.items():
            print(f"\n{key} ({len(paths)}):")
            for path in paths:
                print(f"  {path}")
    print(f"(database and report in {folder})")


def measure(
    mirrors: list[Path], report: dict, expect: list[tuple[str, str]]
) -> tuple[dict, dict[str, list[str]]]:
    from wagtail.models import Page

    from bs4 import BeautifulSoup

    from legacy.models import ImportRecord
    from legacy.parsing import lexicon
    from legacy.parsing.text import content_words

    records = {r.source_path.split(":", 1)[-1].lower(): r for r in ImportRecord.objects.all()}
    sources = {
        str(p.relative_to(mirror)).lower(): p  # records key paths lower-cased
        for mirror in mirrors
        for p in sorted(mirror.rglob("*"))
        if p.is_file() and p.suffix.lower() in SUFFIXES
    }
    # the old page as the importer decoded it: names compare in one spelling
    soups = {
        path: BeautifulSoup(
            records[path].original_html
            if path in records and records[path].original_html
            else source.read_bytes(),
            "html.parser",
        )
        for path, source in sources.items()
    }
    texts = {path: " ".join(soup.get_text(" ").split()) for path, soup in soups.items()}
    lines = {path: _lines(soup) for path, soup in soups.items()}
    common = Counter(line for found in lines.values() for line in set(found))
    template_lines = {
        line
        for line, n in common.items()
        if n >= CHROME_SHARE * len(sources) and len(line.split()) >= 3
    }
    suffix = _common_title_suffix(soups)
    titles_counted, titles_wrong = 0, []
    languages = sorted({code for site in report.get("sites", []) for code in site["languages"]})
    lex = lexicon.lexicon_for(tuple(languages) or lexicon.LANGUAGES)
    labels = "|".join(lex.pattern(f"credits.{role}") for role in _ROLES)
    credit_label = re.compile(rf"^(?i:{labels})\s+[A-Z]")  # a label, then a name
    heads = headlines(soups, credit_label, suffix)
    bylines = Bylines(lex)
    home_depth = 2
    figures: dict = {"pages in mirror": len(sources), "languages read": languages}
    reviews = reviewed = 0
    signed, right, unsigned, other, wrong = [], [], [], [], []
    parts = {
        i["source"].split(":", 1)[-1].lower()
        for i in report["items"]
        if any("joined into its page" in w for w in i["warnings"])
    }
    from_links, not_prose, today, suffixed, leaked = [], [], [], [], []
    top_level, nav_linked, misfiled, flagged, expected_total = [], [], [], [], 0
    forms = Counter(bylines.run_in_form(_text_lines(soup)) for soup in soups.values())
    bylines.run_in = forms[True] >= forms[False]  # the site's own form decides
    figures["bylines run on from headlines"] = f"{forms[True]} pages, set apart {forms[False]}"
    nav = _nav_targets(soups)
    for path, record in sorted(records.items()):
        page = record.page.specific if record.page_id else None
        file = path.split("#", 1)[0]  # a news item's record: "news.htm#2"
        expected = _expected_kinds(path, expect)
        if expected is not None and record.status != "skipped":
            expected_total += 1
            if record.kind not in expected:
                misfiled.append(f"{path}:{record.kind}")
                if any(str(w).startswith("check kind") for w in record.warnings):
                    flagged.append(path)
        if page is None or record.status == "skipped" or path in parts:
            continue
        if page.depth == home_depth + 1:
            top_level.append(path)
            nav_linked += [path] if path.lower() in nav else []
        reviewer = getattr(page, "reviewer", None)
        signer = reviewer or getattr(page, "author", None)
        if hasattr(page, "reviewer_id"):
            reviews += 1
            reviewed += reviewer is not None
        printed = bylines.signing(_text_lines(soups[file])) if file in soups else []
        if printed and file == path:  # a news item's page is signed by its own item
            signed.append(path)
            if signer is None:
                unsigned.append(f"{path}: {' & '.join(printed)}")
            elif _words_of(signer.name) in {_words_of(name) for name in printed}:
                right.append(path)
            else:
                other.append(f"{path}: {signer.name} (prints {' & '.join(printed)})")
        wrong_names = []
        text = texts.get(file, "")
        if signer is not None and not bylines.after_label(signer.name, text):
            wrong_names.append(f"signer {signer.name}")
        for creator in page.creators.all() if hasattr(page, "creators") else ():
            if _words_of(creator.name) and not _printed(creator.name, text):
                wrong_names.append(f"creator {creator.name}")
        if wrong_names:
            wrong.append(f"{path}: {', '.join(wrong_names)}")
        summary = getattr(page, "summary", "") or ""
        if summary:
            words = tuple(content_words(summary))
            if _from_links(words, _link_and_alt_texts(soups.get(file), content_words)):
                from_links.append(path)
            elif (
                credit_label.match(summary)
                or (
                    reviewer is not None
                    and summary.casefold().startswith(
                        (reviewer.name.casefold(), f"by {reviewer.name.casefold()}")
                    )
                    and len(summary.split()) < 2 * MIN_SUMMARY_WORDS
                )
                or len(summary.split()) < MIN_SUMMARY_WORDS
                or _capitalised_share(summary) >= NAMES_SHARE
            ):
                not_prose.append(f"{path}: {summary[:50]}")
        if getattr(page, "date", None) == datetime.date.today():
            today.append(path)
        if heads.get(path):
            titles_counted += 1
            if not titles_match(page.title, heads[path]):
                titles_wrong.append(f"{path}: {page.title[:40]!r} for {heads[path][0][:40]!r}")
        if suffix and page.title.endswith(suffix):
            suffixed.append(path)
        body = " ".join(str(page.body).split()) if hasattr(page, "body") else ""
        if any(line in body for line in template_lines):
            leaked.append(path)
    items = report["items"]
    joined = [i for i in items if any("joined:" in w for w in i["warnings"])]
    imported = [i for i in items if i["page_id"] and i["status"] != "skipped"]
    silent = _lost_silently(items)
    figures |= {
        "imported pages": len(imported),
        "reviews with reviewer": f"{reviewed}/{reviews}",
        "signed pages": len(signed),
        "reviewer right": f"{len(right)}/{len(signed)}",
        "signed, no reviewer": len(unsigned),
        "signed, another person": len(other),
        "pages with a wrong person": len(wrong),
        "words lost silently": f"{sum(silent.values())} on {len(silent)} pages",
        "summaries from links": f"{len(from_links)} {from_links[:4]}",
        "summaries not prose": f"{len(not_prose)} {not_prose[:4]}",
        "misfiled": f"{len(misfiled)}/{expected_total} ({len(flagged)} flagged) {misfiled[:12]}",
        "dated today": len(today),
        "titles right": f"{titles_counted - len(titles_wrong)}/{titles_counted}",
        f"titles with '{suffix}'": len(suffixed),
        "chrome leaked (pages)": f"{len(leaked)} {leaked[:4]}",
        "joined (pages/parts)": f"{len(joined)}/{len(parts)} "
        f"{[i['source'].split(':', 1)[-1] for i in joined]}",
        "top level": f"{len(top_level)} ({len(nav_linked)} linked by the old nav) "
        f"{[p for p in top_level if p not in nav_linked][:20]}",
        "checks": report.get("checks", {}),
        "languages": [site.get("languages") for site in report.get("sites", [])],
    }
    _ = Page  # the tree's depth is Wagtail's
    listing = {
        "signed, no reviewer": unsigned,
        "signed, another person": other,
        "pages with a wrong person": wrong,
        "words lost silently": [f"{path}: {n}" for path, n in silent.items()],
        "titles wrong": titles_wrong,
    }
    return figures, listing


# --- bylines as the old page prints them, in the site's languages --------------------

HEAD_WORD_LINE = 25  # the first line this long is running text: the page's head is over
HEAD_LINES = 12  # and it is over after this many lines (a nav bar, a kicker, the headline)
TAIL_LINES = 3  # a signature closes the page within this many lines
BYLINE_LINE_WORDS = 20  # a headline and its byline on one line are shorter
MAX_NAME_WORDS = 4
_NAME_JOINTS = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", re.I)
_AFTER_NAMES = re.compile(r"\s*(?:[()\[\]|/;<>–—]|\s-\s|,\s*(?=\d)|$)")
_SET_APART = tuple("([/|–—-:,")  # what sets a byline apart from the headline before it
_PARTICLES = {"von", "van", "der", "de", "du", "da", "di", "del", "le", "la", "zu", "vom"}


class Bylines:
    """The bylines an old page prints, read with the labels of the site's languages (the
    lexicon's byline labels, short labels and colon labels): "By X", "par X", "(von X)" at
    the end of a headline, "Kritik: X". A scorer of its own, apart from the importer's
    rules: a line of its own (or a headline's end) of a label and a person's name."""

    def __init__(self, lex) -> None:
        self.run_in = True  # a byline running on from a headline counts (the site's form)
        words = "|".join(lex.pattern(name) for name in ("bylines.labels", "bylines.short_labels"))
        colon = lex.pattern("bylines.colon_labels")
        self.label = re.compile(
            rf"(?:^|(?<=[\s(\[/|–—-]))(?P<label>(?:{words})\b\s*:?|(?:{colon})\s*:)\s*",
            re.IGNORECASE,
        )
        credit = "|".join(
            lex.pattern(f"credits.{role}")
            for role in ("director", "editor", "translator", "contributor", "cast", "publisher")
        )
        self.credit = re.compile(rf"(?:{credit})\s*$", re.IGNORECASE)
        self.credit_line = re.compile(rf"(?:{credit})\b", re.IGNORECASE)  # opens a line
        author = lex.pattern("credits.author")  # "Written by", "a novel by", "by"
        self.author = re.compile(rf"(?:{author})\s*:?", re.IGNORECASE)
        self.label_end = re.compile(
            rf"(?:^|(?<=[\s(\[/|–—-]))(?:(?:{words})\s*:?|(?:{colon})\s*:)\s*$", re.IGNORECASE
        )

    def unbroken(self, lines: list[str]) -> list[str]:
        """The lines with a byline or a credit a page broke over lines joined again:
        a label closing its line goes on with the next ("Review by" / "Ann Lee"), a
        credit's first word with the label opening the next ("Directed" / "by Bo Rey"),
        a first name after a label with a surname opening the next ("by Ann" / "Lee, 2
        May 1999")."""
        joined: list[str] = []
        for line in lines:
            if joined and self._goes_on(joined[-1], line):
                joined[-1] = f"{joined[-1]} {line}"
            else:
                joined.append(line)
        return joined

    def _goes_on(self, line: str, following: str) -> bool:
        words = following.split()
        if len(words) > MAX_NAME_WORDS + 3:  # a name and a date at most
            return False
        if self.label_end.search(line):
            return True
        opening = self.label.match(following)
        if opening and self.credit.search(f"{line} {opening.group('label')}"):
            return True
        last = list(self.label.finditer(line))
        rest = line[last[-1].end() :].split() if last else []
        return len(rest) == 1 and rest[0][:1].isupper() and words[0][:1].isupper()

    def names(self, line: str, opening: bool = False, in_credits: bool = False) -> list[str]:
        """The names a byline line prints, or []: a label, then names, then nothing but a
        bracket, a separator or a date. ``opening``: only a label opening the line;
        ``in_credits``: the line follows a work's credits, where a label that is also an
        author's credit ("Written by X", "by X") is a credit, not a byline."""
        if len(line.split()) > BYLINE_LINE_WORDS or _NAME_JOINTS.search(line.split()[-1]):
            return []  # a long line, or one going on ("by X and", "by X,"): a sentence
        for match in reversed(list(self.label.finditer(line))):  # a byline ends its line
            if self.credit.search(line[: match.end("label")]):
                continue  # "Directed by X": a credit, not a byline
            if in_credits and self.author.fullmatch(match.group("label").strip()):
                continue  # "Written by X" among the credits: the screenwriter
            before = line[: match.start()].strip(" (")
            opens = not before
            if opening and not opens:
                break
            sentence = line.endswith(".") and len(line.split()[-1]) > 3
            if before and (sentence or not (before[0].isupper() or before[0].isdigit())):
                continue  # "... envoi par La Poste.": a sentence, not a headline's byline
            set_apart = line[: match.start()].rstrip()[-1:] in _SET_APART
            if before and not set_apart and not self.run_in:
                continue  # "Das Tagebuch von X" where the site sets its bylines apart
            rest = line[match.end() :]
            end = _AFTER_NAMES.search(rest)
            names = [n for n in _NAME_JOINTS.split(rest[: end.start()].strip(" .")) if n]
            if names and all(_person_shaped(name, single=opens) for name in names):
                return names
        return []

    def run_in_form(self, lines: list[str]) -> bool | None:
        """Whether the page's byline runs on from its headline ("Test de X par Y"): True,
        set apart or on a line of its own ("X (von Y)", "By Y"): False; no byline: None."""
        allowed, self.run_in = self.run_in, False
        try:
            apart = self.signing(lines)
        finally:
            self.run_in = allowed
        if apart:
            return False
        return True if self.signing(lines) else None

    def signing(self, lines: list[str]) -> list[str]:
        """The names of the byline that signs the page: the first in its head (its first
        lines, before the first line of running text), else a signature opening one of
        the page's last lines ("-- par X"; not "Last revised 9/4/97 by X")."""
        head = []
        for line in lines[:HEAD_LINES]:
            if len(line.split()) >= HEAD_WORD_LINE:
                break
            head.append(line)
        found, in_credits = [], False
        for line in self.unbroken(head):
            if self.credit_line.match(line):
                in_credits = True  # "Directed by X", "Starring Y": a work's credits
            elif names := self.names(line, in_credits=in_credits):
                found.append(names)
        if len({tuple(names) for names in found}) > 1:
            return []  # a list of articles with their writers: a contents page's
        if found:
            return found[0]
        for line in lines[-TAIL_LINES:]:
            if names := self.names(line, opening=True):
                return names
        return []

    def after_label(self, name: str, text: str) -> bool:
        """Whether the old page prints ``name`` after a byline label anywhere."""
        words = [re.escape(word) for word in name.split()]
        printed = r"[\s\xa0]+".join(words)
        return any(
            re.match(
                rf"[^\w]{{0,3}}(?:[\w.'’-]+[\s,&]+){{0,6}}?{printed}\b", text[m.end() :], re.I
            )
            for m in self.label.finditer(text)
        )


def _person_shaped(name: str, single: bool) -> bool:
    """Capitalised words, neither shouted ("AMIGA International") nor an organisation's
    (the lexicon's institution words: "Gobi Software", "Nordic Global Inc")."""
    from legacy.parsing.names import is_institution

    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or (len(words) == 1 and not single):
        return False
    if re.search(r"[\d@:!?\"]", name) or is_institution(name) or words[0][:1].islower():
        return False
    if any(re.search(r"[A-ZÄÖÜ]{3}", word) for word in words) or re.search(r"\w\.\s+\w\w", name):
        return False  # "AMIGA International", "DOSen"; "Brian Paul. Die": a sentence goes on
    capitalised = [w for w in words if w.lower() not in _PARTICLES]
    return bool(capitalised) and all(w[:1].isupper() for w in capitalised)


def _words_of(name: str) -> tuple[str, ...]:
    from legacy.parsing.text import content_words

    return tuple(content_words(name))


def _printed(name: str, text: str) -> bool:
    return " ".join(_words_of(name)) in " ".join(_words_of(text))


_BLOCKS = (
    "p", "div", "td", "th", "tr", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "center", "blockquote", "pre", "table", "hr", "title",
)  # fmt: skip


def _text_lines(soup) -> list[str]:
    """The page's visible text as a reader sees its lines: a block or a <br> ends one."""
    soup = copy.copy(soup)
    for tag in soup.find_all(["script", "style", "head"]):
        tag.decompose()
    for tag in soup.find_all("br"):
        tag.replace_with("\n")
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    return [" ".join(line.split()) for line in soup.get_text("").split("\n") if line.strip()]


def _lost_silently(items: list[dict]) -> dict[str, int]:
    """Words of old pages no new page holds and no warning names: words the accounting
    calls lost on a page that does not say so, and pages written over by another page
    (two old pages on one new page, not joined as parts of one article)."""
    silent: dict[str, int] = {}
    by_page: dict[int, list[dict]] = {}
    for item in items:
        if item["page_id"] and item["status"] != "skipped":
            by_page.setdefault(item["page_id"], []).append(item)
        words = item.get("words") or {}
        warned = any("lost" in warning for warning in item["warnings"])
        if words.get("lost") and not warned:
            silent[item["source"]] = words["lost"]
    for sharing in by_page.values():
        joined = any("joined" in w for item in sharing for w in item["warnings"])
        if len(sharing) > 1 and not joined:
            for item in sharing[:-1]:
                silent[item["source"]] = (item.get("words") or {}).get("kept", 0)
    return silent


_ROLES = ("director", "cast", "author", "contributor", "editor")


def _expected_kinds(path: str, expect: list[tuple[str, str]]) -> set[str] | None:
    """The kinds the first matching rule accepts (None: no rule names the page)."""
    for pattern, kinds in expect:
        target = path.lower() if "/" in pattern else posixpath.basename(path).lower()
        if fnmatch.fnmatch(target, pattern.lower()):
            return set(kinds.split("|"))
    return None


def _nav_targets(soups: dict) -> set[str]:
    """Pages (lower-cased paths) linked from half the pages of their own folder or of the
    whole mirror: what the old nav shows (each issue folder of a magazine has its own)."""
    paths = {path.lower() for path in soups}
    by_folder = Counter(posixpath.dirname(path) for path in paths)
    from_folder: Counter = Counter()
    from_site: Counter = Counter()
    for path, soup in soups.items():
        here = posixpath.dirname(path.lower())
        targets = set()
        for a in soup.find_all(["a", "area"], href=True):  # an image map is a nav too
            href = str(a["href"]).split("#", 1)[0].split("?", 1)[0].strip().lower()
            if href and ":" not in href and not href.startswith("/"):
                targets.add(posixpath.normpath(posixpath.join(here, href)))
        from_site.update(targets)
        from_folder.update(t for t in targets if posixpath.dirname(t) == here)
    return {
        target
        for target in paths
        if from_folder[target] >= 0.5 * by_folder[posixpath.dirname(target)] > 1
        or from_site[target] >= 0.5 * len(paths)
    }


HEADLINE_WORDS = 20  # a "heading" of more words is a notice set large, not a headline
DIGEST_HEADINGS = 3  # a page printing this many headings of its headline's rank is a digest
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def headlines(
    soups: dict, credit_label: re.Pattern | None = None, suffix: str = ""
) -> dict[str, tuple[str, ...]]:
    """What each old page prints as its headline, as the titles it may rightly have (the
    first is the headline); pages printing none are left out. The rule:

    - a page's headings are its h1-h6 holding a letter, of at most 20 words (more is a
      notice set large), not ending in a colon (a label such as "Index:"), neither a
      work's credits set large ("Starring X, Y": ``credit_label``) nor printed after the
      article's running text has begun (a box of awards at the foot of a report);
    - a page with no heading element may set its headline in a large font
      (``_font_headings``);
    - a heading broken over lines ("Toronto's Best<br>Posted 10 October 1999") is named
      rightly by its first line too, a headline with a deck after a colon by its part
      before the colon, and a headline by the page's own <title> (the site's
      common ``suffix`` cut) when that holds the headline's words in a run ("Pokémon -
      The First Movie" under the headline "Pokémon"): the name the site gave the page;
    - a heading whose text two pages or more print as a heading is the site's (a section or
      column name over each issue's article: "Testberichte" over "1. Softwaretest: X"); the
      headline is the first heading of the highest rank among the page's own headings, or
      among all of them when every one recurs ("Vorwort" in each issue);
    - a page printing three headings or more of that rank is a digest (a news page): its own
      ``<title>``, when no other page prints it, names it as rightly as its first headline.
    """
    read = {
        path: _headings(soup, credit_label) or _font_headings(soup, credit_label)
        for path, soup in soups.items()
    }
    first_lines = {text: line for headings in read.values() for _, text, line in headings}
    found = {path: [(rank, text) for rank, text, _ in headings] for path, headings in read.items()}
    printed = Counter(text for headings in found.values() for text in {t for _, t in headings})
    titles = {path: _title_text(soup) for path, soup in soups.items()}
    title_count = Counter(titles.values())
    result = {}
    for path, headings in found.items():
        own = [(rank, text) for rank, text in headings if printed[text] < 2] or headings
        if not own:
            continue
        top = min(rank for rank, _ in own)
        first = next(text for rank, text in own if rank == top)
        accepted = [first, *([first_lines[first]] if first_lines[first] != first else [])]
        head, colon, _ = first.partition(":")
        if colon and len(head.split()) >= 2:
            accepted.append(head)  # "Last Night, First Film: a look back at ...": its deck
        own_title = titles[path].removesuffix(suffix).strip() if suffix else titles[path]
        if own_title and _is_run(_words(first), _words(own_title)):
            accepted.append(own_title)
        digest = sum(rank == top for rank, _ in headings) >= DIGEST_HEADINGS
        if digest and titles[path] and title_count[titles[path]] == 1:
            accepted.append(titles[path])
        result[path] = tuple(accepted)
    return result


def _headings(soup, credit_label: re.Pattern | None = None) -> list[tuple[int, str, str]]:
    """(rank, text, first line) of the page's headings, in page order."""
    headings = []
    for element in soup.find_all(_HEADINGS):
        text = " ".join(element.get_text(" ").split())
        short = len(text.split()) <= HEADLINE_WORDS
        if not (any(c.isalpha() for c in text) and short and not text.endswith(":")):
            continue
        if (credit_label and credit_label.match(text)) or _after_running_text(element):
            continue
        headings.append((int(element.name[1]), text, _first_line(element) or text))
    return headings


LARGE_FONT = 5  # <font size="5"> and more (or "+2" and more) set a headline large


def _font_headings(soup, credit_label: re.Pattern | None = None) -> list[tuple[int, str, str]]:
    """A page with no heading element may set its headline in a large font (FrontPage's
    ``<font size="7"><strong>Dogma</strong></font>``): those before the running text,
    ranked as headings are (size 7 as h1)."""
    found = []
    for element in soup.find_all("font", size=True):
        size = _font_size(element["size"])
        text = " ".join(element.get_text(" ").split())
        if size < LARGE_FONT or sum(c.isalpha() for c in text) < 2:
            continue  # small, or a drop capital
        if len(text.split()) > HEADLINE_WORDS or text.endswith(":"):
            continue
        if (credit_label and credit_label.match(text)) or _after_running_text(element):
            continue
        found.append((8 - size, text, _first_line(element) or text))
    return found


def _font_size(size: str) -> int:
    size = size.strip()
    try:
        return 3 + int(size) if size.startswith(("+", "-")) else int(size)
    except ValueError:
        return 0


RUNNING_TEXT_WORDS = 2 * HEAD_WORD_LINE  # a block this long before a heading: the article's


def _after_running_text(element) -> bool:
    for block in element.find_all_previous(["p", "td", "div", "li", "blockquote"]):
        if block.find(["p", "td", "div", "li", "blockquote", "table"]):
            continue  # a container: its own blocks are looked at
        if len(block.get_text(" ").split()) >= RUNNING_TEXT_WORDS:
            return True
    return False


def _first_line(element) -> str:
    heading = copy.copy(element)
    for br in heading.find_all("br"):
        br.replace_with("\n")
    lines = [" ".join(line.split()) for line in heading.get_text().split("\n")]
    return next((line for line in lines if line), "")


def _title_text(soup) -> str:
    return " ".join(soup.title.get_text().split()) if soup.title else ""


_ASIDES = re.compile(r"[(<\[][^)>\]]*[)>\]]?")  # "(von X)", "(x@host)", "<x@host>", "[1]"


def titles_match(title: str, accepted: tuple[str, ...]) -> bool:
    """The title says what one of the accepted headlines says: the same words (case,
    accents, punctuation, a leading item number "3." and a bracketed aside "(von X)",
    "<x@host>" aside), or the one's words a run of the other's holding at least half of
    them ("Interview with X" for "An Interview with X", "Readme NOW!" for "Readme"), or
    the headline's last words after a kicker of up to three words ("Test de Immortal")."""
    mine = _words(title)
    for headline in accepted:
        for theirs in {_words(headline), _words(_ASIDES.sub(" ", headline))}:
            short, long = sorted((mine, theirs), key=len)
            if short and 2 * len(short) >= len(long) and _is_run(short, long):
                return True
            kicker = len(theirs) - len(mine)
            if mine and 0 < kicker <= KICKER_WORDS and theirs[kicker:] == mine:
                return True  # "Test de Immortal" over "Immortal": a kicker and the title
    return False


KICKER_WORDS = 3  # "Test de", "Dossier : le", "Test DP :" printed before a title


def _words(text: str) -> tuple[str, ...]:
    """The words, case and accents aside ("À Propos" is "A Propos")."""
    bare = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    words = re.findall(r"\w+", bare.casefold())
    return tuple(words[1:] if words and words[0].isdigit() and len(words) > 1 else words)


def _is_run(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _capitalised_share(text: str) -> float:
    words = [word for word in text.split() if word[:1].isalpha()]
    return sum(word[:1].isupper() for word in words) / max(1, len(words))


def _lines(soup) -> list[str]:
    found = []
    for element in soup.find_all(["p", "td", "li", "h1", "h2", "h3", "div", "center"]):
        if element.find(["p", "td", "li", "div", "table"]):
            continue
        text = " ".join(element.get_text(" ").split())
        if text:
            found.append(text)
    return found


def _common_title_suffix(soups) -> str:
    suffixes = Counter()
    for soup in soups.values():
        title = " ".join(soup.title.get_text().split()) if soup.title else ""
        if " - " in title:
            suffixes[" - " + title.rsplit(" - ", 1)[1]] += 1
    return suffixes.most_common(1)[0][0] if suffixes else ""


def _link_and_alt_texts(soup, content_words) -> set[tuple[str, ...]]:
    if soup is None:
        return set()
    texts = [a.get_text(" ") for a in soup.find_all("a")]
    texts += [str(img.get("alt") or "") for img in soup.find_all("img")]
    return {tuple(content_words(text)) for text in texts} - {()}


def _from_links(summary: tuple[str, ...], texts: set[tuple[str, ...]]) -> bool:
    return bool(summary) and any(
        summary[: len(text)] == text and len(text) >= 0.6 * len(summary) for text in texts
    )


if __name__ == "__main__":
    main()
