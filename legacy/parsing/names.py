"""People's names as old pages print them: one key per person across spellings, and
the names that belong to institutions rather than people (no Django)."""

import re
import unicodedata
from collections.abc import Sequence

# Forms of an organisation's name, in English, German and French: a church, a school, a
# press or a company is never a reviewer or a director.
_INSTITUTION = re.compile(
    r"\b(?:church|chapel|parish|diocese|cathedral|abbey|priory|synagogue|mosque|"
    r"fellowship|seminary|ministr(?:y|ies)|school|college|universit(?:y|é|ät)|hospital|"
    r"cent(?:re|er)|kirche|gemeinde|schule|église|paroisse|école|lycée|"
    r"institute|institut|academy|academie|akademie|society|association|foundation|"
    r"stiftung|verein|council|committee|department|dept|library|museum|gallery|"
    r"press|publishing|publishers|books|magazine|journal|gazette|times|tribune|herald|"
    r"news|newspaper|review|quarterly|weekly|daily|radio|television|tv|studios?|pictures|"
    r"films|cinemas?|theat(?:re|er)s?|kino|festival|entertainment|productions?|records|software|media|group|club|team|staff|"
    r"inc|incorporated|ltd|limited|llc|plc|gmbh|sarl|corp|corporation|co|company)\b\.?",
    re.IGNORECASE,
)
_NOT_LETTERS = re.compile(r"[^\w]+")
# The small words inside people's names, in every language the archive's names come from:
# "Ludwig van Beethoven", "João dos Santos", "Ludwig vom Rath", "Aziz ibn Tariq".
NAME_PARTICLES = frozenset({
    "von", "vom", "zu", "van", "der", "den", "ten", "ter", "de", "del", "della", "di", "da",
    "du", "dos", "das", "la", "le", "st.", "y", "e", "bin", "ibn", "al", "el", "d'",
})  # fmt: skip


def is_name_shaped(words: Sequence[str]) -> bool:
    """Whether ``words`` are printed as a person's name: each capitalised or a particle
    (``NAME_PARTICLES``), one capitalised at least, and no possessive ("Nobody's Fool"
    names a thing). The one shape test: credits and bylines add their own rejections."""
    if not words or any(word.endswith(("'s", "’s")) for word in words):
        return False
    capitalised = 0
    for word in words:
        bare = word.strip(".,'’")
        if not bare:
            return False
        if word.lower() in NAME_PARTICLES or bare.lower() in NAME_PARTICLES:
            continue
        if not bare[:1].isupper():
            return False
        capitalised += 1
    return capitalised > 0


def is_institution(name: str) -> bool:
    """Whether ``name`` names an organisation ("Petros Baptist Church", "Acme Ltd")."""
    return bool(_INSTITUTION.search(name))


def name_key(name: str) -> str:
    """One key for every printing of a name: "R.P. Nettelhorst", "R. P. Nettelhorst" and
    "r p nettelhorst" share it; accents and case do not matter."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(char for char in folded if not unicodedata.combining(char))
    return " ".join(_NOT_LETTERS.sub(" ", bare).split())
