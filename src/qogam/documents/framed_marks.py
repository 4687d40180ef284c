"""Registration marks found from the page's own recognised words and the frame around them.

On a 1-bit or grey scan the mark is black ink like the text, and dropouts break its
frame into dashes, so an unbroken outline is not there to find (:mod:`qogam.documents.stamps`
looks for those on stamp ink). The page's recognised words still name the mark: «ЗАРЕГИСТРИРОВАН»,
«ТІРКЕЛДІ», «юстиции», «Тіркеу №» — the anchors. Around an anchor a frame is looked for: straight
strokes (dashed or not) above and below it, of a mark's width and matching each other, and
one on the left or right — three sides at least. The words inside the frame are the mark's
text. A sentence in the charter that says «зарегистрировано в органах юстиции» has no frame
around it and is left alone; a mark stamped over the text is found by its frame even when
its words are mixed with the page's. Dropouts can also leave a frame as pieces far apart, its
top and bottom lines of different lengths; :func:`frame_boxes` then pools the strokes near one
another and keeps the pool's outline when its sides carry enough ink.

    marks_from_words(gray, words, dpi, page, known=(), lines=None) -> list[Stamp]
    frame_boxes(frame_lines(gray, dpi), dpi) -> list[box]   # frames alone, read by the caller
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

import cv2
import numpy as np

from .marks import clean_stamp_text, parse_mark_text, patterns
from .model import Stamp
from .stamps import MARK_HEIGHT_MM, MARK_WIDTH_MM, _overlap, ink_threshold
from .tesseract import Word, words_to_lines

# A frame stroke is ink running straight for at least this long; a letter's stroke is shorter.
STROKE_MM = 4.0
# Gaps a dashed or broken frame line may have, and how close the two lines of a double frame lie.
GAP_MM = 8.0
DOUBLE_LINE_MM = 2.5
# The frame's lines are found on a half-resolution copy of the page: frames are thick enough.
WORK_SCALE = 0.5
# Top and bottom lines of one frame have nearly the same ends; a table's row lines do not
# end where one of its cells does.
ENDS_TOLERANCE_MM = 8.0
# A frame broken into pieces further apart than GAP_MM: pieces this close are pooled into one
# outline (tried at each distance: the wider one also pools a page's other lines with the
# frame), which must carry ink along a share of its sides: three sides at least MIN_SIDE_INK
# (the weakest may be lost) and MIN_FRAME_INK over all four.
POOL_MM = (12.0, 25.0)
MIN_SIDE_INK = 0.35
MIN_FRAME_INK = 2.0


@dataclass(frozen=True)
class _Line:
    """A straight frame line at work scale: ``at`` across it, ``start``–``end`` along it."""

    at: int
    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class FrameLines:
    """A page's straight frame lines at work scale, and the size of that scale's page."""

    across: list[_Line]
    down: list[_Line]
    shape: tuple[int, int]
    px: float  # work-scale cells per millimetre

    @cached_property
    def broken_frames(self) -> list[tuple[int, int, int, int]]:
        """:func:`_broken_frames` of these lines, worked out once per page."""
        return _broken_frames(self)


def frame_lines(gray: np.ndarray, dpi: int) -> FrameLines:
    """The page's straight frame lines (horizontal, vertical), at work scale, dashes mended."""
    return _frame_lines(gray, dpi / 25.4 * WORK_SCALE)


