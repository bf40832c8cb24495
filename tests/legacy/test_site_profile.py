"""The learnt site model as the operator sees it, and the profile file that corrects it
once for every page (``legacy.parsing.profile``; no Django)."""

import pytest

from legacy.parsing.document import Signature
from legacy.parsing.options import ParseOptions
from legacy.parsing.parser import parse_site
from legacy.parsing.profile import ProfileError, SiteProfile
from legacy.parsing.text import blocks_text
from tests.sites import reel_cellar

PAGES = reel_cellar.build()
REVIEW = "reviews/saltroad.htm"


def parse(profile_text: str = "", pages=PAGES):
    profile = SiteProfile.from_toml(profile_text) if profile_text else None
    models: dict[str, dict] = {}
    options = ParseOptions(profile=profile)
    documents = parse_site(
        [(data, path) for path, data, _ in pages], options=options, models=models
    )
    return dict(zip([path for path, _, _ in pages], documents, strict=True)), models[""]


def test_the_model_shows_slots_chrome_and_title_affixes():
    _, model = parse()
    slots = {slot["label"]: slot for slot in model["slots"]}
    assert slots["Review by"]["field"] == "contributor"
    assert set(slots["Review by"]["samples"]) == {name for name, _ in reel_cellar.REVIEWERS}
    assert slots["Posted"]["field"] == "date" and slots["Posted"]["type"] == "date"
    affixes = {entry["affix"]: entry["pages"] for entry in model["title_affixes"]}
    assert affixes[" - The Reel Cellar Review"] == 24
    assert affixes[" - The Reel Cellar Feature"] == 3
    chrome = [entry["text"] for entry in model["chrome"]]
    assert "buy {title} at the cellar shop" in chrome
    assert not any("review by" in text or "posted" in text for text in chrome)


def test_the_model_is_the_same_whatever_the_order_of_the_pages():
    assert parse()[1] == parse(pages=list(reversed(PAGES)))[1]


def test_a_slots_field_corrected_in_the_profile_applies_to_every_page():
    documents, model = parse('[[slot]]\nlabel = "review BY"\nfield = "content"\n')
    assert {s["label"]: s["field"] for s in model["slots"]}["Review by"] == "content"
    for path in PAGES:
        document = documents[path[0]]
        assert not [b for b in document.blocks if isinstance(b, Signature)], path[0]
    assert "Review by Gregor Avalon" in blocks_text(documents[REVIEW].blocks)


def test_a_slot_the_profile_calls_chrome_goes_from_every_page():
    documents, _ = parse('[[slot]]\nlabel = "Running time"\nfield = "chrome"\n')
    for path, document in documents.items():
        if path.startswith("reviews/"):
            assert document.credits.running_time is None
            assert any("chrome by the site profile" in e.reason for e in document.removed)


def test_extra_chrome_and_lines_to_keep():
    documents, _ = parse(
        '[chrome]\ntext = ["Buy The Salt Road at the Cellar Shop"]\n'
        'keep = ["Copyright © 1999 The Reel Cellar. All rights reserved."]\n'
    )
    assert "All rights reserved" in blocks_text(documents[REVIEW].blocks)
    small, _ = parse('[chrome]\ntext = ["Buy The Salt Road at the Cellar Shop"]', PAGES[:1])
    assert "Cellar Shop" not in blocks_text(small[REVIEW].blocks)


def test_title_affixes_from_the_profile_on_a_site_too_small_to_learn_them():
    pages = PAGES[:2]
    documents, _ = parse('[titles]\naffixes = [" - The Reel Cellar Review"]', pages)
    assert documents[REVIEW].title == "The Salt Road"


@pytest.mark.parametrize(
    "text, message",
    [
        ("[sit]\nname = 'x'", "unknown section [sit]"),
        ("[site]\nnames = 'x'", "unknown key names in [site]"),
        ("[[slot]]\nlabel = 'By'\nfield = 'author'", "needs a label and a field"),
        ("[site\n", "not TOML"),
    ],
)
def test_a_profile_mistake_is_named(text, message):
    with pytest.raises(ProfileError, match=message.replace("[", r"\[").replace("]", r"\]")):
        SiteProfile.from_toml(text)
