"""Columns computed from an organisation's own fields (kept in the row for fast search)."""

from __future__ import annotations

import re

from .reference import legal_forms, region_of
from .textnorm import fold, index_text

_QUOTED = re.compile(r"[«\"“]([^»\"”]+)")


def sort_key(name: str) -> str:
    """What a name sorts by: the quoted part when there is one, else the name without its form."""
    match = _QUOTED.search(name or "")
    text = match.group(1) if match else (name or "")
    folded = fold(text).strip()
    if not match:
        for form in legal_forms().values():
            for pattern in form.patterns:
                if folded.startswith(pattern + " "):
                    folded = folded[len(pattern) + 1:]
                    break
    return re.sub(r"\s+", " ", folded).strip()[:200]


SOURCE_FIELDS = ("legal_form", "name_full_ru", "name_short_ru", "name_full_kk", "name_short_kk", "head_name", "kato",
                 "registered_on")  # what the derived columns are computed from


def _values(org) -> dict:
    return {name: getattr(org, name) for name in SOURCE_FIELDS}  # getattr: loads a deferred field


def search_text_of(org) -> str:
    return _search_text(_values(org))


def _search_text(values: dict) -> str:
    form = legal_forms().get(values.get("legal_form") or "")
    abbreviations = " ".join(form.abbreviations) if form else ""
    return index_text(
        values.get("name_full_ru"), values.get("name_short_ru"), values.get("name_full_kk"),
        values.get("name_short_kk"), abbreviations, values.get("head_name"),
    )


def derived_values(values: dict) -> dict:
    """The derived columns of an organisation given as a dict of its field values."""
    registered = values.get("registered_on")
    return {
        "region": region_of(values.get("kato")) or "",
        "registration_year": registered.year if registered else None,
        "sort_name": sort_key(values.get("name_full_ru") or values.get("name_full_kk")),
        "search_text": _search_text(values),
    }


def derive(org) -> None:
    for name, value in derived_values(_values(org)).items():
        setattr(org, name, value)
