"""A tile-grid map of the 20 first-level units (no boundary file with a clear licence is known)."""

from __future__ import annotations

from dataclasses import dataclass

from qogam.registry.reference import regions

from . import labels

TILE = 92  # px, including the gap
GAP = 4


@dataclass
class Tile:
    kato: str
    x: int
    y: int
    size: int
    label: str
    name: str
    count: int | None
    shade: float  # 0..1, for the fill's opacity
    highlighted: bool
    url: str


def tiles(counts: dict[str, int] | None = None, highlight: str | None = None, url: str = "") -> dict:
    """Tiles placed on their grid, shaded by ``counts``; ``url`` gets ``{kato}`` filled in."""
    lang = labels.lang()
    peak = max((counts or {}).values(), default=0) or 1
    out = []
    for code, region in regions().items():
        column, row = region.grid
        count = (counts or {}).get(code) if counts is not None else None
        out.append(Tile(
            kato=code, x=column * TILE, y=row * TILE, size=TILE - GAP,
            label=region.short_name(lang), name=region.name(lang), count=count,
            shade=0.15 + 0.85 * ((count or 0) / peak) if counts is not None else 0.15,
            highlighted=code == highlight, url=url.format(kato=code) if url else "",
        ))
    width = (max(r.grid[0] for r in regions().values()) + 1) * TILE
    height = (max(r.grid[1] for r in regions().values()) + 1) * TILE
    return {"tiles": out, "width": width, "height": height}
