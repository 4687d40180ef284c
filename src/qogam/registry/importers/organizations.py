"""Merge organisation rows into the registry by BIN, field by field, newest data winning.

A value in the registry that came from data dated later than the incoming file is
kept (and the row is reported as skipped for that reason); an empty incoming cell
never erases a value. Changes of head, name, address and register status are
recorded as signals for the census.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..bulk import fast_insert
from ..derived import derive
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


def merge(items: list[Incoming], source, as_of: dt.date, report: ImportReport) -> None:
    """Add new organisations and update known ones; every row gets exactly one outcome."""
    existing = Organization.objects.in_bulk([item.bin for item in items], field_name="bin")
    stamp = {"source": source.slug, "date": as_of.isoformat()}
    to_create, to_update, signals = [], {}, []
    changed_fields: set[str] = set()
    for item in items:
        values = {k: v for k, v in item.values.items() if v not in (None, "", [])}
        org = existing.get(item.bin)  # duplicates within a file were set aside by the caller
        if org is None:
            org = Organization(bin=item.bin, **values)
            org.provenance = {name: stamp for name in values}
            derive(org)
            to_create.append(org)
            report.note(item.row, item.bin, "added")
            continue
        changed, kept = [], []
        for name, value in values.items():
            current = getattr(org, name)
            if current == value:
                continue
            known = org.provenance.get(name)
            if known and current not in (None, "", []) and known.get("date", "") > stamp["date"]:
                kept.append(f"{name} ({known.get('source')}, {known.get('date')})")
                continue
            if name in SIGNALS and current not in (None, ""):
                signals.append(Signal(organization=org, kind=SIGNALS[name], date=as_of, source=source,
                                      detail={"field": name, "from": _iso(current), "to": _iso(value)}))
            setattr(org, name, value)
            org.provenance[name] = stamp
            changed.append(name)
        if changed:
            derive(org)
            changed_fields.update(changed)
            if org.pk:
                to_update[org.pk] = org
            report.note(item.row, item.bin, "changed", "", ", ".join(changed))
        elif kept:
            report.note(item.row, item.bin, "skipped",
                        "в реестре более новые данные — старые значения не записаны", "; ".join(kept))
        else:
            report.note(item.row, item.bin, "unchanged")
    if to_create:
        fast_insert(Organization, to_create)
    if to_update:
        fields = sorted(changed_fields | {"provenance", "updated_at", *DERIVED})
        now = dt.datetime.now(dt.UTC)
        for org in to_update.values():
            org.updated_at = now
        Organization.objects.bulk_update(list(to_update.values()), fields, batch_size=500)
    if signals:
        fast_insert(Signal, signals)
