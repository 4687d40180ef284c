"""Registration marks found from the page's own recognised text and the frame around it.

On a 1-bit or grey scan the mark is black ink like the text, and dropouts break its
frame into dashes, so the frame alone does not outline it (:mod:`qogam.documents.stamps`
looks for unbroken frames). The page's recognised words do name it: a line such as
«ЗАРЕГИСТРИРОВАН» or «ТІРКЕЛДІ». Around such a line the lines of the same block are
gathered, and the block counts as a mark only if a frame shows on at least three of
its sides — long strokes, dashed or not, running along most of the block. A sentence
in the charter's text that says «зарегистрировано» has no frame and is left alone.

    marks_from_words(gray, words, dpi, page, known=()) -> list[Stamp]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import cv2
import numpy as np

from .marks import clean_stamp_text, parse_mark_text, patterns
from .model import Stamp
from .stamps import ink_threshold
from .tesseract import Word, words_to_lines

# Size of a registration mark (as in stamps.py): 30–140 mm wide, 12–90 mm high.
MARK_WIDTH_MM = (30.0, 140.0)
MARK_HEIGHT_MM = (12.0, 90.0)
# A frame stroke is ink running straight for at least this long; a letter's stroke is shorter.
STROKE_MM = 4.0
# How far outside the text the frame is looked for.
FRAME_MARGIN_MM = 12.0
# Share of a side a frame must cover (dashes leave gaps), and sides that must show one.
SIDE_COVERAGE = 0.5
SIDES_NEEDED = 3
# Words further apart than this on one row belong to different columns (a mark beside the title).
GAP_MM = 8.0


def marks_from_words(
    gray: np.ndarray, words: Sequence[Word], dpi: int, page: int = 1, known: Iterable[Stamp] = ()
) -> list[Stamp]:
    """Framed registration marks whose text the page's words contain, not already in ``known``."""
    cues = patterns().registration + patterns().framed_cues
    words = [w for w in words if w.text.strip() and w.conf >= 0]
    gap = GAP_MM * dpi / 25.4
    found = [s for s in known if s.kind == "registration_mark"]
    out: list[Stamp] = []
    for word in words:
        if not any(p.search(word.text) for p in cues):
            continue
        if any(_contains(s.box, word.left + word.width // 2, word.top + word.height // 2) for s in found + out):
            continue
        block = _gather(words, word, gap, dpi / 25.4)
        box = _framed_box(gray, _box(block), dpi)
        if box is None:
            continue
        text = clean_stamp_text(words_to_lines(block))
        parsed = parse_mark_text(text)
        conf = round(sum(w.conf for w in block) / len(block), 1)
        out.append(Stamp(kind="registration_mark", page=page, box=box, text=text, authority=parsed.authority,
                         date=parsed.date, bin=parsed.bin, confidence=conf))
    return out


def _box(words: Sequence[Word]) -> tuple[int, int, int, int]:
    x0 = min(w.left for w in words)
    y0 = min(w.top for w in words)
    x1 = max(w.left + w.width for w in words)
    y1 = max(w.top + w.height for w in words)
    return (x0, y0, x1 - x0, y1 - y0)


def _contains(box: tuple[int, int, int, int], x: int, y: int) -> bool:
    bx, by, bw, bh = box
    return bx <= x <= bx + bw and by <= y <= by + bh


def _clusters(words: list[Word], gap: float) -> list[list[Word]]:
    """Words split into side-by-side groups wherever a horizontal gap wider than ``gap`` opens."""
    groups: list[list[Word]] = []
    right = None
    for w in sorted(words, key=lambda w: w.left):
        if right is None or w.left - right > gap:
            groups.append([])
            right = w.left + w.width
        groups[-1].append(w)
        right = max(right, w.left + w.width)
    return groups


def _gather(words: list[Word], title: Word, gap: float, px: float) -> list[Word]:
    """The anchor word, the words beside it, and the lines stacked around it: the mark's text.

    Words are joined by position, not by Tesseract's block and line numbers, which may run a
    mark's line on into the text beside it. Each next row (below, then above) must lie within
    1.6 line heights of the block and within its sides (widened a little: a mark's lines are centred);
    nothing further from the anchor than the largest mark reaches is taken, so a mark stamped
    over a paragraph does not take the whole paragraph with it.
    """
    middle = title.left + title.width / 2
    reach = MARK_WIDTH_MM[1] * px / 2
    slack = 10 * px

    anchor_y = title.top + title.height / 2
    above, below = 25 * px, MARK_HEIGHT_MM[1] * px - 25 * px

    def within(w: Word, left: float, right: float) -> bool:
        centre, level = w.left + w.width / 2, w.top + w.height / 2
        return (left - slack <= centre <= right + slack and abs(centre - middle) <= reach
                and anchor_y - above <= level <= anchor_y + below)

    same_row = [w for w in words if abs((w.top + w.height / 2) - (title.top + title.height / 2)) < title.height / 2]
    kept = [w for w in next(c for c in _clusters(same_row, gap) if title in c) if abs(w.left + w.width / 2 - middle) <= reach]
    height = title.height
    # Downwards from the anchor, then upwards: the anchor may be the body's line («юстиции»)
    # under a garbled title.
    for down in (True, False):
        x, y, w, h = _box(kept)
        left, right = x, x + w
        edge = y + h if down else y
        rest = [w for w in words if w not in kept and ((w.top > edge - height / 2) if down else (w.top + w.height < edge + height / 2))]
        while rest:
            if down:
                taken = [w for w in rest if w.top <= edge + 1.6 * height and within(w, left, right)]
            else:
                taken = [w for w in rest if w.top + w.height >= edge - 1.6 * height and within(w, left, right)]
            if not taken:
                break
            kept += taken
            x, y, w, h = _box(kept)
            left, right = x, x + w
            edge = y + h if down else y
            rest = [w for w in rest if w not in taken]
    return kept


def _framed_box(gray: np.ndarray, text_box: tuple[int, int, int, int], dpi: int) -> tuple[int, int, int, int] | None:
    """The frame's box around the text, when a frame shows on enough sides and has a mark's size."""
    px = dpi / 25.4
    margin, stroke = int(FRAME_MARGIN_MM * px), max(3, int(STROKE_MM * px))
    x, y, w, h = text_box
    height, width = gray.shape[:2]
    x0, y0 = max(0, x - margin), max(0, y - margin)
    x1, y1 = min(width, x + w + margin), min(height, y + h + margin)
    ink = (gray[y0:y1, x0:x1] < ink_threshold(gray)).astype(np.uint8)
    across = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (stroke, 1)))
    along = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, stroke)))
    # Text box in the cut-out's coordinates.
    tx0, ty0, tx1, ty1 = x - x0, y - y0, x - x0 + w, y - y0 + h
    window = max(4, int(2 * px))
    # Each side is looked for from the middle of the text outwards: words Tesseract made of
    # bits of the frame («|», «ШІ») can stretch the text's box over the frame itself.
    my, mx = (ty0 + ty1) // 2, (tx0 + tx1) // 2
    up = _side(across[:my, tx0:tx1][::-1], window)
    downward = _side(across[my:, tx0:tx1], window)
    leftward = _side(along[ty0:ty1, :mx].T[::-1], window)
    rightward = _side(along[ty0:ty1, mx:].T, window)
    if sum(side is not None for side in (up, downward, leftward, rightward)) < SIDES_NEEDED:
        return None
    # The outermost stroke of each side; where a side shows no frame, the text's edge stands in.
    top = my - up if up is not None else ty0
    bottom = my + downward if downward is not None else ty1
    left = mx - leftward if leftward is not None else tx0
    right = mx + rightward if rightward is not None else tx1
    box_w, box_h = (right - left) / px, (bottom - top) / px
    if not (MARK_WIDTH_MM[0] <= box_w <= MARK_WIDTH_MM[1] and MARK_HEIGHT_MM[0] <= box_h <= MARK_HEIGHT_MM[1]):
        return None
    return (x0 + left, y0 + top, right - left, bottom - top)


def _side(band: np.ndarray, window: int) -> int | None:
    """How far from the band's first row its outermost frame stroke lies, or None.

    ``band`` holds long strokes only, its rows running along the side, from the text's
    middle outwards. A row counts when strokes cover enough of the side; rows close
    together are pooled (the two lines of a double frame, dashes offset between them).
    """
    if band.size == 0 or band.shape[1] == 0:
        return None
    rows = band.shape[0]
    outermost = None
    for start in range(0, max(rows - 1, 1), max(1, window // 6)):
        if band[start : start + window].any(axis=0).mean() >= SIDE_COVERAGE:
            outermost = start
    if outermost is None:
        return None
    hits = np.flatnonzero(band[outermost : outermost + window].any(axis=1))
    return outermost + int(hits[-1]) + 1 if hits.size else None
