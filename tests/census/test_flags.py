"""Flags for "quasi-NGOs": each a fact with its evidence, never a verdict."""

import datetime as dt

import pytest
from census_builders import AS_OF, filed, org, signal

from qogam.census.flags import catalogue, compute_flags
from qogam.census.records import FilingRecord, SignalRecord
from qogam.census.states import prepare


def flags_of(records):
    return compute_flags([prepare(r, AS_OF) for r in records])


@pytest.mark.parametrize("name", [
    "ГУ «Управление образования акимата Жамбылской области»",
    "Министерство культуры и информации Республики Казахстан",
    "КГУ «Центр поддержки гражданских инициатив»",
    "Республиканское государственное предприятие на ПХВ «Казгидромет»",
    "АО «Фонд национального благосостояния «Самрук-Қазына»",
    "Жамбыл облысы әкімдігінің білім басқармасы",
    "«Мемлекеттік мекеме» Тараз қаласы",
])
def test_state_founders_are_recognised(name):
    assert catalogue().state_founder_match(name)


@pytest.mark.parametrize("name", [
    "Иванов Иван Иванович",
    "Негосударственное учреждение «Свет»",
    "ОФ «Государственность и право»",
    "ТОО «Гулжан»",
    "Мемлекеттік емес ұйым «Жарық»",
    "Гуманитарный фонд",
])
def test_private_founders_are_not(name):
    assert catalogue().state_founder_match(name) is None


def with_founders(year, founders):
    f = filed(year)
    f.founders = tuple(founders)
    return f


def test_state_founder_flag_quotes_the_founder_and_the_words_that_matched():
    record = org(1, filings=[with_founders(2024, ["Петров П. П."]),
                             with_founders(2025, ["Петров П. П.", "ГУ «Аппарат акима города Тараз»"])])
    [flag] = flags_of([record])[1]
    fact = flag.facts[0]
    assert flag.code == "state_founder" and fact.values["year"] == 2025 and fact.values["match"] == "аппарат акима"
    text = catalogue().fact_text("state_founder", fact.as_text_values(), "ru")
    assert text == "Учредитель «ГУ «Аппарат акима города Тараз»» (отчёт за 2025 год): в названии — «аппарат акима»"


def state_money(year, share):
    return FilingRecord(year, dt.date(year + 1, 3, 1), 1_000_000, 900_000, 5, state_income=1_000_000 * share)


def test_state_money_for_three_years_in_a_row():
    assert 1 in flags_of([org(1, filings=[state_money(y, 0.9) for y in (2021, 2022, 2023)])])
    gap = [state_money(2021, 0.9), state_money(2022, 0.5), state_money(2023, 0.9), state_money(2024, 0.95)]
    assert 2 not in flags_of([org(2, filings=gap)])
    [flag] = flags_of([org(3, filings=[state_money(y, 0.85) for y in range(2019, 2026)])])[3]
    assert [f.values["year"] for f in flag.facts] == list(range(2019, 2026))
    assert flag.facts[0].values["source"] == "state_sources"


def test_one_named_state_customer_is_named():
    filings = [FilingRecord(y, dt.date(y + 1, 3, 1), 10_000_000, 9_000_000, 5) for y in (2022, 2023, 2024)]
    signals = [SignalRecord("contract", dt.date(y, 2, 1), {"customer": "Управление здравоохранения"}, 8_500_000)
               for y in (2022, 2023, 2024)]
    [flag] = flags_of([org(1, filings=filings, signals=signals)])[1]
    fact = flag.facts[-1]
    assert fact.values == {"year": 2024, "share": 0.85, "source": "Управление здравоохранения"}
    assert "85% доходов — Управление здравоохранения" in catalogue().fact_text(flag.code, fact.as_text_values(), "ru")


def test_registered_shortly_before_a_grant_in_the_same_sphere():
    soon = org(1, registered="2024-01-10", icnpo_group="4",
               signals=[signal("grant", "2024-04-01", icnpo="4 100")])
    late = org(2, registered="2020-01-10", signals=[signal("grant", "2024-04-01")])
    other_sphere = org(3, registered="2024-01-10", icnpo_group="4", signals=[signal("grant", "2024-04-01", icnpo="2")])
    result = flags_of([soon, late, other_sphere])
    [flag] = result[1]
    assert flag.facts[0].values == {"registered": "2024-01-10", "kind": "grant", "days": 82, "same_sphere": True}
    assert "— через 82 дн., в той же сфере" in catalogue().fact_text(flag.code, flag.facts[0].as_text_values(), "ru")
    assert 2 not in result and 3 not in result


def test_a_name_shared_with_many_other_ngos():
    head = "Сейтқали Айгүл Маратқызы"
    records = [org(k, head_name=head, bin=f"0000000000{k:02d}") for k in range(1, 7)]
    records.append(org(7, head_name="Сейтқали Айгүл"))  # a different (shorter) name
    records.append(org(8, head_name="Ахмет"))  # one word: never matched
    result = flags_of(records)
    assert set(result) == {1, 2, 3, 4, 5, 6}
    fact = result[1][0].facts[0]
    assert fact.values["count"] == 5 and fact.values["role"] == "head"
    assert fact.values["examples"] == ["000000000002", "000000000003", "000000000004"]
    # Five holders in all (four others) are fewer than the threshold.
    assert flags_of(records[:5]) == {}


def test_founder_names_count_with_heads_and_liquidated_organisations_do_not():
    name = "Омаров Серик Болатович"
    records = [org(k, head_name=name) for k in range(1, 5)]
    records.append(org(5, filings=[with_founders(2025, [name])]))
    records.append(org(6, filings=[with_founders(2025, ["Омаров Серик Болатович"])]))
    records.append(org(7, head_name=name, register_status="liquidated", register_status_since=dt.date(2020, 1, 1)))
    result = flags_of(records)
    assert set(result) == {1, 2, 3, 4, 5, 6}
    assert result[5][0].facts[0].values["role"] == "founder"


def test_every_flag_text_in_three_languages():
    cat = catalogue()
    for code in ("state_founder", "state_customer_dependence", "registered_before_grant", "shared_person"):
        for lang in ("ru", "kk", "en"):
            assert cat.name(code, lang) and "{" not in cat.definition(code, lang)
        assert cat.disclaimer["kk"] and cat.liquidation["en"]["basis"]
