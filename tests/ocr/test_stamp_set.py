"""eval/ocr/stamp_set.py: the generated stamp evaluation draws what it says and scores it."""

import sys
from collections import Counter

import numpy as np
import pytest

from qogam.documents.marks import bin_control_ok
from qogam.documents.ocr import OcrSettings, ocr_page

from .conftest import EVAL_OCR, needs_tesseract


@pytest.fixture(scope="module")
def stamp_set():
    sys.path.insert(0, str(EVAL_OCR))
    import stamp_set as module

    return module


def blank_page() -> np.ndarray:
    page = np.full((3508, 2481), 255, np.uint8)
    page[300:3200:60, 250:2200] = 0  # ruled lines standing in for text
    return page


def test_pages_carry_stamps_inside_the_page_and_1_bit_pages_strong_ink_only(stamp_set):
    rng = np.random.default_rng(5)
    layouts, renderings = Counter(), Counter()
    for _ in range(40):
        image, stamps, rendering = stamp_set.stamp_page(blank_page(), "ru", rng)
        renderings[rendering] += 1
        layouts[tuple(sorted(s.kind for s in stamps))] += 1
        assert image.shape == (3508, 2481, 3)
        for stamp in stamps:
            x, y, w, h = stamp.box
            assert x >= 0 and y >= 0 and x + w <= 2481 and y + h <= 3508
            if rendering == "1-bit":
                assert not stamp.faint
            if stamp.kind == "registration_mark":
                assert bin_control_ok(stamp.bin) and stamp.authority and stamp.date
    assert set(renderings) == set(stamp_set.RENDERINGS)
    assert {(), ("seal",), ("registration_mark",), ("registration_mark", "seal")} == set(layouts)


@pytest.mark.slow
@needs_tesseract
def test_a_generated_colour_seal_is_found_by_the_page_pipeline(stamp_set, monkeypatch):
    rng = np.random.default_rng(1)
    while True:
        image, stamps, rendering = stamp_set.stamp_page(blank_page(), "ru", rng)
        if rendering == "colour" and [s.kind for s in stamps] == ["seal"] and not stamps[0].faint:
            break
    found = ocr_page(image[..., ::-1].copy(), 1, OcrSettings(page_workers=1)).stamps  # RGB → BGR
    tally, kinds = stamp_set.StampTally(), {"seal": stamp_set.StampTally()}
    stamp_set.score_stamps([vars(s) for s in stamps], found, tally, kinds)
    assert tally.matched == 1 and tally.found == 1


def test_pages_can_be_limited_to_one_kind_of_scan(stamp_set):
    rng = np.random.default_rng(9)
    kinds = {stamp_set.stamp_page(blank_page(), "kk", rng, ("1-bit",))[2] for _ in range(6)}
    assert kinds == {"1-bit"}
    assert stamp_set.main(["--renderings", "sepia", "--pages", "1"]) == 2
