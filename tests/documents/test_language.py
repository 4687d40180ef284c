"""Paragraph language: Kazakh, Russian or other."""

from __future__ import annotations

import pytest
import yaml

from qogam.documents import Paragraph
from qogam.documents.language import DATA_FILE, KAZAKH_LETTERS, detect_language, tag_languages


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


def test_quoted_names_do_not_vote_even_when_their_quotes_nest_or_merge():
    line = "полное на казахском языке: «Жастар жолы» азаматтық бастамалар жастар орталығы» қоғамдық бірлестігі;"
    assert detect_language(line) == "ru"
    assert detect_language("Республиканское общественное объединение «Общество развития «Ана тілі»") == "ru"


def _paragraphs(rows: list[tuple[int | None, str]]) -> list[Paragraph]:
    return [Paragraph(index=i, text=text, column=column) for i, (column, text) in enumerate(rows)]


def test_a_line_its_words_leave_open_takes_its_neighbours_language():
    paragraphs = _paragraphs([
        (None, "Члены Объединения имеют право участвовать в управлении делами Объединения."),
        (None, "Директор:"),  # alone, lingua calls it Kazakh
        (None, "г. Тараз – 2023 г."),
        (None, "Объединение обязано соблюдать законодательство Республики Казахстан."),
    ])
    tag_languages(paragraphs)
    assert [p.language for p in paragraphs] == ["ru"] * 4


def test_neighbours_are_looked_for_in_the_same_table_column():
    paragraphs = _paragraphs([
        (0, "Бірлестік мүшелері жалпы жиналысқа қатысуға құқылы."),
        (1, "Члены Объединения имеют право участвовать в общем собрании."),
        (0, "Директор:"),
        (1, "Директор:"),
        (0, "Бірлестіктің атқарушы органы – директор болып табылады."),
        (1, "Исполнительным органом Объединения является директор."),
    ])
    tag_languages(paragraphs)
    assert [p.language for p in paragraphs] == ["kk", "ru"] * 3


def test_at_the_seam_of_two_parts_the_line_itself_decides():
    paragraphs = _paragraphs([
        (None, "Бірлестік мүшелері жалпы жиналысқа қатысуға құқылы."),
        (None, "ЖАЛПЫ ЕРЕЖЕЛЕР"),
        (None, "Члены Объединения имеют право участвовать в общем собрании."),
    ])
    tag_languages(paragraphs)
    assert [p.language for p in paragraphs] == ["kk", "kk", "ru"]
