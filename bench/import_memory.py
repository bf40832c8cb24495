"""Importer memory against the size of what it reads (issue 21, finding 7).

    .venv/bin/python bench/import_memory.py                  # 10 and 100 pages of 1.5 MB
    .venv/bin/python bench/import_memory.py --pages 2 8 --size 1.5

Writes mirrors of N big old review pages (each ``--size`` MB of varied prose: long
reviews, as a hand-edited archive has a few) and runs ``manage.py import_legacy MIRROR
--dry-run`` on each in a process of its own, reading that process's peak resident set
size from the kernel (``os.wait4``). The baseline, measured in the same run, is the same
command on a mirror of N small pages: ``(peak - baseline) / N`` is what one big page costs
the run, printed in MB and as a multiple of the page's size. A run whose memory is bounded
keeps that figure flat as N grows; one that keeps every page's copies grows with N.

The database is a temp SQLite file of its own, migrated once (never db.sqlite3).
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from import_bench import WORDS  # noqa: E402  (the same invented vocabulary)


def paragraph(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(60, 120))]
    return '<p><font face="Verdana" size="2">' + " ".join(words).capitalize() + ".</font></p>\n"


def review(rng: random.Random, number: int, size: int) -> str:
    head = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        f"<title>Long Film {number}</title></head><body>\n"
        f'<p align="center"><b><font size="5">Long Film {number}</font></b></p>\n'
        f'<p align="center"><b>Director {number}. U.K. {1950 + number % 60}.</b></p>\n'
    )
    tail = f'<p align="right"><b>Reviewer {number % 7}</b><br>March 2011</p>\n</body></html>'
    body, length = [], len(head) + len(tail)
    while length < size:
        body.append(paragraph(rng))
        length += len(body[-1])
    return head + "".join(body) + tail


def write_mirror(folder: Path, pages: int, size: int, seed: int = 21) -> Path:
    rng = random.Random(seed)
    (folder / "reviews").mkdir(parents=True, exist_ok=True)
    for number in range(pages):
        text = review(rng, number, size)
        (folder / "reviews" / f"film{number}.htm").write_bytes(text.encode("cp1252"))
    return folder


def peak_rss_mb(command: list[str], env: dict[str, str]) -> float:
    """The peak resident set size of one process, in MB, from the kernel's accounting."""
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return usage.ru_maxrss / 1024  # kilobytes on Linux


def import_peak(mirror: Path, env: dict[str, str]) -> float:
    command = [sys.executable, "manage.py", "import_legacy", str(mirror), "--dry-run"]
    return peak_rss_mb([*command, "--max-page-size", "0"], env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--size", type=float, default=1.5, help="MB per big page")
    args = parser.parse_args()
    size = int(args.size * 1024 * 1024)
    handle, database = tempfile.mkstemp(prefix="import-memory-", suffix=".sqlite3")
    os.close(handle)
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
    }
    try:
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "-v0"], env=env, cwd=ROOT, check=True
        )
        print(f"pages of {size / 2**20:.2f} MB, peak RSS of import_legacy --dry-run (MB)")
        print(f"{'pages':>6} {'baseline':>9} {'big pages':>10} {'per page':>9} {'x size':>7}")
        with tempfile.TemporaryDirectory(prefix="import-memory-") as temp:
            for pages in args.pages:
                small = write_mirror(Path(temp) / f"small{pages}", pages, 3_000)
                big = write_mirror(Path(temp) / f"big{pages}", pages, size)
                baseline, peak = import_peak(small, env), import_peak(big, env)
                per_page = (peak - baseline) / pages
                ratio = per_page / (size / 2**20)
                print(f"{pages:>6} {baseline:>9.0f} {peak:>10.0f} {per_page:>9.1f} {ratio:>7.1f}")
    finally:
        Path(database).unlink(missing_ok=True)


if __name__ == "__main__":
    main()
