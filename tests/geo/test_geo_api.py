"""The small public API: units, names, regions, the JSON shape."""

from __future__ import annotations

import json

import pytest

import qogam.geo as geo


def test_first_level_units():
    units = geo.first_level_units()
    assert len(units) == 20
    assert sum(u.kind == "oblast" for u in units) == 17
    assert [u.code for u in units if u.kind == "city"] == ["710000000", "750000000", "790000000"]
    by_code = {u.code: u for u in units}
    assert by_code["100000000"].name_ru == "область Абай"
    assert by_code["100000000"].name_kk == "Абай облысы"
    assert by_code["100000000"].name_en == "Abai Region"
    assert by_code["750000000"].name_ru == "г. Алматы"
    assert all(u.name_ru and u.name_kk and u.name_en for u in units)


@pytest.mark.parametrize(
    "code, lang, name",
    [
        ("310000000", "ru", "Жамбылская область"),
        ("310000000", "kk", "Жамбыл облысы"),
        ("310000000", "en", "Jambyl Region"),
        ("311010000", "ru", "г. Тараз"),
        ("311010000", "en", "г. Тараз"),
        ("103200000", "kk", "Абай ауданы"),
        ("000000000", "en", "Republic of Kazakhstan"),
    ],
)
def test_unit_name(code, lang, name):
    assert geo.unit_name(code, lang) == name


def test_unit_name_errors_are_clear():
    with pytest.raises(ValueError, match="not a KATO code known"):
        geo.unit_name("999999999")
    with pytest.raises(ValueError, match="not supported"):
        geo.unit_name("310000000", "de")


def test_region_of():
    assert geo.region_of("311010000") == "310000000"
    assert geo.region_of("750000000") == "750000000"
    assert geo.region_of("000000000") is None
    with pytest.raises(ValueError, match="9 digits"):
        geo.region_of("31101")
    with pytest.raises(ValueError, match="no first-level unit"):
        geo.region_of("990000000")


def test_to_dict_is_json_with_the_documented_keys():
    result = geo.analyse("Абайский район; на территории РК; в г. Тараз; Нур-Султан; ВКО")
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert set(data) == {"places", "regions", "whole_country", "ambiguous"}
    for place in data["places"]:
        assert {"kato", "region", "text", "start", "end", "kind"} <= set(place)
    assert [p["kind"] for p in data["places"]] == ["country", "city", "city", "region"]
    assert data["places"][0]["whole_country"] is True
    assert data["places"][2]["historic"] is True
    assert data["places"][3]["also_regions"] == ["100000000"]
    assert data["ambiguous"][0]["candidates"] == ["103200000", "353200000", "791110000"]
    assert data["regions"] == ["310000000", "630000000", "710000000"]


def test_bad_input_type():
    with pytest.raises(TypeError, match="expects a str"):
        geo.find_places(None)
    assert geo.find_places("") == []
    assert geo.analyse("").to_dict() == {"places": [], "regions": [], "whole_country": False, "ambiguous": []}
