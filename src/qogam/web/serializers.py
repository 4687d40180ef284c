"""Organisations as flat rows (CSV/JSON export, API lists) and as full records (API detail)."""

from __future__ import annotations

from qogam.registry.identifiers import org_id
from qogam.registry.models import Organization
from qogam.registry.reference import icnpo_name, legal_form_name, region_name

EMPTY_ROW_KEYS = (
    "bin", "org_id", "name_full_ru", "name_short_ru", "name_full_kk", "name_short_kk", "legal_form",
    "legal_form_name", "territorial_status", "region", "region_name", "kato", "address", "registered_on",
    "oked", "head_name", "icnpo_group", "icnpo_group_name", "languages", "register_status",
    "register_status_since", "url",
)


def _date(value) -> str | None:
    return value.isoformat() if value else None


def organization_row(org: Organization | None, base_url: str = "") -> dict:
    if org is None:
        return dict.fromkeys(EMPTY_ROW_KEYS, "")
    return {
        "bin": org.bin,
        "org_id": org_id(org.bin),
        "name_full_ru": org.name_full_ru,
        "name_short_ru": org.name_short_ru,
        "name_full_kk": org.name_full_kk,
        "name_short_kk": org.name_short_kk,
        "legal_form": org.legal_form,
        "legal_form_name": legal_form_name(org.legal_form, "ru"),
        "territorial_status": org.territorial_status or None,
        "region": org.region or None,
        "region_name": region_name(org.region, "ru"),
        "kato": org.kato or None,
        "address": org.address,
        "registered_on": _date(org.registered_on),
        "oked": org.oked or None,
        "head_name": org.head_name,
        "icnpo_group": org.icnpo_group or None,
        "icnpo_group_name": icnpo_name(org.icnpo_group, "ru") if org.icnpo_group else None,
        "languages": ",".join(org.languages or []),
        "register_status": org.register_status,
        "register_status_since": _date(org.register_status_since),
        "url": f"{base_url}{org.get_absolute_url()}",
    }


def organization_record(org: Organization, base_url: str = "") -> dict:
    """Everything public about an organisation, with where each field came from."""
    row = organization_row(org, base_url)
    row["languages"] = org.languages or []
    row["head_since"] = _date(org.head_since)
    row["provenance"] = org.provenance
    row["activities"] = [
        {"code": a.code, "group": a.group, "name": icnpo_name(a.code, "ru"), "share": a.share, "source": a.source}
        for a in org.activities.all()
    ]
    row["filings"] = [
        {
            "year": f.year, "submitted_on": _date(f.submitted_on), "on_time": f.on_time,
            "income": float(f.income) if f.income is not None else None,
            "expenses": float(f.expenses) if f.expenses is not None else None,
            "assets": float(f.assets) if f.assets is not None else None,
            "income_sources": f.income_sources, "beneficiaries": f.beneficiaries, "staff": f.staff,
            "volunteers": f.volunteers,
        }
        for f in org.filings.all()
    ]
    row["charters"] = [
        {"version": c.version, "adopted_on": _date(c.adopted_on), "registered_on": _date(c.registered_on),
         "checked_at": c.checked_at.isoformat() if c.checked_at else None, "errors": c.errors,
         "warnings": c.warnings, "findings": c.findings, "charter": c.charter}
        for c in org.charters.filter(review="accepted")
    ]
    row["signals"] = [
        {"kind": s.kind, "date": _date(s.date), "amount": float(s.amount) if s.amount is not None else None,
         "detail": s.detail}
        for s in org.signals.all()
    ]
    return row
