"""Registration marks found from recognised words and the frame drawn around them (no Tesseract)."""

import cv2
import numpy as np

from qogam.documents.framed_marks import frame_boxes, frame_lines, marks_from_words
from qogam.documents.model import Stamp
from qogam.documents.tesseract import Word

DPI = 300
LINES = ["ЗАРЕГИСТРИРОВАН", "Департаментом юстиции", "города Алматы", "14.03.2019"]


def words_at(x: int, y: int, lines: list[str], block: int = 1) -> list[Word]:
    out = []
    for n, line in enumerate(lines):
        left = x
        for text in line.split():
            width = 28 * len(text)
            out.append(Word(text, 90.0, block, 1, n + 1, left, y + 52 * n, width, 36))
            left += width + 20
    return out


def page_with_frame(box: tuple[int, int, int, int], dash: int = 0) -> np.ndarray:
    page = np.full((3508, 2480), 255, np.uint8)
    x, y, w, h = box
    cv2.rectangle(page, (x, y), (x + w, y + h), 0, 6)
    if dash:  # knock gaps into the frame, as dropouts of a 1-bit scan do
        for gx in range(x + 40, x + w - 40, dash):
            page[y - 5 : y + 6, gx : gx + 25] = 255
            page[y + h - 5 : y + h + 6, gx : gx + 25] = 255
        for gy in range(y + 40, y + h - 40, dash):
            page[gy : gy + 25, x - 5 : x + 6] = 255
    return page


def test_a_framed_block_naming_the_registration_is_a_mark():
    words = words_at(320, 240, LINES)
    found = marks_from_words(page_with_frame((260, 190, 700, 300), dash=90), words, DPI, page=2)
    assert len(found) == 1
    mark = found[0]
    assert mark.kind == "registration_mark" and mark.page == 2
    x, y, w, h = mark.box
    assert abs(x - 260) < 12 and abs(y - 190) < 12 and abs(w - 700) < 20 and abs(h - 300) < 20
    assert mark.date == "2019-03-14" and "юстиции города Алматы" in mark.authority


def test_the_same_words_without_a_frame_are_running_text():
    words = words_at(320, 240, LINES)
    page = np.full((3508, 2480), 255, np.uint8)
    assert marks_from_words(page, words, DPI) == []


def test_text_beside_the_mark_is_not_taken_into_it():
    words = words_at(320, 240, LINES) + words_at(1500, 240, ["УТВЕРЖДЕН решением общего собрания"] * 4, block=2)
    found = marks_from_words(page_with_frame((260, 190, 700, 300)), words, DPI)
    assert len(found) == 1 and found[0].box[0] + found[0].box[2] < 1000
    assert "УТВЕРЖДЕН" not in found[0].text


def test_a_mark_already_found_on_the_colour_layer_is_not_reported_twice():
    words = words_at(320, 240, LINES)
    known = [Stamp(kind="registration_mark", page=1, box=(260, 190, 700, 300))]
    assert marks_from_words(page_with_frame((260, 190, 700, 300)), words, DPI, known=known) == []


def test_a_frame_too_small_for_a_mark_is_not_one():
    words = words_at(320, 240, ["ЗАРЕГИСТРИРОВАН"])
    page = page_with_frame((300, 225, 480, 60))  # 40 × 5 mm: a boxed word, not a mark
    assert marks_from_words(page, words, DPI) == []


def test_a_garbled_title_is_found_through_the_justice_body_below_it():
    lines = ["3.РЕ ИСТР ОВАН", "Департаментом юстиции", "города Алматы", "14.03.2019"]
    found = marks_from_words(page_with_frame((260, 190, 700, 300), dash=90), words_at(320, 240, lines), DPI)
    assert len(found) == 1
    x, y, w, h = found[0].box
    assert abs(y - 190) < 12 and abs(h - 300) < 20  # the title's row is inside, above the anchor
    assert "3.РЕ ИСТР ОВАН" in found[0].text


