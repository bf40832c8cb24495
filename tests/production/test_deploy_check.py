"""`manage.py check --deploy` with production settings is silent: no warnings at all."""

import json
import subprocess
import sys

from django.core.exceptions import ImproperlyConfigured

import pytest

from tests.production.conftest import REPO, deployment_environ, load_production_settings


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = deployment_environ(**env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_no_issues():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_also_clean_with_object_storage_and_cdn():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        AWS_STORAGE_BUCKET_NAME="talkingpictures-media",
        AWS_S3_ENDPOINT_URL="https://objects.example",
        FRONTEND_CACHE_BACKEND="http",
        FRONTEND_CACHE_LOCATION="http://127.0.0.1:6081",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL", "SITE_URL"])
def test_production_refuses_to_start_without_required_settings(missing):
    with pytest.raises(ImproperlyConfigured, match=f"Set the {missing} environment variable"):
        load_production_settings(**{missing: ""})


@pytest.mark.parametrize(
    ("site_url", "says"),
    [
        ("magazine.example", "http\\(s\\) URL with a host"),
        ("https://magazine.example/reviews/", "no path"),
        ("https://magazine.example:8443", "https is served on port 443"),
    ],
)
def test_a_site_url_readers_cannot_use_is_refused_with_the_reason(site_url, says):
    with pytest.raises(ImproperlyConfigured, match=says):
        load_production_settings(SITE_URL=site_url)


def test_site_url_is_the_admin_base_url_and_an_allowed_host():
    settings = load_production_settings(SITE_URL="https://films.example", ALLOWED_HOSTS="")
    assert settings["WAGTAILADMIN_BASE_URL"] == "https://films.example"
    assert settings["ALLOWED_HOSTS"] == ["films.example"]


def test_logs_are_json_lines_on_stdout():
    code = "import logging; logging.getLogger('talkingpictures').warning('hello %s', 'ops')"
    result = run_manage("shell", "-c", code)
    assert result.returncode == 0, result.stderr

    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    hello = [record for record in records if record.get("message") == "hello ops"]
    assert hello and hello[0]["level"] == "WARNING" and hello[0]["logger"] == "talkingpictures"
