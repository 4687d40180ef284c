"""Page images: refusing dangerous files before decoding, ink separation, orientation and skew."""

import struct
import tracemalloc

import cv2
import numpy as np
import pytest
from PIL import Image

from qogam.documents import DocumentError, read_document
from qogam.documents.grey_ink import grey_stamp_ink, has_grey_stamp_ink
from qogam.documents.imaging import (
    analyse_layout,
    open_image_pages,
    rotate_quarters,
    rotate_small,
    text_gray,
)

from .conftest import SCANS, expected


def tiff_header_only(path, width: int, height: int) -> None:
    """A TIFF whose header promises width×height 1-bit pixels, with almost no pixel data."""
    entries = [
        (256, 4, 1, width),  # ImageWidth
        (257, 4, 1, height),  # ImageLength
        (258, 3, 1, 1),  # BitsPerSample
        (259, 3, 1, 4),  # Compression: CCITT G4
        (262, 3, 1, 0),  # Photometric: white is zero
        (273, 4, 1, 8),  # StripOffsets
        (278, 4, 1, height),  # RowsPerStrip
        (279, 4, 1, 16),  # StripByteCounts
    ]
    ifd_offset = 8 + 16
    data = b"II*\x00" + struct.pack("<I", ifd_offset) + b"\x00" * 16
    data += struct.pack("<H", len(entries))
    for tag, kind, count, value in entries:
        packed = struct.pack("<HHI", tag, kind, count)
        packed += struct.pack("<HH", value, 0) if kind == 3 else struct.pack("<I", value)
        data += packed
    data += struct.pack("<I", 0)
    path.write_bytes(data)


def test_a_30000_pixel_square_tiff_is_refused_before_decoding(tmp_path):
    huge = tmp_path / "scan.tif"
    tiff_header_only(huge, 30_000, 30_000)
    tracemalloc.start()
    with pytest.raises(DocumentError) as caught:
        open_image_pages(huge, max_pixels=80_000_000, max_pages=200)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert caught.value.code == "document.image-too-large"
    assert "30000" in caught.value.problem.replace("×", " ").replace(",", "") or "pixels" in caught.value.problem
    assert peak < 20_000_000  # 900 megapixels were never allocated


def test_the_reader_reports_the_huge_tiff_by_its_name(tmp_path):
    huge = tmp_path / "огромный.tif"
    tiff_header_only(huge, 30_000, 30_000)
    with pytest.raises(DocumentError) as caught:
        read_document(huge)
    assert caught.value.code == "document.image-too-large"
    assert caught.value.name == "огромный.tif"


def test_a_strip_longer_than_tesseract_reads_is_refused_before_decoding(tmp_path):
    strip = tmp_path / "strip.tif"
    tiff_header_only(strip, 40_000, 32)  # 1.3 Mpx, but Tesseract stops at 32,767 pixels a side
    with pytest.raises(DocumentError) as caught:
        open_image_pages(strip, max_pixels=80_000_000, max_pages=200)
    assert caught.value.code == "document.image-too-large" and "32767 pixels on a side" in caught.value.problem


@pytest.mark.parametrize("shape", [(1, 2), (3, 3), (20, 400), (1, 4000)])
def test_an_image_too_small_for_a_line_of_text_says_so(tmp_path, shape):
    tiny = tmp_path / "tiny.png"
    cv2.imwrite(str(tiny), ((np.random.default_rng(1).random(shape) < 0.5) * 255).astype(np.uint8))
    with pytest.raises(DocumentError) as caught:
        read_document(tiny)
    assert caught.value.code == "document.empty"
    assert f"only {shape[1]}×{shape[0]} pixels, too small" in caught.value.problem


def test_our_limit_applies_below_pillows_own(tmp_path):
    big = tmp_path / "big.tif"
    tiff_header_only(big, 10_000, 9_000)  # 90 Mpx: over our 80, under Pillow's bomb error
    with pytest.raises(DocumentError) as caught:
        open_image_pages(big, max_pixels=80_000_000, max_pages=200)
    assert caught.value.code == "document.image-too-large"


