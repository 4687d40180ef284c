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


def search_text_of(org) -> str:
    form = legal_forms().get(org.legal_form)
    abbreviations = " ".join(form.abbreviations) if form else ""
    return index_text(
        org.name_full_ru, org.name_short_ru, org.name_full_kk, org.name_short_kk,
        abbreviations, org.head_name,
    )


def derive(org) -> None:
    org.region = region_of(org.kato) or ""
    org.registration_year = org.registered_on.year if org.registered_on else None
    org.sort_name = sort_key(org.name_full_ru or org.name_full_kk)
    org.search_text = search_text_of(org)
