"""An organisation's profile: identity with sources, status, map, activities, charter, filings."""

from __future__ import annotations

import datetime as dt

from django.http import Http404
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from qogam.registry.identifiers import InvalidBIN, clean_bin
from qogam.registry.models import DataSource, Organization
from qogam.registry.models.filing import filing_deadline

from .. import charts, labels, tilemap

FIRST_FILING_YEAR = 2016


def _sources(org: Organization) -> dict[str, dict]:
    slugs = {entry.get("source") for entry in org.provenance.values() if isinstance(entry, dict)}
    names = dict(DataSource.objects.filter(slug__in=slugs).values_list("slug", "name"))
    out = {}
    for field, entry in org.provenance.items():
        if isinstance(entry, dict):
            slug = entry.get("source", "")
            out[field] = {"source": names.get(slug, slug), "date": entry.get("date")}
    return out


def _date(value) -> str:
    return date_format(value, "d.m.Y") if value else ""


def _identity(org: Organization) -> list[tuple[str, str, str]]:
    """(field, label, value shown) rows of the identity table, in reading order."""
    head = org.head_name
    if head and org.head_since:
        head = f"{head} ({_('since')} {_date(org.head_since)})"
    return [
        ("name_full_ru", _("Full name in Russian"), org.name_full_ru),
        ("name_short_ru", _("Short name in Russian"), org.name_short_ru),
        ("name_full_kk", _("Full name in Kazakh"), org.name_full_kk),
        ("name_short_kk", _("Short name in Kazakh"), org.name_short_kk),
        ("legal_form", _("Legal form"), labels.legal_form(org.legal_form)),
        ("territorial_status", _("Territorial status"),
         str(labels.TERRITORIAL_STATUS.get(org.territorial_status, "")) if org.territorial_status else ""),
        ("registered_on", _("Registration date"), _date(org.registered_on)),
        ("oked", _("OKED (main activity code)"), org.oked),
        ("head_name", _("Head"), head),
        ("languages", _("Languages"), ", ".join(org.languages or [])),
        ("icnpo_group", _("ICNPO group"), labels.icnpo(org.icnpo_group) if org.icnpo_group else ""),
        ("register_status", _("Register status"), str(labels.REGISTER_STATUS.get(org.register_status, ""))),
    ]


def _last_reporting_year(today: dt.date) -> int:
    """The latest year whose filings are already due."""
    return today.year - 1 if today > filing_deadline(today.year - 1) else today.year - 2


def organization(request, bin: str):
    try:
        bin_value = clean_bin(bin)
    except InvalidBIN:
        raise Http404 from None
    org = Organization.objects.filter(bin=bin_value).first()
    if org is None:
        raise Http404
    filings = list(org.filings.all().order_by("year"))
    today = dt.date.today()
    first_year = max(FIRST_FILING_YEAR, org.registered_on.year if org.registered_on else FIRST_FILING_YEAR)
    last_year = _last_reporting_year(today)
    if org.register_status != Organization.RegisterStatus.REGISTERED and org.register_status_since:
        last_year = min(last_year, org.register_status_since.year)
    last_year = max(last_year, max((f.year for f in filings), default=last_year))
    due_years = list(range(first_year, last_year + 1))
    filed_years = {f.year for f in filings}
    charters = list(org.charters.filter(review="accepted").order_by("-version"))
    activities = sorted(org.activities.all(), key=lambda a: -(a.share or 0))
    context = {
        "org": org,
        "name": org.name(labels.lang()),
        "sources": _sources(org),
        "identity": _identity(org),
        "map": tilemap.tiles(highlight=org.region),
        "activities": [{"code": a.code, "name": labels.icnpo(a.code), "share": a.share, "source": a.source}
                       for a in activities],
        "charter": charters[0] if charters else None,
        "charters": charters,
        "filings": filings,
        "chart": charts.filings_figure(filings, first_year, last_year) if filings else None,
        "missing_years": [y for y in due_years if y not in filed_years],
        "due_years": due_years,
        "signals": list(org.signals.all().order_by("-date")[:30]),
        "region_label": labels.region(org.region),
    }
    return render(request, "web/organization.html", context)
