"""The test scans stay small and consistent with their expectations."""

import json

import cv2

from qogam.documents.imaging import rotate_quarters

from .conftest import SCANS


def test_fixtures_are_well_under_ten_megabytes():
    total = sum(p.stat().st_size for p in SCANS.iterdir())
    assert total < 8_000_000


def test_every_expected_stamp_lies_on_its_upright_page():
    singles = [json.loads(p.read_text(encoding="utf-8")) for p in SCANS.glob("*.json")]
    singles = [s for s in singles if "variant" in s]
    assert len(singles) >= 16 and {s["language"] for s in singles} == {"ru", "kk"}
    assert sum(len(s["stamps"]) for s in singles) >= 14
    assert sum(1 for s in singles if not s["stamps"]) >= 4  # pages without stamps, for precision
    for scan in singles:
        image = cv2.imread(str(SCANS / scan["file"]), cv2.IMREAD_UNCHANGED)
        assert image is not None, scan["file"]
        height, width = rotate_quarters(image, -scan["rotation"] // 90).shape[:2]
        for stamp in scan["stamps"]:
            x, y, w, h = stamp["box"]
            assert min(x, y) >= 0 and x + w <= width and y + h <= height, scan["file"]
        assert scan["text"] is None or len(scan["text"]) > 100
