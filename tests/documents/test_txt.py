"""Plain text: encodings, wrapped lines, clause numbers written in the text."""

from __future__ import annotations

import codecs
import textwrap

import pytest

from qogam.documents import read_bytes, read_text
from qogam.documents.clauses import find_number, heading_rank
from qogam.documents.testing import numbered_lines, sample_charter_items
from qogam.documents.textflow import glue

CHARTER = "\n".join(numbered_lines(sample_charter_items("ru")))
KAZAKH = "\n".join(numbered_lines(sample_charter_items("kk")))


@pytest.mark.parametrize(
    ("encode", "warning"),
    [
        (lambda t: t.encode("utf-8"), None),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), None),
        (lambda t: t.encode("utf-16"), "text encoding: utf-16"),
        (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "text encoding: utf-16"),
        (lambda t: t.encode("cp1251"), "text encoding: cp1251"),
        (lambda t: t.encode("koi8_r"), "text encoding: koi8_r"),
    ],
)
def test_encodings(encode, warning):
    # 8-bit code pages have no Kazakh letters, KOI8-R no guillemets or en dash
    text = CHARTER.replace("«Жаңа өмір»", '"Новая жизнь"').replace("–", "-")
    document = read_bytes(encode(text), "устав.txt")
    assert [p.text for p in document.paragraphs] == text.split("\n")
    assert document.warnings == ([warning] if warning else [])


def test_kazakh_text_in_utf8_keeps_its_letters():
    document = read_bytes(KAZAKH.encode("utf-8"), "жарғы.txt")
    assert document.paragraphs[2].text.startswith("1.1. «Жаңа өмір» қоғамдық бірлестігі")
    assert document.language_share() == {"kk": 1.0}


def test_hard_wrapped_text_is_joined_into_clauses():
    wrapped = "\n".join(textwrap.fill(line, 50) for line in CHARTER.split("\n"))
    assert wrapped.count("\n") > CHARTER.count("\n") + 10
    document = read_text(wrapped, "w.txt")
    assert [p.text for p in document.paragraphs] == CHARTER.split("\n")


def test_wrapped_paragraphs_without_numbers_split_at_blank_lines_and_short_lines():
    text = (
        "Объединение является некоммерческой организацией, созданной\n"
        "по инициативе граждан для достижения общих целей.\n"
        "\n"
        "Объединение имеет печать и банковские счета, открытые в\n"
        "банках второго уровня Республики Казахстан в порядке,\n"
        "установленном законом.\n"
        "Настоящий Устав вступает в силу с момента регистрации.\n"
    )
    document = read_text(text)
    assert [p.text for p in document.paragraphs] == [
        "Объединение является некоммерческой организацией, созданной по инициативе граждан для достижения общих целей.",
        "Объединение имеет печать и банковские счета, открытые в банках второго уровня Республики Казахстан в порядке, установленном законом.",
        "Настоящий Устав вступает в силу с момента регистрации.",
    ]


def test_hyphenated_words_are_glued_back():
    text = (
        "1.1. Объединение осуществляет деятельность в соответствии с зако-\n"
        "нодательством Республики Казахстан и настоящим Уставом, а также\n"
        "решениями Общего собрания.\n"
        "1.2. Второй пункт.\n"
    )
    document = read_text(text)
    assert document.paragraphs[0].text.startswith("1.1. Объединение осуществляет деятельность в соответствии с законодательством")


def test_one_line_per_paragraph_text_is_not_joined():
    text = "Председатель\nСекретарь\nЧлены правления\n"
    assert [p.text for p in read_text(text).paragraphs] == ["Председатель", "Секретарь", "Члены правления"]


