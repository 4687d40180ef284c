"""OpenRefine reconciliation service (Reconciliation API v0.2): names → BINs.

GET /api/reconcile                 the service manifest
GET or POST /api/reconcile?queries={"q0": {"query": "ОФ Мейірім", "limit": 3}}
    → {"q0": {"result": [{"id": BIN, "name": "… [liquidated]", "score": 0–100, "match": bool, …}]}}
Optional properties: {"pid": "region", "v": "750000000"}, {"pid": "legal_form", "v": "public_fund"},
{"pid": "bin", "v": "…"}. JSONP with ?callback=.
"""

from __future__ import annotations

import json
import re

from django.http import HttpResponse, JsonResponse
from ninja import Router

from qogam.registry.reconcile import reconcile

router = Router(tags=["OpenRefine reconciliation"])
TYPE = {"id": "organization", "name": "Non-commercial organisation (Kazakhstan)"}
MAX_QUERIES = 200
_CALLBACK = re.compile(r"^[A-Za-z_$][\w$.]{0,63}$")


def manifest(request) -> dict:
    base = request.build_absolute_uri("/")[:-1]
    return {
        "versions": ["0.2"],
        "name": "qogam — registry of Kazakhstan's NGOs",
        "identifierSpace": f"{base}/org/",
        "schemaSpace": "https://org-id.guide/list/KZ-BIN",
        "defaultTypes": [TYPE],
        "view": {"url": f"{base}/org/{{{{id}}}}/"},
        "preview": {"url": f"{base}/org/{{{{id}}}}/", "width": 600, "height": 300},
    }


def _properties(query: dict) -> dict:
    out = {}
    for item in query.get("properties") or []:
        if isinstance(item, dict) and item.get("pid") in ("region", "legal_form", "bin"):
            value = item.get("v")
            out[item["pid"]] = str(value.get("id") if isinstance(value, dict) else value)
    return out


def answer(queries: dict) -> dict:
    results = {}
    for key, query in list(queries.items())[:MAX_QUERIES]:
        if not isinstance(query, dict):
            query = {"query": str(query)}
        props = _properties(query)
        try:
            limit = int(query.get("limit") or 5)
        except (TypeError, ValueError):
            limit = 5
        candidates = reconcile(str(query.get("query", "")), limit=limit, region=props.get("region"),
                               legal_form=props.get("legal_form"), bin_value=props.get("bin"))
        results[key] = {"result": [
            {"id": c.organization.bin, "name": c.name, "description": c.description, "type": [TYPE],
             "score": c.score, "match": c.match}
            for c in candidates
        ]}
    return results


def _respond(request, data: dict, status: int = 200):
    callback = request.GET.get("callback", "")
    if callback and _CALLBACK.match(callback):
        body = f"{callback}({json.dumps(data, ensure_ascii=False)})"
        return HttpResponse(body, content_type="application/javascript; charset=utf-8", status=status)
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _handle(request, raw: str | None):
    if not raw:
        return _respond(request, manifest(request))
    try:
        queries = json.loads(raw)
    except json.JSONDecodeError as exc:
        return _respond(request, {"error": "queries.invalid", "message": f"queries is not JSON: {exc}"}, 400)
    if not isinstance(queries, dict):
        return _respond(request, {"error": "queries.invalid", "message": "queries must be a JSON object"}, 400)
    return _respond(request, answer(queries))


@router.get("", summary="Service manifest, or reconcile `queries`", response=dict)
def reconcile_get(request):
    return _handle(request, request.GET.get("queries"))


@router.post("", summary="Reconcile `queries` (form field)", response=dict)
def reconcile_post(request):
    return _handle(request, request.POST.get("queries") or request.GET.get("queries"))
