"""Registration marks and appendices read from text (no OCR needed)."""

import jsonschema
import pytest
import yaml

from qogam.documents.marks import (
    PATTERNS_FILE,
    PATTERNS_SCHEMA,
    bin_control_ok,
    clean_stamp_text,
    find_bin,
    find_date,
    find_registration_marks,
    missing_appendices,
    parse_mark_text,
    present_appendices,
    referenced_appendices,
    registration_marks,
)
from qogam.documents.model import Document, Paragraph, Stamp


def doc(*texts: str, page: int | None = None) -> Document:
    return Document("t.txt", "txt", [Paragraph(i, t, page=page) for i, t in enumerate(texts)])


def test_pattern_file_follows_its_schema():
    jsonschema.validate(yaml.safe_load(PATTERNS_FILE.read_text(encoding="utf-8")), PATTERNS_SCHEMA)


def test_schema_rejects_a_months_list_that_is_not_twelve():
    raw = yaml.safe_load(PATTERNS_FILE.read_text(encoding="utf-8"))
    raw["months_ru"] = raw["months_ru"][:11]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(raw, PATTERNS_SCHEMA)


@pytest.mark.parametrize(
    ("text", "authority", "date", "bin_"),
    [
        ("ЗАРЕГИСТРИРОВАН\nДепартаментом юстиции\nгорода Алматы\nБИН 190240012344\n14.03.2019",
         "Департаментом юстиции города Алматы", "2019-03-14", "190240012344"),
        ("Зарегистрировано Департаментом юстиции Карагандинской области «5» мая 2021 г.",
         "Департаментом юстиции Карагандинской области", "2021-05-05", None),
        ("ТІРКЕЛДІ\nАлматы қаласының\nӘділет департаменті\nБСН 190240012344\n14.03.2019",
         "Алматы қаласының Әділет департаменті", "2019-03-14", "190240012344"),
        ("Қазақстан Республикасы Әділет министрлігінде 2020 жылғы 3 наурыз тіркелді",
         "Қазақстан Республикасы Әділет министрлігінде", "2020-03-03", None),
        ("ЗАРЕГИСТРИРОВАН Управлением юстиции Алмалинского района Департамента юстиции города Алматы 01.02.2018",
         "Управлением юстиции Алмалинского района Департамента юстиции города Алматы", "2018-02-01", None),
    ],
)
def test_mark_text_gives_body_date_and_bin(text, authority, date, bin_):
    parsed = parse_mark_text(text)
    assert parsed.is_registration
    assert parsed.authority == authority
    assert parsed.date == date
    assert parsed.bin == bin_


def test_kazakh_letters_misread_by_ocr_still_name_the_body():
    parsed = parse_mark_text("ТІРКЕЛДІ\n| Алматы каласынын, |\nӘділет департаменті")
    assert parsed.authority == "Алматы каласынын, Әділет департаменті"


def test_dates_are_validated():
    assert find_date("31.02.2019 или 12.03.2019") == "2019-03-12"
    assert find_date("14.13.2019") is None
    assert find_date("протокол № 12.2019") is None
    assert find_date("2019 жылғы 14 ақпан") == "2019-02-14"


def test_bin_needs_its_control_digit():
    assert bin_control_ok("190240012344")
    assert not bin_control_ok("190240012345")  # one digit misread
    assert find_bin("БИН 190240012345, счёт 190240012344") == "190240012344"
    assert find_bin("БИН 1902 4001 2344") == "190240012344"
    assert find_bin("БИН 190240012345") is None
    assert find_bin("телефон 8 727 2500 000") is None


def test_frame_remnants_are_dropped_from_stamp_text():
    assert clean_stamp_text("| ЗАРЕГИСТРИРОВАН |\n___\nгорода Алматы ]") == "ЗАРЕГИСТРИРОВАН\nгорода Алматы"


def test_typed_mark_spanning_paragraphs_is_found_once():
    d = doc("Устав ОО «Мейірім»", "ЗАРЕГИСТРИРОВАН", "Департаментом юстиции", "города Алматы", "14.03.2019",
            "1. Общие положения", page=1)
    marks = find_registration_marks(d.paragraphs)
    assert len(marks) == 1
    mark = marks[0]
    assert (mark.kind, mark.page, mark.authority, mark.date) == (
        "registration_mark", 1, "Департаментом юстиции города Алматы", "2019-03-14")
    assert "1. Общие положения" not in mark.text


