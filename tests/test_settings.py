"""Settings come from the environment; production values pass check --deploy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from crmvision.settings import parse_email_url

ROOT = Path(__file__).resolve().parent.parent


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "HTTPS_ONLY", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_is_clean_with_production_values():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="Zr8-Qk2_mW9pLx4vTn7bYc1sHd6fJg3aEu5oNi0rKt8yBq2wVz",
        EMAIL_URL="smtp://mailer:secret@mail.example.com:587?tls=1",
        ALLOWED_HOSTS="crm.example.com",
        CSRF_TRUSTED_ORIGINS="https://crm.example.com",
        DATABASE_URL="sqlite:////tmp/crmvision-deploy-check.sqlite3",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_it_refuses_to_start_without_a_secret_key_in_production():
    result = _manage("check")
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(settings):
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"]
    assert options["timeout"] >= 5


def test_email_url_parsing():
    assert parse_email_url("")["BACKEND"].endswith("console.EmailBackend")
    smtp = parse_email_url("smtp://user%40x.com:p%40ss@mail.example.com:587?tls=1")
    assert smtp["OPTIONS"] == {
        "host": "mail.example.com",
        "port": 587,
        "username": "user@x.com",
        "password": "p@ss",
        "use_tls": True,
        "use_ssl": False,
        "timeout": 20,
    }
    assert parse_email_url("smtps://mail.example.com")["OPTIONS"]["use_ssl"] is True
