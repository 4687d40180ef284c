"""Shared fixtures for the OCR and stamp tests: the project's own test scans."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

SCANS = Path(__file__).resolve().parents[1] / "fixtures" / "scans"
EVAL_OCR = Path(__file__).resolve().parents[2] / "eval" / "ocr"

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")


def expected(name: str) -> dict:
    """The expectations written beside a test scan by eval/ocr/make_scans.py."""
    return json.loads((SCANS / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def cer():
    """eval/ocr/cer.py: the character-accuracy measure the evaluation reports."""
    sys.path.insert(0, str(EVAL_OCR))
    import cer as module

    return module
