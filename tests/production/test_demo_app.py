"""The demo and benchmark data (the demo/ app) stay out of production.

Production settings do not install the app, so its commands do not exist there, and no
installed app imports it (which would fail on a production server).
"""

import ast
import subprocess
import sys

from tests.production.conftest import REPO, deployment_environ, load_production_settings

DEMO_COMMANDS = {"generate_archive", "load_demo_content"}


def command_names(settings_module: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "manage.py", "help", "--commands"],
        cwd=REPO,
        env=deployment_environ(DJANGO_SETTINGS_MODULE=settings_module),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_production_settings_do_not_install_the_demo_app():
    assert "demo" not in load_production_settings()["INSTALLED_APPS"]


def test_the_demo_commands_exist_in_development_only():
    assert command_names("config.settings.dev") >= DEMO_COMMANDS
    production = command_names("config.settings.production")
    assert "clear_page_cache" in production  # the listing was read
    assert not DEMO_COMMANDS & production


def imported_modules(path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def production_packages() -> list[str]:
    """The project's own packages a production server runs: its apps and the settings."""
    apps = {app.split(".")[0] for app in load_production_settings()["INSTALLED_APPS"]}
    return sorted(name for name in apps | {"config"} if (REPO / name).is_dir())


def test_no_production_package_imports_the_demo_app():
    packages = production_packages()
    assert {"config", "home", "ops", "reviews"} <= set(packages)
    importers = [
        str(path.relative_to(REPO))
        for package in packages
        for path in (REPO / package).rglob("*.py")
        if any(name.split(".")[0] == "demo" for name in imported_modules(path))
    ]
    assert importers == []