def frame_boxes(lines: FrameLines, dpi: int) -> list[tuple[int, int, int, int]]:
    """Every frame of a mark's size on the page (x, y, w, h in page pixels), words or not.

    On a 1-bit scan a mark stamped over text is read as a jumble with the text, so no anchor
    word may survive; its frame still does. The caller reads each box and keeps those whose
    text names a registration (the frame alone proves nothing: a framed note has one too).
    """
    px = dpi / 25.4 * WORK_SCALE
    across, down = lines.across, lines.down
    hmin = MARK_HEIGHT_MM[0] * px
    frames: list[tuple[int, int, int, int]] = []
    for top in across:
        if not MARK_WIDTH_MM[0] * px <= top.length <= MARK_WIDTH_MM[1] * px:
            continue
        # Just under the line, so that it is the nearest line above the point.
        frame = _frame_around((top.start + top.end) / 2, top.at + hmin / 2 + 1, across, down, px)
        if frame is not None and abs(frame[1] - top.at) <= 2:
            frames.append(frame)
    for frame in lines.broken_frames:
        if not any(_same_box(frame, other, px) for other in frames):
            frames.append(frame)
    boxes: list[tuple[int, int, int, int]] = []
    for frame in frames:
        box = tuple(int(round(v / WORK_SCALE)) for v in frame)
        if box not in boxes:
            boxes.append(box)
    return boxes


def marks_from_words(
    gray: np.ndarray, words: Sequence[Word], dpi: int, page: int = 1, known: Iterable[Stamp] = (),
    lines: FrameLines | None = None, *, pieced: bool = False,
) -> list[Stamp]:
    """Framed registration marks whose words the page's text contains, not already in ``known``.

    ``lines``: the page's :func:`frame_lines`, when the caller has them already. ``pieced``: also
    take frames pieced together from far-apart strokes (a 1-bit scan's dropouts); on other
    scans a frame's lines are whole enough, and piecing costs time on every page whose text
    names the justice body.
    """
    cues = patterns().registration + patterns().framed_cues
    words = [w for w in words if w.text.strip() and w.conf >= 0]
    anchors = [w for w in words if any(p.search(w.text) for p in cues)]
    if not anchors:
        return []
    px = dpi / 25.4 * WORK_SCALE  # work-scale cells per millimetre
    lines = lines if lines is not None else _frame_lines(gray, px)
    across, down = lines.across, lines.down
    taken = [s.box for s in known if s.kind == "registration_mark"]
    out: list[Stamp] = []
    for word in anchors:
        cx, cy = (word.left + word.width / 2) * WORK_SCALE, (word.top + word.height / 2) * WORK_SCALE
        if any(_contains(box, cx / WORK_SCALE, cy / WORK_SCALE) for box in taken):
            continue
        frame = _frame_around(cx, cy, across, down, px)
        if frame is None and pieced:
            around = [f for f in lines.broken_frames if _contains(f, cx, cy)]
            frame = min(around, key=lambda f: f[2] * f[3]) if around else None
        if frame is None:
            continue
        box = tuple(int(round(v / WORK_SCALE)) for v in frame)
        inside = [w for w in words if _contains(box, w.left + w.width / 2, w.top + w.height / 2)]
        text = clean_stamp_text(words_to_lines(inside))
        parsed = parse_mark_text(text)
        conf = round(sum(w.conf for w in inside) / len(inside), 1)
        stamp = Stamp(kind="registration_mark", page=page, box=box, text=text, authority=parsed.authority,
                      date=parsed.date, bin=parsed.bin, confidence=conf)
        out.append(stamp)
        taken.append(box)
    return out


def _contains(box: tuple[int, ...], x: float, y: float) -> bool:
    bx, by, bw, bh = box
    return bx <= x <= bx + bw and by <= y <= by + bh


