"""Paragraph language: Kazakh, Russian or other."""

from __future__ import annotations

import pytest
import yaml

from qogam.documents.language import DATA_FILE, KAZAKH_LETTERS, detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Қоғамдық бірлестік мақсаттары мыналар болып табылады", "kk"),
        ("1.1. «Жаңа өмір» қоғамдық бірлестігі коммерциялық емес ұйым болып табылады.", "kk"),
        ("Мүшелік жарналар мөлшері жалпы жиналыспен белгіленеді", "kk"),
        ("Бiрлестiктiң мақсаты", "kk"),  # Latin i typed for і
        ("ЖАЛПЫ ЕРЕЖЕЛЕР", "kk"),  # no Kazakh letter: decided by lingua
        ("Жарғы", "kk"),
        ("Члены Объединения имеют право участвовать в управлении делами Объединения.", "ru"),
        ("Общественное объединение «Қазақстан әйелдері» является некоммерческой организацией.", "ru"),
        ("Председатель правления Жаңаөзен", "ru"),
        ("Общие положения", "ru"),
        ("Устав", "ru"),
        ("Charter of the public association", "other"),
        ("Громадська організація є неприбутковою", "other"),  # Ukrainian і is not Kazakh
        ("123 456", "other"),
        ("", "other"),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language


def test_language_data_schema():
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    assert set(data) == {"kazakh_words", "russian_words", "kazakh_suffixes"}
    for key, words in data.items():
        assert words and all(isinstance(w, str) and w == w.lower() and w.strip() == w for w in words), key
        assert len(words) == len(set(words)), f"{key} has duplicates"
    # A word cannot vote for both languages.
    assert not set(data["kazakh_words"]) & set(data["russian_words"])
    # Russian function words must not carry Kazakh letters.
    assert not any(ch in KAZAKH_LETTERS for w in data["russian_words"] for ch in w)
