"""Django set-up for the web tests only (the core tests never import Django).

The database is QOGAM_DATABASE_URL when set (PostgreSQL in CI's second pass), else
SQLite; files the app writes go to a temporary folder, never to the repository.
"""

import os
import tempfile

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qogam.web.settings")
os.environ.setdefault("QOGAM_VAR_DIR", tempfile.mkdtemp(prefix="qogam-test-var-"))

import django  # noqa: E402

django.setup()

import datetime as dt  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

import qogam  # noqa: E402

SAMPLE_DOCX = Path(qogam.__file__).parent / "samples" / "sample_charter.docx"


@pytest.fixture
def registry(db):
    """A small demo registry (400 organisations, fixed seed and date)."""
    from django.core.cache import cache

    from qogam.registry.demo.generator import generate
    from qogam.registry.models import Organization

    cache.clear()
    generate(size=400, seed=13, today=dt.date(2025, 6, 1))
    return Organization.objects


@pytest.fixture
def sample_docx() -> Path:
    if not SAMPLE_DOCX.exists():
        pytest.skip("the bundled sample charter is missing")
    return SAMPLE_DOCX
