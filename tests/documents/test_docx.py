"""DOCX bodies: reading order, tables, text boxes, tracked changes, headings, pages."""

from __future__ import annotations

import io
import zipfile

import docx
from doc_builders import abstract, docx_bytes, num, p

from qogam.documents import read_bytes, read_document
from qogam.documents.testing import (
    build_bilingual_docx,
    build_numbered_docx,
    numbered_lines,
    sample_charter_items,
)


def read(body: str, numbering: str = "", styles: str = "", extra=None):
    return read_bytes(docx_bytes(body, numbering, styles, extra), "t.docx")


def cell(*paragraphs: str, span: int = 1) -> str:
    props = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
    return f"<w:tc>{props}{''.join(paragraphs)}</w:tc>"


def test_bilingual_table_is_read_row_by_row_left_cell_first_with_columns(tmp_path):
    path = build_bilingual_docx(tmp_path / "b.docx", [
        ("1. Жалпы ережелер", "1. Общие положения"),
        ("1.1. Бірлестік коммерциялық емес ұйым болып табылады.", "1.1. Объединение является некоммерческой организацией."),
    ])
    document = read_document(path)
    assert [(x.column, x.language, x.number) for x in document.paragraphs] == [
        (0, "kk", "1."), (1, "ru", "1."), (0, "kk", "1.1."), (1, "ru", "1.1."),
    ]
    assert [x.index for x in document.paragraphs] == [0, 1, 2, 3]


def test_table_cells_keep_grid_columns_across_spans_and_body_text_has_none():
    table = (
        "<w:tbl>"
        f"<w:tr>{cell(p('Заголовок на две колонки'), span=2)}</w:tr>"
        f"<w:tr>{cell(p('слева'), p('слева ещё'))}{cell(p('справа'))}</w:tr>"
        "</w:tbl>"
    )
    document = read(p("До таблицы") + table + p("После таблицы"))
    assert [(x.text, x.column) for x in document.paragraphs] == [
        ("До таблицы", None), ("Заголовок на две колонки", 0), ("слева", 0), ("слева ещё", 0),
        ("справа", 1), ("После таблицы", None),
    ]


def test_numbering_runs_through_table_cells_in_document_order():
    numbering = abstract(0, [("decimal", "%1.")]) + num(1, 0)
    table = f"<w:tbl><w:tr>{cell(p('a', num=(1, 0)))}{cell(p('b', num=(1, 0)))}</w:tr></w:tbl>"
    document = read(p("x", num=(1, 0)) + table + p("y", num=(1, 0)), numbering)
    assert [x.number for x in document.paragraphs] == ["1.", "2.", "3.", "4."]


