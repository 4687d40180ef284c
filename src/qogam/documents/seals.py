"""Round seals on a page: rings of ink found by Hough circles and confirmed by their profile.

Works on a binary mask at :data:`qogam.documents.stamps.WORK_DPI`. A seal is two concentric
rings with lettering between them; Hough proposes circles, and the share of ink at each radius
around a proposed centre (the ring profile) decides. On coloured ink (a colour scan's stamp
layer) a closed ring is enough; on black ink (grey and 1-bit scans, where the text is ink too)
the inner ring must show as well.

    find_seals(mask, cells_per_mm, strict=...) -> list[(x, y, outer radius)]   # work-scale cells
    same_circle(a, b) -> bool
"""

from __future__ import annotations

from functools import lru_cache

import cv2
import numpy as np

# Seal sizes: Kazakh organisations' seals are 35–50 mm across; allow some margin.
SEAL_DIAMETER_MM = (25.0, 60.0)
# Circles proposed by Hough that are checked for a seal's rings, per page and ink layer.
MAX_SEAL_PROPOSALS = 8
# Directions sampled around a candidate seal's centre: a seal's ring at work scale is 50–70
# cells round, so every second degree still sees each cell of it.
RING_ANGLES = 180


def same_circle(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    """Whether two (x, y, r) circles are one seal found twice (centres closer than half a radius)."""
    return np.hypot(a[0] - b[0], a[1] - b[1]) < 0.5 * max(a[2], b[2])


def find_seals(mask: np.ndarray, cells_per_mm: float, *, strict: bool) -> list[tuple[int, int, int]]:
    """Rings of ink on a binary work-scale mask: (x, y, outer radius).

    Hough circles propose; the ring profile decides. On coloured ink a closed
    ring is enough. On black ink (grey and 1-bit scans) text is ink too, so a seal
    must show both of its concentric rings clearly above the ink around them.
    """
    if mask.max() == 0:
        return []
    rmin, rmax = int(SEAL_DIAMETER_MM[0] * cells_per_mm / 2), int(SEAL_DIAMETER_MM[1] * cells_per_mm / 2)
    soft = cv2.GaussianBlur(mask, (0, 0), 1.2)
    circles = cv2.HoughCircles(
        soft, cv2.HOUGH_GRADIENT_ALT, dp=2 if strict else 1.5, minDist=rmin * 0.5, param1=150,
        param2=0.2 if strict else 0.6, minRadius=int(rmin * 0.6), maxRadius=rmax,
    )
    if circles is None:
        return []
    found: list[tuple[int, int, int]] = []
    # Hough lists the best-supported circles first; on a page of text the tail is noise.
    for x, y, r in circles[0][:MAX_SEAL_PROPOSALS]:
        seal = _confirm_seal(mask, float(x), float(y), float(r), rmin, rmax, strict=strict)
        if seal and not any(same_circle(seal, f) for f in found):
            found.append(seal)
    return found


@lru_cache(maxsize=32)
def _polar_offsets(reach: int) -> tuple[np.ndarray, np.ndarray]:
    """x and y offsets of the samples around a centre: RING_ANGLES directions × radii 0…reach−1."""
    angles = np.arange(RING_ANGLES) * (2 * np.pi / RING_ANGLES)
    radii = np.arange(reach, dtype=np.float64)
    return ((np.cos(angles)[:, None] * radii).astype(np.float32),
            (np.sin(angles)[:, None] * radii).astype(np.float32))


def _ring_profiles(mask: np.ndarray, centres: list[tuple[float, float]], reach: int) -> np.ndarray:
    """Share of ink at each whole radius 0…reach−1 around each centre: one row per centre.

    All centres are sampled by one ``remap``: a seal is checked at a few dozen centres, and
    one call per centre cost more in overhead than the sampling itself.
    """
    dx, dy = _polar_offsets(reach)
    xs = np.array([c[0] for c in centres], dtype=np.float32)[:, None, None]
    ys = np.array([c[1] for c in centres], dtype=np.float32)[:, None, None]
    map_x = (dx[None] + xs).reshape(-1, reach)
    map_y = (dy[None] + ys).reshape(-1, reach)
    polar = cv2.remap(mask, map_x, map_y, cv2.INTER_NEAREST, borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    return (polar.reshape(len(centres), RING_ANGLES, reach) > 0).mean(axis=1)


def _confirm_seal(mask: np.ndarray, x: float, y: float, r: float, rmin: int, rmax: int, *, strict: bool
                  ) -> tuple[int, int, int] | None:
    """The seal around a proposed circle (which may be its inner ring), or None.

    Around a few centres near the proposal, the share of ink at each radius is a
    profile; the outer ring is a radius where ink nearly closes a circle and the
    ink just outside is much thinner. On black ink, the inner ring at 60–85 % of
    that radius must stand out too.
    """
    reach = int(min(rmax / 0.6, r * 1.8)) + 8
    top = min(rmax, reach - 8)
    if top < rmin:
        return None
    radii = np.arange(rmin, top + 1)
    best: tuple[float, int, int, int] | None = None

    def rings_at(centres: list[tuple[float, float]]) -> np.ndarray:
        """Try each centre; keeps the sharpest ring in ``best`` and returns each centre's top ink share."""
        nonlocal best
        profiles = _ring_profiles(mask, centres, reach)
        smooth = profiles.copy()
        smooth[:, 1:] = np.maximum(smooth[:, 1:], profiles[:, :-1])
        smooth[:, :-1] = np.maximum(smooth[:, :-1], profiles[:, 1:])
        sums = np.concatenate([np.zeros((len(centres), 1)), np.cumsum(profiles, axis=1)], axis=1)
        outside = (sums[:, radii + 7] - sums[:, radii + 3]) / 4
        support = smooth[:, radii]
        contrast = support - outside
        ok = (support >= 0.5) & (contrast >= (0.35 if strict else 0.3))
        for i in np.flatnonzero(ok.any(axis=1)):
            rings = [(float(contrast[i, j]), int(radii[j])) for j in np.flatnonzero(ok[i])
                     if not strict or _inner_ring(profiles[i], smooth[i], int(radii[j]))]
            if rings:
                score = max(score for score, _ in rings)
                # The widest ring is the seal's edge: the sharpest may be its inner ring.
                if best is None or score > best[0]:
                    cx, cy = centres[i]
                    best = (score, int(round(cx)), int(round(cy)), max(outer for _, outer in rings))
        return support.max(axis=1)

    if not strict:
        rings_at([(x + dx, y + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)])
    else:
        # On black ink the proposed centre can be a few cells off: a coarse grid first, then
        # the neighbours of the two centres where a ring was sharpest.
        grid = [(dx, dy) for dx in (-4, -2, 0, 2, 4) for dy in (-4, -2, 0, 2, 4)]
        tops = rings_at([(x + dx, y + dy) for dx, dy in grid])
        coarse = sorted(((float(t), dx, dy) for t, (dx, dy) in zip(tops, grid, strict=True)), reverse=True)
        rings_at([(x + bx + dx, y + by + dy) for _, bx, by in coarse[:2]
                  for dx in (-1, 0, 1) for dy in (-1, 0, 1) if dx or dy])
    if best is None:
        return None
    _, cx, cy, outer = best
    return (cx, cy, outer)


def _inner_ring(profile: np.ndarray, smooth: np.ndarray, outer: int) -> bool:
    lo, hi = int(outer * 0.6), int(outer * 0.85)
    if hi - lo < 3:
        return False
    at = lo + int(np.argmax(smooth[lo : hi + 1]))
    around = np.r_[profile[max(0, at - 6) : max(0, at - 2)], profile[at + 3 : at + 7]]
    return smooth[at] >= 0.5 and around.size > 0 and smooth[at] - float(around.mean()) >= 0.2
