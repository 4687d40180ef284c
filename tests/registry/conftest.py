"""Django set-up for the registry tests only (the core tests never import Django).

The database is QOGAM_DATABASE_URL when set (PostgreSQL in CI's second pass), else
SQLite; files the app writes go to a temporary folder, never to the repository.
"""

import os
import tempfile

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qogam.web.settings")
os.environ.setdefault("QOGAM_VAR_DIR", tempfile.mkdtemp(prefix="qogam-test-var-"))

import django  # noqa: E402

django.setup()