def test_one_line_typed_mark_russian_and_kazakh():
    d = doc("Зарегистрирован Департаментом юстиции города Алматы 12.03.2019",
            "Алматы қаласының Әділет департаментінде 2019 жылғы 12 наурыз тіркелді")
    marks = find_registration_marks(d.paragraphs)
    assert [m.date for m in marks] == ["2019-03-12", "2019-03-12"]


@pytest.mark.parametrize(
    "sentence",
    [
        "1.8. Объединение приобретает права юридического лица с момента его государственной регистрации в органах юстиции.",
        "5.3. Филиалы и представительства подлежат учетной регистрации в органах юстиции.",
        "Бірлестік әділет органдарында мемлекеттік тіркелген сәттен бастап заңды тұлға құқығына ие болады.",
        "Зарегистрированные члены Объединения вправе участвовать в Общем собрании.",
    ],
)
def test_charter_sentences_about_registration_are_not_marks(sentence):
    assert find_registration_marks(doc(sentence).paragraphs) == []


def test_mark_read_from_image_and_text_is_listed_once():
    d = doc("ЗАРЕГИСТРИРОВАН Департаментом юстиции города Алматы 14.03.2019", page=1)
    d.stamps = [Stamp("registration_mark", 1, (10, 10, 100, 50), "…", "Департаментом юстиции города Алматы",
                      "2019-03-14", None), Stamp("seal", 1, (0, 0, 5, 5))]
    assert len(registration_marks(d)) == 1
    d.stamps[0].page = 2  # the typed note is on another page: two marks
    assert len(registration_marks(d)) == 2


def test_appendix_referenced_and_present():
    d = doc(
        "5.2. Перечень имущества приведен в Приложении № 1 к настоящему Уставу.",
        "5.3. Символика описана в приложении 2 к Уставу.",
        "Приложение № 1 к Уставу ОО «Жарқын болашақ»",
        "Перечень имущества",
    )
    assert referenced_appendices(d) == [(0, "1"), (1, "2")]
    assert present_appendices(d) == [(2, "1")]
    assert missing_appendices(d) == [(1, "2")]


def test_appendix_labels_and_missing():
    d = doc(
        "5.2. Перечень имущества приведен в Приложении № 1 к настоящему Уставу.",
        "5.3. Описание символики — в Приложении № 2.",
        "Құрылтайшылар берген мүліктің тізбесі осы Жарғыға № 3 қосымшада келтірілген.",
        "ПРИЛОЖЕНИЕ № 1",
    )
    assert [label for _, label in referenced_appendices(d)] == ["1", "2", "3"]
    assert missing_appendices(d) == [(1, "2"), (2, "3")]


@pytest.mark.parametrize(
    "sentence",
    [
        "2.3. Объединение разрабатывает мобильные приложения для волонтеров.",
        "2.4. Создание мобильного приложения «Волонтер».",
        "Документы оформляются согласно Приложению 3 к приказу Министра юстиции.",
        "Бірлестік қосымша ақпарат таратады.",
    ],
)
def test_words_that_are_not_references_to_charter_appendices(sentence):
    assert referenced_appendices(doc(sentence)) == []


def test_an_unnumbered_appendix_answers_a_reference_to_number_one():
    d = doc("Перечень приведен в приложении к настоящему Уставу.", "Приложение к Уставу", "Перечень …")
    assert referenced_appendices(d) == [(0, "")]
    assert missing_appendices(d) == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Гег. № өз27-1964-ОО\n25.03.2007", True),  # «Рег.» misread, the number's shape remains
        ("Тіркеу № 7727-1910-ҚБ", True),
        ("Мичистерттаа юорлинн\n25.03.2007", False),
        ("Протокол № 1 от 14 февраля 2019 года", False),
        ("телефон 8-701-555-12-34", False),
    ],
)
def test_a_registration_number_is_a_cue_of_a_framed_mark(text, cue):
    assert parse_mark_text(text).has_framed_cue is cue


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # Pieces a 1-bit scan leaves: «…партамен…», «…ркеу №», «…СН» before digits.
        ("Т! .ЕЛЛІ\n„лет партамен”\n‚ ‚ркеу № _372-\n“СН 54720 4 742", True),
        ("ТІРКІ (\nӘ” шел .партзмен”\nБСН 90185314282.", True),
        # Numbers alone, or one piece alone, are what a page's own text has too.
        ("‚о БСН 772. 5434392\n08.02.2006", False),
        ("размещение средств на депозитах 12.03.2020", False),
        ("сто депутатов и один 200", False),
    ],
)
def test_pieces_of_a_marks_words_count_only_together(text, cue):
    assert parse_mark_text(text).has_framed_cue is cue
