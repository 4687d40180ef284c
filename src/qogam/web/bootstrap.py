"""Start Django from a command (not from a WSGI server): settings, app registry, migrations."""

from __future__ import annotations

import os
import sys


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qogam.web.settings")
    import django

    django.setup()


def database_label() -> str:
    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        return f"SQLite {db['NAME']}"
    return f"PostgreSQL {db.get('USER') or ''}@{db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}/{db['NAME']}"


def migrate(quiet: bool = True) -> None:
    """Bring the database schema up to date; explain connection problems without a traceback."""
    from django.core.management import call_command
    from django.db import OperationalError

    try:
        call_command("migrate", interactive=False, verbosity=0 if quiet else 1)
    except OperationalError as exc:
        print(f"qogam: cannot use the database ({database_label()}): {exc}".strip(), file=sys.stderr)
        print("Check QOGAM_DATABASE_URL (e.g. postgresql://user@127.0.0.1:5432/qogam) and that the server runs.",
              file=sys.stderr)
        raise SystemExit(2) from exc
