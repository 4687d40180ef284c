"""Field vocabulary of the rules (tenth round): cues that used to give the wrong group.

The texts are written for these tests (not rows of labelled.csv); each case is a kind of cue
whose reliability was counted on the development batches (eval/activities/README.md, "Tenth
round").
"""

import pytest

from qogam.activities import classify


def rules(text: str):
    return classify(text, "rules")


@pytest.mark.parametrize(
    ("text", "group"),
    [
        # rescued animals are animal protection, in either word order
        ("Cat rescue in Aktobe: we neuter street cats and find them homes", "5"),
        ("Stray dogs rescued from the streets get veterinary care in our shelter", "5"),
        # a grant from a named funder pays for the organisation's own work
        ("Supported by the Embassy of Japan's grant programme, we screen villagers for diabetes", "3"),
        # a professional body of advocates or mediators is their association
        ("A professional self-governing body of advocates that admits new members after exams", "11"),
        ("Союз медиаторов области ведёт реестр медиаторов и аккредитацию", "11"),
        ("Защита профессиональных прав журналистов района", "11"),
        ("Жедел жәрдем фельдшерлерінің қауымдастығы мүшелерінің мүддесін білдіреді", "11"),
        # representing farms or producers is their association's work
        ("Представление интересов фермерских хозяйств района в государственных органах", "11"),
        ("Облыстың астық өсірушілерінің мүдделерін қорғау", "11"),
        ("Women entrepreneurs' association of Shymkent: mentoring and lobbying", "11"),
        # cooperation among NGOs of several countries is international
        ("Развитие сотрудничества НПО Казахстана и Кыргызстана в сфере водопользования", "9"),
        ("Cooperation between NGOs of Kazakhstan and Tajikistan on border issues", "9"),
        # Kazakh false friends: inheritance is a legal matter
        ("Тұрғындарға мұрагерлік мәселелері бойынша заңгерлік кеңес беру", "7"),
        # garage boxes are not boxing
        ("Охрана гаражных боксов и освещение проездов кооператива", "12"),
    ],
)
def test_a_tenth_round_cue_gives_its_group_as_primary(text, group):
    assert rules(text).primary_group == group


@pytest.mark.parametrize(
    ("text", "wrong_group"),
    [
        ("Our dentists travel to remote villages to treat children's teeth", "1"),
        ("A cemetery society that repairs the fence around the graves", "1"),
        ("We equip village posts so that no woman dies giving birth", "8"),
        ("Volunteer teachers help pupils with maths after school", "8"),
        ("Kandas families get help with housing and meet local employers", "11"),
        ("Our platform connects donors with verified charitable projects", "3"),
        ("Composting food waste in school canteens", "4"),
        ("Құжаттарды рәсімдеуге көмектесу", "10"),
    ],
)
def test_a_misleading_word_does_not_give_its_group(text, wrong_group):
    assert wrong_group not in rules(text).group_codes


def test_blood_donors_stay_health_and_are_not_philanthropy():
    result = rules("Promoting regular blood donation and a registry of donors with rare blood types")
    assert result.group_codes == ["3"]
