"""plotly.js, served from the plotly Python package's bundled file (no CDN)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from django.http import FileResponse, Http404
from django.views.decorators.cache import cache_control


@lru_cache(maxsize=1)
def plotly_js_path() -> Path | None:
    import plotly

    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    return path if path.exists() else None


@cache_control(public=True, max_age=7 * 24 * 3600)
def plotly_js(request):
    path = plotly_js_path()
    if path is None:
        raise Http404("plotly.min.js is not in the installed plotly package")
    return FileResponse(path.open("rb"), content_type="text/javascript; charset=utf-8")
