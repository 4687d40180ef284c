"""Whole-country scope: a territory statement, not a mention of the state."""

from __future__ import annotations

import pytest

from qogam.geo import COUNTRY_CODE, analyse, find_places, states_whole_country


@pytest.mark.parametrize(
    "text",
    [
        "Объединение осуществляет деятельность на территории Республики Казахстан.",
        "Территорией деятельности является вся территория Республики Казахстан.",
        "на всей территории Республики Казахстан",
        "Территория деятельности — Республика Казахстан.",
        "Территория деятельности: Республика Казахстан",
        "Фонд действует в Республике Казахстан и за рубежом.",
        "по всему Казахстану",
        "В Казахстане зарегистрировано 22 тысячи НПО.",
        "в РК",
        "на всю территорию РК",
        "по всей стране",
        "на всей территории республики",
        "Қазақстан Республикасының бүкіл аумағында",
        "Қазақстан Республикасы аумағында жүзеге асырылады",
        "Қазақстанда тіркелген",
        "Ел бойынша 23 мың ҮЕҰ",
        "во всех регионах Казахстана",
    ],
)
def test_states_whole_country(text):
    assert states_whole_country(text)
    assert analyse(text).whole_country


@pytest.mark.parametrize(
    "text",
    [
        "в соответствии с законодательством Республики Казахстан",
        "законодательство РК",
        "гражданин Республики Казахстан",
        "Граждане РК имеют право на объединение.",
        "Конституция РК",
        "Бірлестік Қазақстан Республикасының заңнамасына сәйкес әрекет етеді.",
        "Қазақстан Республикасының азаматтары",
        "за пределами Республики Казахстан",
        "Юридический адрес: Республика Казахстан, г. Алматы, ул. Абая, 1",
        "на территории Алматинской области Республики Казахстан",
        "на территории более половины областей Республики Казахстан",
        "Президент Казахстана",
        "символы нашей страны",
        "в стране пребывания",
        "на территории Республики Беларусь",
        "Объединение является республиканским.",
        "Проект «Таза Қазақстан»",
    ],
)
def test_does_not_state_whole_country(text):
    assert not states_whole_country(text)
    assert not analyse(text).whole_country


@pytest.mark.parametrize("text", ["3.1. Республика Казахстан.", "Қазақстан Республикасы", "— РК;"])
def test_the_republic_named_alone_in_a_territory_clause(text):
    assert states_whole_country(text)
    assert not analyse(text).whole_country  # outside a territory clause it is just a mention


@pytest.mark.parametrize("text", ["Республика Казахстан, г. Алматы", "3.1. Республика Казахстан и Кыргызская Республика."])
def test_the_republic_with_more_in_the_clause_is_not_alone(text):
    assert not states_whole_country(text)


@pytest.mark.parametrize(
    "text",
    [
        "во всех регионах",
        "Проект охватит все регионы Казахстана.",
        "Работа ведется во всех 20 регионах страны.",
        "во всех областях и городах республиканского значения",
        "Жоба еліміздің барлық өңірлерінде іске асырылады.",
    ],
)
def test_all_regions_is_the_whole_country(text):
    assert states_whole_country(text)


@pytest.mark.parametrize(
    "text",
    ["во всех регионах мира", "во всех областях деятельности", "во всех областях, не запрещенных законом"],
)
def test_all_regions_of_something_else_is_not(text):
    assert not states_whole_country(text)


def test_a_country_mention_is_a_place_of_kind_country():
    (place,) = find_places("законодательство Республики Казахстан")
    assert (place.kato, place.region, place.kind, place.whole_country) == (COUNTRY_CODE, None, "country", False)
    assert place.text == "Республики Казахстан"
    assert analyse("законодательство Республики Казахстан").regions == []


def test_country_plus_regions():
    result = analyse("на территории Республики Казахстан, в том числе в г. Алматы")
    assert result.whole_country and result.regions == ["750000000"]
