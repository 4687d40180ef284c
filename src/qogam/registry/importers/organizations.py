"""Merge organisation rows into the registry by BIN, field by field, newest data winning.

A value in the registry that came from data dated later than the incoming file is
kept (and the row is reported as skipped for that reason); an empty incoming cell
never erases a value. Changes of head, name, address and register status are
recorded as signals for the census.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from ..bulk import insert_rows, update_rows
from ..derived import derived_values
from ..models import Organization, Signal
from ..reference import legal_forms
from .report import ImportReport

ORG_FIELDS = (
    "name_full_ru", "name_short_ru", "name_full_kk", "name_short_kk", "legal_form", "territorial_status",
    "kato", "address", "registered_on", "oked", "head_name", "head_since", "icnpo_group", "languages",
    "register_status", "register_status_since",
)
DERIVED = ("region", "registration_year", "sort_name", "search_text")
SIGNALS = {
    "head_name": Signal.Kind.HEAD_CHANGE,
    "name_full_ru": Signal.Kind.NAME_CHANGE,
    "address": Signal.Kind.ADDRESS_CHANGE,
    "register_status": Signal.Kind.STATUS_CHANGE,
}


@dataclass
class Incoming:
    row: int
    bin: str
    values: dict = field(default_factory=dict)


def _iso(value) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def short_name(full: str, form_code: str | None) -> str:
    """«ОО «Мейірім»» from «Общественное объединение «Мейірім»», when the form leads the name."""
    form = legal_forms().get(form_code or "")
    if not form or not form.short["ru"]:
        return ""
    lead = form.name("ru")
    if full.lower().startswith(lead.lower() + " "):
        return f"{form.short['ru']} {full[len(lead) + 1:]}"
    return ""


def _existing(bins: list[str]) -> dict[str, dict]:
    """The registry's current values of the organisations with these BINs (dicts, not model instances)."""
    out: dict[str, dict] = {}
    for start in range(0, len(bins), 900):
        for row in Organization.objects.filter(bin__in=bins[start: start + 900]).values("id", "bin", "provenance",
                                                                                       *ORG_FIELDS):
            out[row["bin"]] = row
    return out


def merge(items: list[Incoming], source, as_of: dt.date, report: ImportReport) -> None:
    """Add new organisations and update known ones; every row gets exactly one outcome.

    One SELECT for the batch's known organisations, then one multi-row INSERT of the new
    ones, one executemany UPDATE of the changed ones and one INSERT of their signals.
    """
    existing = _existing([item.bin for item in items])
    stamp = {"source": source.slug, "date": as_of.isoformat()}
    to_create: list[dict] = []
    to_update: dict[int, dict] = {}
    signals: list[dict] = []
    changed_fields: set[str] = set()
    for item in items:
        values = {k: v for k, v in item.values.items() if v not in (None, "", [])}
        current_row = existing.get(item.bin)  # duplicates within a file were set aside by the caller
        if current_row is None:
            row = {"bin": item.bin, **values, "provenance": dict.fromkeys(values, stamp)}
            row.update(derived_values(row))
            to_create.append(row)
            report.note(item.row, item.bin, "added")
            continue
        changed, kept = [], []
        provenance = current_row["provenance"] or {}
        for name, value in values.items():
            current = current_row.get(name)
            if current == value:
                continue
            known = provenance.get(name)
            if known and current not in (None, "", []) and known.get("date", "") > stamp["date"]:
                kept.append(f"{name} ({known.get('source')}, {known.get('date')})")
                continue
            if name in SIGNALS and current not in (None, ""):
                signals.append({"organization_id": current_row["id"], "kind": SIGNALS[name], "date": as_of,
                                "source_id": source.pk,
                                "detail": {"field": name, "from": _iso(current), "to": _iso(value)}})
            current_row[name] = value
            provenance = {**provenance, name: stamp}
            changed.append(name)
        if changed:
            current_row["provenance"] = provenance
            current_row.update(derived_values(current_row))
            changed_fields.update(changed)
            to_update[current_row["id"]] = current_row
            report.note(item.row, item.bin, "changed", "", ", ".join(changed))
        elif kept:
            report.note(item.row, item.bin, "skipped",
                        "в реестре более новые данные — старые значения не записаны", "; ".join(kept))
        else:
            report.note(item.row, item.bin, "unchanged")
    if to_create:
        insert_rows(Organization, to_create)
    if to_update:
        fields = sorted(changed_fields | {"provenance", *DERIVED}) + ["updated_at"]
        now = timezone.now()
        update_rows(Organization, fields, (
            (pk, *(row[name] for name in fields[:-1]), now) for pk, row in to_update.items()))
    if signals:
        insert_rows(Signal, signals)
