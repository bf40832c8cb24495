"""People's names as old pages print them: one key per person across spellings, and
the names that belong to institutions rather than people (no Django)."""

import re
import unicodedata

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


def is_institution(name: str) -> bool:
    """Whether ``name`` names an organisation ("Petros Baptist Church", "Acme Ltd")."""
    return bool(_INSTITUTION.search(name))


def name_key(name: str) -> str:
    """One key for every printing of a name: "R.P. Nettelhorst", "R. P. Nettelhorst" and
    "r p nettelhorst" share it; accents and case do not matter."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(char for char in folded if not unicodedata.combining(char))
    return " ".join(_NOT_LETTERS.sub(" ", bare).split())
