"""Field vocabulary of the rules (ninth round): which group a kind of cue gives as primary.

The texts are written for these tests (not rows of labelled.csv); each case is a cue whose
reliability was measured on the development batches (eval/activities/README.md, "Ninth round").
"""

import pytest

from qogam.activities import classifier as classifier_module
from qogam.activities.lemmas import lemma_strings


def primary(text: str) -> str | None:
    return classifier_module.classify(text, "rules").primary_group


@pytest.mark.parametrize(
    ("text", "group"),
    [
        # scholarships are paid by a funder (8), whatever the students study
        ("Выплата стипендий студентам из сельской местности", "8"),
        ("Университет студенттеріне шәкіртақы тағайындау", "8"),
        ("Scholarships for students from rural districts", "8"),
        ("Гранты молодым учёным на исследования в области физики и химии", "8"),
        # money collected for a patient's treatment is fundraising (8)
        ("Науқас балаларды емдеуге қаражат жинау", "8"),
        # friendship societies and people's diplomacy are international (9)
        ("Общество дружбы с Кореей проводит выставки и концерты корейского искусства", "9"),
        ("Народная дипломатия и культурные связи с соседями", "9"),
        ("Қазақ-жапон достық қоғамы көрме мен концерт өткізеді", "9"),
        ("A friendship society holding exhibitions and concerts of Polish art", "9"),
        # aid delivered to a foreign province or to neighbouring countries is international (9)
        ("Доставка палаток и одеял в провинцию, пострадавшую от наводнения", "9"),
        ("Көршілес елдерге гуманитарлық көмек жеткізу", "9"),
        # an association of companies or producers is 11 whatever their industry
        ("Ассоциация предприятий по утилизации отходов защищает интересы своих членов", "11"),
        ("Сүт өндірушілер қауымдастығы мүшелерінің мүддесін қорғайды", "11"),
        ("An association of tour operators representing travel companies", "11"),
        # an association of a profession is 11 even when the profession is medicine
        ("Общество хирургов проводит конференции для своих членов", "11"),
        ("Фармацевтер қауымдастығы мүшелеріне курстар ұйымдастырады", "11"),
        # career guidance is employment (6)
        ("Профориентационные встречи школьников с работодателями", "6"),
        # military-patriotic education is civic (7) even with school words
        ("Военно-патриотическое воспитание школьников: уроки и сборы", "7"),
        ("Оқушыларға әскери-патриоттық тәрбие беру сабақтары", "7"),
        ("Patriotic education of teenagers", "7"),
    ],
)
def test_a_field_cue_gives_its_group_as_primary(text, group):
    assert primary(text) == group


@pytest.mark.parametrize(
    "text",
    [
        "With a USAID grant, we planted trees along the river banks of our town.",
        "With a state grant, we repaired the sports ground of our village.",
    ],
)
def test_a_grant_received_from_a_named_donor_is_not_grant_making(text):
    assert primary(text) != "8"


def test_an_english_line_naming_a_place_with_a_turkish_letter_stays_english():
    text = "We sent humanitarian aid to families affected by the earthquake in Türkiye."
    assert list(lemma_strings(text)) == ["en"]
    assert primary(text) is not None
