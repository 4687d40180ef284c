"""The REST API (django-ninja): OpenAPI document at /api/openapi.json, docs at /api/docs."""

from ninja import NinjaAPI

from . import check, organizations, reconcile, text

api = NinjaAPI(
    title="qogam API",
    version="1.0",
    description=(
        "Registry of Kazakhstan's non-commercial organisations and the charter checker. "
        "Organisations are identified by BIN (12 digits) and org-id `KZ-BIN-<bin>`; regions by KATO codes; "
        "activities by ICNPO codes. `/api/reconcile` is an OpenRefine reconciliation service."
    ),
    urls_namespace="api",
)
api.add_router("/", check.router)
api.add_router("/", text.router)
api.add_router("/organizations", organizations.router)
api.add_router("/reconcile", reconcile.router)