def test_text_box_is_read_once_after_its_paragraph():
    box = (
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>"
        f"{p('Зарегистрирован Департаментом юстиции')}</w:txbxContent></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><w:txbxContent>{p('Зарегистрирован Департаментом юстиции')}</w:txbxContent>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    document = read(p(runs=f"<w:r><w:t>Устав</w:t></w:r>{box}") + p("Конец"))
    assert [x.text for x in document.paragraphs] == ["Устав", "Зарегистрирован Департаментом юстиции", "Конец"]


def test_deleted_hidden_and_field_code_text_is_not_read():
    runs = (
        "<w:r><w:t xml:space=\"preserve\">Объединение </w:t></w:r>"
        "<w:del><w:r><w:delText>удалённое </w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t xml:space=\"preserve\">вставленное </w:t></w:r></w:ins>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>скрытое </w:t></w:r>"
        "<w:r><w:instrText> PAGE </w:instrText></w:r>"
        "<w:r><w:t>действует</w:t></w:r>"
        "<w:r><w:footnoteReference w:id=\"1\"/></w:r>"
    )
    document = read(p(runs=runs))
    assert document.paragraphs[0].text == "Объединение вставленное действует"


def test_soft_line_breaks_join_lines_but_split_before_a_clause_number():
    runs = (
        "<w:r><w:t>1.1. Объединение является</w:t><w:br/><w:t>некоммерческой организацией.</w:t>"
        "<w:br/><w:t>1.2. Объединение создано гражданами.</w:t></w:r>"
    )
    document = read(p(runs=runs))
    assert [(x.number, x.text) for x in document.paragraphs] == [
        ("1.1.", "1.1. Объединение является некоммерческой организацией."),
        ("1.2.", "1.2. Объединение создано гражданами."),
    ]


def test_headings_from_style_names_and_outline_levels():
    styles = (
        '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="Заголовок 1"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>'
    )
    body = p("Раздел", style="1") + p("Подраздел", style="Heading2") + p(
        "Глава по уровню структуры", ppr='<w:outlineLvl w:val="2"/>'
    ) + p("Обычный текст.")
    document = read(body, styles=styles)
    assert [(x.level, x.style) for x in document.paragraphs] == [
        (1, "Заголовок 1"), (2, "Heading 2"), (3, None), (None, None),
    ]


def test_without_heading_styles_levels_are_guessed_from_caps_and_bold():
    body = (
        p("1. ОБЩИЕ ПОЛОЖЕНИЯ", runs="<w:r><w:t>1. ОБЩИЕ ПОЛОЖЕНИЯ</w:t></w:r>")
        + p("1.1. Объединение является некоммерческой организацией.")
        + p(runs="<w:r><w:rPr><w:b/></w:rPr><w:t>2. Цели объединения</w:t></w:r>")
        + p("2.1. Целями являются:")
    )
    document = read(body)
    assert [x.level for x in document.paragraphs] == [1, None, 1, None]


def test_pages_from_explicit_breaks_when_word_left_no_rendered_breaks():
    body = (
        p("Первая страница")
        + p(runs='<w:r><w:t>Ещё первая</w:t><w:br w:type="page"/><w:t>уже вторая</w:t></w:r>')
        + p("Вторая страница")
        + p("Третья", ppr="<w:pageBreakBefore/>")
        + p(runs='<w:r><w:br w:type="page"/><w:t>Четвёртая</w:t></w:r>')
    )
    document = read(body)
    assert [(x.text, x.page) for x in document.paragraphs] == [
        ("Первая страница", 1), ("Ещё первая уже вторая", 1), ("Вторая страница", 2), ("Третья", 3), ("Четвёртая", 4),
    ]
    assert document.pages == 4


def test_rendered_page_breaks_win_over_explicit_ones():
    body = (
        p(runs='<w:r><w:t>Первая</w:t><w:br w:type="page"/></w:r>')
        + p(runs="<w:r><w:lastRenderedPageBreak/><w:t>Вторая</w:t></w:r>")
        + p(runs="<w:r><w:t>Начало абзаца</w:t><w:lastRenderedPageBreak/><w:t>конец на третьей</w:t></w:r>")
        + p("Третья")
    )
    document = read(body)
    assert [x.page for x in document.paragraphs] == [1, 2, 2, 3]


def test_page_unknown_without_any_break_unless_word_says_one_page():
    assert read(p("Текст")).paragraphs[0].page is None
    app = '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Pages>1</Pages><Words>1</Words></Properties>'
    document = read(p("Текст"), extra={"docProps/app.xml": app})
    assert (document.paragraphs[0].page, document.pages) == (1, 1)


def test_headers_and_footers_are_ignored(tmp_path):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Колонтитул"
    document.sections[0].footer.paragraphs[0].text = "Нижний колонтитул"
    document.add_paragraph("Текст устава")
    document.save(tmp_path / "h.docx")
    assert [x.text for x in read_document(tmp_path / "h.docx").paragraphs] == ["Текст устава"]


def test_numbered_docx_builder_round_trip(tmp_path):
    items = sample_charter_items("ru")
    path = build_numbered_docx(tmp_path / "c.docx", items)
    with zipfile.ZipFile(path) as archive:
        assert b"<w:numPr>" in archive.read("word/document.xml")
        assert b"<w:abstractNum " in archive.read("word/numbering.xml")
        assert "1.1." not in archive.read("word/document.xml").decode()
    document = read_document(path)
    assert [x.full_text for x in document.paragraphs] == numbered_lines(items)
    assert [x.text for x in document.paragraphs] == [text for _, text, _ in items]


def test_kazakh_charter_builder_is_tagged_kazakh(tmp_path):
    path = build_numbered_docx(tmp_path / "kk.docx", sample_charter_items("kk"))
    assert read_document(path).language_share() == {"kk": 1.0}


def test_macro_enabled_package_is_found_by_content_type_and_relationships():
    data = docx_bytes(p("Текст устава"), macro=True)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "word/document.xml" not in archive.namelist()
    assert read_bytes(data, "устав.docm").paragraphs[0].text == "Текст устава"


def test_package_without_styles_and_numbering_parts():
    data = docx_bytes(p("1.1. Текст без стилей"))
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as target:
            for name in source.namelist():
                if name not in ("word/styles.xml", "word/numbering.xml"):
                    target.writestr(name, source.read(name))
    document = read_bytes(buffer.getvalue(), "bare.docx")
    assert [(x.number, x.text) for x in document.paragraphs] == [("1.1.", "1.1. Текст без стилей")]
