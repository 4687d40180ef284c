"""The charter parser on small hand-written charters whose right reading is known."""

from pathlib import Path

from qogam.charter import parse_charter
from qogam.documents import read_text

MINI = (Path(__file__).parents[1] / "fixtures" / "mini_charter.txt").read_text(encoding="utf-8")


def parse(text: str):
    return parse_charter(read_text(text, "mini.txt"))


def test_reads_identity_and_status():
    ch = parse(MINI)
    assert ch.is_charter and ch.foreign_country is None
    assert ch.legal_form == "public_association"
    assert ch.name_full_ru == "Общественное объединение «Жасыл қала»"
    assert ch.name_short_ru == "ОО «Жасыл қала»"
    assert ch.status == "local"
    assert "г. Тараз" in ch.seat.text


def test_reads_goals_as_a_list():
    ch = parse(MINI)
    assert [g.text for g in ch.goals] == [
        "озеленение городов и сёл",
        "экологическое просвещение детей и молодёжи",
        "защита бездомных животных",
    ]


def test_reads_bodies_with_terms():
    ch = parse(MINI)
    kinds = {b.kind: b for b in ch.bodies}
    assert kinds["supreme"].name.startswith("общее собрание")
    assert "3 (три) года" in kinds["executive"].term_text
    assert kinds["control"].term_text is not None


def test_reads_territory_from_the_territory_clause():
    ch = parse(MINI)
    assert ch.territory.regions == ["310000000"]
    assert not ch.territory.whole_country


def test_mandatory_items_are_located():
    ch = parse(MINI)
    assert ch.membership and ch.property_sources and ch.amendment
    assert ch.liquidation and ch.liquidation_property


def test_contract_is_not_a_charter():
    text = "ДОГОВОР ОКАЗАНИЯ УСЛУГ № 5\nг. Алматы\nИсполнитель обязуется оказать услуги, а Заказчик оплатить их.\nСтоимость услуг составляет 100 000 тенге."
    assert not parse(text).is_charter


def test_russian_charter_is_foreign():
    text = MINI.replace("Республики Казахстан", "Российской Федерации").replace("Республика Казахстан", "Российская Федерация")
    text += "\n8.1. Объединение действует в соответствии с Федеральным законом «Об общественных объединениях», ОГРН 1027700000000.\n"
    assert parse(text).foreign_country == "RU"


def test_kazakh_paragraphs_of_a_bilingual_charter_are_not_analysed_twice():
    kazakh = "ЖАРҒЫ\n1. ЖАЛПЫ ЕРЕЖЕЛЕР\n1.1. Бірлестіктің мақсаттары: балаларды қолдау; жастарды тәрбиелеу; әйелдердің құқықтарын қорғау.\n1.2. Бірлестік Жамбыл облысының аумағында өз қызметін жүзеге асырады және жергілікті қоғамдық бірлестік болып табылады.\n1.3. Бірлестіктің жоғары органы мүшелердің жалпы жиналысы болып табылады, ол жылына кемінде бір рет шақырылады.\n"
    ch = parse(kazakh + MINI)
    assert ch.language == "bilingual"
    assert len(ch.goals) == 3
