"""The registry and web tests again, against a real PostgreSQL server (QOGAM_TEST_POSTGRES_URL).

`bash scripts/start_postgres.sh` starts Debian's PostgreSQL 15 and prints the URL. The
second pass runs in a child pytest with QOGAM_DATABASE_URL pointing at that server,
so the same tests, not copies of them, check both databases.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

URL = os.environ.get("QOGAM_TEST_POSTGRES_URL", "")
REPO = Path(__file__).resolve().parents[2]


@pytest.mark.postgres
@pytest.mark.slow
@pytest.mark.skipif(not URL, reason="set QOGAM_TEST_POSTGRES_URL (bash scripts/start_postgres.sh prints it)")
def test_registry_and_web_suites_pass_on_postgresql():
    env = {key: value for key, value in os.environ.items() if key != "QOGAM_TEST_POSTGRES_URL"}
    env["QOGAM_DATABASE_URL"] = URL
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/registry", "tests/web"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=3000,
    )
    tail = "\n".join((result.stdout + result.stderr).splitlines()[-40:])
    assert result.returncode == 0, tail
    assert " passed" in tail and "postgresql" in env["QOGAM_DATABASE_URL"]


def test_settings_pick_the_database_from_the_url():
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    expected = "postgresql" if os.environ.get("QOGAM_DATABASE_URL", "").startswith("postgres") else "sqlite3"
    assert engine.endswith(expected)