def test_a_table_cell_that_mentions_registration_is_not_a_mark():
    # Two columns and two rows, 120 × 50 mm, the registration sentence in a cell.
    page = np.full((3508, 2480), 255, np.uint8)
    x, y, w, h = 300, 600, 1417, 590
    cv2.rectangle(page, (x, y), (x + w, y + h), 0, 4)
    cv2.line(page, (x + 700, y), (x + 700, y + h), 0, 4)
    cv2.line(page, (x, y + 295), (x + w, y + 295), 0, 4)
    words = words_at(340, 640, ["Объединение", "зарегистрировано в", "органах юстиции"])
    assert marks_from_words(page, words, DPI) == []
    # The same box without the dividing lines would be taken for a mark.
    plain = np.full((3508, 2480), 255, np.uint8)
    cv2.rectangle(plain, (x, y), (x + w, y + h), 0, 4)
    assert len(marks_from_words(plain, words, DPI)) == 1


def test_frames_of_a_marks_size_are_found_without_words_and_table_cells_are_not():
    page = page_with_frame((260, 190, 700, 300), dash=90)
    page[1500:3300:60, 250:2200] = 0  # ruled lines standing in for text: too long for a mark
    cv2.rectangle(page, (1200, 400), (1900, 700), 0, 6)  # a table of two cells
    cv2.line(page, (1550, 400), (1550, 700), 0, 6)
    boxes = frame_boxes(frame_lines(page, DPI), DPI)
    assert len(boxes) == 1
    x, y, w, h = boxes[0]
    assert abs(x - 260) < 12 and abs(y - 190) < 12 and abs(w - 700) < 20 and abs(h - 300) < 20


def broken_double_frame(page: np.ndarray, box: tuple[int, int, int, int]) -> None:
    """A mark's double frame after a 1-bit scan's dropouts: pieces of 130 px with gaps of
    100 px (8.5 mm, more than the mended gap), the bottom line's right third lost."""
    x, y, w, h = box
    frame = np.full_like(page, 255)
    cv2.rectangle(frame, (x, y), (x + w, y + h), 0, 6)
    cv2.rectangle(frame, (x + 13, y + 13), (x + w - 13, y + h - 13), 0, 3)
    rows, cols = np.indices(page.shape)
    horizontal = (np.abs(rows - y) < 20) | (np.abs(rows - y - h) < 20)
    lost = np.where(horizontal, (cols - x) % 230 >= 130, (rows - y) % 230 >= 130)
    frame[lost] = 255
    frame[y + h - 20 : y + h + 10, x + 2 * w // 3 : x + w + 10] = 255
    page &= frame


def test_a_frame_broken_into_far_apart_pieces_is_still_found():
    page = np.full((3508, 2480), 255, np.uint8)
    broken_double_frame(page, (300, 2400, 620, 380))
    boxes = frame_boxes(frame_lines(page, DPI), DPI)
    assert len(boxes) == 1
    x, y, w, h = boxes[0]
    assert abs(x - 300) < 15 and abs(y - 2400) < 15 and abs(w - 620) < 30 and abs(h - 380) < 30


def test_strokes_scattered_like_underlined_text_make_no_frame():
    page = np.full((3508, 2480), 255, np.uint8)
    rng = np.random.default_rng(3)
    for _ in range(60):  # underlined words: short rules at random, none of them closing a box
        x, y = int(rng.integers(200, 2100)), int(rng.integers(300, 3200))
        page[y : y + 4, x : x + int(rng.integers(60, 260))] = 0
    assert frame_boxes(frame_lines(page, DPI), DPI) == []


def test_words_inside_a_pieced_frame_are_a_mark_on_1_bit_scans_only():
    page = np.full((3508, 2480), 255, np.uint8)
    broken_double_frame(page, (300, 2400, 620, 380))
    words = words_at(360, 2450, LINES)
    assert marks_from_words(page, words, DPI) == []  # grey or colour scan: frames are whole there
    found = marks_from_words(page, words, DPI, pieced=True)
    assert len(found) == 1 and found[0].authority and "юстиции города Алматы" in found[0].authority
    x, y, w, h = found[0].box
    assert abs(x - 300) < 15 and abs(y - 2400) < 15
