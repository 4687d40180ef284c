"""Word automatic numbering rebuilt as Word shows it."""

from __future__ import annotations

import pytest
from doc_builders import abstract, docx_bytes, num, p

from qogam.documents import read_bytes
from qogam.documents.numerals import carried_letter, odf_number, repeated_letter, roman, word_number

LEGAL = [("decimal", "%1."), ("decimal", "%1.%2."), ("decimal", "%1.%2.%3.")]


def numbers(body: str, numbering: str, styles: str = "") -> list[tuple[str | None, str]]:
    document = read_bytes(docx_bytes(body, numbering, styles), "test.docx")
    return [(para.number, para.text) for para in document.paragraphs]


def test_multilevel_legal_numbering_and_restart_of_deeper_levels():
    body = "".join([
        p("Общие положения", num=(1, 0)),
        p("Объединение является", num=(1, 1)),
        p("Объединение создано", num=(1, 1)),
        p("подпункт", num=(1, 2)),
        p("Цели", num=(1, 0)),
        p("Целями являются", num=(1, 1)),
    ])
    assert numbers(body, abstract(0, LEGAL) + num(1, 0)) == [
        ("1.", "Общие положения"),
        ("1.1.", "Объединение является"),
        ("1.2.", "Объединение создано"),
        ("1.2.1.", "подпункт"),
        ("2.", "Цели"),
        ("2.1.", "Целями являются"),
    ]


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("upperRoman", ["I.", "II.", "III.", "IV."]),
        ("lowerRoman", ["i.", "ii.", "iii.", "iv."]),
        ("upperLetter", ["A.", "B.", "C.", "D."]),
        ("lowerLetter", ["a.", "b.", "c.", "d."]),
        ("russianLower", ["а.", "б.", "в.", "г."]),
        ("russianUpper", ["А.", "Б.", "В.", "Г."]),
        ("decimalZero", ["01.", "02.", "03.", "04."]),
    ],
)
def test_number_formats(fmt, expected):
    body = "".join(p(f"пункт {i}", num=(1, 0)) for i in range(4))
    got = numbers(body, abstract(0, [(fmt, "%1.")]) + num(1, 0))
    assert [n for n, _ in got] == expected


def test_level_text_mixes_formats_of_each_level():
    levels = [("upperRoman", "Раздел %1."), ("russianLower", "%2)")]
    body = p("Первый", num=(1, 0)) + p("пункт", num=(1, 1)) + p("пункт", num=(1, 1))
    assert [n for n, _ in numbers(body, abstract(0, levels) + num(1, 0))] == ["Раздел I.", "а)", "б)"]


def test_legal_numbering_shows_every_level_in_digits():
    levels = [("upperRoman", "%1."), ("decimal", "%1.%2.")]
    body = p("Раздел", num=(1, 0)) + p("пункт", num=(1, 1))
    plain = numbers(body, abstract(0, levels) + num(1, 0))
    legal = numbers(body, abstract(0, levels, extra={1: "<w:isLgl/>"}) + num(1, 0))
    assert [n for n, _ in plain] == ["I.", "I.1."]
    assert [n for n, _ in legal] == ["I.", "1.1."]


def test_bullets_are_not_numbers_and_do_not_disturb_the_text():
    body = p("пункт", num=(1, 0)) + p("маркер", num=(2, 0)) + p("пункт", num=(1, 0))
    numbering = abstract(0, LEGAL) + abstract(1, [("bullet", "\uf0b7")]) + num(1, 0) + num(2, 1)
    assert numbers(body, numbering) == [("1.", "пункт"), (None, "маркер"), ("2.", "пункт")]


