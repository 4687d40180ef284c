"""The report's own words in Russian, Kazakh and English (``messages.yaml``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from qogam.charter import names


@cache
def _messages() -> dict:
    with Path(__file__).with_name("messages.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def word(key: str, lang: str = "ru", **values) -> str:
    text = _messages()[key][lang]
    return text.format(**values) if values else text


def form_name(slug: str | None, lang: str = "ru") -> str:
    return names.form_name(slug, lang) or word("not_stated", lang)


def status_name(slug: str | None, lang: str = "ru") -> str:
    return names.status_name(slug, lang) or word("not_stated", lang)


def region_names(codes: list[str], whole_country: bool, lang: str = "ru") -> str:
    if whole_country:
        return word("whole_country", lang)
    if not codes:
        return word("not_stated", lang)
    from qogam import geo

    return ", ".join(geo.unit_name(c, lang) for c in codes)


def where(location, lang: str = "ru") -> str:
    """«п. 4.2, стр. 3» — the clause number when known, else the paragraph."""
    parts = []
    if location.number:
        parts.append(f"{word('clause', lang)} {location.number.rstrip('.')}")
    elif location.paragraph is not None:
        parts.append(f"{word('paragraph', lang)} {location.paragraph + 1}")
    if location.page:
        parts.append(f"{word('page', lang)} {location.page}")
    return ", ".join(parts)
