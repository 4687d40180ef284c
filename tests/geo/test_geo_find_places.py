"""find_places / analyse on the forms people write, old names, and hard negatives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qogam.geo import analyse, find_places

ABAI, AKMOLA, ALMATY_REGION, ZKO, ZHAMBYL, ZHETISU = "100000000", "110000000", "190000000", "270000000", "310000000", "330000000"
KARAGANDA, SKO, TURKISTAN, ULYTAU, VKO = "350000000", "590000000", "610000000", "620000000", "630000000"
ASTANA, ALMATY, SHYMKENT = "710000000", "750000000", "790000000"


def regions(text: str) -> list[str]:
    return analyse(text).regions


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Объединение действует в Алматинской области.", [ALMATY_REGION]),
        ("Филиал работает по городу Шымкент.", [SHYMKENT]),
        ("на территории Жамбылской и Туркестанской областей", [ZHAMBYL, TURKISTAN]),
        ("в Акмолинской, Карагандинской и Северо-Казахстанской областях", [AKMOLA, KARAGANDA, SKO]),
        ("Северо Казахстанская обл.", [SKO]),
        ("Алматы облысында жұмыс істейді", [ALMATY_REGION]),
        ("Астана қаласының әкімдігі", [ASTANA]),
        ("Алматы және Жамбыл облыстарында", [ALMATY_REGION, ZHAMBYL]),
        ("Батыс Қазақстан облысы", [ZKO]),
        ("область Абай", [ABAI]),
        ("в Абайской области", [ABAI]),
        ("в области Жетісу", [ZHETISU]),
        ("Жетысуская область", [ZHETISU]),
        ("областей Абай и Ұлытау", [ABAI, ULYTAU]),
        ("Улытауская область", [ULYTAU]),
        ("в Алматы", [ALMATY]),
        ("Алматыда өтті", [ALMATY]),
        ("Шымкентте өтті", [SHYMKENT]),
        ("в Караганде и Таразе", [KARAGANDA, ZHAMBYL]),
        ("жители Семея", [ABAI]),
        ("Павлодарский областной суд", ["550000000"]),
        ("Алматинский городской суд", [ALMATY]),
        ("ЗКО, СКО и ВКО", [ZKO, SKO, VKO]),
        ("гг. Тараз, Аягоз и Зайсан", [ABAI, ZHAMBYL, VKO]),
    ],
)
def test_forms_people_write(text, expected):
    assert regions(text) == sorted(expected)


def test_span_and_codes_of_a_city():
    result = analyse("Филиалы — г. Тараз").to_dict()
    assert result["places"] == [
        {"kato": "311010000", "region": ZHAMBYL, "text": "г. Тараз", "start": 10, "end": 18, "kind": "city"}
    ]
    assert result["regions"] == [ZHAMBYL]
    assert result["whole_country"] is False


def test_coordinated_plural_gives_two_places_with_spans():
    text = "в Жамбылской и Туркестанской областей"
    places = find_places(text)
    assert [(p.kato, p.text) for p in places] == [(ZHAMBYL, "Жамбылской"), (TURKISTAN, "Туркестанской областей")]
    for place in places:
        assert text[place.start : place.end] == place.text


@pytest.mark.parametrize(
    "text, kato",
    [
        ("в г. Нур-Султан", ASTANA),
        ("в Нур-Султане", ASTANA),
        ("в Целинограде", ASTANA),
        ("в Акмоле", ASTANA),
        ("в Алма-Ате", ALMATY),
        ("в г. Семипалатинске", "101010000"),
        ("в г. Капшагай", "191010000"),
        ("в Чимкенте", SHYMKENT),
        ("в Джамбуле", "311010000"),
    ],
)
def test_old_city_names_map_to_todays_code(text, kato):
    (place,) = find_places(text)
    assert place.kato == kato
    assert place.historic


def test_konaev_is_todays_name():
    (place,) = find_places("в г. Конаев")
    assert (place.kato, place.historic) == ("191010000", False)


def test_south_kazakhstan_region_is_turkistan_and_possibly_shymkent():
    (place,) = find_places("в Южно-Казахстанской области")
    assert place.kato == TURKISTAN and place.historic and place.also_regions == [SHYMKENT]
    assert regions("в ЮКО") == [TURKISTAN]


@pytest.mark.parametrize(
    "text, current, before_2022",
    [
        ("Восточно-Казахстанская область", VKO, ABAI),
        ("Алматинская область", ALMATY_REGION, ZHETISU),
        ("Карагандинская область", KARAGANDA, ULYTAU),
        ("ВКО", VKO, ABAI),
    ],
)
def test_2022_split_keeps_the_current_unit_and_says_what_else_it_covered(text, current, before_2022):
    (place,) = find_places(text)
    assert (place.kato, place.historic, place.also_regions) == (current, False, [before_2022])
    assert analyse(text).regions == [current]


@pytest.mark.parametrize(
    "text",
    [
        "ул. Жамбыла, 15",
        "улица Абая",
        "пр. Абая, 10",
        "на проспекте Абая",
        "Абай көшесі, 5",
        "Әл-Фараби даңғылы",
        "мкр. Алатау",
        "Абай Кунанбаев",
        "Абай Құнанбайұлы",
        "музей имени Абая",
        "Жамбыл Жабаев",
        "АО «Казахтелеком»",
        "ТОО «Алматы-Сервис»",
        "ТОО «Алматы Сервис»",
        "ТОО Астана Групп",
        "Қазақстан темір жолы",
        "КазМунайГаз",
        "Республика Абай",
        "Казахстанская правда",
        "Алматинский университет",
        "Карагандинский медицинский университет",
        "многодетных семей",
        "озеро Балхаш",
        "Балқаш көлі",
        "Д. Қонаев",
        "Астана Нурлановна",
        "Московская область",
        "Республики Беларусь",
    ],
)
def test_hard_negatives_are_not_places(text):
    assert [p for p in find_places(text) if p.kind != "country"] == []
    assert not analyse(text).whole_country


def test_a_shared_district_name_is_ambiguous_not_guessed():
    result = analyse("Объединение работает в Жамбылском районе.")
    assert result.regions == [] and result.places == []
    (place,) = result.ambiguous
    assert place.kato is None
    assert place.candidates == ["194200000", "314000000", "594600000"]


@pytest.mark.parametrize(
    "text, kato",
    [
        ("Жамбылский район Алматинской области", "194200000"),
        ("Алматы облысының Жамбыл ауданы", "194200000"),
        ("Абайский район г. Шымкента", "791110000"),
    ],
)
def test_a_region_next_to_it_resolves_an_ambiguous_district(text, kato):
    (district,) = [p for p in find_places(text) if p.kind == "district"]
    assert district.kato == kato


def test_an_ambiguous_settlement_lists_its_candidates():
    (place,) = find_places("жители с. Коктал")
    assert place.kato is None and len(place.candidates) > 5
    assert all(len(c) == 9 for c in place.candidates)


def test_settlement_and_town_need_their_marker():
    assert find_places("с. Кордай")[0].kato == "314830100"
    assert find_places("Қараауыл ауылы")[0].candidates or find_places("Қараауыл ауылы")[0].kato
    assert find_places("Кордай") == []  # a bare village name is not matched
    assert find_places("г. Курчатов")[0].kato == "101810000"
    assert find_places("Институт Курчатова") == []


def test_same_name_with_different_markers():
    assert find_places("г. Аксу")[0].kato == "551610000"
    assert find_places("с. Аксу")[0].kato is None  # many villages


def test_kazakh_city_post_marker_and_kent():
    assert find_places("Степняк қ.")[0].kato == "114520100"
    assert find_places("Шүлбі кенті")[0].kato == "104165100"


def test_old_font_letters_in_kato_fold():
    assert find_places("Кїшік жал ауылы")[0].kato == "634647308"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "г. Тараз", "Алматинской", "и", "областей", ",", "Абай", "ул.", "«", "»", "ТОО", "Астана",
    "облысы", "қаласы", "Республики Казахстан", "на территории", "р-н", "Жамбылский", "район",
    "с.", "Коктал", "x", "\n", "—", "РК", "Қазақстан", "ауданы", " ",
]), max_size=25))
def test_any_mix_of_fragments_gives_consistent_spans(parts):
    text = " ".join(parts)
    places = find_places(text)
    for place in places:
        assert text[place.start : place.end] == place.text
        assert place.kato is not None or place.candidates
        assert place.region is None or place.region.endswith("0000000")
    starts = [p.start for p in places]
    assert starts == sorted(starts)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_crashes(text):
    result = analyse(text)
    for place in result.places:
        assert text[place.start : place.end] == place.text
