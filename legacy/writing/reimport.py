"""Re-import chosen pages from the review queue, as ``import_legacy`` would.

Each page is read again by a run of the command over the mirror of the run that last wrote
it, with that run's options, plus a section rule for each chosen page (``--section
path=kind``: a page filed under another kind is converted, keeping its id and old URLs) or
a site profile (``--profile``). Only the chosen pages' sites are read (each site's template
is learnt from all its pages, as in the import) and only the chosen pages are written
(``ImportOptions.only``): the others, and their records, are left as they are. A chosen
record with no page (failed, skipped) gets one when it now reads as a page. The queue runs
this in the task worker (``legacy.tasks``): a site of thousands of pages takes minutes.
"""

import glob
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from django.core.management import CommandError

from legacy.models import ImportRecord, ImportRun
from legacy.parsing.profile import SiteProfile

from .writer import ImportReport, LegacyImporter


class ReimportRefused(ValueError):
    """Pages that cannot be re-imported, with why (their mirror is gone, no run wrote them)."""


@dataclass
class Reimported:
    """What a re-import did to the chosen pages."""

    written: list[str] = field(default_factory=list)  # old paths written again
    converted: list[str] = field(default_factory=list)  # "path: article → film review"
    failed: list[str] = field(default_factory=list)  # "path: why"
    refused: list[str] = field(default_factory=list)  # why some pages were not tried
    runs: list[int] = field(default_factory=list)  # the runs made

    def add(self, report: ImportReport, keys: set[str]) -> None:
        self.runs.append(report.run_id)
        for item in report.items:
            if item.source not in keys:
                continue
            if item.status == "failed":
                self.failed.append(f"{item.source}: {item.warnings[0] if item.warnings else ''}")
            elif item.status in ("created", "updated"):
                self.written.append(item.source)
            if item.converted:
                self.converted.append(f"{item.source}: {item.converted}")


def reimport(
    records: Iterable[ImportRecord],
    *,
    section: str = "",
    profile: SiteProfile | None = None,
    invoked_by: str = "",
) -> Reimported:
    """Write the records' pages again: filed as ``section`` (a section kind, ``page`` for
    Home) when given, read with ``profile`` when given, else with what the run used."""
    done = Reimported()
    by_run: dict[ImportRun | None, list[ImportRecord]] = defaultdict(list)
    for record in records:
        by_run[record.last_run].append(record)
    for run, chosen in by_run.items():
        try:
            report = reimport_run(run, chosen, section, profile, invoked_by)
        except ReimportRefused as refused:
            done.refused.append(str(refused))
            continue
        done.add(report, {record.source_path for record in chosen})
    return done


def reimport_run(
    run: ImportRun | None,
    records: list[ImportRecord],
    section: str,
    profile: SiteProfile | None,
    invoked_by: str,
) -> ImportReport:
    """One run of the importer over ``run``'s mirror, writing ``records`` again."""
    if run is None or not run.sources:
        raise ReimportRefused(f"{len(records)} page(s) were written by no recorded run.")
    sources = [Path(source) for source in run.sources]
    missing = [str(source) for source in sources if not source.exists()]
    if missing:
        raise ReimportRefused(
            f"{len(records)} page(s) not re-imported: the mirror run {run.pk} read is not "
            f"on this server any more ({', '.join(missing)})."
        )
    keys = {record.source_path for record in records}
    # Deferred: the command module imports the admin's models at load time
    from legacy.management.commands.import_legacy import Command

    try:
        options = Command().import_options(command_options(run, keys, section, profile))
    except CommandError as error:
        raise ReimportRefused(f"Run {run.pk}'s options cannot be used again: {error}") from error
    chosen = frozenset(keys)
    options = replace(options, rewrite=chosen, only=chosen, invoked_by=invoked_by)
    return LegacyImporter(options).run_import(sources)


def command_options(
    run: ImportRun, keys: set[str], section: str, profile: SiteProfile | None
) -> dict:
    """The command's options as ``run`` was given them, with a rule filing each of ``keys``
    under ``section`` first (the first rule that matches a page wins)."""
    given = run.options or {}
    rules = [f"{page_glob(key)}={section}" for key in sorted(keys)] if section else []
    used_profile = given.get("profile") or None
    if used_profile and profile is None and not Path(used_profile).exists():
        raise ReimportRefused(
            f"The profile run {run.pk} was read with is not on this server any more "
            f"({used_profile}): give one to use instead."
        )
    return {
        "base_url": given.get("base_url", ""),
        "dry_run": False,
        "draft": given.get("draft", False),
        "section": rules + [rule.replace(" = ", "=", 1) for rule in given.get("rules", [])],
        "map": None,  # its rules are among the run's own
        "root": None,
        "max_page_size": given.get("max_page_size"),
        "date_order": given.get("date_order", "dmy"),
        "language": given.get("languages", []),
        "site_name": given.get("site_names", []),
        "profile": profile or used_profile,
        "date_from_mtime": given.get("date_from_mtime", False),
        "mute": given.get("mutes", []),
    }


def page_glob(key: str) -> str:
    """A section rule's pattern that matches this old path only (a news item's key names
    the page it was split from, whose rule files all its items)."""
    return glob.escape(key.partition("#")[0])
