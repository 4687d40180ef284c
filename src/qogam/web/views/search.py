"""Search with facets, and CSV/JSON export of any result set."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator

from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from qogam.registry.search import FACETS, SORTS, SearchParams, iterate, search

from .. import labels
from ..serializers import organization_row

FACET_LIMIT = 12  # values shown before "more"


def search_page(request):
    params = SearchParams.from_query(request.GET)
    result = search(params)
    facets = []
    for name in FACETS:
        values = [
            {"value": value, "label": labels.facet_value(name, value), "count": n,
             "selected": value in getattr(params, name)}
            for value, n in result.facets.get(name, [])
        ]
        if name == "region":
            values.sort(key=lambda v: (-v["count"], v["label"]))
        facets.append({"name": name, "title": labels.FACET_TITLES[name], "values": values,
                       "selected": [v for v in values if v["selected"]], "limit": FACET_LIMIT})
    active = [
        {"facet": name, "value": value, "label": labels.facet_value(name, value)}
        for name in FACETS for value in getattr(params, name)
    ]
    query = params.to_query(page=1)
    return render(request, "web/search.html", {
        "params": params,
        "result": result,
        "facets": facets,
        "active": active,
        "sorts": [(key, labels.SORT_LABELS[key]) for key in SORTS if key != "relevance" or params.q],
        "current_sort": params.effective_sort,
        "export_query": query,
        "pages": _page_window(params.page, result.pages),
        "first_number": (params.page - 1) * params.page_size + 1,
    })


def _page_window(page: int, pages: int) -> list[int | None]:
    """Page numbers around the current one, with None for the gaps."""
    wanted = sorted({1, pages, *range(max(1, page - 2), min(pages, page + 2) + 1)})
    out: list[int | None] = []
    for number in wanted:
        if out and number - (out[-1] or 0) > 1:
            out.append(None)
        out.append(number)
    return out


class _Echo:
    def write(self, value):
        return value


def _csv_rows(params: SearchParams, base_url: str) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff"  # so that Excel opens UTF-8 Cyrillic correctly
    header = None
    for org in iterate(params):
        row = organization_row(org, base_url)
        if header is None:
            header = list(row)
            yield writer.writerow(header)
        yield writer.writerow([row[key] for key in header])
    if header is None:
        yield writer.writerow(list(organization_row(None, base_url)))


def _json_rows(params: SearchParams, base_url: str) -> Iterator[str]:
    meta = {"query": params.to_query(page=1), "generated_at": timezone.now().isoformat(timespec="seconds"),
            "licence": "see /about/"}
    yield '{"meta": ' + json.dumps(meta, ensure_ascii=False) + ', "organizations": ['
    first = True
    for org in iterate(params):
        yield ("" if first else ",\n") + json.dumps(organization_row(org, base_url), ensure_ascii=False)
        first = False
    yield "]}\n"


def export(request, fmt: str):
    if fmt not in ("csv", "json"):
        raise Http404
    params = SearchParams.from_query(request.GET)
    base_url = request.build_absolute_uri("/")[:-1]
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    if fmt == "csv":
        response = StreamingHttpResponse(_csv_rows(params, base_url), content_type="text/csv; charset=utf-8")
    else:
        response = StreamingHttpResponse(_json_rows(params, base_url), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="qogam-organizations-{stamp}.{fmt}"'
    return response
