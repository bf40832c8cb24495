"""The parser turns bytes into plain data without Django, so it can be read, tested and reused
alone. A fresh interpreter imports every module of ``legacy.parsing`` (and the old-URL
spelling rules it shares with the redirect middleware) and must not have loaded Django,
Wagtail or their libraries. Pure project modules it shares (such as the section kinds) are
allowed: they are held to the same rule by being imported here."""

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import legacy.parsing

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("django", "wagtail", "modelcluster", "taggit", "modelsearch", "treebeard")

PROBE = """
import importlib, json, sys
for name in json.loads(sys.argv[1]):
    importlib.import_module(name)
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""


def parsing_modules() -> list[str]:
    found = pkgutil.walk_packages(legacy.parsing.__path__, prefix="legacy.parsing.")
    return ["legacy.parsing", "oldurls.paths", *sorted(info.name for info in found)]


def test_every_parsing_module_is_found():
    names = parsing_modules()
    assert "legacy.parsing.parser" in names
    assert "legacy.parsing.units" in names


def loaded_after_importing(names: list[str]) -> set[str]:
    """The top-level packages a fresh interpreter has loaded once it imported ``names``."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(names)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "", "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout))


def test_parsing_imports_no_django():
    loaded = loaded_after_importing(parsing_modules())
    assert not loaded & set(FORBIDDEN), f"legacy.parsing imports {sorted(loaded & set(FORBIDDEN))}"