@pytest.mark.parametrize(
    ("line", "number", "kind", "depth"),
    [
        ("1. Общие положения", "1.", "decimal", 1),
        ("1.1. Объединение является", "1.1.", "decimal", 2),
        ("4.2.1 Члены вправе", "4.2.1", "decimal", 3),
        ("  12.3.\tОтступ и табуляция", "12.3.", "decimal", 2),
        ("Статья 1. Общие положения", "Статья 1", "article", 1),
        ("СТАТЬЯ 12", "СТАТЬЯ 12", "article", 1),
        ("Глава I. Общие положения", "Глава I", "chapter", 1),
        ("ГЛАВА 2", "ГЛАВА 2", "chapter", 1),
        ("Раздел 1. Цели", "Раздел 1", "section", 1),
        ("1-бап. Жалпы ережелер", "1-бап", "article", 1),
        ("2 - бап", "2 - бап", "article", 1),
        ("1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР", "1-тарау", "chapter", 1),
        ("3-бөлім", "3-бөлім", "section", 1),
        ("II. ЦЕЛИ", "II.", "roman", 1),
        ("IV. Органы", "IV.", "roman", 1),
        ("1) проводит семинары", "1)", "item", 1),
        ("а) защита прав", "а)", "letter", 1),
    ],
)
def test_clause_numbers(line, number, kind, depth):
    found = find_number(line)
    assert found is not None
    assert (found.text, found.kind, found.depth) == (number, kind, depth)


@pytest.mark.parametrize(
    "line",
    ["2019 году было принято", "Объединение создано", "1.5млн тенге", "IIV. не римское", "Статьи 1 и 2 устава", "г. Алматы", ""],
)
def test_not_clause_numbers(line):
    assert find_number(line) is None


def test_heading_guesses():
    assert heading_rank("ОБЩИЕ ПОЛОЖЕНИЯ", None) is not None
    assert heading_rank("1. Общие положения", find_number("1. Общие положения")) is not None
    assert heading_rank("1.1. Объединение является некоммерческой организацией.", find_number("1.1. Объединение")) is None
    assert heading_rank("2. Объединение вправе:", find_number("2. Объединение вправе:")) is None
    assert heading_rank("1) проводит семинары", find_number("1) проводит")) is None
    chapter = heading_rank("Глава 1. Общие положения", find_number("Глава 1. Общие"))
    article = heading_rank("Статья 1. Статус", find_number("Статья 1. Статус"))
    assert chapter < article


def test_levels_follow_the_nesting_of_heading_kinds():
    text = "УСТАВ\nГлава 1. Общие положения\nСтатья 1. Статус\nОбъединение является организацией.\nГлава 2. Цели\n"
    assert [p.level for p in read_text(text).paragraphs] == [1, 2, 3, None, 2]