def test_truncated_image_is_reported_as_damaged(tmp_path):
    data = (SCANS / "ru_p2_clean.png").read_bytes()
    broken = tmp_path / "broken.png"
    broken.write_bytes(data[: len(data) // 3])
    info, frames = open_image_pages(broken, max_pixels=80_000_000, max_pages=200)
    with pytest.raises(DocumentError) as caught:
        next(frames)
    assert caught.value.code == "document.image-corrupt"


def test_not_an_image(tmp_path):
    fake = tmp_path / "scan.png"
    fake.write_text("not a picture")
    with pytest.raises(DocumentError) as caught:
        open_image_pages(fake, max_pixels=80_000_000, max_pages=200)
    assert caught.value.code == "document.image-corrupt"


def test_a_tiff_with_more_pages_than_allowed(tmp_path):
    frames = [Image.new("1", (200, 300), 1) for _ in range(3)]
    path = tmp_path / "three.tif"
    frames[0].save(path, save_all=True, append_images=frames[1:], compression="group4")
    with pytest.raises(DocumentError) as caught:
        open_image_pages(path, max_pixels=80_000_000, max_pages=2)
    assert caught.value.code == "document.too-many-pages"
    info, pages = open_image_pages(path, max_pixels=80_000_000, max_pages=3)
    assert info.frames == 3 and [p.shape for p in pages] == [(300, 200)] * 3


def test_stamp_ink_is_removed_from_the_text_image_but_black_text_stays():
    page = np.full((100, 200, 3), 255, np.uint8)
    page[20:30, 10:190] = (168, 52, 92)  # violet (BGR)
    page[60:70, 10:190] = (0, 0, 0)  # black text
    page[20:30, 90:110] = (10, 5, 15)  # black under violet: near black, no colour
    gray, share = text_gray(page)
    assert gray[25, 20] == 255 and gray[65, 20] < 50 and gray[25, 100] < 50
    assert 0 < share < 0.6


def test_a_page_printed_in_blue_keeps_its_text():
    page = np.full((100, 200, 3), 255, np.uint8)
    page[20:80, 10:190] = (190, 70, 40)  # everything blue
    gray, share = text_gray(page)
    assert share > 0.6 and gray[50, 50] < 150


@pytest.mark.parametrize("name", ["ru_p2_skew_noise", "kk_p2_skew_noise", "ru_p3_bitonal", "kk_p3_bitonal"])
def test_skew_is_measured_from_the_lines(name):
    truth = expected(name)
    gray = cv2.imread(str(SCANS / truth["file"]), cv2.IMREAD_GRAYSCALE)
    layout = analyse_layout(gray)
    assert not layout.sideways
    assert abs(layout.skew + truth["skew"]) <= 0.3  # rotating back by the skew levels the page


@pytest.mark.parametrize("name", ["ru_p3_turned", "kk_p3_turned"])
def test_a_page_lying_sideways_is_noticed(name):
    gray = cv2.imread(str(SCANS / expected(name)["file"]), cv2.IMREAD_GRAYSCALE)
    assert analyse_layout(gray).sideways
    upright = rotate_quarters(gray, -expected(name)["rotation"] // 90)
    assert not analyse_layout(upright).sideways


def test_blank_page():
    assert analyse_layout(np.full((3508, 2480), 255, np.uint8)).ink_share < 0.002


def test_rotation_keeps_size_and_paper():
    page = np.full((50, 80), 255, np.uint8)
    turned = rotate_small(page, 3.0)
    assert turned.shape == page.shape and turned.min() == 255
    assert rotate_quarters(page, 1).shape == (80, 50)


def test_grey_stamp_ink_is_the_mid_grey_ink_away_from_black_text():
    page = np.full((400, 600), 250, np.uint8)
    page[100:130, 50:550] = 10  # a line of black text
    page[99, 50:550] = page[130, 50:550] = 140  # its anti-aliased rim
    page[250:300, 100:300] = 190  # a faint violet stamp, scanned in grey
    page[250:300, 350:450] = 100  # a strong one
    ink = grey_stamp_ink(page)
    assert ink[260, 150] == 60 and ink[260, 400] == 150  # depth below the paper
    assert not ink[95:135].any()  # the text and its rim are not stamp ink
    assert not ink[:90].any() and not ink[320:].any()  # paper


def test_grey_stamp_ink_ignores_paper_noise():
    rng = np.random.default_rng(0)
    page = np.clip(rng.normal(235, 6, (300, 300)), 0, 255).astype(np.uint8)
    assert np.count_nonzero(grey_stamp_ink(page)) < 0.001 * page.size


def test_a_grey_page_is_only_searched_for_stamp_ink_when_a_sample_shows_some():
    page = np.full((3508, 2481), 250, np.uint8)
    page[300:3200:60, 250:2200] = 0  # lines of black text
    page[301:3200:60, 250:2200] = 150  # with grey rims
    assert not has_grey_stamp_ink(page)
    page[2000:2380, 400:1000:6] = 190  # a faint mark's strokes, away from the text lines
    assert has_grey_stamp_ink(page)
    assert has_grey_stamp_ink(np.ascontiguousarray(page[::2, ::2]), dpi=150)  # the threshold follows the resolution