def test_nums_sharing_an_abstract_continue_unless_a_start_override_restarts():
    body = "".join([
        p("a", num=(1, 0)), p("b", num=(1, 0)),
        p("между списками"),
        p("c", num=(2, 0)),  # same abstractNum, no override: Word continues
        p("d", num=(3, 0)),  # startOverride 1: restarts
        p("e", num=(3, 0)),
        p("f", num=(4, 0)),  # startOverride 10
    ])
    numbering = abstract(0, LEGAL) + num(1, 0) + num(2, 0) + num(
        3, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    ) + num(4, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride>')
    assert [n for n, _ in numbers(body, numbering)] == ["1.", "2.", None, "3.", "1.", "2.", "10."]


def test_separate_abstract_definitions_count_separately():
    body = p("a", num=(1, 0)) + p("b", num=(2, 0)) + p("c", num=(1, 0))
    numbering = abstract(0, LEGAL) + abstract(1, LEGAL) + num(1, 0) + num(2, 1)
    assert [n for n, _ in numbers(body, numbering)] == ["1.", "1.", "2."]


def test_level_restart_zero_never_restarts_and_one_restarts_only_after_level_one():
    levels = [("decimal", "%1."), ("decimal", "%2)"), ("decimal", "(%3)")]
    body = "".join([
        p("A", num=(1, 0)), p("x", num=(1, 1)), p("y", num=(1, 2)),
        p("x", num=(1, 1)), p("y", num=(1, 2)),
        p("B", num=(1, 0)), p("x", num=(1, 1)), p("y", num=(1, 2)),
    ])
    never = abstract(0, levels, extra={1: '<w:lvlRestart w:val="0"/>'}) + num(1, 0)
    assert [n for n, _ in numbers(body, never)] == ["1.", "1)", "(1)", "2)", "(1)", "2.", "3)", "(1)"]
    only_after_first = abstract(0, levels, extra={2: '<w:lvlRestart w:val="1"/>'}) + num(1, 0)
    assert [n for n, _ in numbers(body, only_after_first)] == ["1.", "1)", "(1)", "2)", "(2)", "2.", "1)", "(1)"]


def test_start_value_and_missing_level_text():
    levels = '<w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    numbering = f'<w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>' + num(1, 0)
    body = p("a", num=(1, 0)) + p("b", num=(1, 0))
    assert [n for n, _ in numbers(body, numbering)] == ["5.", "6."]


def test_numbering_from_the_paragraph_style_and_its_base_style():
    styles = (
        '<w:style w:type="paragraph" w:styleId="Clause"><w:name w:val="Clause"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="ClauseBold"><w:name w:val="Clause Bold"/>'
        '<w:basedOn w:val="Clause"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Section"><w:name w:val="Section"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    body = "".join([
        p("Раздел", style="Section"),
        p("пункт", style="Clause"),
        p("пункт", style="ClauseBold"),
        p("без номера", style="Clause", ppr='<w:numPr><w:numId w:val="0"/></w:numPr>'),
        p("пункт", style="Clause"),
    ])
    got = numbers(body, abstract(0, LEGAL) + num(1, 0), styles)
    assert [n for n, _ in got] == ["1.", "1.1.", "1.2.", None, "1.3."]


def test_level_linked_to_a_style_by_pstyle():
    styles = (
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
    )
    numbering = abstract(0, LEGAL, extra={0: '<w:pStyle w:val="Heading1"/>', 1: '<w:pStyle w:val="Heading2"/>'}) + num(1, 0)
    body = p("Общие положения", style="Heading1") + p("Статус", style="Heading2") + p("Цели", style="Heading1")
    document = read_bytes(docx_bytes(body, numbering, styles), "t.docx")
    assert [(x.number, x.level, x.style) for x in document.paragraphs] == [
        ("1.", 1, "Heading 1"), ("1.1.", 2, "Heading 2"), ("2.", 1, "Heading 1"),
    ]


def test_abstract_linked_through_a_numbering_style():
    styles = (
        '<w:style w:type="numbering" w:styleId="CharterList"><w:name w:val="Charter List"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    numbering = (
        abstract(0, LEGAL, link='<w:styleLink w:val="CharterList"/>')
        + '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="CharterList"/></w:abstractNum>'
        + num(1, 0) + num(2, 1)
    )
    body = p("a", num=(1, 0)) + p("b", num=(2, 0)) + p("c", num=(2, 1))
    assert [n for n, _ in numbers(body, numbering, styles)] == ["1.", "2.", "2.1."]


def test_numbers_typed_in_text_are_kept_and_found():
    body = p("1.1. Объединение является") + p("Статья 3. Цели") + p("4-бап. Мақсаттар")
    got = numbers(body, "")
    assert got == [("1.1.", "1.1. Объединение является"), ("Статья 3", "Статья 3. Цели"), ("4-бап", "4-бап. Мақсаттар")]


def test_empty_numbered_paragraphs_still_count():
    body = p("a", num=(1, 0)) + p("", num=(1, 0)) + p("c", num=(1, 0))
    assert numbers(body, abstract(0, LEGAL) + num(1, 0)) == [("1.", "a"), ("3.", "c")]


def test_numerals():
    assert [roman(n) for n in (1, 4, 9, 14, 40, 1999)] == ["i", "iv", "ix", "xiv", "xl", "mcmxcix"]
    assert roman(0) == "0"
    assert [repeated_letter(n, "abc") for n in (1, 3, 4, 7)] == ["a", "c", "aa", "aaa"]
    assert [carried_letter(n, "abc") for n in (1, 3, 4, 7)] == ["a", "c", "aa", "ba"]
    assert word_number(29, "russianLower") == "аа"  # Word's 28 letters, then doubled
    assert word_number(3, "bullet") is None
    assert word_number(3, "none") == ""
    assert odf_number(4, "I") == "IV"
    assert odf_number(27, "a") == "aa" and odf_number(28, "a") == "ab"
    assert odf_number(28, "a", letter_sync=True) == "bb"
    assert odf_number(2, "а, б, .., аа, аб, ...") == "б"
