"""The old page's words against what the new page kept, word by word (pure).

Each run of words the new page does not hold is marked with why: the reason of the removed
entry (``LegacyDocument.removed``) that holds it, "kept in a field" for the title and the
credits, or "lost" when nothing accounts for it.
"""

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

LOST = "lost: on no page and in no removed entry"
PUNCTUATION = "punctuation only"
_WORD = re.compile(r"\S+")


@dataclass
class Segment:
    kind: str  # "same", "removed" (old page only) or "added" (new page only)
    text: str
    reason: str = ""


def _key(word: str) -> str:
    return re.sub(r"\W+", "", word.casefold())


def word_diff(
    old_text: str,
    kept_text: str,
    removed: Iterable[dict] = (),
    field_text: str = "",
) -> list[Segment]:
    """Segments covering every word of ``old_text`` (and the words only ``kept_text`` has)."""
    old, new = _WORD.findall(old_text), _WORD.findall(kept_text)
    matcher = difflib.SequenceMatcher(None, [_key(w) for w in old], [_key(w) for w in new])
    reasons = [(_keys(entry.get("text", "")), entry.get("reason", "")) for entry in removed]
    fields = _keys(field_text)
    segments: list[Segment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(Segment("same", " ".join(old[i1:i2])))
            continue
        if i2 > i1:
            segments += _removed_runs(old[i1:i2], reasons, fields)
        if j2 > j1:
            segments.append(Segment("added", " ".join(new[j1:j2])))
    return segments


def _keys(text: str) -> set[str]:
    return {key for key in map(_key, _WORD.findall(text)) if key}


def _removed_runs(
    words: list[str], reasons: list[tuple[set[str], str]], fields: set[str]
) -> list[Segment]:
    """Removed words, each with the reason of the first removed entry that holds it (else
    a field's, else lost), grouped into runs of one reason."""
    runs: list[Segment] = []
    leading: list[str] = []  # marks before the first word ("|"): they join its run
    for word in words:
        if not _key(word):
            if runs:
                runs[-1].text += f" {word}"  # "|" joins its run
            else:
                leading.append(word)
            continue
        reason = _reason(_key(word), reasons, fields)
        if runs and runs[-1].reason == reason:
            runs[-1].text += f" {word}"
        else:
            runs.append(Segment("removed", " ".join([*leading, word]), reason))
            leading = []
    if leading:  # nothing but marks: no word was removed
        runs.append(Segment("removed", " ".join(leading), PUNCTUATION))
    return runs


def _reason(key: str, reasons: list[tuple[set[str], str]], fields: set[str]) -> str:
    if not key:
        return ""
    for entry_keys, reason in reasons:
        if key in entry_keys:
            return reason
    return "kept in a field (title, credits)" if key in fields else LOST


def summary(segments: Iterable[Segment]) -> dict[str, int]:
    """Words per kind of segment, and removed words per reason, a reason's details apart
    ("site chrome: on 245 of the site's 249 pages" counts as "site chrome"), most first."""
    counts: dict[str, int] = {}
    for segment in segments:
        label = segment.reason.partition(":")[0] if segment.kind == "removed" else segment.kind
        words = sum(1 for word in segment.text.split() if _key(word))  # "|" is no word
        if words:
            counts[label] = counts.get(label, 0) + words
    return dict(sorted(counts.items(), key=lambda item: -item[1]))