def _frame_lines(gray: np.ndarray, px: float) -> FrameLines:
    """Horizontal and vertical frame lines of the page at work scale, gaps of dashed lines mended."""
    small = cv2.resize(gray, None, fx=WORK_SCALE, fy=WORK_SCALE, interpolation=cv2.INTER_AREA)
    ink = (small < ink_threshold(small)).astype(np.uint8)
    stroke, gap, double = max(3, int(STROKE_MM * px)), int(GAP_MM * px), max(1, int(DOUBLE_LINE_MM * px))
    lines = []
    for horizontal in (True, False):
        shape = (stroke, 1) if horizontal else (1, stroke)
        strokes = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, shape))
        # Close the dashes' gaps along the line, and pool a double frame's two lines into one.
        mend = (gap, double) if horizontal else (double, gap)
        joined = cv2.morphologyEx(strokes, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, mend))
        count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
        found = []
        for x, y, w, h, _ in stats[1:count]:
            length, thickness = (w, h) if horizontal else (h, w)
            if length >= MARK_HEIGHT_MM[0] * 0.6 * px and thickness <= 4 * double:
                found.append(_Line(y + h // 2, x, x + w) if horizontal else _Line(x + w // 2, y, y + h))
        lines.append(found)
    return FrameLines(lines[0], lines[1], small.shape[:2], px)


def _broken_frames(lines: FrameLines) -> list[tuple[int, int, int, int]]:
    """Frames (x, y, w, h at work scale) pieced together from lines broken into long gaps.

    Dropouts of a 1-bit scan can leave a mark's frame as dashes far apart and its top and
    bottom lines of different lengths, which :func:`_frame_around` cannot match. Here the
    pieces near one another are pooled; the pool's outline is the frame when each of its
    sides carries enough ink along its length.
    """
    height, width, px = *lines.shape, lines.px
    horizontal = np.zeros((height, width), np.uint8)
    vertical = np.zeros((height, width), np.uint8)
    for ln in lines.across:
        horizontal[max(0, ln.at - 1) : ln.at + 2, ln.start : ln.end] = 1
    for ln in lines.down:
        vertical[ln.start : ln.end, max(0, ln.at - 1) : ln.at + 2] = 1
    frames: list[tuple[int, int, int, int]] = []
    for pool_mm in POOL_MM:
        for frame in _pooled_frames(lines, horizontal, vertical, int(pool_mm * px), px):
            if not any(_same_box(frame, other, px) for other in frames):
                frames.append(frame)
    # A frame whose lower or upper part was lost is found whole with the wider pool: keep that.
    return [f for f in frames if not any(f != g and _overlap(f, g) > 0.8 for g in frames
                                         if g[2] * g[3] > f[2] * f[3])]


def _pooled_frames(lines: FrameLines, horizontal: np.ndarray, vertical: np.ndarray, reach: int, px: float
                   ) -> list[tuple[int, int, int, int]]:
    """:func:`_broken_frames` for one pooling distance (``reach`` cells at work scale)."""
    pooled = cv2.dilate(horizontal | vertical, np.ones((reach, reach), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(pooled, connectivity=8)
    wmin, wmax = MARK_WIDTH_MM[0] * px, MARK_WIDTH_MM[1] * px
    hmin, hmax = MARK_HEIGHT_MM[0] * px, MARK_HEIGHT_MM[1] * px
    band = max(2, int(DOUBLE_LINE_MM * px / 2))
    frames = []
    for x, y, w, h, _ in stats[1:count]:
        x, y, w, h = x + reach // 2, y + reach // 2, w - reach, h - reach
        if not (wmin <= w <= wmax + reach and hmin <= h <= hmax + reach):
            continue
        rows = horizontal[y : y + h, x : x + w].mean(axis=1)
        cols = vertical[y : y + h, x : x + w].mean(axis=0)
        edge_h, edge_w = max(1, int(h * 0.35)), max(1, int(w * 0.35))
        top = y + int(np.argmax(rows[:edge_h]))
        bottom = y + h - edge_h + int(np.argmax(rows[h - edge_h :]))
        left = x + int(np.argmax(cols[:edge_w]))
        right = x + w - edge_w + int(np.argmax(cols[w - edge_w :]))
        if not (wmin <= right - left <= wmax and hmin <= bottom - top <= hmax):
            continue
        sides = sorted((
            horizontal[max(0, top - band) : top + band + 1, left:right].any(axis=0).mean(),
            horizontal[max(0, bottom - band) : bottom + band + 1, left:right].any(axis=0).mean(),
            vertical[top:bottom, max(0, left - band) : left + band + 1].any(axis=1).mean(),
            vertical[top:bottom, max(0, right - band) : right + band + 1].any(axis=1).mean(),
        ))
        if sides[1] < MIN_SIDE_INK or sum(sides) < MIN_FRAME_INK:
            continue
        if _divided(lines.across, lines.down, left, right, top, bottom, ENDS_TOLERANCE_MM * px):
            continue
        frames.append((left, top, right - left, bottom - top))
    return frames


def _same_box(a: tuple[int, int, int, int], b: tuple[int, int, int, int], px: float) -> bool:
    tolerance = ENDS_TOLERANCE_MM * px
    return all(abs(p - q) <= tolerance for p, q in zip(a, b, strict=True))


def _frame_around(cx: float, cy: float, across: list[_Line], down: list[_Line], px: float
                  ) -> tuple[int, int, int, int] | None:
    """The frame (x, y, w, h at work scale) closest around the point, or None.

    The top line is the nearest above the point that spans it, the bottom line the nearest
    below with the same ends; a side line must run along most of the height at one end.
    """
    wmin, wmax = MARK_WIDTH_MM[0] * px, MARK_WIDTH_MM[1] * px
    hmin, hmax = MARK_HEIGHT_MM[0] * px, MARK_HEIGHT_MM[1] * px
    tolerance = ENDS_TOLERANCE_MM * px
    spanning = [ln for ln in across if ln.start <= cx <= ln.end and wmin <= ln.length <= wmax]
    above = sorted((ln for ln in spanning if ln.at < cy), key=lambda ln: cy - ln.at)
    below = sorted((ln for ln in spanning if ln.at > cy), key=lambda ln: ln.at - cy)
    for top in above:
        if cy - top.at > hmax:
            break
        for bottom in below:
            height = bottom.at - top.at
            if height > hmax:
                break
            if height < hmin or abs(top.start - bottom.start) > tolerance or abs(top.end - bottom.end) > tolerance:
                continue
            left, right = min(top.start, bottom.start), max(top.end, bottom.end)
            left_side = _side(down, left, top.at, bottom.at, tolerance)
            right_side = _side(down, right, top.at, bottom.at, tolerance)
            if left_side is None and right_side is None:
                continue
            # A side line says exactly where the frame ends; a dashed line may stop short of it.
            left = left_side if left_side is not None else left
            right = right_side if right_side is not None else right
            if _divided(across, down, left, right, top.at, bottom.at, tolerance):
                continue  # a table's cell, not a mark
            return (left, top.at, right - left, height)
    return None


def _divided(across: list[_Line], down: list[_Line], left: int, right: int, top: int, bottom: int,
             tolerance: float) -> bool:
    """Whether a line runs across the inside of the box from side to side or top to bottom.

    A mark is one box (its double frame's lines are pooled into one); a table has rows and
    columns.
    """
    width, height = right - left, bottom - top
    for ln in down:
        if left + tolerance < ln.at < right - tolerance and min(ln.end, bottom) - max(ln.start, top) >= 0.8 * height:
            return True
    for ln in across:
        if top + tolerance < ln.at < bottom - tolerance and min(ln.end, right) - max(ln.start, left) >= 0.8 * width:
            return True
    return False


def _side(down: list[_Line], x: float, top: int, bottom: int, tolerance: float) -> int | None:
    """Where a vertical line near ``x`` covers at least half of the rows between ``top`` and ``bottom``."""
    near = [ln for ln in down if abs(ln.at - x) <= tolerance]
    for at in sorted({ln.at for ln in near}, key=lambda a: abs(a - x)):
        covered = sum(max(0, min(ln.end, bottom) - max(ln.start, top)) for ln in near if abs(ln.at - at) <= 2)
        if covered >= 0.5 * (bottom - top):
            return at
    return None
