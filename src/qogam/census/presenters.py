"""What the census pages show, built from a stored run: links, map tiles, tables, the trend chart.

Every number carries the link to the organisations behind it and to its definition.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse

from qogam.registry.reference import regions

from .definitions import STATE_CODES, Definitions
from .labels import key_name

TILE = 96
GAP = 4
MAP_MODES = ("registered", "working", "registered_per_10k", "working_per_10k")
MEASURES = ("total", "working", *STATE_CODES)


def list_url(**filters: str) -> str:
    query = urlencode({k: v for k, v in filters.items() if v is not None})
    return reverse("census:list") + (f"?{query}" if query else "")


def definition_url(anchor: str) -> str:
    return reverse("census:definitions") + f"#{anchor}"


def measure_anchor(measure: str) -> str:
    if measure == "total":
        return "total"
    if measure == "working":
        return "working"
    return f"state-{measure}"


def measure_filters(measure: str) -> dict[str, str]:
    if measure == "total":
        return {}
    if measure == "working":
        return {"working": "1"}
    return {"state": measure}


def measure_name(measure: str, definitions: Definitions, lang: str) -> str:
    if measure == "total":
        return definitions.total_name(lang)
    if measure == "working":
        return definitions.working_name(lang)
    return definitions.state_name(measure, lang)


@dataclass
class Cell:
    measure: str
    value: int
    url: str


def cells(row: dict, base: dict[str, str]) -> list[Cell]:
    return [Cell(m, row.get(m, 0), list_url(**base, **measure_filters(m))) for m in MEASURES]


def columns(definitions: Definitions, lang: str) -> list[dict]:
    return [{"measure": m, "name": measure_name(m, definitions, lang),
             "definition_url": definition_url(measure_anchor(m))} for m in MEASURES]


def breakdown(result: dict, dimension: str, definitions: Definitions, lang: str,
              base: dict[str, str] | None = None) -> list[dict]:
    rows = []
    for key, row in result["breakdowns"].get(dimension, {}).items():
        filters = {**(base or {}), dimension: key}
        rows.append({"key": key, "name": key_name(dimension, key, lang, definitions), "cells": cells(row, filters)})
    if dimension in ("registration_year",):
        rows.sort(key=lambda r: r["key"], reverse=True)
    elif dimension != "region":
        rows.sort(key=lambda r: -r["cells"][0].value)
    return rows


def registered(row: dict) -> int:
    """On the register on the as-of date: everything but the liquidated."""
    return row.get("total", 0) - row.get("liquidated", 0)


def map_value(row: dict, mode: str, population: int | None) -> float | None:
    base = registered(row) if mode.startswith("registered") else row.get("working", 0)
    if mode.endswith("per_10k"):
        return round(base * 10_000 / population, 1) if population else None
    return base


def tile_map(result: dict, mode: str, populations: dict[str, int], lang: str, highlight: str = "") -> dict:
    """Tiles of the 20 first-level units placed on their grid, shaded by the chosen measure."""
    rows = result["breakdowns"].get("region", {})
    values = {code: map_value(rows.get(code, {}), mode, populations.get(code)) for code in regions()}
    known = [v for v in values.values() if v is not None]
    peak = max(known, default=0) or 1
    low = min(known, default=0)
    spread = (peak - low) or peak  # shade by the range actually seen, so per-capita tiles differ
    tiles = []
    for code, region in regions().items():
        column, row = region.grid
        value = values[code]
        tiles.append({
            "kato": code, "x": column * TILE, "y": row * TILE, "size": TILE - GAP,
            "label": region.short_name(lang), "name": region.name(lang), "value": value,
            "display": "—" if value is None else (f"{value:.1f}" if isinstance(value, float) else f"{value:,}".replace(",", "\u202f")),
            "shade": 0.12 if value is None else 0.2 + 0.8 * (value - low) / spread, "highlighted": code == highlight,
            "url": reverse("census:region", args=[code]),
        })
    width = (max(r.grid[0] for r in regions().values()) + 1) * TILE
    height = (max(r.grid[1] for r in regions().values()) + 1) * TILE
    return {"tiles": tiles, "width": width, "height": height, "peak": peak}


def trends_figure(trends: list[dict], names: dict[str, str]) -> dict | None:
    """Registrations and liquidations per year (bars) and the working share (line, right axis)."""
    if not trends:
        return None
    years = [row["year"] for row in trends]
    figure = {
        "data": [
            {"type": "bar", "name": names["registrations"], "x": years, "y": [r["registrations"] for r in trends],
             "marker": {"color": "#0b5d7a"}},
            {"type": "bar", "name": names["liquidations"], "x": years, "y": [r["liquidations"] for r in trends],
             "marker": {"color": "#9a3412"}},
            {"type": "scatter", "mode": "lines+markers", "name": names["working_share"], "x": years,
             "y": [round(100 * r["working_share"], 1) if r["working_share"] is not None else None for r in trends],
             "yaxis": "y2", "line": {"color": "#1e6b2f", "width": 3}},
        ],
        "layout": {
            "barmode": "group", "height": 340, "margin": {"l": 60, "r": 60, "t": 10, "b": 40},
            "xaxis": {"dtick": 1},
            "yaxis": {"title": {"text": names["count"]}, "rangemode": "tozero"},
            "yaxis2": {"title": {"text": names["working_share"] + ", %"}, "overlaying": "y", "side": "right",
                       "tickmode": "linear", "tick0": 0, "dtick": 20, "showgrid": False,
                       "range": [0, 100]},
            "legend": {"orientation": "h", "y": -0.2},
        },
    }
    return figure  # a dict: the template's json_script encodes it once
