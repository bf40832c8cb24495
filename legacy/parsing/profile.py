"""The operator's corrections to what was learnt of a site: a profile file (pure).

``import_legacy --profile site.toml`` reads it once (``tomllib``); the parser applies it to
the site's model after learning (``apply_profile``), so one line corrects every page. The
keys, all optional (``/work/notes/i23-profile.md``, ``legacy/README.md``)::

    [site]
    name = ["The Reel Cellar"]          # the site's names (added to --site-name)
    language = ["en"]                   # the lexicons to read it with (as --language)

    [[slot]]
    label = "Review by"                 # a label as the dry run prints it
    field = "byline"                    # byline | contributor | creator | date | updated
                                        # | content | chrome

    [chrome]
    text = ["Buy it at our shop"]       # more lines that are chrome wherever they stand
    keep = ["Staff picks"]              # lines that are never chrome, though they recur

    [titles]
    affixes = [" - The Reel Cellar Review"]   # cut from the start or end of <title>s

    [[cluster]]                         # a folder's kind: folder = "juegos", kind = "feature"
                                        # (read by the step that owns kinds: ``clusters``)

A key the importer does not know is an error that names it: a typo never passes silently.
"""

import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .slots import FIELDS, Key, Slot, label_key

KNOWN = {
    "site": {"name", "language"},
    "slot": {"label", "field"},
    "chrome": {"text", "keep"},
    "titles": {"affixes"},
    "cluster": None,  # read by the kinds step (clusters.py); any keys
}


class ProfileError(ValueError):
    """A profile file that cannot be applied, with what is wrong in it."""


@dataclass(frozen=True)
class SiteProfile:
    names: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    slot_fields: tuple[tuple[str, str], ...] = ()  # (label as written, field)
    chrome_text: tuple[str, ...] = ()
    chrome_keep: tuple[str, ...] = ()
    title_affixes: tuple[str, ...] = ()
    clusters: tuple[dict, ...] = ()
    source: str = ""  # the file it was read from, for messages

    @classmethod
    def read(cls, path: Path) -> "SiteProfile":
        try:
            text = Path(path).read_text("utf-8")
        except OSError as error:
            raise ProfileError(f"cannot read the profile {path}: {error}") from error
        return cls.from_toml(text, str(path))

    @classmethod
    def from_toml(cls, text: str, source: str = "profile") -> "SiteProfile":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise ProfileError(f"{source}: not TOML: {error}") from error
        _check_keys(data, source)
        site = data.get("site", {})
        slots = data.get("slot", [])
        for slot in slots:
            if slot.get("field") not in FIELDS or not slot.get("label"):
                raise ProfileError(
                    f"{source}: [[slot]] needs a label and a field, one of {', '.join(FIELDS)}:"
                    f" {slot!r}"
                )
        chrome, titles = data.get("chrome", {}), data.get("titles", {})
        return cls(
            names=_strings(site.get("name", []), source, "site.name"),
            languages=_strings(site.get("language", []), source, "site.language"),
            slot_fields=tuple((slot["label"], slot["field"]) for slot in slots),
            chrome_text=_strings(chrome.get("text", []), source, "chrome.text"),
            chrome_keep=_strings(chrome.get("keep", []), source, "chrome.keep"),
            title_affixes=_strings(titles.get("affixes", []), source, "titles.affixes"),
            clusters=tuple(data.get("cluster", [])),
            source=source,
        )

    def corrected_slots(self, slots: dict[Key, Slot]) -> dict[Key, Slot]:
        """The learnt slots with the fields the operator gave; a label the profile names
        that was not learnt is added as that field."""
        corrected = dict(slots)
        for label, field_ in self.slot_fields:
            key = label_key(label)
            learnt = corrected.get(key)
            why = f"the site profile ({self.source})"
            if learnt is not None:
                corrected[key] = replace(learnt, field=field_, reason=why, check="")
            else:
                corrected[key] = Slot(label, key, "text", field_, 0, 0, (), "", why)
        return corrected


def _check_keys(data: dict[str, Any], source: str) -> None:
    for section, value in data.items():
        if section not in KNOWN:
            raise ProfileError(f"{source}: unknown section [{section}]")
        allowed = KNOWN[section]
        if allowed is None:
            continue
        for table in value if isinstance(value, list) else [value]:
            if not isinstance(table, dict):
                raise ProfileError(f"{source}: [{section}] must be a table")
            unknown = set(table) - allowed
            if unknown:
                raise ProfileError(
                    f"{source}: unknown key {', '.join(sorted(unknown))} in [{section}]"
                )


def _strings(value: Any, source: str, name: str) -> tuple[str, ...]:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ProfileError(f"{source}: {name} must be a string or a list of strings")
    return tuple(values)
