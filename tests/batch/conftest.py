"""Folders of charters for the batch tests: the bundled sample in distinct variants, scans, bad files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "src" / "qogam" / "samples" / "sample_charter.txt"
SCANS = ROOT / "tests" / "fixtures" / "scans"
CITIES = ["Караганда", "Темиртау", "Балхаш", "Жезказган", "Сатпаев", "Шахтинск", "Сарань", "Абай", "Приозерск",
          "Каркаралинск", "Осакаровка", "Ботакара", "Шахан", "Актас", "Гульшат", "Агадырь"]


def charter_variant(n: int) -> str:
    """The sample charter with its seat moved: a distinct file (its own content hash) that is still a charter."""
    text = SAMPLE.read_text(encoding="utf-8")
    return text.replace("город Караганда", f"город {CITIES[n % len(CITIES)]}", 1) + f"\n\nЭкземпляр № {n + 1}\n"


@pytest.fixture
def make_folder(tmp_path):
    """make_folder(texts=N, scans=[names], bad=True) -> folder with those files."""

    def make(texts: int = 3, scans: tuple[str, ...] = (), bad: bool = False, name: str = "in") -> Path:
        folder = tmp_path / name
        folder.mkdir()
        for n in range(texts):
            (folder / f"устав_{n:03d}.txt").write_text(charter_variant(n), encoding="utf-8")
        for scan in scans:
            shutil.copy(SCANS / scan, folder / scan)
        if bad:
            (folder / "повреждён.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
        return folder

    return make
