"""Tables in antiword's output (|cell|cell|) read column by column, and .doc tables LibreOffice loses."""

from __future__ import annotations

import shutil

import pytest

from qogam.documents import read_document
from qogam.documents.pipe_tables import blocks_from_antiword, is_table_line
from qogam.documents.structure import paragraphs_from_blocks


def table(rows: list[tuple[str, str]], width: int = 30) -> str:
    """Cells padded to ``width`` the way antiword draws them."""
    return "\n".join(f"|{left:<{width}}|{right:<{width}}|" for left, right in rows)


def test_wrapped_cells_are_rejoined_and_read_row_by_row_left_first():
    text = "Преамбула до таблицы.\n\n" + table([
        ("1. Жалпы ережелер", "1. Общие положения"),
        ("1.1. Бірлестік коммерциялық", "1.1. Объединение является"),
        ("емес ұйым болып табылады.", "некоммерческой организацией."),
        ("1.2. Бірлестік Алматы", "1.2. Объединение действует в"),
        ("қаласында әрекет етеді.", "городе Алматы."),
    ]) + "\n\nПосле таблицы."
    blocks = blocks_from_antiword(text)
    assert [(b.column, b.text) for b in blocks] == [
        (None, "Преамбула до таблицы."),
        (0, "1. Жалпы ережелер"),
        (1, "1. Общие положения"),
        (0, "1.1. Бірлестік коммерциялық емес ұйым болып табылады."),
        (1, "1.1. Объединение является некоммерческой организацией."),
        (0, "1.2. Бірлестік Алматы қаласында әрекет етеді."),
        (1, "1.2. Объединение действует в городе Алматы."),
        (None, "После таблицы."),
    ]


def test_short_cell_line_ends_its_paragraph_and_a_dash_inside_a_sentence_does_not_start_one():
    text = table([
        ("ЖАРҒЫ", "УСТАВ"),
        ("Бірлестігінің", "Объединения"),
        ("Толық атауы: мемлекеттік тілде", "Полное наименование: на языке"),
        ("– «Жаңа өмір» ҚБ.", "– ОО «Жаңа өмір»."),
        ("– бірінші тармақ;", "– первый пункт;"),
    ])
    blocks = [(b.column, b.text) for b in blocks_from_antiword(text)]
    assert blocks == [
        (0, "ЖАРҒЫ"), (1, "УСТАВ"),
        (0, "Бірлестігінің"), (1, "Объединения"),
        (0, "Толық атауы: мемлекеттік тілде – «Жаңа өмір» ҚБ."),
        (1, "Полное наименование: на языке – ОО «Жаңа өмір»."),
        (0, "– бірінші тармақ;"), (1, "– первый пункт;"),
    ]


def test_numbers_of_table_paragraphs_are_found():
    paragraphs = paragraphs_from_blocks(blocks_from_antiword(table([("2.1. Мақсаты:", "2.1. Цель:")])))
    assert [(p.number, p.column) for p in paragraphs] == [("2.1.", 0), ("2.1.", 1)]


@pytest.mark.parametrize(
    ("line", "is_table"),
    [("|a|b|", True), ("|только одна ячейка|", False), ("| 1 | 2", False), ("обычный текст | с чертой |", False)],
)
def test_table_lines(line, is_table):
    assert is_table_line(line) is is_table


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("antiword") is None,
    reason="LibreOffice and antiword are installed by scripts/setup.sh",
)
def test_doc_table_that_libreoffice_loses_is_read_with_antiword(fixtures):
    from fixtures.make_fixtures import BILINGUAL_ROWS

    document = read_document(fixtures / "bilingual.doc")
    assert document.format == "doc"
    assert [p.text for p in document.paragraphs] == [text for row in BILINGUAL_ROWS for text in row]
    assert [p.column for p in document.paragraphs] == [0, 1] * len(BILINGUAL_ROWS)
    assert {p.language for p in document.paragraphs if p.column == 0} == {"kk"}
    assert any("antiword" in w for w in document.warnings)
