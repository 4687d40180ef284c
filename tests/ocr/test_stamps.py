"""Seals and registration marks on the test scans, read with the real Tesseract."""

import cv2
import numpy as np
import pytest

from qogam.documents.imaging import rotate_quarters
from qogam.documents.ocr import OcrSettings
from qogam.documents.stamps import detect_stamps

from .conftest import SCANS, expected, needs_tesseract

pytestmark = [needs_tesseract, pytest.mark.ocr]
SETTINGS = OcrSettings(page_workers=1)


def upright(name: str) -> tuple[dict, np.ndarray]:
    truth = expected(name)
    image = cv2.imread(str(SCANS / truth["file"]), cv2.IMREAD_UNCHANGED)
    return truth, rotate_quarters(image, -truth["rotation"] // 90)


def overlap(a, b) -> float:
    w = max(0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    h = max(0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    return w * h / (a[2] * a[3] + b[2] * b[3] - w * h)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["ru_title_stamped", "kk_title_stamped"])
def test_mark_and_seal_on_a_colour_title_page(name):
    truth, image = upright(name)
    found = detect_stamps(image, 1, settings=SETTINGS)
    assert sorted(s.kind for s in found) == ["registration_mark", "seal"]
    for stamp in found:
        box = next(e["box"] for e in truth["stamps"] if e["kind"] == stamp.kind)
        assert overlap(stamp.box, box) >= 0.5 and stamp.page == 1
    mark = next(s for s in found if s.kind == "registration_mark")
    want = next(e for e in truth["stamps"] if e["kind"] == "registration_mark")
    assert mark.date == want["date"] and mark.bin == want["bin"]
    assert "Алматы" in mark.authority or "Алмат" in mark.authority
    assert mark.confidence and mark.confidence > 60


@pytest.mark.slow
@pytest.mark.parametrize("name", ["ru_p3_seal_over_text", "kk_p3_seal_over_text", "ru_title_faint", "kk_title_faint"])
def test_seal_over_text_and_faint_seal(name):
    truth, image = upright(name)
    seals = [s for s in detect_stamps(image, 1, settings=SETTINGS) if s.kind == "seal"]
    want = next(e["box"] for e in truth["stamps"] if e["kind"] == "seal")
    assert len(seals) == 1 and overlap(seals[0].box, want) >= 0.5


@pytest.mark.slow
@pytest.mark.parametrize("name", ["ru_p2_clean", "kk_p2_clean", "ru_p2_skew_noise", "kk_p2_upside_down"])
def test_pages_without_stamps_have_none(name):
    _, image = upright(name)
    assert detect_stamps(image, 1, settings=SETTINGS) == []


@pytest.mark.slow
def test_black_and_white_title_page_still_gives_the_seal():
    truth, image = upright("ru_title_bitonal")
    seals = [s for s in detect_stamps(image, 1, settings=SETTINGS) if s.kind == "seal"]
    want = next(e["box"] for e in truth["stamps"] if e["kind"] == "seal")
    assert len(seals) == 1 and overlap(seals[0].box, want) >= 0.5


@pytest.mark.slow
def test_blue_signature_and_plain_circle_are_not_stamps():
    page = np.full((3508, 2480, 3), 255, np.uint8)
    # A blue scribble the size of a mark: coloured ink, but no registration text in it.
    xs = np.linspace(300, 1100, 400)
    ys = 800 + 120 * np.sin(xs / 37.0) + 60 * np.cos(xs / 11.0)
    points = np.stack([xs, ys], axis=1).astype(np.int32)
    cv2.polylines(page, [points], False, (190, 80, 30), 6)
    # A thin black circle with nothing inside (a drawn diagram, a punched hole).
    cv2.circle(page, (1600, 2400), 230, (0, 0, 0), 6)
    assert detect_stamps(page, 1, settings=SETTINGS) == []


@pytest.mark.slow
def test_grey_page_is_analysed_without_colour():
    truth, image = upright("ru_p3_bitonal")
    found = detect_stamps(image, 1, settings=SETTINGS)
    want = next(e["box"] for e in truth["stamps"] if e["kind"] == "seal")
    assert [s.kind for s in found] == ["seal"] and overlap(found[0].box, want) >= 0.5


@pytest.mark.slow
@pytest.mark.parametrize("name", ["ru_title_bitonal", "kk_title_bitonal"])
def test_black_and_white_mark_with_a_broken_frame_is_found_from_the_page_text(name):
    # Dropouts break the frame into dashes; the page's own text names the mark.
    from qogam.documents.ocr import ocr_image

    truth = expected(name)
    found = ocr_image(SCANS / truth["file"], SETTINGS).stamps
    marks = [s for s in found if s.kind == "registration_mark"]
    want = next(e["box"] for e in truth["stamps"] if e["kind"] == "registration_mark")
    assert len(marks) == 1 and overlap(marks[0].box, want) >= 0.5
    assert marks[0].date == "2019-03-14" or marks[0].authority


@pytest.mark.slow
def test_black_and_white_seal_over_skewed_text():
    from qogam.documents.ocr import ocr_image

    truth = expected("kk_p3_bitonal")
    seals = [s for s in ocr_image(SCANS / truth["file"], SETTINGS).stamps if s.kind == "seal"]
    assert len(seals) == 1 and overlap(seals[0].box, truth["stamps"][0]["box"]) >= 0.5


@pytest.mark.slow
def test_violet_seal_on_a_grey_scan_is_mid_grey_ink_and_still_found():
    truth, image = upright("kk_p3_seal_over_text")
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    assert grey[grey < 250].max() > 140  # the seal's ink is lighter than the old fixed threshold
    seals = [s for s in detect_stamps(grey, 1, settings=SETTINGS) if s.kind == "seal"]
    assert len(seals) == 1 and overlap(seals[0].box, truth["stamps"][0]["box"]) >= 0.5


def faint_grey(image: np.ndarray, strength: float) -> np.ndarray:
    """The colour page scanned in grey with its stamps' ink at ``strength`` (1 = as printed)."""
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    b, g, r = cv2.split(image)
    stamp = (cv2.max(cv2.max(b, g), r).astype(int) - cv2.min(cv2.min(b, g), r)) > 40
    faint = 255 - strength * (255 - grey.astype(np.float32))
    return np.where(stamp, faint, grey).astype(np.uint8)


@pytest.mark.slow
def test_a_faint_mark_on_a_grey_scan_is_read_from_its_mid_grey_ink():
    # Too light for the page's text threshold: Tesseract alone sees white paper there.
    truth, image = upright("ru_title_stamped")
    grey = faint_grey(image, 0.45)
    want = next(e for e in truth["stamps"] if e["kind"] == "registration_mark")
    x, y, w, h = want["box"]
    assert grey[y : y + h, x : x + w].min() > 120
    # The page pipeline reads the mark's crop under the page, in one Tesseract run with it.
    from qogam.documents.ocr import ocr_page

    marks = [s for s in ocr_page(grey, 1, SETTINGS).stamps if s.kind == "registration_mark"]
    assert len(marks) == 1 and overlap(marks[0].box, want["box"]) >= 0.5
    assert marks[0].date == want["date"]


@pytest.mark.slow
def test_black_text_on_a_grey_scan_is_not_taken_for_stamp_ink():
    truth, image = upright("ru_p3_seal_over_text")
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    assert [s.kind for s in detect_stamps(grey, 1, settings=SETTINGS)] == ["seal"]


@pytest.mark.slow
def test_a_black_mark_stamped_over_the_text_of_a_1_bit_scan_is_read_from_its_frame():
    # The mark of the 1-bit title page, stamped over a 1-bit page of text: the page's words
    # are a jumble of both, and only the frame tells where to read.
    from qogam.documents import framed_marks
    from qogam.documents.ocr import ocr_page

    truth, title = upright("ru_title_bitonal")
    _, clean = upright("ru_p2_clean")
    text = cv2.threshold(clean if clean.ndim == 2 else cv2.cvtColor(clean, cv2.COLOR_BGR2GRAY), 160, 255,
                         cv2.THRESH_BINARY)[1]
    want = next(e for e in truth["stamps"] if e["kind"] == "registration_mark")
    x, y, w, h = want["box"]
    top = 700  # over lines of text
    page = text.copy()
    page[top : top + h + 40, x - 20 : x + w + 20] &= title[y - 20 : y + h + 20, x - 20 : x + w + 20]
    moved = [x, top + 20, w, h]

    def marks(found):
        return [s for s in found.stamps if s.kind == "registration_mark" and overlap(s.box, moved) >= 0.5]

    boxes = framed_marks.frame_boxes(framed_marks.frame_lines(page, 300), 300)
    assert [b for b in boxes if overlap(b, moved) >= 0.5]  # found before any word is read
    assert len(marks(ocr_page(page, 1, SETTINGS))) == 1
