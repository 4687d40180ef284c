"""Human names of legal forms and statuses (``names.yaml``), in Russian, Kazakh and English."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml


@cache
def _names() -> dict:
    with Path(__file__).with_name("names.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def form_name(slug: str | None, lang: str = "ru") -> str | None:
    """«общественный фонд» for ``public_fund``; None for an unknown or missing form."""
    entry = _names()["legal_forms"].get(slug or "")
    return entry[lang] if entry else None


def status_name(slug: str | None, lang: str = "ru") -> str | None:
    entry = _names()["statuses"].get(slug or "")
    return entry[lang] if entry else None


def country_name(code: str | None, lang: str = "ru") -> str | None:
    entry = _names()["countries"].get(code or "")
    return entry[lang] if entry else None