def test_html_saved_charter_is_read_by_blocks():
    html = (
        '<!DOCTYPE html><html><head><meta charset="windows-1251"><title>Документ</title>'
        "<style>p {margin: 0}</style><script>var x = 1;</script></head><body>"
        "<h1>УСТАВ</h1><p>1. ОБЩИЕ ПОЛОЖЕНИЯ</p><p>1.1. Объединение является\r\nнекоммерческой <b>организацией</b>.</p>"
        "<table><tr><td>Жалпы ережелер</td><td>Общие положения</td></tr></table></body></html>"
    )
    document = read_bytes(html.encode("cp1251"), "устав.doc")
    assert document.format == "html"
    assert [(p.number, p.text, p.language) for p in document.paragraphs] == [
        (None, "УСТАВ", "ru"),
        ("1.", "1. ОБЩИЕ ПОЛОЖЕНИЯ", "ru"),
        ("1.1.", "1.1. Объединение является некоммерческой организацией.", "ru"),
        (None, "Жалпы ережелер", "kk"),
        (None, "Общие положения", "ru"),
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251"])
def test_html_without_a_declared_charset_is_decoded_like_text(encoding):
    title = "УСТАВ" if encoding == "cp1251" else "ЖАРҒЫ"  # cp1251 has no Kazakh letters
    html = f"<html><body><p>{title}</p><p>1. Общие положения</p></body></html>"
    document = read_bytes(html.encode(encoding), "устав.htm")
    assert [p.text for p in document.paragraphs] == [title, "1. Общие положения"]


def _wrapped(paragraphs: list[str], width: int = 60) -> str:
    return "\n".join(textwrap.fill(p, width) for p in paragraphs)


def test_wrapped_line_starting_like_a_number_or_an_item_continues_its_sentence():
    lines = [  # wrapped at 62 characters, as a text editor would
        "1.5. Местонахождение Правления: Республика Казахстан, город",
        "Тараз, улица Абая, дом 12, корпус 2, подъезд 1, этаж 3, офис",
        "304. Телефон приемной указан на сайте Объединения.",
        "1.6. Решение о приеме принимается Правлением (для юридических",
        "лиц и их руководящих органов, а для прочих заявителей и групп",
        "– решения их руководящего органа) простым большинством.",
        "1.7. Объединение создается без ограничения срока деятельности.",
    ]
    paragraphs = [p.text for p in read_text("\n".join(lines)).paragraphs]
    assert paragraphs == [" ".join(lines[0:3]), " ".join(lines[3:6]), lines[6]]


def test_a_clause_after_a_heading_without_a_full_stop_still_starts_a_paragraph():
    paragraphs = [
        "Статья 17. Порядок внесения изменений и дополнений в настоящий Устав Общества",
        "1. Решение о внесении изменений и дополнений в настоящий Устав принимает Общее собрание членов.",
        "2. Изменения вступают в силу с момента их государственной регистрации в органах юстиции.",
    ]
    document = read_text(_wrapped(paragraphs, 76))
    assert [p.number for p in document.paragraphs] == ["Статья 17", "1.", "2."]


def test_short_lines_ending_a_lead_in_or_an_item_are_paragraphs_of_their_own():
    paragraphs = [
        "1.1. Общественное объединение «Молодежный центр гражданских инициатив «Жастар жолы» "
        "является добровольным, самоуправляемым некоммерческим формированием граждан.",
        "1.2. Наименование Объединения:",
        "полное на казахском языке: «Жастар жолы» қоғамдық бірлестігі;",
        "полное на русском языке: Общественное объединение «Жастар жолы».",
    ]
    document = read_text(_wrapped(paragraphs, 70))
    assert [p.text for p in document.paragraphs] == paragraphs


@pytest.mark.parametrize(
    ("before", "after", "joined"),
    [
        ("содействие развитию гражданского об-", "щества и государства.", "общества"),
        ("ведение финансово-", "хозяйственной деятельности.", "финансово-хозяйственной"),
        ("проведение научно-", "исследовательских работ.", "научно-исследовательских"),
        ("присвоение бизнес-", "идентификационного номера.", "бизнес-идентификационного"),
        ("в городе Нур-", "Султане и других городах.", "Нур-Султане"),
        ("развитие меж-", "странового сотрудничества.", "межстранового"),
        ("осуществление законо-", "дательной инициативы.", "законодательной"),
        ("в городе Шым-", "кенте и области.", "Шымкенте"),
        ("Қабанбай батыр көшесі, 112-үй, 8-", "кеңсе.", "8-кеңсе."),
    ],
)
def test_a_hyphen_at_a_line_end_stays_only_when_it_is_spelling(before, after, joined):
    assert joined in glue(before, after).split()


def test_compounds_broken_across_lines_of_a_wrapped_clause_keep_their_hyphen():
    lines = [
        "1.1. Объединение осуществляет следующие виды деятельности: ведение",
        "финансово-хозяйственной деятельности, содействие развитию об-",
        "щества, проведение культурно-массовых мероприятий и научно-",
        "исследовательских работ в области экологии.",
        "1.2. Объединение создается без ограничения срока деятельности.",
    ]
    first = read_text("\n".join(lines)).paragraphs[0].text
    assert "развитию общества" in first and "научно-исследовательских работ" in first
