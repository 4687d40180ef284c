"""GET /api/organizations (search with the page's filters) and /api/organizations/{bin}."""

from __future__ import annotations

from ninja import Query, Router, Schema

from qogam.registry.identifiers import InvalidBIN, clean_bin
from qogam.registry.models import Organization
from qogam.registry.search import FACETS, SearchParams, search

from ..serializers import organization_record, organization_row
from .errors import Error, reply

router = Router(tags=["registry"])


class SearchQuery(Schema):
    q: str = ""
    region: list[str] = []
    legal_form: list[str] = []
    register_status: list[str] = []
    icnpo: list[str] = []
    year: list[str] = []
    status: list[str] = []
    year_from: int | None = None
    year_to: int | None = None
    sort: str = ""
    page: int = 1
    page_size: int = 20
    facets: bool = True


def _base(request) -> str:
    return request.build_absolute_uri("/")[:-1]


@router.get("", response=dict, summary="Search organisations",
            description="Full text over names (Russian lemmas; Kazakh letters may be typed with Russian "
            "look-alikes) or a BIN, with the same filters as the search page. Repeat a filter for OR.")
def list_organizations(request, query: Query[SearchQuery]):
    data = query.dict()
    with_facets = data.pop("facets")
    params = SearchParams.from_query(data)
    result = search(params, with_facets=with_facets)
    base = _base(request)
    answer = {
        "total": result.total,
        "page": params.page,
        "page_size": params.page_size,
        "pages": result.pages,
        "items": [organization_row(org, base) for org in result.items],
    }
    if with_facets:
        answer["facets"] = {name: [{"value": v, "count": n} for v, n in result.facets[name]] for name in FACETS}
    return answer


@router.get("/{bin}", response={200: dict, 400: Error, 404: Error}, summary="One organisation",
            description="Identity with the source and date of each field, activities, filings, accepted "
            "charter versions and signals. Accepts a BIN or an org-id (KZ-BIN-…).")
def get_organization(request, bin: str):
    raw = bin.upper().removeprefix("KZ-BIN-")
    try:
        bin_value = clean_bin(raw)
    except InvalidBIN as exc:
        return reply(400, {"error": "bin.invalid", "message": str(exc)})
    org = Organization.objects.filter(bin=bin_value).first()
    if org is None:
        return reply(404, {"error": "bin.not_found", "message": f"no organisation with BIN {bin_value} in the registry"})
    return reply(200, organization_record(org, _base(request)))
