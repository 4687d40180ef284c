"""ODT lists and headings; legacy DOC and RTF through LibreOffice, antiword and catdoc."""

from __future__ import annotations

import shutil

import pytest
from doc_builders import odt_bytes

from qogam.documents import DocumentError, read_bytes, read_document
from qogam.documents.doc_reader import _via_antiword, _via_catdoc
from qogam.documents.testing import numbered_lines, sample_charter_items

LIST_STYLE = (
    '<text:list-style style:name="L1">'
    '<text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>'
    '<text:list-level-style-number text:level="2" style:num-format="1" style:num-suffix="." text:display-levels="2"/>'
    '<text:list-level-style-number text:level="3" style:num-format="а" style:num-suffix=")"/>'
    "</text:list-style>"
    '<text:list-style style:name="B1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>'
)


def item(text: str, inner: str = "", **attrs: str) -> str:
    extra = "".join(f' text:{k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    return f"<text:list-item{extra}><text:p>{text}</text:p>{inner}</text:list-item>"


def odt_numbers(body: str, styles: str = LIST_STYLE) -> list[tuple[str | None, str]]:
    document = read_bytes(odt_bytes(body, automatic_styles=styles), "t.odt")
    return [(p.number, p.text) for p in document.paragraphs]


def test_libreoffice_odt_keeps_list_numbers(fixtures):
    document = read_document(fixtures / "charter.odt")
    assert document.format == "odt"
    items = sample_charter_items("ru")
    assert [p.full_text for p in document.paragraphs] == numbered_lines(items)
    assert [p.level for p in document.paragraphs[:3]] == [None, 1, None]


def test_nested_lists_display_levels_and_letters():
    body = (
        '<text:list text:style-name="L1">'
        + item("Общие положения", '<text:list>' + item("пункт", '<text:list>' + item("подпункт") + item("подпункт") + "</text:list>") + item("пункт") + "</text:list>")
        + item("Цели")
        + "</text:list>"
    )
    assert odt_numbers(body) == [
        ("1.", "Общие положения"), ("1.1.", "пункт"), ("а)", "подпункт"), ("б)", "подпункт"),
        ("1.2.", "пункт"), ("2.", "Цели"),
    ]


def test_list_continues_only_when_told_and_start_value_overrides():
    body = (
        '<text:list text:style-name="L1">' + item("a") + item("b") + "</text:list>"
        "<text:p>Текст между списками</text:p>"
        '<text:list text:style-name="L1" text:continue-numbering="true">' + item("c") + "</text:list>"
        '<text:list text:style-name="L1">' + item("d") + item("e", start_value="7") + item("f") + "</text:list>"
    )
    assert [n for n, _ in odt_numbers(body)] == ["1.", "2.", None, "3.", "1.", "7.", "8."]


def test_bullets_and_list_headers_have_no_number():
    body = (
        '<text:list text:style-name="B1">' + item("маркер") + "</text:list>"
        '<text:list text:style-name="L1"><text:list-header><text:p>Заголовок списка</text:p></text:list-header>'
        + item("первый") + "</text:list>"
    )
    assert odt_numbers(body) == [(None, "маркер"), (None, "Заголовок списка"), ("1.", "первый")]


def test_headings_tables_spaces_and_soft_page_breaks():
    body = (
        '<text:h text:outline-level="1">ОБЩИЕ<text:s text:c="2"/>ПОЛОЖЕНИЯ</text:h>'
        "<text:p>Первый<text:tab/>абзац<text:note><text:note-body><text:p>сноска</text:p></text:note-body></text:note></text:p>"
        "<text:soft-page-break/>"
        "<table:table><table:table-row>"
        "<table:table-cell><text:p>Жалпы ережелер</text:p></table:table-cell>"
        "<table:table-cell><text:p>Общие положения</text:p></table:table-cell>"
        "</table:table-row></table:table>"
    )
    document = read_bytes(odt_bytes(body), "t.odt")
    assert [(p.text, p.level, p.page, p.column) for p in document.paragraphs] == [
        ("ОБЩИЕ ПОЛОЖЕНИЯ", 1, 1, None),
        ("Первый абзац", None, 1, None),
        ("Жалпы ережелер", None, 2, 0),
        ("Общие положения", None, 2, 1),
    ]
    assert [p.language for p in document.paragraphs[2:]] == ["kk", "ru"]


def test_outline_numbered_headings():
    styles = (
        '<text:outline-style style:name="Outline">'
        '<text:outline-level-style text:level="1" style:num-format="I" style:num-suffix="."/>'
        "</text:outline-style>"
    )
    body = '<text:h text:outline-level="1">Общие положения</text:h><text:p>Текст.</text:p><text:h text:outline-level="1">Цели</text:h>'
    document = read_bytes(odt_bytes(body, styles=styles), "t.odt")
    assert [p.number for p in document.paragraphs] == ["I.", None, "II."]


def test_other_opendocument_kinds_are_refused():
    data = odt_bytes("<text:p>x</text:p>", mimetype="application/vnd.oasis.opendocument.spreadsheet")
    with pytest.raises(DocumentError) as error:
        read_bytes(data, "table.odt")
    assert error.value.code == "document.unsupported" and "spreadsheet" in str(error.value)


@pytest.mark.slow
def test_legacy_doc_keeps_automatic_numbers_through_libreoffice(fixtures):
    document = read_document(fixtures / "charter.doc")
    assert document.format == "doc"
    assert [p.full_text for p in document.paragraphs] == numbered_lines(sample_charter_items("ru"))
    assert document.warnings == []


def test_antiword_reads_the_text_but_loses_automatic_numbers(fixtures):
    # Why LibreOffice is tried first for .doc: antiword drops Word's list numbers.
    document = _via_antiword(fixtures / "charter.doc", "charter.doc", 30)
    texts = [p.text for p in document.paragraphs]
    assert texts == [text for _, text, _ in sample_charter_items("ru")]
    assert all(p.number is None for p in document.paragraphs)


@pytest.mark.skipif(shutil.which("catdoc") is None, reason="catdoc is installed by scripts/setup.sh")
def test_catdoc_fallback_reads_the_text(fixtures):
    document = _via_catdoc(fixtures / "charter.doc", "charter.doc", 30)
    assert document.paragraphs[0].text == "УСТАВ"
    assert any("Жаңа өмір" in p.text for p in document.paragraphs)


def test_encrypted_legacy_doc(tmp_path, fixtures):
    data = bytearray((fixtures / "charter.doc").read_bytes())
    # Set fEncrypted (bit 0x0100 of the FIB flags at offset 10) of the WordDocument stream,
    # which starts at a sector boundary with the FIB magic 0xA5EC.
    start = next(i for i in range(512, len(data), 512) if data[i:i + 2] == b"\xec\xa5")
    data[start + 11] |= 0x01
    path = tmp_path / "locked.doc"
    path.write_bytes(bytes(data))
    with pytest.raises(DocumentError) as error:
        read_document(path)
    assert error.value.code == "document.encrypted" and "locked.doc" in str(error.value)


@pytest.mark.slow
def test_rtf_is_read_through_libreoffice():
    rtf = (
        r"{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0 Times New Roman;}}"
        r"\f0 1. \'ce\'e1\'f9\'e8\'e5 \'ef\'ee\'eb\'ee\'e6\'e5\'ed\'e8\'ff\par "
        r"1.1. \'ce\'e1\'fa\'e5\'e4\'e8\'ed\'e5\'ed\'e8\'e5 \'fd\'f2\'ee \'ee\'f0\'e3\'e0\'ed\'e8\'e7\'e0\'f6\'e8\'ff.\par}"
    )
    document = read_bytes(rtf.encode("ascii"), "устав.doc")
    assert document.format == "rtf"
    assert [(p.number, p.text) for p in document.paragraphs] == [
        ("1.", "1. Общие положения"), ("1.1.", "1.1. Объединение это организация."),
    ]


def test_a_converter_that_hangs_is_killed_at_its_time_limit():
    import time

    from qogam.documents.doc_reader import ConverterFailed, run_tool

    start = time.monotonic()
    with pytest.raises(ConverterFailed, match="no answer within"):
        run_tool(["sh", "-c", "sleep 30 & sleep 30"], timeout=0.5)  # a child of its own too
    assert time.monotonic() - start < 5


def test_missing_converter_is_reported_not_raised():
    from qogam.documents.doc_reader import ConverterFailed, run_tool

    with pytest.raises(ConverterFailed, match="not installed"):
        run_tool(["qogam-no-such-converter"], timeout=1)


def test_item_that_only_wraps_a_deeper_list_has_no_number_of_its_own():
    # LibreOffice saves a Word list that resumes at level 2 after a plain paragraph
    # as a continued list whose first item holds only the nested list.
    body = (
        '<text:list xml:id="l1" text:style-name="L1">'
        + item("ОБЩИЕ ПОЛОЖЕНИЯ", "<text:list>" + item("первый") + item("второй") + "</text:list>")
        + "</text:list><text:p>Текст между пунктами</text:p>"
        '<text:list xml:id="l2" text:continue-list="l1" text:style-name="L1">'
        "<text:list-item><text:list>" + item("третий") + "</text:list></text:list-item>"
        + item("ЦЕЛИ", "<text:list>" + item("цель") + "</text:list>")
        + "</text:list>"
    )
    assert odt_numbers(body) == [
        ("1.", "ОБЩИЕ ПОЛОЖЕНИЯ"), ("1.1.", "первый"), ("1.2.", "второй"), (None, "Текст между пунктами"),
        ("1.3.", "третий"), ("2.", "ЦЕЛИ"), ("2.1.", "цель"),
    ]
