"""Census pages: the dashboard, a region, the organisations behind a number, definitions,
liquidation candidates (flags are lists filtered by flag) and an organisation's state with its history.

Pages read the stored run (``qogam census recompute``); they never recompute the census.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from qogam.registry.identifiers import InvalidBIN, clean_bin
from qogam.registry.models import Organization
from qogam.registry.reference import region_source, regions

from . import candidates, presenters, report
from .definitions import STATE_CODES, load
from .flags import FLAG_CODES, Flag, catalogue
from .fresh import fresh_states
from .labels import key_name
from .load import load_records
from .models import CensusRun, OrganizationState, RegionPopulation
from .queries import clean_filters, describe, filtered_states, stored_candidates
from .states import classify, prepare
from .tabulate import DIMENSIONS
from .timeline import events, state_by_year

PAGE_SIZE = 50


def _lang() -> str:
    code = (get_language() or "ru")[:2]
    return code if code in ("ru", "kk", "en") else "ru"


def _run() -> CensusRun | None:
    return CensusRun.objects.order_by("-computed_at", "-id").first()


def _no_run(request):
    return render(request, "census/no_run.html", status=200)


def _populations() -> tuple[dict[str, int], list[str]]:
    rows = list(RegionPopulation.objects.values_list("region", "population", "source", "year"))
    sources = sorted({f"{source}" + (f" ({year})" if year else "") for _r, _p, source, year in rows})
    return {region: population for region, population, _s, _y in rows}, sources


def _common(run: CensusRun, lang: str) -> dict:
    definitions = load()
    return {
        "run": run,
        "result": run.result,
        "lang": lang,
        "definitions": definitions,
        "columns": presenters.columns(definitions, lang),
    }


def dashboard(request):
    run = _run()
    if run is None:
        return _no_run(request)
    lang = _lang()
    context = _common(run, lang)
    definitions = context["definitions"]
    result = run.result
    populations, population_sources = _populations()
    modes = [m for m in presenters.MAP_MODES if not m.endswith("per_10k") or populations]
    mode = request.GET.get("map", "working")
    if mode not in modes:
        mode = "working"
    totals = result["totals"]
    headline = [{
        "measure": m, "name": presenters.measure_name(m, definitions, lang),
        "value": totals.get(m, 0), "url": presenters.list_url(**presenters.measure_filters(m)),
        "definition": definitions.working_definition(lang) if m == "working" else (
            definitions.state_definition(m, definitions.thresholds.replace(**result["thresholds"]), lang)
            if m in STATE_CODES else definitions.total_definition(lang)),
        "definition_url": presenters.definition_url(presenters.measure_anchor(m)),
    } for m in presenters.MEASURES]
    mode_names = {"registered": _("registered NGOs"), "working": _("working NGOs"),
                  "registered_per_10k": _("registered per 10,000 inhabitants"),
                  "working_per_10k": _("working per 10,000 inhabitants")}
    names = {"registrations": _("Registrations"), "liquidations": _("Liquidations"),
             "working_share": _("Working share"), "count": _("Organisations")}
    context.update({
        "headline": headline,
        "map": presenters.tile_map(result, mode, populations, lang),
        "map_mode": mode,
        "map_modes": [(m, mode_names[m]) for m in modes],
        "map_title": mode_names[mode],
        "population_sources": population_sources,
        "region_rows": presenters.breakdown(result, "region", definitions, lang),
        "tables": [(d, definitions.dimension_name(d, lang), presenters.breakdown(result, d, definitions, lang))
                   for d in ("legal_form", "icnpo_group", "language", "registration_year")],
        "trends": result.get("trends", []),
        "trend_figure": presenters.trends_figure(result.get("trends", []), names),
        "sensitivity": [{**row, "text": definitions.threshold_text(row["threshold"], lang),
                         "moves": [(definitions.state_name(code, lang), delta) for code, delta in moves]}
                        for row, moves in report.sensitivity_moves(result.get("sensitivity", []))],
        "flag_rows": [{"code": code, "name": catalogue().name(code, lang), "count": result.get("flags", {}).get(code, 0),
                       "url": presenters.list_url(flag=code)} for code in FLAG_CODES],
        "anomalies": [{"code": code, "name": definitions.anomaly_name(code, lang), "count": n}
                      for code, n in result.get("anomalies", {}).items()],
        "candidates_url": reverse("census:candidates"),
        "stale": _is_stale(run),
        "overrides": " ".join(f"--set {name}={value}" for name, value in result["thresholds"].items()
                              if getattr(definitions.thresholds, name, value) != value),
    })
    return render(request, "census/dashboard.html", context)


def _is_stale(run: CensusRun) -> bool:
    from .store import registry_data_version

    return bool(run.data_version) and run.data_version != registry_data_version()


def region(request, kato: str):
    if kato not in regions():
        raise Http404
    run = _run()
    if run is None:
        return _no_run(request)
    lang = _lang()
    context = _common(run, lang)
    definitions = context["definitions"]
    row = run.result["breakdowns"].get("region", {}).get(kato, {})
    base = {"region": kato}
    tables = []
    for dimension in ("legal_form", "icnpo_group", "language"):
        sub = _live_breakdown(kato, dimension)
        tables.append((dimension, definitions.dimension_name(dimension, lang), [
            {"key": key, "name": key_name(dimension, key, lang, definitions),
             "cells": presenters.cells(counts, {**base, dimension: key})}
            for key, counts in sorted(sub.items(), key=lambda item: -item[1]["total"])
        ]))
    populations, population_sources = _populations()
    context.update({
        "kato": kato,
        "region_name": regions()[kato].name(lang),
        "state_rows": list(zip(context["columns"], presenters.cells(row, base), strict=True)),
        "population": populations.get(kato),
        "population_sources": population_sources,
        "per_10k": {m: presenters.map_value(row, m, populations.get(kato)) for m in presenters.MAP_MODES[2:]},
        "tables": tables,
        "map": presenters.tile_map(run.result, "working", populations, lang, highlight=kato),
        "map_title": _("working NGOs"),
        "candidates_count": OrganizationState.objects.filter(region=kato, liquidation_candidate=True).count(),
        "candidates_url": reverse("census:candidates") + f"?region={kato}",
    })
    return render(request, "census/region.html", context)


def _live_breakdown(kato: str, dimension: str) -> dict[str, dict[str, int]]:
    """Counts by state within one region, from the stored states (same numbers as the run)."""
    out: dict[str, dict[str, int]] = {}
    rows = (OrganizationState.objects.filter(region=kato).order_by().values_list(dimension, "state", "working")
            .annotate(n=Count("pk")))
    for key, state, working, n in rows:
        counts = out.setdefault(key, {"total": 0, "working": 0, **dict.fromkeys(STATE_CODES, 0)})
        counts["total"] += n
        counts[state] += n
        if working:
            counts["working"] += n
    return out


def organizations(request):
    run = _run()
    if run is None:
        return _no_run(request)
    lang = _lang()
    filters = clean_filters(request.GET)
    queryset = filtered_states(filters).select_related("organization").order_by("organization__sort_name",
                                                                                  "organization_id")
    definitions = load()
    if request.GET.get("format") == "csv":
        return _list_csv(queryset, lang, run)
    paginator = Paginator(queryset, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    thresholds = definitions.thresholds.replace(**run.thresholds)
    fresh, _records = fresh_states([s.organization_id for s in page.object_list], run.as_of, thresholds)
    items = []
    for state in page.object_list:
        now = fresh.get(state.organization_id)
        facts = now.facts if now else []
        items.append({
            "org": state.organization,
            "name": state.organization.name(lang),
            "state": state.state,
            "state_name": definitions.state_name(state.state, lang),
            "working": state.working,
            "fact": definitions.fact_text(facts[0].code, facts[0].as_text_values(), lang) if facts else "",
            "flags": [catalogue().name(f["code"], lang) for f in state.flags],
            "url": reverse("census:org", args=[state.organization.bin]),
            "changed": now is not None and now.state != state.state,
        })
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "run": run, "filters": describe(filters, lang), "filter_values": filters, "page": page, "items": items,
        "total": paginator.count, "query": query.urlencode(),
        "definition_url": _list_definition(filters),
    }
    return render(request, "census/list.html", context)


def _list_definition(filters: dict[str, str]) -> str:
    if "state" in filters:
        return presenters.definition_url(f"state-{filters['state']}")
    if filters.get("working") == "1":
        return presenters.definition_url("working")
    if "flag" in filters:
        return presenters.definition_url(f"flag-{filters['flag']}")
    if filters.get("candidate") == "1":
        return presenters.definition_url("candidates")
    return presenters.definition_url("total")


def _list_csv(queryset, lang: str, run: CensusRun) -> HttpResponse:
    import csv

    definitions = load()
    thresholds = definitions.thresholds.replace(**run.thresholds)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="qogam-census.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(["bin", "name", "legal_form", "region", "state", "working", "facts"])
    rows = list(queryset.values_list("organization_id", "organization__bin", "organization__name_full_ru",
                                     "organization__name_full_kk", "legal_form", "region", "state", "working"))
    fresh, _records = fresh_states([row[0] for row in rows], run.as_of, thresholds)
    for key, bin_value, name_ru, name_kk, form, region_code, state, working in rows:
        now = fresh.get(key)
        facts = now.facts if now else []
        writer.writerow([bin_value, name_kk if lang == "kk" and name_kk else name_ru, form, region_code, state,
                         int(working), " | ".join(definitions.fact_text(f.code, f.as_text_values(), lang) for f in facts)])
    return response


def definitions_page(request):
    run = _run()
    lang = _lang()
    definitions = load()
    thresholds = definitions.thresholds.replace(**run.thresholds) if run else definitions.thresholds
    defs = report.definitions_dict(definitions, thresholds.as_dict(), lang)
    cat = catalogue()
    context = {
        "run": run,
        "total": defs["total"],
        "states": [{"code": code, **defs["states"][code]} for code in defs["precedence"]],
        "working": defs["working"],
        "thresholds": [{"name": name, **item} for name, item in defs["thresholds"].items()],
        "flags": [{"code": code, "name": cat.name(code, lang), "definition": cat.definition(code, lang)}
                  for code in FLAG_CODES],
        "disclaimer": cat.disclaimer[lang],
        "liquidation": {**candidates.basis(lang),
                        "definition": candidates.basis(lang)["definition"].format(**thresholds.as_dict())},
        "dimensions": [(d, definitions.dimension_name(d, lang)) for d in DIMENSIONS],
        "population_source": region_source(),
    }
    return render(request, "census/definitions.html", context)


def candidates_page(request):
    run = _run()
    if run is None:
        return _no_run(request)
    lang = _lang()
    kato = request.GET.get("region") or None
    if kato and kato not in regions():
        kato = None
    definitions = load()
    rows = stored_candidates(run.as_of, definitions.thresholds.replace(**run.thresholds), lang, kato)
    if request.GET.get("format") == "csv":
        response = HttpResponse("\ufeff" + candidates.to_csv(rows, lang), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="qogam-liquidation-candidates.csv"'
        return response
    basis = candidates.basis(lang)
    context = {
        "run": run, "rows": rows[:500], "count": len(rows), "region": kato,
        "region_name": regions()[kato].name(lang) if kato else "",
        "basis": {**basis, "definition": basis["definition"].format(**run.thresholds)},
        "csv_url": reverse("census:candidates") + "?" + "&".join(
            p for p in ("format=csv", f"region={kato}" if kato else "") if p),
    }
    return render(request, "census/candidates.html", context)


def organization(request, bin: str):
    try:
        bin_value = clean_bin(bin)
    except InvalidBIN:
        raise Http404 from None
    org = Organization.objects.filter(bin=bin_value).first()
    if org is None:
        raise Http404
    run = _run()
    lang = _lang()
    definitions = load()
    thresholds = definitions.thresholds.replace(**run.thresholds) if run else definitions.thresholds
    as_of = run.as_of if run else timezone.localdate()
    record = load_records([org.id])[0]
    prepared = prepare(record, as_of, definitions)
    text = lambda fact: definitions.fact_text(fact.code, fact.as_text_values(), lang)  # noqa: E731
    state = None if prepared.excluded else classify(prepared, thresholds, definitions)
    stored = OrganizationState.objects.filter(organization_id=org.id).first()
    cat = catalogue()
    flags = [Flag.from_dict(f) for f in (stored.flags if stored else [])]
    context = {
        "org": org, "name": org.name(lang), "run": run, "as_of": as_of,
        "state": state,
        "state_name": definitions.state_name(state.state, lang) if state else "",
        "state_definition": definitions.state_definition(state.state, thresholds, lang) if state else "",
        "working_name": definitions.working_name(lang),
        "facts": [{"text": text(f), "date": f.date} for f in state.facts] if state else [],
        "anomalies": [{"text": text(f), "date": f.date} for f in state.anomalies] if state else [],
        "flags": [{"code": f.code, "name": cat.name(f.code, lang),
                   "facts": [cat.fact_text(f.code, x.as_text_values(), lang) for x in f.facts]} for f in flags],
        "disclaimer": cat.disclaimer[lang],
        "history": [{"date": day, "state": code, "name": definitions.state_name(code, lang), "working": working}
                    for day, code, working in state_by_year(record, as_of, thresholds, definitions)],
        "events": [{"date": e.date, "text": text(e.fact), "tone": e.tone, "ignored": e.ignored}
                   for e in events(record, as_of, thresholds, definitions)],
        "stored_differs": bool(stored and state and stored.state != state.state),
    }
    return render(request, "census/organization.html", context)


def data(request):
    """The stored run as JSON — the same document ``qogam census --format json`` prints."""
    run = _run()
    if run is None:
        return JsonResponse({"error": "census.not_computed",
                             "message": "Run `qogam census recompute` first."}, status=404)
    return HttpResponse(report.to_json(run.result, _lang()), content_type="application/json; charset=utf-8")

