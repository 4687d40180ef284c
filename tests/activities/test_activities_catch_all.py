"""Vague catch-all goals and commercial goals (the data behind goals.vague / goals.commercial)."""

import pytest

from qogam.activities import find_catch_all, find_commercial_goal


@pytest.mark.parametrize(
    "text",
    [
        "Осуществление иной деятельности, не запрещённой законодательством Республики Казахстан",
        "Любые виды деятельности, не противоречащие законодательству",
        "Другие виды деятельности, не противоречащие действующему законодательству",
        "Иные цели, направленные на достижение общественных благ",
        "Қазақстан Республикасының заңнамасында тыйым салынбаған өзге де қызметті жүзеге асыру",
        "Кез келген қызмет түрлерін жүзеге асыру",
        "Any other activity not prohibited by the legislation of the Republic of Kazakhstan",
        "Carrying out any types of activities permitted by law",
    ],
)
def test_vague_goals_are_found(text):
    found = find_catch_all(text)
    assert found and found[0].category == "vague"
    assert text[found[0].start : found[0].end] == found[0].text


@pytest.mark.parametrize(
    "text",
    [
        "Оказание социальной помощи детям-сиротам",
        "Развитие массового спорта в Павлодарской области",
        "Жетім балаларға әлеуметтік көмек көрсету",
        "Protecting the snow leopard and its habitat",
    ],
)
def test_concrete_goals_are_not_vague(text):
    assert find_catch_all(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Осуществление предпринимательской деятельности в целях извлечения прибыли",
        "Получение дохода от оказания платных услуг",
        "Пайда табу мақсатында кәсіпкерлік қызметті жүзеге асыру",
        "Generating income and profit for the founders",
    ],
)
def test_profit_as_a_goal_is_found(text):
    found = find_commercial_goal(text)
    assert found and all(e.category == "commercial" for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "Объединение вправе осуществлять предпринимательскую деятельность постольку, поскольку она служит достижению уставных целей",
        "Для достижения уставных целей Фонд может осуществлять предпринимательскую деятельность",
        "Некоммерческая организация, не имеющая извлечение дохода в качестве основной цели своей деятельности",
        "Доходы от предпринимательской деятельности направляются на достижение уставных целей",
        "Жарғылық мақсаттарға сәйкес келетін шамада кәсіпкерлік қызметпен айналысуға құқылы",
        "The Fund may carry out entrepreneurial activity insofar as it serves its statutory goals",
        "A non-profit organisation",
    ],
)
def test_permitted_or_negated_wording_is_not_flagged(text):
    assert find_commercial_goal(text) == []
