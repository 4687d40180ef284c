"""Home and about pages, and friendly error pages."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse

from qogam.registry.models import RegistrySetting
from qogam.registry.reference import region_source
from qogam.registry.search import registry_facets

from .. import tilemap
from .check import check_form_context


def registry_overview() -> dict:
    """Counts for the home page: the whole-registry facets, kept until the data change."""
    facets = registry_facets()
    by_status = dict(facets["register_status"])
    return {"total": sum(by_status.values()), "by_status": by_status, "by_region": dict(facets["region"])}


def home(request):
    overview = registry_overview()
    url = reverse("search") + "?region={kato}"
    context = {
        "overview": overview,
        "map": tilemap.tiles(overview["by_region"], url=url) if overview["total"] else None,
        **check_form_context(),
    }
    return render(request, "web/home.html", context)


def about(request):
    return render(request, "web/about.html", {
        "population_source": region_source(),
        "demo_setting": RegistrySetting.get(RegistrySetting.DEMO),
    })


def not_found(request, exception=None):
    return render(request, "web/error.html", {"title_code": "404"}, status=404)


def server_error(request):
    return render(request, "web/error.html", {"title_code": "500"}, status=500)
