"""Database look-ups the census pages and commands share: organisations behind a number, candidates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import QuerySet

from qogam.registry.identifiers import org_id
from qogam.registry.models import Organization

from . import candidates
from .definitions import STATE_CODES, Thresholds, load
from .flags import FLAG_CODES, catalogue
from .fresh import fresh_states
from .labels import key_name
from .models import OrganizationState
from .records import Fact
from .tabulate import DIMENSIONS

# Query-string filters of a census list → OrganizationState columns.
LIST_FILTERS = (*DIMENSIONS, "state", "working", "flag", "candidate", "liquidated_year")


def clean_filters(query) -> dict[str, str]:
    """The census filters in a query string, dropping values that cannot match anything."""
    out: dict[str, str] = {}
    for name in LIST_FILTERS:
        if name not in query:
            continue
        value = str(query.get(name) or "").strip()
        if name == "state" and value not in STATE_CODES:
            continue
        if name == "flag" and value not in FLAG_CODES:
            continue
        if name in ("working", "candidate"):
            value = "1" if value in ("1", "true", "yes") else "0"
        if name == "liquidated_year" and not (value.isdigit() and len(value) == 4):
            value = "0"  # matches nothing
        out[name] = value[:40]
    return out


def filtered_states(filters: dict[str, str]) -> QuerySet:
    queryset = OrganizationState.objects.all()
    for name, value in filters.items():
        if name == "working":
            queryset = queryset.filter(working=value == "1")
        elif name == "candidate":
            queryset = queryset.filter(liquidation_candidate=value == "1")
        elif name == "flag":
            queryset = queryset.filter(flag_codes__contains=f",{value},")
        elif name == "liquidated_year":
            queryset = queryset.filter(state="liquidated", organization__register_status_since__year=int(value))
        else:
            queryset = queryset.filter(**{name: value})
    return queryset


def describe(filters: dict[str, str], lang: str) -> list[tuple[str, str]]:
    """(what, value) pairs naming a list's filters for its heading."""
    definitions = load()
    out = []
    for name, value in filters.items():
        if name == "state":
            out.append((definitions.dimension_name("state", lang), definitions.state_name(value, lang)))
        elif name == "working":
            out.append((definitions.working_name(lang), "✓" if value == "1" else "✗"))
        elif name == "flag":
            out.append(("⚑", catalogue().name(value, lang)))
        elif name == "candidate":
            out.append((candidates.basis(lang)["title"], "✓" if value == "1" else "✗"))
        elif name == "liquidated_year":
            out.append((definitions.dimension_name(name, lang), value))
        else:
            out.append((definitions.dimension_name(name, lang), key_name(name, value, lang, definitions)))
    return out


def candidate_rows(items: Iterable[tuple[int, list[Fact], int]], lang: str = "ru") -> list[dict]:
    """Rows of the candidates list for (organisation id, facts, silent years), ordered by region and name."""
    items = list(items)
    ids = [key for key, _facts, _silent in items]
    orgs = {}
    for chunk_start in range(0, len(ids), 5000):
        chunk = ids[chunk_start: chunk_start + 5000]
        for row in Organization.objects.filter(id__in=chunk).values(
                "id", "bin", "name_full_ru", "name_full_kk", "legal_form", "region", "address", "registered_on",
                "head_name", "register_status", "sort_name"):
            orgs[row["id"]] = row
    definitions = load()
    rows = []
    for key, facts, silent in items:
        org = orgs.get(key)
        if org is None:
            continue
        name = org["name_full_kk"] if lang == "kk" and org["name_full_kk"] else org["name_full_ru"]
        summary = candidates.summary(facts)
        rows.append({
            "bin": org["bin"], "org_id": org_id(org["bin"]), "name": name,
            "legal_form": key_name("legal_form", org["legal_form"], lang),
            "region": key_name("region", org["region"], lang), "address": org["address"],
            "registered_on": org["registered_on"].isoformat() if org["registered_on"] else None,
            "head_name": org["head_name"], "register_status": org["register_status"],
            "silent_years": silent, **summary,
            "facts": [definitions.fact_text(f.code, f.as_text_values(), lang) for f in facts],
            "_sort": (org["region"], org["sort_name"]),
        })
    rows.sort(key=lambda r: r.pop("_sort"))
    return rows


def stored_candidates(as_of: dt.date, thresholds: Thresholds, lang: str = "ru", region: str | None = None) -> list[dict]:
    """Candidates of the stored run, with their facts recomputed on the run's as-of date."""
    queryset = OrganizationState.objects.filter(liquidation_candidate=True)
    if region:
        queryset = queryset.filter(region=region)
    ids = list(queryset.values_list("organization_id", flat=True))
    states, _records = fresh_states(ids, as_of, thresholds)
    return candidate_rows([(key, states[key].facts, states[key].silent_years) for key in ids if key in states], lang)
